import { describe, expect, it } from 'vitest';
import { D, round2 } from '@/lib/money';
import { isAppError } from '@/lib/errors';
import {
  assessDuties,
  DutyCalculationError,
  exchangeRateDate,
  spreadByWeight,
  type DutyAssessment,
  type DutyInput,
  type DutyItemInput,
  type PaymentType,
  type TariffRates,
} from '@/lib/duties';

// Every expected amount below is computed by hand (arithmetic in the comments); none is produced by
// running the code under test.

const tariff = (over: Partial<TariffRates> = {}): TariffRates => ({
  hsCode: '8471300000',
  dutyType: 'AD_VALOREM',
  adValoremRate: '10',
  specificRate: '0',
  specificCurrency: 'USD',
  specificUnit: 'KG',
  exciseType: 'NONE',
  exciseRate: '0',
  exciseUnit: null,
  vatRate: '12',
  exportDutyRate: '0',
  ...over,
});

const item = (over: Partial<Omit<DutyItemInput, 'tariff'>> = {}, t: Partial<TariffRates> = {}): DutyItemInput => ({
  lineNo: 1,
  invoiceValue: '1000',
  netMass: '100',
  quantity: '10',
  supplementaryUnit: 'PCS',
  tariff: tariff(t),
  ...over,
});

/** Defaults: IM40, CIF, 1 item of 1,000 USD at 10,000 UZS/USD, duty 10%, VAT 12%, fee 0.2% [100,000; 20,000,000]. */
const decl = (over: Partial<DutyInput> = {}): DutyInput => ({
  regime: 'IM40',
  incoterm: 'CIF',
  invoiceCurrency: 'USD',
  freight: null,
  insurance: null,
  items: [item()],
  rates: { USD: '10000' },
  fee: { percent: '0.2', floor: '100000', cap: '20000000' },
  ...over,
});

const amount = (a: DutyAssessment, lineIndex: number, type: PaymentType) =>
  a.items[lineIndex].payments.find((p) => p.type === type)!.amount;
const payment = (a: DutyAssessment, lineIndex: number, type: PaymentType) =>
  a.items[lineIndex].payments.find((p) => p.type === type)!;

function expectError(input: DutyInput): DutyCalculationError {
  try {
    assessDuties(input);
  } catch (e) {
    expect(e).toBeInstanceOf(DutyCalculationError);
    return e as DutyCalculationError;
  }
  throw new Error('expected assessDuties to throw');
}

// ---------------------------------------------------------------------------------------------
// The worked example of shared/DOMAIN.md, exactly.
// ---------------------------------------------------------------------------------------------
const workedExample = (regime: DutyInput['regime'] = 'IM40'): DutyInput => ({
  regime,
  incoterm: 'FOB',
  invoiceCurrency: 'USD',
  freight: '800',
  insurance: '50',
  rates: { USD: '12650.00' },
  fee: { percent: '0.2', floor: '100000', cap: '20000000' },
  items: [
    item(
      { lineNo: 1, invoiceValue: '6000', netMass: '120', quantity: '60', supplementaryUnit: 'PCS' },
      { hsCode: '8471300000', dutyType: 'AD_VALOREM', adValoremRate: '0' },
    ),
    item(
      { lineNo: 2, invoiceValue: '4000', netMass: '2100', quantity: '2000', supplementaryUnit: 'L' },
      {
        hsCode: '2203000900',
        dutyType: 'COMBINED',
        adValoremRate: '30',
        specificRate: '0.50',
        specificCurrency: 'USD',
        specificUnit: 'L',
        exciseType: 'SPECIFIC',
        exciseRate: '5000',
        exciseUnit: 'L',
      },
    ),
  ],
});

describe('the worked example (DOMAIN.md)', () => {
  it('reproduces every figure and the total of 46,391,541.00 UZS', () => {
    const a = assessDuties(workedExample());
    // FOB: 800 + 50 = 850 USD added, spread 60/40 → 510 / 340; (6,000 + 510) × 12,650 = 82,351,500.00
    expect(a.items[0].customsValue).toBe('82351500.00');
    expect(a.items[1].customsValue).toBe('54901000.00'); // (4,000 + 340) × 12,650
    expect(a.customsValue).toBe('137252500.00');
    expect(amount(a, 0, 'DUTY')).toBe('0.00');
    expect(amount(a, 0, 'EXCISE')).toBe('0.00');
    expect(amount(a, 0, 'VAT')).toBe('9882180.00'); // 12% × 82,351,500
    // combined: max(30% × 54,901,000 = 16,470,300; 0.50 × 2,000 × 12,650 = 12,650,000)
    expect(amount(a, 1, 'DUTY')).toBe('16470300.00');
    expect(payment(a, 1, 'DUTY').method).toBe('AD_VALOREM');
    expect(amount(a, 1, 'EXCISE')).toBe('10000000.00'); // 5,000 × 2,000
    expect(payment(a, 1, 'VAT').base).toBe('81371300.00');
    expect(amount(a, 1, 'VAT')).toBe('9764556.00'); // 12% × 81,371,300
    // 0.2% × 137,252,500, between the floor and the cap
    expect(a.fee).toEqual({ base: '137252500.00', amount: '274505.00', rate: '0.2', method: 'PERCENT' });
    expect(a.totals).toEqual({
      DUTY: '16470300.00',
      EXCISE: '10000000.00',
      VAT: '19646736.00',
      FEE: '274505.00',
      total: '46391541.00',
    });
    expect(a.isSecured).toBe(false);
    expect(a.payable).toBe('46391541.00');
    expect(a.secured).toBe('0.00');
  });

  it('lists DUTY, EXCISE and VAT for every item with base, rate and unit', () => {
    const a = assessDuties(workedExample());
    expect(a.items[1].payments).toEqual([
      { type: 'DUTY', method: 'AD_VALOREM', base: '54901000.00', rate: '30', unit: '%', amount: '16470300.00' },
      { type: 'EXCISE', method: 'SPECIFIC', base: '2000', rate: '5000', unit: 'UZS/L', amount: '10000000.00' },
      { type: 'VAT', method: 'AD_VALOREM', base: '81371300.00', rate: '12', unit: '%', amount: '9764556.00' },
    ]);
    expect(a.items.map((i) => i.lineNo)).toEqual([1, 2]);
  });
});

