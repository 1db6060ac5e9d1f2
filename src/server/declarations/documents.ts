// Documents of a declaration (type, number, date, optional file). Files are checked by content —
// PDF, JPEG or PNG, not empty, at most 10 MB — and kept in the database (../files.ts).
import { db } from '../db';
import { assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { assertAcceptableUpload, storeUpload, type Upload } from '../files';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { documentStepOn } from '@/lib/declaration/steps';
import { bumpVersion, lockEditableDeclaration } from './editing';
import { asDateColumn, serviceDate } from '@/lib/time';

export async function addDocument(args: {
  actor: Actor;
  declarationId: string;
  input: unknown;
  file: Upload | null;
  now: Date;
}): Promise<{ id: string }> {
  const { actor, declarationId, file, now } = args;
  assertTrader(actor);
  const input = parseOrThrow(documentStepOn(serviceDate(now)), args.input);
  if (file) assertAcceptableUpload(file);
  return db.$transaction(async (tx) => {
    await lockEditableDeclaration(tx, actor, declarationId);
    let fileId: string | null = null;
    if (file) {
      fileId = (await storeUpload(tx, { actor, file, now })).id;
    }
    const document = await tx.declarationDocument.create({
      data: {
        declarationId,
        type: input.type,
        number: input.number,
        date: asDateColumn(input.date),
        fileId,
        createdAt: now,
      },
      select: { id: true },
    });
    await bumpVersion(tx, declarationId, now);
    await writeAudit(tx, {
      actor,
      action: 'declaration.document.add',
      entityType: 'Declaration',
      entityId: declarationId,
      data: { documentId: document.id, type: input.type, hasFile: Boolean(fileId) },
      at: now,
    });
    return document;
  });
}

export async function removeDocument(args: {
  actor: Actor;
  declarationId: string;
  documentId: string;
  now: Date;
}): Promise<void> {
  const { actor, declarationId, documentId, now } = args;
  assertTrader(actor);
  await db.$transaction(async (tx) => {
    await lockEditableDeclaration(tx, actor, declarationId);
    const { count } = await tx.declarationDocument.deleteMany({ where: { id: documentId, declarationId } });
    if (count === 0) throw new AppError('NOT_FOUND', 'The document was not found.');
    await bumpVersion(tx, declarationId, now);
    await writeAudit(tx, {
      actor,
      action: 'declaration.document.remove',
      entityType: 'Declaration',
      entityId: declarationId,
      data: { documentId },
      at: now,
    });
  });
}

/**
 * An uploaded file, for whoever may see its declaration: the trader's company, or an officer of the
 * declaration's post. Anyone else gets "not found".
 */
export async function readDeclarationFile(args: { actor: Actor; fileId: string }) {
  const { actor, fileId } = args;
  const scope =
    actor.role === 'TRADER' && actor.companyId
      ? { declaration: { companyId: actor.companyId } }
      : (actor.role === 'INSPECTOR' || actor.role === 'SUPERVISOR') && actor.postId
        ? { declaration: { postId: actor.postId, status: { not: 'DRAFT' as const } } }
        : null;
  if (!scope) throw new AppError('NOT_FOUND', 'The file was not found.');
  const document = await db.declarationDocument.findFirst({ where: { fileId, ...scope }, select: { file: true } });
  if (!document?.file) throw new AppError('NOT_FOUND', 'The file was not found.');
  return document.file;
}
