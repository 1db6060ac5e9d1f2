import { test, expect } from '@playwright/test';
import { signIn, signInAs } from './helpers';

const HOMES = [
  ['trader@silkroad.uz', '/trader', 'Personal account'],
  ['inspector@customs.uz', '/officer', 'Work queue'],
  ['supervisor@customs.uz', '/officer', 'Work queue'],
  ['pq.officer@agency.uz', '/agency', 'Permit desk'],
  ['admin@customs.uz', '/admin', 'Reference data'],
] as const;

for (const [email, home, heading] of HOMES) {
  test(`${email} signs in and lands on ${home}`, async ({ page }) => {
    await signInAs(page, email, home);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText(/Signed in as/)).toBeVisible();
  });
}

test('an anonymous visitor is sent to the sign-in page', async ({ page }) => {
  await page.goto('/trader');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('a wrong password gets a clear message that does not reveal whether the account exists', async ({ page }) => {
  await signIn(page, 'trader@orient.uz', 'not-the-password');
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('The email address or password is not right');
  await signIn(page, 'nobody-here@example.uz', 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'The email address or password is not right',
  );
  await expect(page).toHaveURL(/\/sign-in/);
});

test('empty fields are named in the error summary, which links to them', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Enter your email address' })).toHaveAttribute('href', '#email');
  await expect(summary.getByRole('link', { name: 'Enter your password' })).toHaveAttribute('href', '#password');
});

test('an inspector on a trader page gets the 403 page, not a crash or a redirect loop', async ({ page }) => {
  await signInAs(page, 'inspector@customs.uz', '/officer');
  const response = await page.goto('/trader');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'You cannot open this page' })).toBeVisible();
});

test('a trader on the officer queue gets the 403 page', async ({ page }) => {
  await signInAs(page, 'trader@silkroad.uz', '/trader');
  const response = await page.goto('/officer');
  expect(response?.status()).toBe(403);
});

test('an unknown address gets the 404 page', async ({ page }) => {
  await signInAs(page, 'admin@customs.uz', '/admin');
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('signing out ends the session', async ({ page }) => {
  await signInAs(page, 'admin@customs.uz', '/admin');
  await page.getByRole('link', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/sign-in/);
});
