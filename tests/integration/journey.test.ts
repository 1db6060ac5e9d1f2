import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import { startDeclaration, saveParties, saveTransport } from '@/src/server/declarations/journey';
import { addItem, updateItem, removeItem, duplicateItem, importItems } from '@/src/server/declarations/items';
import { addDocument, removeDocument, readDeclarationFile } from '@/src/server/declarations/documents';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { withdrawDeclaration, copyDeclaration } from '@/src/server/declarations/lifecycle';
import {
  getCheckYourAnswers,
  getDeclarationOverview,
  listCompanyDeclarations,
  exportCompanyDeclarations,
} from '@/src/server/declarations/read';
import { requestAmendment } from '@/src/server/officer/decisions';
import { payDeclaration, loadSettlement } from '@/src/server/payments/pay';
import { assessDeclaration } from '@/src/server/declarations/assessment';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { ZDeclarationListQuery } from '@/lib/declaration/list-query';
import { MAX_ITEMS } from '@/lib/declaration/schema';
import { AppError } from '@/lib/errors';
import { serviceDate } from '@/lib/time';
import { D } from '@/lib/money';
import type { Actor } from '@/src/server/actor';
import { randomUUID } from 'node:crypto';
import { aPost, aTrader, anInspector, aDraftInput, anInspectedPost } from '../support/factories';
import { NOW } from '../support/clock';

async function failure(promise: Promise<unknown>, code: AppError['code']) {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, 'expected an AppError').toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

const parties = (postCode: string) => ({
  regime: 'IM40',
  postCode,
  consignorName: 'Shenzhen Tech Ltd',
  consignorCountry: 'CN',
  consignorAddress: 'Shenzhen, Nanshan 1',
  consigneeName: 'Test consignee LLC',
  consigneeCountry: 'UZ',
  consigneeAddress: 'Tashkent, Amir Temur 107',
});
const transport = {
  dispatchCountry: 'CN',
  destinationCountry: 'UZ',
  transportMode: 'ROAD',
  transportDocument: 'CMR 100',
  incoterm: 'FOB',
  invoiceCurrency: 'USD',
  invoiceTotal: '10000.00',
  freight: '800',
  insurance: '50',
};
const laptop = {
  hsCode: '8471300000',
  description: 'Laptops',
  originCountry: 'CN',
  grossMass: '120',
  netMass: '100',
  quantity: '50',
  supplementaryUnit: 'PCS',
  invoiceValue: '6000.00',
};
const beer = {
  hsCode: '2203000900',
  description: 'Beer',
  originCountry: 'DE',
  grossMass: '2400',
  netMass: '2000',
  quantity: '2000',
  supplementaryUnit: 'L',
  invoiceValue: '4000.00',
};
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** What a rendered items page binds a button to: the item at a line, and the declaration version. */
async function itemRef(declarationId: string, lineNo: number) {
  const d = await db.declaration.findUniqueOrThrow({
    where: { id: declarationId },
    select: { version: true, items: { where: { lineNo }, select: { id: true } } },
  });
  return { itemId: d.items[0].id, expectedVersion: d.version };
}

async function fullDraft(actor: Actor, postCode: string) {
  const { id } = await startDeclaration({ actor, input: parties(postCode), now: NOW });
  await saveTransport({ actor, declarationId: id, input: transport, now: NOW });
  await addItem({ actor, declarationId: id, input: laptop, now: NOW });
  await addItem({ actor, declarationId: id, input: beer, now: NOW });
  await addDocument({
    actor,
    declarationId: id,
    input: { type: 'INVOICE', number: 'INV-1', date: '2026-11-20' },
    file: { fileName: 'invoice.pdf', bytes: PDF },
    now: NOW,
  });
  await addDocument({
    actor,
    declarationId: id,
    input: { type: 'TRANSPORT_DOCUMENT', number: 'CMR 100', date: '2026-11-21' },
    file: null,
    now: NOW,
  });
  return id;
}

