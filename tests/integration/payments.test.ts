// Remote payment against a real PostgreSQL: top-ups credited only by the gateway's signed callback
// (once), payments of exactly the assessed amounts (once), automatic release of a green declaration,
// reassessments, refunds, receipts and statements; the cached balance always equals the ledger.
import { randomUUID, randomBytes } from 'node:crypto';
import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import type { Actor } from '@/src/server/actor';
import { startTopUp, getTopUp } from '@/src/server/payments/top-ups';
import { receiveGatewayCallback } from '@/src/server/payments/callbacks';
import { creditOverpayment, payDeclaration, loadSettlement } from '@/src/server/payments/pay';
import { decideRefund, requestRefund } from '@/src/server/payments/refunds';
import {
  getAccountOverview,
  getDeclarationPayments,
  getStatementPage,
  getStatementSummary,
  exportStatement,
  listMovements,
  listOpenSettlements,
} from '@/src/server/payments/read';
import { statementCsv } from '@/src/server/payments/statement-csv';
import { statementPdf } from '@/src/server/payments/statement-pdf';
import { ensureReceiptDocument } from '@/src/server/payments/receipts';
import { ledgerBalance } from '@/src/server/payments/ledger';
import { signCallback } from '@/src/server/payments/gateway/signature';
import { chargeOrder, chargedProblem, readCheckoutRequest } from '@/src/server/payments/gateway/test-bank';
import { verifySignedDocument } from '@/src/server/documents/verify';
import { amountDue } from '@/src/server/declarations/read';
import { MERCHANT_ID, formatSignatureHeader, type CallbackBody } from '@/lib/payments/gateway-protocol';
import { ZHistoryQuery } from '@/lib/payments/queries';
import { AppError } from '@/lib/errors';
import { D, formatAmount } from '@/lib/money';
import { toWinAnsi } from '@/lib/documents/win-ansi';
import paymentMessages from '@/lib/i18n/messages/en/payments.json';
import { pdfText } from '../support/pdf-text';
import {
  aPost,
  aTrader,
  aUser,
  actorOf,
  anInspector,
  aDeclarationWithPaymentsDue,
  anAssessment,
} from '../support/factories';
import { NOW } from '../support/clock';

process.env.PAYMENT_TEST_GATEWAY = 'enabled';
process.env.PAYMENT_GATEWAY_SECRET = 'integration-gateway-secret-0123456789abcdef';

async function failure(promise: Promise<unknown>, code: AppError['code']) {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, 'expected an AppError').toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

const txn = () => `test_${randomBytes(12).toString('hex')}`;

/** A callback as the test gateway sends it: JSON body, timestamp and HMAC signature headers. */
function signed(
  fields: Partial<CallbackBody> & { order: string; amount: string },
  options: { at?: Date; secret?: string; tamper?: (raw: string) => string } = {},
) {
  const at = options.at ?? NOW;
  const body: CallbackBody = {
    merchant: MERCHANT_ID,
    transactionId: txn(),
    currency: 'UZS',
    status: 'SUCCEEDED',
    occurredAt: at.toISOString(),
    ...fields,
  };
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = formatSignatureHeader(
    signCallback(options.secret ?? process.env.PAYMENT_GATEWAY_SECRET!, timestamp, raw),
  );
  return {
    rawBody: options.tamper ? options.tamper(raw) : raw,
    headers: new Headers({
      'content-type': 'application/json',
      'x-gateway-timestamp': timestamp,
      'x-gateway-signature': signature,
    }),
    body,
  };
}

const t = createTranslator({
  locale: 'en',
  messages: { payments: paymentMessages },
  namespace: 'payments',
}) as unknown as (key: string, values?: Record<string, string | number>) => string;

/** The CSV's rows as cells (no quoted cells in a statement of these references). */
const csvRows = (text: string) =>
  text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));

/** Opening + every line = closing, on the CSV itself: the closing row's debits and credits are the lines' sums. */
function expectCsvAddsUp(text: string) {
  const rows = csvRows(text);
  const [opening, closing] = [rows[1], rows[rows.length - 1]];
  expect([opening[1], closing[1]]).toEqual(['Opening balance', 'Closing balance']);
  const lines = rows.slice(2, -1);
  const debits = lines.reduce((s, r) => s.plus(r[5] || 0), new D(0));
  const credits = lines.reduce((s, r) => s.plus(r[6] || 0), new D(0));
  expect([closing[5], closing[6]]).toEqual([debits.toFixed(2), credits.toFixed(2)]);
  expect(new D(opening[7]).plus(credits).minus(debits).toFixed(2)).toBe(closing[7]);
  expect(lines.length ? lines[lines.length - 1][7] : opening[7]).toBe(closing[7]);
  return { lines, opening: opening[7], closing: closing[7] };
}

const deliver = (cb: ReturnType<typeof signed>, now = NOW, gatewayName = 'test') =>
  receiveGatewayCallback({ gatewayName, rawBody: cb.rawBody, headers: cb.headers, now });

/** Top up through the real path: start, then the gateway's signed success callback. */
async function fund(trader: Actor, amount: string, now = NOW) {
  const started = await startTopUp({ actor: trader, input: { amount }, now });
  const result = await deliver(signed({ order: started.id, amount }, { at: now }), now);
  expect(result.outcome).toBe('CREDITED');
  return { topUpId: started.id, receiptNumber: result.receiptNumber! };
}

async function accountOf(trader: Actor) {
  return db.account.findUniqueOrThrow({ where: { companyId: trader.companyId! } });
}

/** The cached balance is the sum of the ledger, and the ledger never went below zero. */
async function expectLedgerConsistent(trader: Actor, expected?: string) {
  const account = await accountOf(trader);
  expect(await ledgerBalance(db, account.id)).toBe(account.balance.toFixed(2));
  const lowest = await db.$queryRaw<{ lowest: string }[]>`
    SELECT coalesce(min(running), 0)::text AS lowest FROM (SELECT sum(amount) OVER (ORDER BY at, id) AS running FROM "LedgerEntry" WHERE "accountId" = ${account.id}::uuid) s`;
  expect(Number(lowest[0].lowest)).toBeGreaterThanOrEqual(0);
  expect(account.version).toBe(await db.ledgerEntry.count({ where: { accountId: account.id } }));
  if (expected !== undefined) expect(account.balance.toFixed(2)).toBe(expected);
}

const WORKED_EXAMPLE = { DUTY: '16470300.00', EXCISE: '10000000.00', VAT: '19646736.00', FEE: '274505.00' };

let post: Awaited<ReturnType<typeof aPost>>;
beforeAll(async () => {
  post = await aPost();
  await anInspector(post.id);
});

