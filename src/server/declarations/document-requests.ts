// Documents on request, the trader's side and the shared bookkeeping (the officer's request and
// cancellation are in ../officer/decisions/request-documents.ts). While any request of a declaration
// is open the officers' SLA clock stands still: `slaPausedSince` marks when the wait began, and the
// waited seconds are added to `slaPausedSeconds` when the last open request closes.
import { db, type Tx } from '../db';
import { assertTrader, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { assertAcceptableUpload, storeUpload, type Upload } from '../files';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { asDateColumn, dateColumnDay, serviceDate } from '@/lib/time';
import {
  ZRequestedDocument,
  canRequestDocuments,
  missingDocumentTypes,
  waitedSeconds,
} from '@/lib/declaration/document-requests';
import { bumpVersion, lockCompanyDeclaration } from './editing';

/** Stop the clock (the caller holds the declaration's row lock). A clock already stopped keeps its start. */
export async function pauseSlaClock(tx: Tx, declarationId: string, now: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Declaration" SET "slaPausedSince" = COALESCE("slaPausedSince", ${now})
    WHERE id = ${declarationId}::uuid`;
}

/** Start the clock again when no request of the declaration is open any more; returns the seconds just waited. */
export async function resumeSlaClockIfIdle(tx: Tx, declarationId: string, now: Date): Promise<number> {
  const open = await tx.documentRequest.count({ where: { declarationId, status: 'OPEN' } });
  if (open > 0) return 0;
  const d = await tx.declaration.findUniqueOrThrow({ where: { id: declarationId }, select: { slaPausedSince: true } });
  if (!d.slaPausedSince) return 0;
  const waited = waitedSeconds(d.slaPausedSince, now);
  await tx.declaration.update({
    where: { id: declarationId },
    data: { slaPausedSince: null, slaPausedSeconds: { increment: waited } },
  });
  return waited;
}

/**
 * Close the declaration's open requests when its life ends (refusal, withdrawal, release): nobody
 * can answer them any more. In the caller's transaction, under its row lock; audited when any closed.
 */
export async function closeOpenDocumentRequests(
  tx: Tx,
  args: { actor: Actor | null; declarationId: string; reason: string; now: Date },
): Promise<number> {
  const { actor, declarationId, reason, now } = args;
  const { count } = await tx.documentRequest.updateMany({
    where: { declarationId, status: 'OPEN' },
    data: { status: 'CANCELLED', closedAt: now, closedById: actor?.userId ?? null, closedReason: reason },
  });
  if (count === 0) return 0;
  await resumeSlaClockIfIdle(tx, declarationId, now);
  await writeAudit(tx, {
    actor,
    action: 'declaration.documents.request.close',
    entityType: 'Declaration',
    entityId: declarationId,
    data: { requests: count, reason },
    at: now,
  });
  return count;
}

/** The declaration's requests as its trader sees them, newest first, with the documents uploaded for each. */
export async function listDocumentRequestsForTrader(args: { actor: Actor; declarationId: string }) {
  const { actor, declarationId } = args;
  assertTrader(actor);
  const requests = await db.documentRequest.findMany({
    where: { declarationId, declaration: { companyId: actor.companyId } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      documentTypes: true,
      reason: true,
      dueDate: true,
      status: true,
      createdAt: true,
      closedAt: true,
      closedReason: true,
      documents: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, type: true, number: true, date: true, file: { select: { id: true, fileName: true } } },
      },
    },
  });
  return requests.map((r) => ({ ...r, dueDate: dateColumnDay(r.dueDate) }));
}

/**
 * The trader uploads one of the requested documents (type, number, date and its file). When every
 * requested document has been uploaded the request is fulfilled and, if no other request is open,
 * the SLA clock starts again. Another company's declaration, or a request that is not the
 * declaration's, is "not found"; a request already closed is a 409; nothing is written on refusal.
 */
export async function uploadRequestedDocument(args: {
  actor: Actor;
  declarationId: string;
  requestId: string;
  input: unknown;
  file: Upload | null;
  now: Date;
}): Promise<{ id: string; isFulfilled: boolean }> {
  const { actor, declarationId, requestId, file, now } = args;
  assertTrader(actor);
  const input = parseOrThrow(ZRequestedDocument, args.input);
  if (input.date > serviceDate(now))
    throw new AppError('VALIDATION', 'There is a problem with the information you entered.', [
      { path: 'date', message: 'The date of the document cannot be in the future' },
    ]);
  if (!file)
    throw new AppError('VALIDATION', 'There is a problem with the information you entered.', [
      { path: 'file', message: 'Choose the file of the document' },
    ]);
  assertAcceptableUpload(file);
  return db.$transaction(async (tx) => {
    const row = await lockCompanyDeclaration(tx, actor, declarationId);
    const request = await tx.documentRequest.findFirst({
      where: { id: requestId, declarationId },
      select: { id: true, status: true, documentTypes: true },
    });
    if (!request) throw new AppError('NOT_FOUND', 'The request for documents was not found.');
    if (request.status !== 'OPEN' || !canRequestDocuments(row.status))
      throw new AppError('CONFLICT', 'Customs no longer waits for these documents.');
    if (!request.documentTypes.includes(input.type))
      throw new AppError('VALIDATION', 'There is a problem with the information you entered.', [
        { path: 'type', message: 'Choose one of the documents customs asked for' },
      ]);
    const stored = await storeUpload(tx, { actor, file, now });
    const document = await tx.declarationDocument.create({
      data: {
        declarationId,
        requestId,
        type: input.type,
        number: input.number,
        date: asDateColumn(input.date),
        fileId: stored.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'declaration.documents.upload',
      entityType: 'Declaration',
      entityId: declarationId,
      data: { requestId, documentId: document.id, type: input.type },
      at: now,
    });
    const uploaded = await tx.declarationDocument.findMany({ where: { requestId }, select: { type: true } });
    const isFulfilled =
      missingDocumentTypes(
        request.documentTypes,
        uploaded.map((d) => d.type),
      ).length === 0;
    if (isFulfilled) {
      await tx.documentRequest.update({
        where: { id: requestId },
        data: { status: 'FULFILLED', closedAt: now, closedById: actor.userId },
      });
      const waited = await resumeSlaClockIfIdle(tx, declarationId, now);
      await writeAudit(tx, {
        actor,
        action: 'declaration.documents.request.fulfil',
        entityType: 'Declaration',
        entityId: declarationId,
        data: { requestId, waitedSeconds: waited },
        at: now,
      });
    }
    await bumpVersion(tx, declarationId, now);
    return { id: document.id, isFulfilled };
  });
}
