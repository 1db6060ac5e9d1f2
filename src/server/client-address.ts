// The client's address, for rate limits and the sign-in audit. Forwarding headers are believed
// only as far as they were written by a configured proxy (TRUSTED_PROXIES: comma-separated IPs
// or CIDRs; default none).
//
// What Next gives us: route handlers, the proxy and next-auth's authorize() see headers only,
// never the socket. `next start` sets `x-forwarded-for` to the socket's peer ONLY WHEN THE
// REQUEST HAS NONE (base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`);
// a header sent by the client is kept as it is. Hence the rule: walk X-Forwarded-For from the
// right, skip trusted proxies, and take the first address that is not one. Without trusted
// proxies that is the last entry: the socket's peer when the client sent no header (every
// browser), and otherwise whatever the client wrote — Next leaves no way to tell the two apart,
// so a deployment on the internet must run behind a proxy that appends the peer (nginx
// `proxy_add_x_forwarded_for`), list it in TRUSTED_PROXIES, and let nothing else reach the app's
// port. The limits that matter for guessing a password (per account) do not depend on addresses.
// See docs/decisions.md.
import { BlockList, isIP } from 'node:net';

export type HeaderSource = Headers | Record<string, string | string[] | undefined> | null | undefined;

export const UNKNOWN_ADDRESS = 'unknown';

function headerValues(headers: HeaderSource, name: string): string[] {
  if (!headers) return [];
  if (typeof (headers as Headers).get === 'function') {
    const value = (headers as Headers).get(name);
    return value === null ? [] : [value];
  }
  const record = headers as Record<string, string | string[] | undefined>;
  const value =
    record[name] ??
    record[name.toLowerCase()] ??
    Object.entries(record).find(([key]) => key.toLowerCase() === name)?.[1];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * A bare IP address from a header entry or a socket address, or null: brackets and ports are
 * removed (`[::1]:443`, `1.2.3.4:5678`), IPv4-mapped IPv6 (`::ffff:1.2.3.4`) becomes IPv4.
 */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  if (!value || value.length > 100) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/%[\w.-]+$/, ''); // an IPv6 zone id
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1];
  return isIP(value) ? value.toLowerCase() : null;
}

export type TrustedProxies = { list: BlockList; isEmpty: boolean };

/** Parses TRUSTED_PROXIES ("10.0.0.1, 10.1.0.0/16, ::1"); a wrong entry is a start-up error, not a silent hole. */
export function parseTrustedProxies(value: string | null | undefined): TrustedProxies {
  const list = new BlockList();
  let count = 0;
  for (const entry of (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || rest.length || (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR (e.g. 10.0.0.1 or 10.0.0.0/8).`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
    count++;
  }
  return { list, isEmpty: count === 0 };
}

function isTrusted(proxies: TrustedProxies, address: string): boolean {
  if (proxies.isEmpty) return false;
  return proxies.list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address from the request headers, and the socket's peer when the caller has it
 * (a test, a custom server). Pure: the trusted proxies are passed in.
 */
export function clientAddressFrom(input: {
  headers: HeaderSource;
  peerAddress?: string | null;
  trustedProxies: TrustedProxies;
}): string {
  const { headers, trustedProxies } = input;
  const peer = normaliseAddress(input.peerAddress);
  // A known peer that is not a trusted proxy is the client; whatever it wrote in headers is ignored.
  if (peer && !isTrusted(trustedProxies, peer)) return peer;

  const forwarded = headerValues(headers, 'x-forwarded-for').flatMap((v) => v.split(','));
  const chain = peer ? [...forwarded, peer] : forwarded;
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = normaliseAddress(chain[i]);
    // Garbage where a trusted proxy should have written the address it saw: we cannot know the client.
    if (!address) return UNKNOWN_ADDRESS;
    if (!isTrusted(trustedProxies, address)) return address;
  }
  // Every hop is a trusted proxy (or nothing was forwarded): the proxy's X-Real-IP, else the first hop.
  if (!trustedProxies.isEmpty) {
    const real = normaliseAddress(headerValues(headers, 'x-real-ip')[0]);
    if (real) return real;
  }
  return normaliseAddress(chain[0]) ?? UNKNOWN_ADDRESS;
}

/**
 * For the portal's own HTTP server (src/cli/serve.ts), before Next sees the request: the forwarding
 * headers as the server can vouch for them. From a trusted proxy, X-Forwarded-For keeps the chain it
 * wrote and gets the proxy's own address appended; from anyone else it becomes the peer's address
 * alone, and X-Real-IP / X-Forwarded-Host / X-Forwarded-Proto are dropped. In place; pure otherwise.
 */
export function rewriteForwardingHeaders(
  headers: Record<string, string | string[] | undefined>,
  peerAddress: string | null | undefined,
  proxies: TrustedProxies,
): void {
  const peer = normaliseAddress(peerAddress);
  if (peer && isTrusted(proxies, peer)) {
    const given = headers['x-forwarded-for'];
    const chain = (Array.isArray(given) ? given.join(',') : (given ?? '')).trim();
    headers['x-forwarded-for'] = chain ? `${chain}, ${peer}` : peer;
    return;
  }
  delete headers['x-real-ip'];
  delete headers['x-forwarded-host'];
  delete headers['x-forwarded-proto'];
  if (peer) headers['x-forwarded-for'] = peer;
  else delete headers['x-forwarded-for'];
}

let cached: { value: string | undefined; proxies: TrustedProxies } | null = null;

/** TRUSTED_PROXIES from the environment, parsed once per value. */
export function trustedProxies(): TrustedProxies {
  const value = process.env.TRUSTED_PROXIES;
  if (!cached || cached.value !== value) cached = { value, proxies: parseTrustedProxies(value) };
  return cached.proxies;
}

/** The client's address of a request in this process (route handler, proxy, next-auth). */
export function clientAddress(headers: HeaderSource, peerAddress?: string | null): string {
  return clientAddressFrom({ headers, peerAddress, trustedProxies: trustedProxies() });
}

/**
 * The host the browser asked for: `X-Forwarded-Host` only when TRUSTED_PROXIES is configured
 * (the portal then runs behind them), else `Host`. Next itself fills X-Forwarded-Host from Host
 * when it is absent, so without a proxy a client-written X-Forwarded-Host is ignored here.
 */
export function requestHost(headers: HeaderSource): string | null {
  if (!trustedProxies().isEmpty) {
    const forwarded = headerValues(headers, 'x-forwarded-host')[0]?.split(',')[0]?.trim();
    if (forwarded) return forwarded.toLowerCase();
  }
  return headerValues(headers, 'host')[0]?.trim().toLowerCase() || null;
}
