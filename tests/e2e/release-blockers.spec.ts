import { test, expect, type Page } from '@playwright/test';
import { aTraderOfANewCompany, daysAgo, expectNoAxeViolations, newSignedInPage, withDatabase } from './helpers';

// Issue 13, items 1 and 2. Each test uses a company of its own (created here, with the demo
// password) and gives it permits directly in the database: no screen issues a permit to order.

/** A permit held by the company of `email`, issued by the demo SES or STD officer. */
async function aPermitFor(
  email: string,
  p: { typeCode: 'SES-FOOD' | 'STD-COC'; hsCodes: string[]; quantity: string; unit: string },
): Promise<string> {
  const number = `${p.typeCode}/E2E/${test.info().workerIndex}${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const officer = p.typeCode === 'SES-FOOD' ? 'ses.officer@agency.uz' : 'std.officer@agency.uz';
  await withDatabase((db) =>
    db.query(
      `INSERT INTO "Permit" (id, number, "companyId", "permitTypeCode", direction, status, "hsCodes", "validFrom", "validTo",
         quantity, "remainingQuantity", unit, "issuedById", "issuedAt")
       SELECT gen_random_uuid(), $1, u."companyId", $2, 'IMPORT', 'ISSUED', $3::text[], current_date - 30, current_date + 300,
         $4::numeric, $4::numeric, $5, o.id, now()
       FROM "User" u, "User" o WHERE u.email = $6 AND o.email = $7`,
      [number, p.typeCode, p.hsCodes, p.quantity, p.unit, email, officer],
    ),
  );
  return number;
}

type Item = {
  hsCode: string;
  description: string;
  originCountry: string;
  grossMass: string;
  netMass: string;
  quantity: string;
  supplementaryUnit: string;
  invoiceValue: string;
};

const beer = (quantity: string, value: string): Item => ({
  hsCode: '2203000900',
  description: 'Beer in bottles',
  originCountry: 'DE',
  grossMass: String(Number(quantity) * 1.2),
  netMass: quantity,
  quantity,
  supplementaryUnit: 'L',
  invoiceValue: value,
});

function importBody(items: Item[]) {
  const total = items.reduce((sum, i) => sum + Number(i.invoiceValue), 0).toFixed(2);
  return {
    regime: 'IM40',
    postCode: '26001',
    consignorName: 'Bavaria Export GmbH',
    consignorCountry: 'DE',
    consignorAddress: 'Munich, Brauerstrasse 1',
    consigneeName: 'E2E Release LLC',
    consigneeCountry: 'UZ',
    consigneeAddress: 'Tashkent, Payment street 6',
    dispatchCountry: 'DE',
    destinationCountry: 'UZ',
    transportMode: 'ROAD',
    transportDocument: 'CMR 700100',
    incoterm: 'DAP',
    invoiceCurrency: 'USD',
    invoiceTotal: total,
    documents: [
      { type: 'INVOICE', number: 'INV-E2E-13', date: daysAgo(3) },
      { type: 'TRANSPORT_DOCUMENT', number: 'CMR 700100', date: daysAgo(2) },
    ],
    items,
  };
}

async function createDraft(page: Page, items: Item[]): Promise<string> {
  const created = await page.request.post('/api/declarations', { data: importBody(items) });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/**
 * Submits beer imports until the risk engine sends one to the green channel (the random share and
 * the model may send one to an inspector; they stay in the company's account, untouched).
 */
async function aGreenDeclaration(page: Page): Promise<{ id: string; registrationNumber: string }> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const id = await createDraft(page, [beer('100', '200.00')]);
    const submitted = await page.request.post(`/api/declarations/${id}/submit`);
    expect(submitted.status(), await submitted.text()).toBe(201);
    const result = (await submitted.json()) as { registrationNumber: string; status: string };
    if (result.status === 'ASSESSED') return { id, registrationNumber: result.registrationNumber };
  }
  throw new Error('No beer import went to the green channel in 8 submissions');
}

async function topUp(page: Page, amount: string) {
  await page.goto('/trader/account');
  await page.getByLabel('Amount to top up (UZS)').fill(amount.replace(/ /g, ''));
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Test bank: card payment' })).toBeVisible();
  await expect(page.getByText(`${amount} UZS`, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Pay ${amount} UZS` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Top-up' })).toBeVisible();
  await expect(page.getByText('Credited', { exact: true })).toBeVisible();
}

