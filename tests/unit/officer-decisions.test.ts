import { describe, expect, it } from 'vitest';
import { missingControl, needsSecondPair, revenueInspection } from '@/lib/officer/decisions';

describe('four eyes over the total change since registration', () => {
  it.each([
    // amountDelta, applied before, limit, waits for a supervisor
    ['9000000.00', [], '10000000.00', false],
    ['10000000.00', [], '10000000.00', false],
    ['10000000.01', [], '10000000.00', true],
    ['-10000000.01', [], '10000000.00', true],
    ['6000000.00', ['5000000.00'], '10000000.00', true],
    ['5000000.00', ['5000000.00'], '10000000.00', false],
    // A raise offset by a cut is still two changes an officer made.
    ['-6000000.00', ['6000000.00'], '10000000.00', true],
    ['0.01', ['3333333.33', '3333333.33', '3333333.33'], '10000000.00', false],
    ['0.02', ['3333333.33', '3333333.33', '3333333.33'], '10000000.00', true],
    ['0.00', ['3333333.33', '3333333.33', '3333333.34'], '10000000.00', false],
  ] as const)('%s after %j against %s: %s', (amountDelta, appliedDeltas, limit, expected) => {
    expect(needsSecondPair({ amountDelta, appliedDeltas, limit })).toBe(expected);
  });
});

describe('the control a channel calls for before release', () => {
  it.each([
    ['RED', [], 'physical examination'],
    ['RED', ['DOCUMENT_CHECK'], 'physical examination'],
    ['RED', ['POST_CLEARANCE_AUDIT'], 'physical examination'],
    ['RED', ['PHYSICAL_EXAMINATION'], null],
    ['YELLOW', [], 'document check'],
    ['YELLOW', ['POST_CLEARANCE_AUDIT'], 'document check'],
    ['YELLOW', ['DOCUMENT_CHECK'], null],
    ['YELLOW', ['PHYSICAL_EXAMINATION'], null],
    ['GREEN', [], null],
    ['BLUE', [], null],
    [null, [], null],
  ] as const)('%s with %j: %s', (channel, recorded, missing) => {
    const message = missingControl(channel, recorded);
    if (missing === null) expect(message).toBeNull();
    else expect(message).toContain(missing);
  });
});

describe('the inspection credited with additional revenue', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 9, minute));
  const cases: Array<[string, Array<{ id: string; at: Date; isHit: boolean }>, string | null]> = [
    [
      'the latest hit',
      [
        { id: 'a', at: at(1), isHit: true },
        { id: 'b', at: at(2), isHit: true },
        { id: 'c', at: at(3), isHit: false },
      ],
      'b',
    ],
    [
      'a hit before a later check without one',
      [
        { id: 'a', at: at(5), isHit: true },
        { id: 'b', at: at(9), isHit: false },
      ],
      'a',
    ],
    [
      'the latest inspection when none is a hit',
      [
        { id: 'a', at: at(1), isHit: false },
        { id: 'b', at: at(2), isHit: false },
      ],
      'b',
    ],
    [
      'the later in order on equal times',
      [
        { id: 'a', at: at(1), isHit: true },
        { id: 'b', at: at(1), isHit: true },
      ],
      'b',
    ],
    ['none without inspections', [], null],
  ];
  it.each(cases)('%s', (_, inspections, expected) => {
    expect(revenueInspection(inspections)?.id ?? null).toBe(expected);
  });
});
