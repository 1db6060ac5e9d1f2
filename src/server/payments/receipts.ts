// Receipts: every movement of a personal account (a payment, an overpayment credited back, a
// top-up, a refund, a permit fee or its refund) gets a numbered RECEIPT, signed (Ed25519) and verifiable on /verify. It is
// issued in the movement's own transaction; the seeded history's receipts are issued the first time
// they are printed. A trader reads only their company's receipts: another company's is "not found".
import { db, type Tx } from '../db';
import { assertTrader, type Actor } from '../actor';
import { AppError, isAppError } from '@/lib/errors';
import { D } from '@/lib/money';
import { ZReceiptNumber } from '@/lib/payments/receipt-number';
import type { ReceiptPayload } from '@/lib/documents/payloads';
import { issueSignedDocument, latestSignedDocument, toIssued, type IssuedDocument } from '../documents/issue';
import { pdfFilename, renderSignedDocumentPdf, type Translate } from '../documents/pdf';

type Company = { tin: string; name: string };

async function companyOf(tx: Pick<Tx, 'company'>, companyId: string): Promise<Company> {
  return tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { tin: true, name: true } });
}

/** Who a receipt names: read before the receipt series is locked, so that the lock is held briefly. */
export const receiptPayer = companyOf;

/**
 * A payment's (or overpayment credit's) receipt content. `amount` is the payment's (negative for a
 * credit); `lines` its per-type movements as settled (+ debited, − credited back).
 */
export function paymentReceipt(args: {
  receiptNumber: string;
  at: Date;
  payer: Company;
  declarationNumber: string | null;
  amount: string;
  lines: ReadonlyArray<{ paymentType: string; amount: string }>;
}): ReceiptPayload {
  const isCredit = new D(args.amount).isNegative();
  return {
    receiptNumber: args.receiptNumber,
    paidAt: args.at.toISOString(),
    payer: args.payer,
    movement: isCredit ? 'OVERPAYMENT_CREDIT' : 'PAYMENT',
    declarationNumber: args.declarationNumber,
    gateway: null,
    currency: 'UZS',
    total: new D(args.amount).abs().toFixed(2),
    // A payment's lines are what was debited (a negative line was credited back within it); a credit's, what was credited.
    lines: args.lines.map((l) => ({
      paymentType: l.paymentType,
      amount: (isCredit ? new D(l.amount).neg() : new D(l.amount)).toFixed(2),
    })),
  };
}

/** The same, from the stored payment and its ledger entries (for receipts issued on first print). */
export async function paymentReceiptPayload(
  tx: Pick<Tx, 'company' | 'ledgerEntry' | 'declaration'>,
  payment: { id: string; companyId: string; declarationId: string; amount: string; receiptNumber: string; at: Date },
): Promise<ReceiptPayload> {
  // Sequential: inside a transaction there is one connection.
  const payer = await companyOf(tx, payment.companyId);
  const entries = await tx.ledgerEntry.findMany({
    where: { paymentId: payment.id },
    orderBy: { id: 'asc' },
    select: { paymentType: true, amount: true },
  });
  const declaration = await tx.declaration.findUniqueOrThrow({
    where: { id: payment.declarationId },
    select: { registrationNumber: true },
  });
  // Ledger amounts are signed (debits −): as settled lines, a debit is +.
  const lines = entries.map((e) => ({
    paymentType: e.paymentType ?? 'OTHER',
    amount: new D(e.amount.toString()).neg().toFixed(2),
  }));
  return paymentReceipt({
    receiptNumber: payment.receiptNumber,
    at: payment.at,
    payer,
    declarationNumber: declaration.registrationNumber,
    amount: payment.amount,
    lines,
  });
}

type TopUpReceiptArgs = {
  amount: string;
  gateway: string;
  gatewayTransactionId: string | null;
  receiptNumber: string;
  completedAt: Date;
};

/** A top-up's receipt content. */
export function topUpReceipt(topUp: TopUpReceiptArgs & { payer: Company }): ReceiptPayload {
  return {
    receiptNumber: topUp.receiptNumber,
    paidAt: topUp.completedAt.toISOString(),
    payer: topUp.payer,
    movement: 'TOP_UP',
    declarationNumber: null,
    gateway: topUp.gatewayTransactionId ? { name: topUp.gateway, transactionId: topUp.gatewayTransactionId } : null,
    currency: 'UZS',
    total: new D(topUp.amount).toFixed(2),
    lines: [{ paymentType: 'ADVANCE', amount: new D(topUp.amount).toFixed(2) }],
  };
}

export async function topUpReceiptPayload(
  tx: Pick<Tx, 'company'>,
  topUp: TopUpReceiptArgs & { companyId: string },
): Promise<ReceiptPayload> {
  return topUpReceipt({ ...topUp, payer: await companyOf(tx, topUp.companyId) });
}

