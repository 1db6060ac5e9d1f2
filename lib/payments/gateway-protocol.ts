// The built-in test gateway's wire protocol, the pure part (HMAC itself is computed in
// src/server/payments/gateway). Only the test gateway reads these shapes: what the ledger acts on is
// the gateway-neutral notification of gateway-notification.ts.
//
// 1. Checkout: the portal sends the trader's browser to the gateway with the order (the top-up's
//    id), amount, currency and return path, signed with the shared secret (HMAC-SHA256 over the
//    canonical query below), so the browser cannot change the amount on the way.
// 2. Callback: the gateway POSTs a JSON notification to the portal, server to server, with
//    `X-Gateway-Timestamp` (Unix seconds) and `X-Gateway-Signature: v1=<hex HMAC-SHA256 of
//    "<timestamp>.<raw body>">`. The portal checks the signature over the exact bytes received (an
//    altered body fails), the timestamp's freshness (an old message replayed later fails), then the
//    order, currency and amount against the top-up it started; the gateway's transaction id makes
//    a repeated callback a duplicate that credits nothing.
import { z } from 'zod';
import { D } from '../money';
import { isUzsAmount } from './ledger';
import { NOTIFICATION_STATUSES, type NotificationStatus } from './gateway-notification';

export const MERCHANT_ID = 'customs-portal';
/** How old (or how far in the future) a callback's timestamp may be. */
export const CALLBACK_TOLERANCE_SECONDS = 300;
export const SIGNATURE_HEADER = 'x-gateway-signature';
export const TIMESTAMP_HEADER = 'x-gateway-timestamp';

const amount = z.string().refine((v) => isUzsAmount(v) && new D(v).gt(0), {
  error: 'amount must be a positive decimal with at most 2 decimals',
});

// ───────────── Checkout (portal → gateway, through the browser) ─────────────

export type CheckoutRequest = { merchant: string; order: string; amount: string; currency: 'UZS'; returnPath: string };

/** A path of this site (never another origin: the gateway sends the browser back only here). */
const returnPath = z
  .string()
  .regex(/^\/[A-Za-z0-9/_-]{0,200}$/, { error: 'return must be a path of the merchant site' });

export const ZCheckoutRequest = z.object({
  merchant: z.literal(MERCHANT_ID, { error: 'unknown merchant' }),
  order: z.uuid({ error: 'order must be the merchant’s order id' }),
  amount,
  currency: z.literal('UZS', { error: 'currency must be UZS' }),
  returnPath,
  signature: z.string().regex(/^[0-9a-f]{64}$/, { error: 'signature must be 64 hexadecimal digits' }),
});

/** What the portal signs for the checkout: the fields in a fixed order, each `key=value`, joined by '&'. */
export function checkoutSigningInput(r: CheckoutRequest): string {
  return [
    `amount=${r.amount}`,
    `currency=${r.currency}`,
    `merchant=${r.merchant}`,
    `order=${r.order}`,
    `return=${r.returnPath}`,
  ].join('&');
}

/** The query string of the checkout URL. */
export function checkoutQuery(r: CheckoutRequest, signature: string): string {
  const params = new URLSearchParams({
    merchant: r.merchant,
    order: r.order,
    amount: r.amount,
    currency: r.currency,
    returnPath: r.returnPath,
    signature,
  });
  return params.toString();
}

// ───────────── Callback (gateway → portal, server to server) ─────────────

export const CALLBACK_STATUSES = NOTIFICATION_STATUSES;
export type CallbackStatus = NotificationStatus;

export const ZCallbackBody = z
  .object({
    merchant: z.literal(MERCHANT_ID),
    order: z.uuid(),
    transactionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    amount,
    currency: z.string().regex(/^[A-Z]{3}$/),
    status: z.enum(CALLBACK_STATUSES),
    occurredAt: z.iso.datetime(),
  })
  .strict();
export type CallbackBody = z.infer<typeof ZCallbackBody>;

export function callbackSigningInput(timestamp: string, rawBody: string): string {
  return `${timestamp}.${rawBody}`;
}

export function formatSignatureHeader(hex: string): string {
  return `v1=${hex}`;
}

/** The hex digest of a `v1=<hex>` header, or null when the header is missing or malformed. */
export function parseSignatureHeader(header: string | null | undefined): string | null {
  const m = /^v1=([0-9a-f]{64})$/.exec((header ?? '').trim());
  return m ? m[1] : null;
}

/** A Unix-seconds timestamp within the tolerance of `now`. */
export function isFreshTimestamp(
  timestamp: string | null | undefined,
  now: Date,
  toleranceSeconds = CALLBACK_TOLERANCE_SECONDS,
): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(Number(timestamp) - Math.floor(now.getTime() / 1000)) <= toleranceSeconds;
}

export function unixSeconds(at: Date): string {
  return String(Math.floor(at.getTime() / 1000));
}
