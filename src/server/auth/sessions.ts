// Server-side sessions (`UserSession`): one row per sign-in, its id in the session cookie. Every
// request reads the row with its user in one query, so sign-out, "sign out everywhere", a password
// change, the absolute lifetime, the idle timeout and a deactivated account take effect at once,
// whatever the cookie says. The rules are pure (lib/auth/sessions.ts); `now` is passed in.
import { db } from '../db';
import type { Role } from '@/lib/auth/roles';
import { writeAudit } from '../audit';
import { actorOfUser, type Actor } from '../actor';
import { hashPassword, verifyPassword } from './password';
import { AppError, invalid } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import {
  LAST_SEEN_RESOLUTION_MS,
  ZChangePassword,
  isLastSeenDue,
  sessionExpiresAt,
  sessionPolicyFromEnv,
  sessionVerdict,
  type SessionEndReason,
  type SessionPolicy,
} from '@/lib/auth/sessions';

let policy: SessionPolicy | null = null;

/** The session policy from SESSION_MAX_HOURS, SESSION_IDLE_MINUTES_STAFF, SESSION_IDLE_MINUTES_TRADER (read once). */
export function sessionPolicy(): SessionPolicy {
  policy ??= sessionPolicyFromEnv(process.env);
  return policy;
}

type SessionRow = {
  expiresAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  id: string;
  role: string;
  email: string;
  name: string;
  companyId: string | null;
  postId: string | null;
  authorityId: string | null;
  isActive: boolean;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** At sign-in: a new session for the user, ending at the absolute lifetime. */
export async function startSession(args: {
  userId: string;
  now: Date;
  address?: string | null;
  userAgent?: string | null;
}): Promise<{ id: string; expiresAt: Date }> {
  return db.userSession.create({
    data: {
      userId: args.userId,
      createdAt: args.now,
      expiresAt: sessionExpiresAt(args.now, sessionPolicy()),
      lastSeenAt: args.now,
      address: args.address ? args.address.slice(0, 100) : null,
      userAgent: args.userAgent ? args.userAgent.slice(0, 300) : null,
    },
    select: { id: true, expiresAt: true },
  });
}

/**
 * The actor of a live session, or null (unknown, ended, past its absolute end, idle past the role's
 * limit, or the user deactivated). One query; with `touch` (the default) a request also moves
 * `lastSeenAt` forward, at most once a minute, by a conditional UPDATE.
 */
export async function actorOfSession(
  sessionId: string,
  now: Date,
  options: { touch?: boolean } = {},
): Promise<Actor | null> {
  if (!UUID.test(sessionId)) return null;
  // One round trip (Prisma would read the relation with a second query): this runs on every request.
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s."expiresAt", s."lastSeenAt", s."endedAt", u.id, u.role::text AS role, u.email, u.name, u."companyId", u."postId", u."authorityId", u."isActive"
    FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId}::uuid`;
  const row = rows[0];
  const session = row && {
    expiresAt: row.expiresAt,
    lastSeenAt: row.lastSeenAt,
    endedAt: row.endedAt,
    user: { ...row, role: row.role as Role },
  };
  if (!session || !session.user.isActive) return null;
  if (sessionVerdict(session, session.user.role, now, sessionPolicy()) !== 'LIVE') return null;
  if ((options.touch ?? true) && isLastSeenDue(session.lastSeenAt, now)) {
    // Of concurrent requests only one writes; it never moves backwards nor revives an ended row.
    await db.userSession.updateMany({
      where: { id: sessionId, endedAt: null, lastSeenAt: { lte: new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS) } },
      data: { lastSeenAt: now },
    });
  }
  return actorOfUser(session.user);
}

/** Ends one session (sign-out). Ending an ended or unknown session does nothing. */
export async function endSession(args: { sessionId: string; reason: SessionEndReason; now: Date }): Promise<void> {
  if (!UUID.test(args.sessionId)) return;
  await db.userSession.updateMany({
    where: { id: args.sessionId, endedAt: null },
    data: { endedAt: args.now, endedReason: args.reason },
  });
}

/**
 * Changes the signed-in user's password: the current one must be right (else a field error on it
 * and nothing is written). Every other session of the user ends; the one that made the change
 * stays signed in. Audited in the same transaction.
 */
export async function changePassword(args: {
  actor: Actor;
  sessionId: string | null;
  currentPassword: string;
  newPassword: string;
  now: Date;
}): Promise<{ endedSessions: number }> {
  const { actor, sessionId, now } = args;
  const input = parseOrThrow(ZChangePassword, {
    currentPassword: args.currentPassword,
    newPassword: args.newPassword,
    confirmPassword: args.newPassword,
  });
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: { passwordHash: true, isActive: true },
  });
  if (!user || !user.isActive)
    throw new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in again to continue.');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalid([{ path: 'currentPassword', message: 'Your current password is not right' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    // Only over the hash that was verified: of two concurrent changes, the second must verify again.
    const changed = await tx.user.updateMany({
      where: { id: actor.userId, passwordHash: user.passwordHash },
      data: { passwordHash },
    });
    if (changed.count !== 1)
      throw new AppError(
        'CONFLICT',
        'Your password was changed a moment ago. Enter the new current password and try again.',
      );
    const ended = await tx.userSession.updateMany({
      where: { userId: actor.userId, endedAt: null, ...(sessionId ? { id: { not: sessionId } } : {}) },
      data: { endedAt: now, endedReason: 'PASSWORD_CHANGED' },
    });
    await writeAudit(tx, {
      actor,
      action: 'user.password.change',
      entityType: 'User',
      entityId: actor.userId,
      data: { endedSessions: ended.count },
      at: now,
    });
    return { endedSessions: ended.count };
  });
}

/** Ends every session of the signed-in user, this one included. Audited in the same transaction. */
export async function signOutEverywhere(args: { actor: Actor; now: Date }): Promise<{ endedSessions: number }> {
  const { actor, now } = args;
  return db.$transaction(async (tx) => {
    const ended = await tx.userSession.updateMany({
      where: { userId: actor.userId, endedAt: null },
      data: { endedAt: now, endedReason: 'SIGNED_OUT_EVERYWHERE' },
    });
    await writeAudit(tx, {
      actor,
      action: 'user.sessions.end-all',
      entityType: 'User',
      entityId: actor.userId,
      data: { endedSessions: ended.count },
      at: now,
    });
    return { endedSessions: ended.count };
  });
}
