import { describe, expect, it } from 'vitest';
import {
  checkFormalities,
  coverageProblem,
  permitProblem,
  permitRequirements,
  planWriteOffs,
  type FormalitiesArgs,
  type FormalitiesItem,
  type HeldPermit,
  type ItemFormalities,
  type MissingReason,
  type PermitTypeRule,
  type Requirement,
} from '@/lib/permits';
import type { Regime } from '@/lib/reference/customs';
import { PERMIT_CATALOGUE } from '@/prisma/seed/permit-catalogue';

// The catalogue is the seeded one (shared/DOMAIN.md, 21 types of 6 authorities); the expected
// requirements below are written by hand from the DOMAIN.md table, so a wrong catalogue row fails too.
const catalogue: PermitTypeRule[] = PERMIT_CATALOGUE.map((t) => ({
  code: t.code,
  authorityCode: t.authority,
  directions: t.directions,
  hsPrefixes: t.hsPrefixes,
  scope: t.scope,
}));

const req = (authorityCode: string, ...alternatives: string[]): Requirement => ({ authorityCode, alternatives });
const needs = (hsCode: string, regime: Regime, cat: readonly PermitTypeRule[] = catalogue) =>
  permitRequirements({ hsCode, regime }, cat);

describe('the catalogue', () => {
  it('has 21 types of 6 authorities', () => {
    expect(catalogue).toHaveLength(21);
    expect(new Set(catalogue.map((t) => t.authorityCode))).toEqual(new Set(['SES', 'PQ', 'VET', 'STD', 'PH', 'ECO']));
  });
});

describe('permitRequirements: every one of the 21 types, in and out of its direction', () => {
  // [type under test, HS code, regime, exact requirements]
  const rows: ReadonlyArray<readonly [string, string, Regime, Requirement[]]> = [
    ['SES-FOOD', '1701990000', 'IM40', [req('SES', 'SES-FOOD')]],
    ['SES-FOOD', '1701990000', 'EK10', []],
    ['SES-COSM', '3304990000', 'IM40', [req('SES', 'SES-COSM')]],
    ['SES-COSM', '3304990000', 'EK10', []],
    ['SES-CHILD', '6111200000', 'IM40', [req('SES', 'SES-CHILD'), req('STD', 'STD-DOC')]],
    ['SES-CHILD', '6111200000', 'EK10', []],
    ['SES-FCM', '3924100000', 'IM40', [req('SES', 'SES-FCM')]],
    ['SES-FCM', '3924100000', 'TR80', []],
    ['SES-REG', '3808910000', 'IM40', [req('SES', 'SES-REG')]],
    ['SES-REG', '3808910000', 'EK10', []],
    ['PQ-IMP', '4403110000', 'IM40', [req('PQ', 'PQ-IMP')]],
    ['PQ-IMP', '4403110000', 'EK10', []],
    ['PQ-PHYTO', '1209910000', 'EK10', [req('PQ', 'PQ-PHYTO')]],
    ['PQ-PHYTO', '1209910000', 'IM40', [req('PQ', 'PQ-IMP')]],
    ['PQ-REEXP', '0808108000', 'TR80', [req('PQ', 'PQ-REEXP')]],
    ['PQ-REEXP', '0808108000', 'EK10', [req('PQ', 'PQ-PHYTO')]],
    ['PQ-REEXP', '0808108000', 'IM40', [req('SES', 'SES-FOOD'), req('PQ', 'PQ-IMP')]],
    ['VET-IMP', '2309109000', 'IM40', [req('VET', 'VET-IMP')]],
    ['VET-IMP', '2309109000', 'EK10', []],
    ['VET-EXP', '0511990000', 'EK10', [req('VET', 'VET-EXP')]],
    ['VET-EXP', '0511990000', 'IM40', [req('VET', 'VET-IMP')]],
    ['VET-EXP', '1602500000', 'EK10', [req('VET', 'VET-EXP')]],
    ['VET-TRN', '0511990000', 'TR80', [req('VET', 'VET-TRN')]],
    ['VET-TRN', '1602500000', 'TR80', []],
    ['STD-COC', '8471300000', 'IM40', [req('STD', 'STD-COC')]],
    ['STD-COC', '8471300000', 'EK10', []],
    ['STD-DOC', '6403990000', 'IM40', [req('STD', 'STD-DOC')]],
    ['STD-DOC', '6403990000', 'EK10', []],
    ['STD-MET', '9028201000', 'IM40', [req('STD', 'STD-MET')]],
    ['STD-MET', '9028201000', 'TR80', []],
    ['PH-MED', '3004900009', 'IM40', [req('PH', 'PH-MED')]],
    ['PH-MED', '3004900009', 'EK10', []],
    ['PH-DEV', '9018390000', 'IM40', [req('PH', 'PH-DEV')]],
    ['PH-DEV', '9018390000', 'EK10', []],
    ['PH-NARC', '2939110000', 'IM40', [req('PH', 'PH-NARC')]],
    ['PH-NARC', '2939110000', 'EK10', [req('PH', 'PH-NARC')]],
    ['PH-NARC', '2939110000', 'TR80', []],
    ['ECO-CITES', '4103900000', 'IM40', [req('ECO', 'ECO-CITES')]],
    ['ECO-CITES', '4103900000', 'EK10', [req('ECO', 'ECO-CITES')]],
    ['ECO-CITES', '4103900000', 'TR80', []],
    ['ECO-ODS', '2903710000', 'IM40', [req('ECO', 'ECO-ODS')]],
    ['ECO-ODS', '2903710000', 'EK10', []],
    ['ECO-WILD', '1211900000', 'EK10', [req('PQ', 'PQ-PHYTO'), req('ECO', 'ECO-WILD')]],
    ['ECO-WILD', '1211900000', 'IM40', [req('PQ', 'PQ-IMP')]],
    ['ECO-WASTE', '2620110000', 'IM40', [req('ECO', 'ECO-WASTE')]],
    ['ECO-WASTE', '2620110000', 'EK10', [req('ECO', 'ECO-WASTE')]],
    ['ECO-WASTE', '8549110000', 'TR80', [req('ECO', 'ECO-WASTE')]],
  ];

  it.each(rows)('%s: %s under %s', (_type, hsCode, regime, expected) => {
    expect(needs(hsCode, regime)).toEqual(expected);
  });

  it('covers every type of the catalogue, in its direction and out of it', () => {
    const needed = new Set(rows.flatMap(([, , , expected]) => expected.flatMap((r) => r.alternatives)));
    for (const type of catalogue) expect(needed, type.code).toContain(type.code);
    const testedTypes = new Set(rows.map(([type]) => type));
    for (const type of catalogue) {
      expect(testedTypes, type.code).toContain(type.code);
      // each type that is not valid in every direction has a row where its HS code does not need it
      if (type.directions.length < 3) {
        expect(
          rows.some(
            ([t, , , expected]) => t === type.code && !expected.some((r) => r.alternatives.includes(type.code)),
          ),
          type.code,
        ).toBe(true);
      }
    }
  });
});

