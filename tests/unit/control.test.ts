import { describe, expect, it } from 'vitest';
import {
  controlDeclaration,
  invoiceTolerance,
  isCalendarDate,
  INVOICE_TOLERANCE_PER_ITEM,
  type ControlContext,
  type ControlDeclaration,
  type ControlDocument,
  type ControlItem,
} from '@/lib/declaration/control';
import type { FieldError } from '@/lib/errors';
import type { Regime } from '@/lib/reference/customs';

// The baseline is the worked example of shared/DOMAIN.md: IM40, FOB, USD, freight 800 and
// insurance 50, laptops 6,000 + beer 4,000 = 10,000.00. Every row changes one thing and names
// exactly the paths that must fail (and a fragment of each message).

const TODAY = '2026-03-15';

const tariff: ReadonlyMap<string, { supplementaryUnit: string }> = new Map([
  ['8471300000', { supplementaryUnit: 'PCS' }],
  ['2203000900', { supplementaryUnit: 'L' }],
  ['0201300000', { supplementaryUnit: 'KG' }],
]);
const ctx: ControlContext = { today: TODAY, tariff };

const laptops: ControlItem = {
  hsCode: '8471300000',
  description: 'Laptops',
  originCountry: 'CN',
  grossMass: '120.5',
  netMass: '100',
  quantity: '50',
  supplementaryUnit: 'PCS',
  invoiceValue: '6000.00',
};
const beer: ControlItem = {
  hsCode: '2203000900',
  description: 'Beer in bottles',
  originCountry: 'DE',
  grossMass: '2300',
  netMass: '2100',
  quantity: '2000',
  supplementaryUnit: 'L',
  invoiceValue: '4000.00',
};
const documents: ControlDocument[] = [
  { type: 'INVOICE', number: 'INV-2026-017', date: '2026-03-01' },
  { type: 'TRANSPORT_DOCUMENT', number: 'CMR 4471023', date: '2026-03-02' },
];

const baseline: ControlDeclaration = {
  regime: 'IM40',
  declarantTin: '301234567',
  postCode: '26001',
  consignorName: 'Shenzhen Tech Ltd',
  consignorCountry: 'CN',
  consignorAddress: 'Shenzhen, Nanshan 1',
  consigneeName: 'Silk Road Trading LLC',
  consigneeCountry: 'UZ',
  consigneeAddress: 'Tashkent, Amir Temur 107',
  dispatchCountry: 'CN',
  destinationCountry: 'UZ',
  transportMode: 'ROAD',
  transportDocument: 'CMR 4471023',
  incoterm: 'FOB',
  invoiceCurrency: 'USD',
  invoiceTotal: '10000.00',
  freight: '800.00',
  insurance: '50.00',
  items: [laptops, beer],
  documents,
};

type Patch = Partial<ControlDeclaration>;
const header = (patch: Patch): ControlDeclaration => ({ ...baseline, ...patch });
/** Change item 2 (index 1, the beer). */
const item2 = (patch: Partial<ControlItem>): ControlDeclaration => ({
  ...baseline,
  items: [laptops, { ...beer, ...patch }],
});
/** Change document `index`. */
const doc = (index: number, patch: Partial<ControlDocument>): ControlDeclaration => ({
  ...baseline,
  documents: baseline.documents.map((d, i) => (i === index ? { ...d, ...patch } : d)),
});

type Expected = ReadonlyArray<readonly [path: string, fragment: string]>;

function expectErrors(errors: FieldError[], expected: Expected) {
  expect(errors.map((e) => e.path)).toEqual(expected.map(([path]) => path));
  expected.forEach(([, fragment], i) => expect(errors[i].message).toContain(fragment));
}

const run = (d: ControlDeclaration, c: ControlContext = ctx) => controlDeclaration(d, c);

describe('controlDeclaration: the baseline', () => {
  it('passes a complete, consistent declaration with no errors', () => {
    expect(run(baseline)).toEqual([]);
  });
});