describe('top-ups: credited only by the gateway’s signed callback, and only once', () => {
  it('credits the started amount with a signed receipt numbered after the seeded history', async () => {
    const trader = await aTrader();
    const seededMax = await db.topUp.aggregate({
      where: { receiptNumber: { startsWith: 'R-2026-' } },
      _max: { receiptNumber: true },
    });
    const started = await startTopUp({ actor: trader, input: { amount: '5000000' }, now: NOW });
    expect(started.checkoutUrl).toMatch(
      new RegExp(
        `^/gateway/test/checkout\\?merchant=customs-portal&order=${started.id}&amount=5000000.00&currency=UZS&returnPath=%2Ftrader%2Faccount%2Ftop-ups%2F${started.id}&signature=[0-9a-f]{64}$`,
      ),
    );
    expect(await getTopUp({ actor: trader, topUpId: started.id })).toMatchObject({
      status: 'PENDING',
      amount: '5000000.00',
      receiptNumber: null,
    });
    expect(await db.ledgerEntry.count({ where: { topUpId: started.id } })).toBe(0);

    const callback = signed({ order: started.id, amount: '5000000.00' });
    const result = await deliver(callback);
    expect(result).toMatchObject({ outcome: 'CREDITED', httpStatus: 200, topUpId: started.id });
    expect(result.receiptNumber! > seededMax._max.receiptNumber!).toBe(true);
    const topUp = await db.topUp.findUniqueOrThrow({ where: { id: started.id } });
    expect(topUp).toMatchObject({
      status: 'SUCCEEDED',
      gatewayTransactionId: callback.body.transactionId,
      receiptNumber: result.receiptNumber,
      completedAt: NOW,
    });
    const entries = await db.ledgerEntry.findMany({ where: { topUpId: started.id } });
    expect(entries.map((e) => [e.kind, e.amount.toFixed(2), e.reference])).toEqual([
      ['TOP_UP', '5000000.00', result.receiptNumber],
    ]);
    await expectLedgerConsistent(trader, '5000000.00');

    // The receipt is signed and verifiable; its content says what moved.
    const receipt = await ensureReceiptDocument({ actor: trader, receiptNumber: result.receiptNumber!, now: NOW });
    expect(receipt.payload).toMatchObject({
      movement: 'TOP_UP',
      total: '5000000.00',
      declarationNumber: null,
      gateway: { name: 'test', transactionId: callback.body.transactionId },
    });
    const verified = await verifySignedDocument({ number: receipt.number, presentedSignature: receipt.signature });
    expect(verified.verdict).toBe('GENUINE_CURRENT');

    // The same callback again (the gateway retrying, or a replay within the window): a duplicate, credited once.
    const again = await deliver(callback);
    expect(again).toMatchObject({ outcome: 'DUPLICATE', httpStatus: 200 });
    await expectLedgerConsistent(trader, '5000000.00');
    const logged = await db.gatewayCallback.findMany({ where: { body: callback.rawBody }, orderBy: { id: 'asc' } });
    expect(logged.map((l) => [l.isAccepted, l.outcome])).toEqual([
      [true, 'CREDITED'],
      [false, 'DUPLICATE'],
    ]);
  });

  it('credits once when the gateway sends the same callback several times at once', async () => {
    const trader = await aTrader();
    const started = await startTopUp({ actor: trader, input: { amount: '750000.50' }, now: NOW });
    const callback = signed({ order: started.id, amount: '750000.50' });
    const results = await Promise.all(Array.from({ length: 6 }, () => deliver(callback)));
    expect(results.map((r) => r.outcome).sort()).toEqual([
      'CREDITED',
      'DUPLICATE',
      'DUPLICATE',
      'DUPLICATE',
      'DUPLICATE',
      'DUPLICATE',
    ]);
    await expectLedgerConsistent(trader, '750000.50');
  });

  it('refuses forged, altered, replayed-late, mismatched and unknown callbacks: logged, nothing credited', async () => {
    const trader = await aTrader();
    const started = await startTopUp({ actor: trader, input: { amount: '1000000.00' }, now: NOW });
    const order = started.id;
    const cases: Array<[string, ReturnType<typeof signed>, string, number, string?]> = [
      [
        'forged (another secret)',
        signed({ order, amount: '1000000.00' }, { secret: 'a-forger-who-guessed-wrong-0123456789' }),
        'BAD_SIGNATURE',
        401,
      ],
      [
        'altered amount',
        signed({ order, amount: '1000000.00' }, { tamper: (raw) => raw.replace('1000000.00', '9000000.00') }),
        'BAD_SIGNATURE',
        401,
      ],
      [
        'altered status',
        signed(
          { order, amount: '1000000.00', status: 'DECLINED' },
          { tamper: (raw) => raw.replace('DECLINED', 'SUCCEEDED') },
        ),
        'BAD_SIGNATURE',
        401,
      ],
      [
        'replayed an hour later',
        signed({ order, amount: '1000000.00' }, { at: new Date(NOW.getTime() - 3600_000) }),
        'STALE',
        400,
      ],
      ['signed, but not the amount started', signed({ order, amount: '1000001.00' }), 'AMOUNT_MISMATCH', 422],
      [
        'signed, but another currency',
        signed({ order, amount: '1000000.00', currency: 'USD' }),
        'CURRENCY_MISMATCH',
        422,
      ],
      [
        'signed, for an order that does not exist',
        signed({ order: randomUUID(), amount: '1000000.00' }),
        'UNKNOWN_ORDER',
        404,
      ],
      [
        'sent to a gateway the portal does not know',
        signed({ order, amount: '1000000.00' }),
        'UNKNOWN_GATEWAY',
        404,
        'bank-nobody-configured',
      ],
    ];
    for (const [what, callback, outcome, status, gateway] of cases) {
      const result = await deliver(callback, NOW, gateway);
      expect(result, what).toMatchObject({ outcome, httpStatus: status });
      const row = await db.gatewayCallback.findFirstOrThrow({
        where: { body: callback.rawBody },
        orderBy: { id: 'desc' },
      });
      expect([row.isAccepted, row.outcome], what).toEqual([false, outcome]);
    }
    // A body that is not JSON, correctly signed.
    const timestamp = String(Math.floor(NOW.getTime() / 1000));
    const junk = 'not json at all';
    const malformed = await receiveGatewayCallback({
      gatewayName: 'test',
      rawBody: junk,
      headers: new Headers({
        'x-gateway-timestamp': timestamp,
        'x-gateway-signature': formatSignatureHeader(
          signCallback(process.env.PAYMENT_GATEWAY_SECRET!, timestamp, junk),
        ),
      }),
      now: NOW,
    });
    expect(malformed).toMatchObject({ outcome: 'MALFORMED', httpStatus: 400 });

    expect((await db.topUp.findUniqueOrThrow({ where: { id: order } })).status).toBe('PENDING');
    expect(await db.ledgerEntry.count({ where: { topUpId: order } })).toBe(0);
    expect(await db.account.findUnique({ where: { companyId: trader.companyId! } })).toBeNull();
  });

  it('a declined payment credits nothing; a transaction id cannot serve two top-ups', async () => {
    const trader = await aTrader();
    const declined = await startTopUp({ actor: trader, input: { amount: '2000000' }, now: NOW });
    const decline = signed({ order: declined.id, amount: '2000000.00', status: 'DECLINED' });
    expect((await deliver(decline)).outcome).toBe('DECLINED');
    expect((await getTopUp({ actor: trader, topUpId: declined.id })).status).toBe('DECLINED');
    expect(await db.ledgerEntry.count({ where: { topUpId: declined.id } })).toBe(0);

    const first = await fund(trader, '1000.00');
    const second = await startTopUp({ actor: trader, input: { amount: '1000.00' }, now: NOW });
    const firstTxn = (await db.topUp.findUniqueOrThrow({ where: { id: first.topUpId } })).gatewayTransactionId!;
    expect((await deliver(signed({ order: second.id, amount: '1000.00', transactionId: firstTxn }))).outcome).toBe(
      'TRANSACTION_REUSED',
    );
    await expectLedgerConsistent(trader, '1000.00');
  });

  it('the bank charged an order twice: the second charge is credited as a new top-up, once; another amount is refused', async () => {
    const trader = await aTrader();
    const first = await fund(trader, '3000000.00');
    const original = await db.topUp.findUniqueOrThrow({ where: { id: first.topUpId } });

    // A second checkout tab at a real bank: another transaction for the same, already credited, order.
    const second = signed({ order: first.topUpId, amount: '3000000' });
    const credited = await deliver(second);
    expect(credited).toMatchObject({ outcome: 'CREDITED_EXTRA', httpStatus: 200 });
    expect(credited.topUpId).not.toBe(first.topUpId);
    expect(credited.receiptNumber! > first.receiptNumber).toBe(true);
    const extra = await db.topUp.findUniqueOrThrow({ where: { id: credited.topUpId! } });
    expect(extra).toMatchObject({
      companyId: trader.companyId,
      amount: original.amount,
      gateway: 'test',
      gatewayTransactionId: second.body.transactionId,
      status: 'SUCCEEDED',
      receiptNumber: credited.receiptNumber,
      createdById: original.createdById,
      createdAt: NOW,
      completedAt: NOW,
    });
    expect(await db.topUp.findUniqueOrThrow({ where: { id: first.topUpId } })).toEqual(original);
    const entries = await db.ledgerEntry.findMany({
      where: { topUpId: { in: [first.topUpId, extra.id] } },
      orderBy: { id: 'asc' },
    });
    expect(entries.map((e) => [e.topUpId, e.kind, e.amount.toFixed(2), e.reference])).toEqual([
      [first.topUpId, 'TOP_UP', '3000000.00', first.receiptNumber],
      [extra.id, 'TOP_UP', '3000000.00', credited.receiptNumber],
    ]);
    await expectLedgerConsistent(trader, '6000000.00');
    const receipt = await ensureReceiptDocument({ actor: trader, receiptNumber: credited.receiptNumber!, now: NOW });
    expect(receipt.payload).toMatchObject({
      movement: 'TOP_UP',
      total: '3000000.00',
      gateway: { name: 'test', transactionId: second.body.transactionId },
    });
    expect(
      (await verifySignedDocument({ number: receipt.number, presentedSignature: receipt.signature })).verdict,
    ).toBe('GENUINE_CURRENT');
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityType: 'TopUp', entityId: extra.id } });
    expect(audit).toMatchObject({
      action: 'topup.credit.second_charge',
      actorRole: 'SYSTEM',
      data: {
        secondChargeOf: first.topUpId,
        receiptNumber: credited.receiptNumber,
        amount: '3000000.00',
        transactionId: second.body.transactionId,
      },
    });

    // The bank retrying the second notification: a duplicate, nothing more.
    expect(await deliver(second)).toMatchObject({ outcome: 'DUPLICATE', httpStatus: 200 });
    const logged = await db.gatewayCallback.findMany({ where: { body: second.rawBody }, orderBy: { id: 'asc' } });
    expect(logged.map((l) => [l.isAccepted, l.outcome])).toEqual([
      [true, 'CREDITED_EXTRA'],
      [false, 'DUPLICATE'],
    ]);
    // A charge of another amount for the order, and a decline after the success: nothing credited.
    expect(await deliver(signed({ order: first.topUpId, amount: '3000001.00' }))).toMatchObject({
      outcome: 'AMOUNT_MISMATCH',
      httpStatus: 422,
    });
    expect(await deliver(signed({ order: first.topUpId, amount: '3000000.00', status: 'DECLINED' }))).toMatchObject({
      outcome: 'ALREADY_COMPLETED',
      httpStatus: 409,
    });
    expect(await db.topUp.count({ where: { companyId: trader.companyId! } })).toBe(2);
    await expectLedgerConsistent(trader, '6000000.00');

    // Refundable like any other top-up: the trader asks for the second charge back.
    const refund = await requestRefund({
      actor: trader,
      input: { amount: '6000000.00', reason: 'Charged twice by the bank for one top-up' },
      now: NOW,
    });
    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: 'PENDING' });
  });

  it('another company’s top-up is not found', async () => {
    const trader = await aTrader();
    const started = await startTopUp({ actor: trader, input: { amount: '1000' }, now: NOW });
    await failure(getTopUp({ actor: await aTrader(), topUpId: started.id }), 'NOT_FOUND');
  });
});