describe('permitRequirements: none, several, one of a choice', () => {
  it.each([
    ['raw cotton, import: none', '5201000000', 'IM40', []],
    ['steel, export: none', '7208100000', 'EK10', []],
    ['laptops, transit: none', '8471300000', 'TR80', []],
    ['an empty HS code: none', '', 'IM40', []],
    ['a toy, import: SES-CHILD and STD-COC', '9503009900', 'IM40', [req('SES', 'SES-CHILD'), req('STD', 'STD-COC')]],
    ['laptops, import: STD-COC', '8471300000', 'IM40', [req('STD', 'STD-COC')]],
    ['laptops, temporary import: STD-COC', '8471300000', 'IM31', [req('STD', 'STD-COC')]],
    ['laptops, customs warehouse: STD-COC', '8471300000', 'IM70', [req('STD', 'STD-COC')]],
    ['beef, import: SES-FOOD and VET-IMP', '0201300000', 'IM40', [req('SES', 'SES-FOOD'), req('VET', 'VET-IMP')]],
    [
      'live wild animal, export: VET-EXP, and ECO-CITES or ECO-WILD',
      '0106110000',
      'EK10',
      [req('VET', 'VET-EXP'), req('ECO', 'ECO-CITES', 'ECO-WILD')],
    ],
    [
      'live wild animal, temporary export: the same choice',
      '0106110000',
      'EK31',
      [req('VET', 'VET-EXP'), req('ECO', 'ECO-CITES', 'ECO-WILD')],
    ],
    [
      'live wild animal, import: VET-IMP and ECO-CITES (no choice)',
      '0106110000',
      'IM40',
      [req('VET', 'VET-IMP'), req('ECO', 'ECO-CITES')],
    ],
    ['live wild animal, transit: VET-TRN', '0106110000', 'TR80', [req('VET', 'VET-TRN')]],
    [
      'live plants, export: PQ-PHYTO and ECO-WILD',
      '0602909900',
      'EK10',
      [req('PQ', 'PQ-PHYTO'), req('ECO', 'ECO-WILD')],
    ],
    ['apples, import: SES-FOOD and PQ-IMP', '0808108000', 'IM40', [req('SES', 'SES-FOOD'), req('PQ', 'PQ-IMP')]],
    ['beer, import: SES-FOOD', '2203000900', 'IM40', [req('SES', 'SES-FOOD')]],
    ['a code with spaces around', ' 8471300000 ', 'IM40', [req('STD', 'STD-COC')]],
  ] as const)('%s', (_label, hsCode, regime, expected) => {
    expect(needs(hsCode, regime)).toEqual(expected);
  });

  it.each([
    [
      'ECO-WILD inactive: the choice narrows to CITES',
      'ECO-WILD',
      '0106110000',
      'EK10',
      [req('VET', 'VET-EXP'), req('ECO', 'ECO-CITES')],
    ],
    ['STD-COC inactive: a toy needs SES-CHILD only', 'STD-COC', '9503009900', 'IM40', [req('SES', 'SES-CHILD')]],
    ['SES-FOOD inactive: beer needs nothing', 'SES-FOOD', '2203000900', 'IM40', []],
  ] as const)('inactive types are ignored: %s', (_label, inactive, hsCode, regime, expected) => {
    const edited = catalogue.map((t) => (t.code === inactive ? { ...t, isActive: false } : t));
    expect(needs(hsCode, regime, edited)).toEqual(expected);
  });

  it('an empty prefix in an edited catalogue matches nothing', () => {
    const edited: PermitTypeRule[] = [
      { code: 'X-ALL', authorityCode: 'X', directions: ['IMPORT'], hsPrefixes: [''], scope: 'QUANTITY' },
    ];
    expect(needs('8471300000', 'IM40', edited)).toEqual([]);
  });
});

