// The ledger's arithmetic: every movement of a personal account is an immutable entry; credits
// (top-ups, reversals) are positive, debits (payments, refunds) negative. The balance is the sum
// of the entries and never goes below zero. Amounts are decimal strings in UZS, 2 decimals.
import { D } from '../money';

export const LEDGER_KINDS = ['TOP_UP', 'REVERSAL', 'PAYMENT', 'REFUND'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export function isCredit(kind: LedgerKind): boolean {
  switch (kind) {
    case 'TOP_UP':
    case 'REVERSAL':
      return true;
    case 'PAYMENT':
    case 'REFUND':
      return false;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** A UZS amount as stored: a finite decimal with at most 2 decimals. */
export function isUzsAmount(value: string): boolean {
  return /^-?\d{1,18}(\.\d{1,2})?$/.test(value);
}

/** The entry's signed amount for a movement of `magnitude` (> 0): credits +, debits −. */
export function signedAmount(kind: LedgerKind, magnitude: string): string {
  const m = new D(magnitude);
  if (!isUzsAmount(magnitude) || m.lte(0))
    throw new Error(`A ledger movement must be a positive UZS amount, got "${magnitude}"`);
  return (isCredit(kind) ? m : m.neg()).toFixed(2);
}

/** Whether an entry's sign agrees with its kind (a credit kind with a negative amount is a bug). */
export function hasValidSign(kind: LedgerKind, amount: string): boolean {
  if (!isUzsAmount(amount)) return false;
  const a = new D(amount);
  return isCredit(kind) ? a.gt(0) : a.lt(0);
}

export function sumAmounts(amounts: readonly string[]): string {
  return amounts.reduce((sum, a) => sum.plus(a), new D(0)).toFixed(2);
}

export type Posting = { balance: string; isAllowed: true } | { balance: string; isAllowed: false; shortfall: string };

/**
 * The balance after posting `entries` to an account holding `balance`. Not allowed when it would
 * end below zero (the shortfall says how much is missing); entries of one movement are posted
 * together, so a payment's per-type lines are judged by their net.
 */
export function post(balance: string, entries: ReadonlyArray<{ kind: LedgerKind; amount: string }>): Posting {
  for (const e of entries) {
    if (!hasValidSign(e.kind, e.amount)) throw new Error(`A ${e.kind} entry cannot be ${e.amount}`);
  }
  const after = new D(balance).plus(sumAmounts(entries.map((e) => e.amount)));
  if (after.isNegative())
    return { balance: new D(balance).toFixed(2), isAllowed: false, shortfall: after.neg().toFixed(2) };
  return { balance: after.toFixed(2), isAllowed: true };
}

export type StatementLine<T> = T & { balanceAfter: string };
export type Statement<T> = {
  opening: string;
  closing: string;
  credits: string;
  debits: string;
  lines: StatementLine<T>[];
};

/** Running balances from an opening balance, in the order given (oldest first). */
export function runningBalances<T extends { amount: string }>(opening: string, entries: readonly T[]): Statement<T> {
  let balance = new D(opening);
  let credits = new D(0);
  let debits = new D(0);
  const lines = entries.map((e) => {
    const a = new D(e.amount);
    balance = balance.plus(a);
    if (a.isNegative()) debits = debits.plus(a.neg());
    else credits = credits.plus(a);
    return { ...e, balanceAfter: balance.toFixed(2) };
  });
  return {
    opening: new D(opening).toFixed(2),
    closing: balance.toFixed(2),
    credits: credits.toFixed(2),
    debits: debits.toFixed(2),
    lines,
  };
}

/** The lowest balance the account reached over `entries` from `opening` (a ledger that is right never goes below zero). */
export function lowestBalance(opening: string, amounts: readonly string[]): string {
  let balance = new D(opening);
  let lowest = balance;
  for (const a of amounts) {
    balance = balance.plus(a);
    if (balance.lt(lowest)) lowest = balance;
  }
  return lowest.toFixed(2);
}
