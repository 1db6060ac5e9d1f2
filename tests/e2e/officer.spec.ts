import { test, expect } from '@playwright/test';
import {
  adjustFirstItemValue,
  approveAdjustmentAsSupervisor,
  daysAgo,
  expectNoAxeViolations,
  newSignedInPage,
  recordUndervaluation,
  submitDeclarationByApi,
} from './helpers';

/** A car import: the demo's standing profile sends passenger cars (8703) to the red channel. */
function carImport() {
  return {
    regime: 'IM40',
    postCode: '26001',
    consignorName: 'Hyundai Motor Company',
    consignorCountry: 'KR',
    consignorAddress: 'Seoul, Yangjae-dong 231',
    consigneeName: 'Silk Road Trading LLC',
    consigneeCountry: 'UZ',
    consigneeAddress: 'Tashkent, Amir Temur Avenue 107',
    dispatchCountry: 'KR',
    destinationCountry: 'UZ',
    transportMode: 'RAIL',
    transportDocument: 'SMGS 558120',
    incoterm: 'CIF',
    invoiceCurrency: 'USD',
    invoiceTotal: '18000.00',
    documents: [
      { type: 'INVOICE', number: 'HMC-INV-4410', date: daysAgo(5) },
      { type: 'TRANSPORT_DOCUMENT', number: 'SMGS 558120', date: daysAgo(4) },
    ],
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
  };
}

test('an inspector examines a red declaration, records a hit and an adjustment that a supervisor approves', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const trader = await newSignedInPage(browser, 'trader@silkroad.uz', '/trader');
  const { id, registrationNumber } = await submitDeclarationByApi(trader, carImport());

  const inspector = await newSignedInPage(browser, 'inspector@customs.uz', '/officer');
  await expectNoAxeViolations(inspector);
  await inspector.getByLabel('Channel').selectOption('RED');
  await inspector.getByRole('button', { name: 'Apply filters' }).click();
  await inspector.getByRole('link', { name: registrationNumber }).click();
  await expect(inspector.getByRole('heading', { level: 1, name: `Declaration ${registrationNumber}` })).toBeVisible();
  await expect(inspector.getByText('Red', { exact: true }).first()).toBeVisible();
  // CIF: freight and insurance are in the price; the items show their customs value in UZS beside the invoice value.
  await expect(inspector.getByRole('term').filter({ hasText: /^Freight$/ })).toBeVisible();
  await expect(
    inspector.getByRole('definition').filter({ hasText: 'included in the price (CIF)' }).first(),
  ).toBeVisible();
  await expect(inspector.getByRole('columnheader', { name: 'Invoice value (USD)' })).toBeVisible();
  await expect(inspector.getByRole('columnheader', { name: 'Customs value (UZS)' })).toBeVisible();
  await expect(inspector.getByText(/Profile “Passenger cars: physical examination”/)).toBeVisible();
  await expect(
    inspector.getByText('Check the VIN, the year of manufacture and the engine capacity against the documents.'),
  ).toBeVisible();
  await expectNoAxeViolations(inspector);

  // The examination finds a discrepancy.
  await recordUndervaluation(inspector, 'The car is a 2.0 l model, not 1.6 l: undervalued');

  // A value adjustment far above the four-eyes limit waits for a supervisor.
  await adjustFirstItemValue(inspector, '45000.00', 'Reference price of the 2.0 l model');

  // A stale page is refused with a clear message.
  const stale = await newSignedInPage(browser, 'inspector@customs.uz', '/officer');
  await stale.goto(inspector.url());
  await inspector.getByLabel('Findings of the document check').fill('Invoice and contract match');
  await inspector.getByRole('button', { name: 'Record document check' }).click();
  await expect(inspector.getByRole('table', { name: 'Checks and examinations' })).toContainText('Document check');
  await stale.getByLabel('Findings of the document check').fill('Second check');
  await stale.getByRole('button', { name: 'Record document check' }).click();
  await expect(stale.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'changed since you opened it',
  );

  await approveAdjustmentAsSupervisor(browser, registrationNumber);

  // The trader's page shows the new amount due without a reload.
  await trader.goto(`/trader/declarations/${id}`);
  await expect(trader.getByText(/^Pay [\d ]+\.\d\d UZS$/)).toBeVisible();
});