// ─────────────────────────────── formalities ───────────────────────────────

const COMPANY = 'company-1';
const DATE = '2026-06-01';

const permit = (over: Partial<HeldPermit> = {}): HeldPermit => ({
  id: 'p-coc',
  number: 'STD-COC-0001',
  typeCode: 'STD-COC',
  companyId: COMPANY,
  direction: 'IMPORT',
  status: 'ISSUED',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  hsCodes: ['8471'],
  remainingQuantity: '100',
  unit: 'PCS',
  ...over,
});

const laptops = (over: Partial<FormalitiesItem> = {}): FormalitiesItem => ({
  lineNo: 1,
  hsCode: '8471300000',
  quantity: '10',
  ...over,
});

const check = (over: Partial<FormalitiesArgs>): ItemFormalities[] =>
  checkFormalities({
    items: [laptops()],
    regime: 'IM40',
    companyId: COMPANY,
    date: DATE,
    catalogue,
    permits: [],
    mode: 'HELD',
    ...over,
  });

/** The one requirement of the one item. */
const only = (result: ItemFormalities[]) => {
  expect(result).toHaveLength(1);
  expect(result[0].requirements).toHaveLength(1);
  return result[0].requirements[0];
};

describe('checkFormalities, HELD mode (check your answers): a held permit is offered only if linking would accept it', () => {
  // LINKABLE = not satisfied (release counts links only), with the held permit that linking would accept.
  it.each([
    ['a usable permit, not linked', [permit()], 'LINKABLE', 'NOT_LINKED', 'p-coc'],
    ['no permit at all', [], 'MISSING', 'NOT_HELD', 'the company holds no STD-COC permit'],
    [
      "another company's permit (never counted, never mentioned)",
      [permit({ companyId: 'company-2' })],
      'MISSING',
      'NOT_HELD',
      'holds no STD-COC',
    ],
    ['a permit of another type', [permit({ typeCode: 'STD-DOC' })], 'MISSING', 'NOT_HELD', 'holds no STD-COC'],
    ['revoked', [permit({ status: 'REVOKED' })], 'MISSING', 'REVOKED', 'permit STD-COC-0001 was revoked'],
    ['exhausted', [permit({ status: 'EXHAUSTED' })], 'MISSING', 'EXHAUSTED', 'is used up'],
    [
      'expired the day before',
      [permit({ validTo: '2026-05-31' })],
      'MISSING',
      'EXPIRED',
      'expired (valid until 2026-05-31)',
    ],
    ['valid until the date itself', [permit({ validTo: DATE })], 'LINKABLE', 'NOT_LINKED', 'p-coc'],
    [
      'valid from the next day',
      [permit({ validFrom: '2026-06-02' })],
      'MISSING',
      'NOT_YET_VALID',
      'valid only from 2026-06-02',
    ],
    ['valid from the date itself', [permit({ validFrom: DATE })], 'LINKABLE', 'NOT_LINKED', 'p-coc'],
    [
      'zero remaining',
      [permit({ remainingQuantity: '0' })],
      'MISSING',
      'NO_REMAINING_QUANTITY',
      'has no remaining quantity',
    ],
    [
      'less remaining than the item',
      [permit({ remainingQuantity: '0.001' })],
      'MISSING',
      'INSUFFICIENT_QUANTITY',
      'permit STD-COC-0001 has 0.001 PCS left, but the item needs 10 PCS',
    ],
    ['remaining exactly the item', [permit({ remainingQuantity: '10' })], 'LINKABLE', 'NOT_LINKED', 'p-coc'],
    [
      'HS not covered',
      [permit({ hsCodes: ['8517'] })],
      'MISSING',
      'HS_NOT_COVERED',
      'does not cover commodity code 8471300000',
    ],
    [
      'issued for export, the declaration an import',
      [permit({ direction: 'EXPORT' })],
      'MISSING',
      'WRONG_DIRECTION',
      'permit STD-COC-0001 was issued for export, but this is an import declaration: it needs a permit issued for import',
    ],
    [
      'another direction and HS not covered: the direction is named first',
      [permit({ direction: 'TRANSIT', hsCodes: ['8517'] })],
      'MISSING',
      'WRONG_DIRECTION',
      'was issued for transit',
    ],
    [
      'HS covered by the full code',
      [permit({ hsCodes: ['8517130000', '8471300000'] })],
      'LINKABLE',
      'NOT_LINKED',
      'p-coc',
    ],
    ['HS covered by a chapter', [permit({ hsCodes: ['84'] })], 'LINKABLE', 'NOT_LINKED', 'p-coc'],
    ['an empty HS entry covers nothing', [permit({ hsCodes: [''] })], 'MISSING', 'HS_NOT_COVERED', 'does not cover'],
    [
      'a bad permit and a good one',
      [permit({ id: 'p-bad', status: 'REVOKED' }), permit({ id: 'p-good', number: 'STD-COC-0002' })],
      'LINKABLE',
      'NOT_LINKED',
      'p-good',
    ],
    [
      'two bad permits: the reason of the one that got furthest',
      [permit({ id: 'a', hsCodes: ['8517'] }), permit({ id: 'b', number: 'STD-COC-0009', validTo: '2026-03-01' })],
      'MISSING',
      'EXPIRED',
      'STD-COC-0009 expired',
    ],
  ] as const)('%s', (_label, permits, status, reasonCode, detail) => {
    const s = only(check({ permits: [...permits] }));
    expect(s.requirement).toEqual(req('STD', 'STD-COC'));
    // Never satisfied by a permit that is not linked: release counts links only.
    expect(s.status).toBe('MISSING');
    expect(s.permit).toBeUndefined();
    expect(s.reasonCode).toBe(reasonCode);
    if (status === 'LINKABLE') {
      expect(s.linkable?.id).toBe(detail);
      expect(s.reason).toMatch(/^permit STD-COC-000\d can cover it, but it is not linked to this item yet$/);
    } else {
      expect(s.reason).toContain(detail);
      expect(s.linkable).toBeUndefined();
    }
  });

  it('an item that needs nothing is satisfied with no requirements', () => {
    expect(check({ items: [laptops({ hsCode: '5201000000' })] })).toEqual([
      { lineNo: 1, requirements: [], isSatisfied: true },
    ]);
  });

  it('a toy needs both: satisfied only when both are linked', () => {
    const toy = laptops({ lineNo: 3, hsCode: '9503009900' });
    const child = permit({ id: 'p-child', number: 'SES-CHILD-1', typeCode: 'SES-CHILD', hsCodes: ['9503'] });
    const coc = permit({ id: 'p-coc-toys', hsCodes: ['9503'] });
    const [one] = check({ items: [toy], permits: [child] });
    expect(one.lineNo).toBe(3);
    expect(one.requirements.map((r) => [r.requirement.authorityCode, r.reasonCode, r.linkable?.id])).toEqual([
      ['SES', 'NOT_LINKED', 'p-child'],
      ['STD', 'NOT_HELD', undefined],
    ]);
    expect(one.isSatisfied).toBe(false);
    expect(check({ items: [toy], permits: [child, coc] })[0].isSatisfied).toBe(false);
    const [linked] = check({ items: [{ ...toy, linkedPermitIds: ['p-child', 'p-coc-toys'] }], permits: [child, coc] });
    expect(linked.isSatisfied).toBe(true);
    expect(linked.requirements.map((r) => r.permit?.id)).toEqual(['p-child', 'p-coc-toys']);
  });

  it.each([
    ['ECO-CITES', 'p-cites'],
    ['ECO-WILD', 'p-wild'],
  ])('one of a choice: a live animal exported with %s and VET-EXP held: both offered to link', (ecoType, id) => {
    const result = check({
      regime: 'EK10',
      items: [laptops({ hsCode: '0106110000' })],
      permits: [
        permit({ id: 'p-vet', number: 'VET-EXP-1', typeCode: 'VET-EXP', hsCodes: ['01'], direction: 'EXPORT' }),
        permit({ id, number: `${ecoType}-1`, typeCode: ecoType, hsCodes: ['0106'], direction: 'EXPORT' }),
      ],
    });
    expect(result[0].isSatisfied).toBe(false);
    expect(result[0].requirements.map((r) => r.linkable?.id)).toEqual(['p-vet', id]);
  });

  it('one of a choice: neither held names both alternatives', () => {
    const [one] = check({
      regime: 'EK10',
      items: [laptops({ hsCode: '0106110000' })],
      permits: [permit({ typeCode: 'VET-EXP', hsCodes: ['01'], direction: 'EXPORT' })],
    });
    expect(one.requirements[1]).toMatchObject({
      status: 'MISSING',
      reasonCode: 'NOT_HELD',
      reason: 'the company holds no ECO-CITES or ECO-WILD permit',
    });
  });

  it('the direction comes from the regime: an export of laptops needs nothing, so an import permit is beside the point', () => {
    expect(check({ regime: 'EK10', permits: [] })[0]).toEqual({ lineNo: 1, requirements: [], isSatisfied: true });
  });

  it('an inactive type is not required', () => {
    const edited = catalogue.map((t) => (t.code === 'STD-COC' ? { ...t, isActive: false } : t));
    expect(check({ catalogue: edited })[0]).toEqual({ lineNo: 1, requirements: [], isSatisfied: true });
  });
});