describe('paying a declaration from the balance', () => {
  it('debits exactly the assessed amounts per payment type, once, with a signed receipt; an officer’s declaration stays with the officer', async () => {
    const trader = await aTrader();
    await fund(trader, '50000000.00');
    const d = await aDeclarationWithPaymentsDue({ trader, post, amounts: WORKED_EXAMPLE });
    expect(await amountDue(d.id)).toBe('46391541.00');
    const key = randomUUID();
    const paid = await payDeclaration({
      actor: trader,
      declarationId: d.id,
      idempotencyKey: key,
      amount: '46391541.00',
      now: NOW,
    });
    expect(paid).toMatchObject({
      amount: '46391541.00',
      isRepeat: false,
      declarationStatus: 'ASSIGNED',
      isReleased: false,
      balance: '3608459.00',
    });
    const entries = await db.ledgerEntry.findMany({ where: { paymentId: paid.paymentId }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => [e.kind, e.paymentType, e.amount.toFixed(2), e.reference, e.declarationId])).toEqual([
      ['PAYMENT', 'DUTY', '-16470300.00', d.registrationNumber, d.id],
      ['PAYMENT', 'EXCISE', '-10000000.00', d.registrationNumber, d.id],
      ['PAYMENT', 'VAT', '-19646736.00', d.registrationNumber, d.id],
      ['PAYMENT', 'FEE', '-274505.00', d.registrationNumber, d.id],
    ]);
    expect(await amountDue(d.id)).toBe('0.00');
    expect((await db.declaration.findUniqueOrThrow({ where: { id: d.id } })).status).toBe('ASSIGNED');
    const shown = await getDeclarationPayments({ actor: trader, declarationId: d.id });
    expect(shown).toMatchObject({ canPay: false, settlement: { kind: 'SETTLED' }, balance: '3608459.00' });
    const receipt = await ensureReceiptDocument({ actor: trader, receiptNumber: paid.receiptNumber, now: NOW });
    expect(receipt.payload).toMatchObject({
      movement: 'PAYMENT',
      declarationNumber: d.registrationNumber,
      total: '46391541.00',
      lines: [
        { paymentType: 'DUTY', amount: '16470300.00' },
        { paymentType: 'EXCISE', amount: '10000000.00' },
        { paymentType: 'VAT', amount: '19646736.00' },
        { paymentType: 'FEE', amount: '274505.00' },
      ],
    });
    // The payment's receipt verifies on /verify like any signed document (not only a top-up's).
    expect(receipt.number).toBe(paid.receiptNumber);
    expect(
      (await verifySignedDocument({ number: receipt.number, presentedSignature: receipt.signature })).verdict,
    ).toBe('GENUINE_CURRENT');
    expect(
      (
        await verifySignedDocument({
          number: receipt.number,
          presentedSignature: receipt.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
        })
      ).verdict,
    ).not.toBe('GENUINE_CURRENT');

    // The same form again (a retried request): the same payment, nothing new.
    const repeat = await payDeclaration({
      actor: trader,
      declarationId: d.id,
      idempotencyKey: key,
      amount: '46391541.00',
      now: NOW,
    });
    expect(repeat).toMatchObject({ paymentId: paid.paymentId, receiptNumber: paid.receiptNumber, isRepeat: true });
    // Another tab with its own key: nothing is left to pay.
    const other = await failure(
      payDeclaration({
        actor: trader,
        declarationId: d.id,
        idempotencyKey: randomUUID(),
        amount: '46391541.00',
        now: NOW,
      }),
      'CONFLICT',
    );
    expect(other.message).toContain(`it is paid (receipt ${paid.receiptNumber})`);
    expect(await db.payment.count({ where: { declarationId: d.id } })).toBe(1);
    await expectLedgerConsistent(trader, '3608459.00');
    const audit = await db.auditEntry.findMany({ where: { entityType: 'Payment', entityId: paid.paymentId } });
    expect(audit.map((a) => a.action)).toEqual(['payment.create']);
  });

  it('double clicks and two tabs at once make exactly one debit', async () => {
    const trader = await aTrader();
    await fund(trader, '1000000.00');
    const d = await aDeclarationWithPaymentsDue({ trader, post, amounts: { FEE: '100000.00', VAT: '20000.00' } });
    const key = randomUUID();
    const clicks = await Promise.allSettled([
      ...Array.from({ length: 8 }, () =>
        payDeclaration({ actor: trader, declarationId: d.id, idempotencyKey: key, amount: '120000.00', now: NOW }),
      ),
      ...Array.from({ length: 4 }, () =>
        payDeclaration({
          actor: trader,
          declarationId: d.id,
          idempotencyKey: randomUUID(),
          amount: '120000.00',
          now: NOW,
        }),
      ),
    ]);
    const paid = clicks.flatMap((c) => (c.status === 'fulfilled' ? [c.value] : []));
    expect(new Set(paid.map((p) => p.paymentId)).size).toBe(1);
    for (const c of clicks) if (c.status === 'rejected') expect((c.reason as AppError).code).toBe('CONFLICT');
    expect(await db.payment.count({ where: { declarationId: d.id } })).toBe(1);
    expect(await db.ledgerEntry.count({ where: { declarationId: d.id } })).toBe(2);
    await expectLedgerConsistent(trader, '880000.00');
  });

  it('insufficient balance: a clear message, and nothing written', async () => {
    const trader = await aTrader();
    await fund(trader, '1000.00');
    const d = await aDeclarationWithPaymentsDue({ trader, post, amounts: { FEE: '100000.00' } });
    const auditBefore = await db.auditEntry.count({ where: { actorId: trader.userId } });
    const e = await failure(
      payDeclaration({
        actor: trader,
        declarationId: d.id,
        idempotencyKey: randomUUID(),
        amount: '100000.00',
        now: NOW,
      }),
      'CONFLICT',
    );
    expect(e.message).toBe(
      `Your balance of 1 000.00 UZS is not enough for the 100 000.00 UZS due on ${d.registrationNumber}: top up at least 99 000.00 UZS, then try again. Nothing was debited.`,
    );
    expect(await db.payment.count({ where: { declarationId: d.id } })).toBe(0);
    expect(await db.ledgerEntry.count({ where: { declarationId: d.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { actorId: trader.userId } })).toBe(auditBefore);
    await expectLedgerConsistent(trader, '1000.00');
  });

  it('pays only what the trader was shown: a reassessment since is a conflict', async () => {
    const trader = await aTrader();
    await fund(trader, '1000000.00');
    const d = await aDeclarationWithPaymentsDue({ trader, post, amounts: { FEE: '100000.00' } });
    await anAssessment(d.id, { FEE: '120000.00' });
    const e = await failure(
      payDeclaration({
        actor: trader,
        declarationId: d.id,
        idempotencyKey: randomUUID(),
        amount: '100000.00',
        now: NOW,
      }),
      'CONFLICT',
    );
    expect(e.message).toContain('The amount due is now 120 000.00 UZS');
    expect(await db.payment.count({ where: { declarationId: d.id } })).toBe(0);
  });

  it('releases a green declaration at once when its payments are settled', async () => {
    const trader = await aTrader();
    await fund(trader, '1000000.00');
    const d = await aDeclarationWithPaymentsDue({
      trader,
      post,
      amounts: { FEE: '100000.00' },
      channel: 'GREEN',
      status: 'ASSESSED',
    });
    const paid = await payDeclaration({
      actor: trader,
      declarationId: d.id,
      idempotencyKey: randomUUID(),
      amount: '100000.00',
      now: NOW,
    });
    expect(paid).toMatchObject({ declarationStatus: 'RELEASED', isReleased: true });
    const released = await db.declaration.findUniqueOrThrow({
      where: { id: d.id },
      include: { events: { orderBy: { id: 'asc' } } },
    });
    expect(released).toMatchObject({ status: 'RELEASED', releasedAt: NOW });
    expect(released.events.map((e) => [e.fromStatus, e.toStatus, e.actorRole])).toEqual([
      ['ASSESSED', 'PAID', 'SYSTEM'],
      ['PAID', 'RELEASED', 'SYSTEM'],
    ]);
    expect(await db.signedDocument.count({ where: { subjectId: d.id, kind: 'RELEASE_NOTE' } })).toBe(1);
  });

  it('cannot pay, read or print another company’s declaration or receipt (404), nor pay a draft', async () => {
    const owner = await aTrader();
    await fund(owner, '1000000.00');
    const d = await aDeclarationWithPaymentsDue({ trader: owner, post, amounts: { FEE: '100000.00' } });
    const paid = await payDeclaration({
      actor: owner,
      declarationId: d.id,
      idempotencyKey: randomUUID(),
      amount: '100000.00',
      now: NOW,
    });
    const stranger = await aTrader();
    await fund(stranger, '1000000.00');
    await failure(
      payDeclaration({
        actor: stranger,
        declarationId: d.id,
        idempotencyKey: randomUUID(),
        amount: '100000.00',
        now: NOW,
      }),
      'NOT_FOUND',
    );
    await failure(getDeclarationPayments({ actor: stranger, declarationId: d.id }), 'NOT_FOUND');
    await failure(ensureReceiptDocument({ actor: stranger, receiptNumber: paid.receiptNumber, now: NOW }), 'NOT_FOUND');
    await failure(ensureReceiptDocument({ actor: stranger, receiptNumber: '../../etc/passwd', now: NOW }), 'NOT_FOUND');
    const inspector = await anInspector(post.id);
    await failure(
      payDeclaration({
        actor: inspector,
        declarationId: d.id,
        idempotencyKey: randomUUID(),
        amount: '100000.00',
        now: NOW,
      }),
      'FORBIDDEN',
    );
    const draft = await db.declaration.create({
      data: { companyId: owner.companyId!, createdById: owner.userId, regime: 'IM40', status: 'DRAFT' },
    });
    await failure(
      payDeclaration({ actor: owner, declarationId: draft.id, idempotencyKey: randomUUID(), amount: '1.00', now: NOW }),
      'CONFLICT',
    );
  });

  it('a higher reassessment owes the difference per type; a lower one is an overpayment credited back once', async () => {
    const trader = await aTrader();
    await fund(trader, '10000000.00');
    const d = await aDeclarationWithPaymentsDue({
      trader,
      post,
      amounts: { DUTY: '1000000.00', VAT: '500000.00', FEE: '100000.00' },
    });
    await payDeclaration({
      actor: trader,
      declarationId: d.id,
      idempotencyKey: randomUUID(),
      amount: '1600000.00',
      now: NOW,
    });

    await anAssessment(d.id, { DUTY: '1200000.00', VAT: '524000.00', FEE: '100000.00' });
    const { settlement } = await loadSettlement(db, { id: d.id, status: 'ASSIGNED' });
    expect(settlement).toEqual({
      kind: 'DUE',
      net: '224000.00',
      lines: [
        { paymentType: 'DUTY', amount: '200000.00' },
        { paymentType: 'VAT', amount: '24000.00' },
      ],
    });
    const extra = await payDeclaration({
      actor: trader,
      declarationId: d.id,
      idempotencyKey: randomUUID(),
      amount: '224000.00',
      now: NOW,
    });
    expect(
      (await db.ledgerEntry.findMany({ where: { paymentId: extra.paymentId }, orderBy: { id: 'asc' } })).map((e) => [
        e.paymentType,
        e.amount.toFixed(2),
      ]),
    ).toEqual([
      ['DUTY', '-200000.00'],
      ['VAT', '-24000.00'],
    ]);

    await anAssessment(d.id, { DUTY: '900000.00', VAT: '488000.00', FEE: '100000.00' });
    expect(await amountDue(d.id)).toBe('0.00');
    const overpaid = await listOpenSettlements({ actor: trader, kind: 'OVERPAID', page: 1 });
    expect(overpaid.rows).toEqual([expect.objectContaining({ id: d.id, net: '336000.00' })]);
    await failure(creditOverpayment({ actor: trader, declarationId: d.id, amount: '300000.00', now: NOW }), 'CONFLICT');
    const credit = await creditOverpayment({ actor: trader, declarationId: d.id, amount: '336000.00', now: NOW });
    expect(credit).toMatchObject({ amount: '336000.00', balance: '8512000.00' });
    expect(
      (await db.ledgerEntry.findMany({ where: { paymentId: credit.paymentId }, orderBy: { id: 'asc' } })).map((e) => [
        e.kind,
        e.paymentType,
        e.amount.toFixed(2),
      ]),
    ).toEqual([
      ['REVERSAL', 'DUTY', '300000.00'],
      ['REVERSAL', 'VAT', '36000.00'],
    ]);
    expect((await loadSettlement(db, { id: d.id, status: 'ASSIGNED' })).settlement.kind).toBe('SETTLED');
    expect(
      (await ensureReceiptDocument({ actor: trader, receiptNumber: credit.receiptNumber, now: NOW })).payload,
    ).toMatchObject({ movement: 'OVERPAYMENT_CREDIT', total: '336000.00' });
    await failure(creditOverpayment({ actor: trader, declarationId: d.id, amount: '336000.00', now: NOW }), 'CONFLICT');

    // A later, higher reassessment is owed again in full — the credit is counted.
    await anAssessment(d.id, { DUTY: '1000000.00', VAT: '488000.00', FEE: '100000.00' });
    expect(await amountDue(d.id)).toBe('100000.00');
    await expectLedgerConsistent(trader, '8512000.00');
  });

  it('a withdrawn declaration owes nothing: what was paid is a refundable overpayment', async () => {
    const trader = await aTrader();
    await fund(trader, '500000.00');
    const d = await aDeclarationWithPaymentsDue({ trader, post, amounts: { FEE: '100000.00' } });
    await payDeclaration({
      actor: trader,
      declarationId: d.id,
      idempotencyKey: randomUUID(),
      amount: '100000.00',
      now: NOW,
    });
    await db.declaration.update({ where: { id: d.id }, data: { status: 'WITHDRAWN' } });
    const credit = await creditOverpayment({ actor: trader, declarationId: d.id, amount: '100000.00', now: NOW });
    expect(credit.balance).toBe('500000.00');
    await failure(
      payDeclaration({
        actor: trader,
        declarationId: d.id,
        idempotencyKey: randomUUID(),
        amount: '100000.00',
        now: NOW,
      }),
      'CONFLICT',
    );
    await expectLedgerConsistent(trader, '500000.00');
  });
});

describe('refunds of unused balance', () => {
  it('the trader asks, a finance officer approves (the debit and its receipt) or refuses', async () => {
    const trader = await aTrader();
    await fund(trader, '3000000.00');
    const finance = actorOf(
      await db.user.update({
        where: { id: (await aUser({ role: 'SUPERVISOR', postId: post.id })).id },
        data: { hasFinancePermission: true },
      }),
    );
    const supervisor = actorOf(await aUser({ role: 'SUPERVISOR', postId: post.id }));
    const inspector = await anInspector(post.id);

    const tooMuch = await failure(
      requestRefund({ actor: trader, input: { amount: '3000000.01', reason: 'Advance no longer needed' }, now: NOW }),
      'VALIDATION',
    );
    expect(tooMuch.fieldErrors).toEqual([
      {
        path: 'amount',
        message: 'You can ask for at most 3 000 000.00 UZS: your balance less the refunds awaiting a decision',
      },
    ]);
    const first = await requestRefund({
      actor: trader,
      input: { amount: '2000000.00', reason: 'Advance no longer needed' },
      now: NOW,
    });
    // Pending requests count as used.
    await failure(
      requestRefund({ actor: trader, input: { amount: '1000000.01', reason: 'More' }, now: NOW }),
      'VALIDATION',
    );
    const second = await requestRefund({
      actor: trader,
      input: { amount: '500000.00', reason: 'Wrong top-up' },
      now: NOW,
    });
    expect((await getAccountOverview({ actor: trader })).available).toBe('500000.00');

    await failure(
      decideRefund({ actor: inspector, input: { refundId: first.id, decision: 'APPROVE' }, now: NOW }),
      'FORBIDDEN',
    );
    await failure(
      decideRefund({ actor: supervisor, input: { refundId: first.id, decision: 'APPROVE' }, now: NOW }),
      'FORBIDDEN',
    );
    await failure(
      decideRefund({ actor: trader, input: { refundId: first.id, decision: 'APPROVE' }, now: NOW }),
      'FORBIDDEN',
    );
    await failure(
      decideRefund({ actor: finance, input: { refundId: randomUUID(), decision: 'APPROVE' }, now: NOW }),
      'NOT_FOUND',
    );

    const approved = await decideRefund({
      actor: finance,
      input: { refundId: first.id, decision: 'APPROVE', note: 'Paid to the settlement account' },
      now: NOW,
    });
    expect(approved).toMatchObject({ status: 'APPROVED', receiptNumber: expect.stringMatching(/^R-2026-\d{7}$/) });
    expect(
      (await db.ledgerEntry.findMany({ where: { refundId: first.id } })).map((e) => [
        e.kind,
        e.amount.toFixed(2),
        e.reference,
        e.actorId,
      ]),
    ).toEqual([['REFUND', '-2000000.00', approved.receiptNumber, finance.userId]]);
    expect(
      (await ensureReceiptDocument({ actor: trader, receiptNumber: approved.receiptNumber!, now: NOW })).payload,
    ).toMatchObject({ movement: 'REFUND', total: '2000000.00' });
    await failure(
      decideRefund({ actor: finance, input: { refundId: first.id, decision: 'APPROVE' }, now: NOW }),
      'CONFLICT',
    );

    const refused = await decideRefund({
      actor: finance,
      input: { refundId: second.id, decision: 'REFUSE', note: 'Bank details missing' },
      now: NOW,
    });
    expect(refused).toEqual({ id: second.id, status: 'REJECTED', receiptNumber: null });
    expect(await db.ledgerEntry.count({ where: { refundId: second.id } })).toBe(0);
    await expectLedgerConsistent(trader, '1000000.00');
    const audit = await db.auditEntry.findMany({
      where: { entityType: 'Refund', entityId: { in: [first.id, second.id] } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['refund.request', 'refund.request', 'refund.approve', 'refund.refuse']);
  });

  it('cannot approve more than the balance holds now: nothing is debited', async () => {
    const trader = await aTrader();
    await fund(trader, '200000.00');
    const finance = actorOf(
      await db.user.update({
        where: { id: (await aUser({ role: 'SUPERVISOR', postId: post.id })).id },
        data: { hasFinancePermission: true },
      }),
    );
    const refund = await requestRefund({ actor: trader, input: { amount: '150000.00', reason: 'Unused' }, now: NOW });
    const d = await aDeclarationWithPaymentsDue({ trader, post, amounts: { FEE: '100000.00' } });
    // Payments are not held back by a pending refund request: the balance is the trader's to use.
    await payDeclaration({
      actor: trader,
      declarationId: d.id,
      idempotencyKey: randomUUID(),
      amount: '100000.00',
      now: NOW,
    });
    const e = await failure(
      decideRefund({ actor: finance, input: { refundId: refund.id, decision: 'APPROVE' }, now: NOW }),
      'CONFLICT',
    );
    expect(e.message).toContain('less than the 150 000.00 UZS asked for');
    expect((await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).status).toBe('PENDING');
    await expectLedgerConsistent(trader, '100000.00');
  });
});

describe('receipts of the seeded history', () => {
  it('issues a seeded payment’s and top-up’s signed receipt the first time it is printed, then reuses it', async () => {
    const payment = await db.payment.findFirstOrThrow({
      where: { idempotencyKey: { startsWith: 'seed-' } },
      orderBy: { at: 'desc' },
    });
    const user = await db.user.findFirstOrThrow({ where: { companyId: payment.companyId, role: 'TRADER' } });
    const trader = actorOf(user);
    expect(await db.signedDocument.count({ where: { subjectId: payment.id } })).toBe(0);
    const first = await ensureReceiptDocument({ actor: trader, receiptNumber: payment.receiptNumber, now: NOW });
    const entries = await db.ledgerEntry.findMany({ where: { paymentId: payment.id }, orderBy: { id: 'asc' } });
    expect(first.payload).toMatchObject({
      receiptNumber: payment.receiptNumber,
      movement: 'PAYMENT',
      total: payment.amount.toFixed(2),
      paidAt: payment.at.toISOString(),
    });
    expect(first.payload.lines).toEqual(
      entries.map((e) => ({ paymentType: e.paymentType, amount: e.amount.neg().toFixed(2) })),
    );
    const again = await ensureReceiptDocument({
      actor: trader,
      receiptNumber: payment.receiptNumber,
      now: new Date(NOW.getTime() + 60_000),
    });
    expect(again.signature).toBe(first.signature);
    expect(await db.signedDocument.count({ where: { subjectId: payment.id } })).toBe(1);

    const topUp = await db.topUp.findFirstOrThrow({ where: { companyId: payment.companyId, status: 'SUCCEEDED' } });
    expect(
      (await ensureReceiptDocument({ actor: trader, receiptNumber: topUp.receiptNumber!, now: NOW })).payload,
    ).toMatchObject({ movement: 'TOP_UP', total: topUp.amount.toFixed(2) });
    await failure(
      ensureReceiptDocument({ actor: await aTrader(), receiptNumber: topUp.receiptNumber!, now: NOW }),
      'NOT_FOUND',
    );
  });
});

describe('history and statements', () => {
  it('shows the opening and closing balances of a period, with running balances on every line', async () => {
    const trader = await aTrader();
    const day = (d: string, time = '06:00:00') => new Date(`${d}T${time}Z`);
    await fund(trader, '1000000.00', day('2026-11-02'));
    await fund(trader, '500000.00', day('2026-11-10'));
    const d = await aDeclarationWithPaymentsDue({ trader, post, amounts: { DUTY: '300000.00', FEE: '100000.00' } });
    await payDeclaration({
      actor: trader,
      declarationId: d.id,
      idempotencyKey: randomUUID(),
      amount: '400000.00',
      now: day('2026-11-12'),
    });
    // 23:30 in Tashkent on the 20th is still the 20th (UTC+5).
    await fund(trader, '250000.00', day('2026-11-20', '18:30:00'));

    const period = { from: '2026-11-05', to: '2026-11-20' };
    expect(await getStatementSummary({ actor: trader, period })).toEqual({
      period,
      opening: '1000000.00',
      credits: '750000.00',
      debits: '400000.00',
      closing: '1350000.00',
      count: 4,
    });
    const page = await getStatementPage({ actor: trader, period, page: 1 });
    expect(page.rows.map((r) => [r.kind, r.paymentType, r.amount, r.balanceAfter])).toEqual([
      ['TOP_UP', null, '500000.00', '1500000.00'],
      ['PAYMENT', 'DUTY', '-300000.00', '1200000.00'],
      ['PAYMENT', 'FEE', '-100000.00', '1100000.00'],
      ['TOP_UP', null, '250000.00', '1350000.00'],
    ]);
    expect(page.rows.every((r) => r.receiptNumber?.startsWith('R-2026-'))).toBe(true);
    const exported = await exportStatement({ actor: trader, period });
    expect(exported.summary).toEqual(await getStatementSummary({ actor: trader, period }));
    expect(exported.lines.map((l) => l.balanceAfter)).toEqual(['1500000.00', '1200000.00', '1100000.00', '1350000.00']);

    // The CSV: the opening row, the lines, the closing row whose debits and credits are the lines' sums.
    const csv = await statementCsv({ actor: trader, period, t });
    expect(csv.filename).toBe('statement-2026-11-05-2026-11-20.csv');
    expect(expectCsvAddsUp(csv.text)).toMatchObject({
      opening: '1000000.00',
      closing: '1350000.00',
      lines: { length: 4 },
    });
    // One time zone throughout (Tashkent, with its offset), movements and payment types in words.
    expect(csvRows(csv.text).map((r) => r.slice(0, 3))).toEqual([
      ['date_time', 'kind', 'payment_type'],
      ['2026-11-05T00:00:00+05:00', 'Opening balance', ''],
      ['2026-11-10T11:00:00+05:00', 'Top-up', ''],
      ['2026-11-12T11:00:00+05:00', 'Payment', 'Import duty'],
      ['2026-11-12T11:00:00+05:00', 'Payment', 'Processing fee'],
      ['2026-11-20T23:30:00+05:00', 'Top-up', ''],
      ['2026-11-20T23:59:59+05:00', 'Closing balance', ''],
    ]);
    // The PDF shows the same opening and closing balances, and every line.
    const pdf = await statementPdf({ actor: trader, period, now: NOW, t });
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.filename).toBe('statement-2026-11-05-2026-11-20.pdf');
    const [text] = (await pdfText(pdf.bytes)).pages;
    expect(text).toContain(t('statement.pdf.opening'));
    expect(text).toContain(toWinAnsi(`${formatAmount('1000000.00')} UZS`));
    expect(text).toContain(t('statement.pdf.closing'));
    expect(text).toContain(toWinAnsi(`${formatAmount('1350000.00')} UZS`));
    for (const balance of ['1500000.00', '1200000.00', '1100000.00'])
      expect(text).toContain(toWinAnsi(formatAmount(balance)));
    // Times and movements are whole (a cell wraps, it is never cut short with an ellipsis).
    const flowing = text.replace(/\s+/g, ' ');
    expect(flowing).toContain('2026-11-20 23:30 (UTC+5)');
    expect(flowing).toContain(toWinAnsi(`${t('kind.PAYMENT')} · ${t('paymentTypeShort.FEE')}`));
    expect(text).not.toContain(toWinAnsi('…'));

    // More lines than an export holds: refused, naming the period, never a file cut short under a closing balance that counts them.
    // Thunks, awaited one at a time: a promise made early would reject before anyone waits for it.
    for (const tooLong of [
      () => exportStatement({ actor: trader, period, max: 3 }),
      () => statementCsv({ actor: trader, period, t, max: 3 }),
      () => statementPdf({ actor: trader, period, now: NOW, t, max: 3 }),
    ]) {
      const refused = await failure(tooLong(), 'VALIDATION');
      expect(refused.message).toContain('2026-11-05 – 2026-11-20');
      expect(refused.message).toContain('shorter period');
    }
    expect((await statementCsv({ actor: trader, period, t, max: 4 })).text).toContain('Closing balance');
    expect(
      (await getStatementSummary({ actor: trader, period: { from: '2026-11-21', to: '2026-11-30' } })).opening,
    ).toBe('1350000.00');

    const payments = await listMovements({ actor: trader, query: ZHistoryQuery.parse({ kind: 'PAYMENT' }) });
    expect(payments.total).toBe(2);
    const early = await listMovements({ actor: trader, query: ZHistoryQuery.parse({ to: '2026-11-05' }) });
    expect(early.rows.map((r) => r.amount)).toEqual(['1000000.00']);
    // Another company sees none of it.
    expect((await listMovements({ actor: await aTrader(), query: ZHistoryQuery.parse({}) })).total).toBe(0);
  });

  it('lists what is due, oldest first, paginated on the server', async () => {
    const trader = await aTrader();
    for (let i = 0; i < 23; i++)
      await aDeclarationWithPaymentsDue({
        trader,
        post,
        amounts: { FEE: `${100000 + i}.00` },
        registeredAt: new Date(Date.UTC(2026, 10, 1, 6, i)),
      });
    const first = await listOpenSettlements({ actor: trader, kind: 'DUE', page: 1 });
    const second = await listOpenSettlements({ actor: trader, kind: 'DUE', page: 2 });
    expect([first.total, first.rows.length, second.rows.length]).toEqual([23, 20, 3]);
    expect(first.rows[0].net).toBe('100000.00');
    expect(second.rows.at(-1)!.net).toBe('100022.00');
    expect((await listOpenSettlements({ actor: trader, kind: 'DUE', page: 9 })).total).toBe(23);
  });
});

describe('the test gateway switched off, as in production', () => {
  it('refuses to start a top-up, and refuses and logs a callback for it, crediting nothing', async () => {
    const trader = await aTrader();
    const started = await startTopUp({ actor: trader, input: { amount: '1000.00' }, now: NOW });
    const saved = process.env.PAYMENT_TEST_GATEWAY;
    try {
      for (const off of [undefined, '', 'true', 'ENABLED']) {
        if (off === undefined) delete process.env.PAYMENT_TEST_GATEWAY;
        else process.env.PAYMENT_TEST_GATEWAY = off;
        const e = await failure(startTopUp({ actor: trader, input: { amount: '1000.00' }, now: NOW }), 'CONFLICT');
        expect(e.message, String(off)).toBe(
          'Online top-up is not available at the moment. Pay by bank transfer to the customs account, or try again later.',
        );
        // A genuine, correctly signed callback of the test gateway: refused as coming from an unknown gateway, and logged.
        const callback = signed({ order: started.id, amount: '1000.00' });
        expect(await deliver(callback), String(off)).toMatchObject({
          outcome: 'UNKNOWN_GATEWAY',
          httpStatus: 404,
          topUpId: null,
          receiptNumber: null,
        });
        const logged = await db.gatewayCallback.findFirstOrThrow({ where: { body: callback.rawBody } });
        expect([logged.gateway, logged.isAccepted, logged.outcome, logged.signature]).toEqual([
          'test',
          false,
          'UNKNOWN_GATEWAY',
          callback.headers.get('x-gateway-signature'),
        ]);
        // The pending top-up offers no way to pay it.
        expect((await getTopUp({ actor: trader, topUpId: started.id })).checkoutUrl).toBeNull();
      }
      expect(await db.topUp.count({ where: { companyId: trader.companyId! } })).toBe(1);
      expect(await db.topUp.findUniqueOrThrow({ where: { id: started.id } })).toMatchObject({
        status: 'PENDING',
        receiptNumber: null,
        gatewayTransactionId: null,
      });
      expect(await db.ledgerEntry.count({ where: { topUpId: started.id } })).toBe(0);
      expect(await db.account.findUnique({ where: { companyId: trader.companyId! } })).toBeNull();
    } finally {
      process.env.PAYMENT_TEST_GATEWAY = saved;
    }
    // Switched on again, the same order is credited by its callback.
    expect((await deliver(signed({ order: started.id, amount: '1000.00' }))).outcome).toBe('CREDITED');
  });
});

describe('the test bank charges an order once', () => {
  it('two checkout tabs: one charge; the other tab, and any later one, is refused and charges nothing', async () => {
    const trader = await aTrader();
    const started = await startTopUp({ actor: trader, input: { amount: '300000.00' }, now: NOW });
    const reading = readCheckoutRequest(
      Object.fromEntries(new URL(started.checkoutUrl, 'http://portal.test').searchParams),
    );
    if (!reading.isValid) throw new Error(reading.problem);
    const { order, amount } = reading.request;
    expect(await chargedProblem(order)).toBeNull();

    // Both tabs press "pay" at the same moment.
    const tabs = await Promise.all([
      chargeOrder({ order, amount, now: NOW }),
      chargeOrder({ order, amount, now: NOW }),
    ]);
    const charged = tabs.flatMap((t) => (t.isCharged ? [t] : []));
    const refused = tabs.flatMap((t) => (t.isCharged ? [] : [t]));
    expect([charged.length, refused.length]).toEqual([1, 1]);
    const { transactionId } = charged[0];
    expect(refused[0].problem).toBe(
      `This order was already paid (transaction ${transactionId}, 300000.00 UZS): nothing was charged this time. Go back to the portal to see your top-up.`,
    );
    expect(await db.testBankCharge.findMany({ where: { order } })).toEqual([
      expect.objectContaining({ transactionId, chargedAt: NOW }),
    ]);

    // The bank notifies the portal of its one charge: credited once.
    expect((await deliver(signed({ order, amount, transactionId }))).outcome).toBe('CREDITED');
    await expectLedgerConsistent(trader, '300000.00');

    // A tab left open and used later (pay, or decline): still refused.
    expect(await chargeOrder({ order, amount, now: new Date(NOW.getTime() + 60_000) })).toMatchObject({
      isCharged: false,
      problem: expect.stringContaining(transactionId),
    });
    expect(await chargedProblem(order)).toContain('already paid');
    expect(await db.testBankCharge.count({ where: { order } })).toBe(1);
  });
});

describe('the database refuses what the ledger writer never does', () => {
  it('a ledger entry cannot be changed or deleted; a balance cannot go below zero', async () => {
    const trader = await aTrader();
    await fund(trader, '1000.00');
    const account = await accountOf(trader);
    const entries = await db.ledgerEntry.findMany({ where: { accountId: account.id }, orderBy: { id: 'asc' } });
    expect(entries).toHaveLength(1);
    const id = entries[0].id;
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['raw UPDATE', () => db.$executeRaw`UPDATE "LedgerEntry" SET amount = 1000000 WHERE id = ${id}`],
      ['raw DELETE', () => db.$executeRaw`DELETE FROM "LedgerEntry" WHERE id = ${id}`],
      ['update through Prisma', () => db.ledgerEntry.update({ where: { id }, data: { reference: 'edited' } })],
      ['deleteMany through Prisma', () => db.ledgerEntry.deleteMany({ where: { accountId: account.id } })],
    ];
    for (const [what, attempt] of attempts) {
      const e = await attempt().then(
        () => null,
        (x: unknown) => x,
      );
      expect(e, what).toBeInstanceOf(Error);
      expect(String((e as Error).message), what).toContain('is immutable');
    }
    expect(await db.ledgerEntry.findMany({ where: { accountId: account.id }, orderBy: { id: 'asc' } })).toEqual(
      entries,
    );

    const negative = await db.$executeRaw`UPDATE "Account" SET balance = -0.01 WHERE id = ${account.id}::uuid`.then(
      () => null,
      (x: unknown) => x,
    );
    expect(String((negative as Error).message)).toContain('Account_balance_not_negative');
    await expectLedgerConsistent(trader, '1000.00');
  });
});