describe('required fields', () => {
  it.each([
    ['regime', 'Choose the customs regime'],
    ['declarantTin', "Enter the declarant's taxpayer number (TIN)"],
    ['postCode', 'Choose the customs post'],
    ['consignorName', 'Enter the consignor name'],
    ['consignorCountry', 'Enter the consignor country'],
    ['consignorAddress', 'Enter the consignor address'],
    ['consigneeName', 'Enter the consignee name'],
    ['consigneeCountry', 'Enter the consignee country'],
    ['consigneeAddress', 'Enter the consignee address'],
    ['dispatchCountry', 'Enter the country of dispatch'],
    ['destinationCountry', 'Enter the country of destination'],
    ['transportMode', 'Choose the mode of transport'],
    ['transportDocument', 'Enter the transport document number'],
    ['incoterm', 'Choose the delivery terms (Incoterm)'],
    ['invoiceCurrency', 'Enter the invoice currency'],
    ['invoiceTotal', 'Enter the invoice total'],
  ] as const)('names %s when it is missing (null or blank)', (field, message) => {
    expectErrors(run(header({ [field]: null })), [[field, message]]);
    expectErrors(run(header({ [field]: '   ' })), [[field, message]]);
  });

  it.each([
    ['hsCode', 'Enter the commodity code of item 2'],
    ['description', 'Enter the description of the goods of item 2'],
    ['originCountry', 'Enter the country of origin of item 2'],
    ['grossMass', 'Enter the gross mass of item 2'],
    ['netMass', 'Enter the net mass of item 2'],
    ['quantity', 'Enter the quantity of item 2'],
    ['supplementaryUnit', 'Choose the unit of quantity of item 2'],
    ['invoiceValue', 'Enter the invoice value of item 2'],
  ] as const)('names items.1.%s when it is missing', (field, message) => {
    expectErrors(run(item2({ [field]: null })), [[`items.1.${field}`, message]]);
    expectErrors(run(item2({ [field]: '' })), [[`items.1.${field}`, message]]);
  });

  it.each([
    ['no items', [], [['items', 'Add at least one item']]],
    ['one item', [laptops], [['invoiceTotal', 'does not match']]],
  ] as const)('items: %s', (_label, items, expected) => {
    expectErrors(run(header({ items: [...items] })), expected);
  });

  it.each([
    ['too long', { consignorName: 'x'.repeat(201) }, 'consignorName', 'must be 200 characters or fewer'],
    ['at the limit', { consignorName: 'x'.repeat(200) }, null, ''],
    ['address too long', { consigneeAddress: 'x'.repeat(301) }, 'consigneeAddress', '300 characters'],
    ['transport document too long', { transportDocument: 'x'.repeat(61) }, 'transportDocument', '60 characters'],
  ] as const)('text lengths: %s', (_label, patch, path, fragment) => {
    expectErrors(run(header(patch)), path ? [[path, fragment]] : []);
  });

  it('freight and insurance are not required in themselves (CIF leaves both empty)', () => {
    expect(run(header({ incoterm: 'CIF', freight: null, insurance: null }))).toEqual([]);
  });
});

