// What any payment gateway tells the portal about a top-up, once it has verified its own signature
// and parsed its own wire format: the order (the top-up's id), the gateway's transaction id, the
// amount and currency, success or decline, and when. The ledger acts on this shape only, and decides
// here what a notification does to the top-up it names.
import { D } from '../money';

export const NOTIFICATION_STATUSES = ['SUCCEEDED', 'DECLINED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export type GatewayNotification = {
  /** The portal's order id: the top-up's id, as sent at checkout. */
  order: string;
  /** The gateway's own id of the card transaction (unique per gateway payment). */
  transactionId: string;
  /** A decimal string, as the gateway states it (compared by value: "5000000" = "5000000.00"). */
  amount: string;
  /** ISO 4217; anything but UZS is refused. */
  currency: string;
  status: NotificationStatus;
  /** When the gateway says the payment (or decline) happened. */
  paidAt: Date;
};

/**
 * Why a callback was refused or not acted on; CREDITED, CREDITED_EXTRA and DECLINED are the accepted
 * outcomes. CREDITED_EXTRA: the bank charged an already credited order a second time (another
 * transaction, e.g. a second checkout tab) — the money was taken, so it is credited as a new top-up.
 */
export const CALLBACK_OUTCOMES = [
  'CREDITED',
  'CREDITED_EXTRA',
  'DECLINED',
  'DUPLICATE',
  'BAD_SIGNATURE',
  'STALE',
  'MALFORMED',
  'UNKNOWN_GATEWAY',
  'UNKNOWN_ORDER',
  'AMOUNT_MISMATCH',
  'CURRENCY_MISMATCH',
  'TRANSACTION_REUSED',
  'ALREADY_COMPLETED',
] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

export function isAcceptedOutcome(outcome: CallbackOutcome): boolean {
  return outcome === 'CREDITED' || outcome === 'CREDITED_EXTRA' || outcome === 'DECLINED';
}

/** The HTTP status the portal answers a callback with. A duplicate is 200 so that the gateway stops retrying. */
export function callbackHttpStatus(outcome: CallbackOutcome): number {
  switch (outcome) {
    case 'CREDITED':
    case 'CREDITED_EXTRA':
    case 'DECLINED':
    case 'DUPLICATE':
      return 200;
    case 'BAD_SIGNATURE':
      return 401;
    case 'STALE':
    case 'MALFORMED':
      return 400;
    case 'UNKNOWN_GATEWAY':
    case 'UNKNOWN_ORDER':
      return 404;
    case 'ALREADY_COMPLETED':
    case 'TRANSACTION_REUSED':
      return 409;
    case 'AMOUNT_MISMATCH':
    case 'CURRENCY_MISMATCH':
      return 422;
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

export type TopUpState = {
  gateway: string;
  amount: string;
  status: 'PENDING' | 'SUCCEEDED' | 'DECLINED';
  gatewayTransactionId: string | null;
};

/**
 * What to do with a verified notification for the top-up it names (null: no such top-up).
 * `transactionOrder` is the order the notified transaction id is already recorded against (null: a
 * new transaction) — a top-up's own id, or for a second charge's top-up the order it was charged for.
 * The bank is the authority on money taken: a success after a decline (a second attempt on the
 * gateway's page) still credits; a success with another transaction for a credited order (the bank
 * charged it twice) is credited as a new top-up (CREDITED_EXTRA); a known transaction again is a
 * duplicate; a decline after a success moves no money and changes nothing (ALREADY_COMPLETED).
 */
export function decideCallback(args: {
  gateway: string;
  notification: GatewayNotification;
  topUp: TopUpState | null;
  transactionOrder: string | null;
}): CallbackOutcome {
  const { notification: n, topUp } = args;
  if (!topUp || topUp.gateway !== args.gateway) return 'UNKNOWN_ORDER';
  if (args.transactionOrder !== null && args.transactionOrder !== n.order) return 'TRANSACTION_REUSED';
  if (n.currency !== 'UZS') return 'CURRENCY_MISMATCH';
  if (!new D(n.amount).eq(topUp.amount)) return 'AMOUNT_MISMATCH';
  switch (topUp.status) {
    case 'PENDING':
      return n.status === 'SUCCEEDED' ? 'CREDITED' : 'DECLINED';
    case 'SUCCEEDED':
      if (n.status === 'DECLINED') return 'ALREADY_COMPLETED';
      return args.transactionOrder === null ? 'CREDITED_EXTRA' : 'DUPLICATE';
    case 'DECLINED':
      return n.status === 'SUCCEEDED' ? 'CREDITED' : 'DUPLICATE';
    default: {
      const never: never = topUp.status;
      return never;
    }
  }
}