// ---------------------------------------------------------------------------------------------
// Single-item declarations: customs value, duty, excise, VAT, fee and total.
// ---------------------------------------------------------------------------------------------
type Expected = {
  cv: string;
  duty: string;
  excise: string;
  vat: string;
  fee: string;
  total: string;
  dutyMethod?: string;
};
type Case = [name: string, input: DutyInput, expected: Expected];

// Incoterms: invoice 1,000 USD, freight 100, insurance 10, rate 10,000, duty 10%, VAT 12%.
//   both added:      (1,000 + 100 + 10) × 10,000 = 11,100,000.00; duty 1,110,000.00; VAT 12% × 12,210,000 = 1,465,200.00
//   insurance only:  (1,000 + 10) × 10,000 = 10,100,000.00; duty 1,010,000.00; VAT 12% × 11,110,000 = 1,333,200.00
//   none:            10,000,000.00; duty 1,000,000.00; VAT 12% × 11,000,000 = 1,320,000.00
//   fee: 0.2% × ≈11 million ≈ 22,000 → floor 100,000.00
const BOTH: Expected = {
  cv: '11100000.00',
  duty: '1110000.00',
  excise: '0.00',
  vat: '1465200.00',
  fee: '100000.00',
  total: '2675200.00',
};
const INSURANCE: Expected = {
  cv: '10100000.00',
  duty: '1010000.00',
  excise: '0.00',
  vat: '1333200.00',
  fee: '100000.00',
  total: '2443200.00',
};
const NONE: Expected = {
  cv: '10000000.00',
  duty: '1000000.00',
  excise: '0.00',
  vat: '1320000.00',
  fee: '100000.00',
  total: '2420000.00',
};
const withCosts = (incoterm: DutyInput['incoterm']) => decl({ incoterm, freight: '100', insurance: '10' });

const incotermCases: Case[] = [
  ['EXW adds freight and insurance', withCosts('EXW'), BOTH],
  ['FCA adds freight and insurance', withCosts('FCA'), BOTH],
  ['FOB adds freight and insurance', withCosts('FOB'), BOTH],
  ['CFR adds insurance only', withCosts('CFR'), INSURANCE],
  ['CPT adds insurance only', withCosts('CPT'), INSURANCE],
  ['CIF adds nothing', withCosts('CIF'), NONE],
  ['CIP adds nothing', withCosts('CIP'), NONE],
  ['DAP adds nothing', withCosts('DAP'), NONE],
  ['DPU adds nothing', withCosts('DPU'), NONE],
  ['DDP adds nothing', withCosts('DDP'), NONE],
  [
    'FOB with no freight declared adds the insurance alone',
    decl({ incoterm: 'FOB', freight: null, insurance: '10' }),
    INSURANCE,
  ],
];

const dutyCases: Case[] = [
  [
    // 0.80 USD/kg × 250 kg × 12,650 = 2,530,000.00; CV 1,000 × 12,650 = 12,650,000.00
    // VAT 12% × 15,180,000 = 1,821,600.00; total 2,530,000 + 1,821,600 + 100,000 = 4,451,600.00
    'specific duty per KG (net mass)',
    decl({
      rates: { USD: '12650' },
      items: [item({ netMass: '250' }, { dutyType: 'SPECIFIC', specificRate: '0.80', specificUnit: 'KG' })],
    }),
    {
      cv: '12650000.00',
      duty: '2530000.00',
      excise: '0.00',
      vat: '1821600.00',
      fee: '100000.00',
      total: '4451600.00',
      dutyMethod: 'SPECIFIC',
    },
  ],
  [
    // 0.50 USD/l × 2,000 l × 12,650 = 12,650,000.00; CV 4,000 × 12,650 = 50,600,000.00
    // VAT 12% × 63,250,000 = 7,590,000.00; fee 0.2% × 50,600,000 = 101,200.00; total 20,341,200.00
    'specific duty per L (quantity in litres)',
    decl({
      rates: { USD: '12650' },
      items: [
        item(
          { invoiceValue: '4000', quantity: '2000', supplementaryUnit: 'L' },
          { dutyType: 'SPECIFIC', specificRate: '0.50', specificUnit: 'L' },
        ),
      ],
    }),
    {
      cv: '50600000.00',
      duty: '12650000.00',
      excise: '0.00',
      vat: '7590000.00',
      fee: '101200.00',
      total: '20341200.00',
      dutyMethod: 'SPECIFIC',
    },
  ],
  [
    // 2.50 EUR per 1,000 pcs × 40 × 13,800.50 = 1,380,050.00 on a USD invoice (CV 12,650,000.00)
    // VAT 12% × 14,030,050 = 1,683,606.00; total 1,380,050 + 1,683,606 + 100,000 = 3,163,656.00
    'specific duty per 1000PCS in EUR on a USD invoice',
    decl({
      rates: { USD: '12650', EUR: '13800.50' },
      items: [
        item(
          { quantity: '40', supplementaryUnit: '1000PCS' },
          { dutyType: 'SPECIFIC', specificRate: '2.50', specificCurrency: 'EUR', specificUnit: '1000PCS' },
        ),
      ],
    }),
    {
      cv: '12650000.00',
      duty: '1380050.00',
      excise: '0.00',
      vat: '1683606.00',
      fee: '100000.00',
      total: '3163656.00',
      dutyMethod: 'SPECIFIC',
    },
  ],
  [
    // max(10% × 10,000,000 = 1,000,000; 1.20 × 1,000 kg × 10,000 = 12,000,000) = 12,000,000.00
    // VAT 12% × 22,000,000 = 2,640,000.00; total 14,740,000.00
    'combined duty where the specific part wins',
    decl({
      items: [
        item(
          { netMass: '1000' },
          { dutyType: 'COMBINED', adValoremRate: '10', specificRate: '1.20', specificUnit: 'KG' },
        ),
      ],
    }),
    {
      cv: '10000000.00',
      duty: '12000000.00',
      excise: '0.00',
      vat: '2640000.00',
      fee: '100000.00',
      total: '14740000.00',
      dutyMethod: 'SPECIFIC',
    },
  ],
  [
    // max(1,000,000; 1.20 × 50 kg × 10,000 = 600,000) = 1,000,000.00
    'combined duty where the ad valorem part wins',
    decl({
      items: [
        item(
          { netMass: '50' },
          { dutyType: 'COMBINED', adValoremRate: '10', specificRate: '1.20', specificUnit: 'KG' },
        ),
      ],
    }),
    { ...NONE, dutyMethod: 'AD_VALOREM' },
  ],
  [
    // max(1,000,000; 1.00 × 100 kg × 10,000 = 1,000,000): a tie is reported as ad valorem
    'combined duty with equal parts',
    decl({
      items: [
        item(
          { netMass: '100' },
          { dutyType: 'COMBINED', adValoremRate: '10', specificRate: '1.00', specificUnit: 'KG' },
        ),
      ],
    }),
    { ...NONE, dutyMethod: 'AD_VALOREM' },
  ],
  [
    // duty 0; VAT 12% × 10,000,000 = 1,200,000.00; total 1,300,000.00
    'exempt tariff line',
    decl({ items: [item({}, { dutyType: 'EXEMPT', adValoremRate: '10' })] }),
    {
      cv: '10000000.00',
      duty: '0.00',
      excise: '0.00',
      vat: '1200000.00',
      fee: '100000.00',
      total: '1300000.00',
      dutyMethod: 'EXEMPT',
    },
  ],
  [
    // VAT-exempt goods (rate 0): duty 1,000,000.00 + fee 100,000.00
    'VAT rate 0 on the tariff line',
    decl({ items: [item({}, { vatRate: '0' })] }),
    { cv: '10000000.00', duty: '1000000.00', excise: '0.00', vat: '0.00', fee: '100000.00', total: '1100000.00' },
  ],
];

