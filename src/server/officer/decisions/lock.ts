// The row lock every officer's decision starts with, and the optimistic-concurrency and
// assignment checks that come with it. Called inside the decision's own transaction.
import type { Tx } from '../../db';
import type { OfficerActor } from '../../actor';
import { AppError } from '@/lib/errors';
import type { DeclarationStatus } from '@/lib/declaration/lifecycle';

export type LockedForOfficer = { id: string; status: DeclarationStatus; version: number; inspectorId: string | null };

/** Lock a declaration of the officer's post for a decision: 404 for another post, 403 when not theirs, 409 when stale. */
export async function lockForDecision(
  tx: Tx,
  actor: OfficerActor,
  declarationId: string,
  expectedVersion: number,
): Promise<LockedForOfficer> {
  const rows = await tx.$queryRaw<LockedForOfficer[]>`
    SELECT d.id, d.status, d.version, a."inspectorId"
    FROM "Declaration" d
    LEFT JOIN "Assignment" a ON a."declarationId" = d.id AND a."closedAt" IS NULL
    WHERE d.id = ${declarationId}::uuid AND d."postId" = ${actor.postId}::uuid AND d.status <> 'DRAFT'
    FOR UPDATE OF d`;
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  // A stale page first: after a parallel decision (e.g. a release that closed the assignment) the
  // honest answer is "it changed", not "it is not yours".
  if (row.version !== expectedVersion)
    throw new AppError(
      'CONFLICT',
      'The declaration has changed since you opened it. Reload the page to see the latest version, then decide again.',
    );
  if (actor.role === 'INSPECTOR' && row.inspectorId !== actor.userId)
    throw new AppError('FORBIDDEN', 'This declaration is not assigned to you.');
  return row;
}
