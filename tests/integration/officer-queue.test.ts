// The officer's work queue: paging, sorting by registration and by SLA urgency, filters, the
// supervisor's view of the post (by inspector, the pool), duty and the pool's distribution, and
// the files an officer may open.
import { describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { addDocument, readDeclarationFile } from '@/src/server/declarations/documents';
import { setOnDuty } from '@/src/server/officer/duty';
import {
  listWorkQueue,
  loadSlaTargets,
  getOfficerDutyStatus,
  getDeclarationForOfficer,
  QUEUE_PAGE_SIZE,
} from '@/src/server/officer/queue';
import { AppError } from '@/lib/errors';
import { D } from '@/lib/money';
import type { QueueQuery } from '@/lib/officer/queue-query';
import type { Actor } from '@/src/server/actor';
import {
  aPost,
  aTrader,
  anInspector,
  aUser,
  actorOf,
  aDraftInput,
  aForcedChannel,
  aDeclarationForStatistics,
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

const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

type Post = { id: string; code: string };
type OpenStatus = 'ASSIGNED' | 'AMENDMENT_REQUESTED' | 'ON_HOLD';

/** An open declaration of the post in an inspector's work (or the pool), inserted directly. */
async function work(
  post: Post,
  args: {
    inspectorId: string | null;
    registeredAt: Date;
    assignedAt?: Date;
    channel?: 'YELLOW' | 'RED' | 'GREEN';
    status?: OpenStatus;
  },
) {
  const trader = await aTrader();
  const d = await aDeclarationForStatistics({
    trader,
    post,
    registeredAt: args.registeredAt,
    channel: args.channel ?? 'YELLOW',
    status: args.status ?? 'ASSIGNED',
  });
  await db.assignment.create({
    data: {
      declarationId: d.id,
      postId: post.id,
      inspectorId: args.inspectorId,
      assignedAt: args.assignedAt ?? args.registeredAt,
      reason: args.inspectorId ? 'AUTOMATIC' : 'POOL',
    },
  });
  return d.id;
}

async function ids(actor: Actor, query: Partial<QueueQuery> = {}, now = NOW) {
  return (await listWorkQueue({ actor, query, now })).rows.map((r) => r.declaration.id);
}

async function postWithStaff() {
  const post = await aPost();
  const a = await anInspector(post.id);
  const b = await anInspector(post.id);
  const supervisor = actorOf(await aUser({ role: 'SUPERVISOR', postId: post.id }));
  return { post, a, b, supervisor };
}

describe('work queue: paging and sorting', () => {
  it('pages by 25, oldest registration first, newest first on request', async () => {
    const { post, a } = await postWithStaff();
    const made: string[] = [];
    for (let m = 27; m >= 1; m--) made.push(await work(post, { inspectorId: a.userId, registeredAt: ago(m) })); // oldest first
    const first = await listWorkQueue({ actor: a, now: NOW });
    expect(first).toMatchObject({ total: 27, page: 1, pageSize: QUEUE_PAGE_SIZE });
    expect(QUEUE_PAGE_SIZE).toBe(25);
    expect(first.rows.map((r) => r.declaration.id)).toEqual(made.slice(0, 25));
    expect(await ids(a, { page: 2 })).toEqual(made.slice(25));
    expect((await listWorkQueue({ actor: a, page: 2, now: NOW })).rows).toHaveLength(2);
    expect(await ids(a, { page: 3 })).toEqual([]);
    expect(await ids(a, { sort: 'registered-desc', page: 2 })).toEqual([made[1], made[0]]);
    // A bad page or sort falls back to the first page, oldest first.
    const bad = await listWorkQueue({
      actor: a,
      query: { page: 'two', sort: 'random' } as unknown as Partial<QueueQuery>,
      now: NOW,
    });
    expect(bad.query).toMatchObject({ page: 1, sort: 'registered-asc' });
    expect(bad.rows.map((r) => r.declaration.id)).toEqual(made.slice(0, 25));
  });

  it('sorts by registration (where the SLA clock starts), not by when the work was assigned', async () => {
    const { post, a } = await postWithStaff();
    // Registered long ago, reassigned (or taken from the pool) a moment ago.
    const oldReassigned = await work(post, { inspectorId: a.userId, registeredAt: ago(300), assignedAt: ago(5) });
    const recent = await work(post, { inspectorId: a.userId, registeredAt: ago(100) });
    expect(await ids(a)).toEqual([oldReassigned, recent]);
    expect(await ids(a, { sort: 'registered-desc' })).toEqual([recent, oldReassigned]);
  });

  it('sorts red first, and by time left to the channel’s SLA target, most urgent first', async () => {
    const { post, a } = await postWithStaff();
    const targets = await loadSlaTargets();
    const green = await work(post, { inspectorId: a.userId, registeredAt: ago(targets.RED + 500), channel: 'GREEN' }); // no target: last
    const redLate = await work(post, { inspectorId: a.userId, registeredAt: ago(targets.RED + 120), channel: 'RED' }); // 120 min over
    const redSoon = await work(post, { inspectorId: a.userId, registeredAt: ago(targets.RED - 30), channel: 'RED' }); // 30 min left
    const yellowLate = await work(post, { inspectorId: a.userId, registeredAt: ago(targets.YELLOW + 60) }); // 60 min over
    const yellowSoon = await work(post, { inspectorId: a.userId, registeredAt: ago(targets.YELLOW - 10) }); // 10 min left
    expect(await ids(a)).toEqual([green, redLate, redSoon, yellowLate, yellowSoon]);
    expect(await ids(a, { sort: 'sla' })).toEqual([redLate, yellowLate, yellowSoon, redSoon, green]);
    expect(await ids(a, { sort: 'channel' })).toEqual([redLate, redSoon, yellowLate, yellowSoon, green]);
  });
});

describe('work queue: filters', () => {
  it('filters by status and channel; a bad value falls back to no filter', async () => {
    const { post, a } = await postWithStaff();
    const assigned = await work(post, { inspectorId: a.userId, registeredAt: ago(30) });
    const onHold = await work(post, {
      inspectorId: a.userId,
      registeredAt: ago(20),
      channel: 'RED',
      status: 'ON_HOLD',
    });
    const amendment = await work(post, { inspectorId: a.userId, registeredAt: ago(10), status: 'AMENDMENT_REQUESTED' });
    expect(await ids(a, { status: 'ON_HOLD' })).toEqual([onHold]);
    expect(await ids(a, { channel: 'YELLOW' })).toEqual([assigned, amendment]);
    expect(await ids(a, { channel: 'YELLOW', status: 'AMENDMENT_REQUESTED' })).toEqual([amendment]);
    expect(await ids(a, { status: 'NOPE', channel: 'PURPLE' } as unknown as Partial<QueueQuery>)).toEqual([
      assigned,
      onHold,
      amendment,
    ]);
  });

  it('lists only what is past its own channel’s target as overdue', async () => {
    const { post, a } = await postWithStaff();
    const targets = await loadSlaTargets();
    const yellowLate = await work(post, { inspectorId: a.userId, registeredAt: ago(targets.YELLOW + 1) });
    await work(post, { inspectorId: a.userId, registeredAt: ago(targets.YELLOW - 1) });
    await work(post, { inspectorId: a.userId, registeredAt: ago(targets.YELLOW + 1), channel: 'RED' }); // red has longer
    const redLate = await work(post, { inspectorId: a.userId, registeredAt: ago(targets.RED + 1), channel: 'RED' });
    expect(await ids(a, { overdue: 'yes' })).toEqual([redLate, yellowLate]);
    expect((await listWorkQueue({ actor: a, query: { overdue: 'yes' }, now: NOW })).total).toBe(2);
  });
});

describe('work queue: a supervisor’s view of the post', () => {
  it('shows every inspector’s work and the pool of the post, nothing of another post', async () => {
    const { post, a, b, supervisor } = await postWithStaff();
    const other = await postWithStaff();
    const ofA = await work(post, { inspectorId: a.userId, registeredAt: ago(30) });
    const ofB = await work(post, { inspectorId: b.userId, registeredAt: ago(20) });
    const pooled = await work(post, { inspectorId: null, registeredAt: ago(10) });
    const elsewhere = await work(other.post, { inspectorId: other.a.userId, registeredAt: ago(40) });
    const queue = await listWorkQueue({ actor: supervisor, now: NOW });
    expect(queue.rows.map((r) => r.declaration.id)).toEqual([ofA, ofB, pooled]);
    expect(queue.rows.map((r) => r.inspector?.id ?? null)).toEqual([a.userId, b.userId, null]);
    expect(queue.inspectors.map((i) => i.id).sort()).toEqual([a.userId, b.userId].sort());
    expect(await ids(other.supervisor)).toEqual([elsewhere]);
    expect(await ids(a)).toEqual([ofA]);
  });

  it('narrows to one inspector of the post or to the pool; an inspector sees only their own work whatever they ask', async () => {
    const { post, a, b, supervisor } = await postWithStaff();
    const other = await postWithStaff();
    const ofA = await work(post, { inspectorId: a.userId, registeredAt: ago(30) });
    const ofB = await work(post, { inspectorId: b.userId, registeredAt: ago(20) });
    const pooled = await work(post, { inspectorId: null, registeredAt: ago(10) });
    await work(other.post, { inspectorId: other.a.userId, registeredAt: ago(40) });
    await work(other.post, { inspectorId: null, registeredAt: ago(40) });

    expect(await ids(supervisor, { inspector: b.userId })).toEqual([ofB]);
    expect(await ids(supervisor, { inspector: 'pool' })).toEqual([pooled]);
    expect(await ids(supervisor, { inspector: 'pool', channel: 'RED' })).toEqual([]);
    // Someone who is not an inspector of the post, or not an id at all: the filter falls back to none.
    const stranger = await listWorkQueue({ actor: supervisor, query: { inspector: other.a.userId }, now: NOW });
    expect(stranger.query.inspector).toBeUndefined();
    expect(stranger.rows.map((r) => r.declaration.id)).toEqual([ofA, ofB, pooled]);
    expect(await ids(supervisor, { inspector: 'nobody' } as unknown as Partial<QueueQuery>)).toEqual([
      ofA,
      ofB,
      pooled,
    ]);

    for (const inspector of [b.userId, 'pool']) {
      const asked = await listWorkQueue({ actor: a, query: { inspector }, now: NOW });
      expect(asked.query.inspector).toBeUndefined();
      expect(asked.rows.map((r) => r.declaration.id)).toEqual([ofA]);
    }
    expect((await listWorkQueue({ actor: a, now: NOW })).inspectors).toEqual([]);
  });
});

/** Raw cotton needs no permit. */
const cotton = {
  hsCode: '5201000000',
  description: 'Raw cotton',
  originCountry: 'KZ',
  grossMass: '10100',
  netMass: '10000',
  quantity: '10000',
  supplementaryUnit: 'KG' as const,
  invoiceValue: '10000.00',
};

async function registered(postCode: string) {
  const trader = await aTrader();
  const { id } = await createDeclarationDraft({
    actor: trader,
    input: { ...aDraftInput({ postCode }), items: [cotton] },
    now: NOW,
  });
  await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
  return id;
}

describe('duty and the pool', () => {
  it('keeps an inspector’s open work when they go off duty; new work goes to those on duty, or waits in the pool', async () => {
    const post = await aPost();
    await aForcedChannel(post.code, 'YELLOW');
    const a = await anInspector(post.id);
    const first = await registered(post.code);
    expect(await ids(a)).toEqual([first]);

    expect(await setOnDuty({ actor: a, isOnDuty: false, now: NOW })).toEqual({ fromPool: 0 });
    expect(await getOfficerDutyStatus({ actor: a })).toMatchObject({ isOnDuty: false });
    expect(await db.auditEntry.count({ where: { entityId: a.userId, action: 'inspector.off-duty' } })).toBe(1);
    // Still theirs (a supervisor reassigns it if it must move), still in their queue.
    expect(
      (await db.assignment.findMany({ where: { declarationId: first, closedAt: null } })).map((x) => x.inspectorId),
    ).toEqual([a.userId]);
    expect(await ids(a)).toEqual([first]);

    const second = await registered(post.code);
    expect(
      (await db.assignment.findFirstOrThrow({ where: { declarationId: second, closedAt: null } })).inspectorId,
    ).toBeNull();
    const b = await anInspector(post.id);
    const third = await registered(post.code);
    expect(
      (await db.assignment.findFirstOrThrow({ where: { declarationId: third, closedAt: null } })).inspectorId,
    ).toBe(b.userId);
  });

  it('drains the pool across the on-duty inspectors evenly, least open work first, oldest first', async () => {
    const post = await aPost();
    const busy = await anInspector(post.id);
    const idle = await anInspector(post.id);
    const late = await anInspector(post.id, { isOnDuty: false });
    const offDuty = await anInspector(post.id, { isOnDuty: false });
    await work(post, { inspectorId: busy.userId, registeredAt: ago(500) });
    await work(post, { inspectorId: busy.userId, registeredAt: ago(490) });
    const pooled: string[] = [];
    for (let m = 60; m >= 10; m -= 10) pooled.push(await work(post, { inspectorId: null, registeredAt: ago(m) })); // 6, oldest first

    expect(await setOnDuty({ actor: late, isOnDuty: true, now: NOW })).toEqual({ fromPool: 6 });
    expect(await db.assignment.count({ where: { postId: post.id, inspectorId: null, closedAt: null } })).toBe(0);
    const open = await db.assignment.findMany({ where: { postId: post.id, closedAt: null } });
    const count = (id: string) => open.filter((x) => x.inspectorId === id).length;
    expect([count(busy.userId), count(idle.userId), count(late.userId)].sort()).toEqual([2, 3, 3]);
    expect(count(offDuty.userId)).toBe(0);
    // The two with no work take the four oldest; only the last two can go to the busy inspector.
    const taken = open.filter((x) => pooled.includes(x.declarationId));
    expect(taken.every((x) => x.reason === 'FROM_POOL' && x.assignedAt.getTime() === NOW.getTime())).toBe(true);
    for (const id of pooled.slice(0, 4))
      expect([idle.userId, late.userId]).toContain(taken.find((x) => x.declarationId === id)!.inspectorId);
    expect(
      await db.assignment.count({ where: { declarationId: { in: pooled }, inspectorId: null, closedAt: NOW } }),
    ).toBe(6);
  });
});

describe('files and the declaration of the post', () => {
  it('lets an officer of the post open an uploaded file once the declaration is registered; another post gets 404', async () => {
    const post = await aPost();
    await aForcedChannel(post.code, 'YELLOW');
    const inspector = await anInspector(post.id);
    const supervisor = actorOf(await aUser({ role: 'SUPERVISOR', postId: post.id }));
    const elsewhere = await anInspector((await aPost()).id);
    const trader = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const { id: documentId } = await addDocument({
      actor: trader,
      declarationId: id,
      input: { type: 'INVOICE', number: 'INV-77', date: '2026-11-20' },
      file: { fileName: 'invoice.png', bytes: png },
      now: NOW,
    });
    const { fileId } = await db.declarationDocument.findUniqueOrThrow({ where: { id: documentId } });
    // A draft is the trader's alone.
    await failure(readDeclarationFile({ actor: inspector, fileId: fileId! }), 'NOT_FOUND');
    await submitDeclaration({ actor: trader, declarationId: id, now: NOW });

    for (const officer of [inspector, supervisor]) {
      const file = await readDeclarationFile({ actor: officer, fileId: fileId! });
      expect(file).toMatchObject({ mimeType: 'image/png', size: png.byteLength });
      expect(new Uint8Array(file.content)).toEqual(png);
    }
    await failure(readDeclarationFile({ actor: elsewhere, fileId: fileId! }), 'NOT_FOUND');

    // The officer's page has the freight, the insurance and each item's customs value (UZS).
    const view = await getDeclarationForOfficer({ actor: inspector, declarationId: id, now: NOW });
    expect(view.declaration.documents.some((doc) => doc.file?.id === fileId)).toBe(true);
    expect([view.declaration.freight?.toFixed(2), view.declaration.insurance?.toFixed(2)]).toEqual(['800.00', '50.00']);
    // FOB adds both, spread by value 60/40 (DOMAIN.md's worked example): 6 510 and 4 340 USD at the registration date's rate.
    const [laptops, beer] = view.declaration.items.map((i) => new D(i.customsValue!.toString()));
    expect(laptops.div(6510).toFixed(2)).toBe(beer.div(4340).toFixed(2));
    expect(laptops.div(6510).gt(1)).toBe(true);
    await failure(getDeclarationForOfficer({ actor: elsewhere, declarationId: id, now: NOW }), 'NOT_FOUND');
  });
});
