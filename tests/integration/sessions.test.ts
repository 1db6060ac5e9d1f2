import { describe, expect, it } from 'vitest';
import type { JWT } from 'next-auth/jwt';
import { authOptions } from '@/src/server/auth/options';
import {
  actorOfSession,
  changePassword,
  endSession,
  signOutEverywhere,
  startSession,
} from '@/src/server/auth/sessions';
import { verifyPassword } from '@/src/server/auth/password';
import { db } from '@/src/server/db';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/auth/roles';
import { aCompany, aPost, aUser, actorOf, TEST_PASSWORD } from '../support/factories';
import { NOW } from '../support/clock';

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const NEW_PASSWORD = 'a much longer new password';

async function aUserOf(role: Role) {
  if (role === 'TRADER') return aUser({ role, companyId: (await aCompany()).id });
  if (role === 'INSPECTOR' || role === 'SUPERVISOR') return aUser({ role, postId: (await aPost()).id });
  return aUser({ role });
}

/** Signs in through next-auth's jwt callback, as the credentials provider does, and returns the token. */
async function signIn(user: Awaited<ReturnType<typeof aUser>>): Promise<JWT> {
  const jwt = authOptions.callbacks!.jwt!;
  return jwt({
    token: { email: user.email, name: user.name },
    user: { ...actorOf(user), id: user.id },
    account: null,
    trigger: 'signIn',
  } as unknown as Parameters<typeof jwt>[0]);
}

const rowOf = (id: string) => db.userSession.findUniqueOrThrow({ where: { id } });
const auditOf = (userId: string, action: string) =>
  db.auditEntry.findMany({ where: { entityType: 'User', entityId: userId, action } });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('server-side sessions', () => {
  it('signing in creates a session whose id the cookie carries; it ends 12 hours later at the latest', async () => {
    const user = await aUserOf('TRADER');
    const before = Date.now();
    const token = await signIn(user);
    expect(typeof token.sid).toBe('string');
    const row = await rowOf(token.sid!);
    expect(row).toMatchObject({ userId: user.id, endedAt: null });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(12 * 3_600_000);
    expect(row.lastSeenAt.getTime()).toBe(row.createdAt.getTime());
    expect(await actorOfSession(token.sid!, new Date())).toMatchObject({
      userId: user.id,
      role: 'TRADER',
      companyId: user.companyId,
    });
  });

  it('sign-out ends the session on the server: its id no longer finds an actor, and next-auth refuses the token', async () => {
    const user = await aUserOf('ADMIN');
    const token = await signIn(user);
    const jwt = authOptions.callbacks!.jwt! as unknown as (p: { token: JWT }) => Promise<JWT>;
    expect((await jwt({ token })).sid).toBe(token.sid);

    await authOptions.events!.signOut!({ token, session: null as never });
    const row = await rowOf(token.sid!);
    expect(row.endedReason).toBe('SIGNED_OUT');
    expect(row.endedAt).not.toBeNull();
    expect(await actorOfSession(token.sid!, new Date())).toBeNull();
    // GET /api/auth/session goes through the jwt callback: an ended session is refused, not extended.
    await expect(jwt({ token })).rejects.toThrow('SESSION_ENDED');
    await expect(jwt({ token: { email: user.email } })).rejects.toThrow('SESSION_ENDED');
  });

  it('an id that is not a session, or not even a uuid, finds nothing', async () => {
    expect(await actorOfSession('00000000-0000-4000-8000-000000000000', NOW)).toBeNull();
    expect(await actorOfSession('not-a-uuid', NOW)).toBeNull();
  });

  it('idles out after 30 minutes for staff and 120 for traders, counted from the last activity', async () => {
    for (const role of ['INSPECTOR', 'SUPERVISOR', 'AGENCY_OFFICER', 'ADMIN'] as const) {
      const { id } = await startSession({ userId: (await aUserOf(role)).id, now: NOW });
      expect(await actorOfSession(id, minutes(30), { touch: false }), role).not.toBeNull();
      expect(await actorOfSession(id, minutes(31)), role).toBeNull();
    }
    const trader = await startSession({ userId: (await aUserOf('TRADER')).id, now: NOW });
    expect(await actorOfSession(trader.id, minutes(31), { touch: false })).not.toBeNull();
    expect(await actorOfSession(trader.id, minutes(121))).toBeNull();

    // Activity keeps it alive: each request seen moves the idle clock.
    const inspector = await startSession({ userId: (await aUserOf('INSPECTOR')).id, now: NOW });
    expect(await actorOfSession(inspector.id, minutes(25))).not.toBeNull();
    expect((await rowOf(inspector.id)).lastSeenAt).toEqual(minutes(25));
    expect(await actorOfSession(inspector.id, minutes(50))).not.toBeNull();
    expect(await actorOfSession(inspector.id, minutes(81))).toBeNull();
  });

  it('writes the last activity at most once a minute, and never backwards', async () => {
    const { id } = await startSession({ userId: (await aUserOf('ADMIN')).id, now: NOW });
    await actorOfSession(id, minutes(0.5));
    expect((await rowOf(id)).lastSeenAt).toEqual(NOW);
    await actorOfSession(id, minutes(2));
    expect((await rowOf(id)).lastSeenAt).toEqual(minutes(2));
    await actorOfSession(id, minutes(1.5));
    expect((await rowOf(id)).lastSeenAt).toEqual(minutes(2));
    // Reading through next-auth's session endpoint is not activity.
    await actorOfSession(id, minutes(10), { touch: false });
    expect((await rowOf(id)).lastSeenAt).toEqual(minutes(2));
  });

  it('ends at the absolute lifetime however active the user is', async () => {
    const { id, expiresAt } = await startSession({ userId: (await aUserOf('TRADER')).id, now: NOW });
    expect(expiresAt).toEqual(minutes(720));
    for (let m = 60; m < 720; m += 60) expect(await actorOfSession(id, minutes(m)), `+${m} min`).not.toBeNull();
    expect(await actorOfSession(id, minutes(719.5))).not.toBeNull();
    expect(await actorOfSession(id, minutes(720))).toBeNull();
  });

  it('a deactivated user is stopped at once', async () => {
    const user = await aUserOf('INSPECTOR');
    const { id } = await startSession({ userId: user.id, now: NOW });
    expect(await actorOfSession(id, minutes(1))).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await actorOfSession(id, minutes(2))).toBeNull();
  });

  it('a role changed meanwhile takes effect at once (the user is re-read, not the token)', async () => {
    const user = await aUserOf('SUPERVISOR');
    const { id } = await startSession({ userId: user.id, now: NOW });
    await db.user.update({ where: { id: user.id }, data: { role: 'INSPECTOR' } });
    expect((await actorOfSession(id, minutes(1)))?.role).toBe('INSPECTOR');
  });
});

