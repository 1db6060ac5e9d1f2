// Refunds of unused balance: the trader asks for an amount (at most the balance less the requests
// still awaiting a decision); a customs officer with the finance permission approves — which writes
// the debit and its receipt — or refuses with a reason. The finance permission is service-wide (a
// company's account is not a post's), re-read from the database at every decision.
import { db, type Tx } from '../db';
import { assertRole, assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { D, formatAmount } from '@/lib/money';
import type { RefundDecisionInput, RefundRequestInput } from '@/lib/payments/schemas';
import { moneyTransaction, lockAccount, nextReceiptNumber, postEntries } from './ledger';
import { issueReceipt, receiptPayer, refundReceipt } from './receipts';

export const REFUND_PAGE_SIZE = 20;

async function pendingRefundTotal(tx: Tx, companyId: string): Promise<string> {
  const sum = await tx.refund.aggregate({ where: { companyId, status: 'PENDING' }, _sum: { amount: true } });
  return sum._sum.amount?.toFixed(2) ?? '0.00';
}

export async function requestRefund(args: {
  actor: Actor;
  input: RefundRequestInput;
  now: Date;
}): Promise<{ id: string }> {
  const { actor, input, now } = args;
  assertTrader(actor);
  const amount = new D(input.amount).toFixed(2);
  return moneyTransaction(async (tx) => {
    // The account lock orders this request after any payment or refund in flight.
    const account = await lockAccount(tx, actor.companyId, now);
    const available = new D(account.balance).minus(await pendingRefundTotal(tx, actor.companyId));
    if (available.lt(amount)) {
      const message = available.lte(0)
        ? 'There is no unused balance to refund (refunds awaiting a decision count as used)'
        : `You can ask for at most ${formatAmount(available.toFixed(2))} UZS: your balance less the refunds awaiting a decision`;
      throw new AppError('VALIDATION', 'There is a problem with the information you entered.', [
        { path: 'amount', message },
      ]);
    }
    const refund = await tx.refund.create({
      data: {
        companyId: actor.companyId,
        amount,
        status: 'PENDING',
        reason: input.reason,
        requestedById: actor.userId,
        createdAt: now,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'refund.request',
      entityType: 'Refund',
      entityId: refund.id,
      data: { amount },
      at: now,
    });
    return refund;
  });
}

/** A customs officer (supervisor) holding the finance permission, re-read now. */
export async function assertFinanceOfficer(actor: Actor): Promise<void> {
  assertRole(actor, ['SUPERVISOR']);
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: { hasFinancePermission: true, isActive: true },
  });
  if (!user?.isActive || !user.hasFinancePermission)
    throw new AppError('FORBIDDEN', 'Deciding refunds needs the finance permission.');
}

export type RefundDecisionResult = { id: string; status: 'APPROVED' | 'REJECTED'; receiptNumber: string | null };

export async function decideRefund(args: {
  actor: Actor;
  input: RefundDecisionInput;
  now: Date;
}): Promise<RefundDecisionResult> {
  const { actor, input, now } = args;
  await assertFinanceOfficer(actor);
  return moneyTransaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string; companyId: string; amount: string; status: string }>>`
      SELECT id, "companyId", amount::text AS amount, status FROM "Refund" WHERE id = ${input.refundId}::uuid FOR UPDATE`;
    const refund = rows[0];
    if (!refund) throw new AppError('NOT_FOUND', 'The refund request was not found.');
    if (refund.status !== 'PENDING')
      throw new AppError(
        'CONFLICT',
        `This refund request was already ${refund.status === 'REJECTED' ? 'refused' : 'approved'}.`,
      );

    if (input.decision === 'REFUSE') {
      await tx.refund.update({
        where: { id: refund.id },
        data: { status: 'REJECTED', decidedById: actor.userId, decisionNote: input.note ?? null, decidedAt: now },
      });
      await writeAudit(tx, {
        actor,
        action: 'refund.refuse',
        entityType: 'Refund',
        entityId: refund.id,
        data: { note: input.note ?? null },
        at: now,
      });
      return { id: refund.id, status: 'REJECTED' as const, receiptNumber: null };
    }

    const payer = await receiptPayer(tx, refund.companyId);
    const account = await lockAccount(tx, refund.companyId, now);
    const amount = new D(refund.amount).toFixed(2);
    if (new D(account.balance).lt(amount)) {
      throw new AppError(
        'CONFLICT',
        `The company's balance is now ${formatAmount(account.balance)} UZS, less than the ${formatAmount(amount)} UZS asked for: refuse the request (the trader can ask again for less). Nothing was debited.`,
      );
    }
    await tx.refund.update({
      where: { id: refund.id },
      data: { status: 'APPROVED', decidedById: actor.userId, decisionNote: input.note ?? null, decidedAt: now },
    });
    // Last: the receipt number (one row lock per year shared by every company's movements, held until
    // commit), then only the rows that carry it — the entry's reference is the receipt number.
    const receiptNumber = await nextReceiptNumber(tx, now);
    const balance = await postEntries(
      tx,
      account,
      [{ kind: 'REFUND', magnitude: amount, refundId: refund.id, reference: receiptNumber }],
      { actorId: actor.userId, at: now, what: 'this refund' },
    );
    await issueReceipt(tx, {
      actor,
      subjectId: refund.id,
      payload: refundReceipt({ payer, amount, receiptNumber, at: now }),
      now,
    });
    await writeAudit(tx, {
      actor,
      action: 'refund.approve',
      entityType: 'Refund',
      entityId: refund.id,
      data: { amount, receiptNumber, balance },
      at: now,
    });
    return { id: refund.id, status: 'APPROVED' as const, receiptNumber };
  });
}