describe('checkFormalities, LINKED mode (release): only the linked permits count', () => {
  const linked = (permits: HeldPermit[], item: Partial<FormalitiesItem> = {}) =>
    only(check({ mode: 'LINKED', permits, items: [laptops({ linkedPermitIds: permits.map((p) => p.id), ...item })] }));

  type LinkedRow = readonly [
    string,
    HeldPermit[],
    Partial<FormalitiesItem>,
    'SATISFIED' | 'MISSING',
    string | undefined,
    string,
  ];
  it.each<LinkedRow>([
    ['a usable linked permit', [permit()], {}, 'SATISFIED', undefined, 'p-coc'],
    ['remaining exactly the quantity', [permit({ remainingQuantity: '10' })], {}, 'SATISFIED', undefined, 'p-coc'],
    [
      'remaining less than the quantity',
      [permit({ remainingQuantity: '9.999' })],
      {},
      'MISSING',
      'INSUFFICIENT_QUANTITY',
      'has 9.999 PCS left, but the item needs 10 PCS',
    ],
    [
      'zero remaining',
      [permit({ remainingQuantity: '0' })],
      {},
      'MISSING',
      'NO_REMAINING_QUANTITY',
      'no remaining quantity',
    ],
    [
      "another company's permit",
      [permit({ companyId: 'company-2' })],
      {},
      'MISSING',
      'OTHER_HOLDER',
      'held by another company',
    ],
    ['revoked', [permit({ status: 'REVOKED' })], {}, 'MISSING', 'REVOKED', 'was revoked'],
    ['exhausted', [permit({ status: 'EXHAUSTED' })], {}, 'MISSING', 'EXHAUSTED', 'used up'],
    ['expired', [permit({ validTo: '2026-05-31' })], {}, 'MISSING', 'EXPIRED', 'valid until 2026-05-31'],
    [
      'not yet valid',
      [permit({ validFrom: '2026-07-01' })],
      {},
      'MISSING',
      'NOT_YET_VALID',
      'valid only from 2026-07-01',
    ],
    [
      'HS not covered',
      [permit({ hsCodes: ['8528'] })],
      {},
      'MISSING',
      'HS_NOT_COVERED',
      'does not cover commodity code 8471300000',
    ],
    [
      'issued for another direction',
      [permit({ direction: 'TRANSIT' })],
      {},
      'MISSING',
      'WRONG_DIRECTION',
      'permit STD-COC-0001 was issued for transit, but this is an import declaration: it needs a permit issued for import',
    ],
    [
      'wrong type linked',
      [permit({ typeCode: 'STD-DOC', number: 'STD-DOC-7' })],
      {},
      'MISSING',
      'WRONG_TYPE',
      'permit STD-DOC-7 is a STD-DOC permit — this item needs STD-COC',
    ],
    [
      'the item declared in another unit',
      [permit()],
      { unit: 'KG' },
      'MISSING',
      'UNIT_MISMATCH',
      'counts PCS, but the item is declared in KG',
    ],
    ['the item declared in the same unit', [permit()], { unit: 'PCS' }, 'SATISFIED', undefined, 'p-coc'],
    ['a malformed item quantity', [permit()], { quantity: 'ten' }, 'MISSING', 'INVALID_QUANTITY', 'not a valid number'],
  ])('%s', (_label, permits, item, status, reasonCode, detail) => {
    const s = linked(permits, item);
    expect(s.status).toBe(status);
    if (status === 'SATISFIED') {
      expect(s.permit).toEqual({ id: detail, number: 'STD-COC-0001', typeCode: 'STD-COC' });
      expect(s.writeOff).toBe(item.quantity ?? '10');
    } else {
      expect(s.reasonCode).toBe(reasonCode);
      expect(s.reason).toContain(detail);
    }
  });

  it('not linked: a held, usable permit does not count until it is linked', () => {
    const s = only(check({ mode: 'LINKED', permits: [permit()], items: [laptops()] }));
    expect(s).toMatchObject({
      status: 'MISSING',
      reasonCode: 'NOT_LINKED',
      reason: 'no STD-COC permit is linked to this item',
    });
  });

  it('a linked id that is not among the permits is ignored', () => {
    const s = only(check({ mode: 'LINKED', permits: [], items: [laptops({ linkedPermitIds: ['ghost'] })] }));
    expect(s.reasonCode).toBe('NOT_LINKED');
  });

  it('several permits linked: the first usable one satisfies', () => {
    const s = linked([permit({ id: 'p-old', validTo: '2026-01-31' }), permit({ id: 'p-new', number: 'STD-COC-0002' })]);
    expect(s.permit?.id).toBe('p-new');
  });

  it('lines share a QUANTITY permit in line order: the later line gets what is left', () => {
    const shared = permit({ remainingQuantity: '100' });
    const result = check({
      mode: 'LINKED',
      permits: [shared],
      // given out of order: line 2 first
      items: [
        laptops({ lineNo: 2, quantity: '60', linkedPermitIds: ['p-coc'] }),
        laptops({ lineNo: 1, quantity: '60', linkedPermitIds: ['p-coc'] }),
      ],
    });
    expect(result.map((r) => r.lineNo)).toEqual([2, 1]);
    expect(result[1].isSatisfied).toBe(true);
    expect(result[0].requirements[0]).toMatchObject({
      status: 'MISSING',
      reasonCode: 'INSUFFICIENT_QUANTITY',
      reason: 'permit STD-COC-0001 has 40 PCS left after 60 PCS taken by earlier items, but the item needs 60 PCS',
    });
  });

  it('SHIPMENT scope: no quantity check; the consignment is written off whole, once', () => {
    const cites = permit({
      id: 'p-cites',
      number: 'ECO-CITES-5',
      typeCode: 'ECO-CITES',
      hsCodes: ['0106'],
      remainingQuantity: '1',
      unit: 'SHIPMENT',
      direction: 'EXPORT',
    });
    const vet = permit({
      id: 'p-vet',
      number: 'VET-EXP-5',
      typeCode: 'VET-EXP',
      hsCodes: ['01'],
      remainingQuantity: '1',
      unit: 'SHIPMENT',
      direction: 'EXPORT',
    });
    const links = ['p-cites', 'p-vet'];
    const result = check({
      mode: 'LINKED',
      regime: 'EK10',
      permits: [cites, vet],
      items: [
        { lineNo: 1, hsCode: '0106110000', quantity: '250', unit: 'PCS', linkedPermitIds: links },
        { lineNo: 2, hsCode: '0106190000', quantity: '40', unit: 'PCS', linkedPermitIds: links },
      ],
    });
    expect(result.every((r) => r.isSatisfied)).toBe(true);
    expect(result.map((r) => r.requirements.map((s) => s.writeOff))).toEqual([
      ['1', '1'],
      ['0', '0'],
    ]);
    expect(planWriteOffs(result, [cites, vet])).toEqual([
      { permitId: 'p-vet', quantity: '1', remainingAfter: '0', isExhausted: true },
      { permitId: 'p-cites', quantity: '1', remainingAfter: '0', isExhausted: true },
    ]);
  });

  it('SHIPMENT scope: a used consignment permit (nothing remaining) is missing', () => {
    const used = permit({
      id: 'p-wild',
      number: 'ECO-WILD-1',
      typeCode: 'ECO-WILD',
      hsCodes: ['0106'],
      remainingQuantity: '0',
      unit: 'SHIPMENT',
      direction: 'EXPORT',
    });
    const [one] = check({
      mode: 'LINKED',
      regime: 'EK10',
      permits: [used],
      items: [laptops({ hsCode: '0106110000', linkedPermitIds: ['p-wild'] })],
    });
    expect(one.requirements.map((r) => r.reasonCode)).toEqual(['NOT_LINKED', 'NO_REMAINING_QUANTITY']);
  });

  it('a type of two directions (PH-NARC, import or export): each permit serves only the direction it was issued for', () => {
    const narcotics = { lineNo: 1, hsCode: '2939410000', quantity: '5', unit: 'KG' };
    const importLicence = permit({
      id: 'p-im',
      number: 'PH-NARC-IM',
      typeCode: 'PH-NARC',
      hsCodes: ['2939'],
      remainingQuantity: '1',
      unit: 'SHIPMENT',
      direction: 'IMPORT',
    });
    const exportLicence = permit({
      id: 'p-ex',
      number: 'PH-NARC-EX',
      typeCode: 'PH-NARC',
      hsCodes: ['2939'],
      remainingQuantity: '1',
      unit: 'SHIPMENT',
      direction: 'EXPORT',
    });
    const linkedTo = (regime: Regime, p: HeldPermit) =>
      only(check({ mode: 'LINKED', regime, permits: [p], items: [{ ...narcotics, linkedPermitIds: [p.id] }] }));
    expect(linkedTo('EK10', importLicence)).toMatchObject({
      status: 'MISSING',
      reasonCode: 'WRONG_DIRECTION',
      reason:
        'permit PH-NARC-IM was issued for import, but this is an export declaration: it needs a permit issued for export',
    });
    expect(linkedTo('IM40', exportLicence)).toMatchObject({
      status: 'MISSING',
      reasonCode: 'WRONG_DIRECTION',
      reason: expect.stringContaining('but this is an import declaration'),
    });
    expect(linkedTo('EK10', exportLicence)).toMatchObject({ status: 'SATISFIED', permit: { id: 'p-ex' } });
    expect(linkedTo('IM31', importLicence)).toMatchObject({ status: 'SATISFIED', permit: { id: 'p-im' } });
    // HELD: only the licence of the declaration's direction counts; the other one is the reason when it is alone.
    const held = (regime: Regime, permits: HeldPermit[]) =>
      only(check({ mode: 'HELD', regime, permits, items: [narcotics] }));
    expect(held('EK10', [importLicence])).toMatchObject({ status: 'MISSING', reasonCode: 'WRONG_DIRECTION' });
    expect(held('EK10', [importLicence, exportLicence])).toMatchObject({
      status: 'MISSING',
      reasonCode: 'NOT_LINKED',
      linkable: { id: 'p-ex' },
    });
    // The list a trader picks from leaves the other direction's licence out, saying why.
    const offered = (regime: Regime) =>
      permitProblem({
        permit: importLicence,
        scope: 'SHIPMENT',
        item: narcotics,
        regime,
        companyId: COMPANY,
        date: DATE,
      });
    expect(offered('EK10')).toMatchObject({ code: 'WRONG_DIRECTION' });
    expect(offered('IM40')).toBeNull();
  });

  it('several needed, one linked: the item is not satisfied', () => {
    const child = permit({ id: 'p-child', number: 'SES-CHILD-1', typeCode: 'SES-CHILD', hsCodes: ['9503'] });
    const [one] = check({
      mode: 'LINKED',
      permits: [child],
      items: [laptops({ hsCode: '9503009900', linkedPermitIds: ['p-child'] })],
    });
    expect(one.requirements.map((r) => [r.status, r.reasonCode])).toEqual([
      ['SATISFIED', undefined],
      ['MISSING', 'NOT_LINKED'],
    ]);
    expect(one.isSatisfied).toBe(false);
  });
});

