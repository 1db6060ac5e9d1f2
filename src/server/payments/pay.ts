// Paying a declaration from the balance: exactly what it still owes, per payment type, in one
// movement. Idempotent: the key of the page's form (or the API client's Idempotency-Key) is stored
// with the payment; a double click, a retried request or the same form sent again answers with the
// same payment. A second tab with its own key finds nothing left to pay. A green (or blue)
// declaration whose payments are settled and whose permits are satisfied is released at once, in
// the payment's transaction. An overpayment (a lower reassessment, a refused or withdrawn
// declaration) is credited back to the balance, from where it can be used or refunded.
import { randomUUID } from 'node:crypto';
import { Prisma, type Tx } from '../db';
import { assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { D, formatAmount } from '@/lib/money';
import type { DeclarationStatus } from '@/lib/declaration/lifecycle';
import { canTransition } from '@/lib/declaration/lifecycle';
import { classifyRepeat, overpaymentKey, paymentKey } from '@/lib/payments/idempotency';
import { isPayableStatus, type SettlementLine } from '@/lib/payments/settlement';
import { autoReleaseIfReady } from '../declarations/release';
import { loadSettlement } from './settlement';
import { moneyTransaction, assertCovered, lockAccount, nextReceiptNumber, postEntries, type NewEntry } from './ledger';
import { issueReceipt, paymentReceipt } from './receipts';

// Re-exported: the payment use cases and their tests read the settlement from here too.
export { loadSettlement, type DeclarationSettlement } from './settlement';

/** A payment's receipt number until it is given one, at the end of its own transaction (never committed). */
const unnumbered = (paymentId: string) => `unnumbered:${paymentId}`;

type LockedDeclaration = {
  id: string;
  companyId: string;
  status: DeclarationStatus;
  channel: string | null;
  registrationNumber: string | null;
  tin: string;
  companyName: string;
};

/** Lock one of the company's declarations (another company's is "not found"). */
async function lockCompanyDeclaration(tx: Tx, companyId: string, declarationId: string): Promise<LockedDeclaration> {
  const rows = await tx.$queryRaw<LockedDeclaration[]>`
    SELECT d.id, d."companyId", d.status, d.channel, d."registrationNumber", c.tin, c.name AS "companyName"
    FROM "Declaration" d JOIN "Company" c ON c.id = d."companyId"
    WHERE d.id = ${declarationId}::uuid AND d."companyId" = ${companyId}::uuid FOR UPDATE OF d`;
  if (!rows[0]) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  return rows[0];
}

/** A line still owed is debited (PAYMENT); a line overpaid is credited back (REVERSAL). */
function entriesFor(
  lines: readonly SettlementLine[],
  ref: { declarationId: string; paymentId: string; reference: string },
): NewEntry[] {
  return lines.map((l) => {
    const amount = new D(l.amount);
    return {
      kind: amount.isPositive() ? ('PAYMENT' as const) : ('REVERSAL' as const),
      magnitude: amount.abs().toFixed(2),
      paymentType: l.paymentType,
      ...ref,
    };
  });
}

export type PaymentResult = {
  paymentId: string;
  receiptNumber: string;
  amount: string;
  /** True when this request repeated one already paid (same idempotency key): nothing new was debited. */
  isRepeat: boolean;
  declarationStatus: DeclarationStatus;
  isReleased: boolean;
  balance: string;
};

async function currentBalance(tx: Tx, companyId: string): Promise<string> {
  const account = await tx.account.findUnique({ where: { companyId }, select: { balance: true } });
  return account?.balance.toFixed(2) ?? '0.00';
}

/**
 * Pay everything the declaration still owes from the company's balance. `amount` is what the trader
 * was shown: when the amount due changed since (a reassessment), nothing is paid. Insufficient
 * balance: a CONFLICT saying how much to top up, and nothing written.
 */
export async function payDeclaration(args: {
  actor: Actor;
  declarationId: string;
  idempotencyKey: string;
  amount: string;
  now: Date;
}): Promise<PaymentResult> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  const key = paymentKey({ companyId: actor.companyId, declarationId, clientKey: args.idempotencyKey });
  try {
    return await moneyTransaction(async (tx) => {
      const d = await lockCompanyDeclaration(tx, actor.companyId, declarationId);
      const stored = await tx.payment.findUnique({ where: { idempotencyKey: key } });
      switch (classifyRepeat(stored, { companyId: actor.companyId, declarationId })) {
        case 'REPEAT':
          return {
            paymentId: stored!.id,
            receiptNumber: stored!.receiptNumber,
            amount: stored!.amount.toFixed(2),
            isRepeat: true,
            declarationStatus: d.status,
            isReleased: d.status === 'RELEASED',
            balance: await currentBalance(tx, actor.companyId),
          };
        case 'FOREIGN':
          throw new AppError('CONFLICT', 'This payment key was already used. Reload the page and pay again.');
        case 'NEW':
          break;
      }
      if (!d.registrationNumber || !isPayableStatus(d.status)) {
        throw new AppError(
          'CONFLICT',
          d.registrationNumber
            ? `A declaration with status ${d.status} cannot be paid.`
            : 'The declaration is not registered yet: it can be paid once it is registered and assessed.',
        );
      }
      const { settlement } = await loadSettlement(tx, d);
      if (settlement.kind !== 'DUE') {
        const last = await tx.payment.findFirst({
          where: { declarationId, status: 'COMPLETED' },
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          select: { receiptNumber: true },
        });
        throw new AppError(
          'CONFLICT',
          last
            ? `Nothing is due on this declaration: it is paid (receipt ${last.receiptNumber}).`
            : 'Nothing is due on this declaration.',
        );
      }
      if (!new D(settlement.net).eq(args.amount)) {
        throw new AppError(
          'CONFLICT',
          `The amount due is now ${formatAmount(settlement.net)} UZS, not ${formatAmount(args.amount)} UZS: the payments were reassessed. Check the new amount and pay again.`,
        );
      }

      const account = await lockAccount(tx, actor.companyId, now);
      const paymentId = randomUUID();
      const entries = entriesFor(settlement.lines, { declarationId, paymentId, reference: d.registrationNumber });
      // An insufficient balance writes nothing and waits for no one.
      const what = `the ${formatAmount(settlement.net)} UZS due on ${d.registrationNumber}`;
      assertCovered(account, entries, what);
      // Everything, the automatic release above all, is done before the receipt series is locked (see
      // nextReceiptNumber). The entries carry the payment's id, not its receipt number; the payment row
      // is written now (release counts what was paid) with a placeholder that never leaves this
      // transaction, and gets its number last.
      await tx.payment.create({
        data: {
          id: paymentId,
          declarationId,
          companyId: actor.companyId,
          idempotencyKey: key,
          amount: settlement.net,
          status: 'COMPLETED',
          receiptNumber: unnumbered(paymentId),
          actorId: actor.userId,
          at: now,
        },
      });
      const balance = await postEntries(tx, account, entries, { actorId: actor.userId, at: now, what });

      let status = d.status;
      if (status === 'ASSESSED' && canTransition('ASSESSED', 'PAID', 'SYSTEM')) {
        await tx.declaration.update({
          where: { id: declarationId },
          data: { status: 'PAID', version: { increment: 1 } },
        });
        await tx.declarationStatusEvent.create({
          data: {
            declarationId,
            fromStatus: 'ASSESSED',
            toStatus: 'PAID',
            actorId: null,
            actorRole: 'SYSTEM',
            reason: `Payments settled: ${formatAmount(settlement.net)} UZS paid from the balance`,
            at: now,
          },
        });
        status = 'PAID';
      }
      // Only green and blue are released without an officer (autoReleaseIfReady checks that too).
      const isReleased =
        d.channel === 'GREEN' || d.channel === 'BLUE' ? await autoReleaseIfReady(tx, { declarationId, now }) : false;
      if (isReleased) status = 'RELEASED';

      // Last: the receipt number (one row lock per year shared by every company's movements, held until commit), then the rows that carry it.
      const receiptNumber = await nextReceiptNumber(tx, now);
      await tx.payment.update({ where: { id: paymentId }, data: { receiptNumber } });
      const payload = paymentReceipt({
        receiptNumber,
        at: now,
        payer: { tin: d.tin, name: d.companyName },
        declarationNumber: d.registrationNumber,
        amount: settlement.net,
        lines: settlement.lines,
      });
      await issueReceipt(tx, { actor, subjectId: paymentId, payload, now });
      await writeAudit(tx, {
        actor,
        action: 'payment.create',
        entityType: 'Payment',
        entityId: paymentId,
        data: { declarationId, amount: settlement.net, receiptNumber, lines: settlement.lines, balance, isReleased },
        at: now,
      });
      return {
        paymentId,
        receiptNumber,
        amount: settlement.net,
        isRepeat: false,
        declarationStatus: status,
        isReleased,
        balance,
      };
    });
  } catch (e) {
    // The same key on two requests at the very same moment on different connections: the unique index keeps one.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')
      throw new AppError('CONFLICT', 'This payment is already being processed. Reload the page to see it.');
    throw e;
  }
}

