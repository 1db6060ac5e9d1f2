// The trader's read models of the personal account: the balance, what is due (and overpaid), the
// history of movements, statements and what a declaration's page shows about its payments. Every
// query is scoped to the actor's company.
import { db, Prisma, type Tx } from '../db';
import { assertTrader, type Actor } from '../actor';
import { AppError } from '@/lib/errors';
import { D } from '@/lib/money';
import { runningBalances, type LedgerKind } from '@/lib/payments/ledger';
import type { HistoryQuery, StatementPeriod } from '@/lib/payments/queries';
import type { DeclarationStatus } from '@/lib/declaration/lifecycle';
import { isPayableStatus, NOTHING_OWED_STATUSES, type PaymentType, type Settlement } from '@/lib/payments/settlement';
import { startOfServiceDate } from '@/lib/time';
import { loadSettlement } from './settlement';

export const PAGE_SIZE = 20;

export type AccountOverview = { companyName: string; balance: string; pendingRefunds: string; available: string };

export async function getAccountOverview(args: { actor: Actor }): Promise<AccountOverview> {
  const { actor } = args;
  assertTrader(actor);
  const [company, account, pending] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: actor.companyId }, select: { name: true } }),
    db.account.findUnique({ where: { companyId: actor.companyId }, select: { balance: true } }),
    db.refund.aggregate({ where: { companyId: actor.companyId, status: 'PENDING' }, _sum: { amount: true } }),
  ]);
  const balance = account?.balance.toFixed(2) ?? '0.00';
  const pendingRefunds = pending._sum.amount?.toFixed(2) ?? '0.00';
  const available = D.max(0, new D(balance).minus(pendingRefunds)).toFixed(2);
  return { companyName: company.name, balance, pendingRefunds, available };
}

export type OpenSettlementRow = {
  id: string;
  registrationNumber: string;
  status: DeclarationStatus;
  channel: string | null;
  registeredAt: Date | null;
  net: string;
};

/**
 * The company's registered declarations whose payments are not settled: `DUE` (net > 0, oldest
 * first) or `OVERPAID` (net < 0). Net = what is owed (nothing once refused or withdrawn) − payments.
 */
export async function listOpenSettlements(args: { actor: Actor; kind: 'DUE' | 'OVERPAID'; page: number }) {
  const { actor, kind, page } = args;
  assertTrader(actor);
  const sign = kind === 'DUE' ? 1 : -1;
  const rows = await db.$queryRaw<Array<OpenSettlementRow & { total: bigint }>>`
    WITH d AS (
      SELECT id, "registrationNumber", status, channel, "registeredAt" FROM "Declaration"
      WHERE "companyId" = ${actor.companyId}::uuid AND "registrationNumber" IS NOT NULL
    ), latest AS (
      SELECT ap."declarationId", max(ap."assessmentNo") AS n FROM "AssessedPayment" ap JOIN d ON d.id = ap."declarationId" GROUP BY 1
    ), assessed AS (
      SELECT ap."declarationId", coalesce(sum(ap.amount) FILTER (WHERE NOT ap."isSecured"), 0) AS total
      FROM "AssessedPayment" ap JOIN latest l ON l."declarationId" = ap."declarationId" AND l.n = ap."assessmentNo" GROUP BY 1
    ), paid AS (
      SELECT "declarationId", sum(amount) AS total FROM "Payment" WHERE "companyId" = ${actor.companyId}::uuid AND status = 'COMPLETED' GROUP BY 1
    ), net AS (
      SELECT d.*, (CASE WHEN d.status IN ('REFUSED', 'WITHDRAWN') THEN 0 ELSE coalesce(a.total, 0) END - coalesce(p.total, 0)) AS net
      FROM d LEFT JOIN assessed a ON a."declarationId" = d.id LEFT JOIN paid p ON p."declarationId" = d.id
    )
    SELECT id, "registrationNumber", status, channel, "registeredAt", net::text AS net, count(*) OVER () AS total
    FROM net WHERE sign(net) = ${sign}
    ORDER BY "registeredAt" ASC NULLS LAST, id ASC
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
  const total = rows.length ? Number(rows[0].total) : page > 1 ? await countOpen(actor.companyId, sign) : 0;
  return {
    total,
    page,
    pageSize: PAGE_SIZE,
    rows: rows.map(({ total: _total, ...r }) => ({ ...r, net: new D(r.net).abs().toFixed(2) })),
  };
}

async function countOpen(companyId: string, sign: number): Promise<number> {
  // A page past the end: the count for the pager.
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (
      SELECT d.id, (CASE WHEN d.status IN ('REFUSED', 'WITHDRAWN') THEN 0 ELSE coalesce((
        SELECT sum(ap.amount) FILTER (WHERE NOT ap."isSecured") FROM "AssessedPayment" ap
        WHERE ap."declarationId" = d.id AND ap."assessmentNo" = (SELECT max("assessmentNo") FROM "AssessedPayment" WHERE "declarationId" = d.id)), 0) END
        - coalesce((SELECT sum(p.amount) FROM "Payment" p WHERE p."declarationId" = d.id AND p.status = 'COMPLETED'), 0)) AS net
      FROM "Declaration" d WHERE d."companyId" = ${companyId}::uuid AND d."registrationNumber" IS NOT NULL
    ) s WHERE sign(net) = ${sign}`;
  return Number(rows[0].n);
}

