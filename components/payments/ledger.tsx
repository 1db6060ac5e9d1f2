// Pieces of the company account's lists (history, statement, refunds, receipts of a declaration):
// what a ledger movement is, and the link to its receipt.
import { useTranslations } from 'next-intl';

/** The kind of a ledger movement and, under it, the payment type it settled (if any). */
export function LedgerMovement({ kind, paymentType }: { kind: string; paymentType: string | null }) {
  const t = useTranslations('payments');
  return (
    <>
      {t(`kind.${kind}`)}
      {paymentType ? (
        <span className="block text-sm text-slate-700">{t(`paymentTypeShort.${paymentType}`)}</span>
      ) : null}
    </>
  );
}

/** The receipt, opened as a PDF in a new tab; "—" when there is none. */
export function ReceiptLink({ number }: { number: string | null }) {
  const t = useTranslations('payments');
  if (!number) return '—';
  return (
    <a
      href={`/trader/account/receipts/${number}`}
      target="_blank"
      rel="noreferrer"
      className="font-mono text-blue-800 underline"
    >
      {t('receiptLink', { number })}
    </a>
  );
}
