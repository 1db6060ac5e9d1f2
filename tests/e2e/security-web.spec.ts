import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, type Page } from '@playwright/test';
import { aTraderOfANewCompany, exportDeclarationBody, newSignedInPage, withDatabase } from './helpers';

// What an attacker tried from the outside: security headers, cross-site writes with the victim's
// cookie, and the test bank minting money. Each test uses its own company so counts are exact.

const countDeclarations = (email: string) =>
  withDatabase(async (db) =>
    Number(
      (
        await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM "Declaration" d JOIN "User" u ON u."companyId" = d."companyId" WHERE u.email = $1`,
          [email],
        )
      ).rows[0].n,
    ),
  );
const balanceOf = (email: string) =>
  withDatabase(
    async (db) =>
      (
        await db.query<{ b: string | null }>(
          `SELECT a.balance::text AS b FROM "Account" a JOIN "User" u ON u."companyId" = a."companyId" WHERE u.email = $1`,
          [email],
        )
      ).rows[0]?.b ?? '0.00',
  );

/** A page of another origin on the same site (localhost, another port), as an attacker would host it. */
async function attackerSite(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('every kind of response carries the security headers, with a fresh nonce per page', async ({ page, request }) => {
  const first = await request.get('/sign-in');
  const second = await request.get('/sign-in');
  const csp = first.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(second.headers()['content-security-policy']).not.toBe(csp);
  for (const response of [
    first,
    await request.get('/api/health'),
    await request.get('/verify'),
    await request.get('/api/payments/account'),
    await request.get('/no-such-page'),
  ]) {
    const h = response.headers();
    expect(h['content-security-policy'], response.url()).toBeTruthy();
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['referrer-policy']).toBe('same-origin');
    expect(h['permissions-policy']).toContain('camera=()');
    // The test server is plain http: no HSTS that would pin a browser to https.
    expect(h['strict-transport-security']).toBeUndefined();
  }
  // The page still works under its CSP: scripts carry the nonce and the form hydrates (its button starts disabled).
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  expect(violations).toEqual([]);
});

test('a malformed % escape in a path is a 400, also on the public /verify; no image optimizer', async ({ request }) => {
  expect((await request.get('/_next/image?url=/x&w=64&q=75')).status()).toBe(404);
  for (const path of ['/verify/%E0%A4%A', '/trader/account/receipts/%', '/api/declarations/%zz/status']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
  }
});

test('a body declared over the upload limit is a 413 naming the file, never a 500', async ({ browser }) => {
  const page = await newSignedInPage(browser, await aTraderOfANewCompany('big'), '/trader');
  const response = await page.request.post('/trader/account', {
    data: Buffer.alloc(13 * 1024 * 1024, 'a'),
    headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Next-Action': '0'.repeat(42) },
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.fieldErrors[0].path).toBe('file');
});

test('a forged server-action payload is a 400, never a 500', async ({ browser }) => {
  const page = await newSignedInPage(browser, await aTraderOfANewCompany('forged'), '/trader');
  for (const data of ['', '[', 'null', '["$Q1"]', '["$n1e309"]', '['.repeat(5000) + ']'.repeat(5000)]) {
    const response = await page.request.post('/trader/account', {
      data,
      headers: { 'Next-Action': '0'.repeat(42), 'Content-Type': 'text/plain;charset=UTF-8' },
    });
    expect(response.status(), data.slice(0, 20)).toBe(400);
  }
});

test('anonymous API calls get 401 JSON, not a redirect to the sign-in page', async ({ request }) => {
  const response = await request.get('/api/officer/declarations/00000000-0000-4000-8000-000000000000/status', {
    maxRedirects: 0,
  });
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
});

test('a text/plain form on another port of the same site cannot write with the victim’s cookie', async ({
  browser,
  baseURL,
}) => {
  const email = await aTraderOfANewCompany('csrf');
  const victim = await newSignedInPage(browser, email, '/trader');
  const before = await countDeclarations(email);
  // The attack that worked: a form whose text/plain body is valid JSON, posted by the browser with the cookie.
  const body = JSON.stringify(exportDeclarationBody('23001', 'CSRF'));
  const [name, value] = [body.slice(0, -1) + ',"x":"', '"}'];
  const site = await attackerSite(
    `<!doctype html><form method="post" enctype="text/plain" action="${baseURL}/api/declarations"><input type="hidden" name='${name.replace(/'/g, '&#39;')}' value='${value}'><button>Win a prize</button></form>`,
  );
  try {
    await victim.goto(site.url);
    const [response] = await Promise.all([
      victim.waitForResponse(`${baseURL}/api/declarations`),
      victim.getByRole('button', { name: 'Win a prize' }).click(),
    ]);
    expect([403, 415]).toContain(response.status());
    expect(await countDeclarations(email)).toBe(before);
  } finally {
    await site.close();
  }

  // The same request as a script on the page would send it, but from a foreign origin: refused (403).
  const foreign = await victim.request.post('/api/declarations', {
    data: exportDeclarationBody('23001', 'CSRF'),
    headers: { Origin: 'http://localhost:1', 'Sec-Fetch-Site': 'same-site' },
  });
  expect(foreign.status()).toBe(403);
  // text/plain from the portal's own origin is still not JSON: 415.
  const plain = await victim.request.post('/api/declarations', {
    data: body,
    headers: { 'Content-Type': 'text/plain' },
  });
  expect(plain.status()).toBe(415);
  expect(await countDeclarations(email)).toBe(before);
  // A server action posted from another site: a 403 from the proxy (Next itself would answer 500).
  const action = await victim.request.post('/trader/account', {
    data: '[]',
    headers: {
      'Next-Action': '0'.repeat(42),
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: 'http://localhost:1',
      'Sec-Fetch-Site': 'same-site',
    },
  });
  expect(action.status()).toBe(403);
  // The portal's own JSON request still works.
  const own = await victim.request.post('/api/declarations', { data: exportDeclarationBody('23001', 'Own') });
  expect(own.status()).toBe(201);
  expect(await countDeclarations(email)).toBe(before + 1);
});

