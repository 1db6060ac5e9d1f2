// Next 16's proxy (the renamed middleware), on every request but static assets:
// 1. a path with a malformed `%` escape is a 400 here, before any route tries to decode it;
// 2. /verify is rate-limited per client address (429, src/server/rate-limit.ts);
// 3. a body declared over the upload limit is a 413;
// 4. a write from another site (Origin / Sec-Fetch-Site) is a 403 (lib/security/cross-site.ts), and a
//    forged server-action payload a 400 (lib/security/action-payload.ts);
// 5. security headers, with a fresh CSP nonce per request (lib/security/headers.ts) — the nonce
//    also travels on the request (`x-nonce` and the CSP header) so that Next puts it on its scripts;
// 6. anonymous users are sent to the sign-in page (APIs answer 401 JSON instead).
// It is not a security boundary: every page, action and route handler authorizes again.
import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { contentSecurityPolicy, isWellFormedPath, securityHeaders } from '@/lib/security/headers';
import { foreignOriginProblem, isServedOverHttps, portalOrigins } from '@/lib/security/cross-site';
import { isDeclaredBodyTooLarge, UPLOAD_TOO_LARGE } from '@/lib/request-limits';
import { verifyRateLimitResponse } from '@/src/server/rate-limit';
import { actionPayloadProblem } from '@/lib/security/action-payload';

/** Reachable without signing in: sign-in, next-auth, health, verification, keys, the bank's side of payments. */
const PUBLIC_PREFIXES = [
  '/sign-in',
  '/api/auth',
  '/api/health',
  '/verify',
  '/.well-known',
  '/api/payments/gateway',
  '/gateway',
];
const UPLOADED_FILE_PREFIXES = ['/files/', '/api/permits/files/'];

const startsWithAny = (path: string, prefixes: readonly string[]) =>
  prefixes.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));

function withHeaders(response: NextResponse, csp: string, https: boolean): NextResponse {
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(securityHeaders({ isHttps: https }))) response.headers.set(name, value);
  return response;
}

/** What is wrong with a server action call's encoded arguments, or null (lib/security/action-payload.ts). */
async function forgedActionProblem(request: NextRequest): Promise<string | null> {
  const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
  try {
    if (type === 'multipart/form-data') {
      // React's own parts are named by number ("0" the arguments, others outlined values); a form's
      // fields ("1_amount") and files are plain values.
      const parts = [...(await request.clone().formData()).entries()].filter(([name]) => /^\d+$/.test(name));
      if (!parts.some(([name]) => name === '0')) return 'the arguments are missing';
      for (const [name, value] of parts) {
        const problem =
          typeof value === 'string'
            ? actionPayloadProblem(value, { isMultipart: true, isOutlinedPart: name !== '0' })
            : 'an argument is a file';
        if (problem) return problem;
      }
      return null;
    }
    return actionPayloadProblem(await request.clone().text(), { isMultipart: false });
  } catch {
    return 'the body cannot be read';
  }
}

export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const origins = portalOrigins(process.env);
  const https = isServedOverHttps(origins);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy({
    nonce,
    isHttps: https,
    isDevelopment: process.env.NODE_ENV === 'development',
    isUploadedFile: startsWithAny(path, UPLOADED_FILE_PREFIXES),
  });

  // The portal uses no next/image: its optimizer endpoint is not offered (it answered 500 to any URL).
  if (path === '/_next/image')
    return withHeaders(
      NextResponse.json({ error: { code: 'NOT_FOUND', message: 'Not found.', fieldErrors: [] } }, { status: 404 }),
      csp,
      https,
    );

  if (!isWellFormedPath(path)) {
    return withHeaders(
      NextResponse.json(
        {
          error: { code: 'BAD_REQUEST', message: 'The address is not valid (a malformed % escape).', fieldErrors: [] },
        },
        { status: 400 },
      ),
      csp,
      https,
    );
  }

  // The public verification page is limited per client address (429 with Retry-After).
  if (startsWithAny(path, ['/verify'])) {
    const limited = await verifyRateLimitResponse(request);
    if (limited) return withHeaders(limited, csp, https);
  }

  // A body declared larger than any form may send: 413 naming the file, before Next reads it (a server
  // action over its own limit would be a 500 in Next).
  if (isDeclaredBodyTooLarge(request.headers.get('content-length'))) {
    return withHeaders(
      NextResponse.json(
        {
          error: {
            code: 'PAYLOAD_TOO_LARGE',
            message: 'The request is too large.',
            fieldErrors: [{ path: 'file', message: UPLOAD_TOO_LARGE }],
          },
        },
        { status: 413 },
      ),
      csp,
      https,
    );
  }

  // A write from another site (a form on another port or subdomain carrying the victim's cookie) is a
  // 403 here — for server actions too, which Next itself would answer with a 500.
  const foreign = foreignOriginProblem(
    {
      method: request.method,
      origin: request.headers.get('origin'),
      secFetchSite: request.headers.get('sec-fetch-site'),
      host: request.headers.get('host'),
    },
    origins,
  );
  if (foreign)
    return withHeaders(
      NextResponse.json({ error: { code: foreign.code, message: foreign.message, fieldErrors: [] } }, { status: 403 }),
      csp,
      https,
    );

  // A server action whose arguments React's decoder would throw on (a forged call): 400, not a 500.
  if (request.method === 'POST' && request.headers.has('next-action')) {
    const problem = await forgedActionProblem(request);
    if (problem)
      return withHeaders(
        NextResponse.json(
          { error: { code: 'BAD_REQUEST', message: `The request is not valid: ${problem}.`, fieldErrors: [] } },
          { status: 400 },
        ),
        csp,
        https,
      );
  }

  if (
    !startsWithAny(path, PUBLIC_PREFIXES) &&
    !(await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET }))
  ) {
    if (path.startsWith('/api/')) {
      return withHeaders(
        NextResponse.json(
          { error: { code: 'UNAUTHENTICATED', message: 'Sign in to continue.', fieldErrors: [] } },
          { status: 401 },
        ),
        csp,
        https,
      );
    }
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('callbackUrl', `${path}${request.nextUrl.search}`);
    return withHeaders(NextResponse.redirect(signIn), csp, https);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, https);
}

// Static assets and the files of public/ (served as they are, with the request-independent headers
// of next.config.ts) skip the proxy.
export const config = {
  matcher: ['/((?!_next/static|favicon\\.ico$|robots\\.txt$|manifest\\.webmanifest$|icon-\\d+\\.png$).*)'],
};
