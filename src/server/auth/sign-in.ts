// Checking credentials, throttled. The attempt is counted atomically BEFORE the password is
// checked (rate-limiter-flexible in PostgreSQL), so a burst of parallel guesses cannot pass a
// limit; every attempt, refused or checked, is recorded in SignInAttempt (the audit). The
// message never reveals whether the account exists: unknown accounts are counted the same way.
//
// The limits (lib/security/rate-limits.ts):
// - per (account, address): 5 failures in 15 minutes lock that pair only;
// - per address, across accounts: 20 failures in 15 minutes;
// - per account, from any address: never a lock. After 10 failures each further checked attempt
//   waits 1, 2, 4 … seconds (at most 60) after the previous one, so a stranger can only slow the
//   owner down. An address the account signed in from successfully in the last 30 days skips
//   this delay (its own pair limit still holds), so the owner's usual place is not even slowed.
import { db } from '../db';
import { AppError, rateLimited } from '@/lib/errors';
import { ZSignIn } from '@/lib/auth/roles';
import { accountDelaySeconds } from '@/lib/security/rate-limits';
import { consume, reset, reward } from '../rate-limit';
import { verifyPassword, DUMMY_HASH } from './password';
import { actorOfUser, type Actor } from '../actor';

const KNOWN_ADDRESS_DAYS = 30;

export const SIGN_IN_RATE_LIMITED_MESSAGE = 'Too many sign-in attempts. Wait and try again.';

type Admission = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

/** Has this account signed in successfully from this address lately? Then the account delay does not apply. */
async function isKnownAddress(email: string, address: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000);
  return (
    (await db.signInAttempt.findFirst({
      where: { email, address, isSuccess: true, at: { gte: since } },
      select: { id: true },
    })) !== null
  );
}

/**
 * Count the attempt under each limit, in order; an attempt refused at a later limit gives back
 * the points it took at the earlier ones (it was never checked, so it is nobody's failure).
 */
async function admit(email: string, address: string, now: Date): Promise<Admission> {
  const pairKey = `${email}|${address}`;
  const pair = await consume('signInAccountAddress', pairKey);
  if (!pair.isAllowed) return { isAllowed: false, retryAfterSeconds: pair.retryAfterSeconds };

  const byAddress = await consume('signInAddress', address);
  if (!byAddress.isAllowed) {
    await reward('signInAccountAddress', pairKey);
    return { isAllowed: false, retryAfterSeconds: byAddress.retryAfterSeconds };
  }

  const byAccount = await consume('signInAccount', email);
  const delaySeconds = accountDelaySeconds(byAccount.consumed - 1);
  if (delaySeconds > 0 && !(await isKnownAddress(email, address, now))) {
    // One checked attempt per delay on this account: the first to take the gate goes on, the
    // others are refused until it opens again.
    const gate = await consume('signInAccountDelay', email, { durationSeconds: delaySeconds });
    if (!gate.isAllowed) {
      await Promise.all([
        reward('signInAccountAddress', pairKey),
        reward('signInAddress', address),
        reward('signInAccount', email),
      ]);
      return { isAllowed: false, retryAfterSeconds: gate.retryAfterSeconds };
    }
  }
  return { isAllowed: true };
}

export async function authenticate(input: {
  email: unknown;
  password: unknown;
  address: string;
  now: Date;
}): Promise<Actor> {
  const parsed = ZSignIn.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) throw new AppError('UNAUTHENTICATED', 'INVALID_CREDENTIALS');
  const { email, password } = parsed.data;
  const address = input.address.slice(0, 100);
  const record = (isSuccess: boolean) =>
    db.signInAttempt.create({ data: { email, address, isSuccess, at: input.now } });

  const admission = await admit(email, address, input.now);
  if (!admission.isAllowed) {
    await record(false);
    throw rateLimited(admission.retryAfterSeconds, SIGN_IN_RATE_LIMITED_MESSAGE);
  }

  const user = await db.user.findUnique({ where: { email } });
  const isValid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  const isSuccess = Boolean(user && user.isActive && isValid);
  await record(isSuccess);
  if (!user || !isSuccess) throw new AppError('UNAUTHENTICATED', 'INVALID_CREDENTIALS');

  // A success is no failure: the pair starts afresh, the address and account counts give the point back.
  await Promise.all([
    reset('signInAccountAddress', `${email}|${address}`),
    reward('signInAddress', address),
    reward('signInAccount', email),
  ]);
  return actorOfUser(user);
}
