import { describe, expect, it } from 'vitest';
import {
  ZStatisticsQuery,
  parseStatisticsSearchParams,
  statisticsQueryParams,
  STATISTICS_MAX_DAYS,
} from '@/lib/statistics/query';

const TODAY = '2026-11-28';
const parse = (params: Record<string, string | string[] | undefined>, allowPost = true) =>
  parseStatisticsSearchParams(params, { today: TODAY, allowPost });

describe('the statistics query (what the use case accepts)', () => {
  it('accepts a period and an optional post', () => {
    expect(ZStatisticsQuery.parse({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(ZStatisticsQuery.parse({ from: '2026-11-28', to: '2026-11-28', postCode: '26001' })).toEqual({
      from: '2026-11-28',
      to: '2026-11-28',
      postCode: '26001',
    });
  });

  it.each([
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from', 'Enter the start date as YYYY-MM-DD, for example 2026-11-01'],
    [{ from: '2026-01-01', to: '31.12.2026' }, 'to', 'Enter the end date as YYYY-MM-DD, for example 2026-11-30'],
    [{ from: '1999-12-31', to: '2026-01-01' }, 'from', 'Enter the start date as YYYY-MM-DD, for example 2026-11-01'],
    [{ from: '2026-12-01', to: '2026-11-30' }, 'to', 'The end date must be the same as or after the start date'],
    [{ from: '2010-01-01', to: '2026-01-01' }, 'from', `The period can be at most ${STATISTICS_MAX_DAYS} days long`],
    [{ from: '2026-01-01', to: '2026-01-02', postCode: '2600' }, 'postCode', 'Choose a customs post from the list'],
    [{ to: '2026-01-02' }, 'from', 'Enter the start date as YYYY-MM-DD, for example 2026-11-01'],
  ])('refuses %j naming %s', (input, path, message) => {
    const result = ZStatisticsQuery.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[path, message]]);
  });
});

describe('the page and export query string (fallbacks and field errors)', () => {
  it('defaults to the last 30 days, today included', () => {
    expect(parse({})).toEqual({
      query: { from: '2026-10-30', to: TODAY },
      entered: { from: '', to: '', post: '' },
      fieldErrors: [],
    });
  });

  it('takes a valid period and post', () => {
    expect(parse({ from: '2025-11-29', to: '2026-11-28', post: '26001' }).query).toEqual({
      from: '2025-11-29',
      to: '2026-11-28',
      postCode: '26001',
    });
    expect(parse(new URLSearchParams('from=2026-01-01&to=2026-01-31') as never).query).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
  });

  it('keeps the default length next to a single end', () => {
    expect(parse({ from: '2026-06-01' }).query).toEqual({ from: '2026-06-01', to: TODAY });
    expect(parse({ from: '2027-01-01' }).query).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    expect(parse({ to: '2026-03-31' }).query).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(parse({ to: '2026-11-20' }).query).toEqual({ from: '2026-10-30', to: '2026-11-20' });
  });

  it('falls back to the default period with an error on each bad date, and on nothing else', () => {
    const result = parse({ from: '2026-02-30', to: '2026-01-01', post: 'abc' });
    expect(result.query).toEqual({ from: '2026-10-30', to: TODAY });
    expect(result.entered).toEqual({ from: '2026-02-30', to: '2026-01-01', post: 'abc' });
    expect(result.fieldErrors).toEqual([
      { path: 'from', message: 'Enter the start date as YYYY-MM-DD, for example 2026-11-01' },
      { path: 'post', message: 'Choose a customs post from the list' },
    ]);
  });

  it('names an end before the start, and a period too long, and shows the default period', () => {
    expect(parse({ from: '2026-11-02', to: '2026-11-01' })).toMatchObject({
      query: { from: '2026-10-30', to: TODAY },
      fieldErrors: [{ path: 'to', message: 'The end date must be the same as or after the start date' }],
    });
    expect(parse({ from: '2001-01-01', to: TODAY })).toMatchObject({
      query: { from: '2026-10-30', to: TODAY },
      fieldErrors: [{ path: 'from' }],
    });
  });

  it('survives nonsense: arrays, huge strings, script', () => {
    const result = parse({ from: ['2026-01-01', 'x'], to: '<script>'.repeat(1000), post: ['1'] });
    expect(result.query).toEqual({ from: '2026-10-30', to: TODAY });
    expect(result.fieldErrors.map((e) => e.path)).toEqual(['to', 'post']);
    expect(result.entered.to.length).toBeLessThanOrEqual(40);
  });

  it('ignores the post for supervisors (their own post only)', () => {
    expect(parse({ post: '23001' }, false)).toEqual({
      query: { from: '2026-10-30', to: TODAY },
      entered: { from: '', to: '', post: '' },
      fieldErrors: [],
    });
  });

  it('writes the query back as URL parameters', () => {
    expect(statisticsQueryParams({ from: '2026-01-01', to: '2026-01-31' })).toBe('?from=2026-01-01&to=2026-01-31');
    expect(statisticsQueryParams({ from: '2026-01-01', to: '2026-01-31', postCode: '26001' })).toBe(
      '?from=2026-01-01&to=2026-01-31&post=26001',
    );
  });

  it('takes a longer default period where the page asks for one (risk performance: the last year)', () => {
    const year = (params: Record<string, string>) =>
      parseStatisticsSearchParams(params, { today: TODAY, allowPost: false, defaultDays: 366 });
    expect(year({}).query).toEqual({ from: '2025-11-28', to: TODAY });
    // A bad date is named, not silently replaced; the default year is shown meanwhile.
    const bad = year({ from: '2026-13-45' });
    expect(bad.query).toEqual({ from: '2025-11-28', to: TODAY });
    expect(bad.fieldErrors).toEqual([{ path: 'from', message: expect.stringContaining('start date') }]);
    // End before start: named on the end date.
    expect(year({ from: '2026-12-01', to: '2025-01-01' }).fieldErrors).toEqual([
      { path: 'to', message: 'The end date must be the same as or after the start date' },
    ]);
    // An end before the default start: the year before it.
    expect(year({ to: '2025-06-30' }).query).toEqual({ from: '2024-06-30', to: '2025-06-30' });
  });
});
