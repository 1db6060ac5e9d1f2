import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { db } from '@/src/server/db';
import type { Actor } from '@/src/server/actor';
import {
  addApplicationDocument,
  addApplicationProduct,
  answerInformationRequest,
  getApplicationForTrader,
  getApplicationVersion,
  listCompanyApplications,
  readApplicationFile,
  removeApplicationProduct,
  startApplication,
  submitApplication,
  withdrawApplication,
} from '@/src/server/permits/applications';
import { issuePermit, refuseApplication, requestInformation, revokePermit } from '@/src/server/permits/decisions';
import { getApplicationForOfficer, getPermitForOfficer, listAuthorityApplications } from '@/src/server/permits/desk';
import { getPermitForTrader, listCompanyPermits } from '@/src/server/permits/held';
import { getDeclarationPermitLinks, linkPermit, unlinkPermit } from '@/src/server/permits/links';
import { permitPdf } from '@/src/server/permits/document';
import {
  createPermitType,
  savePermitSlaTarget,
  updatePermitType,
  listPermitTypesForAdmin,
} from '@/src/server/permits/admin';
import { loadSlaTarget } from '@/src/server/permits/sla';
import { verifySignedDocument } from '@/src/server/documents/verify';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { releaseDeclaration } from '@/src/server/declarations/release';
import { AppError } from '@/lib/errors';
import messages from '@/lib/i18n/messages/en/signedDocument.json';
import {
  aPost,
  aTrader,
  anInspector,
  anAgencyOfficer,
  aPermit,
  aRegisteredDeclaration,
  aDraftInput,
  aUser,
  actorOf,
  aBalance,
} from '../support/factories';
import { NOW } from '../support/clock';

const t = createTranslator({
  locale: 'en',
  messages: { signedDocument: messages },
  namespace: 'signedDocument',
}) as unknown as (key: string, values?: Record<string, string | number>) => string;
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const APPLES = { hsCode: '0808108000', description: 'Fresh apples', quantity: '20000', unit: 'KG', country: 'IR' };
const PQ_DOCUMENTS = ['Contract', 'Invoice', 'Phytosanitary certificate of the exporting country'];

async function failure(promise: Promise<unknown>, code: AppError['code']) {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, 'expected an AppError').toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

/** Everything a use case could have written about an application, to prove nothing was. */
async function footprint(applicationId: string) {
  const [application, permits, messagesCount, audit] = await Promise.all([
    db.permitApplication.findUniqueOrThrow({
      where: { id: applicationId },
      select: { status: true, version: true, decidedAt: true, refusalReason: true },
    }),
    db.permit.count({ where: { applicationId } }),
    db.permitApplicationMessage.count({ where: { applicationId } }),
    db.auditEntry.count({ where: { entityId: applicationId } }),
  ]);
  return { application, permits, messagesCount, audit };
}

/** A PQ-IMP application for apples, submitted. */
async function aSubmittedApplication(trader: Actor) {
  const { id } = await startApplication({
    actor: trader,
    input: { permitTypeCode: 'PQ-IMP', purpose: 'Import of apples for retail' },
    now: NOW,
  });
  await addApplicationProduct({ actor: trader, applicationId: id, input: APPLES, now: NOW });
  for (const documentType of PQ_DOCUMENTS)
    await addApplicationDocument({
      actor: trader,
      applicationId: id,
      input: { documentType },
      file: { fileName: `${documentType}.pdf`, bytes: PDF },
      now: NOW,
    });
  const { number } = await submitApplication({ actor: trader, applicationId: id, now: NOW });
  return { id, number };
}

const VALID = {
  validFrom: '2026-11-28',
  validTo: '2027-05-26',
  quantity: '20000',
  unit: 'KG',
  conditions: 'Fumigation certificate at the border',
};

