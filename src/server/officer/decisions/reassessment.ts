// Reassessing a declaration with an officer's adjustment of one item, and applying it: the new
// payments, the amount it moves, and the additional revenue credited to the inspection behind it.
// Shared by the adjustment (applied at once under the four-eyes limit) and the supervisor's approval.
import type { Tx } from '../../db';
import type { Actor } from '../../actor';
import { writeAudit } from '../../audit';
import { AppError } from '@/lib/errors';
import { D } from '@/lib/money';
import { serviceDate } from '@/lib/time';
import { revenueInspection } from '@/lib/officer/decisions';
import { assessDeclaration, loadTariff, storeAssessment } from '../../declarations/assessment';

export type AdjustmentChanges = {
  lineNo: number;
  from: { invoiceValue: string; hsCode: string };
  to: { invoiceValue: string; hsCode: string };
};

export async function latestAssessmentNo(tx: Tx, declarationId: string): Promise<number> {
  return (
    (await tx.assessedPayment.aggregate({ where: { declarationId }, _max: { assessmentNo: true } }))._max
      .assessmentNo ?? 0
  );
}

export async function payableOf(tx: Tx, declarationId: string, assessmentNo: number): Promise<D> {
  const sum = await tx.assessedPayment.aggregate({
    where: { declarationId, assessmentNo, isSecured: false },
    _sum: { amount: true },
  });
  return new D(sum._sum.amount?.toString() ?? '0');
}

/** Payments of the declaration as if the change were made (rates of the registration date; `now` only for one never registered). */
async function assessWithChange(tx: Tx, declarationId: string, change: AdjustmentChanges, now: Date) {
  const d = await tx.declaration.findUniqueOrThrow({
    where: { id: declarationId },
    include: { items: { orderBy: { lineNo: 'asc' } } },
  });
  const items = d.items.map((i) =>
    i.lineNo === change.lineNo ? { ...i, hsCode: change.to.hsCode, invoiceValue: new D(change.to.invoiceValue) } : i,
  );
  return {
    declaration: d,
    assessment: await assessDeclaration(
      tx,
      { ...d, items: items as typeof d.items },
      serviceDate(d.registeredAt ?? now),
    ),
  };
}

/**
 * Reassess with the change, reporting problems of the adjusted item on the form's fields: the
 * commodity code (not in the tariff, or charged in another unit) on `newHsCode`, the value on
 * `newInvoiceValue` — never on the trader's `items.N.*` paths, which the officer's form does not have.
 */
export async function assessAdjustment(tx: Tx, declarationId: string, change: AdjustmentChanges, now: Date) {
  if (change.to.hsCode !== change.from.hsCode && !(await loadTariff(tx, [change.to.hsCode])).has(change.to.hsCode)) {
    throw new AppError('VALIDATION', 'There is a problem.', [
      {
        path: 'newHsCode',
        message: `Commodity code ${change.to.hsCode} is not in the national tariff — check the code`,
      },
    ]);
  }
  try {
    return await assessWithChange(tx, declarationId, change, now);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
    const prefix = `items.${change.lineNo - 1}.`;
    const fieldOf = (path: string) =>
      !path.startsWith(prefix) ? path : path === `${prefix}invoiceValue` ? 'newInvoiceValue' : 'newHsCode';
    // One message per field (the first): duty and excise may both object to the same unit.
    const fieldErrors = new Map<string, string>();
    for (const f of e.fieldErrors) if (!fieldErrors.has(fieldOf(f.path))) fieldErrors.set(fieldOf(f.path), f.message);
    throw new AppError(
      'VALIDATION',
      e.message,
      [...fieldErrors].map(([path, message]) => ({ path, message })),
    );
  }
}

/**
 * Apply an adjustment: change the item, store the reassessment (a new amount due, or an
 * overpayment), and credit a raise of the payable amount as additional revenue to the inspection
 * that found it (lib/officer/decisions `revenueInspection`; none recorded: no credit). The
 * adjustment keeps the change it actually made.
 */
export async function applyAdjustment(
  tx: Tx,
  actor: Actor,
  declarationId: string,
  adjustmentId: string,
  change: AdjustmentChanges,
  now: Date,
): Promise<void> {
  const assessmentNo = await latestAssessmentNo(tx, declarationId);
  const before = await payableOf(tx, declarationId, assessmentNo);
  const { declaration, assessment } = await assessWithChange(tx, declarationId, change, now);
  const item = declaration.items.find((i) => i.lineNo === change.lineNo)!;
  await tx.declarationItem.update({
    where: { id: item.id },
    data: { hsCode: change.to.hsCode, invoiceValue: change.to.invoiceValue },
  });
  await storeAssessment(tx, {
    declarationId,
    items: declaration.items,
    assessment,
    assessmentNo: assessmentNo + 1,
    now,
  });
  const amountDelta = new D(assessment.payable).minus(before);
  let credited: { inspectionId: string; amount: string } | null = null;
  if (amountDelta.gt(0)) {
    const inspection = revenueInspection(
      await tx.inspection.findMany({
        where: { declarationId },
        orderBy: { at: 'asc' },
        select: { id: true, at: true, isHit: true },
      }),
    );
    if (inspection) {
      credited = { inspectionId: inspection.id, amount: amountDelta.toFixed(2) };
      await tx.inspection.update({
        where: { id: inspection.id },
        data: { additionalRevenue: { increment: credited.amount } },
      });
    }
  }
  await tx.valueAdjustment.update({
    where: { id: adjustmentId },
    data: { status: 'APPLIED', amountDelta: amountDelta.toFixed(2), decidedAt: now },
  });
  await tx.declaration.update({ where: { id: declarationId }, data: { version: { increment: 1 } } });
  await writeAudit(tx, {
    actor,
    action: 'declaration.adjustment.apply',
    entityType: 'Declaration',
    entityId: declarationId,
    data: { adjustmentId, ...change, amountDelta: amountDelta.toFixed(2), additionalRevenue: credited },
    at: now,
  });
}
