import { describe, expect, it } from 'vitest';
import {
  ZHsPrefixes,
  ZIssuePermit,
  ZLinkPermit,
  ZNewPermitType,
  ZPermitTypeCode,
  ZRequiredDocuments,
  ZSlaSetting,
  ZStartApplication,
  addDays,
  applicationDirection,
  applicationTransition,
  daysInclusive,
  defaultValidity,
  isApplicationEditable,
  isLinkingAllowed,
  issueProblems,
  missingDocuments,
  nextSequencedNumber,
  notCoveredMessage,
  permitNumberPrefix,
  applicationNumberPrefix,
  permitState,
  productCountryRole,
  requestedTotal,
  slaClock,
  slaTargetFrom,
  splitDuration,
  typeCoversHsCode,
  waitingPeriods,
  workingMsBetween,
  APPLICATION_STATUSES,
  type ApplicationAction,
  type ApplicationStatus,
} from '@/lib/permits';
import { DECLARATION_STATUSES } from '@/lib/declaration/lifecycle';

const H = 3600_000;
const DAY = 24 * H;
/** A moment in Tashkent time (UTC+5). */
const tashkent = (local: string) => new Date(new Date(`${local}Z`).getTime() - 5 * H);

describe('the application lifecycle', () => {
  // [from, action, to or null]
  const table: ReadonlyArray<readonly [ApplicationStatus, ApplicationAction, ApplicationStatus | null]> = [
    ['DRAFT', 'SUBMIT', 'SUBMITTED'],
    ['SUBMITTED', 'SUBMIT', null],
    ['DRAFT', 'REQUEST_INFO', null],
    ['SUBMITTED', 'REQUEST_INFO', 'INFO_REQUESTED'],
    ['INFO_REQUESTED', 'REQUEST_INFO', 'INFO_REQUESTED'],
    ['SUBMITTED', 'ANSWER', null],
    ['INFO_REQUESTED', 'ANSWER', 'SUBMITTED'],
    ['SUBMITTED', 'ISSUE', 'ISSUED'],
    ['INFO_REQUESTED', 'ISSUE', 'ISSUED'],
    ['DRAFT', 'ISSUE', null],
    ['ISSUED', 'ISSUE', null],
    ['SUBMITTED', 'REFUSE', 'REFUSED'],
    ['REFUSED', 'REFUSE', null],
    ['DRAFT', 'WITHDRAW', 'WITHDRAWN'],
    ['INFO_REQUESTED', 'WITHDRAW', 'WITHDRAWN'],
    ['ISSUED', 'WITHDRAW', null],
    ['WITHDRAWN', 'WITHDRAW', null],
  ];
  it.each(table)('%s --%s--> %s', (from, action, to) => {
    expect(applicationTransition(from, action)).toBe(to);
  });

  it('lets the trader change products and documents only in a draft or when asked', () => {
    expect(APPLICATION_STATUSES.filter(isApplicationEditable)).toEqual(['DRAFT', 'INFO_REQUESTED']);
  });
});

