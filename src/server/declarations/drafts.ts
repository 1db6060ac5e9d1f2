// The trader's drafts. Scoped to the actor's company; every change audited in its transaction.
import { db } from '../db';
import { assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { ZDeclarationDraft, type DeclarationDraftInput } from '@/lib/declaration/schema';
import { asDateColumn } from '@/lib/time';
import { itemData } from './items';

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
