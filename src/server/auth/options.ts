// next-auth (v4, the stable line): credentials sign-in, JWT session carrying the actor.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { isAppError } from '@/lib/errors';
import { ROLES, type Role } from '@/lib/auth/roles';
import { authenticate } from './sign-in';
import { now } from '../clock';

function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const real = headers?.['x-real-ip'];
  return first || (Array.isArray(real) ? real[0] : real) || 'unknown';
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 8 * 3600 },
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
            address: clientAddress(req?.headers as Record<string, string> | undefined),
            now: now(),
          });
          return { ...actor, id: actor.userId };
        } catch (e) {
          // next-auth passes the thrown message to the sign-in page as `error`.
          if (isAppError(e) && e.code === 'RATE_LIMITED') throw new Error('RATE_LIMITED');
          if (isAppError(e)) return null;
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as Record<string, unknown>;
        token.userId = u.userId as string;
        token.role = u.role as Role;
        token.companyId = (u.companyId as string | null) ?? null;
        token.postId = (u.postId as string | null) ?? null;
        token.authorityId = (u.authorityId as string | null) ?? null;
      }
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
};
