// The trader's moves after submission: withdraw before release, and copy any declaration as a new draft.
import { db } from '../db';
import { assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { canTransition } from '@/lib/declaration/lifecycle';
import { lockCompanyDeclaration } from './editing';
import { cancelPendingAdjustments } from '../officer/adjustments';
import { closeOpenDocumentRequests } from './document-requests';

export async function withdrawDeclaration(args: {
  actor: Actor;
  declarationId: string;
  reason: string;
  now: Date;
}): Promise<void> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  const reason = args.reason.trim().slice(0, 500);
  if (!reason)
    throw new AppError('VALIDATION', 'There is a problem.', [
      { path: 'reason', message: 'Say why you are withdrawing the declaration' },
    ]);
  await db.$transaction(async (tx) => {
    const row = await lockCompanyDeclaration(tx, actor, declarationId);
    if (!canTransition(row.status, 'WITHDRAWN', 'TRADER')) {
      throw new AppError(
        'CONFLICT',
        row.status === 'DRAFT'
          ? 'A draft is not submitted: there is nothing to withdraw.'
          : 'This declaration can no longer be withdrawn.',
      );
    }
    await tx.declaration.update({
      where: { id: declarationId },
      data: { status: 'WITHDRAWN', currentReason: reason, version: { increment: 1 } },
    });
    await tx.assignment.updateMany({ where: { declarationId, closedAt: null }, data: { closedAt: now } });
    await cancelPendingAdjustments(tx, { actor, declarationId, reason: 'The trader withdrew the declaration', now });
    await closeOpenDocumentRequests(tx, { actor, declarationId, reason: 'The trader withdrew the declaration', now });
    await tx.declarationStatusEvent.create({
      data: {
        declarationId,
        fromStatus: row.status,
        toStatus: 'WITHDRAWN',
        actorId: actor.userId,
        actorRole: actor.role,
        reason,
        at: now,
      },
    });
    await writeAudit(tx, {
      actor,
      action: 'declaration.withdraw',
      entityType: 'Declaration',
      entityId: declarationId,
      data: { reason },
      at: now,
    });
  });
}

/** A new draft with the header and items of any of the company's declarations (documents are not copied). */
export async function copyDeclaration(args: {
  actor: Actor;
  declarationId: string;
  now: Date;
}): Promise<{ id: string }> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  const source = await db.declaration.findFirst({
    where: { id: declarationId, companyId: actor.companyId },
    include: { items: { orderBy: { lineNo: 'asc' } } },
  });
  if (!source) throw new AppError('NOT_FOUND', 'The declaration was not found.');
  return db.$transaction(async (tx) => {
    const copy = await tx.declaration.create({
      data: {
        companyId: actor.companyId,
        createdById: actor.userId,
        postId: source.postId,
        regime: source.regime,
        status: 'DRAFT',
        consignorName: source.consignorName,
        consignorCountry: source.consignorCountry,
        consignorAddress: source.consignorAddress,
        consigneeName: source.consigneeName,
        consigneeCountry: source.consigneeCountry,
        consigneeAddress: source.consigneeAddress,
        dispatchCountry: source.dispatchCountry,
        destinationCountry: source.destinationCountry,
        transportMode: source.transportMode,
        transportDocument: source.transportDocument,
        incoterm: source.incoterm,
        invoiceCurrency: source.invoiceCurrency,
        invoiceTotal: source.invoiceTotal,
        freight: source.freight,
        insurance: source.insurance,
        copiedFromId: source.id,
        createdAt: now,
        events: {
          create: {
            fromStatus: null,
            toStatus: 'DRAFT',
            actorId: actor.userId,
            actorRole: actor.role,
            reason: source.registrationNumber ? `Copied from ${source.registrationNumber}` : 'Copied from a draft',
            at: now,
          },
        },
      },
      select: { id: true },
    });
    // One statement for all items (up to 999), as when a draft is created.
    await tx.declarationItem.createMany({
      data: source.items.map((i) => ({
        declarationId: copy.id,
        lineNo: i.lineNo,
        hsCode: i.hsCode,
        description: i.description,
        originCountry: i.originCountry,
        grossMass: i.grossMass,
        netMass: i.netMass,
        quantity: i.quantity,
        supplementaryUnit: i.supplementaryUnit,
        invoiceValue: i.invoiceValue,
      })),
    });
    await writeAudit(tx, {
      actor,
      action: 'declaration.copy',
      entityType: 'Declaration',
      entityId: copy.id,
      data: { from: source.id },
      at: now,
    });
    return copy;
  });
}
