// The security headers of every response (pure: the proxy supplies the nonce and the facts).
// - A Content-Security-Policy with a fresh nonce per request: scripts run only with that nonce
//   (Next puts it on its own scripts), `'strict-dynamic'` lets them load the app's chunks; no
//   `'unsafe-inline'` scripts. Styles allow inline attributes (charts set `style=`), nothing else
//   from outside. No framing at all (`frame-ancestors 'none'`), forms post only to the portal.
// - Downloads of uploaded files get `sandbox` instead: an opaque origin with no script.
// - HSTS only when the portal is served over https (a plain-http demo must not pin browsers).

export type HeaderFacts = {
  nonce: string;
  /** The portal's public URL is https (NEXTAUTH_URL / PUBLIC_BASE_URL). */
  isHttps: boolean;
  /** `next dev` needs eval for its fast refresh. */
  isDevelopment: boolean;
  /** The response is an uploaded file (served as an attachment). */
  isUploadedFile: boolean;
};

export const UPLOADED_FILE_CSP = "sandbox; default-src 'none'";

export function contentSecurityPolicy(facts: HeaderFacts): string {
  if (facts.isUploadedFile) return UPLOADED_FILE_CSP;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${facts.nonce}' 'strict-dynamic'${facts.isDevelopment ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(facts.isHttps ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Every header but the CSP, for every response (assets included). */
export function securityHeaders(facts: Pick<HeaderFacts, 'isHttps'>): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(facts.isHttps ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Whether a raw request path can be decoded: a malformed `%` escape is a bad request, not a 500. */
export function isWellFormedPath(rawPath: string): boolean {
  try {
    decodeURIComponent(rawPath);
    return true;
  } catch {
    return false;
  }
}
