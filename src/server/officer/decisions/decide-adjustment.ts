// The second pair of eyes: a supervisor of the post approves or rejects a pending adjustment.
import { db } from '../../db';
import { assertOfficer, assertRole, type Actor } from '../../actor';
import { writeAudit } from '../../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { ZApproval } from '@/lib/officer/decisions';
import { lockForDecision } from './lock';
import { applyAdjustment, type AdjustmentChanges } from './reassessment';

/**
 * A supervisor of the post approves or rejects a pending adjustment — never their own. The
 * adjustment is read again under the declaration's row lock and taken out of PENDING by a
 * conditional update, so of two parallel decisions exactly one applies.
 */
export async function decideAdjustment(args: {
  actor: Actor;
  adjustmentId: string;
  isApproved: boolean;
  expectedVersion: number;
  note?: string;
  now: Date;
}): Promise<void> {
  const { actor, now } = args;
  assertRole(actor, ['SUPERVISOR']);
  assertOfficer(actor);
  const input = parseOrThrow(ZApproval, {
    adjustmentId: args.adjustmentId,
    expectedVersion: args.expectedVersion,
    note: args.note,
  });
  await db.$transaction(async (tx) => {
    const found = await tx.valueAdjustment.findFirst({
      where: { id: input.adjustmentId, declaration: { postId: actor.postId } },
      select: { declarationId: true },
    });
    if (!found) throw new AppError('NOT_FOUND', 'The adjustment was not found.');
    const row = await lockForDecision(tx, actor, found.declarationId, input.expectedVersion);
    const adjustment = await tx.valueAdjustment.findUniqueOrThrow({ where: { id: input.adjustmentId } });
    if (adjustment.status !== 'PENDING') throw new AppError('CONFLICT', 'This adjustment has already been decided.');
    if (adjustment.requestedById === actor.userId)
      throw new AppError('FORBIDDEN', 'You cannot approve your own adjustment: another supervisor must decide it.');
    if (row.status !== 'ASSIGNED') throw new AppError('CONFLICT', 'The declaration is no longer with the inspector.');
    const taken = await tx.valueAdjustment.updateMany({
      where: { id: adjustment.id, status: 'PENDING' },
      data: { status: args.isApproved ? 'APPROVED' : 'REJECTED', decidedById: actor.userId, decidedAt: now },
    });
    if (taken.count !== 1) throw new AppError('CONFLICT', 'This adjustment has already been decided.');
    const note = input.note ?? null;
    if (!args.isApproved) {
      await tx.declaration.update({ where: { id: adjustment.declarationId }, data: { version: { increment: 1 } } });
      await writeAudit(tx, {
        actor,
        action: 'declaration.adjustment.reject',
        entityType: 'Declaration',
        entityId: adjustment.declarationId,
        data: { adjustmentId: adjustment.id, note },
        at: now,
      });
      return;
    }
    await writeAudit(tx, {
      actor,
      action: 'declaration.adjustment.approve',
      entityType: 'Declaration',
      entityId: adjustment.declarationId,
      data: { adjustmentId: adjustment.id, note },
      at: now,
    });
    await applyAdjustment(
      tx,
      actor,
      adjustment.declarationId,
      adjustment.id,
      adjustment.changes as unknown as AdjustmentChanges,
      now,
    );
  });
}
