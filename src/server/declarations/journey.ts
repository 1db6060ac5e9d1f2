// The journey's header steps: parties (which starts the draft) and transport and terms.
import { db, type Tx } from '../db';
import { assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError, type FieldError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { ZPartiesStep, ZTransportStep } from '@/lib/declaration/steps';
import { bumpVersion, lockEditableDeclaration } from './editing';

async function activePostId(postCode: string, reader: Tx | typeof db = db): Promise<string> {
  const post = await reader.customsPost.findFirst({ where: { code: postCode, isActive: true }, select: { id: true } });
  if (!post)
    throw new AppError('VALIDATION', 'There is a problem with the information you entered.', [
      { path: 'postCode', message: 'Choose a customs post from the list' },
    ]);
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
        events: {
          create: { fromStatus: null, toStatus: 'DRAFT', actorId: actor.userId, actorRole: actor.role, at: now },
        },
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'declaration.draft.start',
      entityType: 'Declaration',
      entityId: declaration.id,
      at: now,
    });
    return declaration;
  });
}

/**
 * Step 1 again. A draft may change anything; a registered declaration (an amendment) keeps its
 * regime and customs post — its registration number belongs to that post, and the officer's
 * request is about its contents. Changing either is a 409 naming the fields, and nothing is written.
 */
export async function saveParties(args: {
  actor: Actor;
  declarationId: string;
  input: unknown;
  now: Date;
}): Promise<void> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  const input = parseOrThrow(ZPartiesStep, args.input);
  await db.$transaction(async (tx) => {
    const row = await lockEditableDeclaration(tx, actor, declarationId);
    const { postCode, ...parties } = input;
    let postId: string;
    if (row.status === 'DRAFT') {
      postId = await activePostId(postCode, tx);
    } else {
      const current = await tx.declaration.findUniqueOrThrow({
        where: { id: declarationId },
        select: { regime: true, postId: true, post: { select: { code: true } } },
      });
      const changed: FieldError[] = [];
      if (parties.regime !== current.regime)
        changed.push({
          path: 'regime',
          message: `The customs regime of a registered declaration cannot change (it is ${current.regime}) — withdraw it and start a new declaration instead`,
        });
      if (postCode !== current.post?.code)
        changed.push({
          path: 'postCode',
          message: `The customs post of a registered declaration cannot change (it is ${current.post?.code ?? 'not set'}) — withdraw it and start a new declaration instead`,
        });
      if (changed.length)
        throw new AppError(
          'CONFLICT',
          'The regime and the customs post of a registered declaration cannot be changed.',
          changed,
        );
      postId = current.postId!;
    }
    await tx.declaration.update({ where: { id: declarationId }, data: { ...parties, postId } });
    await bumpVersion(tx, declarationId, now);
    await writeAudit(tx, {
      actor,
      action: 'declaration.parties.save',
      entityType: 'Declaration',
      entityId: declarationId,
      at: now,
    });
  });
}

export async function saveTransport(args: {
  actor: Actor;
  declarationId: string;
  input: unknown;
  now: Date;
}): Promise<void> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  const input = parseOrThrow(ZTransportStep, args.input);
  await db.$transaction(async (tx) => {
    await lockEditableDeclaration(tx, actor, declarationId);
    await tx.declaration.update({
      where: { id: declarationId },
      data: { ...input, freight: input.freight ?? null, insurance: input.insurance ?? null },
    });
    await bumpVersion(tx, declarationId, now);
    await writeAudit(tx, {
      actor,
      action: 'declaration.transport.save',
      entityType: 'Declaration',
      entityId: declarationId,
      at: now,
    });
  });
}
