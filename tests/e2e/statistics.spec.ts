import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { signInAs, expectNoAxeViolations, newSignedInPage } from './helpers';

/** The service's calendar date (Tashkent, UTC+5) `daysAgo` days before today. */
const serviceDay = (daysAgo = 0) =>
  new Date(Date.now() + 5 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
// A year up to yesterday: the seeded history only, so that declarations other specs register today
// cannot change the figures between two readings.
const YEAR = `from=${serviceDay(365)}&to=${serviceDay(1)}`;

/** The number in a table's cell, found by row header and column header: "1,234" → 1234. */
async function numberIn(page: Page, table: string, row: string, column: string): Promise<number> {
  const t = page.getByRole('table', { name: table });
  const headers = await t.getByRole('columnheader').allInnerTexts();
  const index = headers.findIndex((h) => h.replace(/\s+/g, ' ').trim() === column);
  expect(index, `column ${column} of ${headers.join(' | ')}`).toBeGreaterThan(0);
  // The first column holds the row headers; the cells follow it.
  const cell = t
    .getByRole('row', { name: new RegExp(`^${row}\\b`) })
    .getByRole('cell')
    .nth(index - 1);
  return Number((await cell.innerText()).replace(/[^\d.]/g, ''));
}

test('a supervisor reads the statistics of the post over a year, as charts and tables, and downloads them', async ({
  page,
}) => {
  await signInAs(page, 'supervisor@customs.uz', '/officer');
  await page.goto(`/officer/statistics?${YEAR}`);
  await expect(page).toHaveTitle(/^Statistics/);
  await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
  await expect(page.getByText('Figures of customs post 26001 Tashkent — Chukursay railway.')).toBeVisible();
  await expect(page.getByRole('status')).toContainText('(365 days)');

  // The seeded history: declarations of every kind, most released, many green.
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary.getByText('Declarations registered')).toBeVisible();
  for (const heading of [
    'Declarations by channel and regime',
    'The green route, imports and exports',
    'Registrations over time',
    'Time from submission to release',
    'Inspections',
    'Duties assessed and collected',
    'Workload per inspector',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
  }
  const registered = await numberIn(page, 'Declarations by channel and regime', 'Total', 'Registered');
  const released = await numberIn(page, 'Declarations by channel and regime', 'Total', 'Released');
  expect(registered).toBeGreaterThan(100);
  expect(released).toBeGreaterThan(registered / 2);
  await expect(
    page.getByRole('table', { name: 'The green route, imports and exports' }).getByRole('row', { name: /^Import/ }),
  ).toContainText('%');
  await expect(
    page.getByRole('table', { name: 'Time from submission to release' }).getByRole('row', { name: /^All channels/ }),
  ).toContainText(/\d+(\.\d)? min|\d+ h \d+ min/);
  expect(await numberIn(page, 'Inspections', 'Total', 'Inspections')).toBeGreaterThan(0);
  await expect(
    page
      .getByRole('table', { name: 'Workload per inspector' })
      .getByRole('row', { name: /INS-26001-01 Bekzod Rakhimov/ }),
  ).toContainText('Yes');

  // Each chart is an image named by its caption, with the table of its numbers under it.
  await expect(page.getByRole('figure', { name: 'Declarations registered per regime, by channel' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Declarations registered per regime, by channel' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Median and 90th percentile time to release, per channel (minutes)' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // The same figures as CSV, one per line.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download these figures (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`statistics-26001-${serviceDay(365)}-${serviceDay(1)}.csv`);
  const csv = await readFile((await file.path())!, 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('period_from,period_to,post,section,group,item,measure,value');
  expect(lines).toContain(`${serviceDay(365)},${serviceDay(1)},26001,declarations,ALL,ALL,registered,${registered}`);
  expect(lines).toContain(`${serviceDay(365)},${serviceDay(1)},26001,declarations,ALL,ALL,released,${released}`);
});

test('a bad period is named beside its field and the last 30 days are shown; inspectors get no statistics', async ({
  page,
  browser,
}) => {
  await signInAs(page, 'supervisor@customs.uz', '/officer');
  await page.goto('/officer/statistics?from=2026-02-30&to=2026-01-01');
  await expect(page).toHaveTitle(/^Error: Statistics/);
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(
    summary.getByRole('link', { name: 'Enter the start date as YYYY-MM-DD, for example 2026-11-01' }),
  ).toHaveAttribute('href', '#from');
  await expect(page.getByRole('status')).toContainText('(30 days)');
  await expectNoAxeViolations(page);

  // The form is a GET form: choosing a period is a link.
  await page.getByLabel('From', { exact: true }).fill(serviceDay(6));
  await page.getByLabel('To (included)', { exact: true }).fill(serviceDay(0));
  await page.getByRole('button', { name: 'Show statistics' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${serviceDay(6)}&to=${serviceDay(0)}`));
  await expect(page.getByRole('status')).toContainText('(7 days)');

  const inspector = await newSignedInPage(browser, 'inspector@customs.uz', '/officer');
  const forbidden = await inspector.goto('/officer/statistics');
  expect(forbidden?.status()).toBe(403);
  expect((await inspector.request.get('/officer/statistics/export')).status()).toBe(403);
  expect((await inspector.request.get('/admin/statistics/export')).status()).toBe(403);
});

test('the administrator sees every post, or the one chosen — the same figures its supervisor sees', async ({
  page,
  browser,
}) => {
  await signInAs(page, 'admin@customs.uz', '/admin');
  await page.goto(`/admin/statistics?${YEAR}`);
  await expect(page.getByRole('status')).toContainText('All customs posts');
  const all = await numberIn(page, 'Declarations by channel and regime', 'Total', 'Registered');
  await page.getByLabel('Customs post', { exact: true }).selectOption('26001');
  await page.getByRole('button', { name: 'Show statistics' }).click();
  await expect(page.getByRole('status')).toContainText('26001 Tashkent — Chukursay railway');
  const post = await numberIn(page, 'Declarations by channel and regime', 'Total', 'Registered');
  expect(post).toBeLessThan(all);
  await expectNoAxeViolations(page);

  const supervisor = await newSignedInPage(browser, 'supervisor@customs.uz', '/officer');
  await supervisor.goto(`/officer/statistics?${YEAR}`);
  expect(await numberIn(supervisor, 'Declarations by channel and regime', 'Total', 'Registered')).toBe(post);

  const unknown = await page.request.get(`/admin/statistics/export?${YEAR}&post=99999`);
  expect(unknown.status()).toBe(422);
  expect((await unknown.json()).error.fieldErrors).toEqual([
    { path: 'postCode', message: 'Choose a customs post from the list' },
  ]);
  const bad = await page.request.get('/admin/statistics/export?from=yesterday');
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.fieldErrors).toEqual([
    { path: 'from', message: 'Enter the start date as YYYY-MM-DD, for example 2026-11-01' },
  ]);
});
