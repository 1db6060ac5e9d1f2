import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '@/src/server/db';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { amountDue } from '@/src/server/declarations/read';
import {
  recordDocumentCheck,
  recordExamination,
  adjustItem,
  decideAdjustment,
  releaseByOfficer,
  refuseDeclaration,
  holdDeclaration,
  resumeDeclaration,
  requestAmendment,
} from '@/src/server/officer/decisions';
import { setOnDuty, reassignDeclaration } from '@/src/server/officer/duty';
import { listWorkQueue, listPendingAdjustments } from '@/src/server/officer/queue';
import { withdrawDeclaration } from '@/src/server/declarations/lifecycle';
import { releaseNoteOf } from '@/src/server/documents/release-note';
import { AppError } from '@/lib/errors';
import { D } from '@/lib/money';
import type { Actor } from '@/src/server/actor';
import {
  aPost,
  aTrader,
  anInspector,
  aDraftInput,
  aForcedChannel,
  actorOf,
  aUser,
  payInFull,
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

/**
 * An on-duty inspector with a service number short enough for the release note (at most 20
 * characters; the factory's grows with its counter).
 */
async function anInspectorWhoReleases(postId: string) {
  const inspector = await anInspector(postId);
  await db.user.update({ where: { id: inspector.userId }, data: { officerNumber: `T-${randomUUID().slice(0, 13)}` } });
  return inspector;
}

async function redPost() {
  const post = await aPost();
  await aForcedChannel(post.code, 'RED');
  const inspector = await anInspectorWhoReleases(post.id);
  const supervisor = actorOf(await aUser({ role: 'SUPERVISOR', postId: post.id }));
  const supervisor2 = actorOf(await aUser({ role: 'SUPERVISOR', postId: post.id }));
  return { post, inspector, supervisor, supervisor2 };
}

/** Raw cotton needs no permit: only payments gate its release. */
const cotton = {
  hsCode: '5201000000',
  description: 'Raw cotton',
  originCountry: 'KZ',
  grossMass: '10100',
  netMass: '10000',
  quantity: '10000',
  supplementaryUnit: 'KG',
  invoiceValue: '10000.00',
};

async function registered(postCode: string, options: { isPermitFree?: boolean } = {}) {
  const trader = await aTrader();
  const input = options.isPermitFree ? { ...aDraftInput({ postCode }), items: [cotton] } : aDraftInput({ postCode });
  const { id } = await createDeclarationDraft({ actor: trader, input, now: NOW });
  await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
  return { id, trader };
}

const version = async (id: string) => (await db.declaration.findUniqueOrThrow({ where: { id } })).version;

async function pay(declarationId: string, trader: Actor) {
  await payInFull({ trader, declarationId, now: NOW });
}

/** A physical examination without a discrepancy: what the red channel calls for before release. */
async function examine(
  inspector: Actor,
  declarationId: string,
  outcome: { isHit: 'yes' | 'no'; discrepancyType?: string } = { isHit: 'no' },
) {
  await recordExamination({
    actor: inspector,
    declarationId,
    input: {
      expectedVersion: await version(declarationId),
      findings: outcome.isHit === 'yes' ? 'Discrepancy found' : 'Goods as declared',
      isCritical: 'no',
      ...outcome,
    },
    now: NOW,
  });
}

describe('officer decisions', () => {
  it('records a document check and an examination with the assessment that triggered them', async () => {
    const { post, inspector } = await redPost();
    const { id } = await registered(post.code);
    await recordDocumentCheck({
      actor: inspector,
      declarationId: id,
      input: { expectedVersion: await version(id), findings: 'Invoice matches the contract', isHit: 'no' },
      now: NOW,
    });
    await recordExamination({
      actor: inspector,
      declarationId: id,
      input: {
        expectedVersion: await version(id),
        findings: '52 laptops found instead of 50',
        isHit: 'yes',
        isCritical: 'no',
        discrepancyType: 'QUANTITY',
      },
      now: NOW,
    });
    const inspections = await db.inspection.findMany({ where: { declarationId: id }, orderBy: { at: 'asc' } });
    const assessment = await db.riskAssessment.findFirstOrThrow({ where: { declarationId: id } });
    expect(inspections.map((i) => [i.kind, i.isHit, i.riskAssessmentId])).toEqual([
      ['DOCUMENT_CHECK', false, assessment.id],
      ['PHYSICAL_EXAMINATION', true, assessment.id],
    ]);
    const bad = await failure(
      recordExamination({
        actor: inspector,
        declarationId: id,
        input: { expectedVersion: await version(id), findings: 'x', isHit: 'yes', isCritical: 'no' },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(bad.fieldErrors.map((e) => e.path)).toEqual(['discrepancyType']);
  });

  it('refuses a decision on a declaration not assigned to the inspector (403) or on a stale page (409), writing nothing', async () => {
    const { post, inspector } = await redPost();
    const stranger = await anInspector(post.id, { isOnDuty: false });
    const { id } = await registered(post.code);
    const before = await db.auditEntry.count({ where: { entityId: id } });
    await failure(
      recordDocumentCheck({
        actor: stranger,
        declarationId: id,
        input: { expectedVersion: await version(id), findings: 'x', isHit: 'no' },
        now: NOW,
      }),
      'FORBIDDEN',
    );
    const stale = await failure(
      recordDocumentCheck({
        actor: inspector,
        declarationId: id,
        input: { expectedVersion: (await version(id)) - 1, findings: 'x', isHit: 'no' },
        now: NOW,
      }),
      'CONFLICT',
    );
    expect(stale.message).toMatch(/changed since you opened it/);
    expect(await db.inspection.count({ where: { declarationId: id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { entityId: id } })).toBe(before);
    const otherPostOfficer = await anInspector((await aPost()).id);
    await failure(
      releaseByOfficer({ actor: otherPostOfficer, declarationId: id, expectedVersion: await version(id), now: NOW }),
      'NOT_FOUND',
    );
  });

  it('applies a small adjustment at once, and holds a large one for another supervisor (four eyes)', async () => {
    const { post, inspector, supervisor, supervisor2 } = await redPost();
    const { id } = await registered(post.code);
    const dueBefore = new D(await amountDue(id));
    // Laptops are duty-free: a small value change moves only VAT and the fee.
    const small = await adjustItem({
      actor: inspector,
      declarationId: id,
      input: {
        expectedVersion: await version(id),
        lineNo: 1,
        newInvoiceValue: '6100.00',
        reason: 'Freight invoice shows a higher price',
      },
      now: NOW,
    });
    expect(small.status).toBe('APPLIED');
    expect(new D(await amountDue(id)).minus(dueBefore).toFixed(2)).toBe(small.amountDelta);
    expect(
      (await db.declarationItem.findFirstOrThrow({ where: { declarationId: id, lineNo: 1 } })).invoiceValue.toFixed(2),
    ).toBe('6100.00');

    // Beer at five times the price: far above the 10 000 000 UZS limit.
    const large = await adjustItem({
      actor: supervisor,
      declarationId: id,
      input: {
        expectedVersion: await version(id),
        lineNo: 2,
        newInvoiceValue: '20000.00',
        reason: 'Reference price of the brand',
      },
      now: NOW,
    });
    expect(large.status).toBe('PENDING');
    expect(new D(large.amountDelta).gt('10000000')).toBe(true);
    expect(
      (await db.declarationItem.findFirstOrThrow({ where: { declarationId: id, lineNo: 2 } })).invoiceValue.toFixed(2),
    ).toBe('4000.00');
    await failure(
      releaseByOfficer({ actor: inspector, declarationId: id, expectedVersion: await version(id), now: NOW }),
      'CONFLICT',
    );
    await failure(
      decideAdjustment({
        actor: supervisor,
        adjustmentId: large.adjustmentId,
        isApproved: true,
        expectedVersion: await version(id),
        now: NOW,
      }),
      'FORBIDDEN',
    );
    await failure(
      decideAdjustment({
        actor: inspector,
        adjustmentId: large.adjustmentId,
        isApproved: true,
        expectedVersion: await version(id),
        now: NOW,
      }),
      'FORBIDDEN',
    );
    const dueMid = new D(await amountDue(id));
    await decideAdjustment({
      actor: supervisor2,
      adjustmentId: large.adjustmentId,
      isApproved: true,
      expectedVersion: await version(id),
      now: NOW,
    });
    expect(new D(await amountDue(id)).minus(dueMid).toFixed(2)).toBe(large.amountDelta);
    const adjustment = await db.valueAdjustment.findUniqueOrThrow({ where: { id: large.adjustmentId } });
    expect(adjustment).toMatchObject({ status: 'APPLIED', decidedById: supervisor2.userId });
    await failure(
      decideAdjustment({
        actor: supervisor2,
        adjustmentId: large.adjustmentId,
        isApproved: true,
        expectedVersion: await version(id),
        now: NOW,
      }),
      'CONFLICT',
    );
  });

  it('releases only when the payments are settled, with a signed release note, once under parallel attempts', async () => {
    const { post, inspector } = await redPost();
    const { id, trader } = await registered(post.code, { isPermitFree: true });
    await examine(inspector, id);
    const unpaid = await failure(
      releaseByOfficer({ actor: inspector, declarationId: id, expectedVersion: await version(id), now: NOW }),
      'CONFLICT',
    );
    expect(unpaid.message).toMatch(/Payments of .* UZS are outstanding/);
    expect((await db.declaration.findUniqueOrThrow({ where: { id } })).status).toBe('ASSIGNED');
    await pay(id, trader);
    const v = await version(id);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        releaseByOfficer({ actor: inspector, declarationId: id, expectedVersion: v, now: NOW }),
      ),
    );
    const rejected = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => (r.reason as Error).message);
    expect(
      results.filter((r) => r.status === 'fulfilled'),
      rejected.join(' | '),
    ).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('CONFLICT');
    const d = await db.declaration.findUniqueOrThrow({ where: { id } });
    expect(d.status).toBe('RELEASED');
    expect(await db.assignment.count({ where: { declarationId: id, closedAt: null } })).toBe(0);
    const note = await db.signedDocument.findFirstOrThrow({ where: { subjectId: id, kind: 'RELEASE_NOTE' } });
    expect(note.number).toBe(`RN/${d.registrationNumber}`);
    expect((note.payload as { officerNumber: string }).officerNumber).toMatch(/^T-/);
    // The release note is the trader's and the post's to read; nobody else's.
    expect((await releaseNoteOf({ actor: trader, declarationId: id })).number).toBe(note.number);
    expect((await releaseNoteOf({ actor: inspector, declarationId: id })).verificationUrl).toContain(
      `sig=${note.signature}`,
    );
    await failure(releaseNoteOf({ actor: await aTrader(), declarationId: id }), 'NOT_FOUND');
  });

  it('refuses to release while a permit of an item is missing, saying which', async () => {
    const { post, inspector } = await redPost();
    const { id, trader } = await registered(post.code);
    await examine(inspector, id);
    await pay(id, trader);
    const e = await failure(
      releaseByOfficer({ actor: inspector, declarationId: id, expectedVersion: await version(id), now: NOW }),
      'CONFLICT',
    );
    expect(e.message).toContain('Item 1: STD-COC');
    expect(e.fieldErrors.map((f) => f.path)).toEqual(['items.0.permits', 'items.1.permits']);
    expect((await db.declaration.findUniqueOrThrow({ where: { id } })).status).toBe('ASSIGNED');
  });

  it('refuses with a reason, holds and resumes', async () => {
    const { post, inspector } = await redPost();
    const a = await registered(post.code);
    await holdDeclaration({
      actor: inspector,
      declarationId: a.id,
      expectedVersion: await version(a.id),
      reason: 'Waiting for the laboratory',
      now: NOW,
    });
    expect((await db.declaration.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('ON_HOLD');
    await resumeDeclaration({
      actor: inspector,
      declarationId: a.id,
      expectedVersion: await version(a.id),
      reason: 'Laboratory result in',
      now: NOW,
    });
    await failure(
      refuseDeclaration({
        actor: inspector,
        declarationId: a.id,
        expectedVersion: await version(a.id),
        reason: '  ',
        now: NOW,
      }),
      'VALIDATION',
    );
    await refuseDeclaration({
      actor: inspector,
      declarationId: a.id,
      expectedVersion: await version(a.id),
      reason: 'Goods prohibited for import',
      now: NOW,
    });
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
    expect(
      (await db.assignment.findFirstOrThrow({ where: { declarationId: id, closedAt: null } })).inspectorId,
    ).toBeNull();
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
    await failure(
      reassignDeclaration({
        actor: inspector,
        declarationId: id,
        input: { inspectorId: other.userId, reason: 'x' },
        now: NOW,
      }),
      'FORBIDDEN',
    );
    await failure(
      reassignDeclaration({
        actor: supervisor,
        declarationId: id,
        input: { inspectorId: other.userId, reason: '' },
        now: NOW,
      }),
      'VALIDATION',
    );
    await reassignDeclaration({
      actor: supervisor,
      declarationId: id,
      input: { inspectorId: other.userId, reason: 'Specialist in electronics' },
      now: NOW,
    });
    const open = await db.assignment.findFirstOrThrow({ where: { declarationId: id, closedAt: null } });
    expect(open).toMatchObject({
      inspectorId: other.userId,
      assignedById: supervisor.userId,
      reason: 'Specialist in electronics',
    });
  });

  it('shows the SLA clock and filters the overdue', async () => {
    const { post, inspector } = await redPost();
    const { id } = await registered(post.code);
    const later = new Date(NOW.getTime() + 3000 * 60_000); // red target: 2 880 minutes
    const queue = await listWorkQueue({ actor: inspector, now: later });
    const row = queue.rows.find((r) => r.declaration.id === id)!;
    expect(row.sla).toEqual({ elapsedMinutes: 3000, targetMinutes: 2880, isOverdue: true, isPaused: false });
    expect(
      (await listWorkQueue({ actor: inspector, query: { overdue: 'yes' }, now: NOW })).rows.map(
        (r) => r.declaration.id,
      ),
    ).not.toContain(id);
    expect(
      (await listWorkQueue({ actor: inspector, query: { overdue: 'yes' }, now: later })).rows.map(
        (r) => r.declaration.id,
      ),
    ).toContain(id);
  });
});

describe('officer decisions: controls, revenue and four eyes', () => {
  const latestAssessmentNo = async (id: string) =>
    (await db.assessedPayment.aggregate({ where: { declarationId: id }, _max: { assessmentNo: true } }))._max
      .assessmentNo;

  it('credits a raise of the payments to the inspection that found it, exactly, directly applied or approved', async () => {
    const { post, inspector, supervisor, supervisor2 } = await redPost();
    const { id } = await registered(post.code);
    await recordDocumentCheck({
      actor: inspector,
      declarationId: id,
      input: { expectedVersion: await version(id), findings: 'Documents in order', isHit: 'no' },
      now: NOW,
    });
    await examine(inspector, id, { isHit: 'yes', discrepancyType: 'UNDERVALUATION' });
    const small = await adjustItem({
      actor: inspector,
      declarationId: id,
      input: { expectedVersion: await version(id), lineNo: 1, newInvoiceValue: '6100.00', reason: 'Price list' },
      now: NOW,
    });
    expect(small.status).toBe('APPLIED');
    expect(new D(small.amountDelta).gt(0)).toBe(true);
    const revenue = async () =>
      (await db.inspection.findMany({ where: { declarationId: id }, orderBy: { kind: 'asc' } })).map((i) => [
        i.kind,
        i.additionalRevenue.toFixed(2),
      ]);
    expect(await revenue()).toEqual([
      ['DOCUMENT_CHECK', '0.00'],
      ['PHYSICAL_EXAMINATION', small.amountDelta],
    ]);
    const large = await adjustItem({
      actor: supervisor,
      declarationId: id,
      input: { expectedVersion: await version(id), lineNo: 2, newInvoiceValue: '20000.00', reason: 'Reference price' },
      now: NOW,
    });
    expect(large.status).toBe('PENDING');
    await decideAdjustment({
      actor: supervisor2,
      adjustmentId: large.adjustmentId,
      isApproved: true,
      expectedVersion: await version(id),
      now: NOW,
    });
    expect(await revenue()).toEqual([
      ['DOCUMENT_CHECK', '0.00'],
      ['PHYSICAL_EXAMINATION', new D(small.amountDelta).plus(large.amountDelta).toFixed(2)],
    ]);
    // A cut of the payments credits nothing back.
    const cut = await adjustItem({
      actor: inspector,
      declarationId: id,
      input: { expectedVersion: await version(id), lineNo: 1, newInvoiceValue: '6000.00', reason: 'Corrected' },
      now: NOW,
    });
    expect(new D(cut.amountDelta).lt(0)).toBe(true);
    expect((await revenue())[1][1]).toBe(new D(small.amountDelta).plus(large.amountDelta).toFixed(2));
  });

  it('releases red only after a physical examination and yellow only after a document check', async () => {
    const red = await redPost();
    const r = await registered(red.post.code, { isPermitFree: true });
    await pay(r.id, r.trader);
    await recordDocumentCheck({
      actor: red.inspector,
      declarationId: r.id,
      input: { expectedVersion: await version(r.id), findings: 'Documents in order', isHit: 'no' },
      now: NOW,
    });
    const noExamination = await failure(
      releaseByOfficer({ actor: red.inspector, declarationId: r.id, expectedVersion: await version(r.id), now: NOW }),
      'CONFLICT',
    );
    expect(noExamination.message).toContain(
      'The red channel calls for a physical examination: record it before release.',
    );
    expect(noExamination.fieldErrors.map((f) => f.path)).toEqual(['inspections']);
    await examine(red.inspector, r.id);
    await releaseByOfficer({
      actor: red.inspector,
      declarationId: r.id,
      expectedVersion: await version(r.id),
      now: NOW,
    });

    const post = await aPost();
    await aForcedChannel(post.code, 'YELLOW');
    const inspector = await anInspectorWhoReleases(post.id);
    const y = await registered(post.code, { isPermitFree: true });
    await pay(y.id, y.trader);
    const noCheck = await failure(
      releaseByOfficer({ actor: inspector, declarationId: y.id, expectedVersion: await version(y.id), now: NOW }),
      'CONFLICT',
    );
    expect(noCheck.message).toContain('The yellow channel calls for a document check: record it before release.');
    expect((await db.declaration.findUniqueOrThrow({ where: { id: y.id } })).status).toBe('ASSIGNED');
    await recordDocumentCheck({
      actor: inspector,
      declarationId: y.id,
      input: { expectedVersion: await version(y.id), findings: 'Documents in order', isHit: 'no' },
      now: NOW,
    });
    await releaseByOfficer({ actor: inspector, declarationId: y.id, expectedVersion: await version(y.id), now: NOW });
    expect((await db.declaration.findUniqueOrThrow({ where: { id: y.id } })).status).toBe('RELEASED');
  });

  it('refuses to release for an officer without an officer number, rather than print part of an id', async () => {
    const { post, inspector } = await redPost();
    const { id, trader } = await registered(post.code, { isPermitFree: true });
    await examine(inspector, id);
    await pay(id, trader);
    await db.user.update({ where: { id: inspector.userId }, data: { officerNumber: null } });
    const e = await failure(
      releaseByOfficer({ actor: inspector, declarationId: id, expectedVersion: await version(id), now: NOW }),
      'FORBIDDEN',
    );
    expect(e.message).toMatch(/no officer number/);
    expect((await db.declaration.findUniqueOrThrow({ where: { id } })).status).toBe('ASSIGNED');
  });

  it('applies exactly one of two parallel approvals, and refuses a stale one (409)', async () => {
    const { post, inspector, supervisor, supervisor2 } = await redPost();
    const supervisor3 = actorOf(await aUser({ role: 'SUPERVISOR', postId: post.id }));
    const { id } = await registered(post.code);
    const large = await adjustItem({
      actor: inspector,
      declarationId: id,
      input: { expectedVersion: await version(id), lineNo: 2, newInvoiceValue: '20000.00', reason: 'Reference price' },
      now: NOW,
    });
    expect(large.status).toBe('PENDING');
    const stale = await failure(
      decideAdjustment({
        actor: supervisor,
        adjustmentId: large.adjustmentId,
        isApproved: true,
        expectedVersion: (await version(id)) - 1,
        now: NOW,
      }),
      'CONFLICT',
    );
    expect(stale.message).toMatch(/changed since you opened it/);
    const before = await latestAssessmentNo(id);
    const v = await version(id);
    const results = await Promise.allSettled(
      [supervisor, supervisor2, supervisor3].map((actor) =>
        decideAdjustment({ actor, adjustmentId: large.adjustmentId, isApproved: true, expectedVersion: v, now: NOW }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('CONFLICT');
    expect(await latestAssessmentNo(id)).toBe(before! + 1);
    expect(await db.auditEntry.count({ where: { entityId: id, action: 'declaration.adjustment.apply' } })).toBe(1);
    expect((await db.valueAdjustment.findUniqueOrThrow({ where: { id: large.adjustmentId } })).status).toBe('APPLIED');
  });

  it('counts every change since registration against the four-eyes limit: two steps under it that add up above it wait for a supervisor', async () => {
    const { post, inspector } = await redPost();
    const { id } = await registered(post.code);
    const limit = new D('10000000');
    // Beer: 30 % duty and VAT on the value, so each 1 500 USD moves the payments by several million UZS.
    const first = await adjustItem({
      actor: inspector,
      declarationId: id,
      input: { expectedVersion: await version(id), lineNo: 2, newInvoiceValue: '5500.00', reason: 'Contract price' },
      now: NOW,
    });
    const second = await adjustItem({
      actor: inspector,
      declarationId: id,
      input: {
        expectedVersion: await version(id),
        lineNo: 2,
        newInvoiceValue: '7000.00',
        reason: 'Second invoice found',
      },
      now: NOW,
    });
    expect(new D(first.amountDelta).lt(limit)).toBe(true);
    expect(new D(second.amountDelta).lt(limit)).toBe(true);
    expect(new D(first.amountDelta).plus(second.amountDelta).gt(limit)).toBe(true);
    expect([first.status, second.status]).toEqual(['APPLIED', 'PENDING']);
    expect(
      (await db.declarationItem.findFirstOrThrow({ where: { declarationId: id, lineNo: 2 } })).invoiceValue.toFixed(2),
    ).toBe('5500.00');
  });

  it('reports a new commodity code missing from the tariff, or charged in another unit, on the field newHsCode', async () => {
    const { post, inspector } = await redPost();
    const { id } = await registered(post.code);
    const missing = await failure(
      adjustItem({
        actor: inspector,
        declarationId: id,
        input: { expectedVersion: await version(id), lineNo: 1, newHsCode: '9999999999', reason: 'Reclassified' },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(missing.fieldErrors).toEqual([
      { path: 'newHsCode', message: 'Commodity code 9999999999 is not in the national tariff — check the code' },
    ]);
    // Laptops are declared in pieces; beer's excise is charged per litre.
    const unit = await failure(
      adjustItem({
        actor: inspector,
        declarationId: id,
        input: { expectedVersion: await version(id), lineNo: 1, newHsCode: '2203000900', reason: 'Reclassified' },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(unit.fieldErrors.map((f) => f.path)).toEqual(['newHsCode']);
    expect(await db.valueAdjustment.count({ where: { declarationId: id } })).toBe(0);
  });
});

describe('pending adjustments end with the officer’s work', () => {
  async function withPending() {
    const ctx = await redPost();
    const d = await registered(ctx.post.code);
    const large = await adjustItem({
      actor: ctx.inspector,
      declarationId: d.id,
      input: {
        expectedVersion: await version(d.id),
        lineNo: 2,
        newInvoiceValue: '20000.00',
        reason: 'Reference price',
      },
      now: NOW,
    });
    expect(large.status).toBe('PENDING');
    return { ...ctx, ...d, adjustmentId: large.adjustmentId };
  }
  const listed = async (supervisor: Actor) => (await listPendingAdjustments({ actor: supervisor })).map((a) => a.id);

  async function expectCancelled(adjustmentId: string, declarationId: string, reason: string) {
    expect(await db.valueAdjustment.findUniqueOrThrow({ where: { id: adjustmentId } })).toMatchObject({
      status: 'REJECTED',
      decidedById: null,
      decidedAt: NOW,
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityId: declarationId, action: 'declaration.adjustment.cancel' },
    });
    expect(audit.data).toEqual({ adjustmentIds: [adjustmentId], reason });
  }

  it('cancels them when an amendment is requested, the declaration is refused or withdrawn', async () => {
    const amended = await withPending();
    expect(await listed(amended.supervisor2)).toContain(amended.adjustmentId);
    await requestAmendment({
      actor: amended.inspector,
      declarationId: amended.id,
      message: 'Declare the brand of the beer',
      expectedVersion: await version(amended.id),
      now: NOW,
    });
    await expectCancelled(amended.adjustmentId, amended.id, 'An amendment was requested');
    expect(await listed(amended.supervisor2)).not.toContain(amended.adjustmentId);

    const refused = await withPending();
    await holdDeclaration({
      actor: refused.inspector,
      declarationId: refused.id,
      expectedVersion: await version(refused.id),
      reason: 'Laboratory',
      now: NOW,
    });
    await refuseDeclaration({
      actor: refused.inspector,
      declarationId: refused.id,
      expectedVersion: await version(refused.id),
      reason: 'Prohibited goods',
      now: NOW,
    });
    await expectCancelled(refused.adjustmentId, refused.id, 'The declaration was refused');

    const withdrawn = await withPending();
    await withdrawDeclaration({
      actor: withdrawn.trader,
      declarationId: withdrawn.id,
      reason: 'Order cancelled',
      now: NOW,
    });
    await expectCancelled(withdrawn.adjustmentId, withdrawn.id, 'The trader withdrew the declaration');
    await failure(
      decideAdjustment({
        actor: withdrawn.supervisor2,
        adjustmentId: withdrawn.adjustmentId,
        isApproved: true,
        expectedVersion: await version(withdrawn.id),
        now: NOW,
      }),
      'CONFLICT',
    );
  });

  it('does not list a pending adjustment of a finished declaration', async () => {
    const p = await withPending();
    expect(await listed(p.supervisor2)).toContain(p.adjustmentId);
    // A pending adjustment left on a finished declaration (data from before cancellation existed).
    await db.declaration.update({ where: { id: p.id }, data: { status: 'RELEASED' } });
    expect(await listed(p.supervisor2)).not.toContain(p.adjustmentId);
  });
});

describe('reassignment', () => {
  it('locks the declaration and refuses one no longer in an officer’s work (409)', async () => {
    const { post, inspector, supervisor } = await redPost();
    const other = await anInspector(post.id, { isOnDuty: false });
    const { id, trader } = await registered(post.code, { isPermitFree: true });
    await examine(inspector, id);
    await pay(id, trader);
    await releaseByOfficer({ actor: inspector, declarationId: id, expectedVersion: await version(id), now: NOW });
    const e = await failure(
      reassignDeclaration({
        actor: supervisor,
        declarationId: id,
        input: { inspectorId: other.userId, reason: 'Specialist' },
        now: NOW,
      }),
      'CONFLICT',
    );
    expect(e.message).toContain('RELEASED');
    expect(await db.assignment.count({ where: { declarationId: id, closedAt: null } })).toBe(0);
  });
});
