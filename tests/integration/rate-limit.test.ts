import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { consume, enforce, enforceApiRateLimits, verifyRateLimitResponse } from '@/src/server/rate-limit';
import { errorResponse } from '@/src/server/http';
import { AppError } from '@/lib/errors';
import { RATE_LIMIT_POLICIES } from '@/lib/security/rate-limits';

// rate-limiter-flexible reads Date.now(): only Date is faked, and it only moves forward.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-07T10:00:00Z'));
});
afterAll(() => vi.useRealTimers());

const advance = (seconds: number) => vi.setSystemTime(new Date(Date.now() + seconds * 1000));
const unique = (what: string) => `${what}-${Math.random().toString(36).slice(2)}`;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('rate limits in PostgreSQL', () => {
  it('a burst of parallel requests cannot pass the limit (the count is one atomic upsert)', async () => {
    const key = unique('user');
    const { points } = RATE_LIMIT_POLICIES.apiUser;
    const decisions = await Promise.all(Array.from({ length: points + 100 }, () => consume('apiUser', key)));
    expect(decisions.filter((d) => d.isAllowed)).toHaveLength(points);
    const refused = decisions.filter((d) => !d.isAllowed);
    expect(refused).toHaveLength(100);
    for (const d of refused) expect(d.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('the API limiter answers RATE_LIMITED with the wait after N calls, per user, and again after the window', async () => {
    const userId = unique('user');
    const headers = new Headers({ 'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 200)}` });
    const { points, durationSeconds } = RATE_LIMIT_POLICIES.apiUser;
    for (let i = 0; i < points; i++) await enforceApiRateLimits({ userId, headers });
    const e = await refusal(enforceApiRateLimits({ userId, headers }));
    expect(e.code).toBe('RATE_LIMITED');
    expect(e.retryAfterSeconds).toBeGreaterThan(0);
    expect(e.retryAfterSeconds).toBeLessThanOrEqual(durationSeconds);

    const response = errorResponse(e);
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe(String(e.retryAfterSeconds));
    expect((await response.json()).error.code).toBe('RATE_LIMITED');

    // Another user behind the same address is not refused; the same user is, until the window passes.
    await enforceApiRateLimits({ userId: unique('user'), headers });
    advance(durationSeconds + 1);
    await enforceApiRateLimits({ userId, headers });
  });

  it('status polling has its own, stricter limit per user', async () => {
    const userId = unique('user');
    for (let i = 0; i < RATE_LIMIT_POLICIES.statusPolling.points; i++) await enforce('statusPolling', userId);
    expect((await refusal(enforce('statusPolling', userId))).code).toBe('RATE_LIMITED');
  });

  it('/verify answers 429 with Retry-After per address; a forged X-Forwarded-For left part does not give a new address', async () => {
    const address = `192.0.2.${Math.floor(Math.random() * 200)}`;
    const request = () =>
      new Request('http://localhost/verify', {
        headers: {
          'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}, ${address}`,
        },
      });
    for (let i = 0; i < RATE_LIMIT_POLICIES.verifyAddress.points; i++)
      expect(await verifyRateLimitResponse(request())).toBeNull();
    const refused = await verifyRateLimitResponse(request());
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(
      await verifyRateLimitResponse(
        new Request('http://localhost/verify', { headers: { 'x-forwarded-for': '192.0.2.250' } }),
      ),
    ).toBeNull();
  });
});
