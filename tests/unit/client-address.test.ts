import { describe, expect, it } from 'vitest';
import {
  clientAddressFrom,
  normaliseAddress,
  parseTrustedProxies,
  rewriteForwardingHeaders,
  UNKNOWN_ADDRESS,
} from '@/src/server/client-address';

const NONE = parseTrustedProxies('');
const PROXY = parseTrustedProxies('10.0.0.5, 10.1.0.0/16, fd00::/8');

describe('client address', () => {
  it.each([
    // [what, trusted, headers, peer, expected]
    [
      'no proxy: Next wrote the socket peer into X-Forwarded-For',
      NONE,
      { 'x-forwarded-for': '203.0.113.7' },
      null,
      '203.0.113.7',
    ],
    [
      'no proxy: the socket peer wins over anything in headers',
      NONE,
      { 'x-forwarded-for': '1.1.1.1', 'x-real-ip': '2.2.2.2' },
      '203.0.113.7',
      '203.0.113.7',
    ],
    [
      'no proxy: a client-written first entry is never taken',
      NONE,
      { 'x-forwarded-for': '1.1.1.1, 203.0.113.7' },
      null,
      '203.0.113.7',
    ],
    [
      'no proxy: X-Real-IP is ignored',
      NONE,
      { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '2.2.2.2' },
      null,
      '203.0.113.7',
    ],
    ['no proxy: a trusted-looking address is not special', NONE, { 'x-forwarded-for': '10.0.0.5' }, null, '10.0.0.5'],
    [
      'through the proxy: the address it appended',
      PROXY,
      { 'x-forwarded-for': '198.51.100.4' },
      '10.0.0.5',
      '198.51.100.4',
    ],
    [
      'through the proxy: a spoofed left part is skipped',
      PROXY,
      { 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 198.51.100.4' },
      '10.0.0.5',
      '198.51.100.4',
    ],
    [
      'through two proxies (subnet and exact)',
      PROXY,
      { 'x-forwarded-for': '6.6.6.6, 198.51.100.4, 10.1.2.3' },
      '10.0.0.5',
      '198.51.100.4',
    ],
    [
      'untrusted peer: its forwarding headers are ignored',
      PROXY,
      { 'x-forwarded-for': '10.0.0.5, 1.1.1.1', 'x-real-ip': '1.1.1.1' },
      '203.0.113.9',
      '203.0.113.9',
    ],
    [
      'behind the proxy, socket unknown (Next): the first untrusted from the right',
      PROXY,
      { 'x-forwarded-for': '1.1.1.1, 198.51.100.4' },
      null,
      '198.51.100.4',
    ],
    [
      "all hops trusted: the proxy's X-Real-IP",
      PROXY,
      { 'x-forwarded-for': '10.0.0.5', 'x-real-ip': '198.51.100.4' },
      null,
      '198.51.100.4',
    ],
    [
      'all hops trusted, no X-Real-IP: the first hop',
      PROXY,
      { 'x-forwarded-for': '10.1.0.9, 10.0.0.5' },
      null,
      '10.1.0.9',
    ],
    [
      'IPv6 and IPv4-mapped addresses',
      PROXY,
      { 'x-forwarded-for': '2001:db8::1, ::ffff:10.0.0.5' },
      'fd00::2',
      '2001:db8::1',
    ],
    [
      'ports and brackets are removed',
      PROXY,
      { 'x-forwarded-for': '[2001:db8::2]:443, 198.51.100.4:5555' },
      null,
      '198.51.100.4',
    ],
    [
      'garbage where the proxy should have written: unknown',
      PROXY,
      { 'x-forwarded-for': '198.51.100.4, not-an-ip' },
      '10.0.0.5',
      UNKNOWN_ADDRESS,
    ],
    [
      'garbage left of the client is ignored',
      PROXY,
      { 'x-forwarded-for': "'; drop table, 198.51.100.4" },
      '10.0.0.5',
      '198.51.100.4',
    ],
    ['nothing at all', NONE, {}, null, UNKNOWN_ADDRESS],
  ] as const)('%s', (_what, trustedProxies, headers, peer, expected) => {
    expect(clientAddressFrom({ headers: { ...headers }, peerAddress: peer, trustedProxies })).toBe(expected);
  });

  it('reads a Fetch Headers object and repeated headers alike', () => {
    expect(
      clientAddressFrom({ headers: new Headers({ 'X-Forwarded-For': '1.1.1.1, 198.51.100.4' }), trustedProxies: NONE }),
    ).toBe('198.51.100.4');
    expect(
      clientAddressFrom({
        headers: { 'x-forwarded-for': ['1.1.1.1', '198.51.100.4, 10.0.0.5'] },
        trustedProxies: PROXY,
      }),
    ).toBe('198.51.100.4');
  });

  it.each([
    ['1.2.3.4', '1.2.3.4'],
    [' ::FFFF:1.2.3.4 ', '1.2.3.4'],
    ['[::1]:3000', '::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['1.2.3.4:80', '1.2.3.4'],
    ['999.1.1.1', null],
    ['unknown', null],
    ['', null],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });

  it.each(['10.0.0.300', '10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/2', '::1/129'])(
    'refuses TRUSTED_PROXIES entry %j at start-up',
    (entry) => {
      expect(() => parseTrustedProxies(entry)).toThrow(/TRUSTED_PROXIES/);
    },
  );
});

describe('the portal server rewrites forwarding headers from the socket', () => {
  const none = parseTrustedProxies('');
  const proxy = parseTrustedProxies('10.0.0.5');
  it('from a direct client, a spoofed X-Forwarded-For is replaced by the peer and the address is the peer', () => {
    const headers: Record<string, string | string[] | undefined> = {
      'x-forwarded-for': '1.2.3.4',
      'x-real-ip': '5.6.7.8',
      'x-forwarded-host': 'evil.example',
    };
    rewriteForwardingHeaders(headers, '::ffff:203.0.113.9', none);
    expect(headers).toEqual({ 'x-forwarded-for': '203.0.113.9' });
    expect(clientAddressFrom({ headers, trustedProxies: none })).toBe('203.0.113.9');
  });
  it('through a trusted proxy, the chain is kept, the proxy appended, and the client is the one the proxy saw', () => {
    const headers: Record<string, string | string[] | undefined> = {
      'x-forwarded-for': '6.6.6.6, 198.51.100.7',
      'x-forwarded-host': 'portal.example',
    };
    rewriteForwardingHeaders(headers, '10.0.0.5', proxy);
    expect(headers['x-forwarded-for']).toBe('6.6.6.6, 198.51.100.7, 10.0.0.5');
    expect(headers['x-forwarded-host']).toBe('portal.example');
    expect(clientAddressFrom({ headers, trustedProxies: proxy })).toBe('198.51.100.7');
  });
  it('a peer that is not the trusted proxy cannot pretend to be behind it', () => {
    const headers: Record<string, string | string[] | undefined> = { 'x-forwarded-for': '10.0.0.5' };
    rewriteForwardingHeaders(headers, '198.51.100.8', proxy);
    expect(clientAddressFrom({ headers, trustedProxies: proxy })).toBe('198.51.100.8');
  });
});
