import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { db } from '@/src/server/db';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { ensureDeclarationDocument, declarationPdf } from '@/src/server/documents/declaration';
import { issueSignedDocument, reissueSignedDocument, revokeSignedDocuments } from '@/src/server/documents/issue';
import { verifySignedDocument } from '@/src/server/documents/verify';
import { listSigningKeys } from '@/src/server/documents/keys';
import { currentSigningKey } from '@/src/server/documents/signature';
import { renderSignedDocumentPdf } from '@/src/server/documents/pdf';
import { releaseNotePdf } from '@/src/server/documents/release-note';
import { recordExamination, releaseByOfficer } from '@/src/server/officer/decisions';
import type { Actor } from '@/src/server/actor';
import { AppError } from '@/lib/errors';
import type { PermitPayload } from '@/lib/documents/payloads';
import messages from '@/lib/i18n/messages/en/signedDocument.json';
import { pdfText } from '../support/pdf-text';
import {
  aPost,
  aTrader,
  anInspector,
  aDraftInput,
  aUser,
  actorOf,
  aForcedChannel,
  payInFull,
} from '../support/factories';

const NOW = new Date('2026-11-28T09:30:00Z');
const LATER = new Date('2026-11-29T06:00:00Z');
const t = createTranslator({
  locale: 'en',
  messages: { signedDocument: messages },
  namespace: 'signedDocument',
}) as unknown as (key: string, values?: Record<string, string | number>) => string;

async function expectAppError(promise: Promise<unknown>, code: AppError['code']) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function aRegisteredDeclaration(args: {
  trader: Actor;
  postCode: string;
  items?: ReturnType<typeof aDraftInput>['items'];
}) {
  const input = aDraftInput({
    postCode: args.postCode,
    ...(args.items ? { items: args.items, invoiceTotal: '999.00' } : {}),
  });
  const { id } = await createDeclarationDraft({ actor: args.trader, input, now: NOW });
  const { registrationNumber } = await submitDeclaration({ actor: args.trader, declarationId: id, now: NOW });
  return { id, registrationNumber };
}

