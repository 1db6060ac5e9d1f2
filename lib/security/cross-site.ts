// Cross-site request forgery, refused by the request's own headers (pure, so the rule is tested as a
// table). A browser attaches the session cookie to a form posted from any same-site page — another
// port of this host, a sibling subdomain — so a cookie-authenticated write must prove it came from
// the portal's own pages or a script on them:
// - `Sec-Fetch-Site` (sent by every current browser) must be `same-origin` or `none` (typed or
//   bookmarked); `same-site` is refused too, since a sibling subdomain is not the portal;
// - `Origin`, when present (browsers send it on every POST), must be one of the portal's origins;
// - the body must be JSON: an HTML form can send only urlencoded, multipart or text/plain, so a write
//   with any other content type (or a body with none) is a 415 — a script on another origin that
//   could send JSON is already stopped by CORS preflight and the Origin check.
// Requests without these headers (curl, server-to-server) pass the origin checks: they carry no
// victim's cookie unless the caller has it already.

export type RequestFacts = {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  contentType: string | null;
  /** Whether the request has a body (Content-Length > 0 or a Transfer-Encoding). */
  hasBody: boolean;
  /** The Host header (what the browser addressed: an attacker's page cannot change it). */
  host: string | null;
};

export type CrossSiteProblem = { code: 'FORBIDDEN' | 'UNSUPPORTED_MEDIA_TYPE'; message: string };

/** The portal's configured public origins (NEXTAUTH_URL, PUBLIC_BASE_URL), from the environment given. */
export function portalOrigins(env: Record<string, string | undefined>): string[] {
  return [env.NEXTAUTH_URL, env.PUBLIC_BASE_URL].filter((o): o is string => Boolean(o?.trim()));
}

/** Whether the portal is served over https (its public URL says so). */
export function isServedOverHttps(origins: readonly string[]): boolean {
  return origins.some((u) => u.trim().toLowerCase().startsWith('https://'));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ALLOWED_FETCH_SITES = new Set(['same-origin', 'none']);

/** The host[:port] of an origin string, or null when it is not a URL (e.g. the literal "null"). */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Null when the write may proceed as far as its origin goes; otherwise why it is refused (403).
 * `portalOrigins` are the public origins the portal is configured with (NEXTAUTH_URL,
 * PUBLIC_BASE_URL): behind a reverse proxy the Host header may be the internal one, so those count
 * as well as the Host itself. The proxy applies this to every write (server actions included, which
 * Next itself would refuse with a 500); route handlers apply it again with the JSON rule.
 */
export function foreignOriginProblem(
  facts: Omit<RequestFacts, 'contentType' | 'hasBody'>,
  portalOrigins: readonly string[],
): CrossSiteProblem | null {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return null;
  const fetchSite = facts.secFetchSite?.trim().toLowerCase();
  if (fetchSite && !ALLOWED_FETCH_SITES.has(fetchSite)) {
    return {
      code: 'FORBIDDEN',
      message: 'This request came from another site and was refused. Use the portal’s own pages.',
    };
  }
  if (facts.origin !== null) {
    const originHost = hostOf(facts.origin);
    const allowed = new Set(
      [...portalOrigins.map(hostOf), facts.host?.trim().toLowerCase() ?? null].filter((h): h is string => Boolean(h)),
    );
    if (!originHost || !allowed.has(originHost)) {
      return {
        code: 'FORBIDDEN',
        message: 'This request came from another site and was refused. Use the portal’s own pages.',
      };
    }
  }
  return null;
}

/** For the cookie-authenticated JSON API: the origin rule, then the body must be JSON (415). */
export function crossSiteProblem(facts: RequestFacts, portalOrigins: readonly string[]): CrossSiteProblem | null {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return null;
  const foreign = foreignOriginProblem(facts, portalOrigins);
  if (foreign) return foreign;
  const mediaType = facts.contentType?.split(';')[0].trim().toLowerCase() ?? null;
  if (mediaType ? mediaType !== 'application/json' : facts.hasBody) {
    return {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Send the request body as JSON (Content-Type: application/json).',
    };
  }
  return null;
}
