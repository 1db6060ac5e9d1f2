// Permit fees on the personal account (the rule: lib/permits/fees.ts). Charged in the submission's
// transaction, credited back in the refusal's or withdrawal's — never on their own — through the one
// ledger writer (src/server/payments/ledger.ts): the company's account is locked, a balance that
// does not cover the fee refuses the whole submission (nothing written), each movement gets its
// PermitFee row, its immutable ledger entry, a numbered signed receipt and an audit entry, all in the
// caller's transaction. Lock order, as for every money movement: the application row (the caller's)
// → the account → the receipt series, last.
import { randomUUID } from 'node:crypto';
import { db, type Tx } from '../db';
import { assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { formatAmount } from '@/lib/money';
import { feeRefundDue, isFeeCharged, type FeeOutcome } from '@/lib/permits';
import { assertCovered, lockAccount, nextReceiptNumber, postEntries, type NewEntry } from '../payments/ledger';
import { issueReceipt, permitFeeReceipt, receiptPayer } from '../payments/receipts';

type Application = { id: string; number: string; companyId: string };
type FeeTerms = { code: string; fee: string; isFeeRefundable: boolean };

const feeWords = (type: FeeTerms) => `the ${type.code} permit fee of ${formatAmount(type.fee)} UZS`;

/**
 * Lock the company's account and check that it covers the type's fee: called by the submission
 * before it takes the application's number, so that a refusal (InsufficientBalance, 409) takes
 * nothing. The charge checks again under the same lock.
 */
export async function assertFeeCovered(tx: Tx, args: { companyId: string; type: FeeTerms; now: Date }): Promise<void> {
  const { companyId, type, now } = args;
  if (!isFeeCharged(type.fee)) return;
  const account = await lockAccount(tx, companyId, now);
  assertCovered(account, [{ kind: 'PAYMENT', magnitude: type.fee, reference: type.code }], feeWords(type));
}

export type FeeMovement = { receiptNumber: string; amount: string; balance: string };

/**
 * Charge the type's fee for an application being submitted (inside the submission's transaction,
 * which holds the application's row lock and has given it its number). Null when the fee is 0.
 * Throws InsufficientBalance (409, nothing written) when the balance does not cover it.
 */
export async function chargeApplicationFee(
  tx: Tx,
  args: {
    actor: Actor;
    application: Application;
    type: FeeTerms;
    now: Date;
  },
): Promise<FeeMovement | null> {
  const { actor, application, type, now } = args;
  if (!isFeeCharged(type.fee)) return null;
  const amount = type.fee;
  const payer = await receiptPayer(tx, application.companyId);
  const account = await lockAccount(tx, application.companyId, now);
  const feeId = randomUUID();
  const entries: NewEntry[] = [{ kind: 'PAYMENT', magnitude: amount, reference: application.number }];
  const what = feeWords(type);
  assertCovered(account, entries, what);
  const balance = await postEntries(
    tx,
    account,
    entries.map((e) => ({ ...e, permitFeeId: feeId })),
    { actorId: actor.userId, at: now, what },
  );
  // Last: the receipt number (the year's series, locked until commit), then the rows that carry it.
  const receiptNumber = await nextReceiptNumber(tx, now);
  await tx.permitFee.create({
    data: {
      id: feeId,
      applicationId: application.id,
      companyId: application.companyId,
      kind: 'CHARGE',
      amount,
      isRefundable: type.isFeeRefundable,
      receiptNumber,
      actorId: actor.userId,
      at: now,
    },
  });
  await issueReceipt(tx, {
    actor,
    subjectId: feeId,
    payload: permitFeeReceipt({
      receiptNumber,
      at: now,
      payer,
      applicationNumber: application.number,
      amount,
      isRefund: false,
    }),
    now,
  });
  await writeAudit(tx, {
    actor,
    action: 'permitApplication.fee.charge',
    entityType: 'PermitApplication',
    entityId: application.id,
    data: { amount, receiptNumber, balance, isRefundable: type.isFeeRefundable },
    at: now,
  });
  return { receiptNumber, amount, balance };
}

/**
 * Credit the fee back when the application ends without a permit and the fee was refundable (inside
 * the refusal's or withdrawal's transaction, which holds the application's row lock). Null when
 * nothing is due; never twice (the (application, kind) pair is unique).
 */
export async function refundApplicationFeeIfDue(
  tx: Tx,
  args: { actor: Actor; application: Application; outcome: FeeOutcome; now: Date },
): Promise<FeeMovement | null> {
  const { actor, application, outcome, now } = args;
  // Sequential: inside a transaction there is one connection.
  const charge = await tx.permitFee.findUnique({
    where: { applicationId_kind: { applicationId: application.id, kind: 'CHARGE' } },
    select: { amount: true, isRefundable: true },
  });
  const refunded = await tx.permitFee.count({ where: { applicationId: application.id, kind: 'REFUND' } });
  const amount = feeRefundDue({
    outcome,
    charge: charge ? { amount: charge.amount.toFixed(2), isRefundable: charge.isRefundable } : null,
    isRefunded: refunded > 0,
  });
  if (amount === null) return null;
  const payer = await receiptPayer(tx, application.companyId);
  const account = await lockAccount(tx, application.companyId, now);
  const feeId = randomUUID();
  const balance = await postEntries(
    tx,
    account,
    [{ kind: 'REVERSAL', magnitude: amount, reference: application.number, permitFeeId: feeId }],
    { actorId: actor.userId, at: now, what: 'the permit fee refund' },
  );
  const receiptNumber = await nextReceiptNumber(tx, now);
  await tx.permitFee.create({
    data: {
      id: feeId,
      applicationId: application.id,
      companyId: application.companyId,
      kind: 'REFUND',
      amount,
      receiptNumber,
      actorId: actor.userId,
      at: now,
    },
  });
  await issueReceipt(tx, {
    actor,
    subjectId: feeId,
    payload: permitFeeReceipt({
      receiptNumber,
      at: now,
      payer,
      applicationNumber: application.number,
      amount,
      isRefund: true,
    }),
    now,
  });
  await writeAudit(tx, {
    actor,
    action: 'permitApplication.fee.refund',
    entityType: 'PermitApplication',
    entityId: application.id,
    data: { amount, receiptNumber, balance, outcome },
    at: now,
  });
  return { receiptNumber, amount, balance };
}

/** The company's balance, for the forms that charge a fee. */
export async function getCompanyBalance(args: { actor: Actor }): Promise<string> {
  const { actor } = args;
  assertTrader(actor);
  const account = await db.account.findUnique({ where: { companyId: actor.companyId }, select: { balance: true } });
  return account?.balance.toFixed(2) ?? '0.00';
}