describe('one coverage rule: the formalities check says what linking and release say', () => {
  // The cases: a beer line in litres against a SES-FOOD permit counted in kilograms, a
  // 50-piece laptop line against a STD-COC permit with 1 piece left; then direction, validity, holder.
  const beer: FormalitiesItem = { lineNo: 1, hsCode: '2203000900', quantity: '2000', unit: 'L' };
  const laptops50: FormalitiesItem = { lineNo: 1, hsCode: '8471300000', quantity: '50', unit: 'PCS' };
  const foodInKg = permit({
    id: 'p-food',
    number: 'SES-FOOD/2026/000002',
    typeCode: 'SES-FOOD',
    hsCodes: ['22'],
    remainingQuantity: '5000',
    unit: 'KG',
  });
  const cocOneLeft = permit({ id: 'p-coc', number: 'STD-COC/2026/000003', remainingQuantity: '1' });

  type Row = readonly [string, FormalitiesItem, HeldPermit, MissingReason, string];
  const rows: Row[] = [
    [
      'a unit mismatch',
      beer,
      foodInKg,
      'UNIT_MISMATCH',
      'permit SES-FOOD/2026/000002 counts KG, but the item is declared in L',
    ],
    [
      'not enough remaining quantity',
      laptops50,
      cocOneLeft,
      'INSUFFICIENT_QUANTITY',
      'permit STD-COC/2026/000003 has 1 PCS left, but the item needs 50 PCS',
    ],
    [
      'the wrong direction',
      laptops50,
      permit({ direction: 'EXPORT' }),
      'WRONG_DIRECTION',
      'permit STD-COC-0001 was issued for export, but this is an import declaration: it needs a permit issued for import',
    ],
    [
      'expired',
      laptops50,
      permit({ validTo: '2026-05-31' }),
      'EXPIRED',
      'permit STD-COC-0001 expired (valid until 2026-05-31)',
    ],
    [
      'not yet valid',
      laptops50,
      permit({ validFrom: '2026-06-02' }),
      'NOT_YET_VALID',
      'permit STD-COC-0001 is valid only from 2026-06-02',
    ],
  ];

  const scopeOf = (p: HeldPermit) => catalogue.find((t) => t.code === p.typeCode)!.scope;
  const verdicts = (item: FormalitiesItem, p: HeldPermit) => ({
    rule: coverageProblem({
      permit: p,
      scope: scopeOf(p),
      line: item,
      ctx: { companyId: COMPANY, direction: 'IMPORT', date: DATE },
    }),
    offered: permitProblem({ permit: p, scope: scopeOf(p), item, regime: 'IM40', companyId: COMPANY, date: DATE }),
    check: only(check({ mode: 'HELD', permits: [p], items: [item] })),
    linking: only(check({ mode: 'LINKED', permits: [p], items: [{ ...item, linkedPermitIds: [p.id] }] })),
  });

  it.each(rows)(
    '%s: not satisfied, with the same reason, in the check, at linking and at release',
    (_l, item, p, code, reason) => {
      const v = verdicts(item, p);
      expect(v.rule).toMatchObject({ code, reason });
      expect(v.offered).toEqual({ code, reason });
      // check-your-answers: not satisfied, not offered to link, and says why
      expect(v.check).toMatchObject({ status: 'MISSING', reasonCode: code, reason });
      expect(v.check.permit).toBeUndefined();
      expect(v.check.linkable).toBeUndefined();
      // linking (its trial) and release (the same LINKED check)
      expect(v.linking).toMatchObject({ status: 'MISSING', reasonCode: code, reason });
    },
  );

  it('another holder: the rule and release refuse it; the check neither counts nor mentions it', () => {
    const theirs = permit({ companyId: 'company-2' });
    const v = verdicts(laptops50, theirs);
    expect(v.rule).toMatchObject({ code: 'OTHER_HOLDER', reason: 'permit STD-COC-0001 is held by another company' });
    expect(v.offered).toMatchObject({ code: 'OTHER_HOLDER' });
    expect(v.linking).toMatchObject({ status: 'MISSING', reasonCode: 'OTHER_HOLDER' });
    expect(v.check).toMatchObject({
      status: 'MISSING',
      reasonCode: 'NOT_HELD',
      reason: 'the company holds no STD-COC permit',
    });
    expect(v.check.linkable).toBeUndefined();
  });

  it('a permit that fits: covered by the rule, offered by the check, satisfied once linked', () => {
    const fits = permit({ remainingQuantity: '50' });
    const v = verdicts(laptops50, fits);
    expect(v.rule).toBeNull();
    expect(v.offered).toBeNull();
    expect(v.check).toMatchObject({ status: 'MISSING', reasonCode: 'NOT_LINKED', linkable: { id: 'p-coc' } });
    expect(v.linking).toMatchObject({ status: 'SATISFIED', permit: { id: 'p-coc' }, writeOff: '50' });
  });

  it('the check gives the linked permits exactly the verdicts release gives', () => {
    const shared = permit({ remainingQuantity: '100' });
    const items = [
      laptops({ lineNo: 1, quantity: '60', unit: 'PCS', linkedPermitIds: ['p-coc'] }),
      laptops({ lineNo: 2, quantity: '60', unit: 'PCS', linkedPermitIds: ['p-coc'] }),
      laptops({ lineNo: 3, quantity: '30', unit: 'PCS', linkedPermitIds: ['p-coc'] }),
    ];
    const released = check({ mode: 'LINKED', permits: [shared], items });
    const checked = check({ mode: 'HELD', permits: [shared], items });
    expect(checked).toEqual(released);
    expect(checked.map((r) => r.requirements[0].reasonCode)).toEqual([undefined, 'INSUFFICIENT_QUANTITY', undefined]);
  });

  it('offers a held permit only for what is left after every linked line and every earlier offer', () => {
    const shared = permit({ remainingQuantity: '100' });
    const result = check({
      mode: 'HELD',
      permits: [shared],
      items: [
        laptops({ lineNo: 1, quantity: '30', unit: 'PCS' }),
        laptops({ lineNo: 2, quantity: '50', unit: 'PCS', linkedPermitIds: ['p-coc'] }),
        laptops({ lineNo: 3, quantity: '30', unit: 'PCS' }),
      ],
    });
    expect(
      result.map((r) => [r.requirements[0].status, r.requirements[0].reasonCode, r.requirements[0].linkable?.id]),
    ).toEqual([
      ['MISSING', 'NOT_LINKED', 'p-coc'],
      ['SATISFIED', undefined, undefined],
      ['MISSING', 'INSUFFICIENT_QUANTITY', undefined],
    ]);
    expect(result[2].requirements[0].reason).toBe(
      'permit STD-COC-0001 has 20 PCS left after 80 PCS taken by other items, but the item needs 30 PCS',
    );
  });
});

