// Session → actor, for pages, server actions and route handlers. The cookie carries only the id of
// a server-side session (`UserSession`); the session row and its user are read in one query on
// every request, so a signed-out, expired, idle or deactivated session stops at once.
import { cache } from 'react';
import { cookies } from 'next/headers';
import { getToken } from 'next-auth/jwt';
import { redirect, forbidden } from 'next/navigation';
import { authOptions } from './options';
import { actorOfSession } from './sessions';
import { now } from '../clock';
import type { Actor } from '../actor';
import type { Role } from '@/lib/auth/roles';

/** The session behind each actor this server resolved (for use cases that need it: a password change keeps it). */
const sessionIds = new WeakMap<Actor, string>();

export function sessionIdOf(actor: Actor): string | null {
  return sessionIds.get(actor) ?? null;
}

/** The session id in the request's session cookie, decoded as next-auth wrote it (same name, secret and chunks). */
async function sessionIdOfRequest(): Promise<string | null> {
  const secureCookie = authOptions.useSecureCookies ?? process.env.NEXTAUTH_URL?.startsWith('https://') ?? false;
  const jar = Object.fromEntries((await cookies()).getAll().map((c) => [c.name, c.value]));
  const token = await getToken({
    // Cookies only: the session is never taken from an Authorization header.
    req: { cookies: jar, headers: {} } as unknown as Parameters<typeof getToken>[0]['req'],
    secret: authOptions.secret,
    secureCookie,
    cookieName: authOptions.cookies?.sessionToken?.name,
    decode: authOptions.jwt?.decode,
  });
  return typeof token?.sid === 'string' ? token.sid : null;
}

/**
 * The signed-in actor, or null. Read once per request (React `cache`: the layout and the page share
 * it); next-auth's callbacks are not involved, so this costs one query (plus, at most once a minute,
 * the update of the session's last activity).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const sessionId = await sessionIdOfRequest();
  if (!sessionId) return null;
  const actor = await actorOfSession(sessionId, now());
  if (actor) sessionIds.set(actor, sessionId);
  return actor;
});

/** For pages: anonymous → sign-in; signed in with another role → the 403 page. */
export async function requirePageActor(roles: readonly Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  if (!roles.includes(actor.role)) forbidden();
  return actor;
}
