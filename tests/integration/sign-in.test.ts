import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { authenticate } from '@/src/server/auth/sign-in';
import { verifyPassword } from '@/src/server/auth/password';
import { db } from '@/src/server/db';
import { AppError } from '@/lib/errors';
import { RATE_LIMIT_POLICIES, SIGN_IN_DELAY } from '@/lib/security/rate-limits';
import { aUser, aCompany, TEST_PASSWORD } from '../support/factories';

// Every password check is counted: "checked" means verifyPassword ran, whatever was recorded.
vi.mock('@/src/server/auth/password', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/src/server/auth/password')>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const NOW = new Date('2026-11-28T09:30:00Z');
const PAIR = RATE_LIMIT_POLICIES.signInAccountAddress;
const BY_ADDRESS = RATE_LIMIT_POLICIES.signInAddress;

// The limits are counted by rate-limiter-flexible, which reads Date.now(): only Date is faked
// (timers and I/O stay real), and time moves forward through the file, never back.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterAll(() => vi.useRealTimers());
beforeEach(() => vi.mocked(verifyPassword).mockClear());

function advance(seconds: number): Date {
  vi.setSystemTime(new Date(Date.now() + seconds * 1000));
  return new Date();
}

let nextAddress = 1;
/** A fresh address per use, so that tests never share address counters. */
const anAddress = () => `198.18.${Math.floor(nextAddress / 250)}.${nextAddress++ % 250}`;

async function failure(promise: Promise<unknown>) {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
const checks = () => vi.mocked(verifyPassword).mock.calls.length;

describe('sign-in', () => {
  it('accepts the right password and returns the actor with its scope', async () => {
    const company = await aCompany();
    const user = await aUser({ role: 'TRADER', companyId: company.id });
    const actor = await authenticate({
      email: user.email.toUpperCase(),
      password: TEST_PASSWORD,
      address: '10.0.0.1',
      now: new Date(),
    });
    expect(actor).toMatchObject({ userId: user.id, role: 'TRADER', companyId: company.id });
    expect(user.passwordHash.startsWith('$argon2id$')).toBe(true);
  });

  it('answers a wrong password and an unknown account with the same message', async () => {
    const user = await aUser({ role: 'ADMIN' });
    const wrong = await failure(
      authenticate({ email: user.email, password: 'nope', address: '10.0.0.2', now: new Date() }),
    );
    const unknown = await failure(
      authenticate({ email: 'nobody@nowhere.uz', password: 'nope', address: '10.0.0.2', now: new Date() }),
    );
    expect(wrong.code).toBe('UNAUTHENTICATED');
    expect(unknown.code).toBe(wrong.code);
    expect(unknown.message).toBe(wrong.message);
  });

  it('refuses an inactive account', async () => {
    const user = await aUser({ role: 'ADMIN', isActive: false });
    expect(
      (
        await failure(
          authenticate({ email: user.email, password: TEST_PASSWORD, address: '10.0.0.3', now: new Date() }),
        )
      ).code,
    ).toBe('UNAUTHENTICATED');
  });
});

describe('sign-in throttling', () => {
  it('checks at most 5 of 50 parallel wrong guesses for one account from one address; the rest are refused with the wait', async () => {
    const user = await aUser({ role: 'ADMIN' });
    const address = anAddress();
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        failure(authenticate({ email: user.email, password: 'wrong', address, now: new Date() })),
      ),
    );
    expect(checks()).toBe(PAIR.points);
    expect(results.filter((e) => e.code === 'UNAUTHENTICATED')).toHaveLength(PAIR.points);
    const refused = results.filter((e) => e.code === 'RATE_LIMITED');
    expect(refused).toHaveLength(50 - PAIR.points);
    for (const e of refused) expect(e.retryAfterSeconds).toBeGreaterThan(0);
    for (const e of refused) expect(e.retryAfterSeconds).toBeLessThanOrEqual(PAIR.durationSeconds);
    // Every attempt is in the audit, refused or checked.
    expect(await db.signInAttempt.count({ where: { email: user.email, address } })).toBe(50);
  });

  it('checks at most 10 + 1 of 50 parallel guesses for one account from 50 addresses (the growing delay)', async () => {
    const user = await aUser({ role: 'ADMIN' });
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        failure(authenticate({ email: user.email, password: 'wrong', address: anAddress(), now: new Date() })),
      ),
    );
    expect(checks()).toBeLessThanOrEqual(SIGN_IN_DELAY.freeFailures + 1);
    expect(results.filter((e) => e.code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(
      50 - SIGN_IN_DELAY.freeFailures - 1,
    );
  });

  it('locks the (account, address) pair after 5 failures, even for the right password, until its window passes; other addresses are not locked', async () => {
    const user = await aUser({ role: 'ADMIN' });
    const address = anAddress();
    for (let i = 0; i < PAIR.points; i++) {
      expect(
        (await failure(authenticate({ email: user.email, password: 'wrong', address, now: new Date() }))).code,
      ).toBe('UNAUTHENTICATED');
    }
    const locked = await failure(
      authenticate({ email: user.email, password: TEST_PASSWORD, address, now: new Date() }),
    );
    expect(locked.code).toBe('RATE_LIMITED');
    expect(locked.retryAfterSeconds).toBe(PAIR.durationSeconds);
    expect(
      (await authenticate({ email: user.email, password: TEST_PASSWORD, address: anAddress(), now: new Date() }))
        .userId,
    ).toBe(user.id);
    const later = advance(PAIR.durationSeconds + 1);
    expect((await authenticate({ email: user.email, password: TEST_PASSWORD, address, now: later })).userId).toBe(
      user.id,
    );
  });

  it('a success clears the pair: the owner who mistypes now and then is never locked', async () => {
    const user = await aUser({ role: 'ADMIN' });
    const address = anAddress();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < PAIR.points - 1; i++)
        await failure(authenticate({ email: user.email, password: 'typo', address, now: new Date() }));
      expect(
        (await authenticate({ email: user.email, password: TEST_PASSWORD, address, now: new Date() })).userId,
      ).toBe(user.id);
    }
  });

  it('limits one address trying many accounts', async () => {
    const address = anAddress();
    for (let i = 0; i < BY_ADDRESS.points; i++) {
      expect(
        (
          await failure(
            authenticate({ email: `guess-${i}-${address}@nowhere.uz`, password: 'x', address, now: new Date() }),
          )
        ).code,
      ).toBe('UNAUTHENTICATED');
    }
    const user = await aUser({ role: 'ADMIN' });
    const before = checks();
    expect(
      (await failure(authenticate({ email: user.email, password: TEST_PASSWORD, address, now: new Date() }))).code,
    ).toBe('RATE_LIMITED');
    expect(checks()).toBe(before);
    expect(await db.signInAttempt.count({ where: { address } })).toBe(BY_ADDRESS.points + 1);
    // The same person elsewhere is not affected.
    expect(
      (await authenticate({ email: user.email, password: TEST_PASSWORD, address: anAddress(), now: new Date() }))
        .userId,
    ).toBe(user.id);
  });

  it('a stranger failing from many addresses never locks the owner out: at most a bounded wait from a new address, none from a known one', async () => {
    const owner = await aUser({ role: 'TRADER', companyId: (await aCompany()).id });
    const home = anAddress();
    expect(
      (await authenticate({ email: owner.email, password: TEST_PASSWORD, address: home, now: new Date() })).userId,
    ).toBe(owner.id);

    // The stranger keeps guessing, from a new address each time, as fast as the delay allows, until it is at its cap.
    let failures = 0;
    for (let guess = 0; failures < SIGN_IN_DELAY.freeFailures + 7 && guess < 100; guess++) {
      const e = await failure(
        authenticate({ email: owner.email, password: `guess-${guess}`, address: anAddress(), now: new Date() }),
      );
      if (e.code === 'UNAUTHENTICATED') failures++;
      else {
        expect(e.code).toBe('RATE_LIMITED');
        expect(e.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_DELAY.maxDelaySeconds);
        advance(e.retryAfterSeconds!);
      }
    }
    expect(failures).toBe(SIGN_IN_DELAY.freeFailures + 7); // the delay is at its cap (2^6 s > 60 s)

    // Right after a stranger's checked guess: the owner at home goes straight in.
    await failure(authenticate({ email: owner.email, password: 'again', address: anAddress(), now: new Date() }));
    expect(
      (await authenticate({ email: owner.email, password: TEST_PASSWORD, address: home, now: new Date() })).userId,
    ).toBe(owner.id);

    // From a new place, the owner waits at most the cap, then goes in.
    await failure(authenticate({ email: owner.email, password: 'again', address: anAddress(), now: new Date() }));
    const travelling = anAddress();
    const wait = await failure(
      authenticate({ email: owner.email, password: TEST_PASSWORD, address: travelling, now: new Date() }),
    );
    expect(wait.code).toBe('RATE_LIMITED');
    expect(wait.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_DELAY.maxDelaySeconds);
    const later = advance(wait.retryAfterSeconds!);
    expect(
      (await authenticate({ email: owner.email, password: TEST_PASSWORD, address: travelling, now: later })).userId,
    ).toBe(owner.id);
    // Waiting did not cost the owner any of their own pair's attempts.
    expect(await db.signInAttempt.count({ where: { email: owner.email, address: travelling } })).toBe(2);
  });
});
