// Checking credentials, with throttling per account and per client address. Every attempt is
// recorded; the message never reveals whether the account exists.
import { db } from '../db';
import { AppError } from '@/lib/errors';
import { SIGN_IN_POLICY, signInBlockedBy, ZSignIn } from '@/lib/auth/roles';
import { verifyPassword, DUMMY_HASH } from './password';
import { actorOfUser, type Actor } from '../actor';


export async function authenticate(input: { email: unknown; password: unknown; address: string; now: Date }): Promise<Actor> {
  const parsed = ZSignIn.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) throw new AppError('UNAUTHENTICATED', 'INVALID_CREDENTIALS');
  const { email, password } = parsed.data;
  const address = input.address.slice(0, 100);
  const since = new Date(input.now.getTime() - SIGN_IN_POLICY.windowMinutes * 60_000);

  const [failuresForAccount, failuresForAddress] = await Promise.all([
    db.signInAttempt.count({ where: { email, isSuccess: false, at: { gte: since } } }),
    db.signInAttempt.count({ where: { address, isSuccess: false, at: { gte: since } } }),
  ]);
  if (signInBlockedBy(failuresForAccount, failuresForAddress)) {
    await db.signInAttempt.create({ data: { email, address, isSuccess: false, at: input.now } });
    throw new AppError('RATE_LIMITED', 'RATE_LIMITED');
  }

  const user = await db.user.findUnique({ where: { email } });
  const isValid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  const isSuccess = Boolean(user && user.isActive && isValid);
  await db.signInAttempt.create({ data: { email, address, isSuccess, at: input.now } });
  if (!user || !isSuccess) throw new AppError('UNAUTHENTICATED', 'INVALID_CREDENTIALS');

  return actorOfUser(user);
}
