// 200+ concurrent payments and top-ups on one account: the exact final balance, never negative, no
// double debit, no double credit — and, when money is short, exactly as many payments as it covers.
import { randomUUID, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import type { Actor } from '@/src/server/actor';
import { startTopUp } from '@/src/server/payments/top-ups';
import { receiveGatewayCallback } from '@/src/server/payments/callbacks';
import { payDeclaration } from '@/src/server/payments/pay';
import { ledgerBalance } from '@/src/server/payments/ledger';
import { exportStatement } from '@/src/server/payments/read';
import { signCallback } from '@/src/server/payments/gateway/signature';
import { MERCHANT_ID, formatSignatureHeader } from '@/lib/payments/gateway-protocol';
import { D } from '@/lib/money';
import { AppError } from '@/lib/errors';
import {
  aPost,
  aTrader,
  anInspector,
  aDeclarationWithPaymentsDue,
  aRegisteredDeclaration,
  anAssessment,
  aPermit,
} from '../support/factories';
import { NOW } from '../support/clock';

process.env.PAYMENT_TEST_GATEWAY = 'enabled';
process.env.PAYMENT_GATEWAY_SECRET = 'integration-gateway-secret-0123456789abcdef';

function callback(order: string, amount: string) {
  const raw = JSON.stringify({
    merchant: MERCHANT_ID,
    order,
    transactionId: `test_${randomBytes(12).toString('hex')}`,
    amount,
    currency: 'UZS',
    status: 'SUCCEEDED',
    occurredAt: NOW.toISOString(),
  });
  const timestamp = String(Math.floor(NOW.getTime() / 1000));
  const headers = new Headers({
    'x-gateway-timestamp': timestamp,
    'x-gateway-signature': formatSignatureHeader(signCallback(process.env.PAYMENT_GATEWAY_SECRET!, timestamp, raw)),
  });
  return () => receiveGatewayCallback({ gatewayName: 'test', rawBody: raw, headers, now: NOW });
}

async function credit(trader: Actor, amount: string) {
  const started = await startTopUp({ actor: trader, input: { amount }, now: NOW });
  expect((await callback(started.id, amount)()).outcome).toBe('CREDITED');
}

async function lowestRunningBalance(accountId: string): Promise<string> {
  const rows = await db.$queryRaw<{ lowest: string }[]>`
    SELECT coalesce(min(running), 0)::text AS lowest FROM (SELECT sum(amount) OVER (ORDER BY at, id) AS running FROM "LedgerEntry" WHERE "accountId" = ${accountId}::uuid) s`;
  return rows[0].lowest;
}

/** A fixed shuffle (Fisher–Yates with a small LCG), so payments and top-ups interleave the same way every run. */
function shuffle<T>(items: T[]): T[] {
  let seed = 42;
  for (let i = items.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

let post: Awaited<ReturnType<typeof aPost>>;
beforeAll(async () => {
  post = await aPost();
  await anInspector(post.id);
});

describe('one account under concurrent load', () => {
  it('100 payments (each clicked twice) and 100 top-ups (some notified twice) at once: the exact balance, one debit and one credit each', async () => {
    const trader = await aTrader();
    const INITIAL = '50000000.00';
    await credit(trader, INITIAL);
    // Amounts with tiyins, so that a float anywhere would show.
    const dues = Array.from({ length: 100 }, (_, i) => new D(100000).plus(i * 1234.57).toFixed(2));
    const declarations = [];
    for (const [i, fee] of dues.entries())
      declarations.push(
        await aDeclarationWithPaymentsDue({
          trader,
          post,
          amounts: { FEE: fee, VAT: i % 3 === 0 ? '0.01' : '0.00' },
          channel: i % 2 ? 'GREEN' : 'YELLOW',
          status: i % 2 ? 'ASSESSED' : 'ASSIGNED',
        }),
      );
    const owed = declarations.map((_, i) => new D(dues[i]).plus(i % 3 === 0 ? '0.01' : '0').toFixed(2));
    const topUpAmounts = Array.from({ length: 100 }, (_, i) => new D(250000).plus(i * 10.01).toFixed(2));
    const topUps = [];
    for (const amount of topUpAmounts)
      topUps.push({ id: (await startTopUp({ actor: trader, input: { amount }, now: NOW })).id, amount });

    const keys = declarations.map(() => randomUUID());
    const payments = declarations.flatMap((d, i) =>
      [0, 1].map(
        () => () =>
          payDeclaration({ actor: trader, declarationId: d.id, idempotencyKey: keys[i], amount: owed[i], now: NOW }),
      ),
    );
    const callbacks = topUps.flatMap((t, i) => {
      const send = callback(t.id, t.amount);
      return i % 5 === 0 ? [send, send] : [send];
    });
    const work = shuffle([...payments, ...callbacks]);
    const results = await Promise.allSettled(work.map((run) => run()));
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(failures).toEqual([]);

    const account = await db.account.findUniqueOrThrow({ where: { companyId: trader.companyId! } });
    const expected = new D(INITIAL)
      .plus(topUpAmounts.reduce((s, a) => s.plus(a), new D(0)))
      .minus(owed.reduce((s, a) => s.plus(a), new D(0)))
      .toFixed(2);
    expect(account.balance.toFixed(2)).toBe(expected);
    expect(await ledgerBalance(db, account.id)).toBe(expected);
    expect(Number(await lowestRunningBalance(account.id))).toBeGreaterThanOrEqual(0);
    expect(await db.payment.count({ where: { companyId: trader.companyId! } })).toBe(100);
    expect(await db.ledgerEntry.count({ where: { accountId: account.id, kind: 'TOP_UP' } })).toBe(101);
    expect(await db.ledgerEntry.count({ where: { accountId: account.id, kind: 'PAYMENT' } })).toBe(100 + 34);
    expect(account.version).toBe(await db.ledgerEntry.count({ where: { accountId: account.id } }));
    const receipts = await db.payment.findMany({
      where: { companyId: trader.companyId! },
      select: { receiptNumber: true },
    });
    expect(new Set(receipts.map((r) => r.receiptNumber)).size).toBe(100);
    // Every green one was released in its payment's transaction; every yellow one stays with its officer.
    const statuses = await db.declaration.groupBy({
      by: ['status'],
      where: { id: { in: declarations.map((d) => d.id) } },
      _count: true,
    });
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count]))).toEqual({ RELEASED: 50, ASSIGNED: 50 });
  }, 120_000);

  it('when the balance covers only 10 of 25 concurrent payments, exactly 10 are paid and the balance ends at zero', async () => {
    const trader = await aTrader();
    await credit(trader, '1000000.00');
    const declarations = [];
    for (let i = 0; i < 25; i++)
      declarations.push(await aDeclarationWithPaymentsDue({ trader, post, amounts: { FEE: '100000.00' } }));
    const results = await Promise.allSettled(
      declarations.map((d) =>
        payDeclaration({
          actor: trader,
          declarationId: d.id,
          idempotencyKey: randomUUID(),
          amount: '100000.00',
          now: NOW,
        }),
      ),
    );
    const paid = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as AppError] : []));
    expect(paid).toHaveLength(10);
    expect(refused).toHaveLength(15);
    for (const e of refused) {
      expect(e).toBeInstanceOf(AppError);
      expect(e.message).toContain('is not enough for');
    }
    const account = await db.account.findUniqueOrThrow({ where: { companyId: trader.companyId! } });
    expect(account.balance.toFixed(2)).toBe('0.00');
    expect(await ledgerBalance(db, account.id)).toBe('0.00');
    expect(Number(await lowestRunningBalance(account.id))).toBeGreaterThanOrEqual(0);
  }, 60_000);
});