describe('a permit application, from the trader to the authority and back', () => {
  let trader: Actor;
  let pq: Actor;
  let ses: Actor;
  beforeAll(async () => {
    trader = await aTrader();
    // Submitting charges each type's fee (permit-fees.test.ts): enough for every application below.
    await aBalance(trader, '10000000.00');
    pq = await anAgencyOfficer('PQ');
    ses = await anAgencyOfficer('SES');
  });

  it('refuses a product the type does not cover, by field, writing nothing', async () => {
    const { id } = await startApplication({
      actor: trader,
      input: { permitTypeCode: 'PQ-IMP', purpose: 'Laptops?' },
      now: NOW,
    });
    const before = await db.permitApplication.findUniqueOrThrow({ where: { id } });
    const e = await failure(
      addApplicationProduct({
        actor: trader,
        applicationId: id,
        input: { ...APPLES, hsCode: '8471300000', description: 'Laptops', unit: 'PCS' },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual([
      { path: 'hsCode', message: expect.stringContaining('A PQ-IMP permit does not cover commodity code 8471300000') },
    ]);
    const bad = await failure(
      addApplicationProduct({
        actor: trader,
        applicationId: id,
        input: { hsCode: '0808', description: '', quantity: '0', unit: 'KGS', country: 'XX' },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(bad.fieldErrors.map((f) => f.path).sort()).toEqual(['country', 'description', 'hsCode', 'quantity', 'unit']);
    expect(await db.permitApplicationProduct.count({ where: { applicationId: id } })).toBe(0);
    expect((await db.permitApplication.findUniqueOrThrow({ where: { id } })).version).toBe(before.version);
    await failure(
      startApplication({ actor: trader, input: { permitTypeCode: 'NOPE', purpose: 'x' }, now: NOW }),
      'VALIDATION',
    );
  });

  it('checks uploads by content and names every missing required document at submission', async () => {
    const { id } = await startApplication({
      actor: trader,
      input: { permitTypeCode: 'PQ-IMP', purpose: 'Import of apples' },
      now: NOW,
    });
    const e = await failure(submitApplication({ actor: trader, applicationId: id, now: NOW }), 'VALIDATION');
    expect(e.fieldErrors.map((f) => f.message)).toEqual([
      'Add at least one product',
      ...PQ_DOCUMENTS.map((d) => `Attach the ${d}`),
    ]);
    const { id: productId } = await addApplicationProduct({
      actor: trader,
      applicationId: id,
      input: APPLES,
      now: NOW,
    });
    for (const [bytes, message] of [
      [new Uint8Array(0), 'empty'],
      [new TextEncoder().encode('MZ not a pdf'), 'PDF, JPEG or PNG'],
    ] as const) {
      const bad = await failure(
        addApplicationDocument({
          actor: trader,
          applicationId: id,
          input: { documentType: 'Invoice' },
          file: { fileName: 'x.pdf', bytes },
          now: NOW,
        }),
        'VALIDATION',
      );
      expect(bad.fieldErrors[0]).toMatchObject({ path: 'file', message: expect.stringContaining(message) });
    }
    await failure(
      addApplicationDocument({
        actor: trader,
        applicationId: id,
        input: { documentType: 'Birth certificate' },
        file: { fileName: 'x.pdf', bytes: PDF },
        now: NOW,
      }),
      'VALIDATION',
    );
    await addApplicationDocument({
      actor: trader,
      applicationId: id,
      input: { documentType: 'contract' },
      file: { fileName: 'contract.pdf', bytes: PDF },
      now: NOW,
    });
    const still = await failure(submitApplication({ actor: trader, applicationId: id, now: NOW }), 'VALIDATION');
    expect(still.fieldErrors.map((f) => f.message)).toEqual([
      'Attach the Invoice',
      'Attach the Phytosanitary certificate of the exporting country',
    ]);
    expect((await db.permitApplication.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
    await removeApplicationProduct({ actor: trader, applicationId: id, productId, now: NOW });
    expect(await db.permitApplicationProduct.count({ where: { applicationId: id } })).toBe(0);
  });

  it('runs question, answer and issue; the permit is signed and verifiable; revocation shows as revoked', async () => {
    const { id, number } = await aSubmittedApplication(trader);
    expect(number).toMatch(/^A\/PQ-IMP\/2026\/\d{6}$/);
    // A double click submits once.
    expect((await submitApplication({ actor: trader, applicationId: id, now: NOW })).number).toBe(number);
    // Once submitted, the trader cannot change it until asked.
    await failure(addApplicationProduct({ actor: trader, applicationId: id, input: APPLES, now: NOW }), 'CONFLICT');
    await failure(
      answerInformationRequest({ actor: trader, applicationId: id, input: { message: 'unasked' }, now: NOW }),
      'CONFLICT',
    );

    await failure(
      requestInformation({ actor: pq, applicationId: id, input: { message: '  ' }, now: NOW }),
      'VALIDATION',
    );
    await requestInformation({
      actor: pq,
      applicationId: id,
      input: { message: 'Which orchard do the apples come from?' },
      now: NOW,
    });
    const askedAudit = await db.auditEntry.findMany({
      where: { entityType: 'PermitApplication', entityId: id, action: 'permitApplication.requestInformation' },
    });
    expect(askedAudit.map((a) => [a.actorId, a.actorRole, a.data, a.at])).toEqual([
      [pq.userId, 'AGENCY_OFFICER', { message: 'Which orchard do the apples come from?' }, NOW],
    ]);
    const asked = await getApplicationForTrader({ actor: trader, applicationId: id });
    expect(asked.status).toBe('INFO_REQUESTED');
    expect(asked.messages.map((m) => [m.authorRole, m.body])).toEqual([
      ['AGENCY_OFFICER', 'Which orchard do the apples come from?'],
    ]);
    // While asked, the trader may add a document, then answers.
    await addApplicationDocument({
      actor: trader,
      applicationId: id,
      input: { documentType: 'Other document' },
      file: { fileName: 'orchard.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]) },
      now: NOW,
    });
    await answerInformationRequest({
      actor: trader,
      applicationId: id,
      input: { message: 'Orchard 12, Urmia; the certificate is attached.' },
      now: NOW,
    });
    expect((await getApplicationVersion({ actor: pq, applicationId: id })).status).toBe('SUBMITTED');

    // The officer reviews with every document, and may open each file; another authority may not.
    const review = await getApplicationForOfficer({ actor: pq, applicationId: id, now: NOW });
    expect(review.application.documents).toHaveLength(4);
    const fileId = review.application.documents[0].file.id;
    expect((await readApplicationFile({ actor: pq, fileId })).mimeType).toBe('application/pdf');
    await failure(readApplicationFile({ actor: ses, fileId }), 'NOT_FOUND');
    await failure(readApplicationFile({ actor: await aTrader(), fileId }), 'NOT_FOUND');

    // Bad figures are field errors, and nothing is written.
    const before = await footprint(id);
    const past = await failure(
      issuePermit({
        actor: pq,
        applicationId: id,
        input: { ...VALID, validFrom: '2026-11-01', validTo: '2026-11-27' },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(past.fieldErrors.map((f) => f.path).sort()).toEqual(['validFrom', 'validTo']);
    expect(past.fieldErrors.find((f) => f.path === 'validTo')?.message).toContain('must not end in the past');
    const zero = await failure(
      issuePermit({ actor: pq, applicationId: id, input: { ...VALID, quantity: '0' }, now: NOW }),
      'VALIDATION',
    );
    expect(zero.fieldErrors).toEqual([{ path: 'quantity', message: 'The quantity must be more than 0' }]);
    const negative = await failure(
      issuePermit({ actor: pq, applicationId: id, input: { ...VALID, quantity: '-5' }, now: NOW }),
      'VALIDATION',
    );
    expect(negative.fieldErrors[0].path).toBe('quantity');
    const tooLong = await failure(
      issuePermit({ actor: pq, applicationId: id, input: { ...VALID, validTo: '2027-05-27' }, now: NOW }),
      'VALIDATION',
    );
    expect(tooLong.fieldErrors).toEqual([
      { path: 'validTo', message: 'A PQ-IMP permit is valid for at most 180 days: choose 2027-05-26 or earlier' },
    ]);
    expect(await footprint(id)).toEqual(before);

    const issued = await issuePermit({ actor: pq, applicationId: id, input: VALID, now: NOW });
    expect(issued.number).toMatch(/^PQ-IMP\/2026\/\d{6}$/);
    const permit = await db.permit.findUniqueOrThrow({ where: { id: issued.permitId } });
    // PQ-IMP serves import only: the application and its permit are for import, unasked.
    expect(permit).toMatchObject({
      direction: 'IMPORT',
      status: 'ISSUED',
      hsCodes: ['0808108000'],
      unit: 'KG',
      conditions: 'Fumigation certificate at the border',
    });
    expect((await db.permitApplication.findUniqueOrThrow({ where: { id } })).direction).toBe('IMPORT');
    expect(permit.remainingQuantity.toFixed(3)).toBe('20000.000');
    expect((await db.permitApplication.findUniqueOrThrow({ where: { id } })).status).toBe('ISSUED');
    expect(await db.auditEntry.count({ where: { action: 'permit.issue', entityId: id, actorId: pq.userId } })).toBe(1);
    // Decided: no second decision.
    await failure(refuseApplication({ actor: pq, applicationId: id, input: { reason: 'x' }, now: NOW }), 'CONFLICT');

    const document = await db.signedDocument.findUniqueOrThrow({ where: { number: issued.number } });
    expect(document).toMatchObject({ kind: 'PERMIT', subjectId: issued.permitId });
    expect(
      (await verifySignedDocument({ number: issued.number, presentedSignature: document.signature })).verdict,
    ).toBe('GENUINE_CURRENT');
    const pdf = await permitPdf({ actor: trader, permitId: issued.permitId, t });
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.filename).toBe(`permit-${issued.number.replaceAll('/', '-')}.pdf`);
    await failure(permitPdf({ actor: await aTrader(), permitId: issued.permitId, t }), 'NOT_FOUND');

    // The trader's list shows it with its remaining quantity and expiry.
    const held = await listCompanyPermits({ actor: trader, page: 1 });
    expect(held.rows.find((p) => p.id === issued.permitId)).toMatchObject({ number: issued.number, status: 'ISSUED' });

    // Revocation: another authority does not find it (404 like every scope miss, nothing written); an empty reason is a field error; then revoked everywhere.
    await failure(
      revokePermit({ actor: ses, permitId: issued.permitId, input: { reason: 'Not ours' }, now: NOW }),
      'NOT_FOUND',
    );
    await failure(
      revokePermit({ actor: pq, permitId: issued.permitId, input: { reason: '' }, now: NOW }),
      'VALIDATION',
    );
    expect((await db.permit.findUniqueOrThrow({ where: { id: issued.permitId } })).status).toBe('ISSUED');
    // Another authority with bad input too: still 404 (the authority is checked before the input), nothing written.
    await failure(
      revokePermit({ actor: ses, permitId: issued.permitId, input: { reason: '' }, now: NOW }),
      'NOT_FOUND',
    );
    expect(await db.auditEntry.count({ where: { entityType: 'Permit', entityId: issued.permitId } })).toBe(0);
    await revokePermit({
      actor: pq,
      permitId: issued.permitId,
      input: { reason: 'Quarantine pest found in the consignment' },
      now: NOW,
    });
    const revokedAudit = await db.auditEntry.findMany({ where: { entityType: 'Permit', entityId: issued.permitId } });
    expect(revokedAudit.map((a) => [a.action, a.actorId, a.actorRole, a.data, a.at])).toEqual([
      [
        'permit.revoke',
        pq.userId,
        'AGENCY_OFFICER',
        { number: issued.number, reason: 'Quarantine pest found in the consignment' },
        NOW,
      ],
    ]);
    expect(await db.permit.findUniqueOrThrow({ where: { id: issued.permitId } })).toMatchObject({
      status: 'REVOKED',
      revokedReason: 'Quarantine pest found in the consignment',
    });
    expect(
      (await verifySignedDocument({ number: issued.number, presentedSignature: document.signature })).verdict,
    ).toBe('REVOKED');
    await failure(
      revokePermit({ actor: pq, permitId: issued.permitId, input: { reason: 'again' }, now: NOW }),
      'CONFLICT',
    );
  });

  it('keeps agency officers to their own authority: another authority’s application is not found (404 like every scope miss), nothing written', async () => {
    const { id } = await aSubmittedApplication(trader);
    const before = await footprint(id);
    await failure(
      requestInformation({ actor: ses, applicationId: id, input: { message: 'Send more' }, now: NOW }),
      'NOT_FOUND',
    );
    await failure(issuePermit({ actor: ses, applicationId: id, input: VALID, now: NOW }), 'NOT_FOUND');
    await failure(refuseApplication({ actor: ses, applicationId: id, input: { reason: 'No' }, now: NOW }), 'NOT_FOUND');
    // Bad input from another authority is a 404 too, not a validation error: the authority is checked first.
    await failure(
      issuePermit({
        actor: ses,
        applicationId: id,
        input: { validFrom: 'yesterday', validTo: '', quantity: '-1', unit: 'BARRELS' },
        now: NOW,
      }),
      'NOT_FOUND',
    );
    await failure(issuePermit({ actor: ses, applicationId: id, input: undefined, now: NOW }), 'NOT_FOUND');
    await failure(refuseApplication({ actor: ses, applicationId: id, input: { reason: ' ' }, now: NOW }), 'NOT_FOUND');
    await failure(requestInformation({ actor: ses, applicationId: id, input: {}, now: NOW }), 'NOT_FOUND');
    await failure(getApplicationForOfficer({ actor: ses, applicationId: id, now: NOW }), 'NOT_FOUND');
    await failure(getApplicationVersion({ actor: ses, applicationId: id }), 'NOT_FOUND');
    // Other roles are not agency officers at all.
    await failure(issuePermit({ actor: trader, applicationId: id, input: VALID, now: NOW }), 'FORBIDDEN');
    expect(await footprint(id)).toEqual(before);

    // The desk lists it for PQ (with its SLA clock), never for SES.
    const pqDesk = await listAuthorityApplications({ actor: pq, page: 1, now: NOW, status: 'OPEN' });
    const row = pqDesk.rows.find((r) => r.id === id);
    expect(row?.sla).toMatchObject({ state: 'ON_TIME', targetMs: pqDesk.targetWorkingDays * 86_400_000 });
    const sesDesk = await listAuthorityApplications({ actor: ses, page: 1, now: NOW, status: 'OPEN' });
    expect(sesDesk.rows.some((r) => r.id === id)).toBe(false);

    // A draft is nobody's business at the authority.
    const { id: draftId } = await startApplication({
      actor: trader,
      input: { permitTypeCode: 'PQ-IMP', purpose: 'Draft' },
      now: NOW,
    });
    await failure(issuePermit({ actor: pq, applicationId: draftId, input: VALID, now: NOW }), 'NOT_FOUND');

    await refuseApplication({
      actor: pq,
      applicationId: id,
      input: { reason: 'The phytosanitary certificate is not legible' },
      now: NOW,
    });
    expect(await db.permitApplication.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'REFUSED',
      refusalReason: 'The phytosanitary certificate is not legible',
      decidedById: pq.userId,
    });
    const refusedAudit = await db.auditEntry.findMany({
      where: { entityType: 'PermitApplication', entityId: id, action: 'permitApplication.refuse' },
    });
    expect(refusedAudit.map((a) => [a.actorId, a.actorRole, a.data, a.at])).toEqual([
      [pq.userId, 'AGENCY_OFFICER', { reason: 'The phytosanitary certificate is not legible' }, NOW],
    ]);
    // Decided: another decision is a conflict, whatever the input.
    await failure(issuePermit({ actor: pq, applicationId: id, input: {}, now: NOW }), 'CONFLICT');
  });

  it('lets the trader withdraw an undecided application, and hides it from other companies', async () => {
    const { id } = await aSubmittedApplication(trader);
    const stranger = await aTrader();
    await failure(getApplicationForTrader({ actor: stranger, applicationId: id }), 'NOT_FOUND');
    await failure(withdrawApplication({ actor: stranger, applicationId: id, input: {}, now: NOW }), 'NOT_FOUND');
    await withdrawApplication({ actor: trader, applicationId: id, input: { reason: 'Order cancelled' }, now: NOW });
    expect((await db.permitApplication.findUniqueOrThrow({ where: { id } })).status).toBe('WITHDRAWN');
    await failure(withdrawApplication({ actor: trader, applicationId: id, input: {}, now: NOW }), 'CONFLICT');
    await failure(issuePermit({ actor: pq, applicationId: id, input: VALID, now: NOW }), 'CONFLICT');
    const list = await listCompanyApplications({ actor: trader, page: 1 });
    expect(list.rows.find((r) => r.id === id)?.status).toBe('WITHDRAWN');
  });
});

describe('linking permits to declaration items', () => {
  let post: Awaited<ReturnType<typeof aPost>>;
  beforeAll(async () => {
    post = await aPost();
    await anInspector(post.id);
  });

  const applesDraft = (postCode: string) =>
    aDraftInput({
      postCode,
      invoiceTotal: '9000.00',
      items: [
        {
          hsCode: '0808108000',
          description: 'Fresh apples',
          originCountry: 'IR',
          grossMass: '21000',
          netMass: '20000',
          quantity: '20000',
          supplementaryUnit: 'KG',
          invoiceValue: '8000.00',
        },
        {
          hsCode: '2203000900',
          description: 'Beer',
          originCountry: 'DE',
          grossMass: '600',
          netMass: '500',
          quantity: '500',
          supplementaryUnit: 'L',
          invoiceValue: '1000.00',
        },
      ],
    });

  it('links only the company’s own, fitting permits, and shows each requirement satisfied or missing', async () => {
    const trader = await aTrader();
    const stranger = await aTrader();
    const { id } = await createDeclarationDraft({ actor: trader, input: applesDraft(post.code), now: NOW });
    const pqPermit = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'PQ-IMP',
      hsCodes: ['0808108000'],
      quantity: '20000',
      unit: 'KG',
    });
    const foodPermit = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['0808', '2203'],
      quantity: '600',
      unit: 'L',
    });
    const strangersPermit = await aPermit({
      companyId: stranger.companyId!,
      typeCode: 'PQ-IMP',
      hsCodes: ['0808108000'],
      quantity: '20000',
      unit: 'KG',
    });

    let page = await getDeclarationPermitLinks({ actor: trader, declarationId: id, now: NOW });
    expect(page.isLinkingAllowed).toBe(true);
    expect(
      page.items[0].formalities!.requirements.map((r) => [
        r.requirement.alternatives.join('|'),
        r.status,
        r.reasonCode,
      ]),
    ).toEqual([
      ['PQ-IMP', 'MISSING', 'NOT_LINKED'],
      ['SES-FOOD', 'MISSING', 'NOT_LINKED'],
    ]);
    // Candidates: only what linking would accept (the food permit counts litres, the apples are in kilograms).
    expect(page.items[0].candidates.map((c) => c.number)).toEqual([pqPermit.number]);
    expect(page.items[1].candidates.map((c) => c.number)).toEqual([foodPermit.number]);
    expect(page.items[0].candidates.some((c) => c.id === strangersPermit.id)).toBe(false);

    // Another company's permit: 404, nothing written.
    await failure(
      linkPermit({ actor: trader, declarationId: id, input: { lineNo: 1, permitId: strangersPermit.id }, now: NOW }),
      'NOT_FOUND',
    );
    // Another company's declaration: 404.
    await failure(
      linkPermit({ actor: stranger, declarationId: id, input: { lineNo: 1, permitId: strangersPermit.id }, now: NOW }),
      'NOT_FOUND',
    );
    // A type the item does not need; a unit the permit does not count; bad input.
    const wrong = await failure(
      linkPermit({ actor: trader, declarationId: id, input: { lineNo: 2, permitId: pqPermit.id }, now: NOW }),
      'VALIDATION',
    );
    expect(wrong.fieldErrors[0]).toMatchObject({
      path: 'permitId',
      message: expect.stringContaining('item 2 needs SES-FOOD'),
    });
    const unit = await failure(
      linkPermit({ actor: trader, declarationId: id, input: { lineNo: 1, permitId: foodPermit.id }, now: NOW }),
      'VALIDATION',
    );
    expect(unit.fieldErrors[0].message).toContain('counts L, but the item is declared in KG');
    await failure(
      linkPermit({ actor: trader, declarationId: id, input: { lineNo: 'x', permitId: 'nope' }, now: NOW }),
      'VALIDATION',
    );
    expect(await db.permitLink.count({ where: { item: { declarationId: id } } })).toBe(0);

    const { linkId } = await linkPermit({
      actor: trader,
      declarationId: id,
      input: { lineNo: 1, permitId: pqPermit.id },
      now: NOW,
    });
    await linkPermit({ actor: trader, declarationId: id, input: { lineNo: 1, permitId: pqPermit.id }, now: NOW }); // a double click links once
    await linkPermit({ actor: trader, declarationId: id, input: { lineNo: 2, permitId: foodPermit.id }, now: NOW });
    page = await getDeclarationPermitLinks({ actor: trader, declarationId: id, now: NOW });
    expect(page.items[0].formalities!.requirements.map((r) => [r.requirement.alternatives[0], r.status])).toEqual([
      ['PQ-IMP', 'SATISFIED'],
      ['SES-FOOD', 'MISSING'],
    ]);
    expect(page.items[1].formalities!.isSatisfied).toBe(true);

    // A second PQ-IMP permit for the same item: unlink the first one before.
    const second = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'PQ-IMP',
      hsCodes: ['0808'],
      quantity: '1',
      unit: 'KG',
    });
    const twice = await failure(
      linkPermit({ actor: trader, declarationId: id, input: { lineNo: 1, permitId: second.id }, now: NOW }),
      'VALIDATION',
    );
    expect(twice.fieldErrors[0].message).toContain(`already has permit ${pqPermit.number}`);
    await unlinkPermit({ actor: trader, declarationId: id, input: { linkId }, now: NOW });
    await linkPermit({ actor: trader, declarationId: id, input: { lineNo: 1, permitId: second.id }, now: NOW });
    expect(
      await db.auditEntry.count({
        where: { entityId: id, action: { in: ['declaration.permit.link', 'declaration.permit.unlink'] } },
      }),
    ).toBe(4);

    // The trader sees which declarations use the permit.
    const detail = await getPermitForTrader({ actor: trader, permitId: foodPermit.id });
    expect(detail.links.map((l) => l.item.lineNo)).toEqual([2]);
    await failure(getPermitForTrader({ actor: stranger, permitId: foodPermit.id }), 'NOT_FOUND');
  });

  it('refuses a link that would not hold at release: not enough left after earlier lines, expired, revoked', async () => {
    const trader = await aTrader();
    const input = aDraftInput({
      postCode: post.code,
      items: [
        {
          hsCode: '2203000900',
          description: 'Beer',
          originCountry: 'DE',
          grossMass: '600',
          netMass: '500',
          quantity: '500',
          supplementaryUnit: 'L',
          invoiceValue: '4000.00',
        },
        {
          hsCode: '2203000900',
          description: 'More beer',
          originCountry: 'DE',
          grossMass: '600',
          netMass: '500',
          quantity: '500',
          supplementaryUnit: 'L',
          invoiceValue: '6000.00',
        },
      ],
    });
    const { id } = await createDeclarationDraft({ actor: trader, input, now: NOW });
    const permit = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '700',
      unit: 'L',
    });
    await linkPermit({ actor: trader, declarationId: id, input: { lineNo: 1, permitId: permit.id }, now: NOW });
    const short = await failure(
      linkPermit({ actor: trader, declarationId: id, input: { lineNo: 2, permitId: permit.id }, now: NOW }),
      'VALIDATION',
    );
    expect(short.fieldErrors[0].message).toBe(
      `Permit ${permit.number} cannot cover item 2: permit ${permit.number} has 200 L left after 500 L taken by earlier items, but the item needs 500 L`,
    );
    const expired = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '700',
      unit: 'L',
      validTo: '2026-11-27',
    });
    expect(
      (
        await failure(
          linkPermit({ actor: trader, declarationId: id, input: { lineNo: 2, permitId: expired.id }, now: NOW }),
          'VALIDATION',
        )
      ).fieldErrors[0].message,
    ).toContain('expired');
    const revoked = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '700',
      unit: 'L',
      status: 'REVOKED',
    });
    expect(
      (
        await failure(
          linkPermit({ actor: trader, declarationId: id, input: { lineNo: 2, permitId: revoked.id }, now: NOW }),
          'VALIDATION',
        )
      ).fieldErrors[0].message,
    ).toContain('revoked');
  });
});

