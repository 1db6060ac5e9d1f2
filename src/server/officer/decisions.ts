// Officers' decisions on a declaration. Each one: the actor must be the assigned inspector (or a
// supervisor of the post), the declaration must not have changed since the page was loaded
// (optimistic concurrency: `expectedVersion`), and the audit entry is written in the transaction.
import { db, type Tx } from '../db';
import { assertOfficer, type OfficerActor, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { canTransition, type DeclarationStatus } from '@/lib/declaration/lifecycle';

type LockedForOfficer = { id: string; status: DeclarationStatus; version: number; inspectorId: string | null };

/** Lock a declaration of the officer's post for a decision: 404 for another post, 403 when not theirs, 409 when stale. */
export async function lockForDecision(tx: Tx, actor: OfficerActor, declarationId: string, expectedVersion: number): Promise<LockedForOfficer> {
  const rows = await tx.$queryRaw<LockedForOfficer[]>`
    SELECT d.id, d.status, d.version, a."inspectorId"
    FROM "Declaration" d
    LEFT JOIN "Assignment" a ON a."declarationId" = d.id AND a."closedAt" IS NULL
    WHERE d.id = ${declarationId}::uuid AND d."postId" = ${actor.postId}::uuid AND d.status <> 'DRAFT'
    FOR UPDATE OF d`;
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  if (actor.role === 'INSPECTOR' && row.inspectorId !== actor.userId) throw new AppError('FORBIDDEN', 'This declaration is not assigned to you.');
  if (row.version !== expectedVersion) throw new AppError('CONFLICT', 'The declaration has changed since you opened it. Reload the page to see the latest version, then decide again.');
  return row;
}

export async function requestAmendment(args: { actor: Actor; declarationId: string; message: string; expectedVersion: number; now: Date }): Promise<void> {
  const { actor, declarationId, now } = args;
  assertOfficer(actor);
  const message = args.message.trim();
  if (!message) throw new AppError('VALIDATION', 'There is a problem.', [{ path: 'message', message: 'Tell the trader what to amend' }]);
  if (message.length > 1000) throw new AppError('VALIDATION', 'There is a problem.', [{ path: 'message', message: 'The message must be 1000 characters or fewer' }]);
  await db.$transaction(async (tx) => {
    const row = await lockForDecision(tx, actor, declarationId, args.expectedVersion);
    if (!canTransition(row.status, 'AMENDMENT_REQUESTED', 'OFFICER')) throw new AppError('CONFLICT', 'An amendment cannot be requested at this stage.');
    await tx.declaration.update({ where: { id: declarationId }, data: { status: 'AMENDMENT_REQUESTED', currentReason: message, version: { increment: 1 } } });
    await tx.declarationStatusEvent.create({ data: { declarationId, fromStatus: row.status, toStatus: 'AMENDMENT_REQUESTED', actorId: actor.userId, actorRole: actor.role, reason: message, at: now } });
    await writeAudit(tx, { actor, action: 'declaration.amendment.request', entityType: 'Declaration', entityId: declarationId, data: { message }, at: now });
  });
}
