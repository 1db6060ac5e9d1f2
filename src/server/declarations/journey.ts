// The journey's header steps: parties (which starts the draft) and transport and terms.
import { db } from '../db';
import { assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { ZPartiesStep, ZTransportStep } from '@/lib/declaration/steps';
import { bumpVersion, lockEditableDeclaration } from './editing';

async function activePostId(postCode: string): Promise<string> {
  const post = await db.customsPost.findFirst({ where: { code: postCode, isActive: true }, select: { id: true } });
  if (!post) throw new AppError('VALIDATION', 'There is a problem with the information you entered.', [{ path: 'postCode', message: 'Choose a customs post from the list' }]);
  return post.id;
}

/** Step 1 for a new declaration: creates the draft. */
export async function startDeclaration(args: { actor: Actor; input: unknown; now: Date }): Promise<{ id: string }> {
  const { actor, now } = args;
  assertTrader(actor);
  const input = parseOrThrow(ZPartiesStep, args.input);
  const postId = await activePostId(input.postCode);
  return db.$transaction(async (tx) => {
    const { postCode: _postCode, ...parties } = input;
    const declaration = await tx.declaration.create({
      data: {
        ...parties,
        companyId: actor.companyId,
        createdById: actor.userId,
        postId,
        status: 'DRAFT',
        createdAt: now,
        events: { create: { fromStatus: null, toStatus: 'DRAFT', actorId: actor.userId, actorRole: actor.role, at: now } },
      },
      select: { id: true },
    });
    await writeAudit(tx, { actor, action: 'declaration.draft.start', entityType: 'Declaration', entityId: declaration.id, at: now });
    return declaration;
  });
}

export async function saveParties(args: { actor: Actor; declarationId: string; input: unknown; now: Date }): Promise<void> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  const input = parseOrThrow(ZPartiesStep, args.input);
  const postId = await activePostId(input.postCode);
  await db.$transaction(async (tx) => {
    await lockEditableDeclaration(tx, actor, declarationId);
    const { postCode: _postCode, ...parties } = input;
    await tx.declaration.update({ where: { id: declarationId }, data: { ...parties, postId } });
    await bumpVersion(tx, declarationId, now);
    await writeAudit(tx, { actor, action: 'declaration.parties.save', entityType: 'Declaration', entityId: declarationId, at: now });
  });
}

export async function saveTransport(args: { actor: Actor; declarationId: string; input: unknown; now: Date }): Promise<void> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  const input = parseOrThrow(ZTransportStep, args.input);
  await db.$transaction(async (tx) => {
    await lockEditableDeclaration(tx, actor, declarationId);
    await tx.declaration.update({ where: { id: declarationId }, data: { ...input, freight: input.freight ?? null, insurance: input.insurance ?? null } });
    await bumpVersion(tx, declarationId, now);
    await writeAudit(tx, { actor, action: 'declaration.transport.save', entityType: 'Declaration', entityId: declarationId, at: now });
  });
}
