import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listAuthorityApplications } from '@/src/server/permits/desk';
import { PageHeader } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Badge } from '@/components/ui/badge';
import { Pagination } from '@/components/ui/pagination';
import { ZPageQuery, pageCount } from '@/lib/pagination';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('agency');
  return { title: t('deskTitle') };
}

export default async function AgencyDeskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor(['AGENCY_OFFICER']);
  const { page } = ZPageQuery.parse(await searchParams);
  const t = await getTranslations('agency');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const desk = await listAuthorityApplications({ actor, page });
  const pages = pageCount(desk.total, desk.pageSize);
  return (
    <>
      <PageHeader title={t('deskTitle')} intro={t('deskIntro', { authority: desk.authority ? `${desk.authority.name} (${desk.authority.code})` : '' })} />
      {desk.total === 0 ? (
        <p>{t('noApplications')}</p>
      ) : (
        <>
          <Table caption={t('deskTitle')} head={[t('colNumber'), t('colType'), t('colCompany'), t('colStatus'), t('colSubmitted')]}>
            {desk.rows.map((a) => (
              <tr key={a.id}>
                <Td className="font-mono">{a.number ?? '—'}</Td>
                <Td>{`${a.permitType.code} — ${a.permitType.name}`}</Td>
                <Td>{`${a.company.name} (${a.company.tin})`}</Td>
                <Td>
                  <Badge tone="info">{a.status}</Badge>
                </Td>
                <Td>{a.submittedAt ? format.dateTime(a.submittedAt, { dateStyle: 'medium', timeStyle: 'short' }) : '—'}</Td>
              </tr>
            ))}
          </Table>
          <Pagination page={page} pages={pages} hrefFor={(p) => `/agency?page=${p}`} labels={{ previous: tc('previous'), next: tc('next'), pageOf: tc('pageOf', { page, pages }), navLabel: tc('pagination') }} />
        </>
      )}
    </>
  );
}
