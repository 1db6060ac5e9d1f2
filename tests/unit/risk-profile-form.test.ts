import { describe, expect, it } from 'vitest';
import { ZProfileForm, profileFormValues } from '@/lib/risk/profile-form';
import {
  PROFILE_CONDITION_FIELDS,
  ZProfileConditions,
  matchProfile,
  type ProfileConditions,
} from '@/lib/risk/profiles';
import { assessRisk, DEFAULT_RISK_SETTINGS, type RiskDeclaration } from '@/lib/risk/engine';
import { keyedSelectionDraw } from '@/src/server/risk/selection-key';

const DECLARANT = '4c1f0e2a-7b3d-4e8f-9a21-5d6c7e8f9a0b';
const OTHER_DECLARANT = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';

/** One value for every condition the engine matches on. */
const everyCondition: ProfileConditions = ZProfileConditions.parse({
  hsPrefixes: ['61', '6204'],
  originCountries: ['CN', 'TR'],
  dispatchCountries: ['KZ'],
  traderTins: ['301234567'],
  declarantIds: [DECLARANT, OTHER_DECLARANT],
  sellerNames: ['acme'],
  postCodes: ['26001'],
  transportModes: ['ROAD', 'RAIL'],
  regimes: ['IM40'],
  minCustomsValue: '1000.00',
  maxCustomsValue: '5000000',
  minUnitPriceUsd: '0.5',
  maxUnitPriceUsd: '20',
  isFirstShipment: false,
});
const stored = {
  name: 'Every condition',
  conditions: everyCondition,
  weight: 30,
  forcedChannel: null,
  instructions: 'Check labels',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  isShadow: true,
  isActive: true,
};
const form = {
  name: 'Textiles from CN',
  hsPrefixes: '61, 62',
  originCountries: 'CN',
  weight: '30',
  validFrom: '2026-01-01',
  isShadow: 'yes',
  isActive: 'yes',
};
const paths = (input: unknown) => {
  const r = ZProfileForm.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('the profile form', () => {
  it('has a field for every condition the engine matches on', () => {
    expect(Object.keys(everyCondition).sort()).toEqual(Object.keys(PROFILE_CONDITION_FIELDS).sort());
  });

  it('round-trips a stored profile through the editor fields without dropping a condition (declarants included)', () => {
    const values = profileFormValues(stored);
    expect(values.declarantIds).toBe(`${DECLARANT}, ${OTHER_DECLARANT}`);
    const parsed = ZProfileForm.parse(values);
    expect(parsed.conditions).toEqual(everyCondition);
    expect(parsed).toMatchObject({
      name: stored.name,
      weight: 30,
      forcedChannel: null,
      instructions: 'Check labels',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      isShadow: true,
      isActive: true,
    });
  });

  it('reads declarant user ids in any case and spacing, and refuses what is not a user id on its own field', () => {
    expect(
      ZProfileForm.parse({ ...form, declarantIds: ` ${DECLARANT.toUpperCase()} ;${OTHER_DECLARANT}` }).conditions
        .declarantIds,
    ).toEqual([DECLARANT, OTHER_DECLARANT]);
    const r = ZProfileForm.safeParse({ ...form, declarantIds: `${DECLARANT}, broker@example.uz` });
    expect(r.success).toBe(false);
    expect(r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['declarantIds', expect.stringMatching(/user id/)],
    ]);
  });

  it('a declarant condition typed in the form matches the declarations that user filed, and only those', () => {
    const profile = {
      id: 'p',
      ...ZProfileForm.parse({
        ...form,
        hsPrefixes: '',
        originCountries: '',
        declarantIds: DECLARANT,
        weight: '50',
        isShadow: 'no',
      }),
    };
    const subject = {
      regime: 'IM40',
      postCode: '26001',
      traderTin: '301234567',
      sellerName: null,
      transportMode: 'ROAD',
      dispatchCountry: 'CN',
      isFirstShipment: false,
      items: [{ hsCode: '8471300000', originCountry: 'CN', customsValueUzs: 1_000_000, unitPriceUsd: 100 }],
    };
    expect(matchProfile(profile, { ...subject, declarantId: DECLARANT }, '2026-11-28')).toEqual([1]);
    expect(matchProfile(profile, { ...subject, declarantId: OTHER_DECLARANT }, '2026-11-28')).toEqual([]);

    const riskItem = {
      date: '2026-11-28',
      office: '26001',
      declarant: DECLARANT,
      importer: '301234567',
      seller: null,
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
    const declaration = (declarantId: string): RiskDeclaration => ({
      ...subject,
      id: 'd-1',
      date: '2026-11-28',
      declarantId,
      isAuthorisedEconomicOperator: false,
      items: [{ ...subject.items[0], lineNo: 1, quantity: 10, riskItem }],
    });
    const ctx = {
      profiles: [profile],
      model: null,
      modelProblem: null,
      referencePrices: new Map(),
      settings: { ...DEFAULT_RISK_SETTINGS, randomSharePercent: 0 },
      selectionDraw: keyedSelectionDraw('k'),
    };
    expect(assessRisk(declaration(DECLARANT), ctx)).toMatchObject({ score: 50, channel: 'YELLOW' });
    expect(assessRisk(declaration(OTHER_DECLARANT), ctx)).toMatchObject({ score: 0, channel: 'GREEN' });
  });

  it('reports every problem at once: base fields, each bad condition, and rules across fields', () => {
    expect(
      paths({
        ...form,
        hsPrefixes: '6A',
        originCountries: 'China',
        traderTins: '123',
        declarantIds: 'nobody',
        validFrom: '2026-02-30',
        weight: '500',
      }).sort(),
    ).toEqual(['declarantIds', 'hsPrefixes', 'originCountries', 'traderTins', 'validFrom', 'weight']);
    // A cross-field rule is reported next to a failing base field, too.
    expect(
      paths({
        ...form,
        name: 'x',
        minCustomsValue: '10',
        maxCustomsValue: '5',
        validFrom: '2026-06-01',
        validTo: '2026-01-01',
      }).sort(),
    ).toEqual(['maxCustomsValue', 'name', 'validTo']);
    expect(paths({ ...form, hsPrefixes: '6A', weight: '0' }).sort()).toEqual(['hsPrefixes', 'weight']);
    // "No condition" only when none was typed: a refused condition is not reported twice.
    expect(paths({ name: 'Nothing', weight: '10', validFrom: '2026-01-01' })).toEqual(['hsPrefixes']);
    expect(paths({ name: 'Bad only', hsPrefixes: '6A', weight: '10', validFrom: '2026-01-01' })).toEqual([
      'hsPrefixes',
    ]);
    // One message per field, even when several values of a list fail the same way.
    const r = ZProfileForm.safeParse({ ...form, hsPrefixes: '6A, 7B, 8C' });
    expect(r.success ? 0 : r.error.issues.length).toBe(1);
  });
});
