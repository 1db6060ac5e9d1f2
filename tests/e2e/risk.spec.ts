import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, signInAs } from './helpers';

test('a supervisor drafts a profile in shadow mode, backtests it and saves it', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'supervisor@customs.uz', '/officer');
  await page.goto('/officer/risk');
  await expect(page.getByRole('heading', { level: 1, name: 'Risk management' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Hit rate by channel' })).toContainText('Red');
  await expectNoAxeViolations(page);
  await expect(page.getByText('Last training run:')).toBeVisible();

  // Channel shares are backtested before they are set: thresholds, mix and hit rate, now and with them.
  await page.getByLabel('Red share (%)').fill('15');
  await page.getByRole('button', { name: 'Backtest these thresholds' }).click();
  const thresholds = page.getByRole('region', { name: 'Threshold backtest result' });
  // A year of declarations replayed: long work, so allow it longer than a click.
  await expect(thresholds).toContainText('past declarations replayed', { timeout: 60_000 });
  await expect(thresholds.getByRole('row', { name: /With these thresholds/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'New risk profile' }).click();
  await expect(page.getByLabel('Declarants (user id)')).toBeVisible();
  // An invalid condition is refused with the field named.
  await page.getByLabel('Name', { exact: true }).fill('Footwear from TR, declared cheap');
  await page.getByLabel('HS code prefixes').fill('64, 6A');
  await page.getByLabel('Weight (points)').fill('35');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'There is a problem' })
      .getByRole('link', { name: 'HS prefixes are 2 to 10 digits' }),
  ).toBeVisible();

  await page.getByLabel('HS code prefixes').fill('64');
  await page.getByLabel('Countries of origin').fill('TR, CN');
  await page.getByRole('button', { name: 'Backtest over the past year' }).click();
  const result = page.getByRole('region', { name: 'Backtest result' });
  // A year of declarations replayed: long work (it shows progress), so give it longer than a click.
  await expect(result).toContainText('past declarations replayed', { timeout: 60_000 });
  await expect(result.getByRole('row', { name: /With this profile/ })).toBeVisible();

  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page).toHaveURL(/\/officer\/risk$/);
  const row = page
    .getByRole('table', { name: 'Risk profiles' })
    .getByRole('row', { name: /Footwear from TR, declared cheap/ });
  await expect(row).toContainText('Shadow mode');
});

test('an inspector cannot open risk management', async ({ page }) => {
  await signInAs(page, 'inspector@customs.uz', '/officer');
  const response = await page.goto('/officer/risk');
  expect(response?.status()).toBe(403);
});
