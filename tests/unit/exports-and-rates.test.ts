import { describe, expect, it } from 'vitest';
import { serviceIsoMoment } from '@/lib/time';
import { DECLARATIONS_CSV_HEADER, declarationCsvRow } from '@/lib/declaration/list-csv';
import { csvLine } from '@/lib/csv';
import { describeAppliedRate, rateText } from '@/lib/duties/applied-rate';
import statusMessages from '@/lib/i18n/messages/en/status.json';
import rateMessages from '@/lib/i18n/messages/en/rates.json';

describe('moments in CSV exports: Tashkent, with the offset', () => {
  it.each([
    ['2026-11-28T09:30:05.250Z', '2026-11-28T14:30:05+05:00'],
    // Past 19:00 UTC it is already the next day in Tashkent.
    ['2026-11-28T19:05:00Z', '2026-11-29T00:05:00+05:00'],
    ['2026-12-31T18:59:59Z', '2026-12-31T23:59:59+05:00'],
  ])('%s → %s', (utc, local) => {
    expect(serviceIsoMoment(new Date(utc))).toBe(local);
    // The same instant, read back.
    expect(new Date(local).getTime()).toBe(Math.floor(new Date(utc).getTime() / 1000) * 1000);
  });
});

describe('the declarations export', () => {
  const status = (s: keyof typeof statusMessages) => statusMessages[s];
  it('writes the status in words and every moment in one time zone', () => {
    const row = declarationCsvRow(
      {
        registrationNumber: '26001/261128/0000042',
        status: 'ASSIGNED',
        regime: 'IM40',
        post: { code: '26001' },
        _count: { items: 2 },
        invoiceCurrency: 'USD',
        invoiceTotal: { toFixed: (n: number) => (10000).toFixed(n) },
        createdAt: new Date('2026-11-27T20:00:00Z'),
        registeredAt: new Date('2026-11-28T09:30:00Z'),
        releasedAt: null,
      },
      status,
    );
    expect(row).toHaveLength(DECLARATIONS_CSV_HEADER.length);
    expect(csvLine(row)).toBe(
      '26001/261128/0000042,With an inspector,IM40,26001,2,USD,10000.00,2026-11-28T01:00:00+05:00,2026-11-28T14:30:00+05:00,\r\n',
    );
  });
});

describe('applied rates in words', () => {
  const say = (p: Parameters<typeof describeAppliedRate>[0]) => {
    const { key, values } = describeAppliedRate(p);
    return rateMessages.method[key].replace('{rate}', values.rate);
  };
  it.each([
    [{ method: 'AD_VALOREM', rate: '30', unit: '%', amount: '16470300.00' }, 'Ad valorem, 30%'],
    [{ method: 'SPECIFIC', rate: '5000', unit: 'UZS/L', amount: '10000000.00' }, 'Specific, 5000 UZS/L'],
    [{ method: 'SPECIFIC', rate: '0.5', unit: 'USD/L', amount: '12650000.00' }, 'Specific, 0.5 USD/L'],
    [{ method: 'EXEMPT', rate: '0', unit: '%', amount: '0.00' }, 'Exempt'],
    [{ method: 'ZERO_RATED', rate: '0', unit: '%', amount: '0.00' }, 'Zero-rated, 0%'],
    [{ method: 'NOT_APPLICABLE', rate: '0', unit: '%', amount: '0.00' }, 'Not applicable'],
    [{ method: 'PERCENT', rate: '0.2', unit: '%', amount: '274505.00' }, '0.2% of the total customs value'],
    [
      { method: 'FLOOR', rate: '0.2', unit: '%', amount: '100000.00' },
      'The minimum fee (0.2% of the total customs value is less)',
    ],
    [{ method: null, rate: null, unit: null, amount: '5.00' }, 'Not recorded'],
  ] as const)('%o → %s', (payment, words) => {
    expect(say(payment)).toBe(words);
  });

  it('has no rate in figures where the method has none', () => {
    expect(rateText({ method: 'EXEMPT', rate: '0', unit: '%' })).toBeNull();
    expect(rateText({ method: 'CAP', rate: '0.2', unit: '%' })).toBe('0.2%');
  });
});