test('a paid green declaration waiting for a permit names its blocker to the trader and the officer, and the permit releases it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const email = await aTraderOfANewCompany('blocked');
  // An authorised economic operator: the learned model's score for a new company's beer varies with
  // the seeded history and the day, and an AEO's yellow is blue — released without an officer, like
  // green. This test is about what release waits for, not about risk.
  await withDatabase((db) =>
    db.query(
      `UPDATE "Company" SET "isAuthorisedEconomicOperator" = true WHERE id = (SELECT "companyId" FROM "User" WHERE email = $1)`,
      [email],
    ),
  );
  const trader = await newSignedInPage(browser, email, '/trader');
  // The company's SES-FOOD permit counts kilograms; the beer is declared in litres.
  const inKg = await aPermitFor(email, { typeCode: 'SES-FOOD', hsCodes: ['2203'], quantity: '5000', unit: 'KG' });
  const { id, registrationNumber } = await aGreenDeclaration(trader);
  const base = `/trader/declarations/${id}`;

  // Pay what is due from a topped-up balance: paid, but not released.
  await trader.goto(base);
  const pay = trader.getByRole('button', { name: /^Pay [\d ]+\.\d{2} UZS from the balance$/ });
  const amount = (await pay.textContent())!.match(/^Pay ([\d ]+\.\d{2}) UZS/)![1];
  await topUp(trader, amount);
  await trader.goto(base);
  await trader.getByRole('button', { name: `Pay ${amount} UZS from the balance` }).click();
  await expect(trader.getByText('Paid', { exact: true }).first()).toBeVisible();

  // The next action names what blocks release: which permit, for which item, with links to apply and to link.
  const next = trader.getByRole('region', { name: 'What happens next' });
  await expect(next).toContainText(
    'Release is waiting for 1 permit: link each one to its item, or apply for it if your company does not hold one.',
  );
  await expect(next).toContainText('Item 1 — Beer in bottles (2203000900)');
  await expect(next).toContainText(`SES-FOOD: permit ${inKg} counts KG, but the item is declared in L.`);
  await expect(next.getByRole('link', { name: 'Apply for a SES-FOOD permit for item 1' })).toHaveAttribute(
    'href',
    // The link names the type, so the application opens on it.
    `/trader/permits/apply?declaration=${id}&line=1&type=SES-FOOD`,
  );
  await expect(next.getByRole('link', { name: 'Link a permit to item 1' })).toHaveAttribute('href', `${base}/permits`);
  await expect(trader.getByText('The declaration is being processed.')).toHaveCount(0);
  // The timeline promises nothing that will not happen.
  const timeline = trader.getByRole('table', { name: 'Timeline' });
  await expect(timeline).toContainText(
    /(Green|Blue) channel: released automatically once the payments are settled and the missing permits are linked \(item 1: SES-FOOD\)/,
  );
  await expect(timeline).not.toContainText('as soon as the payments are settled');
  await expectNoAxeViolations(trader);

  // The officer's page says the same.
  const inspector = await newSignedInPage(browser, 'inspector@customs.uz', '/officer');
  await inspector.goto(`/officer/declarations/${id}`);
  await expect(inspector.getByRole('heading', { level: 1, name: `Declaration ${registrationNumber}` })).toBeVisible();
  const waits = inspector.getByRole('region', { name: 'What release is waiting for' });
  await expect(waits).toContainText('released automatically, without an officer, once nothing listed here blocks it');
  await expect(waits).toContainText('Item 1: SES-FOOD — no SES-FOOD permit is linked to this item.');
  await expect(inspector.getByRole('table', { name: 'Timeline' })).not.toContainText('as soon as the payments');
  await expectNoAxeViolations(inspector);

  // A permit in litres arrives; the trader follows the link and links it: released.
  const inLitres = await aPermitFor(email, { typeCode: 'SES-FOOD', hsCodes: ['2203'], quantity: '100', unit: 'L' });
  await trader.goto(base);
  await expect(trader.getByRole('link', { name: `Link permit ${inLitres} to item 1` })).toBeVisible();
  await trader.getByRole('link', { name: `Link permit ${inLitres} to item 1` }).click();
  const select = trader.getByLabel('Permit for item 1');
  await expect(select.locator('option', { hasText: inKg })).toHaveCount(0); // linking would refuse it: not offered
  await select.selectOption((await select.locator('option', { hasText: inLitres }).getAttribute('value'))!);
  await trader.getByRole('button', { name: 'Link to item 1' }).click();
  await trader.goto(base);
  await expect(trader.getByText('The goods are released. Nothing more to do.')).toBeVisible();
  await inspector.reload();
  await expect(inspector.getByRole('region', { name: 'What release is waiting for' })).toHaveCount(0);
});

