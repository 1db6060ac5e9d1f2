// Next 16's proxy (the renamed middleware). It only sends anonymous users to the sign-in page;
// it is not a security boundary — every page, action and route handler authorizes again.
import { withAuth } from 'next-auth/middleware';

export default withAuth({ pages: { signIn: '/sign-in' } });

export const config = {
  // Everything except the public parts: sign-in, next-auth, verification, gateway callbacks, assets.
  matcher: ['/((?!sign-in|api/auth|api/health|verify|\\.well-known|api/payments/gateway|gateway|_next/static|_next/image|favicon\\.ico|robots\\.txt).*)'],
};