describe('formats', () => {
  it.each([
    ['TIN of 8 digits', { declarantTin: '30123456' }, [['declarantTin', 'must be 9 digits']]],
    ['TIN of 10 digits', { declarantTin: '3012345678' }, [['declarantTin', 'must be 9 digits']]],
    ['TIN with a letter', { declarantTin: '30123456A' }, [['declarantTin', 'must be 9 digits']]],
    ['TIN with spaces around', { declarantTin: ' 301234567 ' }, []],
    ['post code not 5 digits', { postCode: '2600' }, [['postCode', 'Choose a customs post from the list']]],
    ['unknown regime', { regime: 'IM99' }, [['regime', 'Choose the customs regime from the list']]],
    ['unknown transport mode', { transportMode: 'SHIP' }, [['transportMode', 'from the list']]],
    ['transport mode in lower case', { transportMode: 'road' }, []],
    ['unknown Incoterm', { incoterm: 'FOO' }, [['incoterm', 'from the list']]],
    ['Incoterm in lower case', { incoterm: 'fob' }, []],
    ['country not ISO 3166', { consignorCountry: 'XX' }, [['consignorCountry', 'ISO 3166 two-letter country code']]],
    ['country as a name', { dispatchCountry: 'China' }, [['dispatchCountry', 'ISO 3166']]],
    ['country in lower case', { consignorCountry: 'cn' }, []],
    ['currency not ISO 4217', { invoiceCurrency: 'ABC' }, [['invoiceCurrency', 'ISO 4217 currency code']]],
    ['currency in lower case', { invoiceCurrency: 'usd' }, []],
    ['national currency', { invoiceCurrency: 'UZS' }, []],
    ['invoice total not a number', { invoiceTotal: 'ten' }, [['invoiceTotal', 'must be a number, like 1250.50']]],
    ['invoice total 0', { invoiceTotal: '0' }, [['invoiceTotal', 'must be more than 0']]],
    ['invoice total negative', { invoiceTotal: '-10000' }, [['invoiceTotal', 'must be more than 0']]],
    ['invoice total with 3 decimals', { invoiceTotal: '10000.001' }, [['invoiceTotal', 'at most 2 decimal places']]],
    ['invoice total with a decimal comma and spaces', { invoiceTotal: '10 000,00' }, []],
    ['invoice total too large', { invoiceTotal: '1234567890123456' }, [['invoiceTotal', 'too large']]],
    ['freight negative', { freight: '-5' }, [['freight', 'must be 0 or more']]],
    ['freight with 3 decimals', { freight: '800.001' }, [['freight', 'at most 2 decimal places']]],
    ['insurance not a number', { insurance: 'fifty' }, [['insurance', 'must be a number']]],
  ] as const)('header: %s', (_label, patch, expected) => {
    expectErrors(run(header(patch as Patch)), expected);
  });

  it('checks the post code against the active posts when the caller gives them', () => {
    expectErrors(run(baseline, { ...ctx, postCodes: new Set(['27001']) }), [
      ['postCode', 'Choose a customs post from the list'],
    ]);
    expect(run(baseline, { ...ctx, postCodes: new Set(['26001', '27001']) })).toEqual([]);
  });

  it.each([
    ['HS code of 9 digits', { hsCode: '220300090' }, [['items.1.hsCode', 'must be 10 digits, like 8471300000']]],
    ['HS code of 11 digits', { hsCode: '22030009000' }, [['items.1.hsCode', 'must be 10 digits']]],
    ['HS code with dots', { hsCode: '2203.00.09' }, [['items.1.hsCode', 'must be 10 digits']]],
    [
      'HS code not in the tariff',
      { hsCode: '1234567890' },
      [['items.1.hsCode', 'Commodity code 1234567890 of item 2 is not in the national tariff — check the code']],
    ],
    ['origin not ISO 3166', { originCountry: 'XX' }, [['items.1.originCountry', 'ISO 3166']]],
    ['gross mass 0', { grossMass: '0' }, [['items.1.grossMass', 'The gross mass of item 2 must be more than 0']]],
    ['gross mass negative', { grossMass: '-1' }, [['items.1.grossMass', 'must be more than 0']]],
    ['gross mass not a number', { grossMass: 'heavy' }, [['items.1.grossMass', 'must be a number']]],
    ['gross mass with 4 decimals', { grossMass: '2300.0001' }, [['items.1.grossMass', 'at most 3 decimal places']]],
    ['gross mass with 3 decimals', { grossMass: '2300.001' }, []],
    ['gross mass with thousands separated by a space', { grossMass: '2 300' }, []],
    ['gross mass too large', { grossMass: '1234567890123456' }, [['items.1.grossMass', 'too large']]],
    ['net mass 0', { netMass: '0' }, [['items.1.netMass', 'must be more than 0']]],
    ['net mass with a decimal comma', { netMass: '2099,5' }, []],
    ['quantity 0', { quantity: '0' }, [['items.1.quantity', 'The quantity of item 2 must be more than 0']]],
    ['quantity 0.001', { quantity: '0.001' }, []],
    ['quantity with 4 decimals', { quantity: '1.0005' }, [['items.1.quantity', 'at most 3 decimal places']]],
    [
      'invoice value 0',
      { invoiceValue: '0' },
      [['items.1.invoiceValue', 'The invoice value of item 2 must be more than 0']],
    ],
    [
      'invoice value with 3 decimals',
      { invoiceValue: '4000.001' },
      [['items.1.invoiceValue', 'at most 2 decimal places']],
    ],
    ['invoice value without decimals', { invoiceValue: '4000' }, []],
    ['description too long', { description: 'x'.repeat(501) }, [['items.1.description', '500 characters']]],
  ] as const)('item: %s', (_label, patch, expected) => {
    expectErrors(run(item2(patch)), expected);
  });
});

