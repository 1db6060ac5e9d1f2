import { describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import {
  listPostClearanceAudits,
  getPostClearanceAudit,
  recordPostClearanceAudit,
} from '@/src/server/audits/post-clearance';
import { AppError } from '@/lib/errors';
import { aPost, aTrader, anInspector, actorOf, aUser, aRegisteredDeclaration } from '../support/factories';
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

/** A declaration of the post, released in the given channel, with the risk assessment that chose it. */
async function released(post: { id: string; code: string }, channel: 'BLUE' | 'GREEN', releasedAt = NOW) {
  const trader = await aTrader();
  const d = await aRegisteredDeclaration({
    companyId: trader.companyId!,
    createdById: trader.userId,
    post,
    registeredAt: new Date(releasedAt.getTime() - 3_600_000),
    items: [{ hsCode: '5201000000', quantity: '10', supplementaryUnit: 'KG' }],
  });
  await db.declaration.update({ where: { id: d.id }, data: { status: 'RELEASED', channel, releasedAt } });
  const assessment = await db.riskAssessment.create({
    data: { declarationId: d.id, score: 5, channel, reasons: [], createdAt: d.registeredAt! },
  });
  return { id: d.id, number: d.registrationNumber!, assessmentId: assessment.id };
}

const clean = {
  findings: 'Books and bank statements agree with the invoice',
  isHit: 'no',
  isCritical: 'no',
  discrepancyType: '',
  additionalRevenue: '0',
};
const hit = {
  findings: 'A second invoice at twice the price was paid abroad',
  isHit: 'yes',
  isCritical: 'no',
  discrepancyType: 'UNDERVALUATION',
  additionalRevenue: '1 234 567.89',
};

describe('post-clearance audits of blue-channel declarations', () => {
  it('lists the post’s released blue declarations to audit, oldest first; an audit moves one to the audited, linked to its assessment, audited', async () => {
    const post = await aPost();
    const inspector = await anInspector(post.id);
    const older = await released(post, 'BLUE', new Date(NOW.getTime() - 86_400_000));
    const newer = await released(post, 'BLUE');
    await released(post, 'GREEN');

    const due = await listPostClearanceAudits({ actor: inspector, filter: 'DUE', page: 1 });
    expect(due.rows.map((r) => r.id)).toEqual([older.id, newer.id]);
    expect(due.total).toBe(2);

    const { inspectionId } = await recordPostClearanceAudit({
      actor: inspector,
      declarationId: newer.id,
      input: hit,
      now: NOW,
    });
    const inspection = await db.inspection.findUniqueOrThrow({ where: { id: inspectionId } });
    expect(inspection).toMatchObject({
      kind: 'POST_CLEARANCE_AUDIT',
      isHit: true,
      isCritical: false,
      discrepancyType: 'UNDERVALUATION',
      riskAssessmentId: newer.assessmentId,
      inspectorId: inspector.userId,
    });
    expect(inspection.additionalRevenue.toFixed(2)).toBe('1234567.89');
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityId: newer.id, action: 'declaration.postClearanceAudit.record' },
    });
    expect(audit.data).toMatchObject({ inspectionId, isHit: true, additionalRevenue: '1234567.89' });

    expect((await listPostClearanceAudits({ actor: inspector, filter: 'DUE', page: 1 })).rows.map((r) => r.id)).toEqual(
      [older.id],
    );
    const done = await listPostClearanceAudits({ actor: inspector, filter: 'DONE', page: 1 });
    expect(
      done.rows.map((r) => ({
        id: r.id,
        audit: r.audit && { isHit: r.audit.isHit, additionalRevenue: r.audit.additionalRevenue },
      })),
    ).toEqual([{ id: newer.id, audit: { isHit: true, additionalRevenue: '1234567.89' } }]);
    expect((await getPostClearanceAudit({ actor: inspector, declarationId: newer.id })).audit?.findings).toBe(
      hit.findings,
    );
  });

  // Found by the bad-input sweep: the action passes its bound id through unchecked, and the raw
  // `::uuid` cast of anything else was a 500.
  it.each([
    ['empty', ''],
    ['text', 'abc'],
    ['a NUL', 'a\u0000b'],
    ['a number as text', '-1'],
  ])('an id that is %s is not found, not a 500', async (_name, declarationId) => {
    const post = await aPost();
    const inspector = await anInspector(post.id);
    await failure(recordPostClearanceAudit({ actor: inspector, declarationId, input: clean, now: NOW }), 'NOT_FOUND');
  });

  it('one audit per declaration: a second is a conflict and writes nothing', async () => {
    const post = await aPost();
    const inspector = await anInspector(post.id);
    const supervisor = actorOf(await aUser({ role: 'SUPERVISOR', postId: post.id }));
    const d = await released(post, 'BLUE');
    await recordPostClearanceAudit({ actor: supervisor, declarationId: d.id, input: clean, now: NOW });
    const results = await Promise.allSettled([
      recordPostClearanceAudit({ actor: inspector, declarationId: d.id, input: hit, now: NOW }),
      recordPostClearanceAudit({ actor: inspector, declarationId: d.id, input: hit, now: NOW }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await db.inspection.count({ where: { declarationId: d.id } })).toBe(1);
  });

  it('only released blue declarations of the officer’s own post; never a trader', async () => {
    const post = await aPost();
    const other = await aPost();
    const inspector = await anInspector(post.id);
    const foreign = await released(other, 'BLUE');
    const green = await released(post, 'GREEN');
    await failure(
      recordPostClearanceAudit({ actor: inspector, declarationId: foreign.id, input: clean, now: NOW }),
      'NOT_FOUND',
    );
    await failure(getPostClearanceAudit({ actor: inspector, declarationId: foreign.id }), 'NOT_FOUND');
    await failure(
      recordPostClearanceAudit({ actor: inspector, declarationId: green.id, input: clean, now: NOW }),
      'CONFLICT',
    );
    const trader = await aTrader();
    await failure(
      recordPostClearanceAudit({ actor: trader, declarationId: foreign.id, input: clean, now: NOW }),
      'FORBIDDEN',
    );
    await failure(listPostClearanceAudits({ actor: trader, filter: 'DUE', page: 1 }), 'FORBIDDEN');
    expect(await db.inspection.count({ where: { declarationId: { in: [foreign.id, green.id] } } })).toBe(0);
  });

  it('bad input names every field and writes nothing', async () => {
    const post = await aPost();
    const inspector = await anInspector(post.id);
    const d = await released(post, 'BLUE');
    const e = await failure(
      recordPostClearanceAudit({
        actor: inspector,
        declarationId: d.id,
        input: { findings: ' ', isHit: 'maybe', isCritical: 'no', additionalRevenue: '-3' },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(e.fieldErrors.map((f) => f.path)).toEqual(['findings', 'isHit', 'additionalRevenue']);
    const e2 = await failure(
      recordPostClearanceAudit({
        actor: inspector,
        declarationId: d.id,
        input: { ...clean, isCritical: 'yes', additionalRevenue: '500' },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(e2.fieldErrors.map((f) => f.path)).toEqual(['isCritical', 'additionalRevenue']);
    expect(await db.inspection.count({ where: { declarationId: d.id } })).toBe(0);
    expect(
      await db.auditEntry.count({ where: { entityId: d.id, action: 'declaration.postClearanceAudit.record' } }),
    ).toBe(0);
  });
});
