import { describe, expect, it } from 'vitest';
import { authenticate } from '@/src/server/auth/sign-in';
import { db } from '@/src/server/db';
import { AppError } from '@/lib/errors';
import { SIGN_IN_POLICY } from '@/lib/auth/roles';
import { aUser, aCompany, TEST_PASSWORD } from '../support/factories';

const NOW = new Date('2026-11-28T09:30:00Z');

async function failure(promise: Promise<unknown>) {
  const e = await promise.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('sign-in', () => {
  it('accepts the right password and returns the actor with its scope', async () => {
    const company = await aCompany();
    const user = await aUser({ role: 'TRADER', companyId: company.id });
    const actor = await authenticate({ email: user.email.toUpperCase(), password: TEST_PASSWORD, address: '10.0.0.1', now: NOW });
    expect(actor).toMatchObject({ userId: user.id, role: 'TRADER', companyId: company.id });
    expect(user.passwordHash.startsWith('$argon2id$')).toBe(true);
  });

  it('answers a wrong password and an unknown account with the same message', async () => {
    const user = await aUser({ role: 'ADMIN' });
    const wrong = await failure(authenticate({ email: user.email, password: 'nope', address: '10.0.0.2', now: NOW }));
    const unknown = await failure(authenticate({ email: 'nobody@nowhere.uz', password: 'nope', address: '10.0.0.2', now: NOW }));
    expect(wrong.code).toBe('UNAUTHENTICATED');
    expect(unknown.code).toBe(wrong.code);
    expect(unknown.message).toBe(wrong.message);
  });

  it('refuses an inactive account', async () => {
    const user = await aUser({ role: 'ADMIN', isActive: false });
    expect((await failure(authenticate({ email: user.email, password: TEST_PASSWORD, address: '10.0.0.3', now: NOW }))).code).toBe('UNAUTHENTICATED');
  });

  it('locks an account after repeated failures, even for the right password, until the window passes', async () => {
    const user = await aUser({ role: 'ADMIN' });
    for (let i = 0; i < SIGN_IN_POLICY.maxFailuresPerAccount; i++) {
      expect((await failure(authenticate({ email: user.email, password: 'wrong', address: `10.1.0.${i}`, now: NOW }))).code).toBe('UNAUTHENTICATED');
    }
    expect((await failure(authenticate({ email: user.email, password: TEST_PASSWORD, address: '10.1.1.1', now: NOW }))).code).toBe('RATE_LIMITED');
    const later = new Date(NOW.getTime() + (SIGN_IN_POLICY.windowMinutes + 1) * 60_000);
    expect((await authenticate({ email: user.email, password: TEST_PASSWORD, address: '10.1.1.1', now: later })).userId).toBe(user.id);
  });

  it('limits one address trying many accounts', async () => {
    const address = `10.2.${Math.floor(Math.random() * 250)}.9`;
    for (let i = 0; i < SIGN_IN_POLICY.maxFailuresPerAddress; i++) {
      await failure(authenticate({ email: `guess-${i}-${address}@nowhere.uz`, password: 'x', address, now: NOW }));
    }
    const user = await aUser({ role: 'ADMIN' });
    expect((await failure(authenticate({ email: user.email, password: TEST_PASSWORD, address, now: NOW }))).code).toBe('RATE_LIMITED');
    expect(await db.signInAttempt.count({ where: { address } })).toBe(SIGN_IN_POLICY.maxFailuresPerAddress + 1);
  });
});