describe('the declaration journey', () => {
  let post: Awaited<ReturnType<typeof aPost>>;
  beforeAll(async () => {
    post = await aPost();
    await anInspector(post.id);
  });

  it('saves a draft at every step and resumes it', async () => {
    const trader = await aTrader();
    const { id } = await startDeclaration({ actor: trader, input: parties(post.code), now: NOW });
    let d = await db.declaration.findUniqueOrThrow({ where: { id } });
    expect(d).toMatchObject({ status: 'DRAFT', regime: 'IM40', consignorName: 'Shenzhen Tech Ltd', incoterm: null });
    await saveTransport({ actor: trader, declarationId: id, input: transport, now: NOW });
    d = await db.declaration.findUniqueOrThrow({ where: { id } });
    expect(d.incoterm).toBe('FOB');
    expect(d.freight?.toFixed(2)).toBe('800.00');
    await saveParties({
      actor: trader,
      declarationId: id,
      input: { ...parties(post.code), consignorName: 'Renamed Ltd' },
      now: NOW,
    });
    expect((await db.declaration.findUniqueOrThrow({ where: { id } })).consignorName).toBe('Renamed Ltd');
  });

  it('edits the items table: add, change, duplicate, remove (lines stay 1..n)', async () => {
    const trader = await aTrader();
    const { id } = await startDeclaration({ actor: trader, input: parties(post.code), now: NOW });
    await addItem({ actor: trader, declarationId: id, input: laptop, now: NOW });
    await addItem({ actor: trader, declarationId: id, input: beer, now: NOW });
    await duplicateItem({ actor: trader, declarationId: id, ...(await itemRef(id, 1)), now: NOW });
    await updateItem({
      actor: trader,
      declarationId: id,
      ...(await itemRef(id, 3)),
      input: { ...laptop, description: 'Laptops, second lot' },
      now: NOW,
    });
    await removeItem({ actor: trader, declarationId: id, ...(await itemRef(id, 1)), now: NOW });
    const items = await db.declarationItem.findMany({ where: { declarationId: id }, orderBy: { lineNo: 'asc' } });
    expect(items.map((i) => [i.lineNo, i.description])).toEqual([
      [1, 'Beer'],
      [2, 'Laptops, second lot'],
    ]);
  });

  it('acts on the item a stale page showed, never on a renumbered line: a second tab gets 409 and writes nothing', async () => {
    const trader = await aTrader();
    const { id } = await startDeclaration({ actor: trader, input: parties(post.code), now: NOW });
    await addItem({ actor: trader, declarationId: id, input: laptop, now: NOW });
    await addItem({ actor: trader, declarationId: id, input: beer, now: NOW });
    // Both tabs render the items page: the same version, the same item on line 1 (the laptops).
    const tabA = await itemRef(id, 1);
    const tabB = await itemRef(id, 1);
    await removeItem({ actor: trader, declarationId: id, ...tabA, now: NOW });
    const before = await db.declaration.findUniqueOrThrow({
      where: { id },
      include: { items: { orderBy: { lineNo: 'asc' } } },
    });
    expect(before.items.map((i) => [i.lineNo, i.description])).toEqual([[1, 'Beer']]);
    const auditsBefore = await db.auditEntry.count({ where: { entityId: id } });

    // Tab B still shows the laptops on line 1: duplicating, changing or removing "line 1" from it
    // must not touch the beer that now sits on line 1.
    const stale = await failure(duplicateItem({ actor: trader, declarationId: id, ...tabB, now: NOW }), 'CONFLICT');
    expect(stale.message).toBe('The items changed since this page was loaded — reload');
    await failure(
      updateItem({ actor: trader, declarationId: id, ...tabB, input: { ...laptop, description: 'Changed' }, now: NOW }),
      'CONFLICT',
    );
    await failure(removeItem({ actor: trader, declarationId: id, ...tabB, now: NOW }), 'CONFLICT');
    // The beer's own id with a stale version is refused too: the page may show anything by now.
    const beerId = before.items[0].id;
    await failure(
      duplicateItem({
        actor: trader,
        declarationId: id,
        itemId: beerId,
        expectedVersion: tabB.expectedVersion,
        now: NOW,
      }),
      'CONFLICT',
    );

    const after = await db.declaration.findUniqueOrThrow({
      where: { id },
      include: { items: { orderBy: { lineNo: 'asc' } } },
    });
    expect(after.version).toBe(before.version);
    expect(after.items).toEqual(before.items);
    expect(await db.auditEntry.count({ where: { entityId: id } })).toBe(auditsBefore);

    // Reloaded, the page acts on what it shows.
    await duplicateItem({ actor: trader, declarationId: id, ...(await itemRef(id, 1)), now: NOW });
    expect(
      (await db.declarationItem.findMany({ where: { declarationId: id }, orderBy: { lineNo: 'asc' } })).map((i) => [
        i.lineNo,
        i.description,
      ]),
    ).toEqual([
      [1, 'Beer'],
      [2, 'Beer'],
    ]);
  });

  it('refuses an HS code missing from the tariff, or declared in another unit, by field — never a default rate', async () => {
    const trader = await aTrader();
    const { id } = await startDeclaration({ actor: trader, input: parties(post.code), now: NOW });
    const missing = await failure(
      addItem({ actor: trader, declarationId: id, input: { ...laptop, hsCode: '9999999999' }, now: NOW }),
      'VALIDATION',
    );
    expect(missing.fieldErrors[0]).toMatchObject({ path: 'hsCode' });
    const unit = await failure(
      addItem({ actor: trader, declarationId: id, input: { ...beer, supplementaryUnit: 'KG' }, now: NOW }),
      'VALIDATION',
    );
    expect(unit.fieldErrors[0]).toMatchObject({ path: 'supplementaryUnit' });
    expect(await db.declarationItem.count({ where: { declarationId: id } })).toBe(0);
  });

  it('imports a clean CSV of items, and nothing at all from a file with bad rows', async () => {
    const trader = await aTrader();
    const { id } = await startDeclaration({ actor: trader, input: parties(post.code), now: NOW });
    const bad = [
      'hsCode,description,originCountry,grossMass,netMass,quantity,supplementaryUnit,invoiceValue',
      '8471300000,Laptops,CN,120,100,50,PCS,6000.00',
      '9999999999,Unknown,CN,1,1,1,KG,1',
      '2203000900,Beer,DE,10,20,2000,L,4000',
      '8471300000,"Laptops, refurbished",XX,5,4,2,PCS,300',
    ].join('\n');
    const rejected = await importItems({ actor: trader, declarationId: id, csv: bad, now: NOW });
    expect(rejected.imported).toBe(0);
    expect(rejected.problems).toEqual([
      { line: 3, column: 'hsCode', message: expect.stringContaining('not in the national tariff') },
      { line: 4, column: 'netMass', message: 'The net mass cannot be more than the gross mass' },
      { line: 5, column: 'originCountry', message: expect.stringContaining('ISO 3166') },
    ]);
    expect(await db.declarationItem.count({ where: { declarationId: id } })).toBe(0);

    const good =
      'Commodity code;Description;Origin;Gross mass;Net mass;Quantity;Unit;Value\r\n8471300000;"Laptops; 15 inch";CN;120;100;50;PCS;6000,00\r\n2203000900;Beer;DE;2400;2000;2000;L;4000\r\n';
    const accepted = await importItems({ actor: trader, declarationId: id, csv: good, now: NOW });
    expect(accepted).toEqual({ imported: 2, problems: [] });
    const items = await db.declarationItem.findMany({ where: { declarationId: id }, orderBy: { lineNo: 'asc' } });
    expect(items.map((i) => [i.lineNo, i.description, i.invoiceValue.toFixed(2)])).toEqual([
      [1, 'Laptops; 15 inch', '6000.00'],
      [2, 'Beer', '4000.00'],
    ]);
  });

  it('checks uploads by content: PDF, JPEG or PNG, not empty, at most 10 MB', async () => {
    const trader = await aTrader();
    const { id } = await startDeclaration({ actor: trader, input: parties(post.code), now: NOW });
    const doc = { type: 'INVOICE', number: 'INV-9', date: '2026-11-20' };
    const cases: Array<[Uint8Array, string]> = [
      [new Uint8Array(0), 'empty'],
      [new TextEncoder().encode('MZ this is not a pdf at all'), 'PDF, JPEG or PNG'],
      [new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25), 'smaller than 10 MB'],
    ];
    for (const [bytes, message] of cases) {
      const e = await failure(
        addDocument({
          actor: trader,
          declarationId: id,
          input: doc,
          file: { fileName: 'invoice.pdf', bytes },
          now: NOW,
        }),
        'VALIDATION',
      );
      expect(e.fieldErrors[0].path).toBe('file');
      expect(e.fieldErrors[0].message).toContain(message);
    }
    expect(await db.declarationDocument.count({ where: { declarationId: id } })).toBe(0);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const { id: documentId } = await addDocument({
      actor: trader,
      declarationId: id,
      input: doc,
      file: { fileName: 'scan.pdf', bytes: png },
      now: NOW,
    });
    const stored = await db.declarationDocument.findUniqueOrThrow({
      where: { id: documentId },
      include: { file: true },
    });
    expect(stored.file?.mimeType).toBe('image/png');
    // Another company cannot read the file; the owner can.
    const stranger = await aTrader();
    await failure(readDeclarationFile({ actor: stranger, fileId: stored.fileId! }), 'NOT_FOUND');
    expect((await readDeclarationFile({ actor: trader, fileId: stored.fileId! })).size).toBe(png.byteLength);
    await removeDocument({ actor: trader, declarationId: id, documentId, now: NOW });
    expect(await db.declarationDocument.count({ where: { declarationId: id } })).toBe(0);
  });

  it('shows on check-your-answers what the control finds, the estimate per item and the formalities', async () => {
    const trader = await aTrader();
    const id = await fullDraft(trader, post.code);
    const check = await getCheckYourAnswers({ actor: trader, declarationId: id, now: NOW });
    expect(check.problems).toEqual([]);
    expect(check.estimate?.items.map((i) => i.lineNo)).toEqual([1, 2]);
    const payable = new D(check.estimate!.payable);
    expect(payable.gt(0)).toBe(true);
    // Laptops (8471) need a certificate of conformity the test company does not hold.
    expect(check.formalities[0].requirements.map((r) => [r.requirement.alternatives.join('|'), r.status])).toEqual([
      ['STD-COC', 'MISSING'],
    ]);
    // Beer (2203) needs the SES food conclusion.
    expect(check.formalities[1].requirements.map((r) => r.requirement.alternatives[0])).toEqual(['SES-FOOD']);

    // The transport step refuses CIF with freight and insurance; a draft stored otherwise (the API) is caught here.
    await db.declaration.update({ where: { id }, data: { incoterm: 'CIF' } });
    const after = await getCheckYourAnswers({ actor: trader, declarationId: id, now: NOW });
    expect(after.problems.map((p) => p.path).sort()).toEqual(['freight', 'insurance']);
  });

  it('refuses a submission that fails the control, naming every field, keeping the draft and writing nothing else', async () => {
    const trader = await aTrader();
    const id = await fullDraft(trader, post.code);
    await db.declaration.update({ where: { id }, data: { invoiceTotal: '9000.00', incoterm: 'CIF' } });
    const eventsBefore = await db.declarationStatusEvent.count({ where: { declarationId: id } });
    const e = await failure(submitDeclaration({ actor: trader, declarationId: id, now: NOW }), 'VALIDATION');
    expect(e.fieldErrors.map((f) => f.path).sort()).toEqual(['freight', 'insurance', 'invoiceTotal']);
    const d = await db.declaration.findUniqueOrThrow({ where: { id } });
    expect(d).toMatchObject({ status: 'DRAFT', registrationNumber: null });
    expect(await db.declarationStatusEvent.count({ where: { declarationId: id } })).toBe(eventsBefore);
    expect(await db.assessedPayment.count({ where: { declarationId: id } })).toBe(0);
  });

  it('stores the assessed amounts per item and payment type at registration', async () => {
    const trader = await aTrader();
    const id = await fullDraft(trader, post.code);
    const check = await getCheckYourAnswers({ actor: trader, declarationId: id, now: NOW });
    await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    const rows = await db.assessedPayment.findMany({ where: { declarationId: id }, include: { item: true } });
    expect(
      rows
        .filter((r) => r.itemId)
        .map((r) => `${r.item!.lineNo}:${r.paymentType}`)
        .sort(),
    ).toEqual(['1:DUTY', '1:EXCISE', '1:VAT', '2:DUTY', '2:EXCISE', '2:VAT']);
    expect(rows.filter((r) => r.paymentType === 'FEE')).toHaveLength(1);
    const total = rows.reduce((sum, r) => sum.plus(r.amount.toString()), new D(0));
    // Registered the same day as the estimate: the amounts are the estimate's.
    expect(total.toFixed(2)).toBe(check.estimate!.payable);
    const items = await db.declarationItem.findMany({ where: { declarationId: id }, orderBy: { lineNo: 'asc' } });
    expect(items.map((i) => i.customsValue?.toFixed(2))).toEqual(check.estimate!.items.map((i) => i.customsValue));
    const overview = await getDeclarationOverview({ actor: trader, declarationId: id });
    expect(overview.amountDue).toBe(check.estimate!.payable);
    expect(overview.nextAction).toEqual({ code: 'PAY', amount: check.estimate!.payable, currency: 'UZS' });
  });

  it('refuses to edit a submitted declaration without an amendment request (409), writing nothing', async () => {
    const trader = await aTrader();
    const id = await fullDraft(trader, post.code);
    await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    const before = await db.declaration.findUniqueOrThrow({ where: { id } });
    const documentId = (await db.declarationDocument.findFirstOrThrow({ where: { declarationId: id } })).id;
    await failure(
      saveParties({
        actor: trader,
        declarationId: id,
        input: { ...parties(post.code), consignorName: 'Changed Ltd' },
        now: NOW,
      }),
      'CONFLICT',
    );
    await failure(saveTransport({ actor: trader, declarationId: id, input: transport, now: NOW }), 'CONFLICT');
    await failure(addItem({ actor: trader, declarationId: id, input: laptop, now: NOW }), 'CONFLICT');
    await failure(
      updateItem({
        actor: trader,
        declarationId: id,
        ...(await itemRef(id, 1)),
        input: { ...laptop, invoiceValue: '1.00' },
        now: NOW,
      }),
      'CONFLICT',
    );
    await failure(duplicateItem({ actor: trader, declarationId: id, ...(await itemRef(id, 1)), now: NOW }), 'CONFLICT');
    await failure(removeItem({ actor: trader, declarationId: id, ...(await itemRef(id, 1)), now: NOW }), 'CONFLICT');
    await failure(importItems({ actor: trader, declarationId: id, csv: 'x', now: NOW }), 'CONFLICT');
    await failure(
      addDocument({
        actor: trader,
        declarationId: id,
        input: { type: 'OTHER', number: 'X', date: '2026-11-01' },
        file: null,
        now: NOW,
      }),
      'CONFLICT',
    );
    await failure(removeDocument({ actor: trader, declarationId: id, documentId, now: NOW }), 'CONFLICT');
    const after = await db.declaration.findUniqueOrThrow({
      where: { id },
      include: { items: { orderBy: { lineNo: 'asc' } } },
    });
    expect(after.version).toBe(before.version);
    expect(after.consignorName).toBe(before.consignorName);
    expect(after.items.map((i) => [i.lineNo, i.invoiceValue.toFixed(2)])).toEqual([
      [1, '6000.00'],
      [2, '4000.00'],
    ]);
    expect(await db.declarationDocument.count({ where: { declarationId: id } })).toBe(2);
  });

  it('hides another company’s draft (404) from every step', async () => {
    const owner = await aTrader();
    const stranger = await aTrader();
    const id = await fullDraft(owner, post.code);
    await failure(saveTransport({ actor: stranger, declarationId: id, input: transport, now: NOW }), 'NOT_FOUND');
    await failure(addItem({ actor: stranger, declarationId: id, input: laptop, now: NOW }), 'NOT_FOUND');
    await failure(getCheckYourAnswers({ actor: stranger, declarationId: id, now: NOW }), 'NOT_FOUND');
    await failure(copyDeclaration({ actor: stranger, declarationId: id, now: NOW }), 'NOT_FOUND');
  });
});

