import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requirePageActor } from '@/src/server/auth/session';
import { REFUND_FILTERS, listRefundsForFinance } from '@/src/server/payments/refunds';
import { PageHeader } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { RefundBadge } from '@/components/payments/badges';
import { formatAmount } from '@/lib/money';
import { pageCount } from '@/lib/pagination';
import { isAppError } from '@/lib/errors';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('finance.title') };
}

const ZQuery = z.object({
  filter: z.enum(REFUND_FILTERS).catch('PENDING'),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

/** The finance desk: refund requests awaiting a decision (oldest first), or those decided. Finance permission only. */
export default async function FinanceRefundsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['SUPERVISOR']);
  const { filter, page } = ZQuery.parse(await searchParams);
  const list = await listRefundsForFinance({ actor, filter, page }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'FORBIDDEN') forbidden();
    throw e;
  });
  const t = await getTranslations('payments');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const pages = pageCount(list.total, list.pageSize);
  const uzs = (v: string) => `${formatAmount(v)} UZS`;
  return (
    <>
      <PageHeader title={t('finance.title')} intro={t('finance.intro')} />
      <nav aria-label={t('finance.filters')} className="mb-4 flex gap-4">
        {REFUND_FILTERS.map((f) => (
          <Link
            key={f}
            href={`/officer/refunds?filter=${f}`}
            aria-current={f === filter ? 'page' : undefined}
            className={f === filter ? 'font-semibold text-slate-900' : 'text-blue-800 underline'}
          >
            {t(`finance.filter.${f}`)}
          </Link>
        ))}
      </nav>
      {list.total === 0 ? (
        <p>{t(`finance.none.${filter}`)}</p>
      ) : (
        <>
          <Table
            caption={t(`finance.filter.${filter}`)}
            head={[
              t('finance.colRequested'),
              t('finance.colCompany'),
              t('finance.colAmount'),
              t('finance.colBalance'),
              t('finance.colStatus'),
            ]}
          >
            {list.rows.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link href={`/officer/refunds/${r.id}`} className="text-blue-800 underline">
                    {format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </Link>
                </Td>
                <Td>
                  {r.company?.name} <span className="text-sm text-slate-600">({r.company?.tin})</span>
                </Td>
                <Td className="font-mono whitespace-nowrap">{uzs(r.amount)}</Td>
                <Td className="font-mono whitespace-nowrap">{uzs(r.balance)}</Td>
                <Td>
                  <RefundBadge status={r.status} label={t(`refundStatus.${r.status}`)} />
                </Td>
              </tr>
            ))}
          </Table>
          <Pagination
            page={page}
            pages={pages}
            hrefFor={(p) => `/officer/refunds?filter=${filter}&page=${p}`}
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
