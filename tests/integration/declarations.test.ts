import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { getDeclarationForTrader } from '@/src/server/declarations/read';
import { getDeclarationForOfficer, listWorkQueue } from '@/src/server/officer/queue';
import { AppError } from '@/lib/errors';
import { aPost, aTrader, anInspector, aDraftInput, actorOf, aUser, anInspectedPost } from '../support/factories';

const NOW = new Date('2026-11-28T09:30:00Z');

async function expectAppError(promise: Promise<unknown>, code: AppError['code']) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('the thin declaration path', () => {
  let post: Awaited<ReturnType<typeof aPost>>;
  beforeAll(async () => {
    post = await anInspectedPost();
  });

  it('creates a draft, registers it with a POST/YYMMDD/NNNNNNN number and gives it to the on-duty inspector', async () => {
    const inspector = await anInspector(post.id);
    await anInspector(post.id, { isOnDuty: false });
    const trader = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });

    const result = await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    expect(result.registrationNumber).toMatch(new RegExp(`^${post.code}/261128/\\d{7}$`));
    expect(result.isAlreadySubmitted).toBe(false);

    const stored = await db.declaration.findUniqueOrThrow({
      where: { id },
      include: { events: { orderBy: { id: 'asc' } }, assignments: true, items: true },
    });
    expect(stored.status).toBe('ASSIGNED');
    expect(stored.items).toHaveLength(2);
    expect(stored.events.map((e) => `${e.fromStatus ?? '-'}>${e.toStatus}`)).toEqual([
      '->DRAFT',
      'DRAFT>SUBMITTED',
      'SUBMITTED>REGISTERED',
      'REGISTERED>ASSIGNED',
    ]);
    expect(stored.assignments).toHaveLength(1);
    expect(stored.assignments[0].inspectorId).toBe(inspector.userId);
    const audit = await db.auditEntry.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['declaration.draft.create', 'declaration.submit']);

    const queue = await listWorkQueue({ actor: inspector, page: 1 });
    expect(queue.rows.map((r) => r.declaration.id)).toContain(id);
    const view = await getDeclarationForOfficer({ actor: inspector, declarationId: id });
    expect(view.isAssignedToMe).toBe(true);
  });

  it('is idempotent: a second submit answers with the same number and registers nothing new', async () => {
    await anInspector(post.id);
    const trader = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    const first = await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    const second = await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    expect(second).toEqual({ ...first, isAlreadySubmitted: true });
    expect(await db.assignment.count({ where: { declarationId: id } })).toBe(1);
  });

  it('parallel duplicate submits of one declaration (double click, two tabs) make exactly one registration', async () => {
    const trader = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => submitDeclaration({ actor: trader, declarationId: id, now: NOW })),
    );
    expect(new Set(results.map((r) => r.registrationNumber)).size).toBe(1);
    expect(results.filter((r) => !r.isAlreadySubmitted)).toHaveLength(1);
    expect(await db.declarationStatusEvent.count({ where: { declarationId: id, toStatus: 'REGISTERED' } })).toBe(1);
    expect(await db.assignment.count({ where: { declarationId: id } })).toBe(1);
  });

  it('gives 20 concurrent submissions 20 distinct, consecutive registration numbers', async () => {
    const busyPost = await anInspectedPost();
    await anInspector(busyPost.id);
    await anInspector(busyPost.id);
    const trader = await aTrader();
    const ids = [];
    for (let i = 0; i < 20; i++)
      ids.push(
        (await createDeclarationDraft({ actor: trader, input: aDraftInput({ postCode: busyPost.code }), now: NOW })).id,
      );
    const results = await Promise.all(
      ids.map((declarationId) => submitDeclaration({ actor: trader, declarationId, now: NOW })),
    );
    const numbers = results.map((r) => r.registrationNumber);
    expect(new Set(numbers).size).toBe(20);
    const sequences = numbers.map((n) => Number(n.split('/')[2])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Distribution stayed balanced between the two on-duty inspectors.
    const open = await db.assignment.groupBy({
      by: ['inspectorId'],
      where: { postId: busyPost.id, closedAt: null },
      _count: true,
    });
    expect(open.map((o) => o._count).sort()).toEqual([10, 10]);
  });

  it('waits in the post pool when no inspector is on duty', async () => {
    const quietPost = await anInspectedPost();
    await anInspector(quietPost.id, { isOnDuty: false });
    const trader = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: quietPost.code }),
      now: NOW,
    });
    await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    const assignment = await db.assignment.findFirstOrThrow({ where: { declarationId: id } });
    expect(assignment.inspectorId).toBeNull();
    const supervisor = actorOf(await aUser({ role: 'SUPERVISOR', postId: quietPost.id }));
    expect((await listWorkQueue({ actor: supervisor, page: 1 })).rows.map((r) => r.declaration.id)).toEqual([id]);
  });
});

describe('bad input and scope', () => {
  it('names every failing field of a malformed declaration and writes nothing', async () => {
    const post = await aPost();
    const trader = await aTrader();
    const before = await db.declaration.count();
    const error = await expectAppError(
      createDeclarationDraft({
        actor: trader,
        input: {
          ...aDraftInput({ postCode: post.code }),
          consignorCountry: 'XX',
          invoiceTotal: 'abc',
          items: [{ ...aDraftInput({ postCode: post.code }).items[0], hsCode: '12', netMass: '999' }],
        },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(error.fieldErrors.map((e) => e.path).sort()).toEqual([
      'consignorCountry',
      'invoiceTotal',
      'items.0.hsCode',
      'items.0.netMass',
    ]);
    expect(await db.declaration.count()).toBe(before);
  });

  it('refuses an unknown customs post by field', async () => {
    const trader = await aTrader();
    const error = await expectAppError(
      createDeclarationDraft({ actor: trader, input: aDraftInput({ postCode: '00001' }), now: NOW }),
      'VALIDATION',
    );
    expect(error.fieldErrors).toEqual([{ path: 'postCode', message: 'Choose a customs post from the list' }]);
  });

  it('hides another company’s declaration (404), for reading and for submitting', async () => {
    const post = await aPost();
    const owner = await aTrader();
    const stranger = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: owner,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    await expectAppError(getDeclarationForTrader({ actor: stranger, declarationId: id }), 'NOT_FOUND');
    await expectAppError(submitDeclaration({ actor: stranger, declarationId: id, now: NOW }), 'NOT_FOUND');
    expect((await db.declaration.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
  });

  it('lets only traders file declarations, and only officers of the post read them', async () => {
    const post = await aPost();
    const otherPost = await aPost();
    const inspector = await anInspector(post.id);
    const foreignInspector = await anInspector(otherPost.id);
    const trader = await aTrader();
    await expectAppError(
      createDeclarationDraft({ actor: inspector, input: aDraftInput({ postCode: post.code }), now: NOW }),
      'FORBIDDEN',
    );
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    await expectAppError(submitDeclaration({ actor: inspector, declarationId: id, now: NOW }), 'FORBIDDEN');
    await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    await expectAppError(getDeclarationForOfficer({ actor: foreignInspector, declarationId: id }), 'NOT_FOUND');
    await expectAppError(listWorkQueue({ actor: trader, page: 1 }), 'FORBIDDEN');
  });
});
