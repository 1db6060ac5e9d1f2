import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listMovements } from '@/src/server/payments/read';
import { BackLink, PageHeader } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { SignedAmount } from '@/components/payments/badges';
import { HistoryFilters } from '@/components/payments/filters';
import { LedgerMovement, ReceiptLink } from '@/components/payments/ledger';
import { formatAmount } from '@/lib/money';
import { pageCount } from '@/lib/pagination';
import { LEDGER_KINDS } from '@/lib/payments/ledger';
import { ZHistoryQuery, historyQueryParams } from '@/lib/payments/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('history.title') };
}

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['TRADER']);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = ZHistoryQuery.parse(raw);
  const t = await getTranslations('payments');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const list = await listMovements({ actor, query });
  const pages = pageCount(list.total, list.pageSize);
  const from = list.total === 0 ? 0 : (query.page - 1) * list.pageSize + 1;
  return (
    <>
      <BackLink href="/trader/account">{t('back')}</BackLink>
      <PageHeader title={t('history.title')} intro={t('history.intro')} />
      <HistoryFilters
        labels={{
          legend: t('history.filters'),
          kind: t('history.kind'),
          from: t('history.from'),
          to: t('history.to'),
          any: t('history.any'),
          apply: t('history.apply'),
          clear: t('history.clear'),
          dateHint: t('dateHint'),
        }}
        values={{ kind: query.kind, from: query.from, to: query.to }}
        kinds={LEDGER_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
      />
      {list.total === 0 ? (
        <p>{t('history.none')}</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700" role="status">
            {tc('showing', { from, to: from + list.rows.length - 1, total: list.total })}
          </p>
          <Table
            caption={t('history.title')}
            head={[t('col.date'), t('col.movement'), t('col.reference'), t('col.amount'), t('col.receipt')]}
          >
            {list.rows.map((m) => (
              <tr key={m.id}>
                <Td>{format.dateTime(m.at, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
                <Td>
                  <LedgerMovement kind={m.kind} paymentType={m.paymentType} />
                </Td>
                <Td>
                  {m.declarationId ? (
                    <Link
                      href={`/trader/declarations/${m.declarationId}`}
                      className="font-mono text-blue-800 underline"
                    >
                      {m.reference}
                    </Link>
                  ) : (
                    <span className="font-mono">{m.reference}</span>
                  )}
                </Td>
                <Td>
                  <SignedAmount amount={m.amount} formatted={formatAmount(m.amount)} />
                </Td>
                <Td>
                  <ReceiptLink number={m.receiptNumber} />
                </Td>
              </tr>
            ))}
          </Table>
          <Pagination
            page={query.page}
            pages={pages}
            hrefFor={(p) => `/trader/account/history${historyQueryParams(query, { page: p })}`}
            labels={{
              previous: tc('previous'),
              next: tc('next'),
              pageOf: tc('pageOf', { page: query.page, pages }),
              navLabel: tc('pagination'),
            }}
          />
        </>
      )}
    </>
  );
}