export type DeclarationPayments = {
  settlement: Settlement;
  /** Refused or withdrawn: nothing is owed, so whatever was paid is (or is to be) credited back. */
  isNothingOwed: boolean;
  canPay: boolean;
  balance: string;
  payments: Array<{ id: string; receiptNumber: string; amount: string; at: Date }>;
};

/** What the declaration's page shows about its payments (another company's declaration is "not found"). */
export async function getDeclarationPayments(args: {
  actor: Actor;
  declarationId: string;
}): Promise<DeclarationPayments> {
  const { actor, declarationId } = args;
  assertTrader(actor);
  const d = await db.declaration.findFirst({
    where: { id: declarationId, companyId: actor.companyId },
    select: { id: true, status: true, registrationNumber: true },
  });
  if (!d) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  const [{ settlement }, account, payments] = await Promise.all([
    loadSettlement(db, d),
    db.account.findUnique({ where: { companyId: actor.companyId }, select: { balance: true } }),
    db.payment.findMany({
      where: { declarationId, status: 'COMPLETED' },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      select: { id: true, receiptNumber: true, amount: true, at: true },
    }),
  ]);
  return {
    settlement,
    isNothingOwed: NOTHING_OWED_STATUSES.includes(d.status),
    canPay: Boolean(d.registrationNumber) && isPayableStatus(d.status) && settlement.kind === 'DUE',
    balance: account?.balance.toFixed(2) ?? '0.00',
    payments: payments.map((p) => ({ ...p, amount: p.amount.toFixed(2) })),
  };
}

// ───────────── History and statements ─────────────

export type Movement = {
  id: string;
  at: Date;
  kind: LedgerKind;
  paymentType: PaymentType | null;
  amount: string;
  reference: string;
  declarationId: string | null;
  /** The receipt of the movement this entry belongs to. */
  receiptNumber: string | null;
};

type EntryRow = {
  id: bigint;
  at: Date;
  kind: LedgerKind;
  paymentType: PaymentType | null;
  amount: { toFixed(n: number): string };
  reference: string;
  declarationId: string | null;
  paymentId: string | null;
  topUpId: string | null;
  refundId: string | null;
  permitFeeId: string | null;
};

const ENTRY_SELECT = {
  id: true,
  at: true,
  kind: true,
  paymentType: true,
  amount: true,
  reference: true,
  declarationId: true,
  paymentId: true,
  topUpId: true,
  refundId: true,
  permitFeeId: true,
} as const;