const exciseCases: Case[] = [
  [
    // duty 15% = 1,500,000; excise 20% = 2,000,000; VAT 12% × 13,500,000 = 1,620,000; total 5,220,000.00
    'excise ad valorem',
    decl({ items: [item({}, { adValoremRate: '15', exciseType: 'AD_VALOREM', exciseRate: '20' })] }),
    {
      cv: '10000000.00',
      duty: '1500000.00',
      excise: '2000000.00',
      vat: '1620000.00',
      fee: '100000.00',
      total: '5220000.00',
    },
  ],
  [
    // 1,234.56 UZS/kg × 10.5 kg = 12,962.88; VAT 12% × 10,012,962.88 = 1,201,555.5456 → 1,201,555.55
    // total 12,962.88 + 1,201,555.55 + 100,000 = 1,314,518.43
    'excise specific per KG',
    decl({
      items: [
        item(
          { netMass: '10.5' },
          { dutyType: 'EXEMPT', exciseType: 'SPECIFIC', exciseRate: '1234.56', exciseUnit: 'KG' },
        ),
      ],
    }),
    { cv: '10000000.00', duty: '0.00', excise: '12962.88', vat: '1201555.55', fee: '100000.00', total: '1314518.43' },
  ],
  [
    // 150,000 UZS per 1,000 pcs × 12.5 = 1,875,000.00; VAT 12% × (10,000,000 + 1,000,000 + 1,875,000) = 1,545,000.00
    // total 1,000,000 + 1,875,000 + 1,545,000 + 100,000 = 4,520,000.00
    'excise specific per 1000PCS',
    decl({
      items: [
        item(
          { quantity: '12.5', supplementaryUnit: '1000PCS' },
          { exciseType: 'SPECIFIC', exciseRate: '150000', exciseUnit: '1000PCS' },
        ),
      ],
    }),
    {
      cv: '10000000.00',
      duty: '1000000.00',
      excise: '1875000.00',
      vat: '1545000.00',
      fee: '100000.00',
      total: '4520000.00',
    },
  ],
];

const feeCases: Case[] = [
  ['fee below the floor is raised to it (0.2% × 10,000,000 = 20,000 → 100,000)', decl(), NONE],
  [
    // CV 5,000 × 10,000 = 50,000,000; fee 0.2% = 100,000.00 exactly; duty 5,000,000; VAT 12% × 55,000,000 = 6,600,000
    'fee exactly at the floor',
    decl({ items: [item({ invoiceValue: '5000' })] }),
    {
      cv: '50000000.00',
      duty: '5000000.00',
      excise: '0.00',
      vat: '6600000.00',
      fee: '100000.00',
      total: '11700000.00',
    },
  ],
  [
    // CV 100,000,000; fee 200,000.00; duty 10,000,000; VAT 12% × 110,000,000 = 13,200,000
    'fee between floor and cap',
    decl({ items: [item({ invoiceValue: '10000' })] }),
    {
      cv: '100000000.00',
      duty: '10000000.00',
      excise: '0.00',
      vat: '13200000.00',
      fee: '200000.00',
      total: '23400000.00',
    },
  ],
  [
    // CV 1,000,000 × 12,650 = 12,650,000,000; 0.2% = 25,300,000 → cap 20,000,000.00
    // duty 1,265,000,000; VAT 12% × 13,915,000,000 = 1,669,800,000; total 2,954,800,000.00
    'fee above the cap is limited to it',
    decl({ rates: { USD: '12650' }, items: [item({ invoiceValue: '1000000' })] }),
    {
      cv: '12650000000.00',
      duty: '1265000000.00',
      excise: '0.00',
      vat: '1669800000.00',
      fee: '20000000.00',
      total: '2954800000.00',
    },
  ],
  [
    // CV 10,000,000,000; 0.2% = 20,000,000.00 exactly the cap; duty 1,000,000,000; VAT 1,320,000,000
    'fee exactly at the cap',
    decl({ items: [item({ invoiceValue: '1000000' })] }),
    {
      cv: '10000000000.00',
      duty: '1000000000.00',
      excise: '0.00',
      vat: '1320000000.00',
      fee: '20000000.00',
      total: '2340000000.00',
    },
  ],
  [
    // UZS invoice 123,456,789.01; fee 0.15% = 185,185.183515 → 185,185.18
    // duty 10% = 12,345,678.901 → 12,345,678.90; VAT 12% × 135,802,467.91 = 16,296,296.1492 → 16,296,296.15
    // total 12,345,678.90 + 16,296,296.15 + 185,185.18 = 28,827,160.23
    'fee with a fractional percentage, rounded half-up',
    decl({
      invoiceCurrency: 'UZS',
      rates: {},
      fee: { percent: '0.15', floor: '100000', cap: '20000000' },
      items: [item({ invoiceValue: '123456789.01' })],
    }),
    {
      cv: '123456789.01',
      duty: '12345678.90',
      excise: '0.00',
      vat: '16296296.15',
      fee: '185185.18',
      total: '28827160.23',
    },
  ],
];

