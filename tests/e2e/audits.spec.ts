import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInAs } from './helpers';

test('an inspector audits a released blue-channel declaration after clearance and records the additional revenue', async ({
  page,
}) => {
  await signInAs(page, 'inspector@customs.uz', '/officer');
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Post-clearance audits' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Post-clearance audits' })).toBeVisible();
  const due = page.getByRole('table', { name: 'To audit' });
  const first = due.getByRole('row').nth(1).getByRole('link');
  const number = (await first.textContent())!.trim();
  await expectNoAxeViolations(page);
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: `Post-clearance audit of ${number}` })).toBeVisible();
  await expectNoAxeViolations(page);

  // A discrepancy with no type and revenue on a clean outcome: both named, nothing recorded.
  await page.getByLabel('Additional revenue (UZS)').fill('250000');
  await page.getByRole('button', { name: 'Record the audit' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Enter the findings of the audit' })).toHaveAttribute(
    'href',
    '#findings',
  );
  await expect(summary.getByRole('link', { name: /Additional revenue comes from a discrepancy/ })).toHaveAttribute(
    'href',
    '#additionalRevenue',
  );

  await page.getByLabel('Findings').fill('The buyer paid a second invoice abroad; the customs value was understated.');
  await page.getByRole('radio', { name: 'Discrepancy found' }).check();
  await page.getByLabel('Type of discrepancy').selectOption({ label: 'Undervaluation' });
  await page.getByRole('button', { name: 'Record the audit' }).click();
  const result = page.getByRole('region', { name: 'Audit recorded' });
  await expect(result.getByText('Discrepancy found')).toBeVisible();
  await expect(result.getByText('250 000.00 UZS')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record the audit' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Back to post-clearance audits' }).click();
  await expect(page.getByRole('table', { name: 'Audited' }).getByRole('row').filter({ hasText: number })).toContainText(
    'Discrepancy found: 250 000.00 UZS',
  );
});