async function toMovements(rows: readonly EntryRow[], reader: Tx | typeof db = db): Promise<Movement[]> {
  const paymentIds = [...new Set(rows.flatMap((r) => (r.paymentId ? [r.paymentId] : [])))];
  const topUpIds = [...new Set(rows.flatMap((r) => (r.topUpId ? [r.topUpId] : [])))];
  // One after the other: inside a transaction both would share one connection.
  const payments = paymentIds.length
    ? await reader.payment.findMany({ where: { id: { in: paymentIds } }, select: { id: true, receiptNumber: true } })
    : [];
  const topUps = topUpIds.length
    ? await reader.topUp.findMany({ where: { id: { in: topUpIds } }, select: { id: true, receiptNumber: true } })
    : [];
  const feeIds = [...new Set(rows.flatMap((r) => (r.permitFeeId ? [r.permitFeeId] : [])))];
  const fees = feeIds.length
    ? await reader.permitFee.findMany({ where: { id: { in: feeIds } }, select: { id: true, receiptNumber: true } })
    : [];
  const receipts = new Map<string, string | null>([
    ...payments.map((p) => [p.id, p.receiptNumber] as const),
    ...topUps.map((t) => [t.id, t.receiptNumber] as const),
    ...fees.map((f) => [f.id, f.receiptNumber] as const),
  ]);
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at,
    kind: r.kind,
    paymentType: r.paymentType,
    amount: r.amount.toFixed(2),
    reference: r.reference,
    declarationId: r.declarationId,
    // A refund's receipt number is its entry's reference.
    receiptNumber: r.paymentId
      ? (receipts.get(r.paymentId) ?? null)
      : r.topUpId
        ? (receipts.get(r.topUpId) ?? null)
        : r.refundId
          ? r.reference
          : r.permitFeeId
            ? (receipts.get(r.permitFeeId) ?? null)
            : null,
  }));
}

async function accountIdOf(companyId: string, reader: Tx | typeof db = db): Promise<string | null> {
  return (await reader.account.findUnique({ where: { companyId }, select: { id: true } }))?.id ?? null;
}

const dayRange = (from?: string, to?: string): Prisma.DateTimeFilter | undefined => {
  if (!from && !to) return undefined;
  return {
    ...(from ? { gte: startOfServiceDate(from) } : {}),
    ...(to ? { lt: new Date(startOfServiceDate(to).getTime() + 86_400_000) } : {}),
  };
};

/** The account's movements, newest first, filtered by kind and service days, a page at a time. */
export async function listMovements(args: { actor: Actor; query: HistoryQuery }) {
  const { actor, query } = args;
  assertTrader(actor);
  const accountId = await accountIdOf(actor.companyId);
  if (!accountId) return { total: 0, page: query.page, pageSize: PAGE_SIZE, rows: [] as Movement[] };
  const at = dayRange(query.from, query.to);
  const where: Prisma.LedgerEntryWhereInput = {
    accountId,
    ...(query.kind ? { kind: query.kind } : {}),
    ...(at ? { at } : {}),
  };
  const [total, rows] = await Promise.all([
    db.ledgerEntry.count({ where }),
    db.ledgerEntry.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: ENTRY_SELECT,
    }),
  ]);
  return { total, page: query.page, pageSize: PAGE_SIZE, rows: await toMovements(rows) };
}

export type StatementSummary = {
  period: StatementPeriod;
  opening: string;
  credits: string;
  debits: string;
  closing: string;
  count: number;
};

async function statementBounds(actor: Actor, period: StatementPeriod, reader: Tx | typeof db = db) {
  assertTrader(actor);
  const accountId = await accountIdOf(actor.companyId, reader);
  const start = startOfServiceDate(period.from);
  const end = new Date(startOfServiceDate(period.to).getTime() + 86_400_000);
  return { accountId, start, end };
}

async function readSummary(
  reader: Tx | typeof db,
  period: StatementPeriod,
  bounds: { accountId: string | null; start: Date; end: Date },
): Promise<StatementSummary> {
  const { accountId, start, end } = bounds;
  if (!accountId) return { period, opening: '0.00', credits: '0.00', debits: '0.00', closing: '0.00', count: 0 };
  const rows = await reader.$queryRaw<Array<{ opening: string; credits: string; debits: string; count: bigint }>>`
    SELECT coalesce(sum(amount) FILTER (WHERE at < ${start}), 0)::text AS opening,
           coalesce(sum(amount) FILTER (WHERE at >= ${start} AND amount > 0), 0)::text AS credits,
           coalesce(-sum(amount) FILTER (WHERE at >= ${start} AND amount < 0), 0)::text AS debits,
           count(*) FILTER (WHERE at >= ${start}) AS count
    FROM "LedgerEntry" WHERE "accountId" = ${accountId}::uuid AND at < ${end}`;
  const r = rows[0];
  const opening = new D(r.opening).toFixed(2);
  return {
    period,
    opening,
    credits: new D(r.credits).toFixed(2),
    debits: new D(r.debits).toFixed(2),
    closing: new D(opening).plus(r.credits).minus(r.debits).toFixed(2),
    count: Number(r.count),
  };
}