describe('products and documents of an application', () => {
  it('covers a code by prefix; an empty prefix covers nothing', () => {
    expect(typeCoversHsCode(['06', '08', '4403'], '0808108000')).toBe(true);
    expect(typeCoversHsCode(['06', '08', '4403'], '4407100000')).toBe(false);
    expect(typeCoversHsCode(['', '0809'], '0808108000')).toBe(false);
    expect(notCoveredMessage({ code: 'PQ-IMP', hsPrefixes: ['06', '07'] }, '8471300000')).toBe(
      'A PQ-IMP permit does not cover commodity code 8471300000: it covers goods whose code starts with 06, 07',
    );
  });

  it('names the country by the type’s directions', () => {
    expect(productCountryRole(['IMPORT'])).toBe('ORIGIN');
    expect(productCountryRole(['TRANSIT'])).toBe('ORIGIN');
    expect(productCountryRole(['EXPORT'])).toBe('DESTINATION');
    expect(productCountryRole(['IMPORT', 'EXPORT'])).toBe('EITHER');
  });

  it.each([
    [
      'a type of one direction: its own, unasked',
      { code: 'PQ-IMP', directions: ['IMPORT'] },
      undefined,
      { direction: 'IMPORT' },
    ],
    [
      'a type of one direction: the same one chosen',
      { code: 'VET-EXP', directions: ['EXPORT'] },
      'EXPORT',
      { direction: 'EXPORT' },
    ],
    [
      'a type of two: the one chosen',
      { code: 'PH-NARC', directions: ['IMPORT', 'EXPORT'] },
      'EXPORT',
      { direction: 'EXPORT' },
    ],
    [
      'a type of two: none chosen',
      { code: 'PH-NARC', directions: ['IMPORT', 'EXPORT'] },
      undefined,
      {
        problem: {
          path: 'direction',
          message: 'Choose whether the goods are for import or export: a PH-NARC permit serves one of them',
        },
      },
    ],
    [
      'a direction the type does not serve',
      { code: 'PQ-IMP', directions: ['IMPORT'] },
      'TRANSIT',
      { problem: { path: 'direction', message: 'A PQ-IMP permit is for import, not transit' } },
    ],
    [
      'a type with no direction at all',
      { code: 'ODD', directions: [] },
      undefined,
      { problem: { path: 'permitTypeCode', message: 'ODD permits name no direction: choose another type' } },
    ],
  ] as const)('the application’s direction: %s', (_label, type, chosen, expected) => {
    expect(applicationDirection(type, chosen)).toEqual(expected);
  });

  it('reads the direction of the start form: optional, empty is not chosen, anything else is a field error', () => {
    const start = { permitTypeCode: 'PH-NARC', purpose: 'Reagents for a laboratory' };
    expect(ZStartApplication.parse(start).direction).toBeUndefined();
    expect(ZStartApplication.parse({ ...start, direction: '' }).direction).toBeUndefined();
    expect(ZStartApplication.parse({ ...start, direction: 'EXPORT' }).direction).toBe('EXPORT');
    const bad = ZStartApplication.safeParse({ ...start, direction: 'SIDEWAYS' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['direction', 'Choose import, export or transit'],
    ]);
  });

  it('lists the required documents not yet attached, by name in any case', () => {
    expect(missingDocuments(['Contract', 'Invoice', 'Laboratory test report'], ['invoice', 'Other document'])).toEqual([
      'Contract',
      'Laboratory test report',
    ]);
    expect(missingDocuments([], ['Invoice'])).toEqual([]);
  });

  it('offers the products’ total when they share a unit', () => {
    expect(
      requestedTotal([
        { quantity: '0.1', unit: 'KG' },
        { quantity: '0.2', unit: 'KG' },
      ]),
    ).toEqual({ quantity: '0.3', unit: 'KG' });
    expect(
      requestedTotal([
        { quantity: '1', unit: 'KG' },
        { quantity: '2', unit: 'PCS' },
      ]),
    ).toBeNull();
    expect(requestedTotal([])).toBeNull();
  });
});

