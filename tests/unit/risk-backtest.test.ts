import { describe, expect, it } from 'vitest';
import {
  backtestSetups,
  countReplay,
  emptyBacktest,
  finishBacktest,
  proposedSettings,
  replayDeclaration,
  type ReplayedDeclaration,
} from '@/lib/risk/backtest';
import {
  DEFAULT_RISK_SETTINGS,
  thresholdsForScoreCounts,
  thresholdsForShares,
  type RiskDeclaration,
} from '@/lib/risk/engine';
import type { RiskProfile } from '@/lib/risk/profiles';
import { seededRng } from '@/lib/risk/random';

const riskItem = {
  date: '2026-11-28',
  office: '26001',
  declarant: 'u1',
  importer: '301234567',
  seller: 'acme',
  courier: null,
  hs6: '847130',
  originCountry: 'CN',
  departureCountry: 'CN',
  transportMode: '30',
  procedure: 'IM40',
  taxRate: 0,
  netMass: 100,
  value: 1000,
};
const declaration = (overrides: Partial<RiskDeclaration> = {}): RiskDeclaration => ({
  id: 'd-1',
  date: '2026-06-01',
  regime: 'IM40',
  postCode: '26001',
  traderTin: '301234567',
  declarantId: 'u1',
  sellerName: 'ACME Ltd',
  transportMode: 'ROAD',
  dispatchCountry: 'CN',
  isFirstShipment: false,
  isAuthorisedEconomicOperator: false,
  items: [
    {
      lineNo: 1,
      hsCode: '8471300000',
      originCountry: 'CN',
      quantity: 10,
      customsValueUzs: 10_000_000,
      unitPriceUsd: 500,
      riskItem,
    },
  ],
  ...overrides,
});
const profile = (p: Partial<RiskProfile>): RiskProfile => ({
  id: 'p',
  name: 'P',
  conditions: { hsPrefixes: ['8471'] },
  weight: 0,
  forcedChannel: null,
  instructions: null,
  validFrom: '2026-01-01',
  validTo: null,
  isShadow: false,
  isActive: true,
  ...p,
});
// A draw that never picks (the random share is not what these tests are about).
const context = { model: null, modelProblem: null, referencePrices: new Map(), selectionDraw: () => 0.999 };
const settings = { ...DEFAULT_RISK_SETTINGS, randomSharePercent: 0 };
const noOutcome = { hasOutcome: false, isHit: false };

