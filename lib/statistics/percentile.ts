// Percentiles of submission → release times from pre-aggregated histograms.
//
// Each bucket holds the times of one band 10% wide (bucket = floor(ln(seconds) / ln(1.1))) with
// their count and the shortest and longest time. A percentile follows PostgreSQL's
// percentile_cont (linear interpolation between the two nearest ranks, rank = p × (n − 1)), with
// the times inside a bucket taken as evenly spread between its shortest and longest: exact when a
// bucket holds one or two times (or evenly spaced ones), otherwise within the bucket's band — in
// practice within 0.3% on large periods (tests/unit/statistics-percentile.test.ts measures it).
// Small periods are not estimated: the server computes them exactly with percentile_cont.

/** Bucket width: each bucket's longest time is at most 10% above its shortest. */
export const RELEASE_TIME_BUCKET_RATIO = 1.1;

export type HistogramBucket = { bucket: number; count: number; minSeconds: number; maxSeconds: number };

/** Buckets with the same index merged (several days, posts or channels), in order of time. */
export function mergeHistogram(buckets: readonly HistogramBucket[]): HistogramBucket[] {
  const byIndex = new Map<number, HistogramBucket>();
  for (const b of buckets) {
    if (b.count <= 0) continue;
    const seen = byIndex.get(b.bucket);
    if (!seen) byIndex.set(b.bucket, { ...b });
    else {
      seen.count += b.count;
      seen.minSeconds = Math.min(seen.minSeconds, b.minSeconds);
      seen.maxSeconds = Math.max(seen.maxSeconds, b.maxSeconds);
    }
  }
  return [...byIndex.values()].sort((a, b) => a.bucket - b.bucket);
}

/** The time at 0-based rank `r` of the merged, ordered histogram. */
function valueAtRank(buckets: readonly HistogramBucket[], r: number): number {
  let before = 0;
  for (const b of buckets) {
    if (r < before + b.count) {
      if (b.count === 1) return b.minSeconds;
      return b.minSeconds + ((b.maxSeconds - b.minSeconds) * (r - before)) / (b.count - 1);
    }
    before += b.count;
  }
  return buckets[buckets.length - 1].maxSeconds;
}

/** percentile_cont(p) in seconds over the histogram, or null when it is empty. 0 ≤ p ≤ 1. */
export function percentileFromHistogram(histogram: readonly HistogramBucket[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile out of range: ${p}`);
  const buckets = mergeHistogram(histogram);
  const n = buckets.reduce((s, b) => s + b.count, 0);
  if (n === 0) return null;
  const rank = p * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const low = valueAtRank(buckets, lo);
  if (hi === lo) return low;
  return low + (rank - lo) * (valueAtRank(buckets, hi) - low);
}

/** The bucket of a time, as the refresh computes it in SQL (for tests and tools). */
export function releaseTimeBucket(seconds: number): number {
  return Math.floor(Math.log(Math.max(seconds, 1)) / Math.log(RELEASE_TIME_BUCKET_RATIO));
}
