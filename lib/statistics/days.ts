// Calendar days (YYYY-MM-DD, the service's days — lib/time.ts) for the statistics: arithmetic,
// runs of consecutive days, and the buckets of the trend chart (day, ISO week or month).

const DAY_MS = 86_400_000;

const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Days from `from` to `to`, both included (1 for the same day). */
export function daysInPeriod(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS) + 1;
}

/** Sorted distinct days grouped into runs of consecutive days: each run is recomputed with one range query. */
export function contiguousRuns(days: readonly string[]): Array<{ from: string; to: string }> {
  const sorted = [...new Set(days)].sort();
  const runs: Array<{ from: string; to: string }> = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && addDays(last.to, 1) === day) last.to = day;
    else runs.push({ from: day, to: day });
  }
  return runs;
}

export const TREND_UNITS = ['day', 'week', 'month'] as const;
export type TrendUnit = (typeof TREND_UNITS)[number];

/** Days for up to two months, ISO weeks for up to a year and a bit, months beyond. */
export function trendUnit(from: string, to: string): TrendUnit {
  const days = daysInPeriod(from, to);
  if (days <= 62) return 'day';
  if (days <= 371) return 'week';
  return 'month';
}

/** The first day of the bucket that holds `date`: itself, the Monday of its week, or the 1st of its month. */
export function bucketStart(date: string, unit: TrendUnit): string {
  switch (unit) {
    case 'day':
      return date;
    case 'week': {
      const weekday = (new Date(toUtc(date)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
      return addDays(date, -weekday);
    }
    case 'month':
      return `${date.slice(0, 7)}-01`;
    default: {
      const never: never = unit;
      return never;
    }
  }
}

/** Every bucket of the period, in order (the first may start before `from`). */
export function trendBuckets(from: string, to: string, unit: TrendUnit): string[] {
  const buckets: string[] = [];
  let day = bucketStart(from, unit);
  while (day <= to) {
    buckets.push(day);
    if (unit === 'day') day = addDays(day, 1);
    else if (unit === 'week') day = addDays(day, 7);
    else {
      const [y, m] = day.split('-').map(Number);
      day = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    }
  }
  return buckets;
}