describe('the backtest: replaying a proposal next to the current setup', () => {
  it("puts the proposal's thresholds on its regime only, and its random share over the current one", () => {
    expect(proposedSettings(settings, {})).toEqual(settings);
    const s = proposedSettings(settings, {
      thresholds: { regime: 'EK10', yellow: 10, red: 20 },
      randomSharePercent: 5,
    });
    expect(s.thresholds).toEqual({ ...settings.thresholds, EK10: { yellow: 10, red: 20 } });
    expect(s.randomSharePercent).toBe(5);
    expect(proposedSettings(settings, { randomSharePercent: 0 }).randomSharePercent).toBe(0);
  });

  it('gives each day the profiles valid on it; the proposed profile replaces its stored version on every day and is never a shadow', () => {
    const stored = profile({ id: 'p1', weight: 10, validFrom: '2026-03-01', validTo: '2026-03-31' });
    const other = profile({ id: 'p2', weight: 5 });
    const proposed = profile({ id: 'p1', weight: 60, validFrom: '2030-01-01', isShadow: true });
    const setupsOn = backtestSetups({
      activeProfiles: [stored, other],
      proposal: { profile: proposed },
      context,
      settings,
    });
    const march = setupsOn('2026-03-15');
    expect(march.current.profiles.map((p) => [p.id, p.weight])).toEqual([
      ['p1', 10],
      ['p2', 5],
    ]);
    expect(march.proposed.profiles.map((p) => [p.id, p.weight, p.isShadow])).toEqual([
      ['p2', 5, false],
      ['p1', 60, false],
    ]);
    const june = setupsOn('2026-06-01');
    expect(june.current.profiles.map((p) => p.id)).toEqual(['p2']);
    expect(june.proposed.profiles.map((p) => p.id)).toEqual(['p2', 'p1']);
    expect(setupsOn('2026-06-01')).toBe(june);
    // Without a proposed profile both setups have the same profiles; the settings still differ.
    const thresholdsOnly = backtestSetups({
      activeProfiles: [other],
      proposal: { profile: null, thresholds: { regime: 'default', yellow: 0, red: 0 } },
      context,
      settings,
    })('2026-06-01');
    expect(thresholdsOnly.proposed.profiles).toEqual(thresholdsOnly.current.profiles);
    expect(thresholdsOnly.proposed.settings.thresholds.default).toEqual({ yellow: 0, red: 0 });
  });

  it('replays a declaration under both setups and says whether the proposed profile matched', () => {
    const setupsOn = backtestSetups({
      activeProfiles: [],
      proposal: { profile: profile({ id: 'new', forcedChannel: 'RED', isShadow: true }) },
      context,
      settings,
    });
    expect(replayDeclaration(declaration(), setupsOn('2026-06-01'), { hasOutcome: true, isHit: true }, 'new')).toEqual({
      before: 'GREEN',
      after: 'RED',
      matchesProposedProfile: true,
      hasOutcome: true,
      isHit: true,
    });
    // The proposal's own dates still decide where it matches (as matchProfile does at registration).
    const later = backtestSetups({
      activeProfiles: [],
      proposal: { profile: profile({ id: 'new', forcedChannel: 'RED', validFrom: '2026-07-01' }) },
      context,
      settings,
    });
    expect(replayDeclaration(declaration(), later('2026-06-01'), noOutcome, 'new')).toMatchObject({
      after: 'GREEN',
      matchesProposedProfile: false,
    });
    expect(
      replayDeclaration(
        declaration({ items: [{ ...declaration().items[0], hsCode: '6109100000' }] }),
        setupsOn('2026-06-01'),
        noOutcome,
        'new',
      ),
    ).toMatchObject({ before: 'GREEN', after: 'GREEN', matchesProposedProfile: false });
    const thresholds = backtestSetups({
      activeProfiles: [],
      proposal: { profile: null, thresholds: { regime: 'default', yellow: 0, red: 0 } },
      context,
      settings,
    });
    expect(replayDeclaration(declaration(), thresholds('2026-06-01'), noOutcome, null)).toMatchObject({
      before: 'GREEN',
      after: 'RED',
      matchesProposedProfile: false,
    });
  });

  const replay = (
    before: ReplayedDeclaration['before'],
    after: ReplayedDeclaration['after'],
    outcome: 'hit' | 'clean' | 'none',
    matches = false,
  ): ReplayedDeclaration => ({
    before,
    after,
    matchesProposedProfile: matches,
    hasOutcome: outcome !== 'none',
    isHit: outcome === 'hit',
  });

  it.each([
    [
      'nothing replayed',
      [],
      {
        declarations: 0,
        sampled: 0,
        hitRate: null,
        currentHitRate: null,
        inspectedWithOutcome: 0,
        currentInspectedWithOutcome: 0,
      },
    ],
    [
      'yellow and red count as inspected, green and blue do not; only known outcomes count',
      [
        replay('GREEN', 'RED', 'hit', true),
        replay('YELLOW', 'YELLOW', 'clean'),
        replay('BLUE', 'GREEN', 'hit'),
        replay('RED', 'BLUE', 'none'),
        replay('GREEN', 'YELLOW', 'none', true),
      ],
      {
        declarations: 5,
        sampled: 5,
        total: 9,
        profileMatches: 2,
        current: { GREEN: 2, YELLOW: 1, RED: 1, BLUE: 1 },
        proposed: { GREEN: 1, YELLOW: 2, RED: 1, BLUE: 1 },
        inspectedWithOutcome: 2,
        hits: 1,
        hitRate: 0.5,
        currentInspectedWithOutcome: 1,
        currentHits: 0,
        currentHitRate: 0,
      },
    ],
  ] as const)('counts the channel mix and hit rates: %s', (_, replays, expected) => {
    const result = emptyBacktest(9);
    for (const r of replays) countReplay(result, r);
    expect(finishBacktest(result)).toMatchObject(expected);
  });

  it('counts the same whatever the batches and their order', () => {
    const r = seededRng(3);
    const channels = ['GREEN', 'YELLOW', 'RED', 'BLUE'] as const;
    const replays = Array.from({ length: 300 }, () =>
      replay(
        channels[Math.floor(r() * 4)],
        channels[Math.floor(r() * 4)],
        (['hit', 'clean', 'none'] as const)[Math.floor(r() * 3)],
        r() < 0.2,
      ),
    );
    const all = emptyBacktest(300);
    for (const x of replays) countReplay(all, x);
    const reversed = emptyBacktest(300);
    for (const x of [...replays].reverse()) countReplay(reversed, x);
    expect(finishBacktest(reversed)).toEqual(finishBacktest(all));
  });
});

describe('thresholds from channel shares on a histogram of scores', () => {
  const histogram = (scores: number[]) => {
    const counts = new Map<number, number>();
    for (const s of scores) counts.set(s, (counts.get(s) ?? 0) + 1);
    return [...counts].map(([score, count]) => ({ score, count }));
  };

  it('gives exactly the thresholds of the raw scores, for every share', () => {
    const r = seededRng(11);
    for (const n of [1, 2, 7, 100, 1013]) {
      const scores = Array.from({ length: n }, () => Math.floor(r() * r() * 101));
      for (const [yellowPercent, redPercent] of [
        [0, 0],
        [20, 10],
        [0, 100],
        [100, 0],
        [33.3, 1.7],
        [50, 50],
        [2, 0.1],
        [99, 1],
      ]) {
        const shares = { yellowPercent, redPercent };
        expect(thresholdsForScoreCounts(histogram(scores), shares)).toEqual(thresholdsForShares(scores, shares));
      }
    }
  });

  it.each([
    ['no scores: the default thresholds', [], DEFAULT_RISK_SETTINGS.thresholds.default],
    [
      'empty counts are ignored',
      [
        { score: 90, count: 0 },
        { score: 10, count: 4 },
      ],
      { yellow: 10, red: 10 },
    ],
    [
      'the k-th highest score, k = ⌈share of n⌉',
      [
        { score: 80, count: 1 },
        { score: 50, count: 1 },
        { score: 20, count: 8 },
      ],
      { yellow: 50, red: 80 },
    ],
  ])('%s', (_, counts, expected) => {
    expect(thresholdsForScoreCounts(counts, { yellowPercent: 10, redPercent: 10 })).toEqual(expected);
  });
});
