import { describe, expect, it } from 'vitest';
import { assembleDashboard, type DashboardInput } from '@/lib/statistics/dashboard';
import { dashboardCsv, dashboardCsvRows } from '@/lib/statistics/csv';

const EMPTY: DashboardInput = {
  from: '2026-11-01',
  to: '2026-11-07',
  post: { code: '26001', name: 'Tashkent — Chukursay railway' },
  declarations: [],
  releaseTimes: [],
  inspections: [],
  assessed: [],
  collected: { payments: 0, amount: '0' },
  inspectors: [],
  pool: [],
};

// 4 green imports released, 1 red import released after a hit, 1 yellow import refused,
// 2 green exports (1 released, 1 still in progress), 1 transit withdrawn.
const INPUT: DashboardInput = {
  ...EMPTY,
  declarations: [
    { day: '2026-11-02', regime: 'IM40', channel: 'GREEN', registered: 4, released: 4, refused: 0, withdrawn: 0 },
    { day: '2026-11-02', regime: 'IM40', channel: 'RED', registered: 1, released: 1, refused: 0, withdrawn: 0 },
    { day: '2026-11-06', regime: 'IM31', channel: 'YELLOW', registered: 1, released: 0, refused: 1, withdrawn: 0 },
    { day: '2026-11-02', regime: 'EK10', channel: 'GREEN', registered: 1, released: 1, refused: 0, withdrawn: 0 },
    { day: '2026-11-05', regime: 'EK10', channel: 'GREEN', registered: 1, released: 0, refused: 0, withdrawn: 0 },
    { day: '2026-11-05', regime: 'TR80', channel: 'GREEN', registered: 1, released: 0, refused: 0, withdrawn: 1 },
  ],
  releaseTimes: [
    { channel: 'GREEN', bucket: 44, count: 1, minSeconds: 120, maxSeconds: 120 },
    { channel: 'GREEN', bucket: 54, count: 2, minSeconds: 180, maxSeconds: 180 },
    { channel: 'GREEN', bucket: 59, count: 1, minSeconds: 300, maxSeconds: 300 },
    { channel: 'GREEN', bucket: 67, count: 1, minSeconds: 600, maxSeconds: 600 },
    { channel: 'RED', bucket: 98, count: 1, minSeconds: 14400, maxSeconds: 14400 },
  ],
  inspections: [
    { kind: 'PHYSICAL_EXAMINATION', inspections: 1, hits: 1, additionalRevenue: '500000.00' },
    { kind: 'DOCUMENT_CHECK', inspections: 1, hits: 0, additionalRevenue: '0.00' },
  ],
  assessed: [
    { paymentType: 'DUTY', amount: '1000.10', securedAmount: '0' },
    { paymentType: 'VAT', amount: '2000.20', securedAmount: '0.05' },
    { paymentType: 'FEE', amount: '100000.00', securedAmount: '0' },
  ],
  collected: { payments: 3, amount: '103000.30' },
  inspectors: [
    {
      inspectorId: 'b',
      name: 'Second',
      officerNumber: 'INS-26001-02',
      postCode: '26001',
      isOnDuty: false,
      open: 0,
      closed: 4,
    },
    {
      inspectorId: 'a',
      name: 'First',
      officerNumber: 'INS-26001-01',
      postCode: '26001',
      isOnDuty: true,
      open: 3,
      closed: 1,
    },
  ],
  pool: [{ postCode: '26001', open: 2 }],
};

