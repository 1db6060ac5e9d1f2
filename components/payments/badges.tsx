// Status of top-ups and refunds as text plus colour, never colour alone; amounts with their sign.
import { Badge, type Tone } from '../ui/badge';

export type TopUpStatus = 'PENDING' | 'SUCCEEDED' | 'DECLINED';
export type RefundStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'APPLIED';

export function topUpTone(status: TopUpStatus): Tone {
  switch (status) {
    case 'PENDING':
      return 'warning';
    case 'SUCCEEDED':
      return 'success';
    case 'DECLINED':
      return 'danger';
    default: {
      const never: never = status;
      return never;
    }
  }
}

export function refundTone(status: RefundStatus): Tone {
  switch (status) {
    case 'PENDING':
      return 'warning';
    case 'APPROVED':
    case 'APPLIED':
      return 'success';
    case 'REJECTED':
      return 'danger';
    default: {
      const never: never = status;
      return never;
    }
  }
}

export function TopUpBadge({ status, label }: { status: TopUpStatus; label: string }) {
  return <Badge tone={topUpTone(status)}>{label}</Badge>;
}

export function RefundBadge({ status, label }: { status: RefundStatus; label: string }) {
  return <Badge tone={refundTone(status)}>{label}</Badge>;
}

/** A ledger amount: credits in green with "+", debits with "−" (the sign is text, not only colour). */
export function SignedAmount({ amount, formatted }: { amount: string; formatted: string }) {
  const isDebit = amount.startsWith('-');
  return (
    <span className={`font-mono whitespace-nowrap ${isDebit ? 'text-slate-900' : 'text-emerald-800'}`}>
      {isDebit ? `−${formatted.replace(/^-/, '')}` : `+${formatted}`}
    </span>
  );
}

/** The balance, prominent. */
export function BalancePanel({ label, value, children }: { label: string; value: string; children?: React.ReactNode }) {
  return (
    <section aria-label={label} className="mb-8 rounded border-l-8 border-emerald-600 bg-emerald-50 p-4">
      <p className="text-sm font-medium text-slate-700">{label}</p>
      <p className="text-3xl font-bold">{value}</p>
      {children}
    </section>
  );
}
