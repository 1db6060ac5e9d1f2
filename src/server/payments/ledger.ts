// The one writer of the ledger. Every movement of money locks the company's account row
// (`SELECT … FOR UPDATE`), checks that the balance stays at or above zero, writes its immutable
// entries and the cached balance in the caller's transaction. Locks are always taken in this order:
// the movement's own record (declaration, top-up, refund or permit application) → the account → (a payment's automatic
// release: the linked permits) → the receipt series, last; so concurrent movements never deadlock.
import { db, Prisma, type Tx } from '../db';
import { AppError } from '@/lib/errors';
import { formatAmount } from '@/lib/money';
import { post, signedAmount, type LedgerKind } from '@/lib/payments/ledger';
import { formatReceiptNumber, receiptYear } from '@/lib/payments/receipt-number';
import type { PaymentType } from '@/lib/payments/settlement';

/** Transaction settings of money movements: many may queue on one account's lock. */
export const MONEY_TX = { maxWait: 30_000, timeout: 30_000 } as const;

/**
 * Run a money movement in one transaction. When the database is too busy to start or finish it in
 * time, it is rolled back — nothing moved — and the trader is told to try again (safe: payments are
 * idempotent), instead of a generic error.
 */
export async function moneyTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(work, MONEY_TX);
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2028') {
      console.warn(`[payments] transaction gave up: ${e.message}`);
      throw new AppError(
        'RATE_LIMITED',
        'Too many payments are being processed on this account right now. Nothing was moved: try again in a moment.',
      );
    }
    throw e;
  }
}

export type LockedAccount = { id: string; companyId: string; balance: string; version: number };

async function selectForUpdate(tx: Tx, companyId: string): Promise<LockedAccount | null> {
  const rows = await tx.$queryRaw<LockedAccount[]>`
    SELECT id, "companyId", balance::text AS balance, version FROM "Account" WHERE "companyId" = ${companyId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** The company's account, locked for this transaction (opened with a zero balance if it has none yet). */
export async function lockAccount(tx: Tx, companyId: string, now: Date): Promise<LockedAccount> {
  const found = await selectForUpdate(tx, companyId);
  if (found) return found;
  await tx.$executeRaw`
    INSERT INTO "Account" (id, "companyId", balance, version, "createdAt") VALUES (gen_random_uuid(), ${companyId}::uuid, 0, 0, ${now})
    ON CONFLICT ("companyId") DO NOTHING`;
  return (await selectForUpdate(tx, companyId))!;
}

export type NewEntry = {
  kind: LedgerKind;
  /** The movement's size (> 0); the sign comes from the kind. */
  magnitude: string;
  paymentType?: PaymentType | null;
  declarationId?: string | null;
  paymentId?: string | null;
  topUpId?: string | null;
  refundId?: string | null;
  /** A permit application's fee or its refund (src/server/permits/fees.ts). */
  permitFeeId?: string | null;
  reference: string;
};

export class InsufficientBalance extends AppError {
  readonly balance: string;
  readonly shortfall: string;
  constructor(balance: string, shortfall: string, what: string) {
    super(
      'CONFLICT',
      `Your balance of ${formatAmount(balance)} UZS is not enough for ${what}: top up at least ${formatAmount(shortfall)} UZS, then try again. Nothing was debited.`,
    );
    this.balance = balance;
    this.shortfall = shortfall;
  }
}

/** Would these entries keep the locked account at or above zero? Throws InsufficientBalance (nothing written) when not. */
export function assertCovered(account: LockedAccount, entries: readonly NewEntry[], what: string): string {
  const posting = post(
    account.balance,
    entries.map((e) => ({ kind: e.kind, amount: signedAmount(e.kind, e.magnitude) })),
  );
  if (!posting.isAllowed) throw new InsufficientBalance(account.balance, posting.shortfall, what);
  return posting.balance;
}

/**
 * Write the entries of one movement to the locked account and update its cached balance (the sum of
 * its entries) and version (the number of its entries). Returns the new balance.
 */
export async function postEntries(
  tx: Tx,
  account: LockedAccount,
  entries: readonly NewEntry[],
  args: { actorId: string | null; at: Date; what: string },
): Promise<string> {
  const balance = assertCovered(account, entries, args.what);
  await tx.ledgerEntry.createMany({
    data: entries.map((e) => ({
      accountId: account.id,
      kind: e.kind,
      amount: signedAmount(e.kind, e.magnitude),
      paymentType: e.paymentType ?? null,
      declarationId: e.declarationId ?? null,
      paymentId: e.paymentId ?? null,
      topUpId: e.topUpId ?? null,
      refundId: e.refundId ?? null,
      permitFeeId: e.permitFeeId ?? null,
      reference: e.reference,
      actorId: args.actorId,
      at: args.at,
    })),
  });
  await tx.account.update({ where: { id: account.id }, data: { balance, version: { increment: entries.length } } });
  account.balance = balance;
  account.version += entries.length;
  return balance;
}

/**
 * The next receipt number of the year of `now`. One row per year in ReceiptSequence, incremented
 * under its row lock until commit: numbers are unique and without gaps (a rolled-back movement
 * returns its number). The row is started once per year after the highest number already stored
 * (payments, top-ups, issued receipts — the seeded history included).
 *
 * The row is ONE per year, shared by every company's movements, and its lock is held until commit:
 * take the number as the last step before the rows that carry it (ledger entries referencing it, the
 * payment or top-up, the signed receipt), after every check, read and other write of the
 * transaction — an automatic release above all — so that payments of different companies wait for
 * each other only for those few inserts.
 */
export async function nextReceiptNumber(tx: Tx, now: Date): Promise<string> {
  const year = receiptYear(now);
  const taken = await tx.$queryRaw<
    { last: number }[]
  >`UPDATE "ReceiptSequence" SET last = last + 1 WHERE year = ${year} RETURNING last`;
  if (taken[0]) return formatReceiptNumber(year, taken[0].last);
  // First receipt of the year in this database: start after what is stored (a full read, once a year).
  const pattern = `^R-${year}-[0-9]{7}$`;
  await tx.$executeRaw`
    INSERT INTO "ReceiptSequence" (year, last)
    SELECT ${year}, coalesce(max(substring(n from 8 for 7)::int), 0) FROM (
      SELECT "receiptNumber" AS n FROM "Payment" WHERE "receiptNumber" ~ ${pattern}
      UNION ALL SELECT "receiptNumber" FROM "TopUp" WHERE "receiptNumber" ~ ${pattern}
      UNION ALL SELECT "receiptNumber" FROM "PermitFee" WHERE "receiptNumber" ~ ${pattern}
      UNION ALL SELECT number FROM "SignedDocument" WHERE kind = 'RECEIPT' AND number ~ ${pattern}
    ) stored
    ON CONFLICT (year) DO NOTHING`;
  const started = await tx.$queryRaw<
    { last: number }[]
  >`UPDATE "ReceiptSequence" SET last = last + 1 WHERE year = ${year} RETURNING last`;
  return formatReceiptNumber(year, started[0].last);
}

/** The balance as the sum of the account's entries (the cached balance must equal it). */
export async function ledgerBalance(tx: Pick<Tx, 'ledgerEntry'>, accountId: string): Promise<string> {
  const sum = await tx.ledgerEntry.aggregate({ where: { accountId }, _sum: { amount: true } });
  return sum._sum.amount?.toFixed(2) ?? '0.00';
}
