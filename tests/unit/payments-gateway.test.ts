import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import {
  MERCHANT_ID,
  checkoutSigningInput,
  formatSignatureHeader,
  isFreshTimestamp,
  parseSignatureHeader,
  ZCheckoutRequest,
  type CallbackBody,
} from '@/lib/payments/gateway-protocol';
import {
  CALLBACK_OUTCOMES,
  callbackHttpStatus,
  decideCallback,
  isAcceptedOutcome,
  type GatewayNotification,
  type TopUpState,
} from '@/lib/payments/gateway-notification';
import {
  hmacHex,
  isCheckoutSignatureValid,
  isSameDigest,
  signCallback,
  signCheckout,
  verifyCallbackSignature,
} from '@/src/server/payments/gateway/signature';
import { testGateway } from '@/src/server/payments/gateway/test-gateway';

const SECRET = 'unit-test-gateway-secret-0123456789abcdef';
const NOW = new Date('2026-11-28T09:30:00Z');
const TS = String(NOW.getTime() / 1000);
const body = JSON.stringify({
  merchant: MERCHANT_ID,
  order: '6f1c2d3e-4b5a-4c6d-8e7f-001122334455',
  transactionId: 'test_0123456789abcdef01234567',
  amount: '5000000.00',
  currency: 'UZS',
  status: 'SUCCEEDED',
  occurredAt: NOW.toISOString(),
});
const header = (secret = SECRET, ts = TS, raw = body) => formatSignatureHeader(signCallback(secret, ts, raw));

