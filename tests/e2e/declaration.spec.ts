import { test, expect, type Page, type Route } from '@playwright/test';
import {
  signInAs,
  exportDeclarationBody,
  newSignedInPage,
  expectNoAxeViolations,
  submitDeclarationByApi,
} from './helpers';

const CSV_BAD = [
  'hsCode,description,originCountry,grossMass,netMass,quantity,supplementaryUnit,invoiceValue',
  '8471300000,Laptops,CN,120,100,50,PCS,6000.00',
  '9999999999,Mystery,CN,1,1,1,KG,1',
].join('\n');
const CSV_GOOD = [
  'hsCode,description,originCountry,grossMass,netMass,quantity,supplementaryUnit,invoiceValue',
  '8471300000,Laptops,CN,120,100,50,PCS,6000.00',
  '2203000900,Beer,DE,2400,2000,2000,L,4000.00',
].join('\n');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Server actions (POSTs) fail on the way, as when the connection drops or the body is refused. */
const dropActions = (route: Route) => (route.request().method() === 'POST' ? route.abort() : route.continue());
const JOURNEY = '**/trader/declarations/**';

async function saveAndContinue(page: Page) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
}

test('a trader files a whole declaration in the browser and sees its status change live', async ({ browser }) => {
  test.setTimeout(120_000);
  const trader = await newSignedInPage(browser, 'trader@silkroad.uz', '/trader');
  await trader.getByRole('link', { name: 'Start a new declaration' }).click();

  // Step 1: parties. An empty submit names every field.
  await expect(trader.getByRole('heading', { level: 1, name: 'Regime and parties' })).toBeVisible();
  await expectNoAxeViolations(trader);
  await saveAndContinue(trader);
  const summary = trader.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Choose the customs regime' })).toHaveAttribute('href', '#regime');
  await expect(trader).toHaveTitle(/^Error: /);
  await trader.getByLabel('Customs regime').selectOption('IM40');
  await trader.getByLabel('Customs post').selectOption('26001');
  await trader.getByLabel('Consignor name').fill('Shenzhen Tech Ltd');
  await trader.getByLabel('Consignor country').fill('CN');
  await trader.getByLabel('Consignor address').fill('Shenzhen, Nanshan district 1');
  await trader.getByLabel('Consignee name').fill('Silk Road Trading LLC');
  await trader.getByLabel('Consignee country').fill('UZ');
  await trader.getByLabel('Consignee address').fill('Tashkent, Amir Temur Avenue 107');
  await saveAndContinue(trader);

  // Step 2: transport and terms.
  await expect(trader.getByRole('heading', { level: 1, name: 'Transport and terms' })).toBeVisible();
  await expectNoAxeViolations(trader);
  await trader.getByLabel('Country of dispatch').fill('CN');
  await trader.getByLabel('Country of destination').fill('UZ');
  await trader.getByLabel('Mode of transport').selectOption('ROAD');
  await trader.getByLabel('Transport document number').fill('CMR 4471023');
  await trader.getByLabel('Delivery terms (Incoterm 2020)').selectOption('FOB');
  await trader.getByLabel('Invoice currency').fill('USD');
  await trader.getByLabel('Invoice total').fill('10500.00');
  await trader.getByLabel('Freight cost').fill('800');
  await trader.getByLabel('Insurance cost').fill('50');
  // A request that never reaches the server is said so, and nothing typed is lost.
  await trader.route(JOURNEY, dropActions);
  await saveAndContinue(trader);
  await expect(trader.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'The request could not be sent',
  );
  await expect(trader.getByLabel('Invoice total')).toHaveValue('10500.00');
  await trader.unroute(JOURNEY, dropActions);
  await saveAndContinue(trader);

  // Step 3: items — a CSV import (a bad file first: nothing imported), then one item by hand with the tariff search.
  await expect(trader.getByRole('heading', { level: 1, name: 'Items' })).toBeVisible();
  await trader
    .getByLabel('CSV file of items')
    .setInputFiles({ name: 'items.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV_BAD) });
  await trader.getByRole('button', { name: 'Import items' }).click();
  await expect(trader.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'Line 3, column hsCode: Commodity code 9999999999 is not in the national tariff',
  );
  await expect(trader.getByText('There are no items yet.')).toBeVisible();
  await trader
    .getByLabel('CSV file of items')
    .setInputFiles({ name: 'items.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV_GOOD) });
  await trader.getByRole('button', { name: 'Import items' }).click();
  await expect(trader.getByRole('button', { name: 'Remove item 2' })).toBeVisible();
  await expectNoAxeViolations(trader);

  await trader.getByRole('link', { name: 'Add an item' }).click();
  await trader.getByLabel('Search the tariff').fill('apples');
  await trader.getByRole('button', { name: 'Use 0808108000' }).click();
  await expect(trader.getByLabel('Commodity code (HS, 10 digits)')).toHaveValue('0808108000');
  await trader.getByLabel('Goods description').fill('Fresh apples');
  await trader.getByLabel('Country of origin').fill('CN');
  await trader.getByLabel('Gross mass (kg)').fill('560');
  await trader.getByLabel('Net mass (kg)').fill('500');
  await trader.getByLabel('Item invoice value').fill('500.00');
  await trader.getByLabel('Quantity', { exact: true }).fill('500');
  await trader.getByRole('button', { name: 'Save item' }).click();
  await expect(trader.getByRole('button', { name: 'Remove item 3' })).toBeVisible();
  await trader.getByRole('button', { name: 'Duplicate item 3' }).click();
  await expect(trader.getByRole('button', { name: 'Remove item 4' })).toBeVisible();
  await trader.getByRole('button', { name: 'Remove item 4' }).click();
  await expect(trader.getByRole('button', { name: 'Remove item 4' })).toHaveCount(0);
  await trader.getByRole('link', { name: 'Continue' }).click();

  // Step 4: documents, one with a file.
  await expect(trader.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  await expectNoAxeViolations(trader);
  await trader.getByLabel('Type of document').selectOption('INVOICE');
  await trader.getByLabel('Document number').fill('INV-2026-0457');
  await trader.getByLabel('Date of the document').fill('2026-11-20');
  // A file over the limit is refused in the browser, naming the field (it would exceed the request limit).
  await trader
    .getByLabel('File (optional)')
    .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25) });
  await trader.getByRole('button', { name: 'Add document' }).click();
  const tooLarge = trader.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(tooLarge.getByRole('link', { name: 'The selected file must be smaller than 10 MB' })).toHaveAttribute(
    'href',
    '#file',
  );
  await expect(trader.getByLabel('Document number')).toHaveValue('INV-2026-0457');
  await trader
    .getByLabel('File (optional)')
    .setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PDF });
  await trader.getByRole('button', { name: 'Add document' }).click();
  await expect(trader.getByRole('link', { name: 'Open invoice.pdf' })).toBeVisible();
  // The form's field is optional; the table of what was added does not say so.
  await expect(trader.getByRole('columnheader', { name: 'File', exact: true })).toBeVisible();
  await expect(trader.getByRole('columnheader', { name: 'File (optional)' })).toHaveCount(0);
  await trader.getByLabel('Type of document').selectOption('TRANSPORT_DOCUMENT');
  await trader.getByLabel('Document number').fill('CMR 4471023');
  await trader.getByLabel('Date of the document').fill('2026-11-21');
  await trader.getByRole('button', { name: 'Add document' }).click();
  await expect(trader.getByRole('button', { name: 'Remove document CMR 4471023' })).toBeVisible();
  await trader.getByRole('link', { name: 'Continue' }).click();

  // Step 5: check your answers — the estimate and the formalities, then submit.
  await expect(trader.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
  const estimate = trader.getByRole('table', { name: 'Items, formalities and estimated payments' });
  await expect(estimate.getByRole('row', { name: /8471300000/ })).toContainText('Missing');
  await expect(estimate.getByRole('row', { name: /8471300000/ })).toContainText('STD-COC');
  await expect(trader.getByText('Total to pay (estimate)')).toBeVisible();
  // A figure that does not move with the exchange rate: the beer's excise is 5 000 UZS a litre × 2 000 l.
  await expect(estimate.getByRole('row', { name: /2203000900/ })).toContainText('10 000 000.00');
  await expectNoAxeViolations(trader);
  await trader.route(JOURNEY, dropActions);
  await trader.getByRole('button', { name: 'Submit declaration' }).click();
  await expect(trader.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'The request could not be sent',
  );
  await expect(trader.getByRole('button', { name: 'Submit declaration' })).toBeEnabled();
  await trader.unroute(JOURNEY, dropActions);
  await trader.getByRole('button', { name: 'Submit declaration' }).click();

  const heading = trader.getByRole('heading', { level: 1, name: /^Declaration 26001\/\d{6}\/\d{7}$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.replace('Declaration ', '');
  await expect(trader.getByText('With an inspector').first()).toBeVisible();
  await expect(trader.getByRole('heading', { name: 'What happens next' })).toBeVisible();
  await expectNoAxeViolations(trader);

  // The inspector asks for an amendment; the trader's open page changes without a reload.
  const inspector = await newSignedInPage(browser, 'inspector@customs.uz', '/officer');
  await inspector.getByRole('link', { name: number }).click();
  await expect(inspector.getByRole('heading', { level: 1, name: `Declaration ${number}` })).toBeVisible();
  await inspector
    .getByLabel('What should the trader change?')
    .fill('Attach the certificate of conformity for the laptops');
  await inspector.getByRole('button', { name: 'Request amendment' }).click();
  await expect(inspector.getByText('Amendment requested').first()).toBeVisible();

  await expect(
    trader.getByText('The officer asked for an amendment: Attach the certificate of conformity for the laptops'),
  ).toBeVisible({ timeout: 15_000 });
  await expect(trader.getByText('Amendment requested').first()).toBeVisible();
  // While amending, the regime and the customs post stay as registered.
  await trader.goto(`${trader.url()}/parties`);
  await expect(trader.getByLabel('Customs regime')).toBeDisabled();
  await expect(trader.getByLabel('Customs post')).toBeDisabled();
  await trader.goBack();

  // Another company's trader gets a 404 for it.
  const stranger = await newSignedInPage(browser, 'trader@orient.uz', '/trader');
  const response = await stranger.goto(trader.url());
  expect(response?.status()).toBe(404);
});

const body = (postCode: string) => exportDeclarationBody(postCode);

/** YYYY-MM-DD of a day `days` from now (UTC; a year ahead is in the future in any time zone). */
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('fields refuse what they cannot store, on the step where it is entered', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'trader@silkroad.uz', '/trader');
  await page.goto('/trader/declarations/new');
  await page.getByLabel('Customs regime').selectOption('IM40');
  await page.getByLabel('Customs post').selectOption('26001');
  await page.getByLabel('Consignor name').fill('Berlin Maschinen GmbH');
  await page.getByLabel('Consignor address').fill('Berlin, Unter den Linden 1');
  await page.getByLabel('Consignee name').fill('Silk Road Trading LLC');
  await page.getByLabel('Consignee address').fill('Tashkent, Amir Temur Avenue 107');

  // A country typed by name but not chosen from the list is refused, never cut to "GE" (Georgia).
  const consignorCountry = page.getByRole('combobox', { name: 'Consignor country' });
  await consignorCountry.fill('Germany');
  await expect(page.getByRole('listbox', { name: 'Countries' }).getByRole('option')).toHaveText(['Germany (DE)']);
  await expectNoAxeViolations(page);
  const consigneeCountry = page.getByRole('combobox', { name: 'Consignee country' });
  await consigneeCountry.fill('Uzbek');
  await page.getByRole('option', { name: 'Uzbekistan (UZ)' }).click();
  await expect(consigneeCountry).toHaveValue('Uzbekistan (UZ)');
  await saveAndContinue(page);
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(
    summary.getByRole('link', {
      name: 'Choose the consignor country from the list, or enter its two-letter ISO 3166 code, like DE',
    }),
  ).toHaveAttribute('href', '#consignorCountry');
  await expect(page).toHaveURL(/\/trader\/declarations\/new$/);

  // Chosen with the keyboard: down to the option, Enter; the form sends DE.
  await consignorCountry.fill('Germ');
  await consignorCountry.press('ArrowDown');
  await expect(consignorCountry).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('option', { name: 'Germany (DE)' })).toHaveAttribute('aria-selected', 'true');
  await consignorCountry.press('Enter');
  await expect(consignorCountry).toHaveValue('Germany (DE)');
  await expect(consignorCountry).toHaveAttribute('aria-expanded', 'false');
  await saveAndContinue(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Transport and terms' })).toBeVisible();
  const base = page.url().replace(/\/transport$/, '');
  await page.goto(`${base}/parties`);
  // Stored as DE: read back, the field names Germany (GE would read Georgia).
  await expect(page.getByRole('combobox', { name: 'Consignor country' })).toHaveValue('Germany (DE)');
  // Without JavaScript the field is a plain text field holding the code, checked by the server alike.
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await noScript.newPage();
  await plain.goto(`${base}/parties`);
  await expect(plain.getByRole('textbox', { name: 'Consignor country' })).toHaveValue('DE');
  await expect(plain.getByRole('textbox', { name: 'Consignor country' })).toHaveAttribute('name', 'consignorCountry');
  await noScript.close();
  await page.goto(`${base}/transport`);

  // FOB without freight is flagged here, on the transport step, not first on check-your-answers.
  await page.getByRole('combobox', { name: 'Country of dispatch' }).fill('DE');
  await page.getByRole('combobox', { name: 'Country of destination' }).fill('UZ');
  await page.getByLabel('Mode of transport').selectOption('ROAD');
  await page.getByLabel('Transport document number').fill('CMR 5501');
  await page.getByLabel('Delivery terms (Incoterm 2020)').selectOption('FOB');
  await expect(page.getByText('Required under FOB: the freight is not in the invoice price')).toBeVisible();
  await page.getByLabel('Invoice currency').fill('EUR');
  await page.getByLabel('Invoice total').fill('4000.00');
  await page.getByLabel('Insurance cost').fill('40');
  await saveAndContinue(page);
  await expect(
    page.getByRole('alert').getByRole('link', {
      name: 'Enter the freight cost: under FOB it is not in the invoice price (enter 0 if there was none)',
    }),
  ).toHaveAttribute('href', '#freight');
  await expect(page.getByRole('heading', { level: 1, name: 'Transport and terms' })).toBeVisible();
  await page.getByLabel('Freight cost').fill('300');
  await saveAndContinue(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Items' })).toBeVisible();

  // A pasted 20-digit commodity code is kept whole in the field and refused, not cut to 10 digits.
  await page.goto(`${base}/items/new`);
  const code = page.getByLabel('Commodity code (HS, 10 digits)');
  await code.fill('84713000009999999999');
  await expect(code).toHaveValue('84713000009999999999');
  await page.getByLabel('Goods description').fill('Laptops');
  await page.getByLabel('Gross mass (kg)').fill('120');
  await page.getByLabel('Net mass (kg)').fill('100');
  await page.getByLabel('Item invoice value').fill('4000.00');
  await page.getByLabel('Quantity', { exact: true }).fill('-5');
  await page.getByRole('button', { name: 'Save item' }).click();
  const itemProblems = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(
    itemProblems.getByRole('link', {
      name: 'The commodity code has 20 digits, which is too many: it must be exactly 10, like 8471300000',
    }),
  ).toHaveAttribute('href', '#hsCode');
  await expect(itemProblems.getByRole('link', { name: 'The quantity must be more than 0' })).toBeVisible();
  await expect(code).toHaveValue('84713000009999999999');

  // An invoice dated in the future is flagged on the documents step, and not added.
  await page.goto(`${base}/documents`);
  await page.getByLabel('Type of document').selectOption('INVOICE');
  await page.getByLabel('Document number').fill('INV-FUTURE-1');
  await page.getByLabel('Date of the document').fill(daysFromNow(365));
  await page.getByRole('button', { name: 'Add document' }).click();
  await expect(
    page.getByRole('alert').getByRole('link', { name: /^The date of the invoice cannot be in the future \(today is / }),
  ).toHaveAttribute('href', '#date');
  await expect(page.getByRole('button', { name: 'Remove document INV-FUTURE-1' })).toHaveCount(0);
});

test('20 concurrent submissions get 20 distinct registration numbers', async ({ page }) => {
  await signInAs(page, 'trader@orient.uz', '/trader');
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) {
    const res = await page.request.post('/api/declarations', { data: body('23001') });
    expect(res.status(), await res.text()).toBe(201);
    ids.push((await res.json()).id);
  }
  const responses = await Promise.all(ids.map((id) => page.request.post(`/api/declarations/${id}/submit`)));
  const numbers = await Promise.all(
    responses.map(async (r) => {
      expect(r.status(), await r.text()).toBe(201);
      return (await r.json()).registrationNumber as string;
    }),
  );
  expect(new Set(numbers).size).toBe(20);
  for (const n of numbers) expect(n).toMatch(/^23001\/\d{6}\/\d{7}$/);
  // A retried request answers with the same number instead of registering again.
  const retry = await page.request.post(`/api/declarations/${ids[0]}/submit`);
  expect(retry.status()).toBe(200);
  expect((await retry.json()).registrationNumber).toBe(numbers[0]);
});

test('the API names every failing field of a malformed declaration with a 422', async ({ page }) => {
  await signInAs(page, 'trader@orient.uz', '/trader');
  const res = await page.request.post('/api/declarations', {
    data: { ...body('23001'), consignorCountry: 'Uzbekistan', items: [] },
  });
  expect(res.status()).toBe(422);
  const json = await res.json();
  expect(json.error.fieldErrors.map((e: { path: string }) => e.path).sort()).toEqual(['consignorCountry', 'items']);
  const notJson = await page.request.post('/api/declarations', {
    data: 'not json',
    headers: { 'content-type': 'application/json' },
  });
  expect(notJson.status()).toBe(422);
  expect((await page.request.get('/api/declarations/not-a-uuid')).status()).toBe(404);
  expect((await page.request.get('/api/declarations/00000000-0000-4000-8000-000000000000')).status()).toBe(404);
  const search = await page.request.get('/api/tariff/search?q=a');
  expect(search.status()).toBe(422);
});

test('the account lists, filters and exports the company’s declarations', async ({ page }) => {
  await signInAs(page, 'trader@silkroad.uz', '/trader');
  await expect(page.getByRole('table', { name: 'Declarations' })).toBeVisible();
  // The regime filter names each regime, not only its code.
  await expect(page.getByLabel('Regime').locator('option')).toContainText([
    'Any',
    'IM40 — release for free circulation',
    'EK10 — export',
  ]);
  await page.getByLabel('Status').selectOption('RELEASED');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=RELEASED/);
  const rows = page.getByRole('table', { name: 'Declarations' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('Released');
  // The sort state sits on the column header.
  await page.getByRole('link', { name: /^Number/ }).click();
  await expect(page).toHaveURL(/sort=number-desc/);
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Number');
  await expect(page.locator('a[aria-sort]')).toHaveCount(0);
  // A date that does not exist is named beside its field; the list still shows.
  await page.goto('/trader?from=2026-02-30');
  await expect(
    page
      .getByRole('alert')
      .getByRole('link', { name: 'The "registered from" date must be a real date, like 2026-11-28' }),
  ).toHaveAttribute('href', '#filter-from');
  await expect(page.getByLabel('Registered from')).toHaveValue('2026-02-30');
  await expect(page).toHaveTitle(/^Error: /);
  const csv = await page.request.get('/trader/declarations/export?status=RELEASED');
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toBe(
    'registration_number,status,regime,post,items,invoice_currency,invoice_total,created_at,registered_at,released_at',
  );
  expect(lines.length).toBeGreaterThan(1);
  // Statuses in words, moments in Tashkent time with the offset (created, registered, released).
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    expect(cells[1]).toBe('Released');
    for (const at of cells.slice(7)) expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/);
  }
});

test('a trader copies a registered declaration as a new draft, then withdraws the original', async ({ page }) => {
  await signInAs(page, 'trader@orient.uz', '/trader');
  const { id, registrationNumber } = await submitDeclarationByApi(page, body('23001'));
  await page.goto(`/trader/declarations/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Declaration ${registrationNumber}` })).toBeVisible();

  // The copy is a new draft with the header and items, opened at its first step.
  await page.getByRole('button', { name: 'Copy as a new draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Regime and parties' })).toBeVisible();
  const copyUrl = page.url();
  expect(copyUrl).toMatch(/\/trader\/declarations\/[0-9a-f-]{36}\/parties$/);
  expect(copyUrl).not.toContain(id);
  await expect(page.getByLabel('Consignor name')).toHaveValue('Orient Logistics JSC');
  // The copy says it is one, and of which declaration.
  await expect(page.getByText(`This declaration was copied from declaration ${registrationNumber}.`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'View the original declaration' })).toHaveAttribute(
    'href',
    `/trader/declarations/${id}`,
  );
  await page.goto(copyUrl.replace(/\/parties$/, ''));
  await expect(page.getByText(`This declaration was copied from declaration ${registrationNumber}.`)).toBeVisible();
  await page.goto(copyUrl.replace(/\/parties$/, '/items'));
  await expect(page.getByRole('button', { name: 'Remove item 1' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Items' })).toContainText('Raw cotton');

  // The original is withdrawn from its page: a reason is required, then the status says so.
  await page.goto(`/trader/declarations/${id}`);
  await expect(page.getByText(/This declaration was copied from/)).toHaveCount(0);
  const withdraw = page.getByRole('button', { name: 'Withdraw declaration' });
  // A warning button, not the green one that moves the journey on.
  await expect(withdraw).toHaveClass(/bg-red-700/);
  await expect(withdraw).not.toHaveClass(/emerald/);
  await withdraw.click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'Say why you are withdrawing the declaration',
  );
  await page.getByLabel('Why are you withdrawing it?').fill('The buyer cancelled the order');
  await withdraw.click();
  await expect(page.getByText('Withdrawn', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Withdraw declaration' })).toHaveCount(0);
});
