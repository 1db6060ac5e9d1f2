// The trader's drafts. Scoped to the actor's company; every change audited in its transaction.
import { db, Prisma } from '../db';
import { assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { ZDeclarationDraft, type DeclarationDraftInput } from '@/lib/declaration/schema';
import { asDateColumn } from '@/lib/time';
import { itemData } from './items';
import { lockCompanyDeclaration } from './editing';

export async function createDeclarationDraft(args: {
  actor: Actor;
  input: DeclarationDraftInput | unknown;
  now: Date;
}): Promise<{ id: string }> {
  const { actor, now } = args;
  assertTrader(actor);
  const input = parseOrThrow(ZDeclarationDraft, args.input);
  const post = await db.customsPost.findFirst({ where: { code: input.postCode, isActive: true } });
  if (!post)
    throw new AppError('VALIDATION', 'There is a problem with the information you entered.', [
      { path: 'postCode', message: 'Choose a customs post from the list' },
    ]);

  return db.$transaction(async (tx) => {
    const declaration = await tx.declaration.create({
      data: {
        companyId: actor.companyId,
        createdById: actor.userId,
        postId: post.id,
        regime: input.regime,
        status: 'DRAFT',
        consignorName: input.consignorName,
        consignorCountry: input.consignorCountry,
        consignorAddress: input.consignorAddress,
        consigneeName: input.consigneeName,
        consigneeCountry: input.consigneeCountry,
        consigneeAddress: input.consigneeAddress,
        dispatchCountry: input.dispatchCountry,
        destinationCountry: input.destinationCountry,
        transportMode: input.transportMode,
        transportDocument: input.transportDocument,
        incoterm: input.incoterm,
        invoiceCurrency: input.invoiceCurrency,
        invoiceTotal: input.invoiceTotal,
        freight: input.freight ?? null,
        insurance: input.insurance ?? null,
        createdAt: now,
        documents: {
          create: input.documents.map((d) => ({
            type: d.type,
            number: d.number,
            date: asDateColumn(d.date),
            createdAt: now,
          })),
        },
        events: {
          create: { fromStatus: null, toStatus: 'DRAFT', actorId: actor.userId, actorRole: actor.role, at: now },
        },
      },
      select: { id: true },
    });
    // One statement for all items: a nested create inserts row by row, and a draft may have 999.
    if (input.items.length)
      await tx.declarationItem.createMany({
        data: input.items.map((item, i) => ({ declarationId: declaration.id, lineNo: i + 1, ...itemData(item) })),
      });
    await writeAudit(tx, {
      actor,
      action: 'declaration.draft.create',
      entityType: 'Declaration',
      entityId: declaration.id,
      data: { items: input.items.length },
      at: now,
    });
    return declaration;
  });
}

/**
 * Delete a draft of the actor's company, for good: the declaration with its items, documents and
 * status events (their rows cascade), and the files uploaded for it that nothing else refers to. A
 * draft was never lodged with customs, so nothing of it needs keeping but the audit entry, which
 * is written in the same transaction and names what was deleted (the audit table has no foreign
 * key, so the entry outlives the row). Another company's declaration is "not found"; a declaration
 * that has been submitted is a 409 (it can be withdrawn instead). Nothing is written on refusal.
 */
export async function deleteDraft(args: { actor: Actor; declarationId: string; now: Date }): Promise<void> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  await db.$transaction(async (tx) => {
    const row = await lockCompanyDeclaration(tx, actor, declarationId);
    if (row.status !== 'DRAFT')
      throw new AppError(
        'CONFLICT',
        'Only a draft can be deleted. A declaration that has been submitted can be withdrawn instead.',
      );
    const draft = await tx.declaration.findUniqueOrThrow({
      where: { id: declarationId },
      select: {
        regime: true,
        consignorName: true,
        consigneeName: true,
        invoiceCurrency: true,
        invoiceTotal: true,
        createdAt: true,
        _count: { select: { items: true } },
        items: { orderBy: { lineNo: 'asc' }, take: 1, select: { hsCode: true, description: true } },
        documents: { where: { fileId: { not: null } }, select: { fileId: true } },
      },
    });
    await tx.declaration.delete({ where: { id: declarationId } });
    // The draft's uploads, unless another document (a copy's, an application's) still refers to one.
    const fileIds = draft.documents.flatMap((d) => (d.fileId ? [d.fileId] : []));
    if (fileIds.length)
      await tx.$executeRaw`
        DELETE FROM "StoredFile" f WHERE f.id IN (${Prisma.join(fileIds.map((id) => Prisma.sql`${id}::uuid`))})
          AND NOT EXISTS (SELECT 1 FROM "DeclarationDocument" d WHERE d."fileId" = f.id)
          AND NOT EXISTS (SELECT 1 FROM "PermitApplicationDocument" a WHERE a."fileId" = f.id)`;
    await writeAudit(tx, {
      actor,
      action: 'declaration.draft.delete',
      entityType: 'Declaration',
      entityId: declarationId,
      data: {
        regime: draft.regime,
        consignorName: draft.consignorName,
        consigneeName: draft.consigneeName,
        items: draft._count.items,
        firstItem: draft.items[0] ? `${draft.items[0].hsCode} ${draft.items[0].description}` : null,
        invoiceTotal: draft.invoiceTotal?.toFixed(2) ?? null,
        invoiceCurrency: draft.invoiceCurrency,
        createdAt: draft.createdAt.toISOString(),
        files: fileIds.length,
      },
      at: now,
    });
  });
}
