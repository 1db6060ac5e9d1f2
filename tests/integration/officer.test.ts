import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '@/src/server/db';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { amountDue } from '@/src/server/declarations/read';
import { recordDocumentCheck, recordExamination, adjustItem, decideAdjustment, releaseByOfficer, refuseDeclaration, holdDeclaration, resumeDeclaration } from '@/src/server/officer/decisions';
import { setOnDuty, reassignDeclaration } from '@/src/server/officer/duty';
import { listWorkQueue } from '@/src/server/officer/queue';
import { releaseNoteOf } from '@/src/server/documents/release-note';
import { AppError } from '@/lib/errors';
import { D } from '@/lib/money';
import type { Actor } from '@/src/server/actor';
import { aPost, aTrader, anInspector, aDraftInput, aForcedChannel, actorOf, aUser } from '../support/factories';
import { NOW } from '../support/clock';

async function failure(promise: Promise<unknown>, code: AppError['code']) {
  const e = await promise.then(() => null, (x: unknown) => x);
  expect(e, 'expected an AppError').toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

async function redPost() {
  const post = await aPost();
  await aForcedChannel(post.code, 'RED');
  const inspector = await anInspector(post.id);
  const supervisor = actorOf(await aUser({ role: 'SUPERVISOR', postId: post.id }));
  const supervisor2 = actorOf(await aUser({ role: 'SUPERVISOR', postId: post.id }));
  return { post, inspector, supervisor, supervisor2 };
}

/** Raw cotton needs no permit: only payments gate its release. */
const cotton = { hsCode: '5201000000', description: 'Raw cotton', originCountry: 'KZ', grossMass: '10100', netMass: '10000', quantity: '10000', supplementaryUnit: 'KG', invoiceValue: '10000.00' };

async function registered(postCode: string, options: { isPermitFree?: boolean } = {}) {
  const trader = await aTrader();
  const input = options.isPermitFree ? { ...aDraftInput({ postCode }), items: [cotton] } : aDraftInput({ postCode });
  const { id } = await createDeclarationDraft({ actor: trader, input, now: NOW });
  await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
  return { id, trader };
}

const version = async (id: string) => (await db.declaration.findUniqueOrThrow({ where: { id } })).version;

async function pay(declarationId: string, trader: Actor) {
  const due = await amountDue(declarationId);
  await db.payment.create({ data: { declarationId, companyId: trader.companyId!, idempotencyKey: randomUUID(), amount: due, status: 'COMPLETED', receiptNumber: `T-${randomUUID()}`, actorId: trader.userId, at: NOW } });
}

describe('officer decisions', () => {
  it('records a document check and an examination with the assessment that triggered them', async () => {
    const { post, inspector } = await redPost();
    const { id } = await registered(post.code);
    await recordDocumentCheck({ actor: inspector, declarationId: id, input: { expectedVersion: await version(id), findings: 'Invoice matches the contract', isHit: 'no' }, now: NOW });
    await recordExamination({ actor: inspector, declarationId: id, input: { expectedVersion: await version(id), findings: '52 laptops found instead of 50', isHit: 'yes', isCritical: 'no', discrepancyType: 'QUANTITY' }, now: NOW });
    const inspections = await db.inspection.findMany({ where: { declarationId: id }, orderBy: { at: 'asc' } });
    const assessment = await db.riskAssessment.findFirstOrThrow({ where: { declarationId: id } });
    expect(inspections.map((i) => [i.kind, i.isHit, i.riskAssessmentId])).toEqual([
      ['DOCUMENT_CHECK', false, assessment.id],
      ['PHYSICAL_EXAMINATION', true, assessment.id],
    ]);
    const bad = await failure(recordExamination({ actor: inspector, declarationId: id, input: { expectedVersion: await version(id), findings: 'x', isHit: 'yes', isCritical: 'no' }, now: NOW }), 'VALIDATION');
    expect(bad.fieldErrors.map((e) => e.path)).toEqual(['discrepancyType']);
  });

  it('refuses a decision on a declaration not assigned to the inspector (403) or on a stale page (409), writing nothing', async () => {
    const { post, inspector } = await redPost();
    const stranger = await anInspector(post.id, { isOnDuty: false });
    const { id } = await registered(post.code);
    const before = await db.auditEntry.count({ where: { entityId: id } });
    await failure(recordDocumentCheck({ actor: stranger, declarationId: id, input: { expectedVersion: await version(id), findings: 'x', isHit: 'no' }, now: NOW }), 'FORBIDDEN');
    const stale = await failure(recordDocumentCheck({ actor: inspector, declarationId: id, input: { expectedVersion: (await version(id)) - 1, findings: 'x', isHit: 'no' }, now: NOW }), 'CONFLICT');
    expect(stale.message).toMatch(/changed since you opened it/);
    expect(await db.inspection.count({ where: { declarationId: id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { entityId: id } })).toBe(before);
    const otherPostOfficer = await anInspector((await aPost()).id);
    await failure(releaseByOfficer({ actor: otherPostOfficer, declarationId: id, expectedVersion: await version(id), now: NOW }), 'NOT_FOUND');
  });

  it('applies a small adjustment at once, and holds a large one for another supervisor (four eyes)', async () => {
    const { post, inspector, supervisor, supervisor2 } = await redPost();
    const { id } = await registered(post.code);
    const dueBefore = new D(await amountDue(id));
    // Laptops are duty-free: a small value change moves only VAT and the fee.
    const small = await adjustItem({ actor: inspector, declarationId: id, input: { expectedVersion: await version(id), lineNo: 1, newInvoiceValue: '6100.00', reason: 'Freight invoice shows a higher price' }, now: NOW });
    expect(small.status).toBe('APPLIED');
    expect(new D(await amountDue(id)).minus(dueBefore).toFixed(2)).toBe(small.amountDelta);
    expect((await db.declarationItem.findFirstOrThrow({ where: { declarationId: id, lineNo: 1 } })).invoiceValue.toFixed(2)).toBe('6100.00');

    // Beer at five times the price: far above the 10 000 000 UZS limit.
    const large = await adjustItem({ actor: supervisor, declarationId: id, input: { expectedVersion: await version(id), lineNo: 2, newInvoiceValue: '20000.00', reason: 'Reference price of the brand' }, now: NOW });
    expect(large.status).toBe('PENDING');
    expect(new D(large.amountDelta).gt('10000000')).toBe(true);
    expect((await db.declarationItem.findFirstOrThrow({ where: { declarationId: id, lineNo: 2 } })).invoiceValue.toFixed(2)).toBe('4000.00');
    await failure(releaseByOfficer({ actor: inspector, declarationId: id, expectedVersion: await version(id), now: NOW }), 'CONFLICT');
    await failure(decideAdjustment({ actor: supervisor, adjustmentId: large.adjustmentId, isApproved: true, now: NOW }), 'FORBIDDEN');
    await failure(decideAdjustment({ actor: inspector, adjustmentId: large.adjustmentId, isApproved: true, now: NOW }), 'FORBIDDEN');
    const dueMid = new D(await amountDue(id));
    await decideAdjustment({ actor: supervisor2, adjustmentId: large.adjustmentId, isApproved: true, now: NOW });
    expect(new D(await amountDue(id)).minus(dueMid).toFixed(2)).toBe(large.amountDelta);
    const adjustment = await db.valueAdjustment.findUniqueOrThrow({ where: { id: large.adjustmentId } });
    expect(adjustment).toMatchObject({ status: 'APPLIED', decidedById: supervisor2.userId });
    await failure(decideAdjustment({ actor: supervisor2, adjustmentId: large.adjustmentId, isApproved: true, now: NOW }), 'CONFLICT');
  });

  it('releases only when the payments are settled, with a signed release note, once under parallel attempts', async () => {
    const { post, inspector } = await redPost();
    const { id, trader } = await registered(post.code, { isPermitFree: true });
    const unpaid = await failure(releaseByOfficer({ actor: inspector, declarationId: id, expectedVersion: await version(id), now: NOW }), 'CONFLICT');
    expect(unpaid.message).toMatch(/Payments of .* UZS are outstanding/);
    expect((await db.declaration.findUniqueOrThrow({ where: { id } })).status).toBe('ASSIGNED');
    await pay(id, trader);
    const v = await version(id);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => releaseByOfficer({ actor: inspector, declarationId: id, expectedVersion: v, now: NOW })));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (r.reason as Error).message);
    expect(results.filter((r) => r.status === "fulfilled"), rejected.join(" | ")).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('CONFLICT');
    const d = await db.declaration.findUniqueOrThrow({ where: { id } });
    expect(d.status).toBe('RELEASED');
    expect(await db.assignment.count({ where: { declarationId: id, closedAt: null } })).toBe(0);
    const note = await db.signedDocument.findFirstOrThrow({ where: { subjectId: id, kind: 'RELEASE_NOTE' } });
    expect(note.number).toBe(`RN/${d.registrationNumber}`);
    expect((note.payload as { officerNumber: string }).officerNumber).toMatch(/^T-/);
    // The release note is the trader's and the post's to read; nobody else's.
    expect((await releaseNoteOf({ actor: trader, declarationId: id })).number).toBe(note.number);
    expect((await releaseNoteOf({ actor: inspector, declarationId: id })).verificationUrl).toContain(`sig=${note.signature}`);
    await failure(releaseNoteOf({ actor: await aTrader(), declarationId: id }), 'NOT_FOUND');
  });

  it('refuses to release while a permit of an item is missing, saying which', async () => {
    const { post, inspector } = await redPost();
    const { id, trader } = await registered(post.code);
    await pay(id, trader);
    const e = await failure(releaseByOfficer({ actor: inspector, declarationId: id, expectedVersion: await version(id), now: NOW }), 'CONFLICT');
    expect(e.message).toContain('Item 1: STD-COC');
    expect(e.fieldErrors.map((f) => f.path)).toEqual(['items.0.permits', 'items.1.permits']);
    expect((await db.declaration.findUniqueOrThrow({ where: { id } })).status).toBe('ASSIGNED');
  });

  it('refuses with a reason, holds and resumes', async () => {
    const { post, inspector } = await redPost();
    const a = await registered(post.code);
    await holdDeclaration({ actor: inspector, declarationId: a.id, expectedVersion: await version(a.id), reason: 'Waiting for the laboratory', now: NOW });
    expect((await db.declaration.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('ON_HOLD');
    await resumeDeclaration({ actor: inspector, declarationId: a.id, expectedVersion: await version(a.id), reason: 'Laboratory result in', now: NOW });
    await failure(refuseDeclaration({ actor: inspector, declarationId: a.id, expectedVersion: await version(a.id), reason: '  ', now: NOW }), 'VALIDATION');
    await refuseDeclaration({ actor: inspector, declarationId: a.id, expectedVersion: await version(a.id), reason: 'Goods prohibited for import', now: NOW });
    const d = await db.declaration.findUniqueOrThrow({ where: { id: a.id } });
    expect(d).toMatchObject({ status: 'REFUSED', currentReason: 'Goods prohibited for import' });
    expect(await db.assignment.count({ where: { declarationId: a.id, closedAt: null } })).toBe(0);
  });
});

describe('distribution', () => {
  it('waits in the pool while nobody is on duty, and goes to the first inspector who comes on duty', async () => {
    const post = await aPost();
    await aForcedChannel(post.code, 'YELLOW');
    const late = await anInspector(post.id, { isOnDuty: false });
    const { id } = await registered(post.code);
    expect((await db.assignment.findFirstOrThrow({ where: { declarationId: id, closedAt: null } })).inspectorId).toBeNull();
    const { fromPool } = await setOnDuty({ actor: late, isOnDuty: true, now: NOW });
    expect(fromPool).toBe(1);
    const open = await db.assignment.findMany({ where: { declarationId: id, closedAt: null } });
    expect(open.map((a) => a.inspectorId)).toEqual([late.userId]);
    expect((await listWorkQueue({ actor: late, now: NOW })).rows.map((r) => r.declaration.id)).toEqual([id]);
  });

  it('lets a supervisor reassign with a recorded reason; an inspector cannot', async () => {
    const { post, inspector, supervisor } = await redPost();
    const other = await anInspector(post.id, { isOnDuty: false });
    const { id } = await registered(post.code);
    await failure(reassignDeclaration({ actor: inspector, declarationId: id, input: { inspectorId: other.userId, reason: 'x' }, now: NOW }), 'FORBIDDEN');
    await failure(reassignDeclaration({ actor: supervisor, declarationId: id, input: { inspectorId: other.userId, reason: '' }, now: NOW }), 'VALIDATION');
    await reassignDeclaration({ actor: supervisor, declarationId: id, input: { inspectorId: other.userId, reason: 'Specialist in electronics' }, now: NOW });
    const open = await db.assignment.findFirstOrThrow({ where: { declarationId: id, closedAt: null } });
    expect(open).toMatchObject({ inspectorId: other.userId, assignedById: supervisor.userId, reason: 'Specialist in electronics' });
  });

  it('shows the SLA clock and filters the overdue', async () => {
    const { post, inspector } = await redPost();
    const { id } = await registered(post.code);
    const later = new Date(NOW.getTime() + 3000 * 60_000); // red target: 2 880 minutes
    const queue = await listWorkQueue({ actor: inspector, now: later });
    const row = queue.rows.find((r) => r.declaration.id === id)!;
    expect(row.sla).toEqual({ elapsedMinutes: 3000, targetMinutes: 2880, isOverdue: true });
    expect((await listWorkQueue({ actor: inspector, query: { overdue: 'yes' }, now: NOW })).rows.map((r) => r.declaration.id)).not.toContain(id);
    expect((await listWorkQueue({ actor: inspector, query: { overdue: 'yes' }, now: later })).rows.map((r) => r.declaration.id)).toContain(id);
  });
});