describe('supplementary unit = the tariff line unit', () => {
  it.each([
    ['the tariff unit', { supplementaryUnit: 'L' }, []],
    ['in lower case', { supplementaryUnit: 'l' }, []],
    [
      'another known unit',
      { supplementaryUnit: 'KG' },
      [
        [
          'items.1.supplementaryUnit',
          'Declare the quantity of item 2 in L, the unit of commodity code 2203000900 in the tariff (not KG)',
        ],
      ],
    ],
    ['an unknown unit', { supplementaryUnit: 'BOTTLES' }, [['items.1.supplementaryUnit', 'in L']]],
    [
      'a code not in the tariff and an unknown unit',
      { hsCode: '1234567890', supplementaryUnit: 'BOTTLES' },
      [
        ['items.1.hsCode', 'not in the national tariff'],
        ['items.1.supplementaryUnit', 'from the list'],
      ],
    ],
    [
      'a code not in the tariff and a known unit',
      { hsCode: '1234567890', supplementaryUnit: 'KG' },
      [['items.1.hsCode', 'not in the national tariff']],
    ],
  ] as const)('%s', (_label, patch, expected) => {
    expectErrors(run(item2(patch)), expected);
  });
});

describe('net mass ≤ gross mass', () => {
  it.each([
    [
      'net above gross',
      { grossMass: '2100', netMass: '2100.001' },
      [['items.1.netMass', 'The net mass of item 2 (2100.001 kg) cannot be more than its gross mass (2100 kg)']],
    ],
    ['net equal to gross', { grossMass: '2100', netMass: '2100.000' }, []],
    ['net below gross', { grossMass: '2100', netMass: '2099.999' }, []],
    ['compared as decimals, not text', { grossMass: '10', netMass: '9.5' }, []],
    [
      'not compared when the gross mass is malformed',
      { grossMass: 'x', netMass: '2100' },
      [['items.1.grossMass', 'must be a number']],
    ],
  ] as const)('%s', (_label, patch, expected) => {
    expectErrors(run(item2(patch)), expected);
  });
});

describe('freight and insurance by Incoterm', () => {
  // Independent of lib/duties: straight from shared/DOMAIN.md — costs the Incoterm leaves out of the
  // price are required; costs it includes are forbidden.
  const REQUIRED: Record<string, { freight: boolean; insurance: boolean }> = {
    EXW: { freight: true, insurance: true },
    FCA: { freight: true, insurance: true },
    FOB: { freight: true, insurance: true },
    CFR: { freight: false, insurance: true },
    CPT: { freight: false, insurance: true },
    CIF: { freight: false, insurance: false },
    CIP: { freight: false, insurance: false },
    DAP: { freight: false, insurance: false },
    DPU: { freight: false, insurance: false },
    DDP: { freight: false, insurance: false },
  };
  const rows = Object.entries(REQUIRED).flatMap(([incoterm, required]) =>
    [
      { freight: '800.00', insurance: '50.00' },
      { freight: '800.00', insurance: null },
      { freight: null, insurance: '50.00' },
      { freight: null, insurance: null },
    ].map((costs) => {
      const expected: Array<[string, string]> = [];
      for (const field of ['freight', 'insurance'] as const) {
        const isGiven = costs[field] !== null;
        if (required[field] && !isGiven)
          expected.push([field, `Enter the ${field} cost: under ${incoterm} it is not in the invoice price`]);
        if (!required[field] && isGiven)
          expected.push([field, `Leave the ${field} cost empty: under ${incoterm} it is already in the invoice price`]);
      }
      return [incoterm, costs.freight ?? '—', costs.insurance ?? '—', costs, expected] as const;
    }),
  );

  it.each(rows)('%s with freight %s and insurance %s', (incoterm, _f, _i, costs, expected) => {
    expectErrors(run(header({ incoterm, ...costs })), expected);
  });

  it.each([
    ['FOB with both 0 (required means given, 0 is accepted)', { incoterm: 'FOB', freight: '0', insurance: '0.00' }, []],
    ['CFR with insurance 0', { incoterm: 'CFR', freight: null, insurance: '0' }, []],
    [
      'CIF with freight 0 (forbidden means empty)',
      { incoterm: 'CIF', freight: '0', insurance: null },
      [['freight', 'Leave the freight cost empty']],
    ],
    ['CIF with a blank freight', { incoterm: 'CIF', freight: '  ', insurance: '' }, []],
    [
      'CIF with a malformed freight is still forbidden',
      { incoterm: 'CIF', freight: 'abc', insurance: null },
      [['freight', 'Leave the freight cost empty']],
    ],
    [
      'no valid Incoterm: only the format of the costs is checked',
      { incoterm: 'XYZ', freight: '-1', insurance: null },
      [
        ['incoterm', 'from the list'],
        ['freight', 'must be 0 or more'],
      ],
    ],
  ] as const)('%s', (_label, patch, expected) => {
    expectErrors(run(header(patch as Patch)), expected);
  });
});

