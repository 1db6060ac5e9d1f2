import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getAccountOverview } from '@/src/server/payments/read';
import { listCompanyRefunds } from '@/src/server/payments/refunds';
import { BackLink, PageHeader, Section } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { RefundBadge } from '@/components/payments/badges';
import { RefundRequestForm } from '@/components/payments/forms';
import { ReceiptLink } from '@/components/payments/ledger';
import { formatAmount } from '@/lib/money';
import { ZPageQuery, pageCount } from '@/lib/pagination';
import { requestRefundAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('refunds.title') };
}

export default async function RefundsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['TRADER']);
  const { page } = ZPageQuery.parse(await searchParams);
  const t = await getTranslations('payments');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const [overview, list] = await Promise.all([getAccountOverview({ actor }), listCompanyRefunds({ actor, page })]);
  const pages = pageCount(list.total, list.pageSize);
  const uzs = (v: string) => `${formatAmount(v)} UZS`;
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  return (
    <>
      <BackLink href="/trader/account">{t('back')}</BackLink>
      <PageHeader title={t('refunds.title')} intro={t('refunds.intro')} />
      <Section title={t('refunds.requestTitle')}>
        <p className="mb-4">
          {t('refunds.available', { amount: uzs(overview.available), balance: uzs(overview.balance) })}
        </p>
        <RefundRequestForm action={requestRefundAction} />
      </Section>
      <Section title={t('refunds.listTitle')}>
        {list.total === 0 ? (
          <p>{t('refunds.none')}</p>
        ) : (
          <>
            <Table
              caption={t('refunds.listTitle')}
              head={[
                t('refunds.colRequested'),
                t('refunds.colAmount'),
                t('refunds.colReason'),
                t('refunds.colStatus'),
                t('refunds.colDecided'),
                t('col.receipt'),
              ]}
            >
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <Td>{when(r.createdAt)}</Td>
                  <Td className="font-mono whitespace-nowrap">{uzs(r.amount)}</Td>
                  <Td>{r.reason}</Td>
                  <Td>
                    <RefundBadge status={r.status} label={t(`refundStatus.${r.status}`)} />
                    {r.decisionNote ? (
                      <span className="mt-1 block text-sm text-slate-700">{r.decisionNote}</span>
                    ) : null}
                  </Td>
                  <Td>{when(r.decidedAt)}</Td>
                  <Td>
                    <ReceiptLink number={r.receiptNumber} />
                  </Td>
                </tr>
              ))}
            </Table>
            <Pagination
              page={page}
              pages={pages}
              hrefFor={(p) => `/trader/account/refunds?page=${p}`}
              labels={{
                previous: tc('previous'),
                next: tc('next'),
                pageOf: tc('pageOf', { page, pages }),
                navLabel: tc('pagination'),
              }}
            />
          </>
        )}
      </Section>
    </>
  );
}
