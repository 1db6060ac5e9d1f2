import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listPostClearanceAudits } from '@/src/server/audits/post-clearance';
import { PageHeader } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { Badge } from '@/components/ui/badge';
import { AUDIT_FILTERS, ZAuditListQuery } from '@/lib/audits/post-clearance';
import { formatAmount } from '@/lib/money';
import { pageCount } from '@/lib/pagination';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audits');
  return { title: t('title') };
}

/** The post's released blue-channel declarations to audit (oldest release first), or those audited. */
export default async function PostClearanceAuditsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['INSPECTOR', 'SUPERVISOR']);
  const { filter, page } = ZAuditListQuery.parse(await searchParams);
  const list = await listPostClearanceAudits({ actor, filter, page });
  const t = await getTranslations('audits');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const pages = pageCount(list.total, list.pageSize);
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <nav aria-label={t('filters')} className="mb-4 flex gap-4">
        {AUDIT_FILTERS.map((f) => (
          <Link
            key={f}
            href={`/officer/audits?filter=${f}`}
            aria-current={f === filter ? 'page' : undefined}
            className={f === filter ? 'font-semibold text-slate-900' : 'text-blue-800 underline'}
          >
            {t(`filter.${f}`)}
          </Link>
        ))}
      </nav>
      {list.total === 0 ? (
        <p>{t(`none.${filter}`)}</p>
      ) : (
        <>
          <Table
            caption={t(`filter.${filter}`)}
            head={[
              t('colNumber'),
              t('colTrader'),
              t('colRegime'),
              t('colItems'),
              t('colReleased'),
              ...(filter === 'DONE' ? [t('colOutcome')] : []),
            ]}
          >
            {list.rows.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link href={`/officer/audits/${r.id}`} className="font-mono text-blue-800 underline">
                    {r.registrationNumber}
                  </Link>
                </Td>
                <Td>
                  {r.company.name} <span className="text-sm text-slate-600">({r.company.tin})</span>
                </Td>
                <Td>{r.regime}</Td>
                <Td>{r._count.items}</Td>
                <Td>
                  {r.releasedAt ? format.dateTime(r.releasedAt, { dateStyle: 'medium', timeStyle: 'short' }) : '—'}
                </Td>
                {filter === 'DONE' ? (
                  <Td>
                    {r.audit?.isHit ? (
                      <Badge tone="danger">{`${t('outcomeHit')}: ${formatAmount(r.audit.additionalRevenue)} UZS`}</Badge>
                    ) : (
                      <Badge tone="success">{t('outcomeClean')}</Badge>
                    )}
                  </Td>
                ) : null}
              </tr>
            ))}
          </Table>
          <Pagination
            page={page}
            pages={pages}
            hrefFor={(p) => `/officer/audits?filter=${filter}&page=${p}`}
            labels={{
              previous: tc('previous'),
              next: tc('next'),
              pageOf: tc('pageOf', { page, pages }),
              navLabel: tc('pagination'),
            }}
          />
        </>
      )}
    </>
  );
}