describe('planWriteOffs', () => {
  it('sums the lines of a QUANTITY permit', () => {
    const p = permit({ remainingQuantity: '100' });
    const result = check({
      mode: 'LINKED',
      permits: [p],
      items: [
        laptops({ lineNo: 1, quantity: '30.5', linkedPermitIds: ['p-coc'] }),
        laptops({ lineNo: 2, quantity: '20', linkedPermitIds: ['p-coc'] }),
      ],
    });
    expect(planWriteOffs(result, [p])).toEqual([
      { permitId: 'p-coc', quantity: '50.5', remainingAfter: '49.5', isExhausted: false },
    ]);
  });

  it('exhausts a QUANTITY permit used to the last unit', () => {
    const p = permit({ remainingQuantity: '10' });
    const result = check({ mode: 'LINKED', permits: [p], items: [laptops({ linkedPermitIds: ['p-coc'] })] });
    expect(planWriteOffs(result, [p])).toEqual([
      { permitId: 'p-coc', quantity: '10', remainingAfter: '0', isExhausted: true },
    ]);
  });

  it('nothing to write off for items that need no permit', () => {
    const result = check({ mode: 'LINKED', items: [laptops({ hsCode: '5201000000' })] });
    expect(planWriteOffs(result, [])).toEqual([]);
  });

  it('refuses a declaration with a missing formality, or a HELD-mode result', () => {
    expect(() => planWriteOffs(check({ mode: 'LINKED', permits: [permit()] }), [permit()])).toThrow(/not satisfied/);
    expect(() => planWriteOffs(check({ mode: 'HELD', permits: [permit()] }), [permit()])).toThrow(/not satisfied/);
  });
});

