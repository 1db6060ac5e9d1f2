import { describe, expect, it } from 'vitest';
import { asDateColumn, dateColumnDay, serviceDate } from '@/lib/time';

describe('calendar days of the service', () => {
  it.each(['2026-11-28', '2028-02-29', '2026-12-31', '2027-01-01'])(
    'a DATE column keeps its day %s both ways',
    (day) => {
      expect(dateColumnDay(asDateColumn(day))).toBe(day);
    },
  );

  it('reads a DATE column by its UTC day, not the service day of the moment', () => {
    // Midnight UTC is already 05:00 in Tashkent: the same calendar day either way.
    expect(dateColumnDay(new Date('2026-11-28T00:00:00Z'))).toBe('2026-11-28');
    // 20:00 UTC is past midnight in Tashkent: the service day moves on, the column's day does not.
    expect(serviceDate(new Date('2026-11-28T20:00:00Z'))).toBe('2026-11-29');
    expect(dateColumnDay(new Date('2026-11-28T20:00:00Z'))).toBe('2026-11-28');
  });
});