describe('release gated by linked permits', () => {
  let post: Awaited<ReturnType<typeof aPost>>;
  let inspector: Actor;
  let officerNumber: string;
  beforeAll(async () => {
    post = await aPost();
    inspector = await anInspector(post.id);
    officerNumber = (await db.user.findUniqueOrThrow({ where: { id: inspector.userId } })).officerNumber!;
  });

  const release = (declarationId: string, now = NOW) =>
    db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Declaration" WHERE id = ${declarationId}::uuid FOR UPDATE`;
        return releaseDeclaration(tx, { declarationId, actor: inspector, officerNumber, now });
      },
      { maxWait: 120_000, timeout: 120_000 },
    );

  it('100 parallel releases drawing on one QUANTITY permit: exactly the ones it covers are released, never an overdraw', async () => {
    const trader = await aTrader();
    const PARALLEL = 100;
    const EACH = '10';
    const GRANTED = '735.5'; // enough for 73 releases of 10 L, leaving 5.5 L
    const permit = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: GRANTED,
      unit: 'L',
    });
    const declarations = [];
    for (let i = 0; i < PARALLEL; i++) {
      declarations.push(
        await aRegisteredDeclaration({
          companyId: trader.companyId!,
          createdById: trader.userId,
          post,
          registeredAt: NOW,
          items: [{ hsCode: '2203000900', quantity: EACH, supplementaryUnit: 'L', description: 'Beer' }],
        }),
      );
    }
    await db.permitLink.createMany({
      data: declarations.map((d) => ({ permitId: permit.id, declarationItemId: d.items[0].id, quantity: EACH })),
    });

    const outcomes = await Promise.allSettled(declarations.map((d) => release(d.id)));
    const released = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(released).toHaveLength(73);
    expect(refused).toHaveLength(27);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).code).toBe('CONFLICT');
      expect((r.reason as AppError).message).toContain('has 5.5 L left');
    }
    const after = await db.permit.findUniqueOrThrow({ where: { id: permit.id } });
    expect(after.remainingQuantity.toFixed(3)).toBe('5.500');
    expect(after.status).toBe('ISSUED');
    expect(
      await db.declaration.count({ where: { id: { in: declarations.map((d) => d.id) }, status: 'RELEASED' } }),
    ).toBe(73);
    const writtenOff = await db.permitLink.aggregate({
      where: { permitId: permit.id, writtenOffAt: { not: null } },
      _sum: { quantity: true },
      _count: true,
    });
    expect(writtenOff._count).toBe(73);
    expect(writtenOff._sum.quantity?.toFixed(3)).toBe('730.000');
  }, 180_000);

  it('writes a SHIPMENT permit off whole, once, and exhausts it', async () => {
    const trader = await aTrader();
    const permit = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'PQ-IMP',
      hsCodes: ['0808'],
      quantity: '1',
      unit: 'KG',
    });
    const d = await aRegisteredDeclaration({
      companyId: trader.companyId!,
      createdById: trader.userId,
      post,
      registeredAt: NOW,
      regime: 'IM31',
      items: [
        { hsCode: '0808108000', quantity: '500', supplementaryUnit: 'KG' },
        { hsCode: '0808108000', quantity: '700', supplementaryUnit: 'KG' },
      ],
    });
    const food = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['0808'],
      quantity: '5000',
      unit: 'KG',
    });
    await db.permitLink.createMany({
      data: d.items.flatMap((item) => [
        { permitId: permit.id, declarationItemId: item.id, quantity: item.quantity },
        { permitId: food.id, declarationItemId: item.id, quantity: item.quantity },
      ]),
    });
    await release(d.id);
    expect(await db.permit.findUniqueOrThrow({ where: { id: permit.id } })).toMatchObject({ status: 'EXHAUSTED' });
    expect((await db.permit.findUniqueOrThrow({ where: { id: food.id } })).remainingQuantity.toFixed(3)).toBe(
      '3800.000',
    );
    const links = await db.permitLink.findMany({
      where: { permitId: permit.id },
      include: { item: true },
      orderBy: { item: { lineNo: 'asc' } },
    });
    expect(links.map((l) => l.quantity.toFixed(0))).toEqual(['1', '0']);

    // A second declaration counting on it is refused.
    const next = await aRegisteredDeclaration({
      companyId: trader.companyId!,
      createdById: trader.userId,
      post,
      registeredAt: NOW,
      regime: 'IM31',
      items: [{ hsCode: '0808108000', quantity: '10', supplementaryUnit: 'KG' }],
    });
    await db.permitLink.createMany({
      data: [
        { permitId: permit.id, declarationItemId: next.items[0].id, quantity: '10' },
        { permitId: food.id, declarationItemId: next.items[0].id, quantity: '10' },
      ],
    });
    const e = await failure(release(next.id), 'CONFLICT');
    expect(e.message).toContain('is used up');
  });

  it('a revoked permit blocks release; nothing is written off or released', async () => {
    const trader = await aTrader();
    const pq = await anAgencyOfficer('SES');
    const permit = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '100',
      unit: 'L',
    });
    const d = await aRegisteredDeclaration({
      companyId: trader.companyId!,
      createdById: trader.userId,
      post,
      registeredAt: NOW,
      items: [{ hsCode: '2203000900', quantity: '10', supplementaryUnit: 'L' }],
    });
    await db.permitLink.create({ data: { permitId: permit.id, declarationItemId: d.items[0].id, quantity: '10' } });
    await revokePermit({
      actor: pq,
      permitId: permit.id,
      input: { reason: 'The laboratory report was forged' },
      now: NOW,
    });
    const e = await failure(release(d.id), 'CONFLICT');
    expect(e.message).toContain(`permit ${permit.number} was revoked`);
    expect(e.fieldErrors).toEqual([expect.objectContaining({ path: 'items.0.permits' })]);
    expect((await db.permit.findUniqueOrThrow({ where: { id: permit.id } })).remainingQuantity.toFixed(0)).toBe('100');
    expect((await db.declaration.findUniqueOrThrow({ where: { id: d.id } })).status).toBe('ASSIGNED');
    expect(await db.permitLink.count({ where: { permitId: permit.id, writtenOffAt: { not: null } } })).toBe(0);
  });

  it('a permit that expired before the registration date blocks release; one valid then releases', async () => {
    const trader = await aTrader();
    const expired = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '100',
      unit: 'L',
      validTo: '2026-11-27',
    });
    const d = await aRegisteredDeclaration({
      companyId: trader.companyId!,
      createdById: trader.userId,
      post,
      registeredAt: NOW,
      items: [{ hsCode: '2203000900', quantity: '10', supplementaryUnit: 'L' }],
    });
    await db.permitLink.create({ data: { permitId: expired.id, declarationItemId: d.items[0].id, quantity: '10' } });
    expect((await failure(release(d.id), 'CONFLICT')).message).toContain('expired (valid until 2026-11-27)');

    const lastDay = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '100',
      unit: 'L',
      validTo: '2026-11-28',
    });
    const ok = await aRegisteredDeclaration({
      companyId: trader.companyId!,
      createdById: trader.userId,
      post,
      registeredAt: NOW,
      items: [{ hsCode: '2203000900', quantity: '10', supplementaryUnit: 'L' }],
    });
    await db.permitLink.create({ data: { permitId: lastDay.id, declarationItemId: ok.items[0].id, quantity: '10' } });
    // Released the next day: validity is judged on the registration date.
    await release(ok.id, new Date('2026-11-29T06:00:00Z'));
    expect((await db.permit.findUniqueOrThrow({ where: { id: lastDay.id } })).remainingQuantity.toFixed(0)).toBe('90');
  });

  it('freezes links once released', async () => {
    const trader = await aTrader();
    const permit = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '100',
      unit: 'L',
    });
    const d = await aRegisteredDeclaration({
      companyId: trader.companyId!,
      createdById: trader.userId,
      post,
      registeredAt: NOW,
      items: [{ hsCode: '2203000900', quantity: '10', supplementaryUnit: 'L' }],
    });
    const { linkId } = await linkPermit({
      actor: trader,
      declarationId: d.id,
      input: { lineNo: 1, permitId: permit.id },
      now: NOW,
    });
    await release(d.id);
    await failure(unlinkPermit({ actor: trader, declarationId: d.id, input: { linkId }, now: NOW }), 'CONFLICT');
    const page = await getDeclarationPermitLinks({ actor: trader, declarationId: d.id, now: NOW });
    expect(page.isLinkingAllowed).toBe(false);
    expect(page.items[0].permitLinks[0].quantity.toFixed(0)).toBe('10');
    expect(page.items[0].permitLinks[0].writtenOffAt).not.toBeNull();
  });
});

