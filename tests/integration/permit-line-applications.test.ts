// "Apply for a permit" from a declaration line: the prefill (the types the line needs, its direction,
// its goods in the unit the permit will count), the application started from it (scoped to the
// company, for the declaration's direction, while the declaration still takes permits), and the
// permit issued on it pointing back to the declaration and line.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import type { Actor } from '@/src/server/actor';
import {
  addApplicationDocument,
  getApplicationForTrader,
  getLineApplicationPrefill,
  startApplicationForLine,
  submitApplication,
} from '@/src/server/permits/applications';
import { issuePermit } from '@/src/server/permits/decisions';
import { getPermitForTrader } from '@/src/server/permits/held';
import { getDeclarationPermitLinks, linkPermit } from '@/src/server/permits/links';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { AppError } from '@/lib/errors';
import { aBalance, aDraftInput, aPost, aTrader, anAgencyOfficer, anInspector } from '../support/factories';
import { NOW } from '../support/clock';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const FOOD_DOCUMENTS = ['Contract', 'Invoice', 'Laboratory test report', 'Certificate of origin'];

async function failure(promise: Promise<unknown>, code: AppError['code']) {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, 'expected an AppError').toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

/** The beer line's form as the page prefills it. */
const BEER_FORM = {
  permitTypeCode: 'SES-FOOD',
  purpose: 'Import of the goods of item 2 of your draft declaration',
  hsCode: '2203000900',
  description: 'Beer',
  quantity: '2000',
  unit: 'L',
  country: 'DE',
};

let post: Awaited<ReturnType<typeof aPost>>;
let trader: Actor;
let declarationId: string;
beforeAll(async () => {
  post = await aPost();
  await anInspector(post.id);
  trader = await aTrader();
  // Line 1: laptops (STD-COC), line 2: beer, 2000 L (SES-FOOD).
  ({ id: declarationId } = await createDeclarationDraft({
    actor: trader,
    input: aDraftInput({ postCode: post.code }),
    now: NOW,
  }));
});

describe('the prefill of a declaration line', () => {
  it('offers the types the line needs with its direction and goods, in the unit the tariff counts', async () => {
    const beer = await getLineApplicationPrefill({ actor: trader, declarationId, lineNo: 2 });
    expect(beer).toMatchObject({
      problem: null,
      declaration: { id: declarationId, registrationNumber: null, status: 'DRAFT', lineNo: 2 },
      prefill: {
        direction: 'IMPORT',
        typeCode: 'SES-FOOD',
        typeCodes: ['SES-FOOD'],
        product: { hsCode: '2203000900', description: 'Beer', quantity: '2000', unit: 'L', country: 'DE' },
        quantity: { kind: 'AS_DECLARED' },
      },
    });
    const laptops = await getLineApplicationPrefill({ actor: trader, declarationId, lineNo: 1 });
    expect(laptops).toMatchObject({ prefill: { typeCode: 'STD-COC', product: { quantity: '50', unit: 'PCS' } } });
  });

  it('a line declared in litres whose code the tariff counts in kilograms: no quantity, and why', async () => {
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({
        postCode: post.code,
        items: [
          {
            hsCode: '0808108000',
            description: 'Apple juice concentrate?',
            originCountry: 'IR',
            grossMass: '1100',
            netMass: '1000',
            quantity: '900',
            supplementaryUnit: 'L',
            invoiceValue: '10000.00',
          },
        ],
      }),
      now: NOW,
    });
    const prefill = await getLineApplicationPrefill({ actor: trader, declarationId: id, lineNo: 1 });
    expect(prefill).toMatchObject({
      prefill: {
        product: { quantity: '', unit: 'KG' },
        quantity: { kind: 'UNKNOWN', declared: '900', declaredUnit: 'L' },
      },
    });
  });

  it('another company’s declaration, or a line that does not exist, is not found', async () => {
    expect(await getLineApplicationPrefill({ actor: await aTrader(), declarationId, lineNo: 2 })).toEqual({
      problem: 'NOT_FOUND',
    });
    expect(await getLineApplicationPrefill({ actor: trader, declarationId, lineNo: 3 })).toEqual({
      problem: 'NOT_FOUND',
    });
  });
});

