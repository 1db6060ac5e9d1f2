import type { Metadata } from 'next';
import Link from 'next/link';
import { randomUUID } from 'node:crypto';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getAccountOverview, listOpenSettlements } from '@/src/server/payments/read';
import { listPendingTopUps } from '@/src/server/payments/top-ups';
import { topUpGateway } from '@/src/server/payments/gateway/registry';
import { PageHeader, Section } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { StatusBadge } from '@/components/ui/status';
import { Pagination } from '@/components/ui/pagination';
import { BalancePanel } from '@/components/payments/badges';
import { CreditOverpaymentForm, PayForm, TopUpForm } from '@/components/payments/forms';
import { formatAmount } from '@/lib/money';
import { pageCount } from '@/lib/pagination';
import { z } from 'zod';
import { creditOverpaymentAction, payDeclarationAction, startTopUpAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('account.title') };
}

const ZPages = z.object({
  duePage: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  overpaidPage: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['TRADER']);
  const { duePage, overpaidPage } = ZPages.parse(await searchParams);
  const t = await getTranslations('payments');
  const ts = await getTranslations('status');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const [overview, due, overpaid, pending] = await Promise.all([
    getAccountOverview({ actor }),
    listOpenSettlements({ actor, kind: 'DUE', page: duePage }),
    listOpenSettlements({ actor, kind: 'OVERPAID', page: overpaidPage }),
    listPendingTopUps({ actor }),
  ]);
  const isTopUpAvailable = topUpGateway() !== null;
  const uzs = (amount: string) => `${formatAmount(amount)} UZS`;
  const pager = (name: 'duePage' | 'overpaidPage', page: number, total: number) => {
    const pages = pageCount(total, due.pageSize);
    return (
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(p) =>
          `/trader/account?${new URLSearchParams({ duePage: String(name === 'duePage' ? p : duePage), overpaidPage: String(name === 'overpaidPage' ? p : overpaidPage) })}`
        }
        labels={{
          previous: tc('previous'),
          next: tc('next'),
          pageOf: tc('pageOf', { page, pages }),
          navLabel: tc('pagination'),
        }}
      />
    );
  };

  // The declaration, its status and the net amount: the first cells of both settlement tables.
  const settlementCells = (r: (typeof due.rows)[number]) => (
    <>
      <Td>
        <Link href={`/trader/declarations/${r.id}`} className="font-mono text-blue-800 underline">
          {r.registrationNumber}
        </Link>
      </Td>
      <Td>
        <StatusBadge status={r.status} label={ts(r.status)} />
      </Td>
      <Td className="font-mono whitespace-nowrap">{uzs(r.net)}</Td>
    </>
  );

  return (
    <>
      <PageHeader title={t('account.title')} intro={t('account.intro', { company: overview.companyName })} />
      <BalancePanel label={t('account.balance')} value={uzs(overview.balance)}>
        {overview.pendingRefunds !== '0.00' ? (
          <p className="mt-1 text-sm">{t('account.pendingRefunds', { amount: uzs(overview.pendingRefunds) })}</p>
        ) : null}
        <ul className="mt-3 flex flex-wrap gap-4">
          <li>
            <Link href="/trader/account/history" className="text-blue-800 underline">
              {t('account.historyLink')}
            </Link>
          </li>
          <li>
            <Link href="/trader/account/statement" className="text-blue-800 underline">
              {t('account.statementLink')}
            </Link>
          </li>
          <li>
            <Link href="/trader/account/refunds" className="text-blue-800 underline">
              {t('account.refundsLink')}
            </Link>
          </li>
        </ul>
      </BalancePanel>

      <Section title={t('topUp.title')}>
        {isTopUpAvailable ? (
          <>
            <p className="mb-4">{t('topUp.intro')}</p>
            <TopUpForm action={startTopUpAction} />
          </>
        ) : (
          <p>{t('topUp.unavailable')}</p>
        )}
        {pending.length > 0 ? (
          <div className="mt-6">
            <h3 className="mb-2 text-lg font-semibold">{t('topUp.pendingTitle')}</h3>
            <Table
              caption={t('topUp.pendingTitle')}
              head={[t('topUp.colStarted'), t('topUp.colAmount'), t('topUp.colStatus')]}
            >
              {pending.map((p) => (
                <tr key={p.id}>
                  <Td>
                    <Link href={`/trader/account/top-ups/${p.id}`} className="text-blue-800 underline">
                      {format.dateTime(p.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                    </Link>
                  </Td>
                  <Td className="font-mono">{uzs(p.amount)}</Td>
                  <Td>{t('topUpStatus.PENDING')}</Td>
                </tr>
              ))}
            </Table>
          </div>
        ) : null}
      </Section>

      <Section title={t('due.title')}>
        {due.total === 0 ? (
          <p>{t('due.none')}</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-700" role="status">
              {t('due.count', { count: due.total })}
            </p>
            <Table
              caption={t('due.title')}
              head={[t('due.colDeclaration'), t('due.colStatus'), t('due.colAmount'), t('due.colPay')]}
            >
              {due.rows.map((r) => (
                <tr key={r.id}>
                  {settlementCells(r)}
                  <Td>
                    <PayForm
                      action={payDeclarationAction.bind(null, r.id)}
                      idempotencyKey={randomUUID()}
                      amount={r.net}
                      label={t('pay.buttonFor', { amount: formatAmount(r.net), number: r.registrationNumber })}
                    />
                  </Td>
                </tr>
              ))}
            </Table>
            {pager('duePage', duePage, due.total)}
          </>
        )}
      </Section>

      {overpaid.total > 0 ? (
        <Section title={t('overpaid.title')}>
          <p className="mb-3">{t('overpaid.intro')}</p>
          <Table
            caption={t('overpaid.title')}
            head={[t('due.colDeclaration'), t('due.colStatus'), t('overpaid.colAmount'), t('overpaid.colCredit')]}
          >
            {overpaid.rows.map((r) => (
              <tr key={r.id}>
                {settlementCells(r)}
                <Td>
                  <CreditOverpaymentForm
                    action={creditOverpaymentAction.bind(null, r.id)}
                    amount={r.net}
                    label={t('overpaid.buttonFor', { amount: formatAmount(r.net), number: r.registrationNumber })}
                  />
                </Td>
              </tr>
            ))}
          </Table>
          {pager('overpaidPage', overpaidPage, overpaid.total)}
        </Section>
      ) : null}
    </>
  );
}
