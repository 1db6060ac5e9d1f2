// Permit fees: when the catalogue's fee is taken from the company's personal account and when it is
// given back. Pure; the money moves in src/server/permits/fees.ts through the one ledger writer.
//
// CHARGE. At submission (DRAFT → SUBMITTED), once per application: the type's fee as it stands
//   then, debited from the personal account with a receipt. A balance that does not cover it
//   refuses the submission (nothing written). A fee of 0 charges nothing and issues no receipt.
//   An answer to the authority's question is not a new submission and charges nothing.
// REFUND. When the application ends without a permit — refused by the authority, or withdrawn by
//   the trader after submission — the fee is credited back, once, with a receipt, if the type's
//   rule said so when the fee was charged (`PermitType.isFeeRefundable`, copied to the charge: the
//   terms the trader was shown). An issued permit, or a draft withdrawn before submission (nothing
//   was charged), refunds nothing.
import { D } from '../money';

/** Does a fee of this amount charge anything? */
export function isFeeCharged(fee: string): boolean {
  return new D(fee).gt(0);
}

export type FeeOutcome = 'ISSUED' | 'REFUSED' | 'WITHDRAWN';

/**
 * What is credited back when an application ends with `outcome`: the charged amount, or null when
 * nothing is due (nothing charged, not refundable, already refunded, or a permit was issued).
 */
export function feeRefundDue(args: {
  outcome: FeeOutcome;
  charge: { amount: string; isRefundable: boolean } | null;
  isRefunded: boolean;
}): string | null {
  const { outcome, charge, isRefunded } = args;
  if (!charge || isRefunded || !charge.isRefundable) return null;
  switch (outcome) {
    case 'ISSUED':
      return null;
    case 'REFUSED':
    case 'WITHDRAWN':
      return new D(charge.amount).gt(0) ? new D(charge.amount).toFixed(2) : null;
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

/**
 * Before submitting: the fee, the balance and what is missing (null when the balance covers it).
 * The page shows it; the submission checks it again under the account's lock.
 */
export function feeShortfall(fee: string, balance: string): string | null {
  const missing = new D(fee).minus(balance);
  return missing.gt(0) ? missing.toFixed(2) : null;
}
