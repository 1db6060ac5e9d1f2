import { describe, expect, it } from 'vitest';
import { expectedNextStep, targetParts } from '@/lib/declaration/expected-time';
import type { DeclarationStatus } from '@/lib/declaration/lifecycle';

const targets = { YELLOW: 240, RED: 2880, GREEN: null, BLUE: null };
const registeredAt = new Date('2026-11-28T06:00:00Z');
const now = new Date('2026-11-28T08:00:00Z');
const expected = (status: DeclarationStatus, channel: string | null, amountDue = '0.00', at = now) =>
  expectedNextStep({ status, channel, registeredAt, amountDue, targets, now: at });

describe('the expected time of the next step', () => {
  it.each([
    ['ASSIGNED', 'YELLOW', 240],
    ['ON_HOLD', 'YELLOW', 240],
    ['ASSIGNED', 'RED', 2880],
    ['ASSESSED', 'YELLOW', 240],
    ['PAID', 'RED', 2880],
  ] as const)(
    "%s on %s: an inspector's decision by registration + the channel's target",
    (status, channel, minutes) => {
      expect(expected(status, channel, '100.00')).toEqual({
        code: 'OFFICER_DECISION',
        channel,
        dueBy: new Date(registeredAt.getTime() + minutes * 60_000),
        targetMinutes: minutes,
        isOverdue: false,
      });
    },
  );

  it('is overdue once the target has passed (the queue counts the same way)', () => {
    expect(expected('ASSIGNED', 'YELLOW', '0.00', new Date('2026-11-28T10:00:00Z'))).toMatchObject({
      isOverdue: false,
    });
    expect(expected('ASSIGNED', 'YELLOW', '0.00', new Date('2026-11-28T10:00:01Z'))).toMatchObject({
      isOverdue: true,
    });
  });

  it('follows the settings: a shorter yellow target moves the time', () => {
    const step = expectedNextStep({
      status: 'ASSIGNED',
      channel: 'YELLOW',
      registeredAt,
      amountDue: '0.00',
      targets: { ...targets, YELLOW: 30 },
      now,
    });
    expect(step).toMatchObject({ dueBy: new Date('2026-11-28T06:30:00Z'), isOverdue: true });
  });

  it.each([
    ['SUBMITTED', null, '0.00', 'AUTOMATIC'],
    ['REGISTERED', null, '0.00', 'AUTOMATIC'],
    ['ASSESSED', 'GREEN', '274505.00', 'RELEASE_AFTER_PAYMENT'],
    ['ASSESSED', 'BLUE', '1.00', 'RELEASE_AFTER_PAYMENT'],
    // Green, nothing due and not released: something else holds it (the next-action panel says what).
    ['PAID', 'GREEN', '0.00', 'NONE'],
    ['DRAFT', null, '0.00', 'NONE'],
    ['AMENDMENT_REQUESTED', 'YELLOW', '0.00', 'NONE'],
    ['RELEASED', 'GREEN', '0.00', 'NONE'],
    ['REFUSED', 'RED', '0.00', 'NONE'],
    ['WITHDRAWN', 'YELLOW', '0.00', 'NONE'],
  ] as const)('%s on %s (due %s): %s', (status, channel, due, code) => {
    expect(expected(status, channel, due).code).toBe(code);
  });

  it('does not promise release on payment while permits are missing (release waits for them too)', () => {
    const green = { status: 'ASSESSED', channel: 'GREEN', registeredAt, amountDue: '274505.00', targets, now } as const;
    expect(expectedNextStep({ ...green, missingPermits: 2 }).code).toBe('NONE');
    expect(expectedNextStep({ ...green, missingPermits: 0 }).code).toBe('RELEASE_AFTER_PAYMENT');
  });

  it('says nothing of an officer when the channel or registration is unknown', () => {
    expect(
      expectedNextStep({ status: 'ASSIGNED', channel: null, registeredAt, amountDue: '0', targets, now }).code,
    ).toBe('NONE');
    expect(
      expectedNextStep({ status: 'ASSIGNED', channel: 'YELLOW', registeredAt: null, amountDue: '0', targets, now })
        .code,
    ).toBe('NONE');
  });

  it.each([
    [240, { days: 0, hours: 4, minutes: 0 }],
    [2880, { days: 2, hours: 0, minutes: 0 }],
    [90, { days: 0, hours: 1, minutes: 30 }],
    [1505, { days: 1, hours: 1, minutes: 5 }],
  ])('a target of %i minutes is %o', (minutes, parts) => {
    expect(targetParts(minutes)).toEqual(parts);
  });
});