const exportCases: Case[] = [
  [
    // EK10, FCA: CV (1,000 + 100 + 10) × 10,000 = 11,100,000.00; import duty 30% and excise 20% on the
    // tariff line do not apply; export duty 0%; VAT zero-rated; only the fee of 100,000.00
    'zero-rated export (EK10)',
    decl({
      regime: 'EK10',
      incoterm: 'FCA',
      freight: '100',
      insurance: '10',
      items: [item({}, { adValoremRate: '30', exciseType: 'AD_VALOREM', exciseRate: '20' })],
    }),
    { cv: '11100000.00', duty: '0.00', excise: '0.00', vat: '0.00', fee: '100000.00', total: '100000.00' },
  ],
  [
    // export duty 10% × 10,000,000 = 1,000,000.00; no VAT; total 1,100,000.00
    'export with a listed export duty (EK10)',
    decl({
      regime: 'EK10',
      incoterm: 'FOB',
      items: [item({}, { exportDutyRate: '10', exciseType: 'SPECIFIC', exciseRate: '5000', exciseUnit: 'L' })],
    }),
    {
      cv: '10000000.00',
      duty: '1000000.00',
      excise: '0.00',
      vat: '0.00',
      fee: '100000.00',
      total: '1100000.00',
      dutyMethod: 'AD_VALOREM',
    },
  ],
];

const currencyCases: Case[] = [
  [
    // CV 2,000 EUR × 13,800.50 = 27,601,000.00
    // duty 0.35 USD/kg × 1,234.5 kg = 432.075 USD × 12,650 = 5,465,748.75
    // VAT 12% × 33,066,748.75 = 3,968,009.85; total 5,465,748.75 + 3,968,009.85 + 100,000 = 9,533,758.60
    'EUR invoice with a specific rate in USD',
    decl({
      invoiceCurrency: 'EUR',
      rates: { EUR: '13800.50', USD: '12650.00' },
      items: [
        item(
          { invoiceValue: '2000', netMass: '1234.5' },
          { dutyType: 'SPECIFIC', specificRate: '0.35', specificCurrency: 'USD', specificUnit: 'KG' },
        ),
      ],
    }),
    { cv: '27601000.00', duty: '5465748.75', excise: '0.00', vat: '3968009.85', fee: '100000.00', total: '9533758.60' },
  ],
  [
    // FOB: (150,000 + 5,000 + 321.50) RUB × 139.47 = 155,321.50 × 139.47 = 21,662,689.605 → 21,662,689.61
    // duty 5% = 1,083,134.4805 → 1,083,134.48; VAT 12% × 22,745,824.09 = 2,729,498.8908 → 2,729,498.89
    // total 1,083,134.48 + 2,729,498.89 + 100,000 = 3,912,633.37
    'RUB invoice with a fractional rate and freight',
    decl({
      invoiceCurrency: 'RUB',
      incoterm: 'FOB',
      freight: '5000',
      insurance: '321.50',
      rates: { RUB: '139.47' },
      items: [item({ invoiceValue: '150000' }, { adValoremRate: '5' })],
    }),
    { cv: '21662689.61', duty: '1083134.48', excise: '0.00', vat: '2729498.89', fee: '100000.00', total: '3912633.37' },
  ],
  [
    // UZS invoice needs no rate: CV 5,000,000; duty 500,000; VAT 12% × 5,500,000 = 660,000; fee floor
    'UZS invoice with an empty rate table',
    decl({ invoiceCurrency: 'UZS', rates: {}, items: [item({ invoiceValue: '5000000' })] }),
    { cv: '5000000.00', duty: '500000.00', excise: '0.00', vat: '660000.00', fee: '100000.00', total: '1260000.00' },
  ],
];

