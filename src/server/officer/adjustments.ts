// Pending value and classification adjustments end with the officer's work on the declaration: an
// amendment request, a refusal or the trader's withdrawal cancels them (in the caller's transaction,
// under its row lock), so no supervisor approves a change to goods that are gone or re-declared.
import type { Tx } from '../db';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';

/**
 * Cancel the declaration's pending adjustments. The enum has no CANCELLED: a cancellation is
 * REJECTED with no deciding supervisor (`decidedById` null); the audit entry says why.
 */
export async function cancelPendingAdjustments(
  tx: Tx,
  args: { actor: Actor; declarationId: string; reason: string; now: Date },
): Promise<number> {
  const { actor, declarationId, reason, now } = args;
  const pending = await tx.valueAdjustment.findMany({
    where: { declarationId, status: 'PENDING' },
    select: { id: true },
  });
  if (pending.length === 0) return 0;
  const ids = pending.map((a) => a.id);
  await tx.valueAdjustment.updateMany({
    where: { id: { in: ids }, status: 'PENDING' },
    data: { status: 'REJECTED', decidedById: null, decidedAt: now },
  });
  await writeAudit(tx, {
    actor,
    action: 'declaration.adjustment.cancel',
    entityType: 'Declaration',
    entityId: declarationId,
    data: { adjustmentIds: ids, reason },
    at: now,
  });
  return ids.length;
}