describe('signed documents: the printable declaration', () => {
  let post: Awaited<ReturnType<typeof aPost>>;
  let trader: Actor;
  beforeAll(async () => {
    post = await aPost();
    await anInspector(post.id);
    trader = await aTrader();
  });

  it('issues the document of a registered declaration once, signed with the published key, and verifies it as genuine and current', async () => {
    const { id, registrationNumber } = await aRegisteredDeclaration({ trader, postCode: post.code });
    const doc = await ensureDeclarationDocument({ actor: trader, declarationId: id, now: NOW });
    expect(doc.number).toBe(registrationNumber);
    expect(doc.keyId).toBe(currentSigningKey().keyId);
    expect(doc.verificationPath).toBe(`/verify/${registrationNumber}?sig=${doc.signature}`);
    expect(doc.verificationUrl).toMatch(
      new RegExp(`^https?://[^/]+/verify/${registrationNumber}\\?sig=[A-Za-z0-9_-]{86}$`),
    );

    // Idempotent: printing again gives the same document, nothing new is written.
    const again = await ensureDeclarationDocument({ actor: trader, declarationId: id, now: LATER });
    expect(again).toEqual(doc);
    expect(await db.signedDocument.count({ where: { subjectId: id } })).toBe(1);
    const audit = await db.auditEntry.findMany({
      where: { entityType: 'SignedDocument', entityId: registrationNumber },
    });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['document.issue', trader.userId]]);

    const keys = await listSigningKeys();
    expect(keys.find((k) => k.keyId === doc.keyId)).toMatchObject({
      algorithm: 'Ed25519',
      publicKeyPem: currentSigningKey().publicKeyPem,
      retiredAt: null,
    });

    const verified = await verifySignedDocument({ number: registrationNumber, presentedSignature: doc.signature });
    expect(verified.verdict).toBe('GENUINE_CURRENT');
    expect(verified.document).toMatchObject({
      kind: 'DECLARATION',
      number: registrationNumber,
      keyId: doc.keyId,
      revokedAt: null,
      supersededBy: null,
      isContentShown: true,
    });
    expect(verified.document?.issuedAt.toISOString()).toBe(NOW.toISOString());
    expect(verified.document?.content?.kind).toBe('DECLARATION');
    const content = verified.document!.content!.payload as {
      registrationNumber: string;
      items: Array<{ description: string; invoiceValue: string }>;
      declarant: { tin: string };
    };
    expect(content.registrationNumber).toBe(registrationNumber);
    expect(content.items.map((i) => [i.description, i.invoiceValue])).toEqual([
      ['Laptops', '6000.00'],
      ['Beer', '4000.00'],
    ]);
    // The public answer carries no internal ids.
    expect(JSON.stringify(verified)).not.toContain(id);

    // Checked by number only (typed by hand): the status, not the content.
    const byNumber = await verifySignedDocument({ number: registrationNumber, presentedSignature: null });
    expect(byNumber.verdict).toBe('GENUINE_CURRENT');
    expect(byNumber.document).toMatchObject({ isContentShown: false, content: null });
  });

  it('shows a presented signature that differs by one character as not valid (TAMPERED)', async () => {
    const { id, registrationNumber } = await aRegisteredDeclaration({ trader, postCode: post.code });
    const doc = await ensureDeclarationDocument({ actor: trader, declarationId: id, now: NOW });
    const changed = (doc.signature[0] === 'A' ? 'B' : 'A') + doc.signature.slice(1);
    expect(await verifySignedDocument({ number: registrationNumber, presentedSignature: changed })).toEqual({
      verdict: 'TAMPERED',
      document: null,
    });
    expect(await verifySignedDocument({ number: registrationNumber, presentedSignature: '' })).toEqual({
      verdict: 'TAMPERED',
      document: null,
    });
  });

  it('shows a row edited behind the portal’s back as TAMPERED, and re-issues from the declaration on the next print', async () => {
    const { id, registrationNumber } = await aRegisteredDeclaration({ trader, postCode: post.code });
    const doc = await ensureDeclarationDocument({ actor: trader, declarationId: id, now: NOW });
    const forged = { ...doc.payload, invoice: { ...doc.payload.invoice, total: '1.00' } };
    await db.signedDocument.update({ where: { number: registrationNumber }, data: { payload: forged } });
    expect(await verifySignedDocument({ number: registrationNumber, presentedSignature: doc.signature })).toEqual({
      verdict: 'TAMPERED',
      document: null,
    });
    expect((await verifySignedDocument({ number: registrationNumber, presentedSignature: null })).verdict).toBe(
      'TAMPERED',
    );

    // A moved issue date breaks the signature too (it is part of what is signed).
    await db.signedDocument.update({
      where: { number: registrationNumber },
      data: { payload: doc.payload, issuedAt: LATER },
    });
    expect(
      (await verifySignedDocument({ number: registrationNumber, presentedSignature: doc.signature })).verdict,
    ).toBe('TAMPERED');
    await db.signedDocument.update({ where: { number: registrationNumber }, data: { issuedAt: NOW } });
    expect(
      (await verifySignedDocument({ number: registrationNumber, presentedSignature: doc.signature })).verdict,
    ).toBe('GENUINE_CURRENT');

    // A replaced stored signature: the stored row no longer verifies.
    await db.signedDocument.update({
      where: { number: registrationNumber },
      data: { payload: forged, signature: doc.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
    });
    const reissued = await ensureDeclarationDocument({ actor: trader, declarationId: id, now: LATER });
    expect(reissued.number).toBe(`${registrationNumber}-2`);
    expect(reissued.payload.invoice.total).toBe('10000.00');
    expect(
      (await verifySignedDocument({ number: reissued.number, presentedSignature: reissued.signature })).verdict,
    ).toBe('GENUINE_CURRENT');
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: 'document.reissue', entityId: reissued.number },
    });
    expect(audit.data).toMatchObject({
      previousNumber: registrationNumber,
      reason: 'The stored document failed its integrity check.',
    });
  });

  it('answers UNKNOWN for a number never issued, and for input that is not a number', async () => {
    expect(await verifySignedDocument({ number: '99999/261128/0000001', presentedSignature: null })).toEqual({
      verdict: 'UNKNOWN',
      document: null,
    });
    expect(
      await verifySignedDocument({ number: '\'; DROP TABLE "SignedDocument"; --', presentedSignature: null }),
    ).toEqual({ verdict: 'UNKNOWN', document: null });
    expect(await verifySignedDocument({ number: 'x'.repeat(5000), presentedSignature: 'y' })).toEqual({
      verdict: 'UNKNOWN',
      document: null,
    });
  });

  it('re-issues after an amendment as <number>-2: the old version is SUPERSEDED (pointing to the new), the new one current', async () => {
    const { id, registrationNumber } = await aRegisteredDeclaration({ trader, postCode: post.code });
    const first = await ensureDeclarationDocument({ actor: trader, declarationId: id, now: NOW });
    // The trader amends an item (the amendment journey is elsewhere; its effect on the row is this).
    await db.declarationItem.update({
      where: { declarationId_lineNo: { declarationId: id, lineNo: 2 } },
      data: { description: 'Beer, non-alcoholic' },
    });

    const second = await ensureDeclarationDocument({ actor: trader, declarationId: id, now: LATER });
    expect(second.number).toBe(`${registrationNumber}-2`);
    expect(second.payload.items[1].description).toBe('Beer, non-alcoholic');

    const old = await verifySignedDocument({ number: registrationNumber, presentedSignature: first.signature });
    expect(old.verdict).toBe('SUPERSEDED');
    expect(old.document).toMatchObject({ supersededBy: second.number, revokedAt: LATER });
    // What the holder of the old paper sees is what was signed then.
    expect((old.document?.content?.payload as { items: Array<{ description: string }> }).items[1].description).toBe(
      'Beer',
    );
    expect((await verifySignedDocument({ number: second.number, presentedSignature: second.signature })).verdict).toBe(
      'GENUINE_CURRENT',
    );

    // A third version continues the series, and the first still points to the latest.
    await db.declarationItem.update({
      where: { declarationId_lineNo: { declarationId: id, lineNo: 2 } },
      data: { description: 'Beer, 0.5%' },
    });
    const third = await ensureDeclarationDocument({ actor: trader, declarationId: id, now: LATER });
    expect(third.number).toBe(`${registrationNumber}-3`);
    expect(
      (await verifySignedDocument({ number: registrationNumber, presentedSignature: null })).document?.supersededBy,
    ).toBe(third.number);
    expect((await verifySignedDocument({ number: second.number, presentedSignature: null })).verdict).toBe(
      'SUPERSEDED',
    );
    const actions = await db.auditEntry.findMany({
      where: { entityType: 'SignedDocument', entityId: { in: [registrationNumber, second.number, third.number] } },
      orderBy: { id: 'asc' },
    });
    expect(actions.map((a) => `${a.action} ${a.entityId}`)).toEqual([
      `document.issue ${registrationNumber}`,
      `document.supersede ${registrationNumber}`,
      `document.reissue ${second.number}`,
      `document.supersede ${second.number}`,
      `document.reissue ${third.number}`,
    ]);
  });

  it('shows a revoked document as REVOKED, and no longer prints it', async () => {
    const { id, registrationNumber } = await aRegisteredDeclaration({ trader, postCode: post.code });
    const doc = await ensureDeclarationDocument({ actor: trader, declarationId: id, now: NOW });
    const revoked = await db.$transaction((tx) =>
      revokeSignedDocuments(tx, {
        actor: trader,
        kind: 'DECLARATION',
        subjectId: id,
        now: LATER,
        reason: 'Declaration withdrawn',
      }),
    );
    expect(revoked.numbers).toEqual([registrationNumber]);
    const verified = await verifySignedDocument({ number: registrationNumber, presentedSignature: doc.signature });
    expect(verified.verdict).toBe('REVOKED');
    expect(verified.document?.revokedAt).toEqual(LATER);
    expect(
      await db.auditEntry.findFirst({ where: { action: 'document.revoke', entityId: registrationNumber } }),
    ).toMatchObject({ data: { reason: 'Declaration withdrawn' } });
    await expectAppError(ensureDeclarationDocument({ actor: trader, declarationId: id, now: LATER }), 'CONFLICT');
    // Revoking again changes nothing.
    expect(
      (
        await db.$transaction((tx) =>
          revokeSignedDocuments(tx, { actor: null, kind: 'DECLARATION', subjectId: id, now: LATER, reason: 'again' }),
        )
      ).numbers,
    ).toEqual([]);
  });

  it('gives each reader only what they may read: own company, own post; a draft is not printable', async () => {
    const { id } = await aRegisteredDeclaration({ trader, postCode: post.code });
    const stranger = await aTrader();
    await expectAppError(ensureDeclarationDocument({ actor: stranger, declarationId: id, now: NOW }), 'NOT_FOUND');
    const otherPost = await aPost();
    await expectAppError(
      ensureDeclarationDocument({ actor: await anInspector(otherPost.id), declarationId: id, now: NOW }),
      'NOT_FOUND',
    );
    const officerDoc = await ensureDeclarationDocument({
      actor: await anInspector(post.id, { isOnDuty: false }),
      declarationId: id,
      now: NOW,
    });
    expect((await ensureDeclarationDocument({ actor: trader, declarationId: id, now: NOW })).signature).toBe(
      officerDoc.signature,
    );
    await expectAppError(
      ensureDeclarationDocument({ actor: actorOf(await aUser({ role: 'ADMIN' })), declarationId: id, now: NOW }),
      'FORBIDDEN',
    );

    const { id: draftId } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    const error = await expectAppError(
      ensureDeclarationDocument({ actor: trader, declarationId: draftId, now: NOW }),
      'CONFLICT',
    );
    expect(error.message).toMatch(/not registered yet/);
    await expectAppError(
      ensureDeclarationDocument({
        actor: await anInspector(post.id, { isOnDuty: false }),
        declarationId: draftId,
        now: NOW,
      }),
      'NOT_FOUND',
    );
    expect(await db.signedDocument.count({ where: { subjectId: draftId } })).toBe(0);
  });

  it('issues exactly one document when many prints of a fresh declaration race', async () => {
    const { id, registrationNumber } = await aRegisteredDeclaration({ trader, postCode: post.code });
    const docs = await Promise.all(
      Array.from({ length: 6 }, () => ensureDeclarationDocument({ actor: trader, declarationId: id, now: NOW })),
    );
    expect(new Set(docs.map((d) => d.signature)).size).toBe(1);
    expect(await db.signedDocument.findMany({ where: { subjectId: id }, select: { number: true } })).toEqual([
      { number: registrationNumber },
    ]);
  });

  it('prints a PDF that starts with %PDF-, shows the number, the content and the verification URL on every page', async () => {
    const { id, registrationNumber } = await aRegisteredDeclaration({ trader, postCode: post.code });
    const { bytes, filename, document } = await declarationPdf({ actor: trader, declarationId: id, now: NOW, t });
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(filename).toBe(`declaration-${registrationNumber.replace(/\//g, '-')}.pdf`);
    const { pages, title } = await pdfText(bytes);
    expect(title).toBe(`Customs declaration ${registrationNumber}`);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain(`No. ${registrationNumber}`);
    expect(pages[0]).toContain('Shenzhen Tech Ltd');
    expect(pages[0]).toContain('10 000.00 USD');
    expect(pages[0]).toContain('Page 1 of 1');
    // The URL is broken over lines to fit the footer; joined, it is the verification URL.
    expect(pages[0].replace(/\n/g, '')).toContain(document.verificationUrl);
    // The same document prints the same bytes.
    expect(
      Buffer.from((await declarationPdf({ actor: trader, declarationId: id, now: LATER, t })).bytes).equals(
        Buffer.from(bytes),
      ),
    ).toBe(true);
  });

  it('prints names WinAnsi cannot spell without failing', async () => {
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({
        postCode: post.code,
        consignorName: 'ООО «Ташкент Савдо» — Côte d’Ivoire 北京',
        consignorAddress: 'Тошкент, Ўзбекистон 😀',
      }),
      now: NOW,
    });
    await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    const { bytes, document } = await declarationPdf({ actor: trader, declarationId: id, now: NOW, t });
    expect((await pdfText(bytes)).pages[0]).toContain(
      'OOO «Tashkent Savdo» — Côte d’Ivoire ??'.replace('’', '\x92').replace('—', '\x97'),
    );
    // The signed content keeps the original text.
    expect(document.payload.consignor.name).toBe('ООО «Ташкент Савдо» — Côte d’Ivoire 北京');
  });

  it('renders a 999-item declaration over several pages, with every line', async () => {
    const items = Array.from({ length: 999 }, (_, i) => ({
      hsCode: '8471300000',
      description:
        i % 50 === 0
          ? `Portable computers, line ${i + 1}, with a long description that wraps over more than one line of the items table on paper`
          : `Item ${i + 1}`,
      originCountry: 'CN',
      grossMass: '2',
      netMass: '1',
      quantity: '1',
      supplementaryUnit: 'PCS' as const,
      invoiceValue: '1.00',
    }));
    const { id, registrationNumber } = await aRegisteredDeclaration({ trader, postCode: post.code, items });
    const started = Date.now();
    const { bytes, document } = await declarationPdf({ actor: trader, declarationId: id, now: NOW, t });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(document.payload.items).toHaveLength(999);
    const { pages } = await pdfText(bytes);
    expect(pages.length).toBeGreaterThan(10);
    const all = pages.join('\n');
    expect(all).toContain('Goods (999 items)');
    expect(all).toContain('Item 999');
    for (const n of [2, 500, 999]) expect(all).toMatch(new RegExp(`(^|\\n)${n}\\n8471300000\\n`));
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      if (i > 0) expect(page).toContain(`Customs declaration ${registrationNumber} (continued)`);
    });
    expect(
      (await verifySignedDocument({ number: registrationNumber, presentedSignature: document.signature })).verdict,
    ).toBe('GENUINE_CURRENT');
  });
});