const roundingCases: Case[] = [
  [
    // CV 1.01 × 12,650.50 = 12,777.005 → 12,777.01 (half-up); duty 1,277.701 → 1,277.70
    // VAT 12% × 14,054.71 = 1,686.5652 → 1,686.57; total 1,277.70 + 1,686.57 + 100,000 = 102,964.27
    'customs value at x.xx5 rounds up',
    decl({ rates: { USD: '12650.50' }, items: [item({ invoiceValue: '1.01' })] }),
    { cv: '12777.01', duty: '1277.70', excise: '0.00', vat: '1686.57', fee: '100000.00', total: '102964.27' },
  ],
  [
    // CV 1.01 × 12,650.49 = 12,776.9949 → 12,776.99; duty 1,277.699 → 1,277.70
    // VAT 12% × 14,054.69 = 1,686.5628 → 1,686.56; total 102,964.26
    'customs value just below x.xx5 rounds down',
    decl({ rates: { USD: '12650.49' }, items: [item({ invoiceValue: '1.01' })] }),
    { cv: '12776.99', duty: '1277.70', excise: '0.00', vat: '1686.56', fee: '100000.00', total: '102964.26' },
  ],
  [
    // duty 10% × 12,345.65 = 1,234.565 → 1,234.57; VAT 12% × 13,580.22 = 1,629.6264 → 1,629.63
    // total 1,234.57 + 1,629.63 + 100,000 = 102,864.20
    'ad valorem duty at x.xx5 rounds up',
    decl({ invoiceCurrency: 'UZS', rates: {}, items: [item({ invoiceValue: '12345.65' })] }),
    { cv: '12345.65', duty: '1234.57', excise: '0.00', vat: '1629.63', fee: '100000.00', total: '102864.20' },
  ],
  [
    // 1.50 USD/l × 3 l × 12,650.11 = 56,925.495 → 56,925.50; CV 10 × 12,650.11 = 126,501.10
    // VAT 12% × 183,426.60 = 22,011.192 → 22,011.19; total 56,925.50 + 22,011.19 + 100,000 = 178,936.69
    'specific duty at x.xx5 rounds up (rounded after conversion, not before)',
    decl({
      rates: { USD: '12650.11' },
      items: [
        item(
          { invoiceValue: '10', quantity: '3', supplementaryUnit: 'L' },
          { dutyType: 'SPECIFIC', specificRate: '1.50', specificUnit: 'L' },
        ),
      ],
    }),
    { cv: '126501.10', duty: '56925.50', excise: '0.00', vat: '22011.19', fee: '100000.00', total: '178936.69' },
  ],
  [
    // excise 1% × 100.50 = 1.005 → 1.01; VAT 12% × 101.51 = 12.1812 → 12.18; total 100,013.19
    'ad valorem excise at x.xx5 rounds up',
    decl({
      invoiceCurrency: 'UZS',
      rates: {},
      items: [item({ invoiceValue: '100.50' }, { dutyType: 'EXEMPT', exciseType: 'AD_VALOREM', exciseRate: '1' })],
    }),
    { cv: '100.50', duty: '0.00', excise: '1.01', vat: '12.18', fee: '100000.00', total: '100013.19' },
  ],
];

function check(a: DutyAssessment, e: Expected) {
  expect(a.items[0].customsValue).toBe(e.cv);
  expect(a.customsValue).toBe(e.cv);
  expect(amount(a, 0, 'DUTY')).toBe(e.duty);
  expect(amount(a, 0, 'EXCISE')).toBe(e.excise);
  expect(amount(a, 0, 'VAT')).toBe(e.vat);
  expect(a.fee).toMatchObject({ base: e.cv, amount: e.fee });
  expect(a.totals).toEqual({ DUTY: e.duty, EXCISE: e.excise, VAT: e.vat, FEE: e.fee, total: e.total });
  if (e.dutyMethod) expect(payment(a, 0, 'DUTY').method).toBe(e.dutyMethod);
}

describe.each([
  ['Incoterms: freight and insurance up to the border', incotermCases],
  ['duty: ad valorem, specific, combined, exempt', dutyCases],
  ['excise', exciseCases],
  ['processing fee: floor, cap, in between', feeCases],
  ['exports', exportCases],
  ['multi-currency', currencyCases],
  ['rounding half-up', roundingCases],
])('%s', (_group, cases) => {
  it.each(cases)('%s', (_name, input, expected) => {
    check(assessDuties(input), expected);
  });
});

describe('the processing fee says how it was set (shown as the applied rate)', () => {
  it.each([
    ['below the floor', feeCases[0][1], 'FLOOR'],
    ['exactly at the floor', feeCases[1][1], 'PERCENT'],
    ['between floor and cap', feeCases[2][1], 'PERCENT'],
    ['above the cap', feeCases[3][1], 'CAP'],
    ['exactly at the cap', feeCases[4][1], 'PERCENT'],
  ] as const)('%s: %s', (_name, input, method) => {
    const a = assessDuties(input);
    expect(a.fee.method).toBe(method);
    expect(a.fee.rate).toBe(new D(input.fee.percent).toFixed());
  });
});

// ---------------------------------------------------------------------------------------------
// Several items.
// ---------------------------------------------------------------------------------------------
describe('multi-item declarations', () => {
  it('handles a CNY invoice with specific rates in EUR and USD on different lines', () => {
    // CV 40,000 CNY × 1,745.30 = 69,812,000.00 → 17,453,000.00 (10,000) and 52,359,000.00 (30,000)
    // line 1: max(20% = 3,490,600; 0.80 EUR/l × 500 l × 13,800.50 = 5,520,200) = 5,520,200.00
    //         VAT 12% × 22,973,200 = 2,756,784.00
    // line 2: 0.15 USD/kg × 2,000 kg × 12,650 = 3,795,000.00; VAT 12% × 56,154,000 = 6,738,480.00
    // fee 0.2% × 69,812,000 = 139,624.00; total 9,315,200 + 9,495,264 + 139,624 = 18,950,088.00
    const a = assessDuties(
      decl({
        invoiceCurrency: 'CNY',
        rates: { CNY: '1745.30', EUR: '13800.50', USD: '12650.00' },
        items: [
          item(
            { lineNo: 1, invoiceValue: '10000', quantity: '500', supplementaryUnit: 'L' },
            {
              dutyType: 'COMBINED',
              adValoremRate: '20',
              specificRate: '0.80',
              specificCurrency: 'EUR',
              specificUnit: 'L',
            },
          ),
          item(
            { lineNo: 2, invoiceValue: '30000', netMass: '2000' },
            { dutyType: 'SPECIFIC', specificRate: '0.15', specificCurrency: 'USD', specificUnit: 'KG' },
          ),
        ],
      }),
    );
    expect(a.items.map((i) => i.customsValue)).toEqual(['17453000.00', '52359000.00']);
    expect(payment(a, 0, 'DUTY')).toMatchObject({
      method: 'SPECIFIC',
      base: '500',
      rate: '0.8',
      unit: 'EUR/L',
      amount: '5520200.00',
    });
    expect(amount(a, 0, 'VAT')).toBe('2756784.00');
    expect(payment(a, 1, 'DUTY')).toMatchObject({
      method: 'SPECIFIC',
      base: '2000',
      unit: 'USD/KG',
      amount: '3795000.00',
    });
    expect(amount(a, 1, 'VAT')).toBe('6738480.00');
    expect(a.totals).toEqual({
      DUTY: '9315200.00',
      EXCISE: '0.00',
      VAT: '9495264.00',
      FEE: '139624.00',
      total: '18950088.00',
    });
  });

  it('rounds per item and payment type, then sums (not the other way round)', () => {
    // two items of 0.05 UZS: duty 10% = 0.005 → 0.01 each → 0.02 (rounding the sum 0.01 would give 0.01)
    // VAT 12% × (0.05 + 0.01) = 0.0072 → 0.01 each → 0.02; total 0.02 + 0.02 + 100,000 = 100,000.04
    const a = assessDuties(
      decl({
        invoiceCurrency: 'UZS',
        rates: {},
        items: [item({ lineNo: 1, invoiceValue: '0.05' }), item({ lineNo: 2, invoiceValue: '0.05' })],
      }),
    );
    expect(a.items.map((i) => i.customsValue)).toEqual(['0.05', '0.05']);
    expect(a.totals).toEqual({ DUTY: '0.02', EXCISE: '0.00', VAT: '0.02', FEE: '100000.00', total: '100000.04' });
  });
});

