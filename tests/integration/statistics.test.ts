import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import { getDashboard, exportDashboardCsv } from '@/src/server/statistics/dashboard';
import { refreshStatistics } from '@/src/server/statistics/refresh';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/src/server/actor';
import { aPost, aTrader, anInspector, actorOf, aUser, aDeclarationForStatistics } from '../support/factories';

/** A moment in Tashkent (UTC+5), e.g. '2026-03-03 10:00'. */
const tashkent = (local: string) => new Date(Date.parse(`${local.replace(' ', 'T')}:00Z`) - 5 * 3600_000);
const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
const PERIOD = { from: '2026-03-02', to: '2026-03-08' };

async function expectAppError(promise: Promise<unknown>, code: AppError['code']) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('the statistics dashboard on a small known history', () => {
  let post: Awaited<ReturnType<typeof aPost>>;
  let supervisor: Actor;
  let admin: Actor;
  let inspectorA: Actor;
  let inspectorB: Actor;
  let transitId: string;

  beforeAll(async () => {
    post = await aPost();
    supervisor = actorOf(await aUser({ role: 'SUPERVISOR', postId: post.id }));
    admin = actorOf(await aUser({ role: 'ADMIN' }));
    inspectorA = await anInspector(post.id);
    inspectorB = await anInspector(post.id, { isOnDuty: false });
    const trader = await aTrader();
    const base = { trader, post };
    const registered = tashkent('2026-03-03 10:00');
    const green = { amounts: { DUTY: '1000.00', VAT: '2000.00', FEE: '100000.00' } };

    // Four green imports released after 2, 3, 5 and 10 minutes; the last one reassessed (the latest assessment counts).
    for (const minutes of [2, 3, 5]) {
      await aDeclarationForStatistics({
        ...base,
        registeredAt: registered,
        releasedAt: minutesAfter(registered, minutes),
        assessments: [green],
        payments: [{ amount: '103000.00', at: minutesAfter(registered, 1) }],
      });
    }
    await aDeclarationForStatistics({
      ...base,
      registeredAt: registered,
      releasedAt: minutesAfter(registered, 10),
      assessments: [green, { amounts: { DUTY: '1500.00', VAT: '2060.00', FEE: '100000.00' } }],
      payments: [
        { amount: '103000.00', at: minutesAfter(registered, 1), status: 'REVERSED' },
        { amount: '103560.00', at: minutesAfter(registered, 8) },
      ],
    });
    // One red import: physically examined with a hit of 500,000 UZS, released after 4 hours; its assignment closed then.
    await aDeclarationForStatistics({
      ...base,
      channel: 'RED',
      registeredAt: registered,
      releasedAt: minutesAfter(registered, 240),
      assessments: [{ amounts: { DUTY: '50000.00', VAT: '6000.00', FEE: '100000.00' } }],
      inspections: [
        {
          kind: 'PHYSICAL_EXAMINATION',
          inspectorId: inspectorA.userId,
          at: minutesAfter(registered, 120),
          isHit: true,
          additionalRevenue: '500000.00',
        },
      ],
      payments: [{ amount: '156000.00', at: minutesAfter(registered, 200) }],
      assignment: { inspectorId: inspectorA.userId, closedAt: minutesAfter(registered, 240) },
    });
    // A green export withdrawn (its assessment is not due); another registered at 23:59 on the last day, released a minute later.
    await aDeclarationForStatistics({
      ...base,
      regime: 'EK10',
      status: 'WITHDRAWN',
      registeredAt: registered,
      assessments: [{ amounts: { FEE: '100000.00' } }],
    });
    const lastMinute = tashkent('2026-03-08 23:59');
    await aDeclarationForStatistics({
      ...base,
      regime: 'EK10',
      registeredAt: lastMinute,
      releasedAt: minutesAfter(lastMinute, 1),
      assessments: [{ amounts: { FEE: '100000.00' } }],
      payments: [{ amount: '100000.00', at: minutesAfter(lastMinute, 0.5) }],
    });
    // A yellow transit still waiting in the post's pool, its payments secured; a document check after the period.
    transitId = (
      await aDeclarationForStatistics({
        ...base,
        regime: 'TR80',
        channel: 'YELLOW',
        status: 'ASSIGNED',
        registeredAt: registered,
        assessments: [{ amounts: { DUTY: '7000.00', VAT: '8000.00', FEE: '100000.00' }, isSecured: true }],
        inspections: [{ kind: 'DOCUMENT_CHECK', inspectorId: inspectorA.userId, at: tashkent('2026-03-10 09:00') }],
        assignment: { inspectorId: null },
      })
    ).id;
    // Outside the period, by a minute on each side.
    await aDeclarationForStatistics({
      ...base,
      regime: 'EK10',
      registeredAt: tashkent('2026-03-01 23:59'),
      releasedAt: tashkent('2026-03-02 00:05'),
    });
    await aDeclarationForStatistics({
      ...base,
      regime: 'EK10',
      registeredAt: tashkent('2026-03-09 00:00'),
      releasedAt: tashkent('2026-03-09 00:05'),
    });
  });

  it('counts declarations by channel and regime, and the share released green (0.8 for imports)', async () => {
    const d = await getDashboard({ actor: supervisor, query: PERIOD });
    expect(d.post).toEqual({ code: post.code, name: post.name });
    expect(d.period).toEqual({ ...PERIOD, days: 7 });
    expect(d.declarations.total).toEqual({
      registered: 8,
      routedGreen: 6,
      released: 6,
      releasedGreen: 5,
      refused: 0,
      withdrawn: 1,
      inProgress: 1,
      shareRoutedGreen: 6 / 8,
      shareReleasedGreen: 5 / 6,
      byChannel: { GREEN: 6, YELLOW: 1, RED: 1, BLUE: 0, NONE: 0 },
    });
    const [imports, exports, transit] = d.declarations.byDirection;
    expect(imports).toMatchObject({
      direction: 'IMPORT',
      registered: 5,
      routedGreen: 4,
      released: 5,
      releasedGreen: 4,
      shareReleasedGreen: 0.8,
      shareRoutedGreen: 0.8,
    });
    expect(exports).toMatchObject({
      direction: 'EXPORT',
      registered: 2,
      released: 1,
      releasedGreen: 1,
      shareReleasedGreen: 1,
      withdrawn: 1,
    });
    expect(transit).toMatchObject({
      direction: 'TRANSIT',
      registered: 1,
      released: 0,
      shareReleasedGreen: null,
      inProgress: 1,
    });
    expect(d.declarations.byRegime.find((r) => r.regime === 'IM40')?.byChannel).toEqual({
      GREEN: 4,
      YELLOW: 0,
      RED: 1,
      BLUE: 0,
      NONE: 0,
    });
    expect(d.trend.points.find((p) => p.start === '2026-03-03')?.total).toBe(7);
    expect(d.trend.points.find((p) => p.start === '2026-03-08')?.byChannel.GREEN).toBe(1);
  });

  it('gives the median and p90 time from submission to release per channel (percentile_cont)', async () => {
    const d = await getDashboard({ actor: supervisor, query: PERIOD });
    expect(d.releaseTimes.method).toBe('exact');
    const byChannel = Object.fromEntries(d.releaseTimes.rows.map((r) => [r.channel, r]));
    // Green: 1, 2, 3, 5, 10 minutes → median 3, p90 = 5 + 0.6 × 5 = 8.
    expect(byChannel.GREEN).toEqual({ channel: 'GREEN', released: 5, medianMinutes: 3, p90Minutes: 8 });
    expect(byChannel.RED).toEqual({ channel: 'RED', released: 1, medianMinutes: 240, p90Minutes: 240 });
    expect(byChannel.YELLOW).toEqual({ channel: 'YELLOW', released: 0, medianMinutes: null, p90Minutes: null });
    // All: 1, 2, 3, 5, 10, 240 → median 4, p90 = 10 + 0.5 × 230 = 125.
    expect(byChannel.ALL).toEqual({ channel: 'ALL', released: 6, medianMinutes: 4, p90Minutes: 125 });
    // The histogram the large periods read holds the same times.
    const histogram = await db.statisticsReleaseTimeDay.groupBy({
      by: ['channel'],
      where: { postId: post.id, day: { gte: new Date('2026-03-02'), lte: new Date('2026-03-08') } },
      _sum: { count: true },
      _min: { minSeconds: true },
      _max: { maxSeconds: true },
    });
    expect(
      histogram
        .map((h) => [h.channel, h._sum.count, h._min.minSeconds?.toString(), h._max.maxSeconds?.toString()])
        .sort(),
    ).toEqual([
      ['GREEN', 5, '60', '600'],
      ['RED', 1, '14400', '14400'],
    ]);
  });

  it('counts inspections performed in the period, hits, hit rate and additional revenue', async () => {
    const d = await getDashboard({ actor: supervisor, query: PERIOD });
    expect(d.inspections.total).toEqual({ inspections: 1, hits: 1, hitRate: 1, additionalRevenue: '500000.00' });
    expect(d.inspections.byKind.find((k) => k.kind === 'PHYSICAL_EXAMINATION')).toEqual({
      kind: 'PHYSICAL_EXAMINATION',
      inspections: 1,
      hits: 1,
      hitRate: 1,
      additionalRevenue: '500000.00',
    });
    const later = await getDashboard({ actor: supervisor, query: { from: '2026-03-10', to: '2026-03-10' } });
    expect(later.inspections.total).toEqual({ inspections: 1, hits: 0, hitRate: 0, additionalRevenue: '0.00' });
  });

  it('sums the latest payable assessment per type, the secured amounts apart, and the completed payments', async () => {
    const d = await getDashboard({ actor: supervisor, query: PERIOD });
    expect(d.duties).toEqual({
      byType: [
        { paymentType: 'DUTY', assessed: '54500.00', secured: '7000.00' }, // 3 × 1,000 + 1,500 (reassessed) + 50,000
        { paymentType: 'EXCISE', assessed: '0.00', secured: '0.00' },
        { paymentType: 'VAT', assessed: '14060.00', secured: '8000.00' }, // 3 × 2,000 + 2,060 + 6,000
        { paymentType: 'FEE', assessed: '600000.00', secured: '100000.00' }, // 6 × 100,000 (not the withdrawn export's)
      ],
      assessed: '668560.00',
      secured: '115000.00',
      collected: '668560.00', // the reversed payment does not count
      payments: 6,
    });
  });

  it('gives the workload per inspector: open now and closed in the period, and the pool', async () => {
    const d = await getDashboard({ actor: supervisor, query: PERIOD });
    const byId = Object.fromEntries(d.workload.inspectors.map((r) => [r.inspectorId, r]));
    expect(byId[inspectorA.userId]).toMatchObject({ postCode: post.code, isOnDuty: true, open: 0, closed: 1 });
    expect(byId[inspectorB.userId]).toMatchObject({ postCode: post.code, isOnDuty: false, open: 0, closed: 0 });
    expect(d.workload.inspectors).toHaveLength(2);
    expect(d.workload.pool).toEqual([{ postCode: post.code, open: 1 }]);
  });

  it('follows changes at once: a release, an inspection and a reassessment move the figures', async () => {
    const before = await getDashboard({ actor: supervisor, query: PERIOD });
    await db.declaration.update({
      where: { id: transitId },
      data: { status: 'RELEASED', releasedAt: tashkent('2026-03-03 13:00') },
    });
    await db.assignment.updateMany({
      where: { declarationId: transitId, closedAt: null },
      data: { inspectorId: inspectorB.userId, closedAt: tashkent('2026-03-03 13:00') },
    });
    await db.inspection.create({
      data: {
        declarationId: transitId,
        inspectorId: inspectorB.userId,
        kind: 'DOCUMENT_CHECK',
        findings: 'Undervalued.',
        isHit: true,
        additionalRevenue: '250.50',
        at: tashkent('2026-03-03 12:00'),
      },
    });
    const after = await getDashboard({ actor: supervisor, query: PERIOD });
    expect(after.declarations.total.released).toBe(before.declarations.total.released + 1);
    expect(after.declarations.total.inProgress).toBe(0);
    expect(after.releaseTimes.rows.find((r) => r.channel === 'YELLOW')).toEqual({
      channel: 'YELLOW',
      released: 1,
      medianMinutes: 180,
      p90Minutes: 180,
    });
    expect(after.inspections.total).toEqual({ inspections: 2, hits: 2, hitRate: 1, additionalRevenue: '500250.50' });
    expect(after.workload.pool).toEqual([]);
    expect(after.workload.inspectors.find((r) => r.inspectorId === inspectorB.userId)).toMatchObject({
      closed: 1,
      open: 0,
    });
    expect((await refreshStatistics()).days).toBe(0); // nothing left to recompute
  });

  it('shows the administrator the same figures for the post, and every post by default', async () => {
    const mine = await getDashboard({ actor: supervisor, query: PERIOD });
    const chosen = await getDashboard({ actor: admin, query: { ...PERIOD, postCode: post.code } });
    expect(chosen).toEqual(mine);
    const all = await getDashboard({ actor: admin, query: PERIOD });
    expect(all.post).toBeNull();
    const lo = tashkent('2026-03-02 00:00');
    const hi = tashkent('2026-03-09 00:00');
    expect(all.declarations.total.registered).toBe(
      await db.declaration.count({ where: { registeredAt: { gte: lo, lt: hi }, postId: { not: null } } }),
    );
    expect(all.declarations.total.released).toBe(
      await db.declaration.count({
        where: { registeredAt: { gte: lo, lt: hi }, postId: { not: null }, status: 'RELEASED' },
      }),
    );
    expect(all.declarations.total.registered).toBeGreaterThan(mine.declarations.total.registered); // the seeded history too
  });

  it('exports the dashboard as CSV', async () => {
    const { fileName, body } = await exportDashboardCsv({ actor: supervisor, query: PERIOD });
    expect(fileName).toBe(`statistics-${post.code}-2026-03-02-2026-03-08.csv`);
    expect(body).toContain(`2026-03-02,2026-03-08,${post.code},green_route,IMPORT,,share_released_green,0.8000\r\n`);
    expect(body).toContain(
      `2026-03-02,2026-03-08,${post.code},inspections,PHYSICAL_EXAMINATION,,additional_revenue_uzs,500000.00\r\n`,
    );
  });
});

