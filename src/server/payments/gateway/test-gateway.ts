// The built-in test gateway, the portal's side of it: the checkout page lives at /gateway/test
// (app/gateway/test), signed requests both ways with PAYMENT_GATEWAY_SECRET, exactly like a real
// bank's integration would be. Enabled only by configuration (demo and development).
import {
  MERCHANT_ID,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  ZCallbackBody,
  checkoutQuery,
  type CheckoutRequest,
} from '@/lib/payments/gateway-protocol';
import { gatewaySecret, isTestGatewayEnabled } from './config';
import { signCheckout, verifyCallbackSignature } from './signature';
import type { ParsedNotification, PaymentGateway } from './types';

export const TEST_GATEWAY_NAME = 'test';
export const TEST_CHECKOUT_PATH = '/gateway/test/checkout';

export const testGateway: PaymentGateway = {
  name: TEST_GATEWAY_NAME,
  isEnabled: isTestGatewayEnabled,
  async checkoutUrl({ topUpId, amount, returnPath }) {
    // No session call needed: the test bank reads the signed request straight from the URL.
    const request: CheckoutRequest = { merchant: MERCHANT_ID, order: topUpId, amount, currency: 'UZS', returnPath };
    return `${TEST_CHECKOUT_PATH}?${checkoutQuery(request, signCheckout(gatewaySecret(), request))}`;
  },
  signatureOf(headers) {
    return headers.get(SIGNATURE_HEADER);
  },
  parseNotification(rawBody, headers, now): ParsedNotification {
    const verdict = verifyCallbackSignature({
      secret: gatewaySecret(),
      rawBody,
      signatureHeader: headers.get(SIGNATURE_HEADER),
      timestampHeader: headers.get(TIMESTAMP_HEADER),
      now,
    });
    if (verdict === 'BAD_SIGNATURE')
      return {
        isVerified: false,
        outcome: 'BAD_SIGNATURE',
        reason: 'The signature does not match the body and timestamp.',
      };
    if (verdict === 'STALE')
      return {
        isVerified: false,
        outcome: 'STALE',
        reason: 'The timestamp is outside the accepted window (a late replay?).',
      };
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      return { isVerified: false, outcome: 'MALFORMED', reason: 'The body is not JSON.' };
    }
    const parsed = ZCallbackBody.safeParse(json);
    if (!parsed.success)
      return {
        isVerified: false,
        outcome: 'MALFORMED',
        reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      };
    const b = parsed.data;
    return {
      isVerified: true,
      notification: {
        order: b.order,
        transactionId: b.transactionId,
        amount: b.amount,
        currency: b.currency,
        status: b.status,
        paidAt: new Date(b.occurredAt),
      },
    };
  },
};
