import { describe, expect, it } from 'vitest';
import {
  assignFolds,
  buildVocabulary,
  fitKeyTable,
  keyCode,
  lookupKey,
  outOfFoldHistory,
  smoothedRate,
} from '@/lib/risk/encoders';
import { seededRng } from '@/lib/risk/random';

describe('target and count encoders', () => {
  it('assigns balanced, seed-determined folds', () => {
    const a = assignFolds(103, 5, seededRng(7));
    expect(Array.from(a)).toEqual(Array.from(assignFolds(103, 5, seededRng(7))));
    const sizes = [0, 0, 0, 0, 0];
    a.forEach((f) => sizes[f]++);
    expect(sizes.sort()).toEqual([20, 20, 21, 21, 21]);
    expect(Array.from(assignFolds(103, 5, seededRng(8)))).not.toEqual(Array.from(a));
  });

  it("leaves a row's own label out of its training encoding", () => {
    const codes = Float64Array.from([1, 1, 1, 1, 2, 2, 3, 1, 2, 1]);
    const labels = [1, 0, 1, 1, 0, 1, 1, 0, 0, 1];
    const folds = assignFolds(codes.length, 5, seededRng(3));
    const base = outOfFoldHistory(codes, labels, folds, 5);
    for (let i = 0; i < codes.length; i++) {
      // Flip this row's label: its own encoding must not move.
      const flipped = labels.slice();
      flipped[i] = 1 - flipped[i];
      const again = outOfFoldHistory(codes, flipped, folds, 5);
      expect([again.counts[i], again.frauds[i]]).toEqual([base.counts[i], base.frauds[i]]);
      // ...and it equals a plain count over the rows of the other folds.
      let n = 0;
      let k = 0;
      for (let j = 0; j < codes.length; j++) {
        if (folds[j] !== folds[i] && codes[j] === codes[i]) {
          n++;
          k += labels[j];
        }
      }
      expect([base.counts[i], base.frauds[i]]).toEqual([n, k]);
    }
    // Code 3 occurs once: out of fold it has no history at all.
    expect(base.counts[6]).toBe(0);
  });

  it('fits full histories for scoring and finds them by code', () => {
    const table = fitKeyTable(Float64Array.from([5, 9, 5, 5, 2 ** 40 + 1]), [1, 0, 0, 1, 1]);
    const at = lookupKey(table, 5);
    expect([table.slots[at + 1], table.slots[at + 2]]).toEqual([3, 2]);
    expect(table.slots[lookupKey(table, 2 ** 40 + 1) + 1]).toBe(1);
    expect(lookupKey(table, 6)).toBe(-1);
  });

  it('shrinks rare keys toward the prior', () => {
    expect(smoothedRate(1, 1, 0.2, 1)).toBeCloseTo(0.6, 12);
    expect(smoothedRate(0, 0, 0.2, 1)).toBeCloseTo(0.2, 12);
    expect(smoothedRate(50, 100, 0.2, 1)).toBeCloseTo(50.2 / 101, 12);
  });

  it('interns values from 1 (0 means unseen) and codes keys in mixed radix', () => {
    const v = buildVocabulary(['CN', 'DE', 'CN']);
    expect([v.get('CN'), v.get('DE'), v.get('US')]).toEqual([1, 2, undefined]);
    expect(keyCode([2, 1], [3, 10])).toBe(21);
  });
});