/** Opening balance (every entry before the first day), credits, debits and closing balance of a period. */
export async function getStatementSummary(args: { actor: Actor; period: StatementPeriod }): Promise<StatementSummary> {
  const { actor, period } = args;
  return readSummary(db, period, await statementBounds(actor, period));
}

export type StatementLine = Movement & { balanceAfter: string };

/** A page of the statement's lines, oldest first, each with the balance after it. */
export async function getStatementPage(args: { actor: Actor; period: StatementPeriod; page: number }) {
  const { actor, period, page } = args;
  const summary = await getStatementSummary({ actor, period });
  const { accountId, start, end } = await statementBounds(actor, period);
  if (!accountId || summary.count === 0) return { summary, page, pageSize: PAGE_SIZE, rows: [] as StatementLine[] };
  const where = { accountId, at: { gte: start, lt: end } };
  const skip = (page - 1) * PAGE_SIZE;
  const rows = await db.ledgerEntry.findMany({
    where,
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    skip,
    take: PAGE_SIZE,
    select: ENTRY_SELECT,
  });
  // The balance before this page: the opening plus every line of the period before it.
  const before = rows.length
    ? await db.$queryRaw<{ s: string }[]>`
        SELECT coalesce(sum(amount), 0)::text AS s FROM "LedgerEntry"
        WHERE "accountId" = ${accountId}::uuid AND at >= ${start} AND (at, id) < (${rows[0].at}, ${rows[0].id})`
    : [{ s: '0' }];
  const movements = await toMovements(rows);
  const { lines } = runningBalances(new D(summary.opening).plus(before[0].s).toFixed(2), movements);
  return { summary, page, pageSize: PAGE_SIZE, rows: lines };
}

/** The most lines one CSV export holds; a longer period is refused, never cut short. */
export const MAX_EXPORT_LINES = 100_000;
const EXPORT_BATCH = 1000;

export type StatementExport = { summary: StatementSummary; lines: StatementLine[] };

/**
 * The period's summary and every line (oldest first, with running balances) for CSV and PDF, read
 * in one REPEATABLE READ transaction: one snapshot, so opening + lines = closing even while entries
 * keep arriving. A period with more than `max` lines is refused (asking for a shorter period) rather
 * than exported with lines missing under a closing balance that counts them.
 */
export async function exportStatement(args: {
  actor: Actor;
  period: StatementPeriod;
  max?: number;
}): Promise<StatementExport> {
  const { actor, period } = args;
  assertTrader(actor);
  const max = args.max ?? MAX_EXPORT_LINES;
  return db.$transaction(
    async (tx) => {
      const bounds = await statementBounds(actor, period, tx);
      const summary = await readSummary(tx, period, bounds);
      if (summary.count > max) {
        throw new AppError(
          'VALIDATION',
          `The statement for ${period.from} – ${period.to} has ${summary.count.toLocaleString('en-US')} lines, more than the ${max.toLocaleString('en-US')} one export can hold. Choose a shorter period and export it in parts.`,
          [
            {
              path: 'to',
              message: `Choose a shorter period: at most ${max.toLocaleString('en-US')} lines per export.`,
            },
          ],
        );
      }
      const { accountId, start, end } = bounds;
      const lines: StatementLine[] = [];
      if (!accountId || summary.count === 0) return { summary, lines };
      let balance = summary.opening;
      let cursor: { at: Date; id: bigint } | null = null;
      for (;;) {
        const after: { at: Date; id: bigint } | null = cursor;
        const rows: EntryRow[] = await tx.ledgerEntry.findMany({
          where: {
            accountId,
            at: { gte: start, lt: end },
            ...(after ? { OR: [{ at: { gt: after.at } }, { at: after.at, id: { gt: after.id } }] } : {}),
          },
          orderBy: [{ at: 'asc' }, { id: 'asc' }],
          take: EXPORT_BATCH,
          select: ENTRY_SELECT,
        });
        if (rows.length === 0) break;
        const page = runningBalances(balance, await toMovements(rows, tx));
        lines.push(...page.lines);
        balance = page.closing;
        cursor = { at: rows[rows.length - 1].at, id: rows[rows.length - 1].id };
        if (rows.length < EXPORT_BATCH) break;
      }
      return { summary, lines };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, maxWait: 15_000, timeout: 120_000 },
  );
}
