// The officer sends a declaration back to the trader to amend, with a message saying what.
import { db } from '../../db';
import { assertOfficer, type Actor } from '../../actor';
import { writeAudit } from '../../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { canTransition } from '@/lib/declaration/lifecycle';
import { ZAmendmentRequest } from '@/lib/officer/decisions';
import { cancelPendingAdjustments } from '../adjustments';
import { lockForDecision } from './lock';

export async function requestAmendment(args: {
  actor: Actor;
  declarationId: string;
  message: string;
  expectedVersion: number;
  now: Date;
}): Promise<void> {
  const { actor, declarationId, now } = args;
  assertOfficer(actor);
  // The form's own schema: a direct caller (a test, a script) meets the same rules as the form.
  const { message } = parseOrThrow(ZAmendmentRequest.pick({ message: true }), { message: args.message });
  await db.$transaction(async (tx) => {
    const row = await lockForDecision(tx, actor, declarationId, args.expectedVersion);
    if (!canTransition(row.status, 'AMENDMENT_REQUESTED', 'OFFICER'))
      throw new AppError('CONFLICT', 'An amendment cannot be requested at this stage.');
    // The trader re-declares the goods: a change waiting for a supervisor would apply to the old ones.
    await cancelPendingAdjustments(tx, { actor, declarationId, reason: 'An amendment was requested', now });
    await tx.declaration.update({
      where: { id: declarationId },
      data: { status: 'AMENDMENT_REQUESTED', currentReason: message, version: { increment: 1 } },
    });
    await tx.declarationStatusEvent.create({
      data: {
        declarationId,
        fromStatus: row.status,
        toStatus: 'AMENDMENT_REQUESTED',
        actorId: actor.userId,
        actorRole: actor.role,
        reason: message,
        at: now,
      },
    });
    await writeAudit(tx, {
      actor,
      action: 'declaration.amendment.request',
      entityType: 'Declaration',
      entityId: declarationId,
      data: { message },
      at: now,
    });
  });
}
