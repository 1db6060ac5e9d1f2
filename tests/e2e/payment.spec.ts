import { test, expect, type Page, type Browser } from '@playwright/test';
import {
  aTraderOfANewCompany,
  exportDeclarationBody,
  expectNoAxeViolations,
  newSignedInPage,
  submitDeclarationByApi,
  withDatabase,
} from './helpers';

// Each test uses a company of its own (created here, with the demo password), so that balances are
// exact whatever runs in parallel.

const balanceOn = async (page: Page) =>
  (await page.getByRole('region', { name: 'Balance', exact: true }).getByText(/UZS$/).textContent())!.trim();

async function startTopUp(page: Page, amount: string) {
  await page.goto('/trader/account');
  await page.getByLabel('Amount to top up (UZS)').fill(amount);
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Test bank: card payment' })).toBeVisible();
}

async function newTrader(browser: Browser, label: string) {
  const page = await newSignedInPage(browser, await aTraderOfANewCompany(label), '/trader');
  return page;
}

test('a trader tops up through the test gateway, pays a green declaration and sees it released', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await newTrader(browser, 'green');

  // A submitted declaration, made green and assessed. Test setup standing in for the risk engine:
  // there is no screen that makes a declaration green, so the e2e database is changed directly.
  const { id, registrationNumber } = await submitDeclarationByApi(
    page,
    exportDeclarationBody('23001', 'Raw cotton, paid e2e'),
  );
  await withDatabase((db) =>
    db.query(`UPDATE "Declaration" SET channel = 'GREEN', status = 'ASSESSED', version = version + 1 WHERE id = $1`, [
      id,
    ]),
  );

  // The new company's account is empty; the declaration is listed as due.
  await page.goto('/trader/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Payments and balance' })).toBeVisible();
  expect(await balanceOn(page)).toBe('0.00 UZS');
  await expect(
    page.getByRole('table', { name: 'Payments due' }).getByRole('link', { name: registrationNumber }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Bad input names the field, and nothing starts.
  await page.getByLabel('Amount to top up (UZS)').fill('12.345');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'There is a problem' })
      .getByRole('link', { name: 'The amount to top up can have at most 2 decimal places' }),
  ).toHaveAttribute('href', '#amount');
  await expect(page).toHaveTitle(/^Error: /);

  // Top up 250 000.00 through the test gateway.
  await startTopUp(page, '250000');
  await expect(page.getByText('250 000.00 UZS', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Pay 250 000.00 UZS' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Top-up' })).toBeVisible();
  await expect(page.getByText('Credited', { exact: true })).toBeVisible();
  const receiptLink = page.getByRole('link', { name: /^Receipt R-\d{4}-\d{7}$/ });
  const receiptNumber = (await receiptLink.textContent())!.replace('Receipt ', '');
  const receipt = await page.request.get(`/trader/account/receipts/${receiptNumber}`);
  expect(receipt.status()).toBe(200);
  expect(receipt.headers()['content-type']).toBe('application/pdf');
  await page.goto('/trader/account');
  expect(await balanceOn(page)).toBe('250 000.00 UZS');

  // Not enough for the declaration (an export with duty): a clear message, nothing debited.
  await page.getByRole('table', { name: 'Payments due' }).getByRole('link', { name: registrationNumber }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Declaration ${registrationNumber}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /^Pay [\d ]+\.\d{2} UZS from the balance$/ }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toContainText('Your balance of 250 000.00 UZS is not enough for');
  await expect(problem).toContainText('Nothing was debited.');
  const shortfall = (await problem.textContent())!.match(/top up at least ([\d ]+\.\d{2}) UZS/)![1];

  // Top up exactly what is missing, then pay from the declaration's page: released at once.
  await page.getByRole('link', { name: 'Top up the balance' }).click();
  await startTopUp(page, shortfall.replace(/ /g, ''));
  await page.getByRole('button', { name: `Pay ${shortfall} UZS` }).click();
  await expect(page.getByText('Credited', { exact: true })).toBeVisible();
  await page.goto('/trader/account');
  await page.getByRole('table', { name: 'Payments due' }).getByRole('link', { name: registrationNumber }).click();
  const pay = page.getByRole('button', { name: /^Pay [\d ]+\.\d{2} UZS from the balance$/ });
  await pay.dblclick();
  await expect(page.getByText('The goods are released. Nothing more to do.')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText('Released', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Receipts of this declaration' }).getByRole('row')).toHaveCount(2);

  // One payment, whatever the double click did; the balance is exactly zero.
  await page.goto('/trader/account/history?kind=PAYMENT');
  await expect(page.getByRole('table', { name: 'History of movements' })).toContainText(registrationNumber);
  await page.goto('/trader/account');
  expect(await balanceOn(page)).toBe('0.00 UZS');
  await expect(page.getByText('Nothing is due: every registered declaration is paid.')).toBeVisible();
  const payments = await page.request.get(`/api/payments/declarations/${id}`);
  expect((await payments.json()).payments).toHaveLength(1);

  // The statement of the day: opening 0, closing the balance; CSV with the same closing balance.
  await page.goto('/trader/account/statement');
  await expect(page.getByRole('heading', { level: 1, name: 'Statement' })).toBeVisible();
  await expectNoAxeViolations(page);
  const csv = await page.request.get(
    `${(await page.getByRole('link', { name: 'Download the statement (CSV)' }).getAttribute('href'))!}`,
  );
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toBe('date_time,kind,payment_type,reference,receipt_number,debit,credit,balance');
  expect(lines.at(-1)!.split(',').at(-1)).toBe('0.00');

  // Another company cannot print this company's receipt.
  const stranger = await newSignedInPage(browser, 'trader@orient.uz', '/trader');
  expect((await stranger.request.get(`/trader/account/receipts/${receiptNumber}`)).status()).toBe(404);
});

