import { describe, expect, it } from 'vitest';
import { D } from '@/lib/money';
import { MIN_REFERENCE_SAMPLE, quantile, referencePriceRows, unitPriceUsd } from '@/lib/risk/reference-prices';
import { subsetRanking } from '@/lib/risk/metrics';

const obs = (hsCode: string, originCountry: string, prices: number[]) =>
  prices.map((p) => ({ hsCode, originCountry, unit: 'PCS', unitPriceUsd: new D(p) }));

describe('reference price quantiles', () => {
  it.each([
    [[10, 20, 30, 40, 50], 0.05, '12'],
    [[10, 20, 30, 40, 50], 0.1, '14'],
    [[10, 20, 30, 40, 50], 0.5, '30'],
    [[10, 20, 30, 40, 50], 0.9, '46'],
    [[7], 0.9, '7'],
    [[1, 2], 0.25, '1.25'],
  ])('type-7 quantile of %j at %s is %s', (values, p, expected) => {
    expect(
      quantile(
        values.map((v) => new D(v)),
        p,
      ).toString(),
    ).toBe(expected);
  });

  it('groups by HS code and origin, sorts, and leaves out groups below the minimum sample', () => {
    const rows = referencePriceRows([
      ...obs('8471300000', 'CN', [50, 10, 40, 20, 30]),
      ...obs('8471300000', 'KR', [1, 2, 3, 4]),
      ...obs('0101210000', 'DE', [5, 5, 5, 5, 5, 5]),
    ]);
    expect(MIN_REFERENCE_SAMPLE).toBe(5);
    expect(rows).toEqual([
      {
        hsCode: '0101210000',
        originCountry: 'DE',
        unit: 'PCS',
        sampleSize: 6,
        q05: '5.000000',
        q10: '5.000000',
        q25: '5.000000',
        q50: '5.000000',
        q75: '5.000000',
        q90: '5.000000',
      },
      {
        hsCode: '8471300000',
        originCountry: 'CN',
        unit: 'PCS',
        sampleSize: 5,
        q05: '12.000000',
        q10: '14.000000',
        q25: '20.000000',
        q50: '30.000000',
        q75: '40.000000',
        q90: '46.000000',
      },
    ]);
    expect(referencePriceRows(obs('8471300000', 'KR', [1, 2, 3]), { minSample: 3 })).toHaveLength(1);
  });

  it.each([
    [{ invoiceValue: '200', quantity: '4', invoiceRate: '12800', usdRate: '12800' }, '50'],
    [{ invoiceValue: '100', quantity: '2', invoiceRate: '14000', usdRate: '12500' }, '56'],
    [{ invoiceValue: '100', quantity: '0', invoiceRate: '1', usdRate: '1' }, null],
    [{ invoiceValue: '100', quantity: '1', invoiceRate: null, usdRate: '1' }, null],
    [{ invoiceValue: '100', quantity: '1', invoiceRate: '1', usdRate: null }, null],
  ])('unit price in USD of %j is %s', (args, expected) => {
    expect(unitPriceUsd(args)?.toString() ?? null).toBe(expected);
  });
});

describe('ranking on a subset (random picks)', () => {
  it('measures hit rate, precision at 10% and AUC on the subset only', () => {
    const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.99, 0.98];
    const labels = [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1];
    const isIn = [true, true, true, true, true, true, true, true, true, true, false, false];
    const r = subsetRanking(scores, labels, isIn);
    expect(r).toMatchObject({ items: 10, hits: 2, hitRate: 0.2, precisionAt10: 1 });
    expect(r.auc).toBeCloseTo(14 / 16, 10);
    expect(
      subsetRanking(
        scores,
        labels,
        isIn.map(() => false),
      ),
    ).toEqual({ items: 0, hits: 0, hitRate: null, precisionAt10: null, auc: null });
    expect(subsetRanking([0.1, 0.2], [0, 0], [true, true]).auc).toBeNull();
  });
});
