// The next application or permit number (lib/permits/numbering.ts), inside the caller's
// transaction: a transaction-scoped advisory lock on the prefix serialises concurrent issues of one
// type and year, so numbers are unique and gap-free for committed rows.
import type { Tx } from '../db';
import { nextSequencedNumber } from '@/lib/permits';

async function lockPrefix(tx: Tx, prefix: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`permit-number:${prefix}`}, 0))`;
}

const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function nextPermitNumber(tx: Tx, prefix: string): Promise<string> {
  await lockPrefix(tx, prefix);
  const rows = await tx.$queryRaw<
    Array<{ number: string }>
  >`SELECT number FROM "Permit" WHERE number LIKE ${likePrefix(prefix)} ORDER BY number DESC LIMIT 1`;
  return nextSequencedNumber(prefix, rows[0]?.number ?? null);
}

export async function nextApplicationNumber(tx: Tx, prefix: string): Promise<string> {
  await lockPrefix(tx, prefix);
  const rows = await tx.$queryRaw<
    Array<{ number: string }>
  >`SELECT number FROM "PermitApplication" WHERE number LIKE ${likePrefix(prefix)} ORDER BY number DESC LIMIT 1`;
  return nextSequencedNumber(prefix, rows[0]?.number ?? null);
}
