import { test, expect } from '@playwright/test';
import pg from 'pg';
import { DEMO_PASSWORD, expectNoAxeViolations, newSignedInPage, signIn, signInAs } from './helpers';

// Sessions end on the server: sign-out, a password change and "sign out everywhere". Each test signs
// in as a trader of its own (created here, with the demo password), so that changing the password
// or ending every session never touches the demo users other specs rely on.
async function aTraderOfOurOwn(label: string): Promise<string> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run the end-to-end tests through npm test.');
  const email = `session-${label}-${test.info().workerIndex}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.uz`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The demo password's hash and company, borrowed from a demo trader.
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "companyId", "createdAt") SELECT gen_random_uuid(), $1, $2, "passwordHash", 'TRADER', "companyId", now() FROM "User" WHERE email = 'trader@silkroad.uz'`,
      [email, `Session ${label}`],
    );
  } finally {
    await client.end();
  }
  return email;
}

const NEW_PASSWORD = 'a long new password for e2e';

test('a session cookie saved before sign-out is refused after it', async ({ browser }) => {
  const email = await aTraderOfOurOwn('replay');
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email, '/trader');
  const saved = await context.cookies();
  expect(saved.map((c) => c.name)).toContain('next-auth.session-token');
  expect((await page.request.get('/api/payments/account')).status()).toBe(200);

  await page
    .getByRole('navigation', { name: 'Your account' })
    .getByRole('link', { name: 'Sign out', exact: true })
    .click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  // The copy of the cookie, replayed in a fresh browser: the pages send it to sign in, the API refuses it.
  const replay = await browser.newContext();
  await replay.addCookies(saved);
  const attacker = await replay.newPage();
  await attacker.goto('/trader');
  await expect(attacker).toHaveURL(/\/sign-in/);
  await expect(attacker.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect((await replay.request.get('/api/payments/account')).status()).toBe(401);
  // next-auth's session endpoint neither answers with the session nor extends the cookie: it clears it.
  const session = await replay.request.get('/api/auth/session');
  expect(await session.json()).toEqual({});
  expect(session.headers()['set-cookie']).toMatch(/next-auth\.session-token=;/);
});

test('a password change signs out the other browser and keeps this one', async ({ browser }) => {
  const email = await aTraderOfOurOwn('password');
  const first = await newSignedInPage(browser, email, '/trader');
  const second = await newSignedInPage(browser, email, '/trader');

  await first.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Change password' }).click();
  await expect(first.getByRole('heading', { level: 1, name: 'Change your password' })).toBeVisible();
  await expectNoAxeViolations(first);

  // A wrong current password: named in the summary, linked to its field; nothing changes.
  await first.getByLabel('Current password').fill('not-my-password');
  await first.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await first.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await first.getByRole('button', { name: 'Change password' }).click();
  const summary = first.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Your current password is not right' })).toHaveAttribute(
    'href',
    '#currentPassword',
  );
  await expect(first).toHaveTitle(/^Error: /);
  await second.goto('/trader');
  await expect(second.getByRole('heading', { level: 1, name: 'Personal account' })).toBeVisible();

  await first.getByLabel('Current password').fill(DEMO_PASSWORD);
  await first.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await first.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await first.getByRole('button', { name: 'Change password' }).click();
  await expect(first.getByRole('status')).toContainText('Your password has been changed');

  // The other browser is signed out at its next request; this one carries on.
  await second.goto('/trader');
  await expect(second).toHaveURL(/\/sign-in/);
  await first.goto('/trader');
  await expect(first.getByRole('heading', { level: 1, name: 'Personal account' })).toBeVisible();

  // The new password signs in.
  await signIn(second, email, NEW_PASSWORD);
  await expect(second).toHaveURL(/\/trader$/);
});

test('"Sign out everywhere" ends this session and every other one', async ({ browser }) => {
  const email = await aTraderOfOurOwn('everywhere');
  const first = await newSignedInPage(browser, email, '/trader');
  const second = await newSignedInPage(browser, email, '/trader');

  await first.goto('/account/password');
  await first.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(first).toHaveURL(/\/sign-in$/);
  await first.goto('/trader');
  await expect(first).toHaveURL(/\/sign-in/);

  await second.goto('/trader');
  await expect(second).toHaveURL(/\/sign-in/);
  expect((await second.request.get('/api/payments/account')).status()).toBe(401);
});

test('every role reaches the change-password page from its navigation', async ({ browser }) => {
  for (const [email, home] of [
    ['inspector2@customs.uz', '/officer'],
    ['supervisor@customs.uz', '/officer'],
    ['ses.officer@agency.uz', '/agency'],
    ['admin@customs.uz', '/admin'],
  ] as const) {
    const page = await newSignedInPage(browser, email, home);
    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Change password' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Change your password' })).toBeVisible();
    await page.context().close();
  }
});
