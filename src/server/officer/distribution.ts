// Automatic distribution inside the registering transaction. An advisory lock per post serialises
// the choice, so parallel registrations never pick from a stale count (no double assignment, no
// lost one, and open work stays balanced).
import type { Tx } from '../db';
import { randomInt } from 'node:crypto';
import { pickInspector } from '@/lib/distribution/policy';

/**
 * The tie-break draw: the server's cryptographic generator, not a seed the trader could know (a
 * draft's id is visible to the trader before submission, so a seeded draw could be steered by
 * copying drafts until the wanted inspector comes up).
 */
const serverRandom = () => randomInt(0, 2 ** 32) / 2 ** 32;

export async function lockPostDistribution(tx: Tx, postId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${'distribution:' + postId}, 0))`;
}

export async function onDutyCandidates(tx: Tx, postId: string) {
  return tx.$queryRaw<{ inspectorId: string; openCount: number }[]>`
    SELECT u.id AS "inspectorId", COUNT(a.id)::int AS "openCount"
    FROM "User" u
    LEFT JOIN "Assignment" a ON a."inspectorId" = u.id AND a."closedAt" IS NULL
    WHERE u.role = 'INSPECTOR' AND u."postId" = ${postId}::uuid AND u."isOnDuty" AND u."isActive"
    GROUP BY u.id`;
}

/** Give the declaration to an on-duty inspector of its post, or leave it in the post's pool. */
export async function distributeDeclaration(
  tx: Tx,
  args: { declarationId: string; postId: string; now: Date },
): Promise<{ inspectorId: string | null }> {
  await lockPostDistribution(tx, args.postId);
  const candidates = await onDutyCandidates(tx, args.postId);
  const inspectorId = pickInspector(candidates, serverRandom);
  await tx.assignment.create({
    data: {
      declarationId: args.declarationId,
      postId: args.postId,
      inspectorId,
      assignedAt: args.now,
      reason: inspectorId ? 'AUTOMATIC' : 'POOL',
    },
  });
  return { inspectorId };
}

/**
 * Hand the post's pool (declarations waiting for an inspector) to its on-duty inspectors, oldest
 * first, each to whoever has the least open work at that moment. Runs under the post's lock.
 */
export async function drainPool(tx: Tx, args: { postId: string; now: Date }): Promise<number> {
  await lockPostDistribution(tx, args.postId);
  const waiting = await tx.assignment.findMany({
    where: { postId: args.postId, inspectorId: null, closedAt: null },
    orderBy: [{ assignedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, declarationId: true },
  });
  if (waiting.length === 0) return 0;
  const candidates = await onDutyCandidates(tx, args.postId);
  if (candidates.length === 0) return 0;
  const open = new Map(candidates.map((c) => [c.inspectorId, c.openCount]));
  for (const w of waiting) {
    const inspectorId = pickInspector(
      [...open].map(([inspectorId, openCount]) => ({ inspectorId, openCount })),
      serverRandom,
    )!;
    open.set(inspectorId, open.get(inspectorId)! + 1);
    await tx.assignment.update({ where: { id: w.id }, data: { closedAt: args.now } });
    await tx.assignment.create({
      data: {
        declarationId: w.declarationId,
        postId: args.postId,
        inspectorId,
        assignedAt: args.now,
        reason: 'FROM_POOL',
      },
    });
  }
  return waiting.length;
}