describe('regime consistent with direction and countries', () => {
  const importRoute = {
    dispatchCountry: 'CN',
    destinationCountry: 'UZ',
    consignorCountry: 'CN',
    consigneeCountry: 'UZ',
  };
  const exportRoute = {
    dispatchCountry: 'UZ',
    destinationCountry: 'DE',
    consignorCountry: 'UZ',
    consigneeCountry: 'DE',
  };
  const transitRoute = {
    dispatchCountry: 'CN',
    destinationCountry: 'KZ',
    consignorCountry: 'CN',
    consigneeCountry: 'KZ',
  };

  type RouteRow = readonly [Regime, string, Patch, Expected];
  const rows: RouteRow[] = [
    ...(['IM40', 'IM31', 'IM70'] as const).flatMap((regime): RouteRow[] => [
      [regime, 'an import route', importRoute, []],
      [
        regime,
        'destination abroad',
        { ...importRoute, destinationCountry: 'KZ' },
        [['destinationCountry', `Under ${regime}`]],
      ],
      [
        regime,
        'consignee abroad',
        { ...importRoute, consigneeCountry: 'KZ' },
        [['consigneeCountry', 'the consignee must be in UZ (Uzbekistan)']],
      ],
      [
        regime,
        'dispatched from UZ',
        { ...importRoute, dispatchCountry: 'UZ' },
        [['dispatchCountry', 'the country of dispatch cannot be UZ']],
      ],
      [regime, 'consignor in UZ (allowed: the seller may be anywhere)', { ...importRoute, consignorCountry: 'UZ' }, []],
      [
        regime,
        'an export route',
        exportRoute,
        [
          ['consigneeCountry', 'consignee must be in UZ'],
          ['dispatchCountry', 'cannot be UZ'],
          ['destinationCountry', 'must be UZ'],
        ],
      ],
    ]),
    ...(['EK10', 'EK31'] as const).flatMap((regime): RouteRow[] => [
      [regime, 'an export route', exportRoute, []],
      [
        regime,
        'dispatched from abroad',
        { ...exportRoute, dispatchCountry: 'KZ' },
        [['dispatchCountry', `Under ${regime}`]],
      ],
      [
        regime,
        'consignor abroad',
        { ...exportRoute, consignorCountry: 'KZ' },
        [['consignorCountry', 'the consignor must be in UZ (Uzbekistan)']],
      ],
      [
        regime,
        'destination UZ',
        { ...exportRoute, destinationCountry: 'UZ' },
        [['destinationCountry', 'the country of destination cannot be UZ']],
      ],
      [regime, 'consignee in UZ (allowed)', { ...exportRoute, consigneeCountry: 'UZ' }, []],
    ]),
    ['TR80', 'a transit route', transitRoute, []],
    [
      'TR80',
      'dispatched from UZ',
      { ...transitRoute, dispatchCountry: 'UZ' },
      [['dispatchCountry', 'Under TR80 (transit) the country of dispatch cannot be UZ']],
    ],
    [
      'TR80',
      'destination UZ',
      { ...transitRoute, destinationCountry: 'UZ' },
      [['destinationCountry', 'Under TR80 (transit) the country of destination cannot be UZ']],
    ],
    [
      'TR80',
      'parties in UZ (allowed: only the route matters)',
      { ...transitRoute, consignorCountry: 'UZ', consigneeCountry: 'UZ' },
      [],
    ],
    [
      'IM40',
      'a malformed country is reported once, as a format error',
      { ...importRoute, destinationCountry: 'XX' },
      [['destinationCountry', 'ISO 3166']],
    ],
  ];

  it.each(rows)('%s, %s', (regime, _label, route, expected) => {
    expectErrors(run(header({ regime, ...route })), expected);
  });
});