describe('signed documents: the release note', () => {
  it('prints the number, the release moment, the post, the officer by number, the goods and the verification URL', async () => {
    const post = await aPost();
    await aForcedChannel(post.code, 'RED');
    const inspector = await anInspector(post.id);
    const trader = await aTrader();
    const cotton = {
      hsCode: '5201000000',
      description: 'Raw cotton',
      originCountry: 'KZ',
      grossMass: '10100',
      netMass: '10000.5',
      quantity: '10000.5',
      supplementaryUnit: 'KG',
      invoiceValue: '10000.00',
    };
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: { ...aDraftInput({ postCode: post.code }), items: [cotton], invoiceTotal: '10000.00' },
      now: NOW,
    });
    const { registrationNumber } = await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    await recordExamination({
      actor: inspector,
      declarationId: id,
      input: {
        expectedVersion: (await db.declaration.findUniqueOrThrow({ where: { id } })).version,
        findings: 'Bales counted and weighed',
        isHit: 'no',
        isCritical: 'no',
      },
      now: NOW,
    });
    await payInFull({ trader, declarationId: id, now: NOW });
    const version = (await db.declaration.findUniqueOrThrow({ where: { id } })).version;
    const { releaseNoteNumber } = await releaseByOfficer({
      actor: inspector,
      declarationId: id,
      expectedVersion: version,
      now: LATER,
    });
    expect(releaseNoteNumber).toBe(`RN/${registrationNumber}`);

    const officerNumber = (await db.user.findUniqueOrThrow({ where: { id: inspector.userId } })).officerNumber!;
    const { bytes, document } = await releaseNotePdf({ actor: trader, declarationId: id, t });
    const text = (await pdfText(bytes)).pages.join('\n');
    for (const expected of [
      `No. RN/${registrationNumber}`,
      registrationNumber,
      'Released\n2026-11-29 11:00 (UTC+5)',
      `${post.code} ${post.name}`,
      'Releasing officer (service number)',
      officerNumber,
      'Raw cotton',
      '5201000000',
      '10 000.500',
      '10 000.00 USD',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain(inspector.name);
    expect(text.replace(/\n/g, '')).toContain(document.verificationUrl);
    expect(
      (await verifySignedDocument({ number: `RN/${registrationNumber}`, presentedSignature: document.signature }))
        .verdict,
    ).toBe('GENUINE_CURRENT');
  });
});

