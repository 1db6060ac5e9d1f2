// The officer asks the trader for documents without sending the declaration back for amendment
// (which documents, why, by when), and may withdraw the request. The declaration keeps its status;
// the SLA clock stands still while a request is open (../../declarations/document-requests.ts).
import { db } from '../../db';
import { assertOfficer, type Actor } from '../../actor';
import { writeAudit } from '../../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { asDateColumn, serviceDate } from '@/lib/time';
import { ZDocumentRequest, canRequestDocuments, dueDateProblem } from '@/lib/declaration/document-requests';
import { pauseSlaClock, resumeSlaClockIfIdle } from '../../declarations/document-requests';
import { lockForDecision } from './lock';

/**
 * Only the assigned inspector or a supervisor of the post, on a registered declaration in the
 * officers' work (lib `canRequestDocuments`); the due date from today to 30 days ahead.
 */
export async function requestDocuments(args: {
  actor: Actor;
  declarationId: string;
  input: unknown;
  now: Date;
}): Promise<{ id: string }> {
  const { actor, declarationId, now } = args;
  assertOfficer(actor);
  const input = parseOrThrow(ZDocumentRequest, args.input);
  const problem = dueDateProblem(input.dueDate, serviceDate(now));
  if (problem)
    throw new AppError('VALIDATION', 'There is a problem with the information you entered.', [
      { path: 'dueDate', message: problem },
    ]);
  return db.$transaction(async (tx) => {
    const row = await lockForDecision(tx, actor, declarationId, input.expectedVersion);
    if (!canRequestDocuments(row.status))
      throw new AppError(
        'CONFLICT',
        'Documents can be requested only on a registered declaration that is in the officers’ work.',
      );
    const request = await tx.documentRequest.create({
      data: {
        declarationId,
        requestedById: actor.userId,
        documentTypes: input.documentTypes,
        reason: input.reason,
        dueDate: asDateColumn(input.dueDate),
        createdAt: now,
      },
      select: { id: true },
    });
    await pauseSlaClock(tx, declarationId, now);
    await tx.declaration.update({ where: { id: declarationId }, data: { version: { increment: 1 } } });
    await writeAudit(tx, {
      actor,
      action: 'declaration.documents.request',
      entityType: 'Declaration',
      entityId: declarationId,
      data: { requestId: request.id, documentTypes: input.documentTypes, dueDate: input.dueDate, reason: input.reason },
      at: now,
    });
    return request;
  });
}

/** Withdraw an open request (e.g. after its due date passed): the clock starts again if no other is open. */
export async function cancelDocumentRequest(args: {
  actor: Actor;
  declarationId: string;
  requestId: string;
  expectedVersion: number;
  now: Date;
}): Promise<void> {
  const { actor, declarationId, requestId, now } = args;
  assertOfficer(actor);
  await db.$transaction(async (tx) => {
    await lockForDecision(tx, actor, declarationId, args.expectedVersion);
    const request = await tx.documentRequest.findFirst({
      where: { id: requestId, declarationId },
      select: { status: true },
    });
    if (!request) throw new AppError('NOT_FOUND', 'The request for documents was not found.');
    if (request.status !== 'OPEN') throw new AppError('CONFLICT', 'This request for documents is already closed.');
    await tx.documentRequest.update({
      where: { id: requestId },
      data: { status: 'CANCELLED', closedAt: now, closedById: actor.userId, closedReason: 'Withdrawn by the officer' },
    });
    const waited = await resumeSlaClockIfIdle(tx, declarationId, now);
    await tx.declaration.update({ where: { id: declarationId }, data: { version: { increment: 1 } } });
    await writeAudit(tx, {
      actor,
      action: 'declaration.documents.request.cancel',
      entityType: 'Declaration',
      entityId: declarationId,
      data: { requestId, waitedSeconds: waited },
      at: now,
    });
  });
}