// ---------------------------------------------------------------------------------------------
// Spreading freight and insurance: the items sum exactly to the total (largest remainder).
// ---------------------------------------------------------------------------------------------
const uzsExempt = (values: string[], over: Partial<DutyInput> = {}) =>
  decl({
    invoiceCurrency: 'UZS',
    rates: {},
    incoterm: 'FOB',
    items: values.map((v, i) => item({ lineNo: i + 1, invoiceValue: v }, { dutyType: 'EXEMPT', vatRate: '0' })),
    ...over,
  });

describe('spreading the customs value over items', () => {
  it.each<[string, DutyInput, string[], string]>([
    // (10 + 20 + 40 + 5 freight) × 3 = 225.00; exact shares 32.142857…, 64.285714…, 128.571428…
    // floors 32.14 + 64.28 + 128.57 = 224.99; the cent left goes to the largest remainder (line 2): 64.29
    // — the same as half-up rounding of each share, which here adds up.
    [
      'by value with freight, remainder to the largest fraction',
      decl({
        incoterm: 'FOB',
        freight: '5',
        rates: { USD: '3' },
        items: ['10', '20', '40'].map((v, i) => item({ lineNo: i + 1, invoiceValue: v })),
      }),
      ['32.14', '64.29', '128.57'],
      '225.00',
    ],
    // 1 + 1 + 1 + 97 freight = 100.00 → 33.333… each; the left-over cent goes to the first line
    [
      'three equal lines, one cent left over',
      uzsExempt(['1', '1', '1'], { freight: '97' }),
      ['33.34', '33.33', '33.33'],
      '100.00',
    ],
    // 0.005 + 0.005: half-up would give 0.01 + 0.01 = 0.02 ≠ 0.01; largest remainder keeps the sum
    ['half-up would overshoot the total', uzsExempt(['0.005', '0.005']), ['0.01', '0.00'], '0.01'],
    // 0.00333… × 3: half-up would give 0.00 × 3 = 0.00 ≠ 0.01
    [
      'half-up would undershoot the total',
      uzsExempt(['0.001', '0.001', '0.001'], { freight: '0.007' }),
      ['0.01', '0.00', '0.00'],
      '0.01',
    ],
    // total 0.02 over 2:1:1 → 0.01, 0.005, 0.005: floors 1, 0, 0 cents; the tie goes to the earlier line
    [
      'equal remainders: the earlier line first',
      uzsExempt(['0.010', '0.005', '0.005']),
      ['0.01', '0.01', '0.00'],
      '0.02',
    ],
    // a free line (0) takes no share of the freight: (0 + 100 + 50 freight) → 0.00, 150.00
    ['a line of value 0 gets no freight', uzsExempt(['0', '100'], { freight: '50' }), ['0.00', '150.00'], '150.00'],
  ])('%s', (_name, input, values, total) => {
    const a = assessDuties(input);
    expect(a.items.map((i) => i.customsValue)).toEqual(values);
    expect(a.customsValue).toBe(total);
    expect(a.fee.base).toBe(total);
    expect(a.items.reduce((s, i) => s.plus(i.customsValue), new D(0)).toFixed(2)).toBe(total);
  });

  it('spreadByWeight: exact shares stay exact, and every share is within one cent of its exact value', () => {
    expect(
      spreadByWeight(
        new D('10.00'),
        [1, 2, 3, 4].map((n) => new D(n)),
      ).map((v) => v.toFixed(2)),
    ).toEqual(['1.00', '2.00', '3.00', '4.00']);
    expect(spreadByWeight(new D('0'), [new D(1), new D(0)]).map((v) => v.toFixed(2))).toEqual(['0.00', '0.00']);
    // 1,000.00 over 7 equal lines: 142.857142… each; floors 142.85 × 7 = 999.95; the 5 cents left go to lines 1–5 (equal remainders)
    expect(
      spreadByWeight(
        new D('1000'),
        Array.from({ length: 7 }, () => new D(1)),
      ).map((v) => v.toFixed(2)),
    ).toEqual(['142.86', '142.86', '142.86', '142.86', '142.86', '142.85', '142.85']);
    expect(() => spreadByWeight(new D('1'), [new D(0)])).toThrow(/all zero/);
  });
});

