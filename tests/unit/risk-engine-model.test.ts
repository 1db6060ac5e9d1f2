import { describe, expect, it } from 'vitest';
import type { RiskItem } from '@/lib/risk/features';
import { parseRiskModel, scoreItems, trainRiskModel, type RiskModel } from '@/lib/risk/model';
import { seededRng } from '@/lib/risk/random';
import { assessRisk, DEFAULT_RISK_SETTINGS, type RiskContext, type RiskDeclaration } from '@/lib/risk/engine';
import { keyedSelectionDraw } from '@/src/server/risk/selection-key';

// The engine's model layer (b) and value control (c) with a real, small trained model.
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

/** Training items with a planted risk: toys (950300) from CN by declarant D1 are mostly fraud. */
function makeData(n: number, seed: number) {
  const r = seededRng(seed);
  const items: RiskItem[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const hs6 = pick(r, ['950300', '851660', '690722', '420292']);
    const originCountry = pick(r, ['CN', 'DE', 'US']);
    const declarant = pick(r, ['D1', 'D2', 'D3']);
    const netMass = Math.round(r() * 1000) + 1;
    items.push({
      date: '2026-01-01',
      office: '26001',
      declarant,
      importer: `I${i % 40}`,
      seller: null,
      courier: null,
      hs6,
      originCountry,
      departureCountry: originCountry,
      transportMode: '30',
      procedure: 'IM40',
      taxRate: 5,
      netMass,
      value: netMass * (10 + r()),
    });
    const isRisky = hs6 === '950300' && originCountry === 'CN';
    labels.push(r() < (isRisky ? 0.9 : 0.05) ? 1 : 0);
  }
  return { items, labels };
}

const { items, labels } = makeData(800, 3);
const model: RiskModel = parseRiskModel(
  trainRiskModel(items, labels, { nFolds: 5, gbdt: { nTrees: 20, minDataInLeaf: 5 } }),
);
const riskyItem: RiskItem = {
  ...items.find((i, k) => i.hs6 === '950300' && i.originCountry === 'CN' && labels[k] === 1)!,
  importer: 'I1',
};
const calmItem: RiskItem = {
  ...items.find((i, k) => i.hs6 === '690722' && i.originCountry === 'DE' && labels[k] === 0)!,
  importer: 'I2',
};

function declaration(lines: RiskItem[], id = 'd-model'): RiskDeclaration {
  return {
    id,
    date: '2026-11-28',
    regime: 'IM40',
    postCode: '26001',
    traderTin: '301234567',
    declarantId: '4c1f0e2a-7b3d-4e8f-9a21-5d6c7e8f9a0b',
    sellerName: null,
    transportMode: 'ROAD',
    dispatchCountry: 'CN',
    isFirstShipment: false,
    isAuthorisedEconomicOperator: false,
    items: lines.map((riskItem, i) => ({
      lineNo: i + 1,
      hsCode: `${riskItem.hs6}0000`,
      originCountry: riskItem.originCountry,
      quantity: 10,
      customsValueUzs: 1_000_000,
      unitPriceUsd: 420,
      riskItem,
    })),
  };
}
const ctx = (overrides: Partial<RiskContext> = {}): RiskContext => ({
  profiles: [],
  model,
  modelProblem: null,
  referencePrices: new Map(),
  settings: { ...DEFAULT_RISK_SETTINGS, randomSharePercent: 0 },
  selectionDraw: keyedSelectionDraw('k'),
  ...overrides,
});