/** Every receipt number of the year stored so far: payments, top-ups and signed receipts (refunds). */
async function receiptNumbersOf(year: number): Promise<number[]> {
  const pattern = `^R-${year}-[0-9]{7}$`;
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT DISTINCT substring(n from 8 for 7)::int AS n FROM (
      SELECT "receiptNumber" AS n FROM "Payment" WHERE "receiptNumber" ~ ${pattern}
      UNION ALL SELECT "receiptNumber" FROM "TopUp" WHERE "receiptNumber" ~ ${pattern}
      UNION ALL SELECT number FROM "SignedDocument" WHERE kind = 'RECEIPT' AND number ~ ${pattern}
    ) stored ORDER BY 1`;
  return rows.map((r) => Number(r.n));
}

describe('the receipt series, shared by every company', () => {
  it('is taken last: a payment waiting for a receipt number has already done everything else, its automatic release included', async () => {
    const trader = await aTrader();
    await credit(trader, '1000000.00'); // also starts the year's series, if no other test has
    // A green, assessed declaration of beer whose SES-FOOD permit is linked: paying it releases it, locking the permit.
    const d = await aRegisteredDeclaration({
      companyId: trader.companyId!,
      createdById: trader.userId,
      post,
      registeredAt: NOW,
      status: 'ASSESSED',
      items: [{ hsCode: '2203000900', quantity: '10', supplementaryUnit: 'L', description: 'Beer' }],
    });
    await db.declaration.update({ where: { id: d.id }, data: { channel: 'GREEN' } });
    await anAssessment(d.id, { FEE: '100000.00' });
    const permit = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '100',
      unit: 'L',
    });
    await db.permitLink.create({ data: { permitId: permit.id, declarationItemId: d.items[0].id, quantity: '10' } });
    /** Can another transaction lock the permit right now? (It cannot while a release holds it.) */
    const isPermitFree = () =>
      db
        .$transaction(
          async (tx) => tx.$queryRaw`SELECT id FROM "Permit" WHERE id = ${permit.id}::uuid FOR UPDATE NOWAIT`,
        )
        .then(
          () => true,
          () => false,
        );

    // Hold the year's receipt series, as a long movement of another company would.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let isHolding!: () => void;
    const holding = new Promise<void>((resolve) => (isHolding = resolve));
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT last FROM "ReceiptSequence" WHERE year = 2026 FOR UPDATE`;
        isHolding();
        await held;
      },
      { maxWait: 10_000, timeout: 20_000 },
    );
    await holding;
    let isSettled = false;
    const payment = payDeclaration({
      actor: trader,
      declarationId: d.id,
      idempotencyKey: randomUUID(),
      amount: '100000.00',
      now: NOW,
    }).finally(() => (isSettled = true));
    try {
      // The payment runs up to the receipt number: the debit, the PAID transition and the release —
      // which holds the permit's row lock — are done while it waits for the series.
      let isReleasing = false;
      for (let i = 0; i < 100 && !isReleasing; i++) {
        isReleasing = !(await isPermitFree());
        if (!isReleasing) await new Promise((r) => setTimeout(r, 50));
      }
      expect(isReleasing, 'the payment should reach the release while the receipt series is held').toBe(true);
      expect(isSettled).toBe(false);
    } finally {
      release();
      await holder;
    }
    const paid = await payment;
    expect(paid).toMatchObject({
      isReleased: true,
      declarationStatus: 'RELEASED',
      receiptNumber: expect.stringMatching(/^R-2026-\d{7}$/),
    });
    expect(await isPermitFree()).toBe(true);
    expect((await db.permit.findUniqueOrThrow({ where: { id: permit.id } })).remainingQuantity.toFixed(0)).toBe('90');
  }, 60_000);

  it('20 companies paying at once: every receipt number unique, and the series without gaps', async () => {
    const traders = await Promise.all(Array.from({ length: 20 }, () => aTrader()));
    for (const trader of traders) await credit(trader, '1000000.00');
    const due = [];
    for (const [i, trader] of traders.entries()) {
      for (let j = 0; j < 4; j++)
        due.push({
          trader,
          d: await aDeclarationWithPaymentsDue({
            trader,
            post,
            amounts: { FEE: '100000.00' },
            ...(j % 2 ? { channel: 'GREEN' as const, status: 'ASSESSED' as const } : {}),
          }),
          i,
        });
    }
    const results = await Promise.allSettled(
      due.map(({ trader, d }) =>
        payDeclaration({
          actor: trader,
          declarationId: d.id,
          idempotencyKey: randomUUID(),
          amount: '100000.00',
          now: NOW,
        }),
      ),
    );
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(failed).toEqual([]);
    const numbers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.receiptNumber] : []));
    expect(new Set(numbers).size).toBe(80);
    for (const trader of traders) {
      const account = await db.account.findUniqueOrThrow({ where: { companyId: trader.companyId! } });
      expect(account.balance.toFixed(2)).toBe('600000.00');
      expect(await ledgerBalance(db, account.id)).toBe('600000.00');
    }
    // Committed numbers are always 1..max: a number is taken under the series' row lock and given back by a rollback.
    const series = await receiptNumbersOf(2026);
    expect(series.length).toBeGreaterThan(80);
    expect(series.at(-1)).toBe(series.length);
  }, 120_000);
});