// ---------------------------------------------------------------------------------------------
// Regimes: secured, not paid.
// ---------------------------------------------------------------------------------------------
describe('secured regimes', () => {
  it.each(['TR80', 'IM31', 'IM70'] as const)(
    '%s computes the import payments of the worked example but secures them',
    (regime) => {
      const a = assessDuties(workedExample(regime));
      expect(a.totals).toEqual({
        DUTY: '16470300.00',
        EXCISE: '10000000.00',
        VAT: '19646736.00',
        FEE: '274505.00',
        total: '46391541.00',
      });
      expect(a.isSecured).toBe(true);
      expect(a.payable).toBe('274505.00'); // only the processing fee is paid
      expect(a.secured).toBe('46117036.00'); // 16,470,300 + 10,000,000 + 19,646,736
    },
  );

  it('EK31 computes the export payments and secures the export duty', () => {
    // export duty 5% × 10,000,000 = 500,000.00 secured; fee 100,000.00 paid
    const a = assessDuties(decl({ regime: 'EK31', items: [item({}, { exportDutyRate: '5', adValoremRate: '30' })] }));
    expect(a.totals).toEqual({ DUTY: '500000.00', EXCISE: '0.00', VAT: '0.00', FEE: '100000.00', total: '600000.00' });
    expect(a.isSecured).toBe(true);
    expect(a.payable).toBe('100000.00');
    expect(a.secured).toBe('500000.00');
  });

  it.each(['IM40', 'EK10'] as const)('%s is paid, not secured', (regime) => {
    const a = assessDuties(decl({ regime }));
    expect(a.isSecured).toBe(false);
    expect(a.secured).toBe('0.00');
    expect(a.payable).toBe(a.totals.total);
  });
});

// ---------------------------------------------------------------------------------------------
// Errors: never a silent default.
// ---------------------------------------------------------------------------------------------
describe('errors', () => {
  it('a missing rate for the invoice currency', () => {
    const e = expectError(decl({ invoiceCurrency: 'EUR', rates: { USD: '12650' } }));
    expect(e.issues).toEqual([
      expect.objectContaining({ code: 'MISSING_RATE', currency: 'EUR', path: 'invoiceCurrency' }),
    ]);
    expect(e.message).toMatch(/EUR/);
    expect(isAppError(e)).toBe(true);
    expect(e.code).toBe('VALIDATION');
  });

  it('a missing rate for the currency of a specific duty (reported once for many lines)', () => {
    const line = (n: number) =>
      item({ lineNo: n }, { dutyType: 'SPECIFIC', specificRate: '1', specificCurrency: 'EUR', specificUnit: 'KG' });
    const e = expectError(decl({ items: [line(1), line(2), line(3)] }));
    expect(e.issues).toEqual([
      expect.objectContaining({ code: 'MISSING_RATE', currency: 'EUR', path: 'items.0.hsCode', lineNo: 1 }),
    ]);
  });

  it('a zero or malformed rate is missing, not 0', () => {
    expect(expectError(decl({ rates: { USD: '0' } })).issues[0]).toMatchObject({
      code: 'MISSING_RATE',
      currency: 'USD',
    });
    expect(expectError(decl({ rates: { USD: 'abc' } })).issues[0]).toMatchObject({
      code: 'MISSING_RATE',
      currency: 'USD',
    });
  });

  it('UZS is always 1: it may be listed as 1, never as anything else', () => {
    const uzs = decl({ invoiceCurrency: 'UZS', items: [item({ invoiceValue: '5000000' })] });
    expect(assessDuties({ ...uzs, rates: { UZS: '1.00' } }).totals.total).toBe('1260000.00');
    expect(expectError({ ...uzs, rates: { UZS: '2' } }).issues[0]).toMatchObject({
      code: 'MISSING_RATE',
      currency: 'UZS',
    });
  });

  it('does not ask for the rate of a currency it does not use', () => {
    // an ad valorem line whose (unused) specific currency has no rate
    const a = assessDuties(decl({ items: [item({}, { specificCurrency: 'EUR' })] }));
    expect(a.totals.total).toBe('2420000.00');
  });

  it('a specific duty per L on an item declared in PCS', () => {
    const e = expectError(
      decl({
        items: [
          item(
            { lineNo: 7, supplementaryUnit: 'PCS' },
            { dutyType: 'SPECIFIC', specificRate: '0.5', specificUnit: 'L' },
          ),
        ],
      }),
    );
    expect(e.issues).toEqual([
      expect.objectContaining({ code: 'UNIT_MISMATCH', path: 'items.0.supplementaryUnit', lineNo: 7 }),
    ]);
    expect(e.issues[0].message).toMatch(/Line 7.*per L.*PCS/);
  });

  it('the specific part of a combined duty whose unit cannot be measured', () => {
    const e = expectError(
      decl({
        items: [
          item({ supplementaryUnit: 'PCS' }, { dutyType: 'COMBINED', specificRate: '0.5', specificUnit: '1000PCS' }),
        ],
      }),
    );
    expect(e.issues[0].code).toBe('UNIT_MISMATCH');
  });

  it('a specific excise per L on an item declared in KG', () => {
    const e = expectError(
      decl({
        items: [item({ supplementaryUnit: 'KG' }, { exciseType: 'SPECIFIC', exciseRate: '5000', exciseUnit: 'L' })],
      }),
    );
    expect(e.issues[0]).toMatchObject({ code: 'UNIT_MISMATCH', path: 'items.0.supplementaryUnit' });
  });

  it('a specific excise without a unit on the tariff line', () => {
    const e = expectError(
      decl({ items: [item({}, { exciseType: 'SPECIFIC', exciseRate: '5000', exciseUnit: null })] }),
    );
    expect(e.issues[0]).toMatchObject({ code: 'MISSING_UNIT', path: 'items.0.hsCode' });
  });

  it('collects every problem at once', () => {
    const e = expectError(
      decl({
        invoiceCurrency: 'GBP',
        items: [
          item({ lineNo: 1, invoiceValue: 'ten' }),
          item({ lineNo: 2, supplementaryUnit: 'PCS' }, { dutyType: 'SPECIFIC', specificRate: '1', specificUnit: 'L' }),
        ],
      }),
    );
    expect(e.issues.map((i) => i.code).sort()).toEqual(['INVALID_NUMBER', 'MISSING_RATE', 'UNIT_MISMATCH']);
    expect(e.fieldErrors.map((f) => f.path).sort()).toEqual([
      'invoiceCurrency',
      'items.0.invoiceValue',
      'items.1.supplementaryUnit',
    ]);
  });

  it('no items, freight over worthless items, a floor above the cap', () => {
    expect(expectError(decl({ items: [] })).issues[0].code).toBe('NO_ITEMS');
    expect(expectError(uzsExempt(['0', '0'], { freight: '10' })).issues[0].code).toBe('NOTHING_TO_SPREAD');
    expect(expectError(decl({ fee: { percent: '0.2', floor: '200', cap: '100' } })).issues[0].code).toBe('INVALID_FEE');
    expect(expectError(decl({ freight: '-5', incoterm: 'FOB' })).issues[0]).toMatchObject({
      code: 'INVALID_NUMBER',
      path: 'freight',
    });
  });
});

