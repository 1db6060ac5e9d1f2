// Payment figures of the personal account, measured on a real PostgreSQL (a fresh database on the
// test server, seeded with the demo data), like src/cli/bench.ts. Printed, never asserted: timed
// tests would fail on a slow machine. Standalone: node --import tsx src/cli/bench-payments.ts
//
//   1. payDeclaration server time, sequential: p50 / p95 (yellow: debit + receipt; green: also the
//      automatic release and its release note).
//   2. The gateway callback (verify HMAC, credit, receipt), sequential: p95.
//   3. 200 concurrent payments and top-ups on one account (plus double clicks and duplicated
//      callbacks): the exact final balance, the lowest running balance, debits and credits counted.
//   4. 200 concurrent payments of 20 companies (10 each, half green): p50 / p95 of each payment's
//      time and the wall time. The accounts are separate; what the payments share is the year's
//      receipt series (taken last in each transaction: ledger.ts nextReceiptNumber) and the pool.
import { performance } from 'node:perf_hooks';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { ms, percentile, printFigures, withSeededDatabase, type BenchFigure } from './bench-support.ts';

const figures: BenchFigure[] = [];
const log = (line: string) => console.log(`[bench:payments] ${line}`);

process.env.DOCUMENT_SIGNING_KEY ??= generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
process.env.PAYMENT_TEST_GATEWAY = 'enabled';
process.env.PAYMENT_GATEWAY_SECRET ??= randomBytes(32).toString('base64url');
const NOW = new Date('2026-11-28T09:30:00Z');