describe('a statement exported while money keeps moving', () => {
  it('is one snapshot: opening + lines = closing, and the summary counts exactly the lines, however many entries arrive meanwhile', async () => {
    const trader = await aTrader();
    await credit(trader, '1000.00');
    const account = await db.account.findUniqueOrThrow({ where: { companyId: trader.companyId! } });
    // 2,500 earlier entries of the day (several pages of the export), the cached balance kept equal to the ledger.
    const BULK = 2500;
    await db.ledgerEntry.createMany({
      data: Array.from({ length: BULK }, (_, i) => ({
        accountId: account.id,
        kind: 'TOP_UP' as const,
        amount: '1.00',
        reference: `BULK-${i}`,
        at: new Date(NOW.getTime() - 3_600_000 + i),
      })),
    });
    await db.account.update({
      where: { id: account.id },
      data: { balance: { increment: BULK }, version: { increment: BULK } },
    });

    const period = { from: '2026-11-28', to: '2026-11-28' };
    let isMoving = true;
    const arriving = (async () => {
      for (let i = 0; i < 40 && isMoving; i++) await credit(trader, '7.00');
    })();
    const exports = [];
    try {
      for (let i = 0; i < 6; i++) exports.push(await exportStatement({ actor: trader, period }));
    } finally {
      isMoving = false;
      await arriving;
    }
    for (const { summary, lines } of exports) {
      expect(lines.length).toBe(summary.count);
      expect(lines[lines.length - 1].balanceAfter).toBe(summary.closing);
      const credits = lines.reduce((sum, l) => sum.plus(l.amount), new D(0));
      expect(new D(summary.opening).plus(credits).toFixed(2)).toBe(summary.closing);
    }
    expect(await ledgerBalance(db, account.id)).toBe(
      (await db.account.findUniqueOrThrow({ where: { id: account.id } })).balance.toFixed(2),
    );
  });
});