describe('amendment, withdrawal and copies', () => {
  it('runs the amendment flow: the officer asks, the trader amends and resubmits, payments are reassessed', async () => {
    const post = await anInspectedPost();
    const inspector = await anInspector(post.id);
    const other = await anInspector(post.id, { isOnDuty: false });
    const trader = await aTrader();
    const id = await fullDraft(trader, post.code);
    await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    const { version } = await db.declaration.findUniqueOrThrow({ where: { id } });

    await failure(
      requestAmendment({ actor: other, declarationId: id, message: 'x', expectedVersion: version, now: NOW }),
      'FORBIDDEN',
    );
    await failure(
      requestAmendment({ actor: inspector, declarationId: id, message: 'x', expectedVersion: version - 1, now: NOW }),
      'CONFLICT',
    );
    await failure(
      requestAmendment({ actor: inspector, declarationId: id, message: '  ', expectedVersion: version, now: NOW }),
      'VALIDATION',
    );
    await requestAmendment({
      actor: inspector,
      declarationId: id,
      message: 'Declare the beer at its contract price of 5000 USD',
      expectedVersion: version,
      now: NOW,
    });

    const asked = await getDeclarationOverview({ actor: trader, declarationId: id });
    expect(asked.status).toBe('AMENDMENT_REQUESTED');
    expect(asked.nextAction).toEqual({ code: 'AMEND', reason: 'Declare the beer at its contract price of 5000 USD' });

    await updateItem({
      actor: trader,
      declarationId: id,
      ...(await itemRef(id, 2)),
      input: { ...beer, invoiceValue: '5000.00' },
      now: NOW,
    });
    await saveTransport({
      actor: trader,
      declarationId: id,
      input: { ...transport, invoiceTotal: '11000.00' },
      now: NOW,
    });
    const result = await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    expect(result.status).toBe('ASSIGNED');

    const d = await db.declaration.findUniqueOrThrow({
      where: { id },
      include: { events: { orderBy: { id: 'asc' } } },
    });
    expect(d.status).toBe('ASSIGNED');
    expect(d.currentReason).toBeNull();
    expect(d.events.map((e) => e.toStatus).slice(-2)).toEqual(['AMENDMENT_REQUESTED', 'ASSIGNED']);
    const byNo = await db.assessedPayment.groupBy({
      by: ['assessmentNo'],
      where: { declarationId: id },
      _sum: { amount: true },
    });
    const [first, second] = byNo
      .sort((a, b) => a.assessmentNo - b.assessmentNo)
      .map((r) => new D(r._sum.amount!.toString()));
    expect(second.gt(first)).toBe(true);
    expect(
      await db.assignment.count({ where: { declarationId: id, closedAt: null, inspectorId: inspector.userId } }),
    ).toBe(1);
  });

  /** A registered declaration (at `registeredAt`) whose inspector asked for an amendment at NOW. */
  async function amendmentRequested(registeredAt = NOW) {
    const post = await anInspectedPost();
    const inspector = await anInspector(post.id);
    const trader = await aTrader();
    const id = await fullDraft(trader, post.code);
    await submitDeclaration({ actor: trader, declarationId: id, now: registeredAt });
    const { version } = await db.declaration.findUniqueOrThrow({ where: { id } });
    await requestAmendment({
      actor: inspector,
      declarationId: id,
      message: 'Correct the items',
      expectedVersion: version,
      now: NOW,
    });
    return { post, trader, id };
  }

  it('keeps the regime and the customs post of a registered declaration during an amendment (409 naming the fields, nothing written)', async () => {
    const { post, trader, id } = await amendmentRequested();
    const other = await aPost();
    const before = await db.declaration.findUniqueOrThrow({ where: { id } });

    const regime = await failure(
      saveParties({
        actor: trader,
        declarationId: id,
        input: { ...parties(post.code), regime: 'IM31', consignorName: 'Changed Ltd' },
        now: NOW,
      }),
      'CONFLICT',
    );
    expect(regime.fieldErrors.map((e) => e.path)).toEqual(['regime']);
    const postChange = await failure(
      saveParties({
        actor: trader,
        declarationId: id,
        input: { ...parties(other.code), consignorName: 'Changed Ltd' },
        now: NOW,
      }),
      'CONFLICT',
    );
    expect(postChange.fieldErrors.map((e) => e.path)).toEqual(['postCode']);
    const both = await failure(
      saveParties({ actor: trader, declarationId: id, input: { ...parties(other.code), regime: 'IM31' }, now: NOW }),
      'CONFLICT',
    );
    expect(both.fieldErrors.map((e) => e.path)).toEqual(['regime', 'postCode']);
    const unchanged = await db.declaration.findUniqueOrThrow({ where: { id } });
    expect(unchanged).toMatchObject({
      regime: 'IM40',
      postId: post.id,
      consignorName: before.consignorName,
      version: before.version,
    });

    // The parties themselves may change, the regime and post staying as they are.
    await saveParties({
      actor: trader,
      declarationId: id,
      input: { ...parties(post.code), consignorName: 'Shenzhen Tech Holdings Ltd' },
      now: NOW,
    });
    expect(await db.declaration.findUniqueOrThrow({ where: { id } })).toMatchObject({
      regime: 'IM40',
      postId: post.id,
      consignorName: 'Shenzhen Tech Holdings Ltd',
    });
  });

  it('refuses payment while an amendment is open; the resubmission reassesses every remaining item at the registration date’s rates', async () => {
    const registeredAt = new Date('2026-11-23T06:00:00Z');
    const { trader, id } = await amendmentRequested(registeredAt);
    const pay = (amount: string) =>
      payDeclaration({ actor: trader, declarationId: id, idempotencyKey: randomUUID(), amount, now: NOW });
    const first = await db.assessedPayment.findMany({ where: { declarationId: id, assessmentNo: 1 } });
    expect(first.length).toBeGreaterThan(1);

    // Removing the beer keeps the first assessment whole (its rows lose the item, not their amounts):
    // the history of what was assessed stays, and nothing can be paid until the resubmission.
    await removeItem({ actor: trader, declarationId: id, ...(await itemRef(id, 2)), now: NOW });
    const kept = await db.assessedPayment.findMany({ where: { declarationId: id, assessmentNo: 1 } });
    expect(kept.map((r) => r.id).sort()).toEqual(first.map((r) => r.id).sort());
    expect(kept.reduce((sum, r) => sum.plus(r.amount.toString()), new D(0)).toFixed(2)).toBe(
      first.reduce((sum, r) => sum.plus(r.amount.toString()), new D(0)).toFixed(2),
    );
    expect(kept.filter((r) => r.itemId === null && r.paymentType !== 'FEE').length).toBeGreaterThan(0);
    const partial = await loadSettlement(db, { id, status: 'AMENDMENT_REQUESTED' });
    const refused = await failure(pay(partial.settlement.net), 'CONFLICT');
    expect(refused.message).toContain('AMENDMENT_REQUESTED cannot be paid');
    expect(await db.payment.count({ where: { declarationId: id } })).toBe(0);
    expect((await getDeclarationOverview({ actor: trader, declarationId: id })).nextAction.code).toBe('AMEND');

    await saveTransport({
      actor: trader,
      declarationId: id,
      input: { ...transport, invoiceTotal: '6000.00' },
      now: NOW,
    });
    await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    const d = await db.declaration.findUniqueOrThrow({
      where: { id },
      include: { items: { orderBy: { lineNo: 'asc' } } },
    });
    expect(d.status).toBe('ASSIGNED');
    const second = await db.assessedPayment.findMany({
      where: { declarationId: id, assessmentNo: 2 },
      include: { item: true },
    });
    expect(
      second
        .filter((r) => r.itemId)
        .map((r) => `${r.item!.lineNo}:${r.item!.hsCode}:${r.paymentType}`)
        .sort(),
    ).toEqual(['1:8471300000:DUTY', '1:8471300000:EXCISE', '1:8471300000:VAT']);
    expect(second.filter((r) => r.paymentType === 'FEE')).toHaveLength(1);

    // The same amounts as an assessment of the remaining item at the registration date — not today's rates.
    const atRegistration = await assessDeclaration(db, d, serviceDate(registeredAt));
    const atToday = await assessDeclaration(db, d, serviceDate(NOW));
    expect(atToday.payable, 'the test needs different USD rates on the two days').not.toBe(atRegistration.payable);
    const stored = second.reduce((sum, r) => sum.plus(r.amount.toString()), new D(0)).toFixed(2);
    expect(stored).toBe(atRegistration.payable);
    expect(d.items[0].customsValue?.toFixed(2)).toBe(atRegistration.items[0].customsValue);

    // Payable again, for the whole new assessment (this company has no balance: the refusal is about money now).
    const settlement = await loadSettlement(db, { id, status: 'ASSIGNED' });
    expect(settlement).toMatchObject({ assessmentNo: 2, settlement: { kind: 'DUE', net: atRegistration.payable } });
    expect((await getDeclarationOverview({ actor: trader, declarationId: id })).nextAction).toEqual({
      code: 'PAY',
      amount: atRegistration.payable,
      currency: 'UZS',
    });
    const short = await failure(pay(atRegistration.payable), 'CONFLICT');
    expect(short.message).toContain('top up');
  });

  it('withdraws before release (closing the officer’s work), never a draft, never twice', async () => {
    const post = await anInspectedPost();
    await anInspector(post.id);
    const trader = await aTrader();
    const id = await fullDraft(trader, post.code);
    await failure(
      withdrawDeclaration({ actor: trader, declarationId: id, reason: 'No longer needed', now: NOW }),
      'CONFLICT',
    );
    await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    await failure(withdrawDeclaration({ actor: trader, declarationId: id, reason: ' ', now: NOW }), 'VALIDATION');
    await withdrawDeclaration({ actor: trader, declarationId: id, reason: 'The buyer cancelled the order', now: NOW });
    const d = await db.declaration.findUniqueOrThrow({ where: { id } });
    expect(d.status).toBe('WITHDRAWN');
    expect(await db.assignment.count({ where: { declarationId: id, closedAt: null } })).toBe(0);
    await failure(withdrawDeclaration({ actor: trader, declarationId: id, reason: 'again', now: NOW }), 'CONFLICT');
  });

  it('refuses on the transport step freight or insurance that the Incoterm requires or forbids, writing nothing', async () => {
    const post = await aPost();
    const trader = await aTrader();
    const id = await fullDraft(trader, post.code);
    const before = await db.declaration.findUniqueOrThrow({ where: { id } });
    const fob = await failure(
      saveTransport({ actor: trader, declarationId: id, input: { ...transport, freight: '' }, now: NOW }),
      'VALIDATION',
    );
    expect(fob.fieldErrors).toEqual([
      {
        path: 'freight',
        message: 'Enter the freight cost: under FOB it is not in the invoice price (enter 0 if there was none)',
      },
    ]);
    const cif = await failure(
      saveTransport({ actor: trader, declarationId: id, input: { ...transport, incoterm: 'CIF' }, now: NOW }),
      'VALIDATION',
    );
    expect(cif.fieldErrors.map((e) => e.path)).toEqual(['freight', 'insurance']);
    const after = await db.declaration.findUniqueOrThrow({ where: { id } });
    expect([after.incoterm, after.freight?.toFixed(2), after.version]).toEqual(['FOB', '800.00', before.version]);
    // An explicit 0 is a statement, and saved.
    await saveTransport({ actor: trader, declarationId: id, input: { ...transport, freight: '0' }, now: NOW });
    expect((await db.declaration.findUniqueOrThrow({ where: { id } })).freight?.toFixed(2)).toBe('0.00');
  });

  it('refuses on the documents step a document dated after today, writing nothing', async () => {
    const post = await aPost();
    const trader = await aTrader();
    const id = await fullDraft(trader, post.code);
    const tomorrow = serviceDate(new Date(NOW.getTime() + 86_400_000));
    const e = await failure(
      addDocument({
        actor: trader,
        declarationId: id,
        input: { type: 'INVOICE', number: 'INV-2', date: tomorrow },
        file: null,
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual([
      { path: 'date', message: `The date of the invoice cannot be in the future (today is ${serviceDate(NOW)})` },
    ]);
    expect(await db.declarationDocument.count({ where: { declarationId: id } })).toBe(2);
  });

  it('copies a declaration as a new draft with its header and items', async () => {
    const post = await aPost();
    await anInspector(post.id);
    const trader = await aTrader();
    const id = await fullDraft(trader, post.code);
    const { registrationNumber } = await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    const copy = await copyDeclaration({ actor: trader, declarationId: id, now: NOW });
    const d = await db.declaration.findUniqueOrThrow({
      where: { id: copy.id },
      include: { items: true, documents: true, events: true },
    });
    expect(d).toMatchObject({ status: 'DRAFT', registrationNumber: null, copiedFromId: id, incoterm: 'FOB' });
    expect(d.items).toHaveLength(2);
    expect(d.documents).toHaveLength(0);
    expect(d.events[0].reason).toBe(`Copied from ${registrationNumber}`);
    // The copy says which declaration it came from; the original says nothing of the kind.
    const overview = await getDeclarationOverview({ actor: trader, declarationId: copy.id });
    expect(overview.copiedFrom).toEqual({ id, registrationNumber, createdAt: NOW });
    expect((await getDeclarationOverview({ actor: trader, declarationId: id })).copiedFrom).toBeNull();
    // A copy of the copy (a draft, no number yet) names the draft.
    const second = await copyDeclaration({ actor: trader, declarationId: copy.id, now: NOW });
    expect((await getDeclarationOverview({ actor: trader, declarationId: second.id })).copiedFrom).toMatchObject({
      id: copy.id,
      registrationNumber: null,
    });
  });
});

describe('a declaration of 999 items', () => {
  it('is created as a draft, registered, and assessed item by item', async () => {
    const post = await aPost();
    await anInspector(post.id);
    const trader = await aTrader();
    const items = Array.from({ length: MAX_ITEMS }, (_, i) => ({
      ...laptop,
      supplementaryUnit: 'PCS' as const,
      description: `Laptops, lot ${i + 1}`,
      grossMass: '1.2',
      netMass: '1',
      quantity: '1',
      invoiceValue: '10.00',
    }));
    const started = Date.now();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code, items, invoiceTotal: '9990.00' }),
      now: NOW,
    });
    const { registrationNumber } = await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    expect(registrationNumber).toBeTruthy();

    const stored = await db.declarationItem.findMany({
      where: { declarationId: id },
      orderBy: { lineNo: 'asc' },
      select: { lineNo: true, description: true, customsValue: true },
    });
    expect(stored).toHaveLength(999);
    expect(stored.map((i) => i.lineNo)).toEqual(Array.from({ length: 999 }, (_, i) => i + 1));
    expect(stored[998].description).toBe('Laptops, lot 999');
    expect(stored.every((i) => i.customsValue !== null && new D(i.customsValue.toString()).gt(0))).toBe(true);
    const perItem = await db.assessedPayment.groupBy({
      by: ['itemId'],
      where: { declarationId: id, itemId: { not: null } },
      _count: true,
    });
    expect(perItem).toHaveLength(999);
    expect(new Set(perItem.map((r) => r._count)).size).toBe(1);
    expect(await db.assessedPayment.count({ where: { declarationId: id, paymentType: 'FEE' } })).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);
});