describe('an application started from a line', () => {
  it('refuses another company, another direction and goods the type does not cover, writing nothing', async () => {
    const count = () => db.permitApplication.count({ where: { declarationId } });
    const before = await count();
    await failure(
      startApplicationForLine({ actor: await aTrader(), declarationId, lineNo: 2, input: BEER_FORM, now: NOW }),
      'NOT_FOUND',
    );
    const direction = await failure(
      startApplicationForLine({
        actor: trader,
        declarationId,
        lineNo: 2,
        input: { ...BEER_FORM, permitTypeCode: 'PH-NARC', direction: 'EXPORT' },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(direction.fieldErrors).toEqual([
      { path: 'direction', message: 'The declaration is for import: apply for a permit issued for import' },
    ]);
    const covered = await failure(
      startApplicationForLine({
        actor: trader,
        declarationId,
        lineNo: 2,
        input: { ...BEER_FORM, permitTypeCode: 'STD-COC' },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(covered.fieldErrors.map((f) => f.path)).toEqual(['hsCode']);
    expect(await count()).toBe(before);
  });

  it('creates the draft with the line’s goods; the permit issued on it points back to the declaration and line', async () => {
    const { id } = await startApplicationForLine({
      actor: trader,
      declarationId,
      lineNo: 2,
      input: BEER_FORM,
      now: NOW,
    });
    const application = await getApplicationForTrader({ actor: trader, applicationId: id });
    expect(application).toMatchObject({
      status: 'DRAFT',
      permitTypeCode: 'SES-FOOD',
      direction: 'IMPORT',
      purpose: BEER_FORM.purpose,
      declarationLineNo: 2,
      declaration: { id: declarationId, registrationNumber: null, status: 'DRAFT' },
    });
    expect(
      application.products.map((p) => [p.hsCode, p.description, p.quantity.toString(), p.unit, p.country]),
    ).toEqual([['2203000900', 'Beer', '2000', 'L', 'DE']]);
    expect(
      (await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: 'permitApplication.start' } })).data,
    ).toEqual({ permitType: 'SES-FOOD', direction: 'IMPORT', declarationId, lineNo: 2, hsCode: '2203000900' });

    for (const documentType of FOOD_DOCUMENTS)
      await addApplicationDocument({
        actor: trader,
        applicationId: id,
        input: { documentType },
        file: { fileName: 'doc.pdf', bytes: PDF },
        now: NOW,
      });
    await aBalance(trader, '150000.00');
    await submitApplication({ actor: trader, applicationId: id, now: NOW });
    const ses = await anAgencyOfficer('SES');
    const issued = await issuePermit({
      actor: ses,
      applicationId: id,
      input: { validFrom: '2026-11-28', validTo: '2027-11-27', quantity: '2000', unit: 'L', conditions: '' },
      now: NOW,
    });
    const permit = await getPermitForTrader({ actor: trader, permitId: issued.permitId });
    expect(permit.application).toMatchObject({
      id,
      declarationLineNo: 2,
      declaration: { id: declarationId, registrationNumber: null },
    });
    // And it links to that line.
    await linkPermit({ actor: trader, declarationId, input: { lineNo: 2, permitId: issued.permitId }, now: NOW });
    const links = await getDeclarationPermitLinks({ actor: trader, declarationId, now: NOW });
    expect(links.items.find((i) => i.lineNo === 2)?.formalities?.isSatisfied).toBe(true);
  });

  it('a declaration that no longer takes permits refuses; a deleted draft leaves the application without it', async () => {
    const { id: draft } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    const { id } = await startApplicationForLine({
      actor: trader,
      declarationId: draft,
      lineNo: 2,
      input: BEER_FORM,
      now: NOW,
    });
    await db.declaration.update({ where: { id: draft }, data: { status: 'WITHDRAWN' } });
    const e = await failure(
      startApplicationForLine({ actor: trader, declarationId: draft, lineNo: 2, input: BEER_FORM, now: NOW }),
      'CONFLICT',
    );
    expect(e.message).toBe('The declaration is withdrawn: its lines no longer take permits.');
    expect(await getLineApplicationPrefill({ actor: trader, declarationId: draft, lineNo: 2 })).toMatchObject({
      problem: 'FINAL',
    });
    await db.declaration.delete({ where: { id: draft } });
    expect(await db.permitApplication.findUniqueOrThrow({ where: { id } })).toMatchObject({
      declarationId: null,
      declarationLineNo: 2,
    });
  });
});
