import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '@/src/server/db';
import { createDeclarationDraft, deleteDraft } from '@/src/server/declarations/drafts';
import { autosaveDraftStep } from '@/src/server/declarations/autosave';
import { addDocument } from '@/src/server/declarations/documents';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { listCompanyDeclarations } from '@/src/server/declarations/read';
import { uploadRequestedDocument, listDocumentRequestsForTrader } from '@/src/server/declarations/document-requests';
import { requestDocuments, cancelDocumentRequest, refuseDeclaration } from '@/src/server/officer/decisions';
import { listWorkQueue, getDeclarationForOfficer } from '@/src/server/officer/queue';
import { ZDeclarationListQuery } from '@/lib/declaration/list-query';
import { AppError } from '@/lib/errors';
import { serviceDate } from '@/lib/time';
import { addDays } from '@/lib/declaration/document-requests';
import type { Actor } from '@/src/server/actor';
import {
  aPost,
  aTrader,
  anInspector,
  aDraftInput,
  actorOf,
  aUser,
  aRegisteredDeclaration,
  anInspectedPost,
} from '../support/factories';
import { NOW } from '../support/clock';

async function failure(promise: Promise<unknown>, code: AppError['code']) {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, 'expected an AppError').toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

const pdf = (name = 'invoice.pdf') => ({
  fileName: name,
  bytes: new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')),
});
const audits = (entityId: string, action?: string) =>
  db.auditEntry.findMany({ where: { entityId, ...(action ? { action } : {}) }, orderBy: { id: 'asc' } });
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

/** Everything a draft has in the database, to prove a refused call wrote nothing. */
async function snapshot(declarationId: string) {
  return {
    declaration: await db.declaration.findUnique({ where: { id: declarationId } }),
    items: await db.declarationItem.count({ where: { declarationId } }),
    documents: await db.declarationDocument.count({ where: { declarationId } }),
    events: await db.declarationStatusEvent.count({ where: { declarationId } }),
    audits: (await audits(declarationId)).length,
  };
}

