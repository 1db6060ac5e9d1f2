// next-auth (v4, the stable line): credentials sign-in, JWT session carrying the actor.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { isAppError } from '@/lib/errors';
import { ROLES, type Role } from '@/lib/auth/roles';
import { authenticate } from './sign-in';
import { clientAddress } from '../client-address';
import { signInRateLimitedError } from '@/lib/security/rate-limits';
import { now } from '../clock';
import { headers } from 'next/headers';
import { actorOfSession, endSession, sessionPolicy, startSession } from './sessions';

/** The browser and address a session was started from (shown to its owner; not used for decisions). */
async function requestDetails(): Promise<{ address: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    return { address: clientAddress(h), userAgent: h.get('user-agent') };
  } catch {
    return { address: null, userAgent: null }; // outside a request (tests, scripts)
  }
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // The cookie lives as long as the server-side session can (its absolute lifetime); the session row,
  // not the cookie, decides: see sessions.ts.
  session: { strategy: 'jwt', maxAge: sessionPolicy().maxHours * 3600 },
  pages: { signIn: '/sign-in', signOut: '/sign-out', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        try {
          const actor = await authenticate({
            email: credentials?.email,
            password: credentials?.password,
            // Forwarding headers count only through TRUSTED_PROXIES (next-auth gives headers, not the socket).
            address: clientAddress(req?.headers as Record<string, string | string[] | undefined> | undefined),
            now: now(),
          });
          return { ...actor, id: actor.userId };
        } catch (e) {
          // next-auth passes the thrown message to the sign-in page as `error`: the wait travels in it.
          if (isAppError(e) && e.code === 'RATE_LIMITED')
            throw new Error(signInRateLimitedError(e.retryAfterSeconds ?? 60));
          if (isAppError(e)) return null;
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // Signing in: a new server-side session; the cookie carries its id.
        const u = user as unknown as Record<string, unknown>;
        token.userId = u.userId as string;
        token.role = u.role as Role;
        token.companyId = (u.companyId as string | null) ?? null;
        token.postId = (u.postId as string | null) ?? null;
        token.authorityId = (u.authorityId as string | null) ?? null;
        const session = await startSession({ userId: token.userId, now: now(), ...(await requestDetails()) });
        token.sid = session.id;
        return token;
      }
      // Any later read through next-auth (GET /api/auth/session): a session that is no longer live is
      // refused, so next-auth clears the cookie instead of extending it. Reading it does not count as
      // activity. (getActor does not come through here: it decodes the cookie and reads the row once.)
      if (!token.sid || !(await actorOfSession(token.sid, now(), { touch: false }))) throw new Error('SESSION_ENDED');
      return token;
    },
    async session({ session, token }) {
      if (token.userId && ROLES.includes(token.role as Role)) {
        session.actor = {
          userId: token.userId as string,
          role: token.role as Role,
          email: token.email ?? '',
          name: token.name ?? '',
          companyId: (token.companyId as string | null) ?? null,
          postId: (token.postId as string | null) ?? null,
          authorityId: (token.authorityId as string | null) ?? null,
        };
      }
      return session;
    },
  },
  // An ended session read through next-auth is expected (a tab left open after sign-out): one line,
  // not a stack trace. Anything else next-auth reports is logged as it is.
  logger: {
    error(code, metadata) {
      const message =
        metadata instanceof Error ? metadata.message : (metadata as { message?: string } | undefined)?.message;
      if (code === 'JWT_SESSION_ERROR' && message === 'SESSION_ENDED')
        console.info('[next-auth] a cookie of an ended session was refused');
      else console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
  events: {
    // Sign-out ends the session on the server: a copy of the cookie is worthless from now on.
    async signOut({ token }) {
      if (typeof token?.sid === 'string') await endSession({ sessionId: token.sid, reason: 'SIGNED_OUT', now: now() });
    },
  },
};
