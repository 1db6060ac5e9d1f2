import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { signInAs } from './helpers';

async function fillHeader(page: Page, postCode: string) {
  await page.getByLabel('Customs regime').selectOption('IM40');
  await page.getByLabel('Customs post').selectOption(postCode);
  await page.getByLabel('Consignor name').fill('Shenzhen Tech Ltd');
  await page.getByLabel('Consignor country').fill('CN');
  await page.getByLabel('Consignor address').fill('Shenzhen, Nanshan district 1');
  await page.getByLabel('Consignee name').fill('Silk Road Trading LLC');
  await page.getByLabel('Consignee country').fill('UZ');
  await page.getByLabel('Consignee address').fill('Tashkent, Amir Temur Avenue 107');
  await page.getByLabel('Country of dispatch').fill('CN');
  await page.getByLabel('Country of destination').fill('UZ');
  await page.getByLabel('Mode of transport').selectOption('ROAD');
  await page.getByLabel('Transport document number').fill('CMR 4471023');
  await page.getByLabel('Delivery terms (Incoterm 2020)').selectOption('FOB');
  await page.getByLabel('Invoice currency').fill('USD');
  await page.getByLabel('Invoice total').fill('6000.00');
  await page.getByLabel('Freight cost (optional)').fill('800');
  await page.getByLabel('Insurance cost (optional)').fill('50');
}

async function fillItem(page: Page, n: number, values: { hs: string; description: string; gross: string; net: string }) {
  const item = page.getByRole('group', { name: `Item ${n}` });
  await item.getByLabel('Commodity code (HS, 10 digits)').fill(values.hs);
  await item.getByLabel('Goods description').fill(values.description);
  await item.getByLabel('Country of origin').fill('CN');
  await item.getByLabel('Gross mass (kg)').fill(values.gross);
  await item.getByLabel('Net mass (kg)').fill(values.net);
  await item.getByLabel('Quantity', { exact: true }).fill('50');
  await item.getByLabel('Unit of quantity').selectOption('PCS');
  await item.getByLabel('Item invoice value').fill('6000.00');
}

test('a trader files a declaration that reaches the inspector of its post', async ({ browser }) => {
  const traderPage = await (await browser.newContext()).newPage();
  await signInAs(traderPage, 'trader@silkroad.uz', '/trader');
  await traderPage.getByRole('link', { name: 'Start a new declaration' }).click();
  await expect(traderPage.getByRole('heading', { level: 1, name: 'New declaration' })).toBeVisible();

  await fillHeader(traderPage, '26001');
  // A bad item first: every failing field is named, linked, and nothing is saved.
  await fillItem(traderPage, 1, { hs: '8471', description: 'Laptops', gross: '100', net: '120' });
  await traderPage.getByRole('button', { name: 'Save draft' }).click();
  const summary = traderPage.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'The commodity code must be 10 digits, like 8471300000' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'The net mass cannot be more than the gross mass' })).toBeVisible();
  await expect(traderPage).toHaveURL(/\/trader\/declarations\/new$/);

  await fillItem(traderPage, 1, { hs: '8471300000', description: 'Laptops', gross: '120', net: '100' });
  await traderPage.getByRole('button', { name: 'Save draft' }).click();
  await expect(traderPage.getByRole('heading', { level: 1, name: 'Draft declaration' })).toBeVisible();
  const declarationUrl = traderPage.url();

  await traderPage.getByRole('button', { name: 'Submit declaration' }).click();
  const heading = traderPage.getByRole('heading', { level: 1, name: /^Declaration 26001\/\d{6}\/\d{7}$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.replace('Declaration ', '');
  await expect(traderPage.getByText('With an inspector').first()).toBeVisible();
  await expect(traderPage.getByRole('button', { name: 'Submit declaration' })).toHaveCount(0);

  const inspectorPage = await (await browser.newContext()).newPage();
  await signInAs(inspectorPage, 'inspector@customs.uz', '/officer');
  await inspectorPage.getByRole('link', { name: number }).click();
  await expect(inspectorPage.getByRole('heading', { level: 1, name: `Declaration ${number}` })).toBeVisible();
  await expect(inspectorPage.getByText('Silk Road Trading LLC (TIN 301234567)')).toBeVisible();

  // Another company's trader gets a 404 for it.
  const strangerPage = await (await browser.newContext()).newPage();
  await signInAs(strangerPage, 'trader@orient.uz', '/trader');
  const response = await strangerPage.goto(declarationUrl);
  expect(response?.status()).toBe(404);
  await expect(strangerPage.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

function body(postCode: string) {
  return {
    regime: 'EK10', postCode,
    consignorName: 'Orient Logistics JSC', consignorCountry: 'UZ', consignorAddress: 'Tashkent, Mustaqillik 59',
    consigneeName: 'Almaty Trade LLP', consigneeCountry: 'KZ', consigneeAddress: 'Almaty, Abay 10',
    dispatchCountry: 'UZ', destinationCountry: 'KZ', transportMode: 'ROAD', transportDocument: 'CMR 100200', incoterm: 'DAP',
    invoiceCurrency: 'USD', invoiceTotal: '1500.00',
    items: [{ hsCode: '5201000000', description: 'Raw cotton', originCountry: 'UZ', grossMass: '1010', netMass: '1000', quantity: '1000', supplementaryUnit: 'KG', invoiceValue: '1500.00' }],
  };
}

async function createDrafts(request: APIRequestContext, count: number, postCode: string) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await request.post('/api/declarations', { data: body(postCode) });
    expect(res.status(), await res.text()).toBe(201);
    ids.push((await res.json()).id);
  }
  return ids;
}

test('20 concurrent submissions get 20 distinct registration numbers', async ({ page }) => {
  await signInAs(page, 'trader@orient.uz', '/trader');
  const ids = await createDrafts(page.request, 20, '23001');
  const responses = await Promise.all(ids.map((id) => page.request.post(`/api/declarations/${id}/submit`)));
  const numbers = await Promise.all(responses.map(async (r) => {
    expect(r.status()).toBe(201);
    return (await r.json()).registrationNumber as string;
  }));
  expect(new Set(numbers).size).toBe(20);
  for (const n of numbers) expect(n).toMatch(/^23001\/\d{6}\/\d{7}$/);
  // A retried request answers with the same number instead of registering again.
  const retry = await page.request.post(`/api/declarations/${ids[0]}/submit`);
  expect(retry.status()).toBe(200);
  expect((await retry.json()).registrationNumber).toBe(numbers[0]);
});

test('the API names every failing field of a malformed declaration with a 422', async ({ page }) => {
  await signInAs(page, 'trader@orient.uz', '/trader');
  const res = await page.request.post('/api/declarations', { data: { ...body('23001'), consignorCountry: 'Uzbekistan', items: [] } });
  expect(res.status()).toBe(422);
  const json = await res.json();
  expect(json.error.fieldErrors.map((e: { path: string }) => e.path).sort()).toEqual(['consignorCountry', 'items']);
  const notJson = await page.request.post('/api/declarations', { data: 'not json', headers: { 'content-type': 'application/json' } });
  expect(notJson.status()).toBe(422);
  expect((await page.request.get('/api/declarations/not-a-uuid')).status()).toBe(404);
  expect((await page.request.get('/api/declarations/00000000-0000-4000-8000-000000000000')).status()).toBe(404);
});
