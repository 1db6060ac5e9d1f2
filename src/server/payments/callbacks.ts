// The gateway's callback: the only way money enters an account. Every callback is logged in
// GatewayCallback, accepted or not. A forged or altered one (bad signature), a late replay (stale
// timestamp), one for an unknown order, another amount or currency, or a transaction id already
// used elsewhere is refused and credits nothing. A repeated callback for a top-up already credited
// is a duplicate: answered 200 (so the gateway stops retrying), logged as not accepted, credited once.
// A success with another transaction for a top-up already credited means the bank charged the order
// twice: the money was taken, so it is credited as a new top-up of the same company (CREDITED_EXTRA),
// refundable like any other; its audit entry names the order it was a second charge of.
import { db, Prisma, type Tx } from '../db';
import { writeAudit } from '../audit';
import { D } from '@/lib/money';
import { escapeForLog, hasInvisibleCharacters } from '@/lib/text';
import {
  callbackHttpStatus,
  decideCallback,
  isAcceptedOutcome,
  type CallbackOutcome,
  type TopUpState,
} from '@/lib/payments/gateway-notification';
import { gatewayByName } from './gateway/registry';
import { moneyTransaction, lockAccount, nextReceiptNumber, postEntries } from './ledger';
import { issueReceipt, receiptPayer, topUpReceipt } from './receipts';

const MAX_LOGGED_BODY = 8_000;

export type CallbackResult = {
  outcome: CallbackOutcome;
  httpStatus: number;
  topUpId: string | null;
  receiptNumber: string | null;
};

async function logCallback(
  client: Pick<Tx, 'gatewayCallback'>,
  args: { gateway: string; rawBody: string; signature: string | null; outcome: CallbackOutcome; now: Date },
) {
  await client.gatewayCallback.create({
    data: {
      gateway: args.gateway.slice(0, 40),
      body: args.rawBody.slice(0, MAX_LOGGED_BODY),
      signature: args.signature?.slice(0, 200) ?? null,
      isAccepted: isAcceptedOutcome(args.outcome),
      outcome: args.outcome,
      at: args.now,
    },
  });
}

/** The audit action of a second charge's top-up; its `data.secondChargeOf` is the order's top-up (there is no column). */
const SECOND_CHARGE_ACTION = 'topup.credit.second_charge';

type Credited = { id: string; companyId: string; amount: string; createdById: string };

/** Credit a top-up: its ledger entry, the cached balance, its receipt number and signed receipt. The caller audits. */
async function creditTopUp(tx: Tx, topUp: Credited, args: { gateway: string; transactionId: string; now: Date }) {
  const { gateway, transactionId, now } = args;
  const amount = new D(topUp.amount).toFixed(2);
  const payer = await receiptPayer(tx, topUp.companyId);
  const account = await lockAccount(tx, topUp.companyId, now);
  // Last: the receipt number (one row lock per year shared by every company's movements, held until
  // commit), then only the rows that carry it — the entry's reference is the receipt number.
  const receiptNumber = await nextReceiptNumber(tx, now);
  const balance = await postEntries(
    tx,
    account,
    [{ kind: 'TOP_UP', magnitude: amount, topUpId: topUp.id, reference: receiptNumber }],
    { actorId: topUp.createdById, at: now, what: 'this top-up' },
  );
  await tx.topUp.update({
    where: { id: topUp.id },
    data: { status: 'SUCCEEDED', gatewayTransactionId: transactionId, receiptNumber, completedAt: now },
  });
  const payload = topUpReceipt({
    payer,
    amount,
    gateway,
    gatewayTransactionId: transactionId,
    receiptNumber,
    completedAt: now,
  });
  await issueReceipt(tx, { actor: null, subjectId: topUp.id, payload, now });
  return { amount, receiptNumber, balance };
}

/**
 * The order a known gateway transaction was recorded against: its top-up's own id, or for a second
 * charge's top-up the order it was a second charge of (so that a replay of it is a duplicate).
 */
async function transactionOrderOf(tx: Tx, transactionId: string): Promise<string | null> {
  const owner = await tx.topUp.findUnique({ where: { gatewayTransactionId: transactionId }, select: { id: true } });
  if (!owner) return null;
  const secondCharge = await tx.auditEntry.findFirst({
    where: { entityType: 'TopUp', entityId: owner.id, action: SECOND_CHARGE_ACTION },
    select: { data: true },
  });
  const data = secondCharge?.data as { secondChargeOf?: unknown } | null | undefined;
  return typeof data?.secondChargeOf === 'string' ? data.secondChargeOf : owner.id;
}

const result = (
  outcome: CallbackOutcome,
  topUpId: string | null = null,
  receiptNumber: string | null = null,
): CallbackResult => ({ outcome, httpStatus: callbackHttpStatus(outcome), topUpId, receiptNumber });

