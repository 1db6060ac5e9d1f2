import { describe, expect, it } from 'vitest';
import { addDays, bucketStart, contiguousRuns, daysInPeriod, trendBuckets, trendUnit } from '@/lib/statistics/days';
import { durationParts } from '@/lib/statistics/duration';

describe('service days for the statistics', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-28', 1)).toBe('2026-11-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-11-28', -29)).toBe('2026-10-30');
  });

  it('counts the days of a period, both ends included', () => {
    expect(daysInPeriod('2026-11-28', '2026-11-28')).toBe(1);
    expect(daysInPeriod('2025-11-29', '2026-11-28')).toBe(365);
    expect(daysInPeriod('2028-01-01', '2028-12-31')).toBe(366);
  });

  it.each([
    [[], []],
    [['2026-11-28'], [{ from: '2026-11-28', to: '2026-11-28' }]],
    [['2026-11-28', '2026-11-27', '2026-11-28', '2026-11-26'], [{ from: '2026-11-26', to: '2026-11-28' }]],
    [
      ['2026-12-31', '2027-01-01', '2026-06-01'],
      [
        { from: '2026-06-01', to: '2026-06-01' },
        { from: '2026-12-31', to: '2027-01-01' },
      ],
    ],
  ])('groups %j into runs of consecutive days', (days, runs) => {
    expect(contiguousRuns(days)).toEqual(runs);
  });

  it.each([
    ['2026-11-01', '2026-11-30', 'day'],
    ['2026-10-01', '2026-12-01', 'day'],
    ['2026-10-01', '2026-12-02', 'week'],
    ['2025-11-29', '2026-11-28', 'week'],
    ['2024-01-01', '2026-11-28', 'month'],
  ])('shows %s … %s per %s', (from, to, unit) => {
    expect(trendUnit(from, to)).toBe(unit);
  });

  it('starts weeks on Monday and months on the 1st', () => {
    expect(bucketStart('2026-11-28', 'week')).toBe('2026-11-23'); // a Saturday
    expect(bucketStart('2026-11-23', 'week')).toBe('2026-11-23'); // a Monday
    expect(bucketStart('2026-11-29', 'week')).toBe('2026-11-23'); // a Sunday
    expect(bucketStart('2026-11-28', 'month')).toBe('2026-11-01');
    expect(bucketStart('2026-11-28', 'day')).toBe('2026-11-28');
  });

  it('lists every bucket of the period', () => {
    expect(trendBuckets('2026-11-26', '2026-11-28', 'day')).toEqual(['2026-11-26', '2026-11-27', '2026-11-28']);
    expect(trendBuckets('2026-11-28', '2026-12-08', 'week')).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(trendBuckets('2026-11-15', '2027-02-01', 'month')).toEqual([
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
      '2027-02-01',
    ]);
  });
});

describe('durations as a person reads them', () => {
  it.each([
    [0, { kind: 'minutes', minutes: 0 }],
    [5.44, { kind: 'minutes', minutes: 5.4 }],
    [59.94, { kind: 'minutes', minutes: 59.9 }],
    [59.96, { kind: 'hours', hours: 1, minutes: 0 }],
    [470.2, { kind: 'hours', hours: 7, minutes: 50 }],
    [1500, { kind: 'hours', hours: 25, minutes: 0 }],
  ])('%s minutes → %j', (minutes, parts) => {
    expect(durationParts(minutes)).toEqual(parts);
  });
});
