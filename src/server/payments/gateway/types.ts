// A payment gateway as the ledger sees it: where to send the trader to pay a top-up, and how to
// read (verify) what the gateway says about it. The ledger never knows which bank it is talking
// to; adding a real bank is a new implementation of this interface in the registry.
import type { CallbackBody, CallbackOutcome } from '@/lib/payments/gateway-protocol';

export type CheckoutArgs = { topUpId: string; amount: string; returnPath: string };

export type VerifiedCallback =
  | { isVerified: true; notification: CallbackBody }
  /** Refused before any top-up is looked at: forged or altered, replayed late, or not a notification at all. */
  | { isVerified: false; outcome: Extract<CallbackOutcome, 'BAD_SIGNATURE' | 'STALE' | 'MALFORMED'>; reason: string };

export interface PaymentGateway {
  /** Stored with each top-up and callback, and the last segment of its callback URL. */
  readonly name: string;
  /** Whether the portal may use it now (a configuration switch per environment). */
  isEnabled(): boolean;
  /** The URL (absolute, or a path of this site) to send the trader's browser to. */
  checkoutUrl(args: CheckoutArgs): string;
  /** Verify a callback's signature and freshness, then parse it. Never throws for bad input. */
  verifyCallback(args: { rawBody: string; headers: Headers; now: Date }): VerifiedCallback;
}