describe('issuing: validity and figures', () => {
  const ctx = { today: '2026-11-28', validityDays: 180, typeCode: 'PQ-IMP' };
  it('counts validity inclusively, across months and leap days', () => {
    expect(daysInclusive('2026-11-28', '2026-11-28')).toBe(1);
    expect(daysInclusive('2028-02-28', '2028-03-01')).toBe(3);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(defaultValidity('2026-11-28', 180)).toEqual({ validFrom: '2026-11-28', validTo: '2027-05-26' });
  });

  const rows: ReadonlyArray<
    readonly [string, { validFrom: string; validTo: string }, Array<{ path: string; message: string }>]
  > = [
    ['the longest validity', { validFrom: '2026-11-28', validTo: '2027-05-26' }, []],
    ['a later start', { validFrom: '2026-12-01', validTo: '2026-12-31' }, []],
    ['one day only, today', { validFrom: '2026-11-28', validTo: '2026-11-28' }, []],
    [
      'one day too long',
      { validFrom: '2026-11-28', validTo: '2027-05-27' },
      [{ path: 'validTo', message: 'A PQ-IMP permit is valid for at most 180 days: choose 2027-05-26 or earlier' }],
    ],
    [
      'ending in the past',
      { validFrom: '2026-11-28', validTo: '2026-11-27' },
      [{ path: 'validTo', message: 'The validity must not end in the past: choose 2026-11-28 or later' }],
    ],
    [
      'starting and ending in the past',
      { validFrom: '2026-10-01', validTo: '2026-10-31' },
      [
        { path: 'validFrom', message: 'The permit cannot start before today (2026-11-28)' },
        { path: 'validTo', message: 'The validity must not end in the past: choose 2026-11-28 or later' },
      ],
    ],
    [
      'ending before it starts',
      { validFrom: '2026-12-10', validTo: '2026-12-01' },
      [{ path: 'validTo', message: 'The last day of validity must be on or after the first day' }],
    ],
  ];
  it.each(rows)('%s', (_name, input, expected) => {
    expect(issueProblems(input, ctx)).toEqual(expected);
  });

  it('refuses a quantity of zero or less, and a date that is not a date, naming the field', () => {
    const parse = (input: Record<string, string>) =>
      ZIssuePermit.safeParse({ validFrom: '2026-11-28', validTo: '2026-12-28', quantity: '10', unit: 'KG', ...input });
    const paths = (input: Record<string, string>) => {
      const r = parse(input);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(paths({ quantity: '0' })).toEqual(['quantity: The quantity must be more than 0']);
    expect(paths({ quantity: '-3' })).toEqual(['quantity: The quantity must be more than 0']);
    expect(paths({ validTo: '2026-02-30' })).toEqual([
      'validTo: The last day of validity must be a real date, like 2026-11-28',
    ]);
    expect(paths({ unit: 'BARRELS' })).toEqual(['unit: Choose the unit of quantity']);
    const ok = parse({ quantity: '1 250,5', conditions: '  ' });
    expect(ok.success && ok.data).toMatchObject({ quantity: '1250.5', conditions: undefined });
  });

  it('reads a permit’s state from its status and dates', () => {
    const p = (status: 'ISSUED' | 'REVOKED' | 'EXHAUSTED', validFrom = '2026-11-01', validTo = '2026-12-31') => ({
      status,
      validFrom,
      validTo,
    });
    expect(permitState(p('ISSUED'), '2026-11-28')).toBe('VALID');
    expect(permitState(p('ISSUED'), '2026-12-31')).toBe('VALID');
    expect(permitState(p('ISSUED'), '2027-01-01')).toBe('EXPIRED');
    expect(permitState(p('ISSUED', '2026-12-01'), '2026-11-28')).toBe('NOT_YET_VALID');
    expect(permitState(p('EXHAUSTED'), '2026-11-28')).toBe('EXHAUSTED');
    expect(permitState(p('REVOKED'), '2026-11-28')).toBe('REVOKED');
  });
});

describe('numbers', () => {
  it('runs per type and year, six digits, after the last one', () => {
    expect(permitNumberPrefix('PQ-IMP', '2026-11-28')).toBe('PQ-IMP/2026/');
    expect(applicationNumberPrefix('SES-FOOD', '2027-01-01')).toBe('A/SES-FOOD/2027/');
    expect(nextSequencedNumber('PQ-IMP/2026/', null)).toBe('PQ-IMP/2026/000001');
    expect(nextSequencedNumber('PQ-IMP/2026/', 'PQ-IMP/2026/000041')).toBe('PQ-IMP/2026/000042');
    expect(nextSequencedNumber('PQ-IMP/2026/', 'PQ-IMP/2026/999999')).toBe('PQ-IMP/2026/1000000');
    expect(nextSequencedNumber('PQ-IMP/2026/', 'PQ-IMP/2026/00004x')).toBe('PQ-IMP/2026/000001');
  });
});

describe('the desk’s SLA clock', () => {
  it('counts Monday to Friday in Tashkent only', () => {
    // 2026-11-27 is a Friday, 2026-11-30 a Monday.
    expect(workingMsBetween(tashkent('2026-11-27T12:00:00'), tashkent('2026-11-30T12:00:00'))).toBe(24 * H);
    expect(workingMsBetween(tashkent('2026-11-28T00:00:00'), tashkent('2026-11-30T00:00:00'))).toBe(0);
    expect(workingMsBetween(tashkent('2026-11-23T00:00:00'), tashkent('2026-11-30T00:00:00'))).toBe(5 * DAY);
    expect(workingMsBetween(tashkent('2026-11-30T10:00:00'), tashkent('2026-11-30T09:00:00'))).toBe(0);
  });

  it('finds the periods spent waiting for the trader', () => {
    const q1 = tashkent('2026-11-23T10:00:00');
    const a1 = tashkent('2026-11-24T10:00:00');
    const q2 = tashkent('2026-11-25T10:00:00');
    const q3 = tashkent('2026-11-25T11:00:00');
    const end = tashkent('2026-11-26T10:00:00');
    expect(
      waitingPeriods(
        [
          { at: a1, by: 'TRADER' },
          { at: q1, by: 'AUTHORITY' },
          { at: q2, by: 'AUTHORITY' },
          { at: q3, by: 'AUTHORITY' },
        ],
        end,
      ),
    ).toEqual([
      { from: q1, to: a1 },
      { from: q2, to: end },
    ]);
  });

  const submitted = tashkent('2026-11-23T09:00:00'); // Monday
  const clock = (now: string, extra: Partial<Parameters<typeof slaClock>[0]> = {}) =>
    slaClock({
      submittedAt: submitted,
      messages: [],
      decidedAt: null,
      isWaitingForTrader: false,
      now: tashkent(now),
      targetWorkingDays: 2,
      ...extra,
    });

  it.each([
    ['2026-11-23T10:00:00', 'ON_TIME', 1 * H],
    ['2026-11-24T21:00:00', 'DUE_SOON', 36 * H],
    ['2026-11-25T09:00:00', 'DUE_SOON', 48 * H],
    ['2026-11-25T09:01:00', 'OVERDUE', 48 * H + 60_000],
  ] as const)('at %s it is %s', (now, state, elapsed) => {
    expect(clock(now)).toEqual({ elapsedMs: elapsed, targetMs: 48 * H, state });
  });

  it('stops while waiting for the trader, and does not count weekends', () => {
    const messages = [
      { at: tashkent('2026-11-23T21:00:00'), by: 'AUTHORITY' as const },
      { at: tashkent('2026-11-24T21:00:00'), by: 'TRADER' as const },
    ];
    // 12 h before the question, 12 h since the answer; the 24 h of waiting do not count.
    expect(clock('2026-11-25T09:00:00', { messages })).toMatchObject({ elapsedMs: 24 * H, state: 'ON_TIME' });
    expect(clock('2026-11-24T09:00:00', { messages: messages.slice(0, 1), isWaitingForTrader: true })).toMatchObject({
      elapsedMs: 12 * H,
      state: 'STOPPED',
    });
    // Submitted on a Friday evening, decided on Monday evening: 6 h of Friday and 18 h of Monday.
    const friday = tashkent('2026-11-27T18:00:00');
    expect(
      slaClock({
        submittedAt: friday,
        messages: [],
        decidedAt: tashkent('2026-11-30T18:00:00'),
        isWaitingForTrader: false,
        now: tashkent('2026-12-10T00:00:00'),
        targetWorkingDays: 2,
      }),
    ).toEqual({ elapsedMs: 24 * H, targetMs: 48 * H, state: 'MET' });
    expect(
      slaClock({
        submittedAt: friday,
        messages: [],
        decidedAt: tashkent('2026-12-02T18:00:01'),
        isWaitingForTrader: false,
        now: tashkent('2026-12-10T00:00:00'),
        targetWorkingDays: 2,
      }).state,
    ).toBe('MISSED');
  });

  it('shows working time as days and hours, and reads the setting with a default of 2', () => {
    expect(splitDuration(DAY + 3 * H + 59_999)).toEqual({ days: 1, hours: 3, minutes: 0 });
    expect(slaTargetFrom({ workingDays: 5 })).toBe(5);
    expect(slaTargetFrom(undefined)).toBe(2);
    expect(slaTargetFrom({ workingDays: 0 })).toBe(2);
    expect(slaTargetFrom({ workingDays: '5' })).toBe(2);
    expect(ZSlaSetting.safeParse({ workingDays: '31' }).success).toBe(false);
    expect(ZSlaSetting.parse({ workingDays: ' 3 ' })).toEqual({ workingDays: 3 });
  });
});

describe('linking', () => {
  it('is allowed until the declaration is released, refused or withdrawn', () => {
    expect(DECLARATION_STATUSES.filter((s) => !isLinkingAllowed(s))).toEqual(['RELEASED', 'REFUSED', 'WITHDRAWN']);
  });

  it('parses the item and the permit', () => {
    expect(ZLinkPermit.safeParse({ lineNo: '3', permitId: '6f1c7a4e-4a8b-4c1e-9a51-1d2e3f4a5b6c' }).success).toBe(true);
    const bad = ZLinkPermit.safeParse({ lineNo: '0', permitId: '' });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'))).toEqual(['lineNo', 'permitId']);
  });
});

describe('the catalogue form', () => {
  it('reads HS prefixes from text, refusing the malformed ones by name', () => {
    expect(ZHsPrefixes.parse('06 07,\n0808 ; 440399 06')).toEqual(['06', '07', '0808', '440399']);
    const bad = ZHsPrefixes.safeParse('06 123 44039');
    expect(bad.success ? null : bad.error.issues[0].message).toBe(
      'Each HS prefix must be 2, 4 or 6 digits: 123, 44039 are not',
    );
    expect(ZHsPrefixes.safeParse('  ').success).toBe(false);
  });

  it('reads required documents one per line, without duplicates', () => {
    expect(ZRequiredDocuments.parse('Contract\r\n  Invoice  \n\nContract')).toEqual(['Contract', 'Invoice']);
    expect(ZRequiredDocuments.parse(undefined)).toEqual([]);
    expect(ZRequiredDocuments.safeParse('Other document').success).toBe(false);
  });

  it('checks the code and every field', () => {
    expect(ZPermitTypeCode.parse(' pq-imp ')).toBe('PQ-IMP');
    for (const code of ['', 'PQ IMP', '-PQ', 'PQ--IMP', 'ABCDEFGHIJKLM'])
      expect(ZPermitTypeCode.safeParse(code).success, code).toBe(false);
    const ok = ZNewPermitType.parse({
      code: 'VET-X',
      name: 'x',
      authorityCode: 'VET',
      directions: 'EXPORT',
      hsPrefixes: '01',
      validityDays: '30',
      scope: 'SHIPMENT',
      requiredDocuments: '',
      fee: '0',
    });
    expect(ok).toMatchObject({
      directions: ['EXPORT'],
      validityDays: 30,
      isActive: false,
      fee: '0',
      requiredDocuments: [],
    });
    const bad = ZNewPermitType.safeParse({
      code: 'VET-X',
      name: ' ',
      authorityCode: 'VET',
      directions: ['SIDEWAYS'],
      hsPrefixes: '01',
      validityDays: '30.5',
      scope: 'SHIPMENT',
      fee: '1.234',
    });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'directions.0',
      'fee',
      'name',
      'validityDays',
    ]);
  });
});
