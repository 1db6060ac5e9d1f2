// HMAC-SHA256 over node:crypto, with no database: what the portal and a gateway sign their
// messages with. Digests are lower-case hex; comparison is constant-time.
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  callbackSigningInput,
  checkoutSigningInput,
  isFreshTimestamp,
  parseSignatureHeader,
  type CheckoutRequest,
} from '@/lib/payments/gateway-protocol';

export function hmacHex(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
}

/** Constant-time equality of two hex digests (false for different lengths or non-hex input). */
export function isSameDigest(expectedHex: string, presentedHex: string): boolean {
  if (
    !/^[0-9a-f]+$/.test(expectedHex) ||
    !/^[0-9a-f]+$/.test(presentedHex) ||
    expectedHex.length !== presentedHex.length
  )
    return false;
  return timingSafeEqual(Buffer.from(expectedHex, 'hex'), Buffer.from(presentedHex, 'hex'));
}

export function signCheckout(secret: string, request: CheckoutRequest): string {
  return hmacHex(secret, checkoutSigningInput(request));
}

export function isCheckoutSignatureValid(secret: string, request: CheckoutRequest, signature: string): boolean {
  return isSameDigest(signCheckout(secret, request), signature);
}

export function signCallback(secret: string, timestamp: string, rawBody: string): string {
  return hmacHex(secret, callbackSigningInput(timestamp, rawBody));
}

export type CallbackSignatureVerdict = 'VALID' | 'BAD_SIGNATURE' | 'STALE';

/**
 * Is this callback what the gateway signed, and recent? The signature covers the timestamp and the
 * exact bytes of the body, so neither can be changed; an old (replayed) message is STALE even when
 * its signature is genuine.
 */
export function verifyCallbackSignature(args: {
  secret: string;
  rawBody: string;
  signatureHeader: string | null;
  timestampHeader: string | null;
  now: Date;
}): CallbackSignatureVerdict {
  const presented = parseSignatureHeader(args.signatureHeader);
  const timestamp = (args.timestampHeader ?? '').trim();
  if (!presented || !/^\d{1,12}$/.test(timestamp)) return 'BAD_SIGNATURE';
  if (!isSameDigest(signCallback(args.secret, timestamp, args.rawBody), presented)) return 'BAD_SIGNATURE';
  return isFreshTimestamp(timestamp, args.now) ? 'VALID' : 'STALE';
}