describe('the account list', () => {
  it('filters, sorts, pages and exports only the company’s declarations', async () => {
    const post = await aPost();
    await anInspector(post.id);
    const trader = await aTrader();
    const stranger = await aTrader({});
    await createDeclarationDraft({ actor: stranger, input: aDraftInput({ postCode: post.code }), now: NOW });
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (
          await createDeclarationDraft({
            actor: trader,
            input: aDraftInput({ postCode: post.code }),
            now: new Date(NOW.getTime() + i * 60_000),
          })
        ).id,
      );
    await createDeclarationDraft({
      actor: trader,
      input: {
        ...aDraftInput({ postCode: post.code }),
        regime: 'EK10',
        consignorCountry: 'UZ',
        consigneeCountry: 'KZ',
        dispatchCountry: 'UZ',
        destinationCountry: 'KZ',
      },
      now: NOW,
    });
    const { registrationNumber } = await submitDeclaration({ actor: trader, declarationId: ids[0], now: NOW });

    const all = await listCompanyDeclarations({ actor: trader, query: ZDeclarationListQuery.parse({}) });
    expect(all.total).toBe(4);
    const drafts = await listCompanyDeclarations({
      actor: trader,
      query: ZDeclarationListQuery.parse({ status: 'DRAFT', regime: 'IM40', sort: 'created-asc' }),
    });
    expect(drafts.rows.map((r) => r.id)).toEqual([ids[1], ids[2]]);
    const byNumber = await listCompanyDeclarations({
      actor: trader,
      query: ZDeclarationListQuery.parse({ number: registrationNumber.slice(-7) }),
    });
    expect(byNumber.rows.map((r) => r.id)).toEqual([ids[0]]);
    const none = await listCompanyDeclarations({
      actor: trader,
      query: ZDeclarationListQuery.parse({ from: '2026-11-29' }),
    });
    expect(none.total).toBe(0);
    const garbage = ZDeclarationListQuery.parse({ status: 'NOPE', page: '-3', sort: 'x', from: '2026-02-30' });
    expect(garbage).toEqual({ sort: 'created-desc', page: 1 });

    const exported = [];
    for await (const row of exportCompanyDeclarations({
      actor: trader,
      query: ZDeclarationListQuery.parse({ regime: 'IM40' }),
    }))
      exported.push(row.id);
    expect(exported.sort()).toEqual([...ids].sort());
  });
});

