// A payment gateway as the ledger sees it: where to send the trader to pay a top-up, and what the
// gateway says about it. The ledger never knows which bank it is talking to, nor its wire format:
// each gateway verifies its own signature and turns its own notification into the neutral
// GatewayNotification. Adding a real bank is a new implementation of this interface in the registry.
import type { CallbackOutcome, GatewayNotification } from '@/lib/payments/gateway-notification';

export type CheckoutArgs = { topUpId: string; amount: string; returnPath: string };

export type ParsedNotification =
  | { isVerified: true; notification: GatewayNotification }
  /** Refused before any top-up is looked at: forged or altered, replayed late, or not a notification at all. */
  | { isVerified: false; outcome: Extract<CallbackOutcome, 'BAD_SIGNATURE' | 'STALE' | 'MALFORMED'>; reason: string };

export interface PaymentGateway {
  /** Stored with each top-up and callback, and the last segment of its callback URL. */
  readonly name: string;
  /** Whether the portal may use it now (a configuration switch per environment). */
  isEnabled(): boolean;
  /**
   * The URL (absolute, or a path of this site) to send the trader's browser to. Asynchronous: a real
   * bank usually needs a server-to-server call first (register the order, get a session or form URL).
   * Throws when the checkout cannot be prepared; the top-up is then not started.
   */
  checkoutUrl(args: CheckoutArgs): Promise<string>;
  /** The signature as presented, wherever this gateway puts it (kept in the callback log, unverified); null when absent. */
  signatureOf(headers: Headers): string | null;
  /** Verify a callback's signature and freshness in the gateway's own way, then parse its own body. Never throws for bad input. */
  parseNotification(rawBody: string, headers: Headers, now: Date): ParsedNotification;
}
