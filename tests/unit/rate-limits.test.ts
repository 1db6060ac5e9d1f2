import { describe, expect, it } from 'vitest';
import { AppError, httpStatus, rateLimited } from '@/lib/errors';
import {
  RATE_LIMIT_POLICIES,
  SIGN_IN_DELAY,
  accountDelaySeconds,
  parseSignInError,
  retryAfterSecondsOf,
  signInRateLimitedError,
  waitInUnits,
} from '@/lib/security/rate-limits';

describe('rate-limit policies', () => {
  it.each([
    ['signInAccountAddress', 5, 15 * 60],
    ['signInAddress', 20, 15 * 60],
    ['apiUser', 300, 60],
    ['apiAddress', 1200, 60],
    ['statusPolling', 60, 60],
    ['verifyAddress', 60, 60],
  ] as const)('%s allows %i per %i s', (name, points, durationSeconds) => {
    expect(RATE_LIMIT_POLICIES[name]).toEqual({ points, durationSeconds });
  });

  it('status polling is stricter than the API, yet fits a page polling every 3 s in three tabs', () => {
    const polling = RATE_LIMIT_POLICIES.statusPolling;
    expect(polling.points / polling.durationSeconds).toBeLessThan(
      RATE_LIMIT_POLICIES.apiUser.points / RATE_LIMIT_POLICIES.apiUser.durationSeconds,
    );
    expect(polling.points).toBeGreaterThanOrEqual(3 * (polling.durationSeconds / 3));
  });

  it('the account counter never refuses by itself (no hard lock per account)', () => {
    expect(RATE_LIMIT_POLICIES.signInAccount.points).toBeGreaterThan(100_000);
    expect(RATE_LIMIT_POLICIES.signInAccountDelay.points).toBe(1);
  });

  it('every policy fits the RateLimit table (integer points, whole seconds)', () => {
    for (const policy of Object.values(RATE_LIMIT_POLICIES)) {
      expect(Number.isInteger(policy.points) && policy.points > 0 && policy.points < 2 ** 31).toBe(true);
      expect(Number.isInteger(policy.durationSeconds) && policy.durationSeconds > 0).toBe(true);
    }
  });
});

describe('the growing sign-in delay per account', () => {
  it.each([
    [0, 0],
    [9, 0],
    [10, 1],
    [11, 2],
    [12, 4],
    [13, 8],
    [14, 16],
    [15, 32],
    [16, 60],
    [17, 60],
    [1000, 60],
    [Number.POSITIVE_INFINITY, 0],
    [Number.NaN, 0],
    [-3, 0],
  ])('after %d failures waits %d s', (failures, seconds) => {
    expect(accountDelaySeconds(failures)).toBe(seconds);
  });

  it('is bounded by the cap, so the owner is at most slowed', () => {
    for (let n = 0; n < 200; n++) expect(accountDelaySeconds(n)).toBeLessThanOrEqual(SIGN_IN_DELAY.maxDelaySeconds);
  });
});

describe('waits', () => {
  it.each([
    [0, 1],
    [-5, 1],
    [1, 1],
    [999, 1],
    [1000, 1],
    [1001, 2],
    [59_500, 60],
    [Number.NaN, 1],
  ])('%d ms before the next → Retry-After %d', (ms, seconds) => {
    expect(retryAfterSecondsOf(ms)).toBe(seconds);
  });

  it.each([
    [1, 'seconds', 1],
    [45, 'seconds', 45],
    [59.2, 'minutes', 1],
    [60, 'minutes', 1],
    [61, 'minutes', 2],
    [900, 'minutes', 15],
  ] as const)('%d s reads as %i %s', (seconds, unit, count) => {
    expect(waitInUnits(seconds)).toEqual({ unit, count });
  });

  it('the sign-in refusal carries its wait through next-auth and back', () => {
    expect(signInRateLimitedError(12.2)).toBe('RATE_LIMITED:13');
    expect(parseSignInError(signInRateLimitedError(900))).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 900 });
    expect(parseSignInError('RATE_LIMITED')).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: null });
    expect(parseSignInError('CredentialsSignin')).toEqual({ code: 'INVALID_CREDENTIALS' });
    expect(parseSignInError('RATE_LIMITED:abc')).toEqual({ code: 'INVALID_CREDENTIALS' });
    expect(parseSignInError(undefined)).toBeNull();
  });

  it('a RATE_LIMITED AppError carries whole seconds and maps to 429', () => {
    const e = rateLimited(2.1);
    expect(e).toBeInstanceOf(AppError);
    expect(e.retryAfterSeconds).toBe(3);
    expect(httpStatus(e.code)).toBe(429);
    expect(rateLimited(0).retryAfterSeconds).toBe(1);
  });
});