describe('signed documents: the generic mechanism (a permit, as its issuing code will use it)', () => {
  const permitPayload = (validUntil: string): PermitPayload => ({
    permitNumber: 'PQ-IMP/2026/000123',
    permitType: { code: 'PQ-IMP', name: 'Import quarantine permit' },
    authority: { code: 'PQ', name: 'Plant quarantine agency' },
    holder: { tin: '302345678', name: 'Orient Logistics JSC' },
    issuedOn: '2026-11-28',
    validUntil,
    scope: 'SHIPMENT',
    products: [{ hsCode: '0808100000', description: 'Fresh apples', quantity: '20000.000', unit: 'KG', country: 'IR' }],
  });

  it('issues in the caller’s transaction, refuses a second issue, re-issues and revokes', async () => {
    const subjectId = crypto.randomUUID();
    const number = `PQ-IMP/2026/${subjectId.slice(0, 6)}`;
    const issued = await db.$transaction((tx) =>
      issueSignedDocument(tx, {
        actor: null,
        kind: 'PERMIT',
        number,
        subjectId,
        payload: permitPayload('2027-05-27'),
        now: NOW,
      }),
    );
    expect((await verifySignedDocument({ number, presentedSignature: issued.signature })).verdict).toBe(
      'GENUINE_CURRENT',
    );

    await expectAppError(
      db.$transaction((tx) =>
        issueSignedDocument(tx, {
          actor: null,
          kind: 'PERMIT',
          number: `${number}X`,
          subjectId,
          payload: permitPayload('2027-05-27'),
          now: NOW,
        }),
      ),
      'CONFLICT',
    );

    // A rolled-back transaction leaves no document behind.
    await expect(
      db.$transaction(async (tx) => {
        await reissueSignedDocument(tx, {
          actor: null,
          kind: 'PERMIT',
          subjectId,
          payload: permitPayload('2027-06-30'),
          now: LATER,
          reason: 'Validity extended',
        });
        throw new Error('the permit change failed');
      }),
    ).rejects.toThrow('the permit change failed');
    expect((await verifySignedDocument({ number, presentedSignature: issued.signature })).verdict).toBe(
      'GENUINE_CURRENT',
    );

    const reissued = await db.$transaction((tx) =>
      reissueSignedDocument(tx, {
        actor: null,
        kind: 'PERMIT',
        subjectId,
        payload: permitPayload('2027-06-30'),
        now: LATER,
        reason: 'Validity extended',
      }),
    );
    expect(reissued).toMatchObject({ number: `${number}-2`, previousNumber: number });
    expect((await verifySignedDocument({ number, presentedSignature: issued.signature })).verdict).toBe('SUPERSEDED');

    await db.$transaction((tx) =>
      revokeSignedDocuments(tx, {
        actor: null,
        kind: 'PERMIT',
        subjectId,
        now: LATER,
        reason: 'Permit revoked by the authority',
      }),
    );
    expect(
      (await verifySignedDocument({ number: reissued.number, presentedSignature: reissued.signature })).verdict,
    ).toBe('REVOKED');
    expect((await verifySignedDocument({ number, presentedSignature: issued.signature })).verdict).toBe('SUPERSEDED');

    // The same layout prints it.
    const { pages } = await pdfText(await renderSignedDocumentPdf(reissued, t));
    expect(pages[0]).toContain('Permit');
    expect(pages[0]).toContain('Fresh apples');
  });

  it('refuses content that does not match its kind, and a number that cannot be printed in a URL', async () => {
    const subjectId = crypto.randomUUID();
    await expect(
      db.$transaction((tx) =>
        issueSignedDocument(tx, {
          actor: null,
          kind: 'PERMIT',
          number: `P/${subjectId.slice(0, 8)}`,
          subjectId,
          payload: { ...permitPayload('2027-01-01'), scope: 'FOREVER' } as unknown as PermitPayload,
          now: NOW,
        }),
      ),
    ).rejects.toThrow(/does not match its schema/);
    await expect(
      db.$transaction((tx) =>
        issueSignedDocument(tx, {
          actor: null,
          kind: 'PERMIT',
          number: 'P/../x',
          subjectId,
          payload: permitPayload('2027-01-01'),
          now: NOW,
        }),
      ),
    ).rejects.toThrow(/cannot be a document number/);
    expect(await db.signedDocument.count({ where: { subjectId } })).toBe(0);
  });
});
