import { test, expect } from '@playwright/test';
import { signInAs, exportDeclarationBody, expectNoAxeViolations, newSignedInPage } from './helpers';

const declarationBody = (postCode: string) => exportDeclarationBody(postCode, 'Raw cotton, verified e2e');

test('a printed declaration verifies as genuine and current; a changed signature or an unknown number is not valid', async ({
  page,
  browser,
}) => {
  await signInAs(page, 'trader@orient.uz', '/trader');
  const created = await page.request.post('/api/declarations', { data: declarationBody('23001') });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = await created.json();
  const draftPdf = await page.request.get(`/trader/declarations/${id}/pdf`);
  expect(draftPdf.status()).toBe(409);
  expect((await draftPdf.json()).error.message).toMatch(/not registered yet/);

  const submitted = await page.request.post(`/api/declarations/${id}/submit`);
  expect(submitted.status(), await submitted.text()).toBe(201);
  const { registrationNumber } = (await submitted.json()) as { registrationNumber: string };

  const pdf = await page.request.get(`/trader/declarations/${id}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toBe(
    `inline; filename="declaration-${registrationNumber.replaceAll('/', '-')}.pdf"`,
  );
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const detail = await (await page.request.get(`/api/declarations/${id}`)).json();
  expect(detail.document).toMatchObject({ number: registrationNumber, pdfUrl: `/trader/declarations/${id}/pdf` });
  const url = new URL(detail.document.verificationUrl);
  expect(url.pathname).toBe(`/verify/${registrationNumber}`);
  const signature = url.searchParams.get('sig')!;
  expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);

  // The public page, for someone who never signed in: what the QR code opens.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${url.pathname}${url.search}`);
  await expect(visitor).toHaveURL(new RegExp(`/verify/${registrationNumber}\\?sig=`));
  await expect(visitor.getByRole('heading', { level: 1, name: 'Verify a document' })).toBeVisible();
  const result = visitor.getByRole('region', { name: 'Result' });
  await expect(result.getByText('Genuine and current')).toBeVisible();
  const details = visitor.getByRole('region', { name: 'Document', exact: true });
  await expect(details.getByText('Customs declaration')).toBeVisible();
  await expect(details.getByText(registrationNumber, { exact: true })).toBeVisible();
  const content = visitor.getByRole('region', { name: 'Signed content' });
  await expect(content.getByText('Orient Logistics JSC', { exact: true })).toBeVisible();
  await expect(
    content.getByRole('table', { name: 'Goods (1 item)' }).getByRole('cell', { name: 'Raw cotton, verified e2e' }),
  ).toBeVisible();
  await expectNoAxeViolations(visitor);

  // The key id shown is one the portal publishes.
  const keys = await (await visitor.request.get('/.well-known/customs-signing-keys.json')).json();
  const keyIds = (keys.keys as Array<{ keyId: string; algorithm: string; publicKeyPem: string }>).map((k) => k.keyId);
  await expect(details.getByText(new RegExp(`^(${keyIds.join('|')})$`))).toBeVisible();
  expect(keys.keys[0].algorithm).toBe('Ed25519');
  expect(keys.keys[0].publicKeyPem).toContain('-----BEGIN PUBLIC KEY-----');

  // One character of the signature changed: not valid, and nothing of the content is shown.
  const changed = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
  await visitor.goto(`${url.pathname}?sig=${changed}`);
  await expect(result.getByText('Not valid')).toBeVisible();
  await expect(result.getByText('Genuine and current')).toHaveCount(0);
  await expect(visitor.getByText('Raw cotton, verified e2e')).toHaveCount(0);

  // Checked by hand: the real number is current (content only from the QR code); an unknown one is not valid.
  await visitor.goto('/verify');
  await visitor.getByLabel('Document number', { exact: true }).fill(registrationNumber);
  await visitor.getByRole('button', { name: 'Check' }).click();
  await expect(result.getByText('Genuine and current')).toBeVisible();
  await expect(
    visitor.getByText('The signed content is shown when you open this page from the QR code printed on the document.'),
  ).toBeVisible();

  await visitor.getByLabel('Document number', { exact: true }).fill('99999/010101/0000001');
  await visitor.getByRole('button', { name: 'Check' }).click();
  await expect(visitor).toHaveURL(/\/verify\?number=99999%2F010101%2F0000001$/);
  await expect(result.getByText('Not valid')).toBeVisible();
  await expect(result.getByText('has not issued a document with this number')).toBeVisible();
  await expectNoAxeViolations(visitor);

  // Nonsense in the address is "not valid", never an error page.
  const nonsense = await visitor.goto(`/verify/${'%3Cscript%3E'.repeat(20)}?sig=%00`);
  expect(nonsense?.status()).toBe(200);
  await expect(result.getByText('Not valid')).toBeVisible();
});

test('officers of the declaration’s post print it; other posts and other companies get a 404', async ({ browser }) => {
  const trader = await newSignedInPage(browser, 'trader@orient.uz', '/trader');
  const { id } = await (await trader.request.post('/api/declarations', { data: declarationBody('23001') })).json();
  expect((await trader.request.post(`/api/declarations/${id}/submit`)).status()).toBe(201);

  const officer = await newSignedInPage(browser, 'inspector.23001.1@customs.uz', '/officer');
  const pdf = await officer.request.get(`/officer/declarations/${id}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await officer.request.get(`/trader/declarations/${id}/pdf`)).status()).toBe(403);

  const otherPost = await newSignedInPage(browser, 'inspector@customs.uz', '/officer');
  expect((await otherPost.request.get(`/officer/declarations/${id}/pdf`)).status()).toBe(404);

  const stranger = await newSignedInPage(browser, 'trader@silkroad.uz', '/trader');
  expect((await stranger.request.get(`/trader/declarations/${id}/pdf`)).status()).toBe(404);
  expect((await stranger.request.get('/trader/declarations/not-a-uuid/pdf')).status()).toBe(404);
});