describe('deleting a draft', () => {
  it('deletes the owner’s draft with its items, documents, events and files, and leaves an audit entry', async () => {
    const post = await aPost();
    const trader = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    await addDocument({
      actor: trader,
      declarationId: id,
      input: { type: 'CONTRACT', number: 'C-1', date: '2026-11-01' },
      file: pdf('contract.pdf'),
      now: NOW,
    });
    const fileId = (await db.declarationDocument.findFirstOrThrow({ where: { declarationId: id, type: 'CONTRACT' } }))
      .fileId!;
    // A colleague of the same company may delete it too: the draft is the company's.
    const colleague = await aTrader({ companyId: trader.companyId! });
    const later = minutes(NOW, 5);
    await deleteDraft({ actor: colleague, declarationId: id, now: later });

    expect(await snapshot(id)).toEqual({ declaration: null, items: 0, documents: 0, events: 0, audits: 3 });
    expect(await db.storedFile.findUnique({ where: { id: fileId } })).toBeNull();
    const [entry] = await audits(id, 'declaration.draft.delete');
    expect(entry).toMatchObject({
      actorId: colleague.userId,
      actorRole: 'TRADER',
      entityType: 'Declaration',
      at: later,
    });
    expect(entry.data).toMatchObject({
      regime: 'IM40',
      consignorName: 'Shenzhen Tech Ltd',
      items: 2,
      firstItem: '8471300000 Laptops',
      invoiceTotal: '10000.00',
      invoiceCurrency: 'USD',
      files: 1,
    });
  });

  it('another company’s draft is not found, and nothing is written', async () => {
    const post = await aPost();
    const owner = await aTrader();
    const stranger = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: owner,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    const before = await snapshot(id);
    await failure(deleteDraft({ actor: stranger, declarationId: id, now: NOW }), 'NOT_FOUND');
    await failure(deleteDraft({ actor: stranger, declarationId: randomUUID(), now: NOW }), 'NOT_FOUND');
    const officer = await anInspector(post.id);
    await failure(deleteDraft({ actor: officer, declarationId: id, now: NOW }), 'FORBIDDEN');
    expect(await snapshot(id)).toEqual(before);
  });

  it('only a draft: a submitted declaration is a conflict and stays whole', async () => {
    const post = await anInspectedPost();
    const trader = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    const before = await snapshot(id);
    const e = await failure(deleteDraft({ actor: trader, declarationId: id, now: NOW }), 'CONFLICT');
    expect(e.message).toMatch(/withdrawn instead/);
    expect(await snapshot(id)).toEqual(before);
  });

  it('writes its audit entry in the same transaction: when the entry cannot be written, the draft stays', async () => {
    const post = await aPost();
    const trader = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    const before = await snapshot(id);
    const name = `test_refuse_audit_${id.replaceAll('-', '')}`;
    // Refuses this one draft's deletion entry only (other test files share the database).
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN IF NEW."entityId" = '${id}' AND NEW.action = 'declaration.draft.delete' THEN RAISE EXCEPTION 'audit refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${name} BEFORE INSERT ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION ${name}()`,
    );
    try {
      await expect(deleteDraft({ actor: trader, declarationId: id, now: NOW })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "AuditEntry"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it('the account list tells drafts apart: consignor, first item, count, total and last change', async () => {
    const post = await aPost();
    const trader = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    await autosaveDraftStep({
      actor: trader,
      input: { declarationId: id, step: 'parties', fields: { consignorName: 'Almaty Trade LLP' } },
      now: minutes(NOW, 30),
    });
    const list = await listCompanyDeclarations({ actor: trader, query: ZDeclarationListQuery.parse({}) });
    const row = list.rows.find((r) => r.id === id)!;
    expect(row).toMatchObject({
      status: 'DRAFT',
      consignorName: 'Almaty Trade LLP',
      consignorCountry: 'CN',
      items: [{ hsCode: '8471300000', description: 'Laptops' }],
      _count: { items: 2 },
      invoiceCurrency: 'USD',
      updatedAt: minutes(NOW, 30),
    });
    expect(row.invoiceTotal?.toFixed(2)).toBe('10000.00');
  });
});

describe('autosave of a draft step', () => {
  it('saves the valid fields, clears the blank ones, keeps a refused value as stored, and audits', async () => {
    const post = await aPost();
    const trader = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    const result = await autosaveDraftStep({
      actor: trader,
      input: {
        declarationId: id,
        step: 'transport',
        fields: { transportDocument: 'CMR 99', invoiceCurrency: 'DOLLARS', freight: '', incoterm: 'cif' },
      },
      now: minutes(NOW, 1),
    });
    expect(result).toEqual({
      savedAt: minutes(NOW, 1).toISOString(),
      notSaved: [
        { path: 'invoiceCurrency', message: 'The invoice currency must be an ISO 4217 currency code, like USD or EUR' },
      ],
    });
    const d = await db.declaration.findUniqueOrThrow({ where: { id } });
    expect(d).toMatchObject({ transportDocument: 'CMR 99', invoiceCurrency: 'USD', freight: null, incoterm: 'CIF' });
    const [entry] = await audits(id, 'declaration.draft.autosave');
    expect(entry.data).toEqual({
      step: 'transport',
      saved: ['freight', 'incoterm', 'transportDocument'],
      notSaved: ['invoiceCurrency'],
    });
  });

  it('a post that is not open is not saved; another company’s draft is not found; a submitted one is a conflict', async () => {
    const post = await anInspectedPost();
    const trader = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    const refused = await autosaveDraftStep({
      actor: trader,
      input: { declarationId: id, step: 'parties', fields: { postCode: '00000' } },
      now: NOW,
    });
    expect(refused).toEqual({
      savedAt: null,
      notSaved: [{ path: 'postCode', message: 'Choose a customs post from the list' }],
    });
    const before = await snapshot(id);
    const fields = { consignorName: 'Someone else' };
    await failure(
      autosaveDraftStep({ actor: await aTrader(), input: { declarationId: id, step: 'parties', fields }, now: NOW }),
      'NOT_FOUND',
    );
    expect(await snapshot(id)).toEqual(before);
    await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    await failure(
      autosaveDraftStep({ actor: trader, input: { declarationId: id, step: 'parties', fields }, now: NOW }),
      'CONFLICT',
    );
    expect((await db.declaration.findUniqueOrThrow({ where: { id } })).consignorName).toBe('Shenzhen Tech Ltd');
  });
});

/** A yellow declaration registered at `registeredAt` and assigned to an inspector of its post (a new one unless given). */
async function anAssignedDeclaration(
  registeredAt: Date = NOW,
  at?: { post: { id: string; code: string }; inspector: Actor },
) {
  const post = at?.post ?? (await aPost());
  const inspector = at?.inspector ?? (await anInspector(post.id));
  const trader = await aTrader();
  const d = await aRegisteredDeclaration({
    companyId: trader.companyId!,
    createdById: trader.userId,
    post,
    registeredAt,
    items: [{ hsCode: '5201000000', quantity: '1000', supplementaryUnit: 'KG' }],
  });
  await db.declaration.update({ where: { id: d.id }, data: { channel: 'YELLOW' } });
  await db.assignment.create({
    data: { declarationId: d.id, postId: post.id, inspectorId: inspector.userId, assignedAt: registeredAt },
  });
  return { post, inspector, trader, id: d.id };
}

const version = async (id: string) => (await db.declaration.findUniqueOrThrow({ where: { id } })).version;
const today = serviceDate(NOW);
const aRequest = async (id: string, overrides: Record<string, unknown> = {}) => ({
  expectedVersion: await version(id),
  documentTypes: ['INVOICE', 'CONTRACT'],
  reason: 'The invoice does not match the contract price',
  dueDate: addDays(today, 5),
  ...overrides,
});

async function requestState(id: string) {
  return {
    requests: await db.documentRequest.count({ where: { declarationId: id } }),
    declaration: await db.declaration.findUniqueOrThrow({ where: { id } }),
    audits: (await audits(id)).length,
  };
}

describe('documents on request', () => {
  it('the assigned inspector asks for documents: the request is open, the clock stops, and it is audited', async () => {
    const { inspector, trader, id } = await anAssignedDeclaration();
    const at = minutes(NOW, 10);
    const { id: requestId } = await requestDocuments({
      actor: inspector,
      declarationId: id,
      input: await aRequest(id),
      now: at,
    });
    const request = await db.documentRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({
      status: 'OPEN',
      documentTypes: ['INVOICE', 'CONTRACT'],
      requestedById: inspector.userId,
      createdAt: at,
    });
    const d = await db.declaration.findUniqueOrThrow({ where: { id } });
    expect(d).toMatchObject({ status: 'ASSIGNED', slaPausedSince: at, slaPausedSeconds: 0, version: 1 });
    const [entry] = await audits(id, 'declaration.documents.request');
    expect(entry).toMatchObject({ actorId: inspector.userId, at });
    expect(entry.data).toMatchObject({ requestId, documentTypes: ['INVOICE', 'CONTRACT'], dueDate: addDays(today, 5) });
    // The trader sees it on the declaration.
    expect((await listDocumentRequestsForTrader({ actor: trader, declarationId: id })).map((r) => r.id)).toEqual([
      requestId,
    ]);
    expect(await listDocumentRequestsForTrader({ actor: await aTrader(), declarationId: id })).toEqual([]);
  });

  it('only the assigned inspector or a supervisor of the post may ask; nobody else writes anything', async () => {
    const { post, id } = await anAssignedDeclaration();
    const before = await requestState(id);
    const colleague = await anInspector(post.id);
    await failure(
      requestDocuments({ actor: colleague, declarationId: id, input: await aRequest(id), now: NOW }),
      'FORBIDDEN',
    );
    const elsewhere = await anInspector((await aPost()).id);
    await failure(
      requestDocuments({ actor: elsewhere, declarationId: id, input: await aRequest(id), now: NOW }),
      'NOT_FOUND',
    );
    const otherSupervisor = actorOf(await aUser({ role: 'SUPERVISOR', postId: (await aPost()).id }));
    await failure(
      requestDocuments({ actor: otherSupervisor, declarationId: id, input: await aRequest(id), now: NOW }),
      'NOT_FOUND',
    );
    await failure(
      requestDocuments({ actor: await aTrader(), declarationId: id, input: await aRequest(id), now: NOW }),
      'FORBIDDEN',
    );
    expect(await requestState(id)).toEqual(before);
    const supervisor = actorOf(await aUser({ role: 'SUPERVISOR', postId: post.id }));
    await requestDocuments({ actor: supervisor, declarationId: id, input: await aRequest(id), now: NOW });
    expect((await requestState(id)).requests).toBe(1);
  });

  it('only on a registered declaration that is not final', async () => {
    const post = await aPost();
    const trader = await aTrader();
    const supervisor = actorOf(await aUser({ role: 'SUPERVISOR', postId: post.id }));
    const { id: draftId } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    await failure(
      requestDocuments({ actor: supervisor, declarationId: draftId, input: await aRequest(draftId), now: NOW }),
      'NOT_FOUND',
    );
    for (const status of ['RELEASED', 'REFUSED', 'WITHDRAWN', 'ASSESSED'] as const) {
      const { id, post: itsPost } = await anAssignedDeclaration();
      await db.declaration.update({ where: { id }, data: { status } });
      const boss = actorOf(await aUser({ role: 'SUPERVISOR', postId: itsPost.id }));
      const before = await requestState(id);
      await failure(
        requestDocuments({ actor: boss, declarationId: id, input: await aRequest(id), now: NOW }),
        'CONFLICT',
      );
      expect(await requestState(id), status).toEqual(before);
    }
  });

  it('the due date is validated against today and named; a stale page is a conflict', async () => {
    const { inspector, id } = await anAssignedDeclaration();
    const before = await requestState(id);
    for (const [dueDate, message] of [
      [addDays(today, -1), 'The due date cannot be in the past'],
      [addDays(today, 31), `The due date can be at most 30 days ahead (${addDays(today, 30)} at the latest)`],
      ['2026-02-30', 'The due date must be a real date, like 2026-12-05'],
      ['', 'Enter the due date'],
    ]) {
      const e = await failure(
        requestDocuments({ actor: inspector, declarationId: id, input: await aRequest(id, { dueDate }), now: NOW }),
        'VALIDATION',
      );
      expect(e.fieldErrors).toEqual([{ path: 'dueDate', message }]);
    }
    await failure(
      requestDocuments({
        actor: inspector,
        declarationId: id,
        input: await aRequest(id, { expectedVersion: 7 }),
        now: NOW,
      }),
      'CONFLICT',
    );
    expect(await requestState(id)).toEqual(before);
    await requestDocuments({
      actor: inspector,
      declarationId: id,
      input: await aRequest(id, { dueDate: today }),
      now: NOW,
    });
  });

  it('the trader of the owning company uploads; the request is fulfilled when every document is in, and the clock resumes', async () => {
    const { inspector, trader, id } = await anAssignedDeclaration();
    const asked = minutes(NOW, 10);
    const { id: requestId } = await requestDocuments({
      actor: inspector,
      declarationId: id,
      input: await aRequest(id),
      now: asked,
    });
    const upload = (actor: Actor, input: Record<string, string>, file = pdf(), now = minutes(NOW, 70)) =>
      uploadRequestedDocument({ actor, declarationId: id, requestId, input, file, now });
    const invoice = { type: 'INVOICE', number: 'INV-7', date: '2026-11-20' };

    const before = await requestState(id);
    await failure(upload(await aTrader(), invoice), 'NOT_FOUND');
    await failure(upload(inspector, invoice), 'FORBIDDEN');
    expect((await failure(upload(trader, { ...invoice, type: 'PACKING_LIST' }), 'VALIDATION')).fieldErrors).toEqual([
      { path: 'type', message: 'Choose one of the documents customs asked for' },
    ]);
    expect((await failure(upload(trader, { ...invoice, date: '2026-12-30' }), 'VALIDATION')).fieldErrors).toEqual([
      { path: 'date', message: 'The date of the document cannot be in the future' },
    ]);
    expect(
      (
        await failure(
          uploadRequestedDocument({
            actor: trader,
            declarationId: id,
            requestId,
            input: invoice,
            file: null,
            now: NOW,
          }),
          'VALIDATION',
        )
      ).fieldErrors,
    ).toEqual([{ path: 'file', message: 'Choose the file of the document' }]);
    await failure(
      uploadRequestedDocument({
        actor: trader,
        declarationId: id,
        requestId: randomUUID(),
        input: invoice,
        file: pdf(),
        now: NOW,
      }),
      'NOT_FOUND',
    );
    expect(await requestState(id)).toEqual(before);
    expect(await db.declarationDocument.count({ where: { declarationId: id } })).toBe(0);

    // One of two: still waiting, the clock still stopped.
    expect(await upload(trader, invoice)).toMatchObject({ isFulfilled: false });
    expect(await db.declaration.findUniqueOrThrow({ where: { id } })).toMatchObject({ slaPausedSince: asked });
    // The second: fulfilled, and the 4 hours waited are set aside.
    const done = minutes(NOW, 250);
    expect(
      await upload(trader, { type: 'CONTRACT', number: 'C-7', date: '2026-11-01' }, pdf('c.pdf'), done),
    ).toMatchObject({
      isFulfilled: true,
    });
    expect(await db.documentRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: 'FULFILLED',
      closedAt: done,
      closedById: trader.userId,
    });
    expect(await db.declaration.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'ASSIGNED',
      slaPausedSince: null,
      slaPausedSeconds: 240 * 60,
    });
    expect((await audits(id)).map((a) => a.action)).toEqual([
      'declaration.documents.request',
      'declaration.documents.upload',
      'declaration.documents.upload',
      'declaration.documents.request.fulfil',
    ]);
    expect((await audits(id, 'declaration.documents.request.fulfil'))[0].data).toEqual({
      requestId,
      waitedSeconds: 14_400,
    });
    // The officer sees the documents, under the request, with their files.
    const view = await getDeclarationForOfficer({ actor: inspector, declarationId: id, now: done });
    expect(view.declaration.documents.map((d) => [d.type, d.number, d.file?.fileName])).toEqual([
      ['INVOICE', 'INV-7', 'invoice.pdf'],
      ['CONTRACT', 'C-7', 'c.pdf'],
    ]);
    expect(view.declaration.documentRequests[0]).toMatchObject({ status: 'FULFILLED' });
    // 250 minutes since registration, 240 of them waiting for the trader.
    expect(view.sla).toMatchObject({ elapsedMinutes: 10, isPaused: false });
    // A fulfilled request takes no more uploads.
    await failure(upload(trader, invoice), 'CONFLICT');
  });

  it('the queue’s SLA clock and its overdue filter leave out the time waited for documents', async () => {
    const registeredAt = new Date(NOW.getTime() - 10 * 86_400_000);
    const waiting = await anAssignedDeclaration(registeredAt);
    const twin = await anAssignedDeclaration(registeredAt, waiting);
    const asked = minutes(registeredAt, 10);
    const dueDate = addDays(serviceDate(asked), 3);
    const { id: requestId } = await requestDocuments({
      actor: waiting.inspector,
      declarationId: waiting.id,
      input: await aRequest(waiting.id, { dueDate }),
      now: asked,
    });
    const rowOf = async (who: { inspector: Actor; id: string }, now: Date, query = {}) =>
      (await listWorkQueue({ actor: who.inspector, query, now })).rows.find((r) => r.declaration.id === who.id);

    // Ten days on, the twin is long overdue; the one waiting for documents still reads 10 minutes.
    expect((await rowOf(twin, NOW))!.sla).toMatchObject({ elapsedMinutes: 14_400, isOverdue: true, isPaused: false });
    const paused = (await rowOf(waiting, NOW))!.sla;
    expect(paused).toMatchObject({ elapsedMinutes: 10, isOverdue: false, isPaused: true });
    expect(await rowOf(twin, NOW, { overdue: 'yes' })).toBeDefined();
    expect(await rowOf(waiting, NOW, { overdue: 'yes' })).toBeUndefined();

    // The officer withdraws the request (its due date long past): the clock runs again from 10 minutes.
    await cancelDocumentRequest({
      actor: waiting.inspector,
      declarationId: waiting.id,
      requestId,
      expectedVersion: await version(waiting.id),
      now: NOW,
    });
    const target = paused.targetMinutes!;
    const justBefore = minutes(NOW, target - 10);
    const after = minutes(NOW, target - 10 + 2);
    expect((await rowOf(waiting, justBefore))!.sla).toMatchObject({ elapsedMinutes: target, isOverdue: false });
    expect(await rowOf(waiting, justBefore, { overdue: 'yes' })).toBeUndefined();
    expect((await rowOf(waiting, after))!.sla).toMatchObject({ elapsedMinutes: target + 2, isOverdue: true });
    expect(await rowOf(waiting, after, { overdue: 'yes' })).toBeDefined();
    expect((await audits(waiting.id, 'declaration.documents.request.cancel'))[0]).toMatchObject({
      actorId: waiting.inspector.userId,
    });
    // The SLA sort puts the least time left first: the twin, overdue, before the one that waited.
    const sorted = (await listWorkQueue({ actor: waiting.inspector, query: { sort: 'sla' }, now: NOW })).rows;
    expect(sorted.map((r) => r.declaration.id)).toEqual([twin.id, waiting.id]);
  });

  it('a refusal closes the open requests and the clock stops waiting', async () => {
    const { inspector, trader, id } = await anAssignedDeclaration();
    const { id: requestId } = await requestDocuments({
      actor: inspector,
      declarationId: id,
      input: await aRequest(id),
      now: NOW,
    });
    await refuseDeclaration({
      actor: inspector,
      declarationId: id,
      expectedVersion: await version(id),
      reason: 'No documents, no release',
      now: minutes(NOW, 60),
    });
    expect(await db.documentRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: 'CANCELLED',
      closedReason: 'The declaration was refused',
    });
    expect(await db.declaration.findUniqueOrThrow({ where: { id } })).toMatchObject({
      slaPausedSince: null,
      slaPausedSeconds: 3600,
    });
    await failure(
      uploadRequestedDocument({
        actor: trader,
        declarationId: id,
        requestId,
        input: { type: 'INVOICE', number: 'INV-8', date: '2026-11-20' },
        file: pdf(),
        now: minutes(NOW, 61),
      }),
      'CONFLICT',
    );
  });
});