test('the payment idempotency key is read only from the Idempotency-Key header', async ({ browser }) => {
  const page = await newSignedInPage(browser, await aTraderOfANewCompany('idem'), '/trader');
  const created = await page.request.post('/api/declarations', { data: exportDeclarationBody('23001', 'Idempotency') });
  const { id } = await created.json();
  const response = await page.request.post(`/api/payments/declarations/${id}`, {
    data: { amount: '1.00', idempotencyKey: 'body-key-0123456789abcdef' },
  });
  expect(response.status()).toBe(422);
  const error = (await response.json()).error;
  expect(error.fieldErrors.map((f: { path: string }) => f.path)).toContain('Idempotency-Key');
});

async function startTopUp(page: Page, amount: string): Promise<string> {
  await page.goto('/trader/account');
  await page.getByLabel('Amount to top up (UZS)').fill(amount);
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Test bank: card payment' })).toBeVisible();
  return page.url();
}

test('the test bank shows its banner and pays only the signed-in owner’s top-up', async ({ browser }) => {
  const ownerEmail = await aTraderOfANewCompany('bank-owner');
  const owner = await newSignedInPage(browser, ownerEmail, '/trader');
  await expect(owner.getByRole('complementary', { name: 'Test payments' })).toBeVisible();
  const checkout = await startTopUp(owner, '100000');

  // Anonymous: sent to sign in, nothing to press.
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(checkout);
  await expect(anonymous).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect(anonymous.getByRole('complementary', { name: 'Test payments' })).toBeVisible();

  // Another company's trader: not found.
  const stranger = await newSignedInPage(browser, await aTraderOfANewCompany('bank-stranger'), '/trader');
  const foreign = await stranger.goto(checkout);
  expect(foreign?.status()).toBe(404);

  // The owner's page, but the session has ended meanwhile (signed out in another tab): the action refuses.
  const otherTab = await owner.context().newPage();
  await otherTab.goto('/sign-out');
  await otherTab.getByRole('button', { name: 'Sign out' }).click();
  await expect(otherTab).toHaveURL(/\/sign-in/);
  await owner.getByRole('button', { name: 'Pay 100 000.00 UZS' }).click();
  await expect(owner.getByText('Sign in to the portal as the trader who started this top-up to pay it.')).toBeVisible();
  expect(await balanceOf(ownerEmail)).toBe('0.00');
});
