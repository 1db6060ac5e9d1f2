import { test, expect, type Page } from '@playwright/test';
import { signInAs, expectNoAxeViolations, newSignedInPage } from './helpers';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const fileName = (document: string) => `${document.toLowerCase().replace(/[^a-z]+/g, '-')}.pdf`;

type Product = { hsCode: string; description: string; quantity: string; unit: string; country: string };

/** The trader applies for a permit in the browser, up to submission; returns the application's number. */
async function applyFor(page: Page, args: { type: string; purpose: string; product: Product; documents: string[] }) {
  await page.goto('/trader/permits/apply');
  await page.getByLabel('Permit type').selectOption(args.type);
  await page.getByLabel('Purpose of the import or export').fill(args.purpose);
  await page.getByRole('button', { name: 'Start application' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Draft application for ${args.type}` })).toBeVisible();
  await fillProduct(page, args.product);
  await expect(page.getByRole('button', { name: `Remove product ${args.product.hsCode}` })).toBeVisible();
  for (const document of args.documents) {
    await page.getByLabel('Document', { exact: true }).selectOption(document);
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: fileName(document), mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Attach document' }).click();
    await expect(page.getByRole('link', { name: `Open ${fileName(document)}` })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Submit application' }).click();
  const heading = page.getByRole('heading', {
    level: 1,
    name: new RegExp(`^Application A/${args.type}/\\d{4}/\\d{6}$`),
  });
  await expect(heading).toBeVisible();
  await expect(page.getByText('Waiting for a decision').first()).toBeVisible();
  return (await heading.textContent())!.replace('Application ', '');
}

async function fillProduct(page: Page, p: Product) {
  await page.getByLabel('Commodity code (HS, 10 digits)').fill(p.hsCode);
  await page.getByLabel('Product description').fill(p.description);
  await page.getByLabel('Quantity', { exact: true }).fill(p.quantity);
  await page.getByLabel('Unit', { exact: true }).selectOption(p.unit);
  await page.getByLabel('Country of origin').fill(p.country);
  await page.getByRole('button', { name: 'Add product' }).click();
}

/** The officer issues the application from the desk with the offered validity and quantity; returns the permit's number. */
async function issueFromDesk(page: Page, applicationNumber: string, conditions?: string) {
  await page.goto('/agency');
  await page.getByRole('link', { name: applicationNumber }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Application ${applicationNumber}` })).toBeVisible();
  if (conditions) await page.getByLabel('Conditions (optional)').fill(conditions);
  await page.getByRole('button', { name: 'Issue permit' }).click();
  const permitLink = page.getByRole('region', { name: 'The permit' }).getByRole('link');
  await expect(permitLink).toBeVisible();
  return (await permitLink.textContent())!;
}

const apples: Product = {
  hsCode: '0808108000',
  description: 'Fresh apples, Golden Delicious',
  quantity: '20000',
  unit: 'KG',
  country: 'IR',
};

