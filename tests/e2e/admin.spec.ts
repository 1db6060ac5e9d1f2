import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInAs } from './helpers';

test('the administrator sets the SLA targets and the four-eyes limit, every field checked', async ({ page }) => {
  await signInAs(page, 'admin@customs.uz', '/admin');
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Service settings' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Service settings' })).toBeVisible();
  const inForce = page.getByRole('region', { name: 'In force now' });
  await expect(inForce.getByText('240 minutes (4 h)')).toBeVisible();
  await expect(inForce.getByText('10 000 000.00 UZS')).toBeVisible();
  await expectNoAxeViolations(page);

  const yellow = page.getByLabel('Yellow channel target (minutes)');
  const red = page.getByLabel('Red channel target (minutes)');
  const limit = page.getByLabel('Four-eyes limit (UZS)');
  await yellow.fill('3000');
  await limit.fill('zero');
  await page.getByRole('button', { name: 'Save the settings' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(
    summary.getByRole('link', { name: 'The red channel target cannot be shorter than the yellow one' }),
  ).toHaveAttribute('href', '#redTargetMinutes');
  await expect(
    summary.getByRole('link', { name: 'The four-eyes limit must be a number, like 1250.50' }),
  ).toHaveAttribute('href', '#fourEyesLimit');
  await expect(inForce.getByText('240 minutes (4 h)')).toBeVisible();

  // A change shows at once; the seeded values are put back (other tests read them).
  await yellow.fill('250');
  await limit.fill('10000000');
  await page.getByRole('button', { name: 'Save the settings' }).click();
  await expect(inForce.getByText('250 minutes (4.17 h)')).toBeVisible();
  await expect(summary).toHaveCount(0);
  await yellow.fill('240');
  await expect(red).toHaveValue('2880');
  await page.getByRole('button', { name: 'Save the settings' }).click();
  await expect(inForce.getByText('240 minutes (4 h)')).toBeVisible();
});
