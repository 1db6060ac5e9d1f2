// Inspectors go on and off duty; a supervisor reassigns with a recorded reason. Coming on duty
// takes over the post's pool (declarations that waited while nobody was on duty).
import { db } from '../db';
import { assertOfficer, assertRole, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { ZReassign } from '@/lib/officer/decisions';
import { OPEN_OFFICER_STATUSES, type DeclarationStatus } from '@/lib/declaration/lifecycle';
import { drainPool, lockPostDistribution } from './distribution';

export async function setOnDuty(args: { actor: Actor; isOnDuty: boolean; now: Date }): Promise<{ fromPool: number }> {
  const { actor, now } = args;
  assertRole(actor, ['INSPECTOR']);
  assertOfficer(actor);
  return db.$transaction(async (tx) => {
    await lockPostDistribution(tx, actor.postId);
    await tx.user.update({ where: { id: actor.userId }, data: { isOnDuty: args.isOnDuty } });
    await writeAudit(tx, {
      actor,
      action: args.isOnDuty ? 'inspector.on-duty' : 'inspector.off-duty',
      entityType: 'User',
      entityId: actor.userId,
      at: now,
    });
    return { fromPool: args.isOnDuty ? await drainPool(tx, { postId: actor.postId, now }) : 0 };
  });
}

/**
 * A supervisor gives a declaration of the post to another of its inspectors, with a reason. The
 * declaration's row is locked first (the order every decision and the registration take: row,
 * then the post's distribution lock), so a parallel release, refusal or withdrawal either
 * happens before — and the reassignment is refused — or waits until it is done.
 */
export async function reassignDeclaration(args: {
  actor: Actor;
  declarationId: string;
  input: unknown;
  now: Date;
}): Promise<void> {
  const { actor, declarationId, now } = args;
  assertRole(actor, ['SUPERVISOR']);
  assertOfficer(actor);
  const input = parseOrThrow(ZReassign, args.input);
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: DeclarationStatus }[]>`
      SELECT status FROM "Declaration" WHERE id = ${declarationId}::uuid AND "postId" = ${actor.postId}::uuid AND status <> 'DRAFT' FOR UPDATE`;
    if (!rows[0]) throw new AppError('NOT_FOUND', 'The declaration is not in the work of this post.');
    if (!OPEN_OFFICER_STATUSES.includes(rows[0].status))
      throw new AppError(
        'CONFLICT',
        `A declaration with status ${rows[0].status} is no longer in an officer's work: it cannot be reassigned.`,
      );
    await lockPostDistribution(tx, actor.postId);
    const current = await tx.assignment.findFirst({ where: { declarationId, postId: actor.postId, closedAt: null } });
    if (!current) throw new AppError('NOT_FOUND', 'The declaration is not in the work of this post.');
    const inspector = await tx.user.findFirst({
      where: { id: input.inspectorId, role: 'INSPECTOR', postId: actor.postId, isActive: true },
    });
    if (!inspector)
      throw new AppError('VALIDATION', 'There is a problem.', [
        { path: 'inspectorId', message: 'Choose an inspector of this post' },
      ]);
    if (current.inspectorId === inspector.id)
      throw new AppError('VALIDATION', 'There is a problem.', [
        { path: 'inspectorId', message: 'The declaration is already with this inspector' },
      ]);
    await tx.assignment.update({ where: { id: current.id }, data: { closedAt: now } });
    await tx.assignment.create({
      data: {
        declarationId,
        postId: actor.postId,
        inspectorId: inspector.id,
        assignedById: actor.userId,
        reason: input.reason,
        assignedAt: now,
      },
    });
    await tx.declaration.update({ where: { id: declarationId }, data: { version: { increment: 1 } } });
    await writeAudit(tx, {
      actor,
      action: 'declaration.reassign',
      entityType: 'Declaration',
      entityId: declarationId,
      data: { from: current.inspectorId, to: inspector.id, reason: input.reason },
      at: now,
    });
  });
}
