import { describe, expect, it } from 'vitest';
import {
  mergeHistogram,
  percentileFromHistogram,
  releaseTimeBucket,
  type HistogramBucket,
} from '@/lib/statistics/percentile';

/** PostgreSQL's percentile_cont, on the raw values. */
function percentileCont(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
}

/** The histogram the refresh stores (per bucket: count, shortest, longest). */
function histogramOf(values: number[]): HistogramBucket[] {
  const buckets = new Map<number, HistogramBucket>();
  for (const v of values) {
    const bucket = releaseTimeBucket(v);
    const b = buckets.get(bucket);
    if (!b) buckets.set(bucket, { bucket, count: 1, minSeconds: v, maxSeconds: v });
    else {
      b.count++;
      b.minSeconds = Math.min(b.minSeconds, v);
      b.maxSeconds = Math.max(b.maxSeconds, v);
    }
  }
  return [...buckets.values()];
}

/** A seeded generator (mulberry32) and log-normal times like the service's. */
function lognormalSample(seed: number, n: number, medianSeconds: number, sigma: number): number[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(Math.max(next(), 1e-12))) * Math.cos(2 * Math.PI * next());
    return Math.round(medianSeconds * Math.exp(sigma * z) * 1000) / 1000;
  });
}

describe('percentiles from release-time histograms', () => {
  it('is null for no releases', () => {
    expect(percentileFromHistogram([], 0.5)).toBeNull();
  });

  it.each([
    [[600], 0.5, 600],
    [[120, 180, 300, 600], 0.5, 240],
    [[120, 180, 300, 600], 0.9, 510],
    [[60, 60, 60], 0.9, 60],
    // Two times in one bucket (1000 s and 1050 s): still exact.
    [[1000, 1050, 5000], 0.5, 1050],
    [[1000, 1050, 5000], 0.25, 1025],
  ])('is exactly percentile_cont for few times: %j at %s → %s', (values, p, expected) => {
    expect(percentileFromHistogram(histogramOf(values), p)).toBeCloseTo(expected, 9);
    expect(percentileCont(values, p)).toBeCloseTo(expected, 9);
  });

  it('is exact at the extremes', () => {
    const values = lognormalSample(7, 5000, 420 * 60, 0.8);
    const h = histogramOf(values);
    expect(percentileFromHistogram(h, 0)).toBe(Math.min(...values));
    expect(percentileFromHistogram(h, 1)).toBe(Math.max(...values));
  });

  it.each([
    ['green, seconds to minutes', 1, 40_000, 330, 0.5],
    ['yellow, about an hour', 2, 25_000, 55 * 60, 0.7],
    ['red, hours to days', 3, 30_000, 420 * 60, 0.8],
  ])('estimates large periods within 0.5%% (%s)', (_name, seed, n, median, sigma) => {
    const values = lognormalSample(seed, n, median, sigma);
    const h = histogramOf(values);
    for (const p of [0.5, 0.9]) {
      const exact = percentileCont(values, p);
      const estimate = percentileFromHistogram(h, p)!;
      expect(Math.abs(estimate / exact - 1)).toBeLessThan(0.005);
    }
  });

  it('merges days, posts and channels bucket by bucket', () => {
    const merged = mergeHistogram([
      { bucket: 60, count: 2, minSeconds: 310, maxSeconds: 320 },
      { bucket: 58, count: 1, minSeconds: 260, maxSeconds: 260 },
      { bucket: 60, count: 3, minSeconds: 305, maxSeconds: 330 },
      { bucket: 61, count: 0, minSeconds: 0, maxSeconds: 0 },
    ]);
    expect(merged).toEqual([
      { bucket: 58, count: 1, minSeconds: 260, maxSeconds: 260 },
      { bucket: 60, count: 5, minSeconds: 305, maxSeconds: 330 },
    ]);
  });

  it('puts a time in the bucket the SQL does: floor(ln(s) / ln(1.1)), under a second in bucket 0', () => {
    expect(releaseTimeBucket(0)).toBe(0);
    expect(releaseTimeBucket(1)).toBe(0);
    expect(releaseTimeBucket(60)).toBe(42);
    expect(releaseTimeBucket(3600)).toBe(85);
  });

  it('refuses a percentile outside 0..1', () => {
    expect(() => percentileFromHistogram([], 1.5)).toThrow(RangeError);
  });
});