describe('the model layer of assessRisk', () => {
  it('scores the riskiest line: a MODEL reason with its probability, points = probability × modelWeight, top features, and the model version', () => {
    const [pCalm, pRisky] = scoreItems(model, [calmItem, riskyItem]);
    expect(pRisky).toBeGreaterThan(0.5);
    expect(pCalm).toBeLessThan(0.3);
    const r = assessRisk(declaration([calmItem, riskyItem]), ctx());
    expect(r.modelVersion).toBe(model.version);
    expect(r.fallbackReason).toBeNull();
    const reason = r.reasons.find((x) => x.kind === 'MODEL');
    if (reason?.kind !== 'MODEL') throw new Error('no MODEL reason');
    expect(reason.lineNo).toBe(2);
    expect(reason.probability).toBeCloseTo(pRisky, 4);
    expect(reason.points).toBeCloseTo(pRisky * DEFAULT_RISK_SETTINGS.modelWeight, 1);
    expect(r.score).toBe(Math.round(reason.points));
    // The history features that make the line risky, above the model's prior, riskiest first.
    expect(reason.topFeatures.length).toBeGreaterThan(0);
    expect(reason.topFeatures.length).toBeLessThanOrEqual(3);
    for (const f of reason.topFeatures) expect(f.value).toBeGreaterThan(model.prior);
    expect(reason.topFeatures.map((f) => f.value)).toEqual(
      [...reason.topFeatures.map((f) => f.value)].sort((a, b) => b - a),
    );
    expect(reason.topFeatures.some((f) => f.feature.includes('hs6') || f.feature.includes('originCountry'))).toBe(true);
  });

  it('weighs the probability by the modelWeight setting', () => {
    const full = assessRisk(declaration([riskyItem]), ctx());
    const half = assessRisk(
      declaration([riskyItem]),
      ctx({ settings: { ...DEFAULT_RISK_SETTINGS, randomSharePercent: 0, modelWeight: 50 } }),
    );
    const points = (x: typeof full) => (x.reasons.find((r) => r.kind === 'MODEL') as { points: number }).points;
    expect(points(half)).toBeCloseTo(points(full) / 2, 1);
    const off = assessRisk(
      declaration([riskyItem]),
      ctx({ settings: { ...DEFAULT_RISK_SETTINGS, randomSharePercent: 0, modelWeight: 0 } }),
    );
    expect(off.score).toBe(0);
  });

  it('falls back when the model throws while scoring: a FALLBACK reason, no model version, the other layers still decide', () => {
    const corrupt = { ...model, forest: { ...model.forest, feature: undefined } } as unknown as RiskModel;
    const profile = {
      id: 'p',
      name: 'Toys',
      conditions: { hsPrefixes: ['9503'] },
      weight: 50,
      forcedChannel: null,
      instructions: null,
      validFrom: '2026-01-01',
      validTo: null,
      isShadow: false,
      isActive: true,
    };
    const r = assessRisk(declaration([riskyItem]), ctx({ model: corrupt, profiles: [profile] }));
    expect(r.modelVersion).toBeNull();
    expect(r.fallbackReason).toMatch(
      /^The model could not score this declaration \(.+\); profiles, value control and random selection decided\.$/,
    );
    expect(r.reasons).toContainEqual({ kind: 'FALLBACK', message: r.fallbackReason });
    expect(r.reasons.some((x) => x.kind === 'MODEL')).toBe(false);
    expect(r).toMatchObject({ score: 50, channel: 'YELLOW' });
  });

  it('falls back on a non-finite probability rather than scoring NaN', () => {
    const nan: RiskModel = { ...model, forest: { ...model.forest, baseScore: NaN } };
    const r = assessRisk(declaration([riskyItem]), ctx({ model: nan }));
    expect(r.modelVersion).toBeNull();
    expect(r.fallbackReason).toMatch(/non-finite/);
    expect(Number.isFinite(r.score)).toBe(true);
  });
});

describe('customs value control follows the configured quantile', () => {
  it('flags a unit price of 420 under q25 (450) but not under q10 (400) or q05 (300)', () => {
    const referencePrices = new Map([
      ['6907220000|DE', { q05: 300, q10: 400, q25: 450, q50: 550, q75: 650, q90: 800, sampleSize: 40 }],
    ]);
    const flagged = (valueQuantile: 'q05' | 'q10' | 'q25') =>
      assessRisk(
        declaration([calmItem]),
        ctx({
          model: null,
          referencePrices,
          settings: { ...DEFAULT_RISK_SETTINGS, randomSharePercent: 0, valueQuantile },
        }),
      );
    expect(flagged('q10').reasons.some((x) => x.kind === 'VALUE_CONTROL')).toBe(false);
    expect(flagged('q05').reasons.some((x) => x.kind === 'VALUE_CONTROL')).toBe(false);
    const q25 = flagged('q25');
    expect(q25.reasons).toContainEqual(
      expect.objectContaining({ kind: 'VALUE_CONTROL', lineNo: 1, quantile: 'q25', threshold: 450, median: 550 }),
    );
    expect(q25.score).toBe(DEFAULT_RISK_SETTINGS.valueControlPoints);
    expect(flagged('q10').score).toBe(0);
  });
});