describe('exchangeRateDate', () => {
  it('uses the registration date once registered, the draft date for an estimate', () => {
    expect(exchangeRateDate('2026-11-28', '2026-11-30')).toEqual({ date: '2026-11-28', isEstimate: false });
    expect(exchangeRateDate(null, '2026-11-30')).toEqual({ date: '2026-11-30', isEstimate: true });
  });
});

// ---------------------------------------------------------------------------------------------
// 999 items.
// ---------------------------------------------------------------------------------------------
describe('a 999-item declaration', () => {
  it('999 identical lines', () => {
    // each: 100 USD × 10,000 = 1,000,000.00; duty 100,000.00; VAT 12% × 1,100,000 = 132,000.00
    // totals: CV 999,000,000.00; duty 99,900,000.00; VAT 131,868,000.00;
    // fee 0.2% × 999,000,000 = 1,998,000.00; total 233,766,000.00
    const items = Array.from({ length: 999 }, (_, i) => item({ lineNo: i + 1, invoiceValue: '100' }));
    const a = assessDuties(decl({ items }));
    expect(a.items).toHaveLength(999);
    expect(a.items.every((i) => i.customsValue === '1000000.00')).toBe(true);
    expect(a.customsValue).toBe('999000000.00');
    expect(a.totals).toEqual({
      DUTY: '99900000.00',
      EXCISE: '0.00',
      VAT: '131868000.00',
      FEE: '1998000.00',
      total: '233766000.00',
    });
  });

  it('999 mixed lines: ad valorem, specific per KG, combined per L with specific excise', () => {
    // Line i (1…999) is worth i USD; FOB freight 400 + insurance 99.50 = 499.50 = 0.1% of Σ i = 499,500,
    // so line i's customs value is i × 1.001 × 10,000 = 10,010 × i exactly; total 4,999,995,000.00.
    //   i ≡ 1 (mod 3): 10% → duty 1,001 i; VAT 12% × 11,011 i = 1,321.32 i
    //   i ≡ 2: 0.50 USD/kg × i kg × 10,000 = 5,000 i; VAT 12% × 15,010 i = 1,801.20 i
    //   i ≡ 0: max(1,001 i; 2 USD/l × 25 l × 10,000 = 500,000) (specific up to i = 498, ad valorem from 501);
    //          excise 1,000 UZS/l × 25 = 25,000; VAT 12% × (10,010 i + duty + 25,000)
    // Σ i by class: S1 = 166,167, S2 = 166,500, S0 = 166,833 (3…498: 41,583; 501…999: 125,250)
    // duty = 1,001 × 166,167 + 5,000 × 166,500 + 166 × 500,000 + 1,001 × 125,250
    //      = 166,333,167 + 832,500,000 + 83,000,000 + 125,375,250 = 1,207,208,417.00
    // excise = 333 × 25,000 = 8,325,000.00
    // VAT = 1,321.32 × 166,167 + 1,801.20 × 166,500 + 12% × (10,010 × 166,833 + 208,375,250 + 8,325,000)
    //     = 219,559,780.44 + 299,899,800.00 + 226,403,829.60 = 745,863,410.04
    // fee = 0.2% × 4,999,995,000 = 9,999,990.00 (under the cap)
    // total = 1,207,208,417 + 8,325,000 + 745,863,410.04 + 9,999,990 = 1,971,396,817.04
    const items = Array.from({ length: 999 }, (_, k) => {
      const i = k + 1;
      const base = { lineNo: i, invoiceValue: String(i), netMass: String(i), quantity: '25', supplementaryUnit: 'L' };
      if (i % 3 === 1) return item(base, { dutyType: 'AD_VALOREM', adValoremRate: '10' });
      if (i % 3 === 2) return item(base, { dutyType: 'SPECIFIC', specificRate: '0.50', specificUnit: 'KG' });
      return item(base, {
        dutyType: 'COMBINED',
        adValoremRate: '10',
        specificRate: '2',
        specificUnit: 'L',
        exciseType: 'SPECIFIC',
        exciseRate: '1000',
        exciseUnit: 'L',
      });
    });
    const input = decl({ incoterm: 'FOB', freight: '400', insurance: '99.50', items });

    const started = performance.now();
    const a = assessDuties(input);
    const elapsed = performance.now() - started;
    console.info(`assessDuties, 999 items: ${elapsed.toFixed(1)} ms`); // measured, not asserted (target < 50 ms)

    expect(a.customsValue).toBe('4999995000.00');
    expect(a.totals).toEqual({
      DUTY: '1207208417.00',
      EXCISE: '8325000.00',
      VAT: '745863410.04',
      FEE: '9999990.00',
      total: '1971396817.04',
    });

    // Independently, line by line, from the closed forms above.
    let duty = new D(0);
    let vat = new D(0);
    a.items.forEach((line, k) => {
      const i = k + 1;
      const cv = new D(10010).times(i);
      expect(line.lineNo).toBe(i);
      expect(line.customsValue).toBe(cv.toFixed(2));
      const d = i % 3 === 1 ? cv.times('0.1') : i % 3 === 2 ? new D(5000).times(i) : D.max(cv.times('0.1'), 500000);
      const e = i % 3 === 0 ? new D(25000) : new D(0);
      const v = round2(cv.plus(d).plus(e).times('0.12'));
      expect(line.payments.map((p) => p.amount)).toEqual([d.toFixed(2), e.toFixed(2), v.toFixed(2)]);
      duty = duty.plus(d);
      vat = vat.plus(v);
    });
    expect(duty.toFixed(2)).toBe(a.totals.DUTY);
    expect(vat.toFixed(2)).toBe(a.totals.VAT);
  });
});