describe('changing the password', () => {
  it('ends every other session of the user, keeps this one, stores the new hash and audits it', async () => {
    const user = await aUserOf('TRADER');
    const other = await aUserOf('TRADER');
    const [current, phone, laptop, othersSession] = await Promise.all([
      startSession({ userId: user.id, now: NOW }),
      startSession({ userId: user.id, now: NOW }),
      startSession({ userId: user.id, now: NOW }),
      startSession({ userId: other.id, now: NOW }),
    ]);
    const result = await changePassword({
      actor: actorOf(user),
      sessionId: current.id,
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      now: minutes(5),
    });
    expect(result).toEqual({ endedSessions: 2 });

    expect(await actorOfSession(current.id, minutes(6))).not.toBeNull();
    for (const s of [phone, laptop]) {
      expect(await rowOf(s.id)).toMatchObject({ endedReason: 'PASSWORD_CHANGED', endedAt: minutes(5) });
      expect(await actorOfSession(s.id, minutes(6))).toBeNull();
    }
    expect(await actorOfSession(othersSession.id, minutes(6))).not.toBeNull();

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(stored.passwordHash, TEST_PASSWORD)).toBe(false);
    const audit = await auditOf(user.id, 'user.password.change');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: user.id,
      actorRole: 'TRADER',
      at: minutes(5),
      data: { endedSessions: 2 },
    });
    expect(JSON.stringify(audit[0].data)).not.toContain(NEW_PASSWORD);
  });

  it('a wrong current password is a field error on it, and nothing is written', async () => {
    const user = await aUserOf('ADMIN');
    const [current, other] = await Promise.all([
      startSession({ userId: user.id, now: NOW }),
      startSession({ userId: user.id, now: NOW }),
    ]);
    const e = await failure(
      changePassword({
        actor: actorOf(user),
        sessionId: current.id,
        currentPassword: 'not-my-password',
        newPassword: NEW_PASSWORD,
        now: minutes(5),
      }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors).toEqual([{ path: 'currentPassword', message: 'Your current password is not right' }]);

    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
    expect((await rowOf(other.id)).endedAt).toBeNull();
    expect(await auditOf(user.id, 'user.password.change')).toHaveLength(0);
  });

  it('a new password below the policy is refused before anything is checked or written', async () => {
    const user = await aUserOf('ADMIN');
    const e = await failure(
      changePassword({
        actor: actorOf(user),
        sessionId: null,
        currentPassword: TEST_PASSWORD,
        newPassword: 'short',
        now: NOW,
      }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors.map((f) => f.path)).toEqual(['newPassword']);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });
});

describe('signing out everywhere', () => {
  it('ends every session of the user, this one included, and audits it', async () => {
    const user = await aUserOf('AGENCY_OFFICER');
    const other = await aUserOf('AGENCY_OFFICER');
    const mine = await Promise.all([1, 2, 3].map(() => startSession({ userId: user.id, now: NOW })));
    const theirs = await startSession({ userId: other.id, now: NOW });
    expect(await signOutEverywhere({ actor: actorOf(user), now: minutes(3) })).toEqual({ endedSessions: 3 });
    for (const s of mine) {
      expect(await rowOf(s.id)).toMatchObject({ endedReason: 'SIGNED_OUT_EVERYWHERE', endedAt: minutes(3) });
      expect(await actorOfSession(s.id, minutes(4))).toBeNull();
    }
    expect(await actorOfSession(theirs.id, minutes(4))).not.toBeNull();
    expect(await auditOf(user.id, 'user.sessions.end-all')).toMatchObject([
      { actorId: user.id, at: minutes(3), data: { endedSessions: 3 } },
    ]);
    // An ended session stays ended: signing out again changes nothing.
    await endSession({ sessionId: mine[0].id, reason: 'SIGNED_OUT', now: minutes(5) });
    expect((await rowOf(mine[0].id)).endedReason).toBe('SIGNED_OUT_EVERYWHERE');
  });
});