describe('the dashboard assembled from summed rows', () => {
  const d = assembleDashboard(INPUT);

  it('counts declarations by channel and regime, with outcomes and the share released green', () => {
    expect(d.declarations.total).toEqual({
      registered: 9,
      routedGreen: 7,
      released: 6,
      releasedGreen: 5,
      refused: 1,
      withdrawn: 1,
      inProgress: 1,
      shareRoutedGreen: 7 / 9,
      shareReleasedGreen: 5 / 6,
      byChannel: { GREEN: 7, YELLOW: 1, RED: 1, BLUE: 0, NONE: 0 },
    });
    const im40 = d.declarations.byRegime.find((r) => r.regime === 'IM40')!;
    expect(im40).toMatchObject({
      registered: 5,
      released: 5,
      releasedGreen: 4,
      shareReleasedGreen: 0.8,
      byChannel: { GREEN: 4, RED: 1 },
    });
    expect(d.declarations.byRegime.map((r) => r.regime)).toEqual(['IM40', 'EK10', 'TR80', 'IM31', 'EK31', 'IM70']);
    expect(d.declarations.byRegime.find((r) => r.regime === 'IM70')).toMatchObject({
      registered: 0,
      shareReleasedGreen: null,
      shareRoutedGreen: null,
    });
    expect(d.declarations.channels).toEqual(['GREEN', 'YELLOW', 'RED', 'BLUE']);
  });

  it('groups regimes by direction, as the service reports them', () => {
    expect(d.declarations.byDirection).toEqual([
      expect.objectContaining({
        direction: 'IMPORT',
        registered: 6,
        routedGreen: 4,
        shareRoutedGreen: 4 / 6,
        released: 5,
        releasedGreen: 4,
        shareReleasedGreen: 0.8,
      }),
      expect.objectContaining({
        direction: 'EXPORT',
        registered: 2,
        routedGreen: 2,
        shareRoutedGreen: 1,
        released: 1,
        shareReleasedGreen: 1,
        inProgress: 1,
      }),
      expect.objectContaining({
        direction: 'TRANSIT',
        registered: 1,
        released: 0,
        shareReleasedGreen: null,
        withdrawn: 1,
      }),
    ]);
  });

  it('shows "not assessed" only when a declaration had no channel', () => {
    const withNone = assembleDashboard({
      ...EMPTY,
      declarations: [
        { day: '2026-11-03', regime: 'IM40', channel: 'NONE', registered: 2, released: 0, refused: 0, withdrawn: 0 },
      ],
    });
    expect(withNone.declarations.channels).toEqual(['GREEN', 'YELLOW', 'RED', 'BLUE', 'NONE']);
    expect(withNone.declarations.total.shareRoutedGreen).toBe(0);
  });

  it('fills every day of the trend from the same rows, zeros included', () => {
    expect(d.trend.unit).toBe('day');
    expect(d.trend.points.map((p) => [p.start, p.total])).toEqual([
      ['2026-11-01', 0],
      ['2026-11-02', 6],
      ['2026-11-03', 0],
      ['2026-11-04', 0],
      ['2026-11-05', 2],
      ['2026-11-06', 1],
      ['2026-11-07', 0],
    ]);
    expect(d.trend.points[1].byChannel).toEqual({ GREEN: 5, YELLOW: 0, RED: 1, BLUE: 0, NONE: 0 });
  });

  it('groups the rows into weeks for a longer period (Monday first)', () => {
    const long = assembleDashboard({ ...INPUT, from: '2026-09-01', to: '2026-11-30' });
    expect(long.trend.unit).toBe('week');
    expect(long.trend.points[0].start).toBe('2026-08-31');
    expect(long.trend.points.find((p) => p.start === '2026-11-02')?.total).toBe(9);
    expect(long.trend.points.reduce((s, p) => s + p.total, 0)).toBe(9);
  });

  it('gives the median and p90 time to release per channel and overall (minutes)', () => {
    expect(d.releaseTimes.method).toBe('histogram');
    expect(d.releaseTimes.rows).toEqual([
      { channel: 'GREEN', released: 5, medianMinutes: 3, p90Minutes: 8 },
      { channel: 'YELLOW', released: 0, medianMinutes: null, p90Minutes: null },
      { channel: 'RED', released: 1, medianMinutes: 240, p90Minutes: 240 },
      { channel: 'BLUE', released: 0, medianMinutes: null, p90Minutes: null },
      { channel: 'ALL', released: 6, medianMinutes: 4, p90Minutes: 10 + (240 - 10) * 0.5 },
    ]);
  });

  it('prefers the exact figures when the server computed them', () => {
    const exact = assembleDashboard({
      ...INPUT,
      exactReleaseTimes: [
        { channel: 'GREEN', released: 5, medianSeconds: 180, p90Seconds: 480 },
        { channel: 'ALL', released: 6, medianSeconds: 240, p90Seconds: 7500 },
      ],
    });
    expect(exact.releaseTimes).toEqual({
      method: 'exact',
      rows: [
        { channel: 'GREEN', released: 5, medianMinutes: 3, p90Minutes: 8 },
        { channel: 'YELLOW', released: 0, medianMinutes: null, p90Minutes: null },
        { channel: 'RED', released: 0, medianMinutes: null, p90Minutes: null },
        { channel: 'BLUE', released: 0, medianMinutes: null, p90Minutes: null },
        { channel: 'ALL', released: 6, medianMinutes: 4, p90Minutes: 125 },
      ],
    });
  });

  it('gives inspections, hits, hit rate and additional revenue per kind', () => {
    expect(d.inspections.total).toEqual({ inspections: 2, hits: 1, hitRate: 0.5, additionalRevenue: '500000.00' });
    expect(d.inspections.byKind).toEqual([
      { kind: 'DOCUMENT_CHECK', inspections: 1, hits: 0, hitRate: 0, additionalRevenue: '0.00' },
      { kind: 'PHYSICAL_EXAMINATION', inspections: 1, hits: 1, hitRate: 1, additionalRevenue: '500000.00' },
      { kind: 'POST_CLEARANCE_AUDIT', inspections: 0, hits: 0, hitRate: null, additionalRevenue: '0.00' },
    ]);
  });

  it('sums duties in decimals, never floats', () => {
    expect(d.duties).toEqual({
      byType: [
        { paymentType: 'DUTY', assessed: '1000.10', secured: '0.00' },
        { paymentType: 'EXCISE', assessed: '0.00', secured: '0.00' },
        { paymentType: 'VAT', assessed: '2000.20', secured: '0.05' },
        { paymentType: 'FEE', assessed: '100000.00', secured: '0.00' },
      ],
      assessed: '103000.30', // 0.1 + 0.2 in floats would not be
      secured: '0.05',
      collected: '103000.30',
      payments: 3,
    });
  });

  it('lists inspectors by post and officer number, with the pool', () => {
    expect(d.workload.inspectors.map((r) => r.officerNumber)).toEqual(['INS-26001-01', 'INS-26001-02']);
    expect(d.workload).toMatchObject({ open: 3, closed: 5, poolOpen: 2 });
  });

  it('has nothing to divide by on an empty period, and says so with nulls', () => {
    const empty = assembleDashboard(EMPTY);
    expect(empty.declarations.total).toMatchObject({ registered: 0, shareReleasedGreen: null, shareRoutedGreen: null });
    expect(empty.inspections.total.hitRate).toBeNull();
    expect(empty.releaseTimes.rows.at(-1)).toEqual({
      channel: 'ALL',
      released: 0,
      medianMinutes: null,
      p90Minutes: null,
    });
    expect(empty.period).toEqual({ from: '2026-11-01', to: '2026-11-07', days: 7 });
  });
});

