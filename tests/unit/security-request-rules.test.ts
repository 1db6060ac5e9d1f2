import { describe, expect, it } from 'vitest';
import { crossSiteProblem, type RequestFacts } from '@/lib/security/cross-site';
import { contentSecurityPolicy, isWellFormedPath, securityHeaders, UPLOADED_FILE_CSP } from '@/lib/security/headers';

const PORTAL = ['http://localhost:3000'];
const write = (facts: Partial<RequestFacts>): RequestFacts => ({
  method: 'POST',
  origin: 'http://localhost:3000',
  secFetchSite: 'same-origin',
  contentType: 'application/json',
  hasBody: true,
  host: 'localhost:3000',
  ...facts,
});

describe('cross-site writes', () => {
  it.each([
    ['a JSON write from the portal itself', write({}), null],
    ['a JSON write with a charset', write({ contentType: 'application/json; charset=utf-8' }), null],
    ['a body-less POST (submit) from the portal', write({ contentType: null, hasBody: false }), null],
    ['a script without browser headers (curl)', write({ origin: null, secFetchSite: null }), null],
    [
      'reads are never refused',
      write({ method: 'GET', origin: 'https://evil.example', secFetchSite: 'cross-site', contentType: 'text/plain' }),
      null,
    ],
    [
      'the Host header counts when the configured URL differs (127.0.0.1)',
      write({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }),
      null,
    ],
    [
      'a text/plain form from the same site (another port)',
      write({ origin: 'http://localhost:8080', secFetchSite: 'same-site', contentType: 'text/plain' }),
      'FORBIDDEN',
    ],
    [
      'a sibling subdomain',
      write({ origin: 'https://shop.customs.example', secFetchSite: 'same-site', host: 'portal.customs.example' }),
      'FORBIDDEN',
    ],
    [
      'a foreign Origin without Sec-Fetch-Site',
      write({ origin: 'http://localhost:8080', secFetchSite: null }),
      'FORBIDDEN',
    ],
    ['the literal Origin "null" (sandboxed frame)', write({ origin: 'null', secFetchSite: null }), 'FORBIDDEN'],
    ['a cross-site fetch', write({ origin: 'https://evil.example', secFetchSite: 'cross-site' }), 'FORBIDDEN'],
    [
      'text/plain from the portal itself is still not JSON',
      write({ contentType: 'text/plain;charset=UTF-8' }),
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['an urlencoded form', write({ contentType: 'application/x-www-form-urlencoded' }), 'UNSUPPORTED_MEDIA_TYPE'],
    ['multipart', write({ contentType: 'multipart/form-data; boundary=x' }), 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body with no content type', write({ contentType: null, hasBody: true }), 'UNSUPPORTED_MEDIA_TYPE'],
  ])('%s', (_name, facts, expected) => {
    expect(crossSiteProblem(facts, PORTAL)?.code ?? null).toBe(expected);
  });
});

describe('security headers', () => {
  it('the CSP allows scripts only with the nonce, no inline scripts, no framing', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc123', isHttps: false, isDevelopment: false, isUploadedFile: false });
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).toContain("'nonce-abc123'");
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
  it('over https: upgrade-insecure-requests and HSTS; over http neither', () => {
    expect(contentSecurityPolicy({ nonce: 'n', isHttps: true, isDevelopment: false, isUploadedFile: false })).toContain(
      'upgrade-insecure-requests',
    );
    expect(securityHeaders({ isHttps: true })['Strict-Transport-Security']).toMatch(/max-age=\d{8}/);
    expect(securityHeaders({ isHttps: false })['Strict-Transport-Security']).toBeUndefined();
  });
  it('uploaded files are sandboxed', () => {
    expect(contentSecurityPolicy({ nonce: 'n', isHttps: true, isDevelopment: false, isUploadedFile: true })).toBe(
      UPLOADED_FILE_CSP,
    );
    expect(UPLOADED_FILE_CSP).toMatch(/^sandbox/);
  });
  it('every response gets nosniff, a referrer policy, a permissions policy and DENY framing', () => {
    expect(securityHeaders({ isHttps: false })).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'same-origin',
    });
    expect(securityHeaders({ isHttps: false })['Permissions-Policy']).toContain('camera=()');
  });
  it.each([
    ['/verify/CSW-2026-1', true],
    ['/trader/account/receipts/R%2F1', true],
    ['/verify/%E0%A4%A', false],
    ['/trader/account/receipts/%', false],
    ['/x/%zz', false],
  ])('path %s well-formed: %s', (path, ok) => {
    expect(isWellFormedPath(path)).toBe(ok);
  });
});