describe('checkFormalities at scale and its inputs', () => {
  const codes = ['8471300000', '9503009900', '0201300000', '5201000000', '2203000900', '3004900009'];
  const companyPermits: HeldPermit[] = [
    permit({ id: 'coc', typeCode: 'STD-COC', hsCodes: ['8471', '9503'], remainingQuantity: '100000' }),
    permit({ id: 'child', typeCode: 'SES-CHILD', hsCodes: ['9503'], remainingQuantity: '100000' }),
    permit({ id: 'food', typeCode: 'SES-FOOD', hsCodes: ['02', '22'], remainingQuantity: '100000' }),
    permit({ id: 'vet', typeCode: 'VET-IMP', hsCodes: ['0201'], remainingQuantity: '100000' }),
    permit({ id: 'med', typeCode: 'PH-MED', hsCodes: ['3004'], remainingQuantity: '100000' }),
    // noise: other companies' permits of the same types
    ...Array.from({ length: 500 }, (_, i) =>
      permit({ id: `other-${i}`, companyId: `company-${i + 2}`, typeCode: i % 2 ? 'STD-COC' : 'SES-FOOD' }),
    ),
  ];
  const byType = new Map(companyPermits.filter((p) => p.companyId === COMPANY).map((p) => [p.typeCode, p.id]));
  const items: FormalitiesItem[] = Array.from({ length: 999 }, (_, i) => {
    const hsCode = codes[i % codes.length];
    const linkedPermitIds = permitRequirements({ hsCode, regime: 'IM40' }, catalogue).map((r) =>
      byType.get(r.alternatives[0])!,
    );
    return { lineNo: i + 1, hsCode, quantity: '10', linkedPermitIds };
  });

  it.each(['HELD', 'LINKED'] as const)('checks a 999-item declaration in %s mode', (mode) => {
    const result = check({ mode, items, permits: companyPermits });
    expect(result).toHaveLength(999);
    expect(result.every((r) => r.isSatisfied)).toBe(true);
    expect(result[1].requirements.map((r) => r.permit?.id)).toEqual(['child', 'coc']);
    expect(result[3].requirements).toEqual([]);
  });

  it('refuses a date that is not YYYY-MM-DD (a programming error)', () => {
    expect(() => check({ date: '01.06.2026' })).toThrow(/date/);
  });
});
