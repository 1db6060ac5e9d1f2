// What a declaration owes, per payment type: the latest assessment's payable amounts (secured
// amounts are not payable) against what the ledger has settled for the declaration so far
// (payments debited, minus overpayments credited back). A refused or withdrawn declaration owes
// nothing, so all it settled is overpaid. A positive net is paid from the balance in one movement
// (its lines are exactly the per-type differences); a negative net is an overpayment, credited
// back to the balance as a refundable credit.
import { D } from '../money';
import type { DeclarationStatus } from '../declaration/lifecycle';

export const PAYMENT_TYPES = ['DUTY', 'EXCISE', 'VAT', 'FEE'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];
export type PerType = Record<PaymentType, string>;

export const zeroPerType = (): PerType => ({ DUTY: '0.00', EXCISE: '0.00', VAT: '0.00', FEE: '0.00' });

/** Sum rows of `{ paymentType, amount }` into a per-type record (2 decimals). */
export function perType(rows: ReadonlyArray<{ paymentType: PaymentType; amount: string }>): PerType {
  const out = { DUTY: new D(0), EXCISE: new D(0), VAT: new D(0), FEE: new D(0) };
  for (const r of rows) out[r.paymentType] = out[r.paymentType].plus(r.amount);
  return { DUTY: out.DUTY.toFixed(2), EXCISE: out.EXCISE.toFixed(2), VAT: out.VAT.toFixed(2), FEE: out.FEE.toFixed(2) };
}

/**
 * Statuses in which a declaration's assessed amounts can be paid (registered, not refused or
 * withdrawn; after release for a later reassessment). Not during an amendment: the trader may be
 * removing items (whose assessed rows go with them), so the amount is known again only when the
 * amended declaration is resubmitted and reassessed.
 */
export const PAYABLE_STATUSES: readonly DeclarationStatus[] = [
  'REGISTERED',
  'ASSIGNED',
  'ON_HOLD',
  'ASSESSED',
  'PAID',
  'RELEASED',
];
/** Statuses in which nothing is owed any more: whatever was paid is overpaid. */
export const NOTHING_OWED_STATUSES: readonly DeclarationStatus[] = ['REFUSED', 'WITHDRAWN'];

export function isPayableStatus(status: DeclarationStatus): boolean {
  return PAYABLE_STATUSES.includes(status);
}

/** A line of a settlement: `amount` > 0 is debited (still owed), < 0 credited back (overpaid). */
export type SettlementLine = { paymentType: PaymentType; amount: string };

export type Settlement =
  | { kind: 'SETTLED'; net: '0.00'; lines: [] }
  | { kind: 'DUE'; net: string; lines: SettlementLine[] }
  | { kind: 'OVERPAID'; net: string; lines: SettlementLine[] };

/**
 * Compare what is owed (`target`) with what was settled, type by type. Lines are the non-zero
 * differences in PAYMENT_TYPES order; `net` is their sum (positive when due, negative when overpaid).
 */
export function settlementOf(args: { target: PerType; settled: PerType }): Settlement {
  const lines: SettlementLine[] = [];
  let net = new D(0);
  for (const type of PAYMENT_TYPES) {
    const diff = new D(args.target[type]).minus(args.settled[type]);
    if (diff.isZero()) continue;
    lines.push({ paymentType: type, amount: diff.toFixed(2) });
    net = net.plus(diff);
  }
  if (net.isZero()) {
    // Differences that cancel out (a reassessment moved money between types) are settled as a whole:
    // re-allocating between types needs no movement of the balance.
    return { kind: 'SETTLED', net: '0.00', lines: [] };
  }
  return net.isPositive()
    ? { kind: 'DUE', net: net.toFixed(2), lines }
    : { kind: 'OVERPAID', net: net.toFixed(2), lines };
}

/** What is owed per type: the assessment, or nothing once the declaration is refused or withdrawn. */
export function targetFor(status: DeclarationStatus, assessed: PerType): PerType {
  return NOTHING_OWED_STATUSES.includes(status) ? zeroPerType() : assessed;
}

/** What is still to pay, as shown beside "Still to pay": the net when something is due, else 0.00 (never negative). */
export function amountDueOf(settlement: Settlement): string {
  return settlement.kind === 'DUE' ? settlement.net : '0.00';
}
