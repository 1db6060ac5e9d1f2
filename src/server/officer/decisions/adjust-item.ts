// An officer adjusts the customs value (the item's transaction value) or the classification of one
// item. The payments are reassessed at once — unless the change moves them by more than the
// four-eyes limit, when it waits for a supervisor's approval (decide-adjustment.ts).
import type { z } from 'zod';
import { db } from '../../db';
import type { Prisma } from '@/src/generated/prisma/client';
import { assertOfficer, type Actor } from '../../actor';
import { writeAudit } from '../../audit';
import { AppError } from '@/lib/errors';
import { D } from '@/lib/money';
import { parseOrThrow } from '@/lib/validation';
import { ZAdjustment, needsSecondPair } from '@/lib/officer/decisions';
import { lockForDecision } from './lock';
import {
  applyAdjustment,
  assessAdjustment,
  latestAssessmentNo,
  payableOf,
  type AdjustmentChanges,
} from './reassessment';
import { loadFourEyesLimit } from './four-eyes-limit';

export async function adjustItem(args: {
  actor: Actor;
  declarationId: string;
  input: z.input<typeof ZAdjustment>;
  now: Date;
}): Promise<{ status: 'APPLIED' | 'PENDING'; amountDelta: string; adjustmentId: string }> {
  const { actor, declarationId, now } = args;
  assertOfficer(actor);
  const input = parseOrThrow(ZAdjustment, args.input);
  return db.$transaction(async (tx) => {
    const row = await lockForDecision(tx, actor, declarationId, input.expectedVersion);
    if (row.status !== 'ASSIGNED')
      throw new AppError('CONFLICT', 'Adjustments can be made only while the declaration is with the inspector.');
    const item = await tx.declarationItem.findFirst({ where: { declarationId, lineNo: input.lineNo } });
    if (!item)
      throw new AppError('VALIDATION', 'There is a problem.', [
        { path: 'lineNo', message: `The declaration has no item ${input.lineNo}` },
      ]);
    if (await tx.valueAdjustment.findFirst({ where: { declarationId, status: 'PENDING' } }))
      throw new AppError('CONFLICT', 'An adjustment of this declaration is already waiting for a supervisor.');
    const change: AdjustmentChanges = {
      lineNo: input.lineNo,
      from: { invoiceValue: item.invoiceValue.toFixed(2), hsCode: item.hsCode },
      to: {
        invoiceValue: input.newInvoiceValue ?? item.invoiceValue.toFixed(2),
        hsCode: input.newHsCode ?? item.hsCode,
      },
    };
    const before = await payableOf(tx, declarationId, await latestAssessmentNo(tx, declarationId));
    const { assessment } = await assessAdjustment(tx, declarationId, change, now);
    const amountDelta = new D(assessment.payable).minus(before).toFixed(2);
    // Measured against every change already applied since registration, not only the latest
    // assessment: small steps add up (lib/officer/decisions `needsSecondPair`).
    const applied = await tx.valueAdjustment.findMany({
      where: { declarationId, status: 'APPLIED' },
      select: { amountDelta: true },
    });
    const isPending = needsSecondPair({
      amountDelta,
      appliedDeltas: applied.map((a) => a.amountDelta.toFixed(2)),
      limit: await loadFourEyesLimit(tx),
    });
    const adjustment = await tx.valueAdjustment.create({
      data: {
        declarationId,
        requestedById: actor.userId,
        status: isPending ? 'PENDING' : 'APPROVED',
        changes: change as unknown as Prisma.InputJsonValue,
        amountDelta,
        reason: input.reason,
        createdAt: now,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'declaration.adjustment.request',
      entityType: 'Declaration',
      entityId: declarationId,
      data: { adjustmentId: adjustment.id, amountDelta, isPending },
      at: now,
    });
    if (isPending) {
      await tx.declaration.update({ where: { id: declarationId }, data: { version: { increment: 1 } } });
      return { status: 'PENDING' as const, amountDelta, adjustmentId: adjustment.id };
    }
    await applyAdjustment(tx, actor, declarationId, adjustment.id, change, now);
    return { status: 'APPLIED' as const, amountDelta, adjustmentId: adjustment.id };
  });
}