export type RefundRow = {
  id: string;
  amount: string;
  status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'APPLIED';
  reason: string;
  decisionNote: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  receiptNumber: string | null;
  company: { tin: string; name: string } | null;
};

type StoredRefund = {
  id: string;
  companyId: string;
  amount: { toFixed(n: number): string };
  status: RefundRow['status'];
  reason: string;
  decisionNote: string | null;
  createdAt: Date;
  decidedAt: Date | null;
};

/** Rows for the screens: amounts as text, the receipt of an approved refund (its ledger entry's reference). */
async function toRows(
  rows: readonly StoredRefund[],
  companies: ReadonlyMap<string, { tin: string; name: string }> | null,
): Promise<RefundRow[]> {
  const ids = rows.filter((r) => r.status === 'APPROVED').map((r) => r.id);
  const entries = ids.length
    ? await db.ledgerEntry.findMany({ where: { refundId: { in: ids } }, select: { refundId: true, reference: true } })
    : [];
  const receipt = new Map(entries.map((e) => [e.refundId!, e.reference]));
  return rows.map(({ companyId, ...r }) => ({
    ...r,
    amount: r.amount.toFixed(2),
    receiptNumber: receipt.get(r.id) ?? null,
    company: companies?.get(companyId) ?? null,
  }));
}

const REFUND_SELECT = {
  id: true,
  companyId: true,
  amount: true,
  status: true,
  reason: true,
  decisionNote: true,
  createdAt: true,
  decidedAt: true,
} as const;

/** The company's refund requests, newest first. */
export async function listCompanyRefunds(args: { actor: Actor; page: number }) {
  const { actor, page } = args;
  assertTrader(actor);
  const where = { companyId: actor.companyId };
  const [total, rows] = await Promise.all([
    db.refund.count({ where }),
    db.refund.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * REFUND_PAGE_SIZE,
      take: REFUND_PAGE_SIZE,
      select: REFUND_SELECT,
    }),
  ]);
  return { total, page, pageSize: REFUND_PAGE_SIZE, rows: await toRows(rows, null) };
}

export const REFUND_FILTERS = ['PENDING', 'DECIDED'] as const;
export type RefundFilter = (typeof REFUND_FILTERS)[number];

/** The finance desk: refund requests of every company, those awaiting a decision oldest first. */
export async function listRefundsForFinance(args: { actor: Actor; filter: RefundFilter; page: number }) {
  const { actor, filter, page } = args;
  await assertFinanceOfficer(actor);
  const where =
    filter === 'PENDING'
      ? { status: 'PENDING' as const }
      : { status: { in: ['APPROVED' as const, 'REJECTED' as const] } };
  const orderBy =
    filter === 'PENDING'
      ? [{ createdAt: 'asc' as const }, { id: 'asc' as const }]
      : [{ decidedAt: 'desc' as const }, { id: 'desc' as const }];
  const [total, rows] = await Promise.all([
    db.refund.count({ where }),
    db.refund.findMany({
      where,
      orderBy,
      skip: (page - 1) * REFUND_PAGE_SIZE,
      take: REFUND_PAGE_SIZE,
      select: REFUND_SELECT,
    }),
  ]);
  const companyIds = [...new Set(rows.map((r) => r.companyId))];
  const [companies, accounts] = await Promise.all([
    db.company.findMany({ where: { id: { in: companyIds } }, select: { id: true, tin: true, name: true } }),
    db.account.findMany({ where: { companyId: { in: companyIds } }, select: { companyId: true, balance: true } }),
  ]);
  const balances = new Map(accounts.map((a) => [a.companyId, a.balance.toFixed(2)]));
  const shown = await toRows(rows, new Map(companies.map((c) => [c.id, { tin: c.tin, name: c.name }])));
  return {
    total,
    page,
    pageSize: REFUND_PAGE_SIZE,
    rows: shown.map((r, i) => ({ ...r, balance: balances.get(rows[i].companyId) ?? '0.00' })),
  };
}

/** One refund request for the finance desk, with the company's balance and recent movements' context. */
export async function getRefundForFinance(args: { actor: Actor; refundId: string }) {
  const { actor } = args;
  await assertFinanceOfficer(actor);
  const refund = await db.refund.findUnique({ where: { id: args.refundId }, select: REFUND_SELECT });
  if (!refund) throw new AppError('NOT_FOUND', 'The refund request was not found.');
  const [company, account, pending] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: refund.companyId }, select: { tin: true, name: true } }),
    db.account.findUnique({ where: { companyId: refund.companyId }, select: { balance: true } }),
    db.refund.aggregate({ where: { companyId: refund.companyId, status: 'PENDING' }, _sum: { amount: true } }),
  ]);
  const [row] = await toRows([refund], new Map([[refund.companyId, company]]));
  return {
    ...row,
    balance: account?.balance.toFixed(2) ?? '0.00',
    pendingTotal: pending._sum.amount?.toFixed(2) ?? '0.00',
  };
}