describe('invoice total = Σ item invoice values within the tolerance', () => {
  it('the tolerance is one cent per item', () => {
    expect(INVOICE_TOLERANCE_PER_ITEM).toBe('0.01');
    expect(invoiceTolerance(1)).toBe('0.01');
    expect(invoiceTolerance(2)).toBe('0.02');
    expect(invoiceTolerance(999)).toBe('9.99');
  });

  it.each([
    ['equal', '10000.00', []],
    ['2 cents over with 2 items', '10000.02', []],
    ['2 cents under with 2 items', '9999.98', []],
    [
      '3 cents over',
      '10000.03',
      [
        [
          'invoiceTotal',
          'The invoice total (10000.03 USD) does not match the sum of the item invoice values (10000.00 USD)',
        ],
      ],
    ],
    ['3 cents under', '9999.97', [['invoiceTotal', 'a difference of up to 0.02 is allowed']]],
    ['far off', '12000', [['invoiceTotal', '(12000.00 USD)']]],
  ] as const)('%s: total %s', (_label, invoiceTotal, expected) => {
    expectErrors(run(header({ invoiceTotal })), expected);
  });

  it.each([
    ['1 item, 1 cent off', '6000.01', []],
    ['1 item, 2 cents off', '6000.02', [['invoiceTotal', 'does not match']]],
  ] as const)('%s', (_label, invoiceTotal, expected) => {
    expectErrors(run(header({ invoiceTotal, items: [laptops] })), expected);
  });

  it('is not checked while an item value is malformed (that item is named instead)', () => {
    expectErrors(run({ ...item2({ invoiceValue: 'x' }), invoiceTotal: '1' }), [
      ['items.1.invoiceValue', 'must be a number'],
    ]);
  });

  it('omits the currency from the message when it is not a valid code', () => {
    const errors = run(header({ invoiceCurrency: 'XXX', invoiceTotal: '5' }));
    expect(errors.map((e) => e.path)).toEqual(['invoiceCurrency', 'invoiceTotal']);
    expect(errors[1].message).toContain('(5.00)');
  });
});

describe('documents', () => {
  it.each([
    [
      'unknown type',
      doc(1, { type: 'CMR' }),
      [
        ['documents.1.type', 'Choose the type of document 2 from the list'],
        ['documents', 'Add the transport document'],
      ],
    ],
    [
      'blank type',
      doc(1, { type: '' }),
      [
        ['documents.1.type', 'Choose the type of document 2'],
        ['documents', 'Add the transport document'],
      ],
    ],
    ['type in lower case', doc(1, { type: 'transport_document' }), []],
    ['no number', doc(0, { number: null }), [['documents.0.number', 'Enter the number of document 1 (invoice)']]],
    ['blank number', doc(0, { number: '  ' }), [['documents.0.number', 'Enter the number']]],
    ['no date', doc(0, { date: null }), [['documents.0.date', 'Enter the date of document 1 (invoice)']]],
    ['31 February', doc(0, { date: '2026-02-30' }), [['documents.0.date', 'must be a real date, like 2026-03-15']]],
    ['month 13', doc(0, { date: '2025-13-01' }), [['documents.0.date', 'real date']]],
    ['not ISO format', doc(0, { date: '01.03.2026' }), [['documents.0.date', 'real date']]],
    ['29 February of a leap year', doc(0, { date: '2024-02-29' }), []],
    ['29 February of a common year', doc(0, { date: '2025-02-29' }), [['documents.0.date', 'real date']]],
    ['29 February 1900 (not a leap year)', doc(0, { date: '1900-02-29' }), [['documents.0.date', 'real date']]],
    ['dated today', doc(0, { date: TODAY }), []],
    [
      'dated tomorrow',
      doc(0, { date: '2026-03-16' }),
      [['documents.0.date', 'The date of document 1 (invoice) cannot be in the future (today is 2026-03-15)']],
    ],
    ['dated next year', doc(1, { date: '2027-01-01' }), [['documents.1.date', 'cannot be in the future']]],
    ['no invoice', header({ documents: [documents[1]] }), [['documents', 'Add the invoice to the documents']]],
    [
      'no transport document',
      header({ documents: [documents[0]] }),
      [['documents', 'Add the transport document (CMR, air waybill or bill of lading) to the documents']],
    ],
    [
      'no documents',
      header({ documents: [] }),
      [
        ['documents', 'Add the invoice'],
        ['documents', 'Add the transport document'],
      ],
    ],
    [
      'extra documents are welcome',
      header({
        documents: [
          ...documents,
          { type: 'CONTRACT', number: 'C-1', date: '2025-12-01' },
          { type: 'PERMIT', number: 'STD-COC-1', date: '2026-01-10' },
        ],
      }),
      [],
    ],
    [
      'a future-dated extra document',
      header({ documents: [...documents, { type: 'CONTRACT', number: 'C-1', date: '2026-04-01' }] }),
      [['documents.2.date', 'document 3 (contract) cannot be in the future']],
    ],
  ] as const)('%s', (_label, declaration, expected) => {
    expectErrors(run(declaration), expected);
  });

  it('takes today from the context, not the clock', () => {
    const d = doc(0, { date: '2030-01-01' });
    expect(run(d).map((e) => e.path)).toEqual(['documents.0.date']);
    expect(run(d, { ...ctx, today: '2030-01-01' })).toEqual([]);
  });
});

