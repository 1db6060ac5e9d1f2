import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

// The slow pages stream: the shell with "Loading …" goes out at once and the data follows. Who may
// see a page is checked in its layout, above the loading boundary, so a refusal is still a real 403.
const SLOW_PAGES = [
  {
    path: '/officer',
    user: 'inspector@customs.uz',
    home: '/officer',
    loading: 'Loading Work queue…',
    heading: 'Work queue',
  },
  {
    path: '/officer/statistics',
    user: 'supervisor@customs.uz',
    home: '/officer',
    loading: 'Loading Statistics…',
    heading: 'Statistics',
  },
  {
    path: '/officer/risk',
    user: 'supervisor@customs.uz',
    home: '/officer',
    loading: 'Loading Risk management…',
    heading: 'Risk management',
  },
  {
    path: '/trader/account',
    user: 'trader@silkroad.uz',
    home: '/trader',
    loading: 'Loading Payments and balance…',
    heading: 'Payments and balance',
  },
  {
    path: '/admin/statistics',
    user: 'admin@customs.uz',
    home: '/admin',
    loading: 'Loading Statistics…',
    heading: 'Statistics',
  },
] as const;

for (const page of SLOW_PAGES) {
  test(`${page.path} streams a loading state, then its content`, async ({ browser }) => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await signInAs(tab, page.user, page.home);
    const response = await tab.request.get(page.path);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(page.loading);
    await tab.goto(page.path);
    await expect(tab.getByRole('heading', { level: 1, name: page.heading })).toBeVisible();
    await context.close();
  });
}

test('a refused visitor gets 403 from the layout, not a 200 with the refusal streamed', async ({ browser }) => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await signInAs(tab, 'trader@silkroad.uz', '/trader');
  for (const path of ['/officer', '/officer/statistics', '/officer/risk', '/admin/statistics']) {
    const response = await tab.request.get(path);
    expect(response.status(), path).toBe(403);
    expect(await response.text(), path).toContain('You cannot open this page');
  }
  await context.close();
});