describe('who sees which statistics', () => {
  it('shows a supervisor of another post none of them', async () => {
    const other = await aPost();
    const supervisor = actorOf(await aUser({ role: 'SUPERVISOR', postId: other.id }));
    const d = await getDashboard({ actor: supervisor, query: PERIOD });
    expect(d.post?.code).toBe(other.code);
    expect(d.declarations.total.registered).toBe(0);
    expect(d.inspections.total.inspections).toBe(0);
    expect(d.duties.assessed).toBe('0.00');
    expect(d.releaseTimes.rows.find((r) => r.channel === 'ALL')).toEqual({
      channel: 'ALL',
      released: 0,
      medianMinutes: null,
      p90Minutes: null,
    });
  });

  it('refuses a supervisor another post, and everyone but supervisors and the administrator', async () => {
    const mine = await aPost();
    const other = await aPost();
    const supervisor = actorOf(await aUser({ role: 'SUPERVISOR', postId: mine.id }));
    const error = await expectAppError(
      getDashboard({ actor: supervisor, query: { ...PERIOD, postCode: other.code } }),
      'FORBIDDEN',
    );
    expect(error.message).toBe('You can see the statistics of your own customs post only.');
    await expectAppError(getDashboard({ actor: await anInspector(mine.id), query: PERIOD }), 'FORBIDDEN');
    await expectAppError(getDashboard({ actor: await aTrader(), query: PERIOD }), 'FORBIDDEN');
    const authority = await db.authority.findFirstOrThrow();
    await expectAppError(
      getDashboard({
        actor: actorOf(await aUser({ role: 'AGENCY_OFFICER', authorityId: authority.id })),
        query: PERIOD,
      }),
      'FORBIDDEN',
    );
    await expectAppError(
      getDashboard({ actor: actorOf(await aUser({ role: 'SUPERVISOR' })), query: PERIOD }),
      'FORBIDDEN',
    );
  });

  it('names bad input by field, never a 500', async () => {
    const admin = actorOf(await aUser({ role: 'ADMIN' }));
    const reversed = await expectAppError(
      getDashboard({ actor: admin, query: { from: '2026-03-08', to: '2026-03-02' } }),
      'VALIDATION',
    );
    expect(reversed.fieldErrors).toEqual([
      { path: 'to', message: 'The end date must be the same as or after the start date' },
    ]);
    const unknown = await expectAppError(
      getDashboard({ actor: admin, query: { ...PERIOD, postCode: '00001' } }),
      'VALIDATION',
    );
    expect(unknown.fieldErrors).toEqual([{ path: 'postCode', message: 'Choose a customs post from the list' }]);
    const nonsense = await expectAppError(
      getDashboard({ actor: admin, query: { from: 'yesterday', to: 42 } }),
      'VALIDATION',
    );
    expect(nonsense.fieldErrors.map((e) => e.path)).toEqual(['from', 'to']);
  });

  it('refreshes safely when many dashboards open at once', async () => {
    const post = await aPost();
    const supervisor = actorOf(await aUser({ role: 'SUPERVISOR', postId: post.id }));
    const trader = await aTrader();
    await aDeclarationForStatistics({
      trader,
      post,
      registeredAt: tashkent('2026-04-01 10:00'),
      releasedAt: tashkent('2026-04-01 10:05'),
    });
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        getDashboard({ actor: supervisor, query: { from: '2026-04-01', to: '2026-04-01' } }),
      ),
    );
    expect(results.map((d) => d.declarations.total.released)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