test('check your answers warns of the permits release will wait for, with the same rules as linking, and the trader may submit', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const email = await aTraderOfANewCompany('check');
  const trader = await newSignedInPage(browser, email, '/trader');
  const food = await aPermitFor(email, { typeCode: 'SES-FOOD', hsCodes: ['2203'], quantity: '5000', unit: 'KG' });
  const coc = await aPermitFor(email, { typeCode: 'STD-COC', hsCodes: ['8471'], quantity: '1', unit: 'PCS' });
  const id = await createDraft(trader, [
    beer('2000', '4000.00'),
    {
      hsCode: '8471300000',
      description: 'Laptops',
      originCountry: 'CN',
      grossMass: '120',
      netMass: '100',
      quantity: '50',
      supplementaryUnit: 'PCS',
      invoiceValue: '6000.00',
    },
  ]);
  await trader.goto(`/trader/declarations/${id}/check`);
  await expect(trader.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();

  // Neither held permit is said to satisfy its line: linking would refuse both.
  const estimate = trader.getByRole('table', { name: 'Items, formalities and estimated payments' });
  const beerRow = estimate.getByRole('row', { name: /2203000900/ });
  const laptopRow = estimate.getByRole('row', { name: /8471300000/ });
  await expect(beerRow).toContainText('Missing');
  await expect(beerRow).toContainText(`permit ${food} counts KG, but the item is declared in L`);
  await expect(laptopRow).toContainText('Missing');
  await expect(laptopRow).toContainText(`permit ${coc} has 1 PCS left, but the item needs 50 PCS`);
  await expect(estimate.getByText('Satisfied', { exact: true })).toHaveCount(0);
  await expect(estimate).not.toContainText('by permit');

  // The list of things to do before submitting: a warning naming each missing permit, not a problem.
  const warning = trader.getByRole('region', {
    name: 'Warning: 2 permits are missing: you can submit, but release will wait',
  });
  await expect(warning).toContainText('Item 1 — Beer in bottles (2203000900)');
  await expect(warning).toContainText(`SES-FOOD: permit ${food} counts KG, but the item is declared in L.`);
  await expect(warning).toContainText('Item 2 — Laptops (8471300000)');
  await expect(warning).toContainText(`STD-COC: permit ${coc} has 1 PCS left, but the item needs 50 PCS.`);
  await expect(warning.getByRole('link', { name: 'Apply for a STD-COC permit for item 2' })).toHaveAttribute(
    'href',
    `/trader/permits/apply?declaration=${id}&line=2&type=STD-COC`,
  );
  await expect(trader.getByRole('alert').filter({ hasText: 'to correct before you can submit' })).toHaveCount(0);
  await expect(trader.getByText('Release will wait for the permits listed at the top of this page.')).toBeVisible();
  await expectNoAxeViolations(trader);

  // Submitting is allowed.
  await trader.getByRole('button', { name: 'Submit declaration' }).click();
  await expect(trader.getByRole('heading', { level: 1, name: /^Declaration 26001\/\d{6}\/\d{7}$/ })).toBeVisible();
});
