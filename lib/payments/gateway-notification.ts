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

/** Why a callback was refused or not acted on; CREDITED and DECLINED are the accepted outcomes. */
export const CALLBACK_OUTCOMES = [
  'CREDITED',
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
  return outcome === 'CREDITED' || outcome === 'DECLINED';
}

/** The HTTP status the portal answers a callback with. A duplicate is 200 so that the gateway stops retrying. */
export function callbackHttpStatus(outcome: CallbackOutcome): number {
  switch (outcome) {
    case 'CREDITED':
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

export type TopUpState = { gateway: string; amount: string; status: 'PENDING' | 'SUCCEEDED' | 'DECLINED'; gatewayTransactionId: string | null };

/**
 * What to do with a verified notification for the top-up it names (null: no such top-up). The
 * bank is the authority on money taken: a success after a decline (a second attempt on the
 * gateway's page) still credits; a decline after a success changes nothing.
 */
export function decideCallback(args: { gateway: string; notification: GatewayNotification; topUp: TopUpState | null; transactionOwner: string | null }): CallbackOutcome {
  const { notification: n, topUp } = args;
  if (!topUp || topUp.gateway !== args.gateway) return 'UNKNOWN_ORDER';
  if (args.transactionOwner !== null && args.transactionOwner !== n.order) return 'TRANSACTION_REUSED';
  if (n.currency !== 'UZS') return 'CURRENCY_MISMATCH';
  if (!new D(n.amount).eq(topUp.amount)) return 'AMOUNT_MISMATCH';
  switch (topUp.status) {
    case 'PENDING':
      return n.status === 'SUCCEEDED' ? 'CREDITED' : 'DECLINED';
    case 'SUCCEEDED':
      return n.status === 'SUCCEEDED' && n.transactionId === topUp.gatewayTransactionId ? 'DUPLICATE' : 'ALREADY_COMPLETED';
    case 'DECLINED':
      return n.status === 'SUCCEEDED' ? 'CREDITED' : 'DUPLICATE';
    default: {
      const never: never = topUp.status;
      return never;
    }
  }
}
