// Automatic distribution inside the registering transaction. An advisory lock per post serialises
// the choice, so parallel registrations never pick from a stale count (no double assignment, no
// lost one, and open work stays balanced).
import type { Tx } from '../db';
import { pickInspector, seededRandom } from '@/lib/distribution/policy';

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
export async function distributeDeclaration(tx: Tx, args: { declarationId: string; postId: string; now: Date }): Promise<{ inspectorId: string | null }> {
  await lockPostDistribution(tx, args.postId);
  const candidates = await onDutyCandidates(tx, args.postId);
  const inspectorId = pickInspector(candidates, seededRandom(args.declarationId));
  await tx.assignment.create({
    data: { declarationId: args.declarationId, postId: args.postId, inspectorId, assignedAt: args.now, reason: inspectorId ? 'AUTOMATIC' : 'POOL' },
  });
  return { inspectorId };
}
