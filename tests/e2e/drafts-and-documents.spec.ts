import { test, expect } from '@playwright/test';
import {
  aTraderOfANewCompany,
  daysAgo,
  expectNoAxeViolations,
  exportDeclarationBody,
  newSignedInPage,
  signInAs,
  submitDeclarationByApi,
} from './helpers';

const pdf = () => ({
  name: 'invoice.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
});

test('autosave survives a closed tab, keeps a refused value out, and the draft can then be deleted', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const email = await aTraderOfANewCompany('autosave');
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email, '/trader');
  const created = await page.request.post('/api/declarations', { data: exportDeclarationBody('26001') });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.goto(`/trader/declarations/${id}/parties`);
  const status = page.getByRole('status').filter({ hasText: /saved/i });
  await expect(status).toHaveText('Changes on this page are saved as you type.');
  await page.getByLabel('Consignor name').fill('Autosaved Exporter LLC');
  await expect(status).toHaveText(/^Saved at \d\d:\d\d$/);
  // A value its field refuses (an invisible character) is not saved: the status and the field say why.
  await page.getByLabel('Consignor address').fill('Tashkent,\u200b Navoi 1');
  await expect(status).toHaveText(/^Not saved: .+\. Your other changes were saved at \d\d:\d\d\.$/);
  const reason = (await status.textContent())!.replace(/^Not saved: /, '').replace(/\. Your other changes.*$/, '');
  await expect(page.getByLabel('Consignor address')).toHaveAccessibleDescription(reason);
  await expectNoAxeViolations(page);

  // Closed without "Save and continue": what was saved is there when the draft is opened again.
  await page.close();
  const again = await context.newPage();
  await again.goto(`/trader/declarations/${id}/parties`);
  await expect(again.getByLabel('Consignor name')).toHaveValue('Autosaved Exporter LLC');
  await expect(again.getByLabel('Consignor address')).toHaveValue('Tashkent, Mustaqillik 59');

  // The account tells the draft apart, and deletes it after asking.
  await again.goto('/trader');
  const row = again.getByRole('table', { name: 'Declarations' }).getByRole('row', { name: /Autosaved Exporter LLC/ });
  await expect(row).toContainText('Raw cotton');
  await expect(row).toContainText('1 500.00 USD');
  await expect(
    row.getByRole('link', { name: /^Draft \(not registered\): draft from Autosaved Exporter LLC, started / }),
  ).toBeVisible();
  await row.getByRole('button', { name: /^Delete draft: draft from Autosaved Exporter LLC/ }).click();
  await expect(
    row.getByText(/Delete this draft from Autosaved Exporter LLC, .*\? It cannot be undone\./),
  ).toBeFocused();
  await row.getByRole('button', { name: 'Yes, delete this draft' }).click();
  await expect(again).toHaveURL(/\/trader\?deleted=1$/);
  await expect(again.getByRole('status').filter({ hasText: 'The draft was deleted.' })).toBeVisible();
  await expect(again.getByText('Your company has no declarations yet.')).toBeVisible();
  expect((await again.request.get(`/api/declarations/${id}`)).status()).toBe(404);
  await context.close();
});

test('documents requested → uploaded by the trader → the officer sees them and the SLA clock resumes', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const email = await aTraderOfANewCompany('docrequest');
  const trader = await newSignedInPage(browser, email, '/trader');
  // Cars go to the red channel (the demo's standing profile): an officer's work at post 26001.
  const { id, registrationNumber } = await submitDeclarationByApi(trader, {
    ...exportDeclarationBody('26001'),
    regime: 'IM40',
    consignorName: 'Hyundai Motor Company',
    consignorCountry: 'KR',
    consigneeCountry: 'UZ',
    dispatchCountry: 'KR',
    destinationCountry: 'UZ',
    incoterm: 'CIF',
    invoiceTotal: '18000.00',
    items: [
      {
        hsCode: '8703231990',
        description: 'Passenger car, 1.6 l petrol',
        originCountry: 'KR',
        grossMass: '1400',
        netMass: '1300',
        quantity: '1',
        supplementaryUnit: 'PCS',
        invoiceValue: '18000.00',
      },
    ],
  });

  const officer = await newSignedInPage(browser, 'supervisor@customs.uz', '/officer');
  await officer.goto(`/officer/declarations/${id}`);
  await expect(officer.getByRole('heading', { level: 1 })).toContainText(registrationNumber);
  const ask = officer.getByRole('region', { name: 'Request documents' });
  // Nothing chosen: named, and nothing is asked.
  await ask.getByRole('button', { name: 'Request documents' }).click();
  await expect(officer.getByRole('alert').getByRole('link', { name: 'Choose at least one document' })).toBeVisible();
  await ask.getByRole('group', { name: 'Which documents' }).getByLabel('Commercial invoice').check();
  await ask.getByLabel('Why they are needed').fill('The price per car is far below the reference price');
  await ask.getByLabel('Due date').fill(daysAgo(-3));
  await ask.getByRole('button', { name: 'Request documents' }).click();
  const requests = officer.getByRole('region', { name: 'Requests for documents' });
  await expect(requests).toContainText('Waiting for documents');
  await expect(officer.getByText('Paused: waiting for documents')).toBeVisible();
  await expectNoAxeViolations(officer);

  await trader.goto(`/trader/declarations/${id}`);
  const asked = trader.getByRole('region', { name: 'Documents requested by customs' });
  await expect(asked).toContainText('Commercial invoice — still needed');
  await expect(asked).toContainText('The price per car is far below the reference price');
  await asked.getByLabel('Document number').fill('HMC-INV-4411');
  await asked.getByLabel('Date of the document').fill(daysAgo(2));
  await asked.getByLabel('File of the document').setInputFiles(pdf());
  await asked.getByRole('button', { name: 'Upload document' }).click();
  await expect(asked).toContainText('Documents received');
  await expect(asked).toContainText('Commercial invoice — uploaded');
  await expect(asked.getByRole('button', { name: 'Upload document' })).toHaveCount(0);
  await expectNoAxeViolations(trader);

  await officer.reload();
  await expect(requests).toContainText('Documents received');
  await expect(requests.getByRole('link', { name: 'Open invoice.pdf' })).toBeVisible();
  await expect(officer.getByRole('region', { name: 'Documents', exact: true })).toContainText('HMC-INV-4411');
  await expect(officer.getByText('Paused: waiting for documents')).toHaveCount(0);
  await expect(requests.getByRole('button', { name: 'Withdraw this request' })).toHaveCount(0);
});