export type OverpaymentCredit = { paymentId: string; receiptNumber: string; amount: string; balance: string };

/**
 * Credit a declaration's overpayment back to its company's balance, if it has one (null otherwise).
 * For use inside another use case's transaction — e.g. an officer's reassessment — that holds the
 * declaration's row lock and has authorized `actor`. One movement, one receipt; calling it again
 * finds nothing overpaid.
 */
export async function creditOverpaymentIfAny(
  tx: Tx,
  args: { declarationId: string; actor: Actor; now: Date; expectedAmount?: string },
): Promise<OverpaymentCredit | null> {
  const { declarationId, actor, now } = args;
  const d = await tx.declaration.findUniqueOrThrow({
    where: { id: declarationId },
    select: { id: true, companyId: true, status: true, registrationNumber: true },
  });
  const { settlement } = await loadSettlement(tx, d);
  if (settlement.kind !== 'OVERPAID' || !d.registrationNumber) return null;
  const credit = new D(settlement.net).neg().toFixed(2);
  if (args.expectedAmount !== undefined && !new D(args.expectedAmount).eq(credit)) {
    throw new AppError(
      'CONFLICT',
      `The overpayment is now ${formatAmount(credit)} UZS, not ${formatAmount(args.expectedAmount)} UZS. Check it and try again.`,
    );
  }
  const previous = await tx.payment.count({ where: { declarationId, amount: { lt: 0 } } });
  const company = await tx.company.findUniqueOrThrow({ where: { id: d.companyId }, select: { tin: true, name: true } });
  const account = await lockAccount(tx, d.companyId, now);
  const paymentId = randomUUID();
  const balance = await postEntries(
    tx,
    account,
    entriesFor(settlement.lines, { declarationId, paymentId, reference: d.registrationNumber }),
    { actorId: actor.userId, at: now, what: 'the overpayment credit' },
  );
  // Last, as in payDeclaration: the receipt number, then the rows that carry it.
  const receiptNumber = await nextReceiptNumber(tx, now);
  await tx.payment.create({
    data: {
      id: paymentId,
      declarationId,
      companyId: d.companyId,
      idempotencyKey: overpaymentKey({ declarationId, settlementNo: previous + 1 }),
      amount: settlement.net,
      status: 'COMPLETED',
      receiptNumber,
      actorId: actor.userId,
      at: now,
    },
  });
  const payload = paymentReceipt({
    receiptNumber,
    at: now,
    payer: company,
    declarationNumber: d.registrationNumber,
    amount: settlement.net,
    lines: settlement.lines,
  });
  await issueReceipt(tx, { actor, subjectId: paymentId, payload, now });
  await writeAudit(tx, {
    actor,
    action: 'payment.overpayment.credit',
    entityType: 'Payment',
    entityId: paymentId,
    data: { declarationId, amount: credit, receiptNumber, lines: settlement.lines, balance },
    at: now,
  });
  return { paymentId, receiptNumber, amount: credit, balance };
}

/** The trader credits a declaration's overpayment back to the balance (`amount`: the overpayment they were shown). */
export async function creditOverpayment(args: {
  actor: Actor;
  declarationId: string;
  amount: string;
  now: Date;
}): Promise<OverpaymentCredit> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  return moneyTransaction(async (tx) => {
    await lockCompanyDeclaration(tx, actor.companyId, declarationId);
    const credit = await creditOverpaymentIfAny(tx, { declarationId, actor, now, expectedAmount: args.amount });
    if (!credit)
      throw new AppError(
        'CONFLICT',
        'Nothing was overpaid on this declaration (any overpayment is already back on your balance).',
      );
    return credit;
  });
}
