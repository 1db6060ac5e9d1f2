// Idempotency of payments. The page (or an API client) generates one key per payment form; every
// request carrying it — a double click, a retried request, the same form submitted again — makes
// at most one debit. The stored key is scoped to the company and the declaration, so a key can
// neither collide with another company's nor pay a second declaration.
import { z } from 'zod';

/** What a client may send: 16–80 letters, digits, '-' or '_' (a UUID fits). */
export const ZIdempotencyKey = z
  .string({ error: 'The payment form is missing its idempotency key: reload the page and pay again' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{16,80}$/, {
    error: 'The idempotency key must be 16 to 80 letters, digits, "-" or "_" (a UUID fits)',
  });

/** The key stored with a payment of a declaration. */
export function paymentKey(args: { companyId: string; declarationId: string; clientKey: string }): string {
  return `pay:${args.companyId}:${args.declarationId}:${args.clientKey}`;
}

/**
 * The key of the n-th overpayment credited back for a declaration: one credit per overpayment,
 * whoever triggers it (the trader's button, a retry, an officer's reassessment).
 */
export function overpaymentKey(args: { declarationId: string; settlementNo: number }): string {
  return `overpayment:${args.declarationId}:${args.settlementNo}`;
}

export type StoredPayment = { companyId: string; declarationId: string };
export type RepeatVerdict = 'NEW' | 'REPEAT' | 'FOREIGN';

/**
 * A request whose key is already stored: the same company and declaration is a repeat (answer with
 * the stored payment); anything else cannot happen with scoped keys and is treated as foreign (a
 * conflict, nothing written, nothing revealed).
 */
export function classifyRepeat(stored: StoredPayment | null, request: StoredPayment): RepeatVerdict {
  if (!stored) return 'NEW';
  return stored.companyId === request.companyId && stored.declarationId === request.declarationId
    ? 'REPEAT'
    : 'FOREIGN';
}
