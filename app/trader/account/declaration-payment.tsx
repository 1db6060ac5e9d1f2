// The payment parts of a declaration's page (app/trader/declarations/[id]): the one-click pay
// control in "What happens next", and the receipts and any overpayment under "Payments".
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { DeclarationPayments } from '@/src/server/payments/read';
import { CreditOverpaymentForm, PayForm } from '@/components/payments/forms';
import { ReceiptLink } from '@/components/payments/ledger';
import { Table, Td } from '@/components/ui/table';
import { D, formatAmount } from '@/lib/money';
import { creditOverpaymentAction, payDeclarationAction } from './actions';

/** "Pay N UZS" from the balance, with the balance beside it (a key per render: a double click pays once). */
export async function DeclarationPayControl({
  declarationId,
  payments,
}: {
  declarationId: string;
  payments: DeclarationPayments | null;
}) {
  if (!payments?.canPay || payments.settlement.kind !== 'DUE') return null;
  const t = await getTranslations('payments');
  const due = payments.settlement.net;
  const isShort = new D(payments.balance).lt(due);
  return (
    <div className="mt-3 flex flex-col gap-2">
      <p>{t('pay.balance', { amount: `${formatAmount(payments.balance)} UZS` })}</p>
      {isShort ? (
        <p className="font-medium text-amber-900">
          {t('pay.short', { amount: `${formatAmount(new D(due).minus(payments.balance).toFixed(2))} UZS` })}{' '}
          <Link href="/trader/account" className="text-blue-800 underline">
            {t('pay.topUpLink')}
          </Link>
        </p>
      ) : null}
      <PayForm
        action={payDeclarationAction.bind(null, declarationId)}
        idempotencyKey={randomUUID()}
        amount={due}
        label={t('pay.button', { amount: formatAmount(due) })}
      />
    </div>
  );
}

/** The declaration's receipts, and a refundable overpayment to credit back to the balance. */
export async function DeclarationPaymentsDetails({
  declarationId,
  payments,
}: {
  declarationId: string;
  payments: DeclarationPayments | null;
}) {
  if (!payments) return null;
  const t = await getTranslations('payments');
  const format = await getFormatter();
  const overpaid = payments.settlement.kind === 'OVERPAID' ? new D(payments.settlement.net).neg().toFixed(2) : null;
  return (
    <div className="mt-4 flex flex-col gap-4">
      {payments.settlement.kind === 'SETTLED' && payments.payments.length > 0 ? (
        <p className="font-medium text-emerald-800">
          {payments.isNothingOwed ? t('declaration.creditedBack') : t('declaration.settled')}
        </p>
      ) : null}
      {overpaid ? (
        <div className="border-l-8 border-amber-500 bg-amber-50 p-4">
          <p className="mb-3">{t('declaration.overpaid', { amount: `${formatAmount(overpaid)} UZS` })}</p>
          <CreditOverpaymentForm
            action={creditOverpaymentAction.bind(null, declarationId)}
            amount={overpaid}
            label={t('overpaid.button', { amount: formatAmount(overpaid) })}
          />
        </div>
      ) : null}
      {payments.payments.length > 0 ? (
        <Table caption={t('declaration.receipts')} head={[t('col.date'), t('col.amount'), t('col.receipt')]}>
          {payments.payments.map((p) => (
            <tr key={p.id}>
              <Td>{format.dateTime(p.at, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
              <Td className="font-mono whitespace-nowrap">
                {p.amount.startsWith('-')
                  ? t('declaration.credited', { amount: formatAmount(p.amount.slice(1)) })
                  : `${formatAmount(p.amount)} UZS`}
              </Td>
              <Td>
                <ReceiptLink number={p.receiptNumber} />
              </Td>
            </tr>
          ))}
        </Table>
      ) : null}
    </div>
  );
}
