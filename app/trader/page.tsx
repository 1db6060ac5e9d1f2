import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listCompanyDeclarations } from '@/src/server/declarations/read';
import { db } from '@/src/server/db';
import { PageHeader } from '@/components/ui/page';
import { LinkButton } from '@/components/ui/link-button';
import { Table, Td } from '@/components/ui/table';
import { StatusBadge } from '@/components/ui/status';
import { Pagination } from '@/components/ui/pagination';
import { ZPageQuery, pageCount } from '@/lib/pagination';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('trader');
  return { title: t('accountTitle') };
}

export default async function TraderHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor(['TRADER']);
  const { page } = ZPageQuery.parse(await searchParams);
  const t = await getTranslations('trader');
  const ts = await getTranslations('status');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const company = actor.companyId ? await db.company.findUnique({ where: { id: actor.companyId }, select: { name: true } }) : null;
  const list = await listCompanyDeclarations({ actor, page });
  const pages = pageCount(list.total, list.pageSize);
  const from = list.total === 0 ? 0 : (page - 1) * list.pageSize + 1;
  return (
    <>
      <PageHeader title={t('accountTitle')} intro={t('accountIntro', { company: company?.name ?? '' })} actions={<LinkButton href="/trader/declarations/new">{t('newDeclaration')}</LinkButton>} />
      <h2 className="mb-3 text-xl font-semibold">{t('declarationsHeading')}</h2>
      {list.total === 0 ? (
        <p>{t('noDeclarations')}</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700">{tc('showing', { from, to: from + list.rows.length - 1, total: list.total })}</p>
          <Table caption={t('declarationsHeading')} head={[t('colNumber'), t('colRegime'), t('colPost'), t('colItems'), t('colStatus'), t('colCreated')]}>
            {list.rows.map((d) => (
              <tr key={d.id}>
                <Td>
                  <Link href={`/trader/declarations/${d.id}`} className="font-mono text-blue-800 underline">
                    {d.registrationNumber ?? t('draftLabel')}
                  </Link>
                </Td>
                <Td>{d.regime}</Td>
                <Td>{d.post ? `${d.post.code} ${d.post.name}` : '—'}</Td>
                <Td>{d._count.items}</Td>
                <Td>
                  <StatusBadge status={d.status} label={ts(d.status)} />
                </Td>
                <Td>{format.dateTime(d.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
              </tr>
            ))}
          </Table>
          <Pagination page={page} pages={pages} hrefFor={(p) => `/trader?page=${p}`} labels={{ previous: tc('previous'), next: tc('next'), pageOf: tc('pageOf', { page, pages }), navLabel: tc('pagination') }} />
        </>
      )}
    </>
  );
}