describe('a permit serves one direction: import, export or transit', () => {
  let post: Awaited<ReturnType<typeof aPost>>;
  let inspector: Actor;
  let officerNumber: string;
  beforeAll(async () => {
    post = await aPost();
    inspector = await anInspector(post.id);
    officerNumber = (await db.user.findUniqueOrThrow({ where: { id: inspector.userId } })).officerNumber!;
  });

  const NARC_DOCUMENTS = [
    'Contract',
    'Invoice',
    'End-user certificate',
    'Licence for activity with controlled substances',
  ];

  it('asks the direction of a type of several, issues the permit for it, and refuses it to a declaration of another direction at linking and at release', async () => {
    const trader = await aTrader();
    await aBalance(trader, '1000000.00');
    const ph = await anAgencyOfficer('PH');
    // Ephedrine (2939 41): the seeded tariff samples a few lines per chapter, so make sure it has this one.
    const line = await db.tariffLine.upsert({
      where: { hsCode: '2939410000' },
      create: {
        hsCode: '2939410000',
        description: 'Ephedrine and its salts',
        section: 'VI',
        chapter: '29',
        dutyType: 'AD_VALOREM',
        adValoremRate: '5',
        validFrom: new Date('2020-01-01T00:00:00Z'),
      },
      update: {},
    });
    const start = { permitTypeCode: 'PH-NARC', purpose: 'Ephedrine for a pharmaceutical plant' };

    // PH-NARC serves import and export: the trader must say which, and only one of those.
    const unasked = await failure(startApplication({ actor: trader, input: start, now: NOW }), 'VALIDATION');
    expect(unasked.fieldErrors).toEqual([
      {
        path: 'direction',
        message: 'Choose whether the goods are for import or export: a PH-NARC permit serves one of them',
      },
    ]);
    const transit = await failure(
      startApplication({ actor: trader, input: { ...start, direction: 'TRANSIT' }, now: NOW }),
      'VALIDATION',
    );
    expect(transit.fieldErrors).toEqual([
      { path: 'direction', message: 'A PH-NARC permit is for import or export, not transit' },
    ]);
    expect(
      (
        await failure(
          startApplication({ actor: trader, input: { ...start, direction: 'UPWARDS' }, now: NOW }),
          'VALIDATION',
        )
      ).fieldErrors.map((f) => f.path),
    ).toEqual(['direction']);
    expect(await db.permitApplication.count({ where: { companyId: trader.companyId! } })).toBe(0);

    const { id } = await startApplication({ actor: trader, input: { ...start, direction: 'IMPORT' }, now: NOW });
    expect((await db.permitApplication.findUniqueOrThrow({ where: { id } })).direction).toBe('IMPORT');
    expect(
      (await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: 'permitApplication.start' } })).data,
    ).toEqual({ permitType: 'PH-NARC', direction: 'IMPORT' });
    await addApplicationProduct({
      actor: trader,
      applicationId: id,
      input: { hsCode: line.hsCode, description: 'Ephedrine', quantity: '50', unit: 'KG', country: 'IN' },
      now: NOW,
    });
    for (const documentType of NARC_DOCUMENTS)
      await addApplicationDocument({
        actor: trader,
        applicationId: id,
        input: { documentType },
        file: { fileName: 'doc.pdf', bytes: PDF },
        now: NOW,
      });
    await submitApplication({ actor: trader, applicationId: id, now: NOW });
    const issued = await issuePermit({
      actor: ph,
      applicationId: id,
      input: { validFrom: '2026-11-28', validTo: '2027-02-25', quantity: '1', unit: 'KG' },
      now: NOW,
    });
    expect((await db.permit.findUniqueOrThrow({ where: { id: issued.permitId } })).direction).toBe('IMPORT');

    // An export of the same goods: the import licence is neither offered nor linked.
    const item = { hsCode: line.hsCode, quantity: '50', supplementaryUnit: 'KG', description: 'Ephedrine' };
    const exported = await aRegisteredDeclaration({
      companyId: trader.companyId!,
      createdById: trader.userId,
      post,
      registeredAt: NOW,
      regime: 'EK10',
      items: [item],
    });
    const page = await getDeclarationPermitLinks({ actor: trader, declarationId: exported.id, now: NOW });
    expect(page.items[0].requirements).toEqual([{ authorityCode: 'PH', alternatives: ['PH-NARC'] }]);
    expect(page.items[0].candidates).toEqual([]);
    const refused = await failure(
      linkPermit({
        actor: trader,
        declarationId: exported.id,
        input: { lineNo: 1, permitId: issued.permitId },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(refused.fieldErrors).toEqual([
      {
        path: 'permitId',
        message: `Permit ${issued.number} cannot cover item 1: permit ${issued.number} was issued for import, but this is an export declaration: it needs a permit issued for export`,
      },
    ]);
    expect(await db.permitLink.count({ where: { permitId: issued.permitId } })).toBe(0);

    // Release checks again: a link written behind the linking check (a script, an old link) does not release an export.
    await db.permitLink.create({
      data: { permitId: issued.permitId, declarationItemId: exported.items[0].id, quantity: '50' },
    });
    const blocked = await failure(
      db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Declaration" WHERE id = ${exported.id}::uuid FOR UPDATE`;
        return releaseDeclaration(tx, { declarationId: exported.id, actor: inspector, officerNumber, now: NOW });
      }),
      'CONFLICT',
    );
    expect(blocked.message).toContain(
      `permit ${issued.number} was issued for import, but this is an export declaration`,
    );
    expect(await db.permit.findUniqueOrThrow({ where: { id: issued.permitId } })).toMatchObject({ status: 'ISSUED' });
    expect((await db.declaration.findUniqueOrThrow({ where: { id: exported.id } })).status).toBe('ASSIGNED');

    // The import it was issued for: offered and linked.
    const imported = await aRegisteredDeclaration({
      companyId: trader.companyId!,
      createdById: trader.userId,
      post,
      registeredAt: NOW,
      regime: 'IM40',
      items: [item],
    });
    expect(
      (
        await getDeclarationPermitLinks({ actor: trader, declarationId: imported.id, now: NOW })
      ).items[0].candidates.map((c) => c.id),
    ).toEqual([issued.permitId]);
    await linkPermit({
      actor: trader,
      declarationId: imported.id,
      input: { lineNo: 1, permitId: issued.permitId },
      now: NOW,
    });
  });
});

