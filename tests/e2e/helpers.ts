import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-logins';

export { DEMO_PASSWORD };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInAs(page: Page, email: string, home: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${home}$`));
}

/** A page in a browser context of its own (its own session), signed in as `email` and landed on `home`. */
export async function newSignedInPage(browser: Browser, email: string, home: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, email, home);
  return page;
}

/** The page as it stands has no accessibility violations (axe); the failure lists each rule and its nodes. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations,
    JSON.stringify(
      results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target) })),
      null,
      2,
    ),
  ).toEqual([]);
}

export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** A complete export declaration (raw cotton to Kazakhstan) for the JSON API. */
export function exportDeclarationBody(postCode: string, description = 'Raw cotton') {
  return {
    regime: 'EK10',
    postCode,
    consignorName: 'Orient Logistics JSC',
    consignorCountry: 'UZ',
    consignorAddress: 'Tashkent, Mustaqillik 59',
    consigneeName: 'Almaty Trade LLP',
    consigneeCountry: 'KZ',
    consigneeAddress: 'Almaty, Abay 10',
    dispatchCountry: 'UZ',
    destinationCountry: 'KZ',
    transportMode: 'ROAD',
    transportDocument: 'CMR 100200',
    incoterm: 'DAP',
    invoiceCurrency: 'USD',
    invoiceTotal: '1500.00',
    documents: [
      { type: 'INVOICE', number: 'INV-E2E-1', date: daysAgo(3) },
      { type: 'TRANSPORT_DOCUMENT', number: 'CMR 100200', date: daysAgo(2) },
    ],
    items: [
      {
        hsCode: '5201000000',
        description,
        originCountry: 'UZ',
        grossMass: '1010',
        netMass: '1000',
        quantity: '1000',
        supplementaryUnit: 'KG',
        invoiceValue: '1500.00',
      },
    ],
  };
}

/** Files the declaration through the JSON API as the page's trader: created (201), then submitted (201). */
export async function submitDeclarationByApi(
  page: Page,
  body: unknown,
): Promise<{ id: string; registrationNumber: string }> {
  const created = await page.request.post('/api/declarations', { data: body });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const submitted = await page.request.post(`/api/declarations/${id}/submit`);
  expect(submitted.status(), await submitted.text()).toBe(201);
  const { registrationNumber } = (await submitted.json()) as { registrationNumber: string };
  return { id, registrationNumber };
}

/** On the officer's declaration page: a physical examination that finds undervaluation, listed among the checks. */
export async function recordUndervaluation(inspector: Page, findings: string) {
  const examination = inspector.getByRole('region', { name: 'Record the physical examination' });
  await examination.getByLabel('Findings of the examination').fill(findings);
  await examination.getByRole('group', { name: 'Outcome' }).getByLabel('Discrepancy found').check();
  await examination.getByLabel('Type of discrepancy').selectOption('UNDERVALUATION');
  await examination.getByRole('button', { name: 'Record examination' }).click();
  await expect(inspector.getByRole('table', { name: 'Checks and examinations' })).toContainText(
    'Discrepancy — Undervaluation',
  );
}

/** On the officer's declaration page: item 1's value adjusted above the four-eyes limit, so it waits for a supervisor. */
export async function adjustFirstItemValue(inspector: Page, value: string, reason: string) {
  const adjustment = inspector.getByRole('region', { name: 'Adjust value or classification' });
  await adjustment.getByLabel('Item', { exact: true }).selectOption('1');
  await adjustment.getByLabel('Adjusted item value (invoice currency)').fill(value);
  await adjustment.getByLabel('Reason for the adjustment').fill(reason);
  await adjustment.getByRole('button', { name: 'Adjust and reassess' }).click();
  await expect(inspector.getByRole('heading', { name: 'Adjustment waiting for a supervisor' })).toBeVisible();
}

/** The demo supervisor opens the declaration from the approvals list and approves its waiting adjustment. */
export async function approveAdjustmentAsSupervisor(browser: Browser, registrationNumber: string): Promise<Page> {
  const supervisor = await newSignedInPage(browser, 'supervisor@customs.uz', '/officer');
  await supervisor
    .getByRole('region', { name: 'Adjustments waiting for your approval' })
    .getByRole('link', { name: registrationNumber })
    .click();
  await supervisor.getByRole('button', { name: 'Approve adjustment' }).click();
  await expect(supervisor.getByRole('heading', { name: 'Adjustment waiting for a supervisor' })).toHaveCount(0);
  return supervisor;
}

/** A client on the end-to-end database (setup that no screen offers, and checks that nothing was written). */
export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run the end-to-end tests through npm test.');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A trader of a company of its own (with the demo password): balances and counts are exact whatever runs in parallel. */
export async function aTraderOfANewCompany(label: string): Promise<string> {
  const suffix = `${test.info().workerIndex}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const email = `pay-${label}-${suffix}@example.uz`;
  await withDatabase(async (db) => {
    const tin = String(500000000 + Math.floor(Math.random() * 99_999_999));
    const company = await db.query<{ id: string }>(
      `INSERT INTO "Company" (id, tin, name, address, "registeredAt") VALUES (gen_random_uuid(), $1, $2, 'Tashkent, Payment street 6', now()) RETURNING id`,
      [tin, `E2E Payments ${label} LLC`],
    );
    // The demo password's hash, borrowed from a demo trader.
    await db.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "companyId", "createdAt") SELECT gen_random_uuid(), $1, $2, "passwordHash", 'TRADER', $3, now() FROM "User" WHERE email = 'trader@silkroad.uz'`,
      [email, `Payments ${label}`, company.rows[0].id],
    );
  });
  return email;
}
