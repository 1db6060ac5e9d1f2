import type { Actor } from '../actor';

declare module 'next-auth' {
  interface Session {
    actor?: Actor;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    userId?: string;
    /** The server-side session (`UserSession.id`): the only claim the server trusts. */
    sid?: string;
    role?: string;
    companyId?: string | null;
    postId?: string | null;
    authorityId?: string | null;
  }
}