test('a trader applies for a phytosanitary import permit, the officer asks and issues, and the permit satisfies the declaration item it is linked to', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const trader = await newSignedInPage(browser, 'trader@silkroad.uz', '/trader');
  await trader.goto('/trader/permits');
  await trader.getByRole('link', { name: 'Apply for a permit' }).click();
  await expect(trader.getByRole('heading', { level: 1, name: 'Apply for a permit' })).toBeVisible();

  // Nothing chosen: every field named in the summary.
  await trader.getByRole('button', { name: 'Start application' }).click();
  const summary = trader.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Choose the permit type' })).toHaveAttribute(
    'href',
    '#permitTypeCode',
  );
  await expect(summary.getByRole('link', { name: 'Enter the purpose of the import or export' })).toBeVisible();
  await expect(trader).toHaveTitle(/^Error: /);
  // A type of several directions asks which one (only its own); a type of one direction does not.
  await trader.getByLabel('Permit type').selectOption('PH-NARC');
  const direction = trader.getByRole('group', { name: 'Are the goods imported, exported or in transit?' });
  await expect(direction.getByRole('radio')).toHaveCount(2);
  await expect(direction.getByRole('radio', { name: 'Export' })).toBeVisible();
  await trader.getByLabel('Permit type').selectOption('PQ-IMP');
  await expect(direction).toHaveCount(0);
  await trader.getByLabel('Purpose of the import or export').fill('Apples for retail sale in Tashkent');
  await trader.getByRole('button', { name: 'Start application' }).click();
  await expect(trader.getByRole('heading', { level: 1, name: 'Draft application for PQ-IMP' })).toBeVisible();

  // A product the permit type does not cover is refused on its field.
  await fillProduct(trader, {
    hsCode: '8471300000',
    description: 'Laptops',
    quantity: '10',
    unit: 'PCS',
    country: 'CN',
  });
  await expect(
    trader
      .getByRole('alert')
      .filter({ hasText: 'There is a problem' })
      .getByRole('link', { name: /A PQ-IMP permit does not cover commodity code 8471300000/ }),
  ).toHaveAttribute('href', '#hsCode');
  await fillProduct(trader, apples);
  await expect(trader.getByRole('button', { name: 'Remove product 0808108000' })).toBeVisible();

  // Submitting without the documents names each one missing; a file that is not a PDF, JPEG or PNG is refused.
  await trader.getByRole('button', { name: 'Submit application' }).click();
  await expect(
    trader.getByRole('link', { name: 'Attach the Phytosanitary certificate of the exporting country' }),
  ).toBeVisible();
  await trader.getByLabel('Document', { exact: true }).selectOption('Contract');
  await trader
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a document') });
  await trader.getByRole('button', { name: 'Attach document' }).click();
  await expect(trader.getByRole('link', { name: 'The selected file must be a PDF, JPEG or PNG' })).toBeVisible();
  for (const document of ['Contract', 'Invoice', 'Phytosanitary certificate of the exporting country']) {
    await trader.getByLabel('Document', { exact: true }).selectOption(document);
    await trader
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: fileName(document), mimeType: 'application/pdf', buffer: PDF });
    await trader.getByRole('button', { name: 'Attach document' }).click();
    await expect(trader.getByRole('link', { name: `Open ${fileName(document)}` })).toBeVisible();
  }
  // The failed submission's problems were the documents now attached: its summary is gone, not stale.
  await expect(
    trader.getByRole('link', { name: 'Attach the Phytosanitary certificate of the exporting country' }),
  ).toHaveCount(0);
  await expectNoAxeViolations(trader);
  await trader.getByRole('button', { name: 'Submit application' }).click();
  const heading = trader.getByRole('heading', { level: 1, name: /^Application A\/PQ-IMP\/\d{4}\/\d{6}$/ });
  await expect(heading).toBeVisible();
  const applicationNumber = (await heading.textContent())!.replace('Application ', '');

  // The plant-quarantine officer finds it on the desk, with its time limit, and asks a question.
  const officer = await newSignedInPage(browser, 'pq.officer@agency.uz', '/agency');
  const row = officer
    .getByRole('table', { name: 'Permit desk' })
    .getByRole('row', { name: new RegExp(applicationNumber) });
  await expect(row).toContainText('Silk Road Trading LLC');
  await expect(row).toContainText('On time');
  await expectNoAxeViolations(officer);
  await row.getByRole('link', { name: applicationNumber }).click();
  await expect(officer.getByRole('heading', { level: 1, name: `Application ${applicationNumber}` })).toBeVisible();
  await expectNoAxeViolations(officer);
  // Every document opens in the browser.
  const file = await officer.request.get(
    (await officer
      .getByRole('link', { name: 'Open phytosanitary-certificate-of-the-exporting-country.pdf' })
      .getAttribute('href'))!,
  );
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('application/pdf');
  await officer.getByLabel('Your question to the trader').fill('Which orchard do the apples come from?');
  await officer.getByRole('button', { name: 'Send question' }).click();
  await expect(officer.getByText('More information requested').first()).toBeVisible();

  // Another authority's officer may not open it: not found, like every other scope miss.
  const ses = await newSignedInPage(browser, 'ses.officer@agency.uz', '/agency');
  expect((await ses.goto(officer.url()))?.status()).toBe(404);

  // The trader's open page shows the question without a reload; the trader answers.
  await expect(trader.getByText('The authority asked: Which orchard do the apples come from?')).toBeVisible({
    timeout: 15_000,
  });
  await trader.getByLabel('Your answer').fill('Orchard 12 near Urmia; the certificate names it.');
  await trader.getByRole('button', { name: 'Send answer' }).click();
  await expect(trader.getByText('Waiting for a decision').first()).toBeVisible();

  // The officer sees the answer, tries a quantity of 0 (refused on its field), then issues.
  await expect(officer.getByText('Orchard 12 near Urmia; the certificate names it.')).toBeVisible({ timeout: 15_000 });
  await officer.getByLabel('Quantity permitted').fill('0');
  await officer.getByRole('button', { name: 'Issue permit' }).click();
  await expect(officer.getByRole('link', { name: 'The quantity must be more than 0' })).toHaveAttribute(
    'href',
    '#quantity',
  );
  await officer.getByLabel('Quantity permitted').fill('20000');
  await officer.getByLabel('Conditions (optional)').fill('Fumigation certificate at the border');
  await officer.getByRole('button', { name: 'Issue permit' }).click();
  const permitLink = officer.getByRole('region', { name: 'The permit' }).getByRole('link');
  await expect(permitLink).toHaveText(/^PQ-IMP\/\d{4}\/\d{6}$/);
  const pqPermit = (await permitLink.textContent())!;
  await permitLink.click();
  await expect(officer.getByRole('heading', { level: 1, name: `Permit ${pqPermit}` })).toBeVisible();
  await expectNoAxeViolations(officer);
  await officer.goto('/agency/permits');
  await expect(officer.getByRole('row', { name: new RegExp(pqPermit) })).toContainText('Valid');
  await expectNoAxeViolations(officer);

  // The trader is told at once, and the permit verifies as genuine.
  await expect(trader.getByText(`Permit ${pqPermit} has been issued.`)).toBeVisible({ timeout: 15_000 });
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/verify?number=${encodeURIComponent(pqPermit)}`);
  await expect(visitor.getByRole('region', { name: 'Result' }).getByText('Genuine and current')).toBeVisible();

  // Apples also need the sanitary conclusion (SES-FOOD): applied for and issued the same way.
  const foodApplication = await applyFor(trader, {
    type: 'SES-FOOD',
    purpose: 'Apples for retail sale in Tashkent',
    product: apples,
    documents: ['Contract', 'Invoice', 'Laboratory test report', 'Certificate of origin'],
  });
  const foodPermit = await issueFromDesk(ses, foodApplication);

  // A draft declaration of the apples (JSON API); the trader links the permits to its item.
  const created = await trader.request.post('/api/declarations', {
    data: {
      regime: 'IM40',
      postCode: '26001',
      consignorName: 'Urmia Fruit Co',
      consignorCountry: 'IR',
      consignorAddress: 'Urmia, Imam Street 5',
      consigneeName: 'Silk Road Trading LLC',
      consigneeCountry: 'UZ',
      consigneeAddress: 'Tashkent, Amir Temur 107',
      dispatchCountry: 'IR',
      destinationCountry: 'UZ',
      transportMode: 'ROAD',
      transportDocument: 'CMR 550123',
      incoterm: 'DAP',
      invoiceCurrency: 'USD',
      invoiceTotal: '18000.00',
      documents: [],
      items: [
        {
          hsCode: '0808108000',
          description: 'Fresh apples',
          originCountry: 'IR',
          grossMass: '21000',
          netMass: '20000',
          quantity: '20000',
          supplementaryUnit: 'KG',
          invoiceValue: '18000.00',
        },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await trader.goto(`/trader/declarations/${id}/check`);
  await trader.getByRole('link', { name: 'Link permits to the items' }).click();
  await expect(trader.getByRole('heading', { level: 1, name: 'Permits of the draft declaration' })).toBeVisible();
  const item = trader.getByRole('table', { name: 'Items and their permits' }).getByRole('row', { name: /0808108000/ });
  await expect(item.getByText('Missing', { exact: true })).toHaveCount(2);
  await expect(trader.getByText('0 of 1 item that needs permits has all of them.')).toBeVisible();
  await expectNoAxeViolations(trader);

  const choose = async (permitNumber: string) => {
    const select = trader.getByLabel('Permit for item 1');
    const value = await select.locator('option', { hasText: permitNumber }).getAttribute('value');
    await select.selectOption(value!);
    await trader.getByRole('button', { name: 'Link to item 1' }).click();
  };
  await choose(pqPermit);
  await expect(item).toContainText(`by permit ${pqPermit}`);
  await expect(item.getByText('Satisfied', { exact: true })).toHaveCount(1);
  await expect(item.getByText('Missing', { exact: true })).toHaveCount(1);
  await choose(foodPermit);
  await expect(item.getByText('Satisfied', { exact: true })).toHaveCount(2);
  await expect(item.getByText('Missing', { exact: true })).toHaveCount(0);
  await expect(trader.getByText('1 of 1 item that needs permits has all of them.')).toBeVisible();

  // The permits list shows what is left; the permit prints with its QR code.
  await trader.goto('/trader/permits');
  const permitRow = trader
    .getByRole('table', { name: 'Your company’s permits' })
    .getByRole('row', { name: new RegExp(pqPermit) });
  await expect(permitRow).toContainText('Valid');
  await permitRow.getByRole('link', { name: pqPermit }).click();
  await expect(trader.getByRole('heading', { level: 1, name: `Permit ${pqPermit}` })).toBeVisible();
  await expect(trader.getByRole('table', { name: 'Declarations using this permit' })).toContainText(
    'Not yet (at release)',
  );
  const pdf = await trader.request.get(trader.url() + '/pdf');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
});

test('the administrator edits the permit catalogue with every field checked', async ({ page }) => {
  await signInAs(page, 'admin@customs.uz', '/admin');
  await page.goto('/admin/permit-types');
  await expect(page.getByRole('heading', { level: 1, name: 'Permit catalogue' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Permit types' }).getByRole('row')).toHaveCount(22);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'ECO-ODS' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Permit type ECO-ODS' })).toBeVisible();
  await page.getByLabel('HS prefixes').fill('2903 38X4');
  await page.getByLabel('Validity (days)').fill('0');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(
    summary.getByRole('link', { name: 'Each HS prefix must be 2, 4 or 6 digits: 38X4 is not' }),
  ).toHaveAttribute('href', '#hsPrefixes');
  await expect(
    summary.getByRole('link', { name: 'Enter the validity in days, a whole number from 1 to 3650' }),
  ).toBeVisible();
  await page.getByLabel('HS prefixes').fill('2903 3824');
  await page.getByLabel('Validity (days)').fill('365');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(/\/admin\/permit-types$/);
  await expect(page.getByRole('row', { name: /ECO-ODS/ })).toContainText('365 days');
});

test('permits prefilled from a line: "Apply for a permit" on a draft declaration’s item opens the application with its goods, the fee is charged at submission with a receipt, and the permit links back', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const trader = await newSignedInPage(browser, 'trader@silkroad.uz', '/trader');
  // A draft declaration (JSON API): item 1 laptops, item 2 beer in litres.
  const created = await trader.request.post('/api/declarations', {
    data: {
      regime: 'IM40',
      postCode: '26001',
      consignorName: 'Munich Brewing GmbH',
      consignorCountry: 'DE',
      consignorAddress: 'Munich, Bayerstrasse 10',
      consigneeName: 'Silk Road Trading LLC',
      consigneeCountry: 'UZ',
      consigneeAddress: 'Tashkent, Amir Temur 107',
      dispatchCountry: 'DE',
      destinationCountry: 'UZ',
      transportMode: 'ROAD',
      transportDocument: 'CMR 770412',
      incoterm: 'DAP',
      invoiceCurrency: 'USD',
      invoiceTotal: '10000.00',
      documents: [],
      items: [
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
        {
          hsCode: '2203000900',
          description: 'Beer, in bottles',
          originCountry: 'DE',
          grossMass: '2400',
          netMass: '2000',
          quantity: '2000',
          supplementaryUnit: 'L',
          invoiceValue: '4000.00',
        },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  // The declaration's permits step: each item that needs a permit offers a prefilled application.
  await trader.goto(`/trader/declarations/${id}/permits`);
  const beerRow = trader
    .getByRole('table', { name: 'Items and their permits' })
    .getByRole('row', { name: /2203000900/ });
  await beerRow.getByRole('link', { name: 'Apply for a permit for item 2' }).click();
  await expect(trader).toHaveURL(new RegExp(`/trader/permits/apply\\?declaration=${id}&line=2$`));
  await expect(trader.getByRole('heading', { level: 1, name: 'Apply for a permit' })).toBeVisible();

  // Prefilled: the type the line needs (its authority named), the goods in the unit the permit counts, the origin.
  await expect(trader.getByText('Prefilled from item 2 of your draft declaration.', { exact: false })).toBeVisible();
  await expect(
    trader.getByText(
      /^Item 2 \(commodity code 2203000900\) needs: SES-FOOD — .*\(Sanitary-epidemiological service\)\.$/,
    ),
  ).toBeVisible();
  const type = trader.getByLabel('Permit type');
  await expect(type).toHaveValue('SES-FOOD');
  await expect(type.locator('option:checked')).toHaveText(/^SES-FOOD — .* \(Sanitary-epidemiological service\)$/);
  await expect(type.locator('option')).toHaveText(['Choose one', /^SES-FOOD/]);
  await expect(trader.getByLabel('Commodity code (HS, 10 digits)')).toHaveValue('2203000900');
  await expect(trader.getByLabel('Product description')).toHaveValue('Beer, in bottles');
  await expect(trader.getByLabel('Quantity', { exact: true })).toHaveValue('2000');
  await expect(trader.getByLabel('Unit', { exact: true })).toHaveValue('L');
  // The country list shows the prefilled origin by name (and sends its code).
  await expect(trader.getByLabel('Country of origin')).toHaveValue('Germany (DE)');
  await expect(trader.getByLabel('Purpose of the import or export')).toHaveValue(
    'Import of the goods of item 2 of your draft declaration',
  );
  // The fee before anything is charged, and the balance it comes from.
  await expect(
    trader.getByText(
      'Fee: 150 000.00 UZS, charged from your company’s personal account when you submit the application. Not refunded if the application is refused or withdrawn.',
    ),
  ).toBeVisible();
  await expect(trader.getByText(/^Your balance: [\d ]+\.\d{2} UZS\. Top up the balance$/)).toBeVisible();
  await expectNoAxeViolations(trader);

  await trader.getByRole('button', { name: 'Start application' }).click();
  await expect(trader.getByRole('heading', { level: 1, name: 'Draft application for SES-FOOD' })).toBeVisible();
  await expect(trader.getByRole('button', { name: 'Remove product 2203000900' })).toBeVisible();
  const products = trader.getByRole('table').filter({ hasText: '2203000900' });
  await expect(products).toContainText('Beer, in bottles');
  await expect(products).toContainText('DE');
  await expect(trader.getByRole('link', { name: 'Draft declaration, item 2' })).toHaveAttribute(
    'href',
    `/trader/declarations/${id}/permits`,
  );
  const fee = trader.getByRole('region', { name: 'Fee', exact: true });
  await expect(fee).toContainText(
    /Submitting the application charges the fee of 150 000\.00 UZS from your company’s personal account\. Your balance: [\d ]+\.\d{2} UZS\./,
  );

  for (const document of ['Contract', 'Invoice', 'Laboratory test report', 'Certificate of origin']) {
    await trader.getByLabel('Document', { exact: true }).selectOption(document);
    await trader
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: fileName(document), mimeType: 'application/pdf', buffer: PDF });
    await trader.getByRole('button', { name: 'Attach document' }).click();
    await expect(trader.getByRole('link', { name: `Open ${fileName(document)}` })).toBeVisible();
  }
  await trader.getByRole('button', { name: 'Submit application' }).click();
  const heading = trader.getByRole('heading', { level: 1, name: /^Application A\/SES-FOOD\/\d{4}\/\d{6}$/ });
  await expect(heading).toBeVisible();
  const applicationNumber = (await heading.textContent())!.replace('Application ', '');

  // The receipt of the fee, on the application page; it prints.
  const movements = trader.getByRole('table', { name: 'Fee movements' });
  await expect(movements.getByRole('row', { name: /Fee paid/ })).toContainText('150 000.00 UZS');
  const receipt = movements.getByRole('link', { name: /^Receipt R-\d{4}-\d{7}$/ });
  const pdf = await trader.request.get((await receipt.getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await expectNoAxeViolations(trader);

  // Issued, the permit's page links back to the declaration it was applied for.
  const ses = await newSignedInPage(browser, 'ses.officer@agency.uz', '/agency');
  const permitNumber = await issueFromDesk(ses, applicationNumber);
  await trader.reload();
  await trader.getByRole('link', { name: `View permit ${permitNumber}` }).click();
  await expect(trader.getByRole('heading', { level: 1, name: `Permit ${permitNumber}` })).toBeVisible();
  await expect(trader.getByRole('link', { name: 'Draft declaration, item 2' })).toHaveAttribute(
    'href',
    `/trader/declarations/${id}`,
  );
});
