import { describe, expect, it } from 'vitest';
import {
  hasValidSign,
  isCredit,
  lowestBalance,
  post,
  runningBalances,
  signedAmount,
  sumAmounts,
} from '@/lib/payments/ledger';
import { perType, settlementOf, targetFor, zeroPerType, isPayableStatus } from '@/lib/payments/settlement';
import { formatReceiptNumber, parseReceiptNumber, receiptYear, ZReceiptNumber } from '@/lib/payments/receipt-number';

describe('ledger entries: credits positive, debits negative', () => {
  it.each([
    ['TOP_UP', '1000.00', '1000.00'],
    ['REVERSAL', '0.01', '0.01'],
    ['PAYMENT', '46391541', '-46391541.00'],
    ['REFUND', '250000.5', '-250000.50'],
  ] as const)('%s of %s is %s', (kind, magnitude, signed) => {
    expect(signedAmount(kind, magnitude)).toBe(signed);
    expect(hasValidSign(kind, signed)).toBe(true);
  });

  it.each([['0'], ['-5.00'], ['1.005'], ['abc'], ['1e3']])('refuses a movement of %s', (magnitude) => {
    expect(() => signedAmount('TOP_UP', magnitude)).toThrow();
  });

  it('knows which kinds credit', () => {
    expect([isCredit('TOP_UP'), isCredit('REVERSAL'), isCredit('PAYMENT'), isCredit('REFUND')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(hasValidSign('PAYMENT', '10.00')).toBe(false);
    expect(hasValidSign('TOP_UP', '-10.00')).toBe(false);
    expect(hasValidSign('TOP_UP', '0.00')).toBe(false);
  });

  it('adds decimals exactly (no binary floating point)', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(Array.from({ length: 1000 }, () => '0.01'))).toBe('10.00');
    expect(sumAmounts(['99999999999999999.99', '-99999999999999999.98'])).toBe('0.01');
  });
});

describe('posting a movement never leaves the balance below zero', () => {
  it('debits what the balance covers, to the last tiyin', () => {
    expect(post('100.00', [{ kind: 'PAYMENT', amount: '-100.00' }])).toEqual({ balance: '0.00', isAllowed: true });
    expect(post('0.00', [{ kind: 'TOP_UP', amount: '5.00' }])).toEqual({ balance: '5.00', isAllowed: true });
  });

  it('refuses a debit one tiyin too large, saying how much is missing, and keeps the balance', () => {
    expect(post('100.00', [{ kind: 'PAYMENT', amount: '-100.01' }])).toEqual({
      balance: '100.00',
      isAllowed: false,
      shortfall: '0.01',
    });
  });

  it('judges the lines of one movement by their net (a payment with a type credited back within it)', () => {
    const lines = [
      { kind: 'PAYMENT' as const, amount: '-150.00' },
      { kind: 'REVERSAL' as const, amount: '60.00' },
    ];
    expect(post('90.00', lines)).toEqual({ balance: '0.00', isAllowed: true });
    expect(post('89.99', lines)).toMatchObject({ isAllowed: false, shortfall: '0.01' });
  });

  it('throws on an entry whose sign contradicts its kind (a programming error, never a balance)', () => {
    expect(() => post('100.00', [{ kind: 'REFUND', amount: '5.00' }])).toThrow();
  });
});

describe('running balances of a statement', () => {
  it('carries the opening balance through every line to the closing one', () => {
    const s = runningBalances('1000.00', [{ amount: '-250.00' }, { amount: '5000.50' }, { amount: '-0.50' }]);
    expect(s.lines.map((l) => l.balanceAfter)).toEqual(['750.00', '5750.50', '5750.00']);
    expect(s).toMatchObject({ opening: '1000.00', closing: '5750.00', credits: '5000.50', debits: '250.50' });
  });

  it('an empty period closes where it opened', () => {
    expect(runningBalances('12.34', [])).toMatchObject({
      opening: '12.34',
      closing: '12.34',
      credits: '0.00',
      debits: '0.00',
      lines: [],
    });
  });

  it('finds the lowest point of a history (zero is allowed, below is not)', () => {
    expect(lowestBalance('0', ['100', '-100', '50', '-20'])).toBe('0.00');
    expect(lowestBalance('0', ['100', '-100.01'])).toBe('-0.01');
  });
});