function steelImport() {
  return {
    regime: 'IM40',
    postCode: '26001',
    consignorName: 'Baosteel Trading Co',
    consignorCountry: 'CN',
    consignorAddress: 'Shanghai, Baoshan district 885',
    consigneeName: 'Orient Logistics JSC',
    consigneeCountry: 'UZ',
    consigneeAddress: 'Tashkent, Mustaqillik Avenue 59',
    dispatchCountry: 'CN',
    destinationCountry: 'UZ',
    transportMode: 'RAIL',
    transportDocument: 'SMGS 771203',
    incoterm: 'CIF',
    invoiceCurrency: 'USD',
    invoiceTotal: '32000.00',
    documents: [
      { type: 'INVOICE', number: 'BST-2026-118', date: daysAgo(6) },
      { type: 'TRANSPORT_DOCUMENT', number: 'SMGS 771203', date: daysAgo(5) },
    ],
    items: [
      {
        hsCode: '7308900000',
        description: 'Steel structures for a warehouse',
        originCountry: 'CN',
        grossMass: '20500',
        netMass: '20000',
        quantity: '20000',
        supplementaryUnit: 'KG',
        invoiceValue: '32000.00',
      },
    ],
  };
}

test('red to release: examination with a hit, an approved adjustment, the trader pays the difference, the inspector releases, the note verifies', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const trader = await newSignedInPage(browser, 'trader@orient.uz', '/trader');
  const { id, registrationNumber } = await submitDeclarationByApi(trader, steelImport());

  // The trader pays the assessment at once, while the declaration waits for its examination.
  await trader.goto(`/trader/declarations/${id}`);
  const pay = trader.getByRole('button', { name: /^Pay [\d ]+\.\d{2} UZS from the balance$/ });
  const firstPayment = (await pay.textContent())!;
  await pay.click();
  await expect(
    trader.getByText('An inspector is checking the declaration. You do not need to do anything now.'),
  ).toBeVisible();

  const inspector = await newSignedInPage(browser, 'inspector@customs.uz', '/officer');
  await inspector.getByRole('link', { name: registrationNumber }).click();
  await recordUndervaluation(inspector, 'Grade S355 declared as S235: undervalued');
  await adjustFirstItemValue(inspector, '44000.00', 'Price of grade S355 on the mill certificate');

  await approveAdjustmentAsSupervisor(browser, registrationNumber);

  // The reassessment leaves a difference to pay, which the trader pays from the balance.
  await trader.goto(`/trader/declarations/${id}`);
  await expect(pay).toBeVisible();
  expect(await pay.textContent()).not.toBe(firstPayment);
  await pay.click();
  await expect(
    trader.getByText('An inspector is checking the declaration. You do not need to do anything now.'),
  ).toBeVisible();

  // The inspector releases; the trader's open page shows it without a reload.
  await inspector.reload();
  await inspector.getByRole('button', { name: 'Release', exact: true }).click();
  await expect(inspector.getByText('Released', { exact: true }).first()).toBeVisible();
  await expect(trader.getByText('The goods are released. Nothing more to do.')).toBeVisible({ timeout: 15_000 });

  // The release note's QR verifies; a tampered one does not.
  const api = await trader.request.get(`/api/declarations/${id}`);
  const { releaseNote } = await api.json();
  expect(releaseNote.number).toBe(`RN/${registrationNumber}`);
  const pdf = await trader.request.get(releaseNote.pdfUrl);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  // The inspector prints the same note from the officer's page.
  const officerPdf = await inspector.request.get(`/officer/declarations/${id}/release-note`);
  expect(officerPdf.status()).toBe(200);
  expect((await officerPdf.body()).equals(await pdf.body())).toBe(true);
  const url = new URL(releaseNote.verificationUrl);
  const verifier = await (await browser.newContext()).newPage();
  await verifier.goto(`${url.pathname}${url.search}`);
  await expect(verifier.getByText('Genuine and current')).toBeVisible();
  const sig = url.searchParams.get('sig')!;
  url.searchParams.set('sig', `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`);
  await verifier.goto(`${url.pathname}${url.search}`);
  await expect(verifier.getByText('Not valid', { exact: true }).first()).toBeVisible();
});