describe('every failing field at once', () => {
  it('names every failure in one run, in form order', () => {
    const d: ControlDeclaration = {
      ...baseline,
      declarantTin: '123',
      consigneeCountry: 'KZ',
      incoterm: 'CIF',
      items: [
        { ...laptops, hsCode: '1234567890', netMass: '130' },
        { ...beer, supplementaryUnit: 'KG', invoiceValue: '0' },
      ],
      documents: [{ type: 'INVOICE', number: '', date: '2026-04-01' }],
    };
    expectErrors(run(d), [
      ['declarantTin', 'must be 9 digits'],
      ['consigneeCountry', 'consignee must be in UZ'],
      ['freight', 'Leave the freight cost empty'],
      ['insurance', 'Leave the insurance cost empty'],
      ['items.0.hsCode', 'Commodity code 1234567890 of item 1 is not in the national tariff'],
      ['items.0.netMass', 'The net mass of item 1 (130 kg) cannot be more than its gross mass (120.5 kg)'],
      ['items.1.supplementaryUnit', 'in L'],
      ['items.1.invoiceValue', 'must be more than 0'],
      ['documents.0.number', 'Enter the number of document 1'],
      ['documents.0.date', 'cannot be in the future'],
      ['documents', 'Add the transport document'],
    ]);
  });

  it('an empty draft fails on every required field, each named once', () => {
    const empty: ControlDeclaration = {
      regime: null,
      declarantTin: null,
      postCode: null,
      consignorName: null,
      consignorCountry: null,
      consignorAddress: null,
      consigneeName: null,
      consigneeCountry: null,
      consigneeAddress: null,
      dispatchCountry: null,
      destinationCountry: null,
      transportMode: null,
      transportDocument: null,
      incoterm: null,
      invoiceCurrency: null,
      invoiceTotal: null,
      freight: null,
      insurance: null,
      items: [],
      documents: [],
    };
    const paths = run(empty).map((e) => e.path);
    expect(paths).toEqual([
      'regime',
      'declarantTin',
      'postCode',
      'consignorName',
      'consignorCountry',
      'consignorAddress',
      'consigneeName',
      'consigneeCountry',
      'consigneeAddress',
      'dispatchCountry',
      'destinationCountry',
      'transportMode',
      'transportDocument',
      'incoterm',
      'invoiceCurrency',
      'invoiceTotal',
      'items',
      'documents',
      'documents',
    ]);
  });
});

describe('item count: 1..999', () => {
  const many = (n: number): ControlDeclaration =>
    header({
      items: Array.from({ length: n }, (_, i) => ({
        ...laptops,
        description: `Laptop model ${i + 1}`,
        invoiceValue: '10.00',
      })),
      invoiceTotal: `${n * 10}.00`,
    });

  it('passes a valid declaration of 999 items', () => {
    expect(run(many(999))).toEqual([]);
  });

  it('refuses 1000 items on `items`', () => {
    expectErrors(run(many(1000)), [['items', 'at most 999 items (this one has 1000)']]);
  });

  it('names a failing field deep in a 999-item declaration by its 0-based index', () => {
    const d = many(999);
    const items = [...d.items];
    items[998] = { ...items[998], originCountry: 'XX' };
    expectErrors(run({ ...d, items }), [['items.998.originCountry', 'country of origin of item 999']]);
  });
});

describe('dates and the context', () => {
  it.each([
    ['2026-03-15', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-00-10', false],
    ['2026-3-5', false],
  ])('isCalendarDate(%s) = %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('refuses a context without a valid today (a programming error)', () => {
    expect(() => run(baseline, { ...ctx, today: '15.03.2026' })).toThrow(/ctx.today/);
  });
});