describe('the account list by registration date, post, number and page', () => {
  const CREATED = new Date('2026-11-21T06:00:00Z');
  const query = (raw: Record<string, string>) => ZDeclarationListQuery.parse(raw);

  it('filters by the registration date (drafts have none) and by post, sorts by number, and exports with the same filters', async () => {
    const [postA, postB] = [await aPost(), await aPost()];
    const trader = await aTrader();
    const draft = async (postCode: string) =>
      (await createDeclarationDraft({ actor: trader, input: aDraftInput({ postCode }), now: CREATED })).id;
    // Everything was created on 21 November; registered on the 22nd, the 25th and the 28th.
    const [d22, d25, d28, unregistered] = [
      await draft(postA.code),
      await draft(postB.code),
      await draft(postA.code),
      await draft(postA.code),
    ];
    await submitDeclaration({ actor: trader, declarationId: d22, now: new Date('2026-11-22T06:00:00Z') });
    await submitDeclaration({ actor: trader, declarationId: d25, now: new Date('2026-11-25T18:30:00Z') }); // 23:30 in Tashkent, still the 25th
    await submitDeclaration({ actor: trader, declarationId: d28, now: NOW });
    const ids = async (raw: Record<string, string>) =>
      (await listCompanyDeclarations({ actor: trader, query: query(raw) })).rows.map((r) => r.id);

    expect((await ids({ from: '2026-11-22' })).sort()).toEqual([d22, d25, d28].sort());
    expect((await ids({ to: '2026-11-25' })).sort()).toEqual([d22, d25].sort());
    expect(await ids({ from: '2026-11-23', to: '2026-11-25' })).toEqual([d25]);
    expect(await ids({ to: '2026-11-21' })).toEqual([]);
    expect(await ids({ post: postB.code })).toEqual([d25]);
    expect((await ids({ post: postA.code })).sort()).toEqual([d22, d28, unregistered].sort());

    const numbers = await db.declaration.findMany({
      where: { id: { in: [d22, d25, d28] } },
      select: { id: true, registrationNumber: true },
    });
    const byNumber = [...numbers]
      .sort((a, b) => (a.registrationNumber! < b.registrationNumber! ? -1 : 1))
      .map((r) => r.id);
    expect(await ids({ sort: 'number-asc' })).toEqual([...byNumber, unregistered]);
    expect(await ids({ sort: 'number-desc' })).toEqual([...byNumber].reverse().concat(unregistered));

    const exported = async (raw: Record<string, string>) => {
      const out = [];
      for await (const row of exportCompanyDeclarations({ actor: trader, query: query(raw) })) out.push(row.id);
      return out;
    };
    expect(await exported({ post: postA.code, from: '2026-11-22', sort: 'registered-asc' })).toEqual([d22, d28]);
    expect(await exported({ to: '2026-11-25', sort: 'number-desc' })).toEqual(
      byNumber.filter((id) => id !== d28).reverse(),
    );
    expect(await exported({ status: 'DRAFT' })).toEqual([unregistered]);
  });

  it('pages by 20: page 2 holds the rest, with no row on both pages', async () => {
    const post = await aPost();
    const trader = await aTrader();
    const created = [];
    for (let i = 0; i < 23; i++)
      created.push(
        (
          await createDeclarationDraft({
            actor: trader,
            input: aDraftInput({ postCode: post.code }),
            now: new Date(CREATED.getTime() + i * 60_000),
          })
        ).id,
      );
    const page1 = await listCompanyDeclarations({ actor: trader, query: query({}) });
    const page2 = await listCompanyDeclarations({ actor: trader, query: query({ page: '2' }) });
    const page3 = await listCompanyDeclarations({ actor: trader, query: query({ page: '3' }) });
    expect([page1.total, page1.rows.length, page2.rows.length, page3.rows.length]).toEqual([23, 20, 3, 0]);
    const newestFirst = [...created].reverse();
    expect(page1.rows.map((r) => r.id)).toEqual(newestFirst.slice(0, 20));
    expect(page2.rows.map((r) => r.id)).toEqual(newestFirst.slice(20));
    const oldestFirst = await listCompanyDeclarations({
      actor: trader,
      query: query({ page: '2', sort: 'created-asc' }),
    });
    expect(oldestFirst.rows.map((r) => r.id)).toEqual(created.slice(20));
  });
});

describe('concurrency', () => {
  it('gives 50 concurrent submissions 50 distinct registration numbers', async () => {
    const post = await anInspectedPost();
    await anInspector(post.id);
    await anInspector(post.id);
    await anInspector(post.id);
    const trader = await aTrader();
    const ids = [];
    for (let i = 0; i < 50; i++)
      ids.push(
        (await createDeclarationDraft({ actor: trader, input: aDraftInput({ postCode: post.code }), now: NOW })).id,
      );
    const results = await Promise.all(
      ids.map((declarationId) => submitDeclaration({ actor: trader, declarationId, now: NOW })),
    );
    expect(new Set(results.map((r) => r.registrationNumber)).size).toBe(50);
    const open = await db.assignment.groupBy({
      by: ['inspectorId'],
      where: { postId: post.id, closedAt: null },
      _count: true,
    });
    const counts = open.map((o) => o._count);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});