/** Receive one callback of the named gateway (no actor: it is the bank calling). Never throws for bad input. */
export async function receiveGatewayCallback(args: {
  gatewayName: string;
  rawBody: string;
  headers: Headers;
  now: Date;
}): Promise<CallbackResult> {
  const { rawBody, headers, now } = args;
  const gateway = gatewayByName(args.gatewayName);
  // An unknown gateway's signature is nowhere we know of: its callback is logged with the body only.
  const signature = gateway?.signatureOf(headers) ?? null;
  // Control characters are in no gateway's JSON (and PostgreSQL cannot store a NUL): refused before
  // anything is parsed, and still logged — escaped, in the server log and in GatewayCallback.
  if (hasInvisibleCharacters(rawBody, { isMultiline: true })) {
    const gatewayName = gateway?.name ?? args.gatewayName;
    console.error(
      `[payments] ${gatewayName} callback refused: MALFORMED — control characters in the body; received "${escapeForLog(rawBody)}"`,
    );
    await logCallback(db, {
      gateway: gatewayName,
      rawBody: escapeForLog(rawBody, MAX_LOGGED_BODY),
      signature,
      outcome: 'MALFORMED',
      now,
    });
    return result('MALFORMED');
  }
  if (!gateway || !gateway.isEnabled()) {
    await logCallback(db, { gateway: args.gatewayName, rawBody, signature, outcome: 'UNKNOWN_GATEWAY', now });
    return result('UNKNOWN_GATEWAY');
  }
  const verified = gateway.parseNotification(rawBody, headers, now);
  if (!verified.isVerified) {
    console.warn(`[payments] ${gateway.name} callback refused: ${verified.outcome} — ${verified.reason}`);
    await logCallback(db, { gateway: gateway.name, rawBody, signature, outcome: verified.outcome, now });
    return result(verified.outcome);
  }
  const n = verified.notification;

  try {
    return await moneyTransaction(async (tx) => {
      const rows = await tx.$queryRaw<
        Array<{
          id: string;
          companyId: string;
          amount: string;
          gateway: string;
          status: TopUpState['status'];
          gatewayTransactionId: string | null;
          createdById: string;
        }>
      >`
        SELECT id, "companyId", amount::text AS amount, gateway, status, "gatewayTransactionId", "createdById" FROM "TopUp" WHERE id = ${n.order}::uuid FOR UPDATE`;
      const topUp = rows[0] ?? null;
      const transactionOrder = await transactionOrderOf(tx, n.transactionId);
      const outcome = decideCallback({ gateway: gateway.name, notification: n, topUp, transactionOrder });
      await logCallback(tx, { gateway: gateway.name, rawBody, signature, outcome, now });
      if (!topUp || !isAcceptedOutcome(outcome)) return result(outcome, topUp?.id ?? null);

      if (outcome === 'DECLINED') {
        await tx.topUp.update({
          where: { id: topUp.id },
          data: { status: 'DECLINED', gatewayTransactionId: n.transactionId, completedAt: now },
        });
        await writeAudit(tx, {
          actor: null,
          action: 'topup.decline',
          entityType: 'TopUp',
          entityId: topUp.id,
          data: { gateway: gateway.name, transactionId: n.transactionId },
          at: now,
        });
        return result(outcome, topUp.id);
      }

      if (outcome === 'CREDITED_EXTRA') {
        // The bank took the money a second time for this order: a new top-up of the same company and
        // amount, by the same trader, credited and receipted like any other (and so refundable).
        const extra = await tx.topUp.create({
          data: {
            companyId: topUp.companyId,
            amount: topUp.amount,
            gateway: gateway.name,
            gatewayTransactionId: n.transactionId,
            status: 'SUCCEEDED',
            createdById: topUp.createdById,
            createdAt: now,
            completedAt: now,
          },
          select: { id: true },
        });
        const credited = await creditTopUp(
          tx,
          { ...topUp, id: extra.id },
          { gateway: gateway.name, transactionId: n.transactionId, now },
        );
        await writeAudit(tx, {
          actor: null,
          action: SECOND_CHARGE_ACTION,
          entityType: 'TopUp',
          entityId: extra.id,
          data: {
            ...credited,
            gateway: gateway.name,
            transactionId: n.transactionId,
            secondChargeOf: topUp.id,
            originalTransactionId: topUp.gatewayTransactionId,
            note: `Second charge of order ${topUp.id} by the bank (another transaction): credited as a new top-up, refundable on request.`,
          },
          at: now,
        });
        console.warn(
          `[payments] ${gateway.name} charged order ${topUp.id} a second time (transaction ${n.transactionId}): credited as top-up ${extra.id}, receipt ${credited.receiptNumber}`,
        );
        return result(outcome, extra.id, credited.receiptNumber);
      }

      const { amount, receiptNumber, balance } = await creditTopUp(tx, topUp, {
        gateway: gateway.name,
        transactionId: n.transactionId,
        now,
      });
      await writeAudit(tx, {
        actor: null,
        action: 'topup.credit',
        entityType: 'TopUp',
        entityId: topUp.id,
        data: { amount, receiptNumber, gateway: gateway.name, transactionId: n.transactionId, balance },
        at: now,
      });
      return result(outcome, topUp.id, receiptNumber);
    });
  } catch (e) {
    // Two top-ups claiming one gateway transaction at the same moment: the unique index decides.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      await logCallback(db, { gateway: gateway.name, rawBody, signature, outcome: 'TRANSACTION_REUSED', now });
      return result('TRANSACTION_REUSED', n.order);
    }
    throw e;
  }
}
