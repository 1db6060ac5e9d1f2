import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auc, evaluateRanking, precisionAt, recallAt, revenueAt, topCount } from '@/lib/risk/metrics';

// tests/fixtures/risk/ranking.csv: ten items; frauds are items 1, 3, 4, 6, 9 (5 frauds) whose
// revenue adds up to 100 + 30 + 0 + 20 + 40 = 190. Items 2 (no fraud) and 3 (fraud) tie at 0.8.
const lines = fs.readFileSync(path.resolve('tests/fixtures/risk/ranking.csv'), 'utf8').trim().split('\n').slice(1);
const rows = lines.map((l) => l.split(',').map(Number));
const scores = rows.map((r) => r[1]);
const labels = rows.map((r) => r[2]);
const revenue = rows.map((r) => r[3]);

describe('ranking metrics on the hand-worked fixture', () => {
  it('counts the top n% by rounding, at least one item', () => {
    expect(topCount(10, 0.1)).toBe(1);
    expect(topCount(10, 0.2)).toBe(2);
    expect(topCount(10, 0.01)).toBe(1);
    expect(topCount(8481, 0.05)).toBe(424);
    expect(() => topCount(10, 0)).toThrow();
  });

  it('top 10% = item 1 (fraud, revenue 100)', () => {
    expect(precisionAt(scores, labels, 0.1)).toBe(1);
    expect(recallAt(scores, labels, 0.1)).toBeCloseTo(1 / 5, 12);
    expect(revenueAt(scores, labels, revenue, 0.1)).toEqual({ amount: 100, share: 100 / 190 });
  });

  it('top 20% = item 1 plus half of the 0.8 tie {2, 3}: 1.5 expected frauds', () => {
    expect(precisionAt(scores, labels, 0.2)).toBeCloseTo(1.5 / 2, 12);
    expect(recallAt(scores, labels, 0.2)).toBeCloseTo(1.5 / 5, 12);
    // 100 + half of (0 for non-fraud item 2 + 30 for fraud item 3); item 2's 50 is not fraud revenue.
    const r = revenueAt(scores, labels, revenue, 0.2);
    expect(r.amount).toBeCloseTo(115, 12);
    expect(r.share).toBeCloseTo(115 / 190, 12);
  });

  it('top 30% = items 1, 2, 3; top 50% = items 1..5', () => {
    expect(precisionAt(scores, labels, 0.3)).toBeCloseTo(2 / 3, 12);
    expect(revenueAt(scores, labels, revenue, 0.3).amount).toBeCloseTo(130, 12);
    expect(precisionAt(scores, labels, 0.5)).toBeCloseTo(3 / 5, 12);
    expect(recallAt(scores, labels, 0.5)).toBeCloseTo(3 / 5, 12);
  });

  it('AUC counts a tie as half a correctly ordered pair: (5 + 4.5 + 4 + 3 + 1) / 25 = 0.7', () => {
    expect(auc(scores, labels)).toBeCloseTo(0.7, 12);
    expect(auc([1, 2], [1, 1])).toBeNaN();
  });

  it('does not depend on the order of the input rows (ties are resolved by expectation)', () => {
    const order = [9, 2, 1, 0, 5, 4, 3, 8, 7, 6];
    const s = order.map((i) => scores[i]);
    const y = order.map((i) => labels[i]);
    const v = order.map((i) => revenue[i]);
    expect(evaluateRanking(s, y, v, [0.1, 0.2, 0.3])).toEqual(
      evaluateRanking(scores, labels, revenue, [0.1, 0.2, 0.3]),
    );
  });

  it('evaluateRanking reports every rate with its inspected count', () => {
    const report = evaluateRanking(scores, labels, revenue, [0.1, 0.2]);
    expect(report.items).toBe(10);
    expect(report.frauds).toBe(5);
    expect(report.auc).toBeCloseTo(0.7, 12);
    expect(report.rates.map((r) => r.inspected)).toEqual([1, 2]);
    expect(report.rates[1].precision).toBeCloseTo(0.75, 12);
  });
});
