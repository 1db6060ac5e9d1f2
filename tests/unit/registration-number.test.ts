import { describe, expect, it } from 'vitest';
import {
  formatRegistrationNumber,
  parseRegistrationNumber,
  registrationDate,
  registrationDay,
} from '@/lib/declaration/registration-number';

describe('registration number POST/YYMMDD/NNNNNNN', () => {
  it.each([
    ['26001', '2026-11-28T09:00:00Z', 42, '26001/261128/0000042'],
    ['23001', '2026-01-05T00:00:00Z', 1, '23001/260105/0000001'],
    ['30001', '2026-12-31T18:59:59Z', 9_999_999, '30001/261231/9999999'],
    // 19:00 UTC is midnight in Tashkent (UTC+5): the registration day is the next one.
    ['30001', '2026-12-31T19:00:00Z', 7, '30001/270101/0000007'],
  ])('post %s at %s, sequence %i → %s', (post, at, seq, expected) => {
    expect(formatRegistrationNumber(post, new Date(at), seq)).toBe(expected);
  });

  it.each([[0], [-1], [10_000_000], [1.5]])('refuses sequence %s', (seq) => {
    expect(() => formatRegistrationNumber('26001', new Date(), seq)).toThrow();
  });

  it('refuses a post code that is not 5 digits', () => {
    expect(() => formatRegistrationNumber('2600', new Date(), 1)).toThrow();
  });

  it('parses what it formats and rejects anything else', () => {
    expect(parseRegistrationNumber('26001/261128/0000042')).toEqual({ postCode: '26001', day: '261128', sequence: 42 });
    expect(parseRegistrationNumber('26001/261128/42')).toBeNull();
    expect(parseRegistrationNumber('x')).toBeNull();
  });

  it('gives the calendar date of the Tashkent day', () => {
    expect(registrationDate(new Date('2026-11-28T20:30:00Z')).toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(registrationDay(new Date('2026-11-28T18:30:00Z'))).toBe('261128');
  });
});