test('a declined top-up credits nothing; a delayed notification is credited when it arrives, live', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await newTrader(browser, 'declined');

  await startTopUp(page, '300000.00');
  await page.getByRole('button', { name: 'Decline the payment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Top-up' })).toBeVisible();
  await expect(page.getByText('Declined', { exact: true })).toBeVisible();
  await expect(page.getByText('The bank declined the payment of 300 000.00 UZS. Nothing was credited.')).toBeVisible();
  await page.goto('/trader/account');
  expect(await balanceOn(page)).toBe('0.00 UZS');

  // The bank takes the money but notifies the portal later: pending until then, credited once it does.
  await startTopUp(page, '120000.50');
  await page.getByRole('button', { name: 'Pay, notify the merchant later' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Test bank: payment pending' })).toBeVisible();
  const bankPage = page.url();
  await page.getByRole('link', { name: 'Return to the merchant' }).last().click();
  await expect(page.getByText('Waiting for the bank', { exact: true })).toBeVisible();

  // The test bank serves only the top-up's owner: its pending page, in another tab of the trader's browser.
  const bank = await page.context().newPage();
  await bank.goto(bankPage);
  await bank.getByRole('button', { name: 'Send the notification to the merchant now' }).click();
  await expect(bank.getByText('The merchant has been notified.')).toBeVisible();
  // The trader's page updates by itself.
  await expect(page.getByText('Credited', { exact: true })).toBeVisible({ timeout: 15_000 });
  await page.goto('/trader/account');
  expect(await balanceOn(page)).toBe('120 000.50 UZS');
});

test('a trader asks for a refund of unused balance; the finance officer approves it and the balance is debited', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await newTrader(browser, 'refund');
  await startTopUp(page, '400000');
  await page.getByRole('button', { name: 'Pay 400 000.00 UZS' }).click();
  await expect(page.getByText('Credited', { exact: true })).toBeVisible();

  await page.goto('/trader/account');
  await page.getByRole('link', { name: 'Refunds', exact: true }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Refunds' })).toBeVisible();
  await page.getByLabel('Amount to refund (UZS)').fill('500000');
  await page.getByLabel('Reason').fill('Advance no longer needed');
  await page.getByRole('button', { name: 'Ask for the refund' }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'There is a problem' })
      .getByRole('link', { name: /You can ask for at most 400 000\.00 UZS/ }),
  ).toHaveAttribute('href', '#amount');
  await page.getByLabel('Amount to refund (UZS)').fill('150000.25');
  await page.getByRole('button', { name: 'Ask for the refund' }).click();
  const requests = page.getByRole('table', { name: 'Your refund requests' });
  await expect(requests.getByText('Awaiting a decision', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  const finance = await newSignedInPage(browser, 'supervisor@customs.uz', '/officer');
  await finance.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Refunds' }).click();
  await expect(finance.getByRole('heading', { level: 1, name: 'Refund requests' })).toBeVisible();
  const row = finance
    .getByRole('row')
    .filter({ hasText: 'E2E Payments refund LLC' })
    .filter({ hasText: '150 000.25 UZS' });
  await row.getByRole('link').click();
  await expect(finance.getByRole('heading', { level: 1, name: 'Refund request' })).toBeVisible();
  await expectNoAxeViolations(finance);
  await finance.getByRole('button', { name: 'Refuse the refund' }).click();
  await expect(
    finance
      .getByRole('alert')
      .filter({ hasText: 'There is a problem' })
      .getByRole('link', { name: 'Say why the refund is refused' }),
  ).toHaveAttribute('href', '#refusalReason');
  await finance.getByLabel('Note (optional)').fill('Paid to the settlement account');
  await finance.getByRole('button', { name: 'Approve the refund' }).click();
  await expect(finance.getByText('Approved and paid out', { exact: true })).toBeVisible();

  await page.reload();
  await expect(requests.getByText('Approved and paid out', { exact: true })).toBeVisible();
  await expect(requests.getByRole('link', { name: /^Receipt R-\d{4}-\d{7}$/ })).toBeVisible();
  await page.goto('/trader/account');
  expect(await balanceOn(page)).toBe('249 999.75 UZS');

  // An inspector, or a supervisor without the finance permission, has no access to the desk and no link to it.
  const inspector = await newSignedInPage(browser, 'inspector@customs.uz', '/officer');
  expect((await inspector.goto('/officer/refunds'))?.status()).toBe(403);
  const supervisor = await newSignedInPage(browser, 'supervisor.26002@customs.uz', '/officer');
  await expect(
    supervisor.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Statistics' }),
  ).toBeVisible();
  await expect(
    supervisor.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Refunds' }),
  ).toHaveCount(0);
  expect((await supervisor.goto('/officer/refunds'))?.status()).toBe(403);
});
