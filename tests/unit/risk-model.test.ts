import { describe, expect, it } from 'vitest';
import type { RiskItem } from '@/lib/risk/features';
import {
  outOfFoldFeatures,
  parseRiskModel,
  RiskModelError,
  safeParseRiskModel,
  scoreItems,
  trainRiskModel,
  type RiskModelJson,
} from '@/lib/risk/model';
import { seededRng } from '@/lib/risk/random';

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

/** Synthetic declarations with a planted risk: toys (950300) from CN are mostly fraud. */
function makeData(n: number, seed: number): { items: RiskItem[]; labels: number[] } {
  const r = seededRng(seed);
  const items: RiskItem[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const hs6 = pick(r, ['950300', '851660', '690722', '420292']);
    const originCountry = pick(r, ['CN', 'DE', 'US']);
    const netMass = Math.round(r() * 1000) + 1;
    items.push({
      date: '2020-01-01',
      office: pick(r, ['10', '20', '30']),
      declarant: `D${Math.floor(r() * 20)}`,
      importer: `I${i}`,
      seller: r() < 0.2 ? null : `S${Math.floor(r() * 50)}`,
      courier: null,
      hs6,
      originCountry,
      departureCountry: originCountry,
      transportMode: pick(r, ['10', '40']),
      procedure: '11',
      taxRate: pick(r, [0, 8, 3.2]),
      taxType: pick(r, ['A', 'C', 'FCN1']),
      netMass,
      value: netMass * (10 + r()),
    });
    const risky = hs6 === '950300' && originCountry === 'CN';
    labels.push(r() < (risky ? 0.9 : 0.1) ? 1 : 0);
  }
  return { items, labels };
}

const small = { nFolds: 5, gbdt: { nTrees: 20, minDataInLeaf: 5 } };
const train = makeData(600, 1);
const test = makeData(200, 2);

describe('risk model', () => {
  const json = trainRiskModel(train.items, train.labels, small);
  const model = parseRiskModel(json);

  it('scores probabilities and ranks the planted risk first', () => {
    const scores = scoreItems(model, test.items);
    expect(scores.length).toBe(test.items.length);
    for (const s of scores) expect(s > 0 && s < 1).toBe(true);
    const mean = (f: (i: RiskItem) => boolean) => {
      const picked = test.items.map((it, k) => [it, scores[k]] as const).filter(([it]) => f(it));
      return picked.reduce((a, [, s]) => a + s, 0) / picked.length;
    };
    const risky = (i: RiskItem) => i.hs6 === '950300' && i.originCountry === 'CN';
    expect(mean(risky)).toBeGreaterThan(0.6);
    expect(mean((i) => !risky(i))).toBeLessThan(0.25);
  });

  it('is deterministic: same inputs → identical model JSON and scores', () => {
    const again = trainRiskModel(train.items, train.labels, small);
    expect(JSON.stringify(again)).toBe(JSON.stringify(json));
    expect(Array.from(scoreItems(parseRiskModel(again), test.items))).toEqual(
      Array.from(scoreItems(model, test.items)),
    );
    // Another seed is another model (folds and bagging move), still a valid one.
    const other = trainRiskModel(train.items, train.labels, { ...small, seed: 99 });
    expect(other.version).not.toBe(json.version);
  });

  it('round-trips through JSON text, keeping its version and its scores', () => {
    const text = JSON.stringify(json);
    const loaded = parseRiskModel(text);
    expect(loaded.version).toBe(json.version);
    expect(loaded.version).toMatch(/rg1-[0-9a-f]{12}$/);
    expect(Array.from(scoreItems(loaded, test.items))).toEqual(Array.from(scoreItems(model, test.items)));
    // Key order may change in a database round-trip (e.g. jsonb); the checksum does not care.
    const reordered = Object.fromEntries(Object.entries(JSON.parse(text)).reverse());
    expect(parseRiskModel(reordered).version).toBe(json.version);
  });

  it('scores items with never-seen codes and traders', () => {
    const stranger: RiskItem = {
      ...test.items[0],
      hs6: '999999',
      importer: 'NEW',
      declarant: 'NEW',
      seller: null,
      office: '99',
      netMass: 0,
      value: 0,
    };
    const [s] = scoreItems(model, [stranger]);
    expect(s > 0 && s < 1).toBe(true);
  });

  it('rejects a missing or corrupt model instead of scoring garbage', () => {
    const clone = (): RiskModelJson => JSON.parse(JSON.stringify(json));
    expect(() => parseRiskModel(null)).toThrow(RiskModelError);
    expect(() => parseRiskModel(undefined)).toThrow(RiskModelError);
    expect(() => parseRiskModel('{"format":')).toThrow(/not valid JSON/);
    expect(() => parseRiskModel(JSON.stringify(json).slice(0, 5000))).toThrow(RiskModelError);
    expect(() => parseRiskModel({ ...clone(), format: 'other/1' })).toThrow(RiskModelError);

    const leaf = clone();
    const at = leaf.forest.feature.indexOf(-1);
    leaf.forest.value[at] += 0.5;
    expect(() => parseRiskModel(leaf)).toThrow(/checksum/);

    const history = clone();
    history.encoders[0].frauds[0] += 1;
    expect(() => parseRiskModel(history)).toThrow(/checksum/);

    const missingPart = clone() as Partial<RiskModelJson>;
    delete missingPart.forest;
    expect(() => parseRiskModel(missingPart)).toThrow(/forest/);

    const result = safeParseRiskModel({ ...clone(), checksum: '0000000000000000' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/checksum/);
    expect(safeParseRiskModel(json).ok).toBe(true);
  });

  it('trains the trees on out-of-fold encodings but scores with all training rows', () => {
    // Every importer appears once: out of fold it has no history, so the trees never see a row's
    // own label through it, while the scoring table knows each importer once.
    const { featureNames, columns } = outOfFoldFeatures(train.items, train.labels, small);
    const countCol = columns[featureNames.indexOf('count:importer')];
    const rateCol = columns[featureNames.indexOf('rate:importer')];
    const prior = train.labels.reduce((a, b) => a + b, 0) / train.labels.length;
    for (let i = 0; i < train.items.length; i++) {
      expect(countCol[i]).toBe(0);
      expect(rateCol[i]).toBeCloseTo(prior, 12);
    }
    const importer = json.encoders.find((e) => e.fields.join() === 'importer');
    expect(importer?.counts.every((c) => c === 1)).toBe(true);

    // Flipping one row's label changes no out-of-fold history of that row.
    const flipped = train.labels.slice();
    flipped[0] = 1 - flipped[0];
    const again = outOfFoldFeatures(train.items, flipped, small);
    const priorAgain = flipped.reduce((a, b) => a + b, 0) / flipped.length;
    const m = 1; // default smoothing
    featureNames.forEach((name, f) => {
      if (!name.startsWith('rate:')) return;
      const n = columns[f + 1][0];
      const fraudsBefore = columns[f][0] * (n + m) - m * prior;
      const fraudsAfter = again.columns[f][0] * (n + m) - m * priorAgain;
      expect(again.columns[f + 1][0]).toBe(n);
      expect(fraudsAfter).toBeCloseTo(fraudsBefore, 9);
    });
  });

  it('refuses to train without both classes or with mismatched inputs', () => {
    expect(() =>
      trainRiskModel(
        train.items,
        train.items.map(() => 0),
        small,
      ),
    ).toThrow();
    expect(() => trainRiskModel(train.items, [1, 0], small)).toThrow();
  });
});
