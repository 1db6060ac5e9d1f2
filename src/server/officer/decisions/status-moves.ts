// Refusal, hold and resumption: the officer moves the declaration to another status with a reason.
// The three differ only in the target status and the audit action, so they share one move.
import { db } from '../../db';
import { assertOfficer, type Actor } from '../../actor';
import { writeAudit } from '../../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { canTransition } from '@/lib/declaration/lifecycle';
import { ZDecisionReason } from '@/lib/officer/decisions';
import { cancelPendingAdjustments } from '../adjustments';
import { closeOpenDocumentRequests } from '../../declarations/document-requests';
import { lockForDecision } from './lock';

type MoveArgs = { actor: Actor; declarationId: string; expectedVersion: number; reason: string; now: Date };

async function moveTo(args: MoveArgs, to: 'REFUSED' | 'ON_HOLD' | 'ASSIGNED', action: string) {
  const { actor, declarationId, now } = args;
  assertOfficer(actor);
  // The form's own rule for the reason: a direct caller meets the same one.
  const { reason } = parseOrThrow(ZDecisionReason.pick({ reason: true }), { reason: args.reason });
  await db.$transaction(async (tx) => {
    const row = await lockForDecision(tx, actor, declarationId, args.expectedVersion);
    if (!canTransition(row.status, to, 'OFFICER'))
      throw new AppError('CONFLICT', `A declaration with status ${row.status} cannot move to ${to}.`);
    await tx.declaration.update({
      where: { id: declarationId },
      data: { status: to, currentReason: to === 'ASSIGNED' ? null : reason, version: { increment: 1 } },
    });
    if (to === 'REFUSED') {
      await tx.assignment.updateMany({ where: { declarationId, closedAt: null }, data: { closedAt: now } });
      await cancelPendingAdjustments(tx, { actor, declarationId, reason: 'The declaration was refused', now });
      await closeOpenDocumentRequests(tx, { actor, declarationId, reason: 'The declaration was refused', now });
    }
    await tx.declarationStatusEvent.create({
      data: {
        declarationId,
        fromStatus: row.status,
        toStatus: to,
        actorId: actor.userId,
        actorRole: actor.role,
        reason,
        at: now,
      },
    });
    await writeAudit(tx, {
      actor,
      action,
      entityType: 'Declaration',
      entityId: declarationId,
      data: { reason },
      at: now,
    });
  });
}

export const refuseDeclaration = (args: MoveArgs) => moveTo(args, 'REFUSED', 'declaration.refuse');
export const holdDeclaration = (args: MoveArgs) => moveTo(args, 'ON_HOLD', 'declaration.hold');
export const resumeDeclaration = (args: MoveArgs) => moveTo(args, 'ASSIGNED', 'declaration.resume');
