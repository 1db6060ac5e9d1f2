import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SESSION_POLICY,
  PASSWORD_MIN_LENGTH,
  ZChangePassword,
  idleMinutesOf,
  isLastSeenDue,
  sessionExpiresAt,
  sessionPolicyFromEnv,
  sessionVerdict,
  type SessionPolicy,
} from '@/lib/auth/sessions';
import type { Role } from '@/lib/auth/roles';
import { fieldErrorsOf } from '@/lib/validation';

const POLICY: SessionPolicy = { maxHours: 12, idleMinutesStaff: 30, idleMinutesTrader: 120 };
const START = new Date('2026-11-28T06:00:00Z');
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const session = (lastSeenMinutes: number, endedMinutes: number | null = null) => ({
  expiresAt: sessionExpiresAt(START, POLICY),
  lastSeenAt: at(lastSeenMinutes),
  endedAt: endedMinutes === null ? null : at(endedMinutes),
});

describe('session validity', () => {
  it('ends 12 hours after sign-in by default', () => {
    expect(DEFAULT_SESSION_POLICY).toEqual(POLICY);
    expect(sessionExpiresAt(START, POLICY).toISOString()).toBe('2026-11-28T18:00:00.000Z');
  });

  it.each([
    // role, last seen (min after sign-in), ended (min), now (min), verdict
    ['TRADER', 0, null, 0, 'LIVE'],
    ['TRADER', 0, null, 120, 'LIVE'],
    ['TRADER', 0, null, 121, 'IDLE'],
    ['INSPECTOR', 0, null, 30, 'LIVE'],
    ['INSPECTOR', 0, null, 31, 'IDLE'],
    ['SUPERVISOR', 100, null, 131, 'IDLE'],
    ['AGENCY_OFFICER', 100, null, 129, 'LIVE'],
    ['ADMIN', 0, null, 30.5, 'IDLE'],
    ['ADMIN', 700, null, 719, 'LIVE'],
    // Activity never extends a session past its absolute end.
    ['TRADER', 719, null, 720, 'EXPIRED'],
    ['INSPECTOR', 719, null, 721, 'EXPIRED'],
    // An ended session is ended, however recent its activity.
    ['TRADER', 10, 10, 11, 'ENDED'],
    ['ADMIN', 0, 5, 5, 'ENDED'],
    ['ADMIN', 0, 5, 800, 'ENDED'],
  ] as const)('%s last seen at +%i min, ended %s, at +%s min → %s', (role, lastSeen, ended, nowMinutes, verdict) => {
    expect(sessionVerdict(session(lastSeen, ended), role, at(nowMinutes), POLICY)).toBe(verdict);
  });

  it.each([
    ['TRADER', 120],
    ['INSPECTOR', 30],
    ['SUPERVISOR', 30],
    ['AGENCY_OFFICER', 30],
    ['ADMIN', 30],
  ] as const)('%s idles out after %i minutes', (role: Role, minutes) => {
    expect(idleMinutesOf(role, POLICY)).toBe(minutes);
  });

  it('writes the last activity at most once a minute', () => {
    expect(isLastSeenDue(at(0), at(0.99))).toBe(false);
    expect(isLastSeenDue(at(0), at(1))).toBe(true);
    expect(isLastSeenDue(at(5), at(4))).toBe(false);
  });
});

describe('session policy from the environment', () => {
  it('takes the defaults when unset or empty', () => {
    expect(sessionPolicyFromEnv({})).toEqual(DEFAULT_SESSION_POLICY);
    expect(sessionPolicyFromEnv({ SESSION_MAX_HOURS: ' ' })).toEqual(DEFAULT_SESSION_POLICY);
  });

  it('reads each variable', () => {
    expect(
      sessionPolicyFromEnv({
        SESSION_MAX_HOURS: '8',
        SESSION_IDLE_MINUTES_STAFF: '15',
        SESSION_IDLE_MINUTES_TRADER: '60',
      }),
    ).toEqual({ maxHours: 8, idleMinutesStaff: 15, idleMinutesTrader: 60 });
  });

  it.each([
    ['SESSION_MAX_HOURS', '0'],
    ['SESSION_MAX_HOURS', '12h'],
    ['SESSION_MAX_HOURS', '169'],
    ['SESSION_IDLE_MINUTES_STAFF', '-5'],
    ['SESSION_IDLE_MINUTES_TRADER', '1.5'],
    ['SESSION_IDLE_MINUTES_TRADER', '1441'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => sessionPolicyFromEnv({ [name]: value })).toThrow(name);
  });
});

describe('change-password form', () => {
  const ok = {
    currentPassword: 'Demo#2026',
    newPassword: 'correct horse battery',
    confirmPassword: 'correct horse battery',
  };
  const errorsOf = (input: unknown) => {
    const r = ZChangePassword.safeParse(input);
    return r.success ? [] : fieldErrorsOf(r.error).map((e) => `${e.path}: ${e.message}`);
  };

  it('accepts a long new password typed twice', () => {
    expect(errorsOf(ok)).toEqual([]);
  });

  it.each([
    [
      {},
      [
        'currentPassword: Enter your current password',
        'newPassword: Enter a new password',
        'confirmPassword: Enter the new password again',
      ],
    ],
    [{ ...ok, currentPassword: '' }, ['currentPassword: Enter your current password']],
    [
      { ...ok, newPassword: 'short', confirmPassword: 'short' },
      [`newPassword: The new password must be at least ${PASSWORD_MIN_LENGTH} characters long`],
    ],
    [
      { ...ok, newPassword: ' '.repeat(20), confirmPassword: ' '.repeat(20) },
      ['newPassword: The new password cannot be only spaces'],
    ],
    [
      { ...ok, newPassword: 'x'.repeat(201), confirmPassword: 'x'.repeat(201) },
      ['newPassword: The new password can be at most 200 characters long'],
    ],
    [{ ...ok, confirmPassword: 'correct horse battery!' }, ['confirmPassword: The two new passwords do not match']],
    [
      { currentPassword: ok.newPassword, newPassword: ok.newPassword, confirmPassword: ok.newPassword },
      ['newPassword: The new password must be different from the current one'],
    ],
  ])('names every problem: %j', (input, errors) => {
    expect(errorsOf(input)).toEqual(errors);
  });
});