await withSeededDatabase({ prefix: 'csw_bench_pay', log }, async () => {
  const { db } = await import('../server/db.ts');
  const { startTopUp } = await import('../server/payments/top-ups.ts');
  const { receiveGatewayCallback } = await import('../server/payments/callbacks.ts');
  const { payDeclaration } = await import('../server/payments/pay.ts');
  const { ledgerBalance } = await import('../server/payments/ledger.ts');
  const { signCallback } = await import('../server/payments/gateway/signature.ts');
  const { MERCHANT_ID, formatSignatureHeader } = await import('../../lib/payments/gateway-protocol.ts');
  const { D } = await import('../../lib/money.ts');
  const { hashPassword } = await import('../server/auth/password.ts');

  const post = await db.customsPost.create({ data: { code: '49101', name: 'Bench payments post', region: 'Bench' } });
  const passwordHash = await hashPassword('bench');
  let companies = 0;
  async function aTrader() {
    const n = ++companies;
    const company = await db.company.create({
      data: { tin: String(499100000 + n), name: `Bench Payments ${n} LLC`, address: 'Tashkent' },
    });
    const user = await db.user.create({
      data: {
        email: `bench-pay-${n}@example.uz`,
        name: `Bench trader ${n}`,
        passwordHash,
        role: 'TRADER',
        companyId: company.id,
      },
    });
    return {
      userId: user.id,
      role: 'TRADER' as const,
      email: user.email,
      name: user.name,
      companyId: company.id,
      postId: null,
      authorityId: null,
    };
  }
  type Trader = Awaited<ReturnType<typeof aTrader>>;

  const callback = (order: string, amount: string) => {
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
  };
  async function fund(trader: Trader, amount: string) {
    const { id } = await startTopUp({ actor: trader, input: { amount }, now: NOW });
    const result = await callback(id, amount)();
    if (result.outcome !== 'CREDITED') throw new Error(`top-up not credited: ${result.outcome}`);
  }
  let sequence = 0;
  /** A registered declaration with a fee and VAT assessed (raw cotton: no permit needed), inserted directly. */
  async function aDeclarationDue(trader: Trader, fee: string, isGreen: boolean) {
    const d = await db.declaration.create({
      data: {
        companyId: trader.companyId,
        createdById: trader.userId,
        postId: post.id,
        regime: 'IM40',
        status: isGreen ? 'ASSESSED' : 'ASSIGNED',
        channel: isGreen ? 'GREEN' : 'YELLOW',
        registrationNumber: `49101/261128/${String(++sequence).padStart(7, '0')}`,
        registeredAt: NOW,
        submittedAt: NOW,
        invoiceCurrency: 'USD',
        invoiceTotal: '1000.00',
        items: {
          create: [
            {
              lineNo: 1,
              hsCode: '5201000000',
              description: 'Raw cotton',
              originCountry: 'UZ',
              grossMass: '1010',
              netMass: '1000',
              quantity: '1000',
              supplementaryUnit: 'KG',
              invoiceValue: '1000.00',
            },
          ],
        },
      },
      include: { items: true },
    });
    await db.assessedPayment.createMany({
      data: [
        {
          declarationId: d.id,
          itemId: d.items[0].id,
          assessmentNo: 1,
          paymentType: 'VAT',
          base: '0',
          amount: '12000.00',
        },
        { declarationId: d.id, itemId: null, assessmentNo: 1, paymentType: 'FEE', base: '0', amount: fee },
      ],
    });
    return { id: d.id, due: new D(fee).plus('12000.00').toFixed(2) };
  }

  // 1. Sequential payments: server time of the use case.
  const PAYMENTS = 240;
  const payer = await aTrader();
  await fund(payer, '100000000000.00');
  log(`Creating ${PAYMENTS} declarations with payments due (half green) …`);
  const due = [];
  for (let i = 0; i < PAYMENTS; i++)
    due.push({
      ...(await aDeclarationDue(payer, new D(100000).plus(i).toFixed(2), i % 2 === 1)),
      isGreen: i % 2 === 1,
    });
  const yellow: number[] = [];
  const green: number[] = [];
  for (const [i, d] of due.entries()) {
    const t0 = performance.now();
    await payDeclaration({ actor: payer, declarationId: d.id, idempotencyKey: randomUUID(), amount: d.due, now: NOW });
    const elapsed = performance.now() - t0;
    if (i >= 40) (d.isGreen ? green : yellow).push(elapsed); // the first 40 warm the caches and the JIT
  }
  const all = [...yellow, ...green];
  figures.push({
    label: `pay a declaration, p95 over ${all.length} (p50 ${ms(percentile(all, 50))})`,
    target: '< 100 ms',
    value: ms(percentile(all, 95)),
  });
  figures.push({
    label: `  yellow (debit + receipt), p95 over ${yellow.length}`,
    target: '< 100 ms',
    value: ms(percentile(yellow, 95)),
  });
  figures.push({
    label: `  green (also released, release note), p95 over ${green.length}`,
    target: '< 100 ms',
    value: ms(percentile(green, 95)),
  });

  // 2. Sequential gateway callbacks.
  const topper = await aTrader();
  const callbackTimes: number[] = [];
  for (let i = 0; i < 120; i++) {
    const { id } = await startTopUp({ actor: topper, input: { amount: '1000000.00' }, now: NOW });
    const send = callback(id, '1000000.00');
    const t0 = performance.now();
    await send();
    if (i >= 20) callbackTimes.push(performance.now() - t0);
  }
  figures.push({
    label: `gateway callback (verify, credit, receipt), p95 over ${callbackTimes.length}`,
    target: '< 100 ms',
    value: ms(percentile(callbackTimes, 95)),
  });

  // 3. 200 concurrent payments and top-ups on one account, with double clicks and duplicated callbacks.
  const busy = await aTrader();
  const INITIAL = '30000000.00';
  await fund(busy, INITIAL);
  const declarations = [];
  for (let i = 0; i < 100; i++)
    declarations.push(await aDeclarationDue(busy, new D(100000).plus(new D(i).mul('1234.57')).toFixed(2), i % 2 === 0));
  const topUps = [];
  for (let i = 0; i < 100; i++) {
    const amount = new D(250000).plus(new D(i).mul('10.01')).toFixed(2);
    topUps.push({ id: (await startTopUp({ actor: busy, input: { amount }, now: NOW })).id, amount });
  }
  const work: Array<() => Promise<unknown>> = [];
  declarations.forEach((d, i) => {
    const key = randomUUID();
    const pay = () =>
      payDeclaration({ actor: busy, declarationId: d.id, idempotencyKey: key, amount: d.due, now: NOW });
    work.push(pay);
    if (i % 4 === 0) work.push(pay); // a double click
  });
  topUps.forEach((t, i) => {
    const send = callback(t.id, t.amount);
    work.push(send);
    if (i % 4 === 0) work.push(send); // the gateway notifying twice
  });
  for (let i = work.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    [work[i], work[j]] = [work[j], work[i]];
  }
  log(`Running ${work.length} concurrent operations on one account (100 payments, 100 top-ups, 50 repeats) …`);
  const t0 = performance.now();
  const results = await Promise.allSettled(work.map((run) => run()));
  const wall = performance.now() - t0;
  const failed = results.filter((r) => r.status === 'rejected');
  const account = await db.account.findUniqueOrThrow({ where: { companyId: busy.companyId } });
  const expected = new D(INITIAL)
    .plus(topUps.reduce((s, t) => s.plus(t.amount), new D(0)))
    .minus(declarations.reduce((s, d) => s.plus(d.due), new D(0)))
    .toFixed(2);
  const lowest = await db.$queryRaw<{ lowest: string }[]>`
    SELECT coalesce(min(running), 0)::text AS lowest FROM (SELECT sum(amount) OVER (ORDER BY at, id) AS running FROM "LedgerEntry" WHERE "accountId" = ${account.id}::uuid) s`;
  const debits = await db.payment.count({ where: { companyId: busy.companyId } });
  const credits = await db.ledgerEntry.count({ where: { accountId: account.id, kind: 'TOP_UP' } });
  const sum = await ledgerBalance(db, account.id);
  figures.push({
    label: `concurrent: ${work.length} operations, wall time (${failed.length} failed)`,
    target: '—',
    value: ms(wall),
  });
  const reasons = new Map<string, number>();
  for (const f of failed) {
    const message = String((f as PromiseRejectedResult).reason?.message ?? (f as PromiseRejectedResult).reason).slice(
      0,
      140,
    );
    reasons.set(message, (reasons.get(message) ?? 0) + 1);
  }
  for (const [message, count] of reasons) log(`failed ×${count}: ${message}`);
  figures.push({
    label: `concurrent: final balance (expected ${expected})`,
    target: 'exact',
    value: `${account.balance.toFixed(2)} ${account.balance.toFixed(2) === expected && sum === expected ? '(exact; = ledger sum)' : `(WRONG; ledger ${sum})`}`,
  });
  figures.push({
    label: 'concurrent: lowest running balance',
    target: '≥ 0',
    value: new D(lowest[0].lowest).toFixed(2),
  });
  figures.push({
    label: 'concurrent: payments debited (100 asked, 25 double clicks)',
    target: '100',
    value: String(debits),
  });
  figures.push({
    label: 'concurrent: top-ups credited (1 + 100 asked, 25 duplicated)',
    target: '101',
    value: String(credits),
  });

  // 4. Concurrent payments across 20 accounts.
  const COMPANIES = 20;
  const EACH = 10;
  log(`Creating ${COMPANIES} companies with ${EACH} declarations each (half green) …`);
  const jobs: Array<{ trader: Trader; id: string; due: string }> = [];
  for (let c = 0; c < COMPANIES; c++) {
    const trader = await aTrader();
    await fund(trader, '10000000.00');
    for (let i = 0; i < EACH; i++)
      jobs.push({ trader, ...(await aDeclarationDue(trader, new D(100000).plus(i).toFixed(2), i % 2 === 1)) });
  }
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    [jobs[i], jobs[j]] = [jobs[j], jobs[i]];
  }
  log(`Running ${jobs.length} concurrent payments of ${COMPANIES} companies …`);
  const spread: number[] = [];
  const s0 = performance.now();
  const paid = await Promise.allSettled(
    jobs.map(async (job) => {
      const started = performance.now();
      await payDeclaration({
        actor: job.trader,
        declarationId: job.id,
        idempotencyKey: randomUUID(),
        amount: job.due,
        now: NOW,
      });
      spread.push(performance.now() - started);
    }),
  );
  const spreadWall = performance.now() - s0;
  const spreadFailed = paid.filter((r) => r.status === 'rejected');
  for (const f of spreadFailed.slice(0, 3))
    log(
      `failed: ${String((f as PromiseRejectedResult).reason?.message ?? (f as PromiseRejectedResult).reason).slice(0, 140)}`,
    );
  figures.push({
    label: `${jobs.length} concurrent payments of ${COMPANIES} companies, p95 (p50 ${ms(percentile(spread, 50))}, ${spreadFailed.length} failed)`,
    target: '—',
    value: ms(percentile(spread, 95)),
  });
  figures.push({
    label: `  wall time (${(jobs.length / (spreadWall / 1000)).toFixed(0)} payments/s)`,
    target: '—',
    value: ms(spreadWall),
  });

  await db.$disconnect();
});

printFigures(figures);