describe('HMAC-SHA256 signatures', () => {
  it('is standard HMAC-SHA256 over "<timestamp>.<raw body>", in lower-case hex', () => {
    expect(signCallback(SECRET, TS, body)).toBe(createHmac('sha256', SECRET).update(`${TS}.${body}`).digest('hex'));
    expect(hmacHex('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('accepts the genuine callback', () => {
    expect(
      verifyCallbackSignature({
        secret: SECRET,
        rawBody: body,
        signatureHeader: header(),
        timestampHeader: TS,
        now: NOW,
      }),
    ).toBe('VALID');
  });

  it.each([
    ['an altered amount', body.replace('5000000.00', '9000000.00'), header(), TS],
    ['one more space in the body', `${body} `, header(), TS],
    ['a forged signature (another secret)', body, header('someone-else-s-secret-0123456789abcdef'), TS],
    ['a moved timestamp', body, header(), String(Number(TS) + 1)],
    ['no signature', body, null, TS],
    ['a malformed header', body, 'sha256=abc', TS],
    ['no timestamp', body, header(), null],
  ])('refuses %s', (_what, raw, signature, ts) => {
    expect(
      verifyCallbackSignature({
        secret: SECRET,
        rawBody: raw,
        signatureHeader: signature,
        timestampHeader: ts,
        now: NOW,
      }),
    ).toBe('BAD_SIGNATURE');
  });

  it('refuses a genuine callback replayed after the 5-minute window, or dated in the future', () => {
    const old = String(Number(TS) - 301);
    expect(
      verifyCallbackSignature({
        secret: SECRET,
        rawBody: body,
        signatureHeader: header(SECRET, old),
        timestampHeader: old,
        now: NOW,
      }),
    ).toBe('STALE');
    const future = String(Number(TS) + 301);
    expect(
      verifyCallbackSignature({
        secret: SECRET,
        rawBody: body,
        signatureHeader: header(SECRET, future),
        timestampHeader: future,
        now: NOW,
      }),
    ).toBe('STALE');
    expect(isFreshTimestamp(String(Number(TS) - 300), NOW)).toBe(true);
  });

  it('compares digests in constant time and only like with like', () => {
    const d = hmacHex(SECRET, 'x');
    expect(isSameDigest(d, d)).toBe(true);
    expect(isSameDigest(d, d.slice(0, 62))).toBe(false);
    expect(isSameDigest(d, d.toUpperCase())).toBe(false);
    expect(parseSignatureHeader(` v1=${d} `)).toBe(d);
    expect(parseSignatureHeader(`v2=${d}`)).toBeNull();
  });

  it('signs the checkout request so that the browser cannot change the amount', () => {
    const request = {
      merchant: MERCHANT_ID,
      order: '6f1c2d3e-4b5a-4c6d-8e7f-001122334455',
      amount: '5000000.00',
      currency: 'UZS' as const,
      returnPath: '/trader/account/top-ups/6f1c2d3e-4b5a-4c6d-8e7f-001122334455',
    };
    expect(checkoutSigningInput(request)).toBe(
      'amount=5000000.00&currency=UZS&merchant=customs-portal&order=6f1c2d3e-4b5a-4c6d-8e7f-001122334455&return=/trader/account/top-ups/6f1c2d3e-4b5a-4c6d-8e7f-001122334455',
    );
    const signature = signCheckout(SECRET, request);
    expect(isCheckoutSignatureValid(SECRET, request, signature)).toBe(true);
    expect(isCheckoutSignatureValid(SECRET, { ...request, amount: '5.00' }, signature)).toBe(false);
    expect(
      ZCheckoutRequest.safeParse({ ...request, signature, returnPath: 'https://evil.example/steal' }).success,
    ).toBe(false);
  });
});

describe('the test gateway reads its own wire format into the gateway-neutral notification', () => {
  const withSecret = <T>(work: () => T): T => {
    const before = process.env.PAYMENT_GATEWAY_SECRET;
    process.env.PAYMENT_GATEWAY_SECRET = SECRET;
    try {
      return work();
    } finally {
      if (before === undefined) delete process.env.PAYMENT_GATEWAY_SECRET;
      else process.env.PAYMENT_GATEWAY_SECRET = before;
    }
  };
  const headers = (signature = header()) =>
    new Headers({ 'x-gateway-timestamp': TS, 'x-gateway-signature': signature });

  it('verifies the signature, then returns order, transaction, amount, currency, status and when — nothing of the wire format', () => {
    const parsed = withSecret(() => testGateway.parseNotification(body, headers(), NOW));
    expect(parsed).toEqual({
      isVerified: true,
      notification: {
        order: '6f1c2d3e-4b5a-4c6d-8e7f-001122334455',
        transactionId: 'test_0123456789abcdef01234567',
        amount: '5000000.00',
        currency: 'UZS',
        status: 'SUCCEEDED',
        paidAt: NOW,
      },
    });
    expect(testGateway.signatureOf(headers())).toBe(header());
  });

  it('refuses a forged or stale one before parsing it', () => {
    expect(
      withSecret(() =>
        testGateway.parseNotification(body, headers(header('another-secret-0123456789abcdef0123')), NOW),
      ),
    ).toMatchObject({ isVerified: false, outcome: 'BAD_SIGNATURE' });
    expect(
      withSecret(() => testGateway.parseNotification(body, headers(), new Date(NOW.getTime() + 3_600_000))),
    ).toMatchObject({ isVerified: false, outcome: 'STALE' });
  });

  it('gives the checkout URL asynchronously (a real bank needs a session call first)', async () => {
    const url = withSecret(() =>
      testGateway.checkoutUrl({
        topUpId: '6f1c2d3e-4b5a-4c6d-8e7f-001122334455',
        amount: '5000000.00',
        returnPath: '/trader/account/top-ups/x',
      }),
    );
    expect(url).toBeInstanceOf(Promise);
    expect(await url).toMatch(/^\/gateway\/test\/checkout\?merchant=customs-portal&order=6f1c2d3e/);
  });
});

describe('what a verified callback does to the top-up it names', () => {
  const wire = JSON.parse(body) as CallbackBody;
  const n: GatewayNotification = {
    order: wire.order,
    transactionId: wire.transactionId,
    amount: wire.amount,
    currency: wire.currency,
    status: wire.status,
    paidAt: new Date(wire.occurredAt),
  };
  const pending: TopUpState = { gateway: 'test', amount: '5000000.00', status: 'PENDING', gatewayTransactionId: null };
  const credited: TopUpState = { ...pending, status: 'SUCCEEDED', gatewayTransactionId: n.transactionId };

  it.each([
    ['a success for a pending top-up credits', pending, n, null, 'CREDITED'],
    ['a decline for a pending top-up declines', pending, { ...n, status: 'DECLINED' }, null, 'DECLINED'],
    ['the same success again is a duplicate (credited once)', credited, n, n.order, 'DUPLICATE'],
    [
      'another transaction for a credited top-up (the bank charged twice) is credited as a new top-up',
      credited,
      { ...n, transactionId: 'test_ffffffffffffffffffffffff' },
      null,
      'CREDITED_EXTRA',
    ],
    [
      'a second charge already credited for this order, again, is a duplicate',
      credited,
      { ...n, transactionId: 'test_ffffffffffffffffffffffff' },
      n.order,
      'DUPLICATE',
    ],
    [
      'a second charge of another amount is refused',
      credited,
      { ...n, transactionId: 'test_ffffffffffffffffffffffff', amount: '4999999.99' },
      null,
      'AMOUNT_MISMATCH',
    ],
    [
      'a second charge in another currency is refused',
      credited,
      { ...n, transactionId: 'test_ffffffffffffffffffffffff', currency: 'USD' },
      null,
      'CURRENCY_MISMATCH',
    ],
    [
      'a second charge with a transaction of another order is refused',
      credited,
      { ...n, transactionId: 'test_ffffffffffffffffffffffff' },
      '00000000-0000-4000-8000-000000000000',
      'TRANSACTION_REUSED',
    ],
    ['a decline after a success changes nothing', credited, { ...n, status: 'DECLINED' }, n.order, 'ALREADY_COMPLETED'],
    [
      'a decline of another transaction after a success changes nothing',
      credited,
      { ...n, status: 'DECLINED', transactionId: 'test_dddddddddddddddddddddddd' },
      null,
      'ALREADY_COMPLETED',
    ],
    [
      'a success after a decline (a second attempt) credits',
      { ...pending, status: 'DECLINED' },
      { ...n, transactionId: 'test_eeeeeeeeeeeeeeeeeeeeeeee' },
      null,
      'CREDITED',
    ],
    [
      'a repeated decline is a duplicate',
      { ...pending, status: 'DECLINED' },
      { ...n, status: 'DECLINED' },
      null,
      'DUPLICATE',
    ],
    [
      'another amount than the top-up started is refused',
      pending,
      { ...n, amount: '5000000.01' },
      null,
      'AMOUNT_MISMATCH',
    ],
    ['"5000000" is the same amount as "5000000.00"', pending, { ...n, amount: '5000000' }, null, 'CREDITED'],
    ['another currency is refused', pending, { ...n, currency: 'USD' }, null, 'CURRENCY_MISMATCH'],
    [
      'a transaction id already used by another top-up is refused',
      pending,
      n,
      '00000000-0000-4000-8000-000000000000',
      'TRANSACTION_REUSED',
    ],
    ['an unknown order is refused', null, n, null, 'UNKNOWN_ORDER'],
    ['another gateway’s top-up is unknown', { ...pending, gateway: 'bank-x' }, n, null, 'UNKNOWN_ORDER'],
  ] as const)('%s', (_what, topUp, notification, owner, outcome) => {
    expect(
      decideCallback({
        gateway: 'test',
        notification: notification as GatewayNotification,
        topUp,
        transactionOrder: owner,
      }),
    ).toBe(outcome);
  });

  it('answers 200 only to what the gateway should not retry, and accepts only credits (a second charge too) and declines', () => {
    const ok = CALLBACK_OUTCOMES.filter((o) => callbackHttpStatus(o) === 200);
    expect(ok).toEqual(['CREDITED', 'CREDITED_EXTRA', 'DECLINED', 'DUPLICATE']);
    expect(CALLBACK_OUTCOMES.filter(isAcceptedOutcome)).toEqual(['CREDITED', 'CREDITED_EXTRA', 'DECLINED']);
    expect(callbackHttpStatus('ALREADY_COMPLETED')).toBe(409);
    expect(callbackHttpStatus('BAD_SIGNATURE')).toBe(401);
    expect(callbackHttpStatus('AMOUNT_MISMATCH')).toBe(422);
  });
});