describe('the dashboard as CSV', () => {
  const d = assembleDashboard(INPUT);

  it('has one figure per line, with the period and post on each', () => {
    const csv = dashboardCsv(d);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('period_from,period_to,post,section,group,item,measure,value');
    expect(lines).toContain('2026-11-01,2026-11-07,26001,declarations,IM40,GREEN,registered,4');
    expect(lines).toContain('2026-11-01,2026-11-07,26001,declarations,IM40,ALL,share_released_green,0.8000');
    expect(lines).toContain('2026-11-01,2026-11-07,26001,green_route,IMPORT,,share_released_green,0.8000');
    expect(lines).toContain('2026-11-01,2026-11-07,26001,release_time,GREEN,,median_minutes,3.00');
    expect(lines).toContain('2026-11-01,2026-11-07,26001,inspections,ALL,,hit_rate,0.5000');
    expect(lines).toContain(
      '2026-11-01,2026-11-07,26001,inspections,PHYSICAL_EXAMINATION,,additional_revenue_uzs,500000.00',
    );
    expect(lines).toContain('2026-11-01,2026-11-07,26001,duties,ALL,,assessed_uzs,103000.30');
    expect(lines).toContain('2026-11-01,2026-11-07,26001,workload,26001,INS-26001-01 First,open,3');
    expect(lines).toContain('2026-11-01,2026-11-07,26001,workload,26001,POOL,open,2');
    expect(lines).toContain('2026-11-01,2026-11-07,26001,trend_day,2026-11-02,RED,registered,1');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it("writes ALL for the administrator's every-post view, and empty cells for shares of nothing", () => {
    const rows = dashboardCsvRows(assembleDashboard({ ...EMPTY, post: null }));
    expect(rows.every((r) => r[2] === 'ALL')).toBe(true);
    expect(rows).toContainEqual([
      '2026-11-01',
      '2026-11-07',
      'ALL',
      'green_route',
      'ALL',
      '',
      'share_released_green',
      '',
    ]);
  });
});