describe('what a declaration owes, per payment type', () => {
  const assessed = { DUTY: '16470300.00', EXCISE: '10000000.00', VAT: '19646736.00', FEE: '274505.00' };

  it('owes exactly the assessment when nothing is paid (the DOMAIN worked example: 46 391 541.00)', () => {
    const s = settlementOf({ target: assessed, settled: zeroPerType() });
    expect(s.kind).toBe('DUE');
    expect(s.net).toBe('46391541.00');
    expect(s.lines).toEqual([
      { paymentType: 'DUTY', amount: '16470300.00' },
      { paymentType: 'EXCISE', amount: '10000000.00' },
      { paymentType: 'VAT', amount: '19646736.00' },
      { paymentType: 'FEE', amount: '274505.00' },
    ]);
  });

  it('is settled once paid', () => {
    expect(settlementOf({ target: assessed, settled: assessed })).toEqual({ kind: 'SETTLED', net: '0.00', lines: [] });
  });

  it('owes only the difference after a higher reassessment, per type', () => {
    const s = settlementOf({ target: { ...assessed, DUTY: '17000000.00' }, settled: assessed });
    expect(s).toEqual({ kind: 'DUE', net: '529700.00', lines: [{ paymentType: 'DUTY', amount: '529700.00' }] });
  });

  it('is overpaid after a lower reassessment; mixed changes net out per type', () => {
    const lower = settlementOf({ target: { ...assessed, VAT: '19000000.00' }, settled: assessed });
    expect(lower).toEqual({
      kind: 'OVERPAID',
      net: '-646736.00',
      lines: [{ paymentType: 'VAT', amount: '-646736.00' }],
    });
    const mixed = settlementOf({ target: { ...assessed, DUTY: '16470400.00', VAT: '19646700.00' }, settled: assessed });
    expect(mixed).toEqual({
      kind: 'DUE',
      net: '64.00',
      lines: [
        { paymentType: 'DUTY', amount: '100.00' },
        { paymentType: 'VAT', amount: '-36.00' },
      ],
    });
  });

  it('owes nothing once refused or withdrawn: all that was paid is overpaid', () => {
    expect(targetFor('WITHDRAWN', assessed)).toEqual(zeroPerType());
    expect(targetFor('ASSIGNED', assessed)).toBe(assessed);
    expect(settlementOf({ target: targetFor('REFUSED', assessed), settled: assessed }).net).toBe('-46391541.00');
  });

  it('sums rows per type', () => {
    expect(
      perType([
        { paymentType: 'VAT', amount: '1.10' },
        { paymentType: 'VAT', amount: '2.20' },
        { paymentType: 'FEE', amount: '5' },
      ]),
    ).toEqual({ DUTY: '0.00', EXCISE: '0.00', VAT: '3.30', FEE: '5.00' });
  });

  it.each([
    ['DRAFT', false],
    ['SUBMITTED', false],
    ['ASSIGNED', true],
    ['ASSESSED', true],
    ['RELEASED', true],
    ['REFUSED', false],
    ['WITHDRAWN', false],
  ] as const)('a %s declaration can be paid: %s', (status, expected) => {
    expect(isPayableStatus(status)).toBe(expected);
  });
});

describe('receipt numbers R-YYYY-NNNNNNN', () => {
  it('are exactly R, the year and seven digits (anything else is not a receipt: a 404, never a query)', () => {
    expect(ZReceiptNumber.safeParse('R-2026-0002814').success).toBe(true);
    for (const bad of [
      'R-2026-0002814-2',
      'r-2026-0002814',
      'R-2026-281',
      '../R-2026-0002814',
      "R-2026-0002814' OR 1=1",
    ])
      expect(ZReceiptNumber.safeParse(bad).success).toBe(false);
  });

  it('belong to the Tashkent year (UTC+5)', () => {
    expect(receiptYear(new Date('2026-12-31T18:59:59Z'))).toBe(2026);
    expect(receiptYear(new Date('2026-12-31T19:00:00Z'))).toBe(2027);
  });

  it('format and parse', () => {
    expect(formatReceiptNumber(2026, 42)).toBe('R-2026-0000042');
    expect(parseReceiptNumber('R-2026-0000042')).toEqual({ year: 2026, sequence: 42 });
    expect(parseReceiptNumber('R-26-42')).toBeNull();
    expect(() => formatReceiptNumber(2026, 10_000_000)).toThrow();
  });
});