describe('the permit catalogue and the desk’s SLA target (administrator)', () => {
  let admin: Actor;
  beforeAll(async () => {
    admin = actorOf(await aUser({ role: 'ADMIN' }));
  });

  it('creates and edits permit types with every field validated, and audits each change', async () => {
    const code = `T${Date.now().toString(36).toUpperCase().slice(-6)}-X`;
    const form = {
      name: 'Test licence',
      authorityCode: 'ECO',
      directions: ['IMPORT', 'TRANSIT'],
      hsPrefixes: '2903, 3824 290371',
      validityDays: '365',
      scope: 'QUANTITY',
      requiredDocuments: 'Contract\nInvoice\n\nInvoice',
      fee: '500000',
      isActive: 'on',
    };
    const bad = await failure(
      createPermitType({
        actor: admin,
        input: {
          ...form,
          code: 'bad code!',
          directions: [],
          hsPrefixes: '123 08',
          validityDays: '0',
          scope: 'FOREVER',
          fee: '-1',
          authorityCode: '',
        },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(bad.fieldErrors.map((f) => f.path).sort()).toEqual([
      'authorityCode',
      'code',
      'directions',
      'fee',
      'hsPrefixes',
      'scope',
      'validityDays',
    ]);
    expect(bad.fieldErrors.find((f) => f.path === 'hsPrefixes')?.message).toBe(
      'Each HS prefix must be 2, 4 or 6 digits: 123 is not',
    );
    await failure(
      createPermitType({ actor: admin, input: { ...form, code, authorityCode: 'XYZ' }, now: NOW }),
      'VALIDATION',
    );

    await createPermitType({ actor: admin, input: { ...form, code }, now: NOW });
    const created = await db.permitType.findUniqueOrThrow({ where: { code } });
    expect(created).toMatchObject({
      directions: ['IMPORT', 'TRANSIT'],
      hsPrefixes: ['2903', '3824', '290371'],
      validityDays: 365,
      scope: 'QUANTITY',
      requiredDocuments: ['Contract', 'Invoice'],
      isActive: true,
    });
    expect(created.fee.toFixed(2)).toBe('500000.00');
    expect(
      (await failure(createPermitType({ actor: admin, input: { ...form, code }, now: NOW }), 'VALIDATION')).fieldErrors,
    ).toEqual([{ path: 'code', message: `A permit type with code ${code} already exists` }]);

    await updatePermitType({
      actor: admin,
      code,
      input: { ...form, name: 'Test licence, amended', validityDays: '90', isActive: undefined },
      now: NOW,
    });
    const updated = await db.permitType.findUniqueOrThrow({ where: { code } });
    expect(updated).toMatchObject({ name: 'Test licence, amended', validityDays: 90, isActive: false });
    const audit = await db.auditEntry.findMany({
      where: { entityType: 'PermitType', entityId: code },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['permitType.create', 'permitType.update']);
    expect(audit[1].data).toMatchObject({
      before: { name: 'Test licence', validityDays: 365 },
      after: { name: 'Test licence, amended', validityDays: 90 },
    });
    await failure(updatePermitType({ actor: admin, code: 'NO-SUCH', input: form, now: NOW }), 'NOT_FOUND');

    // An inactive type: no new applications.
    await failure(
      startApplication({ actor: await aTrader(), input: { permitTypeCode: code, purpose: 'x' }, now: NOW }),
      'VALIDATION',
    );
    // Only an administrator.
    await failure(updatePermitType({ actor: await aTrader(), code, input: form, now: NOW }), 'FORBIDDEN');
    await failure(listPermitTypesForAdmin({ actor: await anAgencyOfficer('ECO'), page: 1 }), 'FORBIDDEN');
  });

  it('stores the SLA target as a setting (2 working days until set)', async () => {
    const before = await loadSlaTarget(db);
    expect([2, 3]).toContain(before);
    await failure(savePermitSlaTarget({ actor: admin, input: { workingDays: '0' }, now: NOW }), 'VALIDATION');
    await savePermitSlaTarget({ actor: admin, input: { workingDays: '2' }, now: NOW });
    expect(await loadSlaTarget(db)).toBe(2);
    await failure(savePermitSlaTarget({ actor: await aTrader(), input: { workingDays: '3' }, now: NOW }), 'FORBIDDEN');
  });
});

describe('a permit’s links, seen by its authority', () => {
  it('shows the officer which declarations use the permit; other authorities do not find it (404)', async () => {
    const trader = await aTrader();
    const ses = await anAgencyOfficer('SES');
    const pq = await anAgencyOfficer('PQ');
    const permit = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '100',
      unit: 'L',
    });
    expect((await getPermitForOfficer({ actor: ses, permitId: permit.id })).number).toBe(permit.number);
    await failure(getPermitForOfficer({ actor: pq, permitId: permit.id }), 'NOT_FOUND');
    await failure(permitPdf({ actor: pq, permitId: permit.id, t }), 'NOT_FOUND');
  });
});

describe('the database keeps a permit’s remaining quantity within what it granted', () => {
  it('refuses a raw write that overdraws a permit or gives back more than it granted', async () => {
    const trader = await aTrader();
    const permit = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '100',
      unit: 'L',
    });
    for (const remaining of ['-0.001', '100.001']) {
      const e =
        await db.$executeRaw`UPDATE "Permit" SET "remainingQuantity" = ${remaining}::numeric WHERE id = ${permit.id}::uuid`.then(
          () => null,
          (x: unknown) => x,
        );
      expect(String((e as Error | null)?.message), remaining).toContain('Permit_remainingQuantity_within_quantity');
    }
    await db.$executeRaw`UPDATE "Permit" SET "remainingQuantity" = 0 WHERE id = ${permit.id}::uuid`;
    expect((await db.permit.findUniqueOrThrow({ where: { id: permit.id } })).remainingQuantity.toFixed(3)).toBe(
      '0.000',
    );
  });
});
