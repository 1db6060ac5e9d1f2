import { expect, type Page } from '@playwright/test';
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

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** A complete export declaration (raw cotton to Kazakhstan) for the JSON API. */
export function exportDeclarationBody(postCode: string, description = 'Raw cotton') {
  return {
    regime: 'EK10', postCode,
    consignorName: 'Orient Logistics JSC', consignorCountry: 'UZ', consignorAddress: 'Tashkent, Mustaqillik 59',
    consigneeName: 'Almaty Trade LLP', consigneeCountry: 'KZ', consigneeAddress: 'Almaty, Abay 10',
    dispatchCountry: 'UZ', destinationCountry: 'KZ', transportMode: 'ROAD', transportDocument: 'CMR 100200', incoterm: 'DAP',
    invoiceCurrency: 'USD', invoiceTotal: '1500.00',
    documents: [
      { type: 'INVOICE', number: 'INV-E2E-1', date: daysAgo(3) },
      { type: 'TRANSPORT_DOCUMENT', number: 'CMR 100200', date: daysAgo(2) },
    ],
    items: [{ hsCode: '5201000000', description, originCountry: 'UZ', grossMass: '1010', netMass: '1000', quantity: '1000', supplementaryUnit: 'KG', invoiceValue: '1500.00' }],
  };
}
