import { test, expect, type Page } from '@playwright/test';
import {
  aTraderOfANewCompany,
  exportDeclarationBody,
  expectNoAxeViolations,
  newSignedInPage,
  submitDeclarationByApi,
  withDatabase,
} from './helpers';

// What the trader's declaration page shows stays true: amounts follow payments made elsewhere
// without a reload; the page says when the next step is expected and which rates were applied; a
// new import names the trader's company as its consignee. Each test uses a company of its own.

/** The "Still to pay" figure of the declaration's payments. */
const stillToPay = (page: Page) =>
  page.getByRole('region', { name: 'Customs payments' }).locator('dt:text-is("Still to pay") + dd');
const payButton = (page: Page) => page.getByRole('button', { name: /^Pay [\d ]+\.\d{2} UZS from the balance$/ });

async function topUp(page: Page, amount: string) {
  await page.goto('/trader/account');
  await page.getByLabel('Amount to top up (UZS)').fill(amount);
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Test bank: card payment' })).toBeVisible();
  await page.getByRole('button', { name: /^Pay [\d ]+\.\d{2} UZS$/ }).click();
  await expect(page.getByText('Credited', { exact: true })).toBeVisible();
}

/** A registered declaration with an inspector (yellow, assigned): paying it changes neither its status nor its version. */
async function aDeclarationWithAnInspector(page: Page) {
  const { id, registrationNumber } = await submitDeclarationByApi(
    page,
    exportDeclarationBody('23001', 'Raw cotton, live e2e'),
  );
  // Test setup standing in for the risk engine and distribution: there is no screen for it.
  await withDatabase((db) =>
    db.query(`UPDATE "Declaration" SET channel = 'YELLOW', status = 'ASSIGNED', version = version + 1 WHERE id = $1`, [
      id,
    ]),
  );
  return { id, registrationNumber };
}

test('a payment in one tab updates "Still to pay", the balance and the pay button in another, without a reload', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await newSignedInPage(browser, await aTraderOfANewCompany('live'), '/trader');
  await topUp(page, '20000000');
  const { id, registrationNumber } = await aDeclarationWithAnInspector(page);

  // Two tabs of the same session on the declaration's page.
  await page.goto(`/trader/declarations/${id}`);
  const other = await page.context().newPage();
  await other.goto(`/trader/declarations/${id}`);
  for (const tab of [page, other]) {
    await expect(tab.getByRole('heading', { level: 1, name: `Declaration ${registrationNumber}` })).toBeVisible();
    await expect(payButton(tab)).toBeVisible();
    await expect(tab.getByText('Your balance: 20 000 000.00 UZS.')).toBeVisible();
  }
  const due = (await stillToPay(other).textContent())!.trim();
  expect(due).toMatch(/^[\d ]+\.\d{2} UZS$/);
  expect(due).not.toBe('0.00 UZS');
  // Marks the other tab's document: a reload would lose the mark.
  await other.evaluate(() => document.body.setAttribute('data-e2e-mark', 'not-reloaded'));

  // Pay in the first tab (a double click pays once).
  await payButton(page).dblclick();
  await expect(stillToPay(page)).toHaveText('0.00 UZS');

  // The other tab follows by itself: nothing still to pay, no pay button, no balance line.
  await expect(stillToPay(other)).toHaveText('0.00 UZS', { timeout: 15_000 });
  await expect(payButton(other)).toHaveCount(0);
  await expect(other.getByText(/^Your balance: /)).toHaveCount(0);
  await expect(other.getByText('Payments settled.')).toBeVisible();
  await expect(other.getByRole('table', { name: 'Receipts of this declaration' }).getByRole('row')).toHaveCount(2);
  await expect(other.locator('body')).toHaveAttribute('data-e2e-mark', 'not-reloaded');
  // Still with the inspector: only the payment changed.
  await expect(other.getByText('With an inspector', { exact: true }).first()).toBeVisible();
});

test("the declaration page says when the inspector's decision is expected and which rates were applied", async ({
  browser,
}) => {
  const page = await newSignedInPage(browser, await aTraderOfANewCompany('rates'), '/trader');
  const { id } = await aDeclarationWithAnInspector(page);
  await page.goto(`/trader/declarations/${id}`);
  await expect(
    page.getByText(
      /^Expected time: An inspector's decision by .+\. The service's target for the yellow channel is .+ from registration\.$/,
    ),
  ).toBeVisible();
  const rates = page.getByRole('table', { name: 'Applied rates' });
  // The export of raw cotton: an export duty ad valorem, no excise, VAT zero-rated.
  const line = rates.getByRole('row').filter({ hasText: '5201000000' });
  await expect(line.getByRole('cell').nth(2)).toHaveText(/^Ad valorem, \d+(\.\d+)?%$/);
  await expect(line.getByRole('cell').nth(3)).toHaveText('Not applicable');
  await expect(line.getByRole('cell').nth(4)).toHaveText('Zero-rated, 0%');
  await expect(page.getByText(/^Customs processing fee: .+, [\d ]+\.\d{2} UZS\.$/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a new import names the trader’s company as consignee; what was typed is kept', async ({ browser }) => {
  const page = await newSignedInPage(browser, await aTraderOfANewCompany('consignee'), '/trader');
  await page.goto('/trader/declarations/new');
  const consignee = page.getByRole('group', { name: 'Consignee (buyer or receiver)' });
  await expect(consignee.getByLabel('Consignee name')).toHaveValue('');

  // An export leaves the consignee to the trader.
  await page.getByLabel('Customs regime').selectOption({ label: 'EK10 — export' });
  await expect(consignee.getByLabel('Consignee name')).toHaveValue('');

  // An import fills it with the company, and says so.
  await page.getByLabel('Customs regime').selectOption({ label: 'IM40 — release for free circulation' });
  await expect(consignee.getByLabel('Consignee name')).toHaveValue('E2E Payments consignee LLC');
  // The country list shows the name and sends the code.
  await expect(consignee.getByLabel('Consignee country')).toHaveValue('Uzbekistan (UZ)');
  await expect(page.locator('input[type="hidden"][name="consigneeCountry"]')).toHaveValue('UZ');
  await expect(consignee.getByLabel('Consignee address')).toHaveValue('Tashkent, Payment street 6');
  await expect(page.getByRole('status').filter({ hasText: 'filled in with your company' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Typed values are never overwritten.
  await consignee.getByLabel('Consignee name').fill('Another buyer LLC');
  await page.getByLabel('Customs regime').selectOption({ label: 'IM31 — temporary import' });
  await expect(consignee.getByLabel('Consignee name')).toHaveValue('Another buyer LLC');
});
