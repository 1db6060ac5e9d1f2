// Ranking metrics for a risk score: if officers inspect the top n% of items, how many are fraud
// (precision), how much of all fraud is caught (recall), how much duty is at stake (revenue).
// Ties are handled exactly and deterministically: when a group of equal scores straddles the
// cut, each of its items counts with the fraction of the group that fits (the expected value of
// breaking the tie at random), so the order of input rows never changes a figure.

/** How many items "the top n%" is: rounded to the nearest item, at least one. */
export function topCount(nItems: number, fraction: number): number {
  if (!(fraction > 0 && fraction <= 1)) throw new Error('fraction must be in (0, 1]');
  return Math.min(nItems, Math.max(1, Math.round(nItems * fraction)));
}

/** Item indices by descending score; equal scores keep input order (only used to find tie groups). */
function rankOrder(scores: ArrayLike<number>): Int32Array {
  const order = new Int32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order;
}

/** Expected sum of `weights` over the top `n` items, ties counted fractionally. */
function expectedTopSum(scores: ArrayLike<number>, order: Int32Array, n: number, weights: ArrayLike<number>): number {
  let sum = 0;
  let taken = 0;
  let i = 0;
  while (i < order.length && taken < n) {
    let j = i;
    let groupSum = 0;
    while (j < order.length && scores[order[j]] === scores[order[i]]) groupSum += weights[order[j++]];
    const groupSize = j - i;
    const fits = Math.min(groupSize, n - taken);
    sum += (groupSum * fits) / groupSize;
    taken += fits;
    i = j;
  }
  return sum;
}

function assertSameLength(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error('scores and labels differ in length');
  if (a.length === 0) throw new Error('nothing to evaluate');
}

const isFraud = (labels: ArrayLike<number>): Float64Array =>
  Float64Array.from({ length: labels.length }, (_, i) => (labels[i] > 0 ? 1 : 0));

/** Share of fraud among the top `fraction` of items by score. */
export function precisionAt(scores: ArrayLike<number>, labels: ArrayLike<number>, fraction: number): number {
  assertSameLength(scores, labels);
  const n = topCount(scores.length, fraction);
  return expectedTopSum(scores, rankOrder(scores), n, isFraud(labels)) / n;
}

/** Share of all fraud items that fall in the top `fraction` (0 when there is no fraud). */
export function recallAt(scores: ArrayLike<number>, labels: ArrayLike<number>, fraction: number): number {
  assertSameLength(scores, labels);
  const y = isFraud(labels);
  const total = y.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  return expectedTopSum(scores, rankOrder(scores), topCount(scores.length, fraction), y) / total;
}

/**
 * Revenue proxy caught in the top `fraction`: the sum of `revenue` (e.g. value × duty rate) over
 * FRAUD items there, and its share of the revenue of all fraud items.
 */
export function revenueAt(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  revenue: ArrayLike<number>,
  fraction: number,
): { amount: number; share: number } {
  assertSameLength(scores, labels);
  assertSameLength(scores, revenue);
  const fraudRevenue = Float64Array.from({ length: labels.length }, (_, i) => (labels[i] > 0 ? revenue[i] : 0));
  const total = fraudRevenue.reduce((a, b) => a + b, 0);
  const amount = expectedTopSum(scores, rankOrder(scores), topCount(scores.length, fraction), fraudRevenue);
  return { amount, share: total > 0 ? amount / total : 0 };
}

/** Area under the ROC curve (Mann-Whitney, tied scores get their mid-rank). NaN without both classes. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  assertSameLength(scores, labels);
  const order = new Int32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => scores[a] - scores[b] || a - b);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j < order.length && scores[order[j]] === scores[order[i]]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (labels[order[k]] > 0) {
        positives++;
        rankSum += midRank;
      }
    }
    i = j;
  }
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export type RankingAtRate = {
  fraction: number;
  inspected: number;
  precision: number;
  recall: number;
  revenue: number;
  revenueShare: number;
};
export type RankingReport = { items: number; frauds: number; auc: number; rates: RankingAtRate[] };

export const INSPECTION_RATES = [0.01, 0.02, 0.05, 0.1] as const;

/** All ranking figures at once (one sort per call of the helpers; fine for evaluation sizes). */
export function evaluateRanking(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  revenue: ArrayLike<number>,
  fractions: readonly number[] = INSPECTION_RATES,
): RankingReport {
  assertSameLength(scores, labels);
  const frauds = isFraud(labels).reduce((a, b) => a + b, 0);
  return {
    items: scores.length,
    frauds,
    auc: auc(scores, labels),
    rates: fractions.map((fraction) => {
      const rev = revenueAt(scores, labels, revenue, fraction);
      return {
        fraction,
        inspected: topCount(scores.length, fraction),
        precision: precisionAt(scores, labels, fraction),
        recall: recallAt(scores, labels, fraction),
        revenue: rev.amount,
        revenueShare: rev.share,
      };
    }),
  };
}

export type SubsetRanking = {
  items: number;
  hits: number;
  hitRate: number | null;
  precisionAt10: number | null;
  auc: number | null;
};

/**
 * The ranking figures on a subset of the items (`isIn[i]`), e.g. the randomly picked declarations:
 * their inspections were not chosen by the engine, so their hit rate is an unbiased base rate and
 * the model's precision among them is not flattered by what the engine already selected.
 * AUC only when the subset holds both hits and clean items.
 */
export function subsetRanking(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  isIn: ArrayLike<boolean>,
): SubsetRanking {
  if (scores.length !== labels.length || scores.length !== isIn.length)
    throw new Error('scores, labels and subset differ in length');
  const s: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (!isIn[i]) continue;
    s.push(scores[i]);
    y.push(labels[i] > 0 ? 1 : 0);
  }
  const hits = y.reduce((a, b) => a + b, 0);
  if (s.length === 0) return { items: 0, hits: 0, hitRate: null, precisionAt10: null, auc: null };
  return {
    items: s.length,
    hits,
    hitRate: hits / s.length,
    precisionAt10: precisionAt(s, y, 0.1),
    auc: hits > 0 && hits < s.length ? auc(s, y) : null,
  };
}
