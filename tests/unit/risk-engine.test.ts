import { describe, expect, it } from 'vitest';
import {
  assessRisk,
  channelForScore,
  thresholdsForShares,
  readStoredReasons,
  DEFAULT_RISK_SETTINGS,
  type RiskDeclaration,
  type RiskContext,
} from '@/lib/risk/engine';
import { isRandomlySelected, keyedSelectionDraw } from '@/src/server/risk/selection-key';
import { matchProfile, ZProfileConditions, type RiskProfile } from '@/lib/risk/profiles';
import { seededRandom } from '@/lib/distribution/policy';

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
function declaration(overrides: Partial<RiskDeclaration> = {}): RiskDeclaration {
  return {
    id: 'd-1',
    date: '2026-11-28',
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
  };
}
const KEY = 'test-selection-secret';
const ctx = (overrides: Partial<RiskContext> = {}): RiskContext => ({
  profiles: [],
  model: null,
  modelProblem: null,
  referencePrices: new Map(),
  settings: { ...DEFAULT_RISK_SETTINGS, randomSharePercent: 0 },
  selectionDraw: keyedSelectionDraw(KEY),
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

/** An id the keyed draw does not pick at the given share (so tests of other layers are not disturbed). */
function idNotPicked(share: number, key = KEY) {
  for (let i = 0; ; i++) if (!isRandomlySelected(key, `n${i}`, share)) return `n${i}`;
}
function idPicked(share: number, key = KEY) {
  for (let i = 0; ; i++) if (isRandomlySelected(key, `p${i}`, share)) return `p${i}`;
}

describe('channel mapping', () => {
  it.each([
    [0, 'GREEN'],
    [44, 'GREEN'],
    [45, 'YELLOW'],
    [74, 'YELLOW'],
    [75, 'RED'],
    [100, 'RED'],
  ] as const)('score %i → %s with thresholds 45/75', (score, channel) => {
    expect(channelForScore(score, { yellow: 45, red: 75 })).toBe(channel);
  });

  it('derives thresholds from target shares of a score sample', () => {
    const scores = Array.from({ length: 100 }, (_, i) => i); // 0..99
    expect(thresholdsForShares(scores, { yellowPercent: 20, redPercent: 10 })).toEqual({ yellow: 70, red: 90 });
    expect(thresholdsForShares(scores, { yellowPercent: 0, redPercent: 0 })).toEqual({ yellow: 101, red: 101 });
  });
});

describe('layers', () => {
  it('a clean declaration with no model, profile or flag is green with score 0, and says why the model was not used', () => {
    const r = assessRisk(declaration({ id: idNotPicked(2) }), ctx({ modelProblem: 'No risk model is active' }));
    expect(r).toMatchObject({
      score: 0,
      channel: 'GREEN',
      modelVersion: null,
      fallbackReason: 'No risk model is active',
      isRandomPick: false,
    });
    expect(r.reasons).toEqual([{ kind: 'FALLBACK', message: 'No risk model is active' }]);
  });

  it('adds profile weights, and records shadow profiles without applying them', () => {
    const r = assessRisk(
      declaration(),
      ctx({
        profiles: [
          profile({ id: 'a', weight: 30 }),
          profile({ id: 'b', weight: 20 }),
          profile({ id: 's', weight: 90, isShadow: true }),
        ],
      }),
    );
    expect(r.score).toBe(50);
    expect(r.channel).toBe('YELLOW');
    expect(r.reasons.filter((x) => x.kind === 'PROFILE').map((x) => (x as { profileId: string }).profileId)).toEqual([
      'a',
      'b',
      's',
    ]);
  });

  it('flags a unit price below the configured quantile of the reference prices', () => {
    const referencePrices = new Map([
      ['8471300000|CN', { q05: 300, q10: 400, q25: 450, q50: 550, q75: 650, q90: 800, sampleSize: 40 }],
    ]);
    const cheap = assessRisk(
      declaration({ items: [{ ...declaration().items[0], unitPriceUsd: 350 }] }),
      ctx({ referencePrices }),
    );
    expect(cheap.score).toBe(25);
    expect(cheap.reasons).toContainEqual(
      expect.objectContaining({ kind: 'VALUE_CONTROL', lineNo: 1, threshold: 400, median: 550 }),
    );
    const fair = assessRisk(
      declaration({ items: [{ ...declaration().items[0], unitPriceUsd: 420 }] }),
      ctx({ referencePrices }),
    );
    expect(fair.reasons.some((x) => x.kind === 'VALUE_CONTROL')).toBe(false);
    const thin = assessRisk(
      declaration({ items: [{ ...declaration().items[0], unitPriceUsd: 1 }] }),
      ctx({
        referencePrices: new Map([
          ['8471300000|CN', { q05: 300, q10: 400, q25: 450, q50: 550, q75: 650, q90: 800, sampleSize: 3 }],
        ]),
      }),
    );
    expect(thin.reasons.some((x) => x.kind === 'VALUE_CONTROL')).toBe(false);
  });

  it('reduces the score of an authorised economic operator, and turns its yellow into blue', () => {
    const p = profile({ weight: 60 });
    const normal = assessRisk(declaration(), ctx({ profiles: [p] }));
    const aeo = assessRisk(declaration({ isAuthorisedEconomicOperator: true }), ctx({ profiles: [p] }));
    expect(normal).toMatchObject({ score: 60, channel: 'YELLOW' });
    expect(aeo).toMatchObject({ score: 45, channel: 'BLUE' });
  });

  it('sends the random share to at least a document check, drawn from the declaration id under the secret key', () => {
    const settings = { ...DEFAULT_RISK_SETTINGS, randomSharePercent: 2 };
    const picked = assessRisk(declaration({ id: idPicked(2) }), ctx({ settings }));
    expect(picked).toMatchObject({ channel: 'YELLOW', isRandomPick: true });
    const again = assessRisk(declaration({ id: idPicked(2) }), ctx({ settings }));
    expect(again).toEqual(picked);
    let count = 0;
    for (let i = 0; i < 5000; i++)
      if (assessRisk(declaration({ id: `x${i}` }), ctx({ settings })).isRandomPick) count++;
    expect(count).toBeGreaterThan(60);
    expect(count).toBeLessThan(140);
  });

  it('keys the random draw with the secret: same secret and id, same draw; another secret, other picks', () => {
    const settings = { ...DEFAULT_RISK_SETTINGS, randomSharePercent: 10 };
    const ids = Array.from({ length: 2000 }, (_, i) => `draft-${i}`);
    const picks = (randomKey: string) =>
      ids.filter(
        (id) =>
          assessRisk(declaration({ id }), ctx({ settings, selectionDraw: keyedSelectionDraw(randomKey) })).isRandomPick,
      );
    const a = picks('secret-a');
    expect(picks('secret-a')).toEqual(a);
    const b = picks('secret-b');
    expect(b).not.toEqual(a);
    // Independent draws: the two 10% samples overlap about 1% of the ids, not 10%.
    const overlap = a.filter((id) => b.includes(id)).length;
    expect(overlap).toBeLessThan(60);
    expect(a.length).toBeGreaterThan(140);
    expect(a.length).toBeLessThan(260);
    // The old public draw (a string hash of "risk:" + id) no longer decides: knowing the code and
    // the id is not enough to tell whether a draft would be picked.
    const publicPicks = ids.filter((id) => seededRandom(`risk:${id}`)() * 100 < 10);
    expect(a).not.toEqual(publicPicks);
    expect(isRandomlySelected('secret-a', idPicked(10, 'secret-a'), 10)).toBe(true);
    expect(isRandomlySelected('secret-a', 'anything', 0)).toBe(false);
  });

  it('uses the thresholds of the regime', () => {
    const p = profile({ weight: 50, conditions: { hsPrefixes: ['8471'] } });
    expect(assessRisk(declaration({ regime: 'IM40' }), ctx({ profiles: [p] })).channel).toBe('YELLOW');
    expect(assessRisk(declaration({ regime: 'EK10' }), ctx({ profiles: [p] })).channel).toBe('GREEN');
  });
});

describe('forced red is always red', () => {
  it('over generated inputs: any weights, AEO, random picks, other forced channels', () => {
    const rand = seededRandom('forced-red');
    for (let i = 0; i < 2000; i++) {
      const profiles = [profile({ id: 'red', forcedChannel: 'RED', weight: Math.floor(rand() * 200) - 100 })];
      if (rand() < 0.5) profiles.push(profile({ id: 'green', forcedChannel: 'GREEN' }));
      if (rand() < 0.5) profiles.push(profile({ id: 'blue', forcedChannel: 'BLUE', weight: -50 }));
      const r = assessRisk(
        declaration({ id: `g${i}`, isAuthorisedEconomicOperator: rand() < 0.5 }),
        ctx({
          profiles,
          settings: {
            ...DEFAULT_RISK_SETTINGS,
            randomSharePercent: rand() * 100,
            aeoReduction: Math.floor(rand() * 100),
          },
        }),
      );
      expect(r.channel).toBe('RED');
    }
  });

  it('but a forced-red shadow profile does not apply', () => {
    expect(
      assessRisk(
        declaration({ id: idNotPicked(2) }),
        ctx({ profiles: [profile({ forcedChannel: 'RED', isShadow: true })] }),
      ).channel,
    ).toBe('GREEN');
  });
});

describe('profiles', () => {
  const subject = {
    regime: 'IM40',
    postCode: '26001',
    traderTin: '301234567',
    declarantId: 'u1',
    sellerName: 'Shenzhen ACME Ltd',
    transportMode: 'ROAD',
    dispatchCountry: 'CN',
    isFirstShipment: true,
    items: [
      { hsCode: '6109100000', originCountry: 'CN', customsValueUzs: 5_000_000, unitPriceUsd: 2 },
      { hsCode: '8471300000', originCountry: 'DE', customsValueUzs: 50_000_000, unitPriceUsd: 600 },
    ],
  };
  it.each([
    [{ hsPrefixes: ['61'] }, [1]],
    [{ hsPrefixes: ['61'], originCountries: ['DE'] }, []],
    [{ originCountries: ['DE'] }, [2]],
    [{ traderTins: ['301234567'] }, [1, 2]],
    [{ traderTins: ['999999999'] }, []],
    [{ sellerNames: ['acme'] }, [1, 2]],
    [{ postCodes: ['26002'] }, []],
    [{ transportModes: ['ROAD'], regimes: ['IM40'] }, [1, 2]],
    [{ dispatchCountries: ['TR'] }, []],
    [{ minCustomsValue: '10000000.00' }, [2]],
    [{ maxUnitPriceUsd: '5.00' }, [1]],
    [{ isFirstShipment: false }, []],
  ] as const)('%j matches lines %j', (conditions, lines) => {
    expect(matchProfile(profile({ conditions: ZProfileConditions.parse(conditions) }), subject, '2026-11-28')).toEqual(
      lines,
    );
  });

  it('applies only within its validity and while active', () => {
    const p = profile({ conditions: { traderTins: ['301234567'] }, validFrom: '2026-12-01' });
    expect(matchProfile(p, subject, '2026-11-28')).toEqual([]);
    expect(matchProfile({ ...p, validFrom: '2026-01-01', validTo: '2026-06-30' }, subject, '2026-11-28')).toEqual([]);
    expect(matchProfile({ ...p, validFrom: '2026-01-01', isActive: false }, subject, '2026-11-28')).toEqual([]);
  });

  it.each([
    [{}, 'at least one condition'],
    [{ hsPrefixes: ['84A'] }, 'HS prefixes'],
    [{ originCountries: ['XX'] }, 'ISO 3166'],
    [{ traderTins: ['12345'] }, '9 digits'],
    [{ minCustomsValue: '10', maxCustomsValue: '5' }, 'must not be below'],
    [{ transportModes: ['SHIP'] }, 'Unknown transport mode'],
    [{ bogus: true }, 'Unrecognized key'],
  ])('refuses invalid conditions %j', (conditions, message) => {
    const r = ZProfileConditions.safeParse(conditions);
    expect(r.success).toBe(false);
    expect(r.success ? '' : r.error.issues.map((i) => i.message).join(' ')).toContain(message);
  });
});

describe('stored reasons', () => {
  it('reads current reasons back, shows older ones by their message, and ignores garbage', () => {
    const current = assessRisk(
      declaration({ id: 'r1' }),
      ctx({ profiles: [profile({ id: 'a', weight: 30, instructions: 'Check it' })] }),
    ).reasons;
    const stored = JSON.parse(
      JSON.stringify([
        ...current,
        { kind: 'PROFILE', code: 'HS-8703', message: 'Cars from high-risk origin', weight: 30 },
        42,
        null,
        { kind: 'MODEL' },
      ]),
    );
    const read = readStoredReasons(stored);
    expect(read.reasons).toEqual(current);
    expect(read.others).toEqual(['Cars from high-risk origin']);
    expect(readStoredReasons(undefined)).toEqual({ reasons: [], others: [] });
    expect(readStoredReasons({ not: 'an array' })).toEqual({ reasons: [], others: [] });
  });
});
