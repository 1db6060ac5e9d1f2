// Autosave of a draft's header steps while the trader types (lib/declaration/autosave.ts says what
// is saved). Only a draft: an amendment of a registered declaration is saved step by step with the
// step's button, as before. Scoped to the actor's company; audited in the same transaction.
import { db, Prisma } from '../db';
import { assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { ZStepAutosave, type AutosaveResult } from '@/lib/declaration/autosave';
import { bumpVersion, lockCompanyDeclaration } from './editing';

export async function autosaveDraftStep(args: { actor: Actor; input: unknown; now: Date }): Promise<AutosaveResult> {
  const { actor, now } = args;
  assertTrader(actor);
  const { declarationId, step, values, cleared, notSaved } = parseOrThrow(ZStepAutosave, args.input);
  return db.$transaction(async (tx) => {
    const row = await lockCompanyDeclaration(tx, actor, declarationId);
    if (row.status !== 'DRAFT')
      throw new AppError('CONFLICT', 'This declaration is no longer a draft: save the step with its button.');
    const data: Record<string, unknown> = { ...values };
    for (const name of cleared) data[name] = null;
    if ('postCode' in data) {
      const post = await tx.customsPost.findFirst({
        where: { code: String(data.postCode), isActive: true },
        select: { id: true },
      });
      if (post) data.postId = post.id;
      else notSaved.push({ path: 'postCode', message: 'Choose a customs post from the list' });
      delete data.postCode;
    }
    const saved = Object.keys(data).filter((k) => k !== 'postId');
    if ('postId' in data) saved.push('postCode');
    if (saved.length === 0) return { savedAt: null, notSaved };
    await tx.declaration.update({ where: { id: declarationId }, data: data as Prisma.DeclarationUncheckedUpdateInput });
    await bumpVersion(tx, declarationId, now);
    await writeAudit(tx, {
      actor,
      action: 'declaration.draft.autosave',
      entityType: 'Declaration',
      entityId: declarationId,
      data: { step, saved: saved.sort(), notSaved: notSaved.map((e) => e.path).sort() },
      at: now,
    });
    return { savedAt: now.toISOString(), notSaved };
  });
}