/** A refund's receipt content. */
export function refundReceipt(refund: {
  payer: Company;
  amount: string;
  receiptNumber: string;
  at: Date;
}): ReceiptPayload {
  return {
    receiptNumber: refund.receiptNumber,
    paidAt: refund.at.toISOString(),
    payer: refund.payer,
    movement: 'REFUND',
    declarationNumber: null,
    gateway: null,
    currency: 'UZS',
    total: new D(refund.amount).toFixed(2),
    lines: [{ paymentType: 'REFUND', amount: new D(refund.amount).toFixed(2) }],
  };
}

/** A permit fee's (or its refund's) receipt content. */
export function permitFeeReceipt(fee: {
  receiptNumber: string;
  at: Date;
  payer: Company;
  applicationNumber: string;
  amount: string;
  isRefund: boolean;
}): ReceiptPayload {
  const amount = new D(fee.amount).toFixed(2);
  return {
    receiptNumber: fee.receiptNumber,
    paidAt: fee.at.toISOString(),
    payer: fee.payer,
    movement: fee.isRefund ? 'PERMIT_FEE_REFUND' : 'PERMIT_FEE',
    declarationNumber: null,
    permitApplicationNumber: fee.applicationNumber,
    gateway: null,
    currency: 'UZS',
    total: amount,
    lines: [{ paymentType: 'PERMIT_FEE', amount }],
  };
}

/** Sign and store a movement's receipt, in the movement's transaction. */
export async function issueReceipt(
  tx: Tx,
  args: { actor: Actor | null; subjectId: string; payload: ReceiptPayload; now: Date },
): Promise<IssuedDocument<'RECEIPT'>> {
  return issueSignedDocument(tx, {
    actor: args.actor,
    kind: 'RECEIPT',
    number: args.payload.receiptNumber,
    subjectId: args.subjectId,
    payload: args.payload,
    now: args.now,
  });
}

type ReceiptSubject = { subjectId: string; build: (tx: Tx) => Promise<ReceiptPayload> };

/** What a receipt number is the receipt of, within the trader's company (null: not theirs, or none). */
async function findReceiptSubject(tx: Tx, companyId: string, number: string): Promise<ReceiptSubject | null> {
  const payment = await tx.payment.findFirst({ where: { receiptNumber: number, companyId } });
  if (payment) {
    return {
      subjectId: payment.id,
      build: (t) => paymentReceiptPayload(t, { ...payment, amount: payment.amount.toFixed(2) }),
    };
  }
  const topUp = await tx.topUp.findFirst({ where: { receiptNumber: number, companyId, status: 'SUCCEEDED' } });
  if (topUp && topUp.completedAt) {
    const completedAt = topUp.completedAt;
    return {
      subjectId: topUp.id,
      build: (t) =>
        topUpReceiptPayload(t, { ...topUp, amount: topUp.amount.toFixed(2), receiptNumber: number, completedAt }),
    };
  }
  // A permit fee's receipt is issued with the movement, in its transaction.
  const fee = await tx.permitFee.findFirst({ where: { receiptNumber: number, companyId }, select: { id: true } });
  if (fee)
    return {
      subjectId: fee.id,
      build: () => Promise.reject(new Error('A permit fee receipt is issued with the fee.')),
    };
  // A refund's receipt exists only as its signed document (and its ledger entry's reference).
  const document = await tx.signedDocument.findUnique({ where: { number }, select: { subjectId: true, kind: true } });
  if (document?.kind === 'RECEIPT') {
    const refund = await tx.refund.findFirst({ where: { id: document.subjectId, companyId }, select: { id: true } });
    if (refund)
      return {
        subjectId: refund.id,
        build: () => Promise.reject(new Error('A refund receipt is issued with the refund.')),
      };
  }
  return null;
}

/** The signed receipt of one of the trader's company's movements, issued now if it is from before receipts were signed. */
export async function ensureReceiptDocument(args: {
  actor: Actor;
  receiptNumber: string;
  now: Date;
}): Promise<IssuedDocument<'RECEIPT'>> {
  const { actor, now } = args;
  assertTrader(actor);
  const number = ZReceiptNumber.safeParse(args.receiptNumber);
  if (!number.success) throw new AppError('NOT_FOUND', 'The receipt was not found.');
  const attempt = () =>
    db.$transaction(async (tx) => {
      const subject = await findReceiptSubject(tx, actor.companyId, number.data);
      if (!subject) throw new AppError('NOT_FOUND', 'The receipt was not found.');
      const latest = await latestSignedDocument(tx, 'RECEIPT', subject.subjectId);
      if (latest) return toIssued(latest as typeof latest & { kind: 'RECEIPT' });
      return issueReceipt(tx, { actor, subjectId: subject.subjectId, payload: await subject.build(tx), now });
    });
  try {
    return await attempt();
  } catch (e) {
    // Two first prints at once: the other one issued it; read it.
    if (isAppError(e) && e.code === 'CONFLICT') return attempt();
    throw e;
  }
}

export async function receiptPdf(args: {
  actor: Actor;
  receiptNumber: string;
  now: Date;
  t: Translate;
}): Promise<{ bytes: Uint8Array; filename: string }> {
  const document = await ensureReceiptDocument(args);
  return { bytes: await renderSignedDocumentPdf(document, args.t), filename: pdfFilename('RECEIPT', document.number) };
}
