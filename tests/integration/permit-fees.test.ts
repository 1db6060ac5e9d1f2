// Permit fees: charged from the company's personal account when an application is submitted (an
// immutable ledger entry through the one ledger writer, a signed receipt, an audit entry — in the
// submission's transaction), refused with a clear 409 and nothing written when the balance does not
// cover it, and credited back on refusal (or withdrawal) when the type's rule says so.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import type { Actor } from '@/src/server/actor';
import {
  addApplicationProduct,
  startApplication,
  submitApplication,
  withdrawApplication,
} from '@/src/server/permits/applications';
import { refuseApplication } from '@/src/server/permits/decisions';
import { createPermitType, updatePermitType } from '@/src/server/permits/admin';
import { ledgerBalance } from '@/src/server/payments/ledger';
import { ensureReceiptDocument } from '@/src/server/payments/receipts';
import { listMovements } from '@/src/server/payments/read';
import { verifySignedDocument } from '@/src/server/documents/verify';
import { AppError, httpStatus } from '@/lib/errors';
import { ZHistoryQuery } from '@/lib/payments/queries';
import { aBalance, aTrader, actorOf, anAgencyOfficer, aUser } from '../support/factories';
import { NOW } from '../support/clock';

// Dried apricots: a heading no other test file declares, so this file's types never add requirements to theirs.
const APPLES = { hsCode: '0813100000', description: 'Dried apricots', quantity: '20000', unit: 'KG', country: 'IR' };

async function failure(promise: Promise<unknown>, code: AppError['code']) {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, 'expected an AppError').toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

const suffix = Date.now().toString(36).toUpperCase().slice(-6);
/** Two PQ types of this file, fee 150 000.00 UZS, no documents required: one refundable, one not. */
const REFUNDABLE = `FR${suffix}`;
const KEPT = `FK${suffix}`;

const typeForm = (isFeeRefundable: boolean) => ({
  name: isFeeRefundable ? 'Fee test, refundable' : 'Fee test, kept',
  authorityCode: 'PQ',
  directions: ['IMPORT'],
  hsPrefixes: '0813',
  validityDays: '30',
  scope: 'QUANTITY',
  requiredDocuments: '',
  fee: '150000.00',
  ...(isFeeRefundable ? { isFeeRefundable: 'on' } : {}),
  isActive: 'on',
});

async function aDraft(trader: Actor, typeCode: string) {
  const { id } = await startApplication({
    actor: trader,
    input: { permitTypeCode: typeCode, purpose: 'Apples for retail' },
    now: NOW,
  });
  await addApplicationProduct({ actor: trader, applicationId: id, input: APPLES, now: NOW });
  return id;
}

async function accountOf(trader: Actor) {
  return db.account.findUniqueOrThrow({ where: { companyId: trader.companyId! } });
}

/** The cached balance equals the sum of the ledger; returns it. */
async function balanceOf(trader: Actor): Promise<string> {
  const account = await accountOf(trader);
  expect(await ledgerBalance(db, account.id)).toBe(account.balance.toFixed(2));
  return account.balance.toFixed(2);
}

let admin: Actor;
let pq: Actor;
beforeAll(async () => {
  admin = actorOf(await aUser({ role: 'ADMIN' }));
  pq = await anAgencyOfficer('PQ');
  await createPermitType({ actor: admin, input: { ...typeForm(true), code: REFUNDABLE }, now: NOW });
  await createPermitType({ actor: admin, input: { ...typeForm(false), code: KEPT }, now: NOW });
});

describe('the permit fee is charged from the personal account at submission', () => {
  it('debits the fee through the ledger with a signed receipt and an audit entry; a second submit charges nothing', async () => {
    const trader = await aTrader();
    await aBalance(trader, '200000.00');
    const id = await aDraft(trader, REFUNDABLE);

    const { number, fee } = await submitApplication({ actor: trader, applicationId: id, now: NOW });
    expect(fee).toEqual({
      receiptNumber: expect.stringMatching(/^R-2026-\d{7}$/),
      amount: '150000.00',
      balance: '50000.00',
    });
    expect(await balanceOf(trader)).toBe('50000.00');

    // One fee row, one immutable ledger entry (a PAYMENT of −150 000.00 referring to the application), one receipt.
    const charge = await db.permitFee.findUniqueOrThrow({
      where: { applicationId_kind: { applicationId: id, kind: 'CHARGE' } },
    });
    expect(charge).toMatchObject({
      companyId: trader.companyId,
      receiptNumber: fee!.receiptNumber,
      isRefundable: true,
      actorId: trader.userId,
    });
    expect(charge.amount.toFixed(2)).toBe('150000.00');
    const entries = await db.ledgerEntry.findMany({ where: { permitFeeId: charge.id } });
    expect(entries.map((e) => [e.kind, e.amount.toFixed(2), e.reference, e.declarationId])).toEqual([
      ['PAYMENT', '-150000.00', number, null],
    ]);
    const receipt = await db.signedDocument.findUniqueOrThrow({ where: { number: fee!.receiptNumber } });
    expect(receipt).toMatchObject({ kind: 'RECEIPT', subjectId: charge.id });
    expect(receipt.payload).toMatchObject({
      movement: 'PERMIT_FEE',
      permitApplicationNumber: number,
      total: '150000.00',
      lines: [{ paymentType: 'PERMIT_FEE', amount: '150000.00' }],
    });
    expect(
      (await verifySignedDocument({ number: receipt.number, presentedSignature: receipt.signature })).verdict,
    ).toBe('GENUINE_CURRENT');
    // The trader prints it from the account; another company does not find it.
    expect((await ensureReceiptDocument({ actor: trader, receiptNumber: receipt.number, now: NOW })).number).toBe(
      receipt.number,
    );
    await failure(
      ensureReceiptDocument({ actor: await aTrader(), receiptNumber: receipt.number, now: NOW }),
      'NOT_FOUND',
    );
    // The account's history shows the movement with its receipt.
    const history = await listMovements({ actor: trader, query: ZHistoryQuery.parse({}) });
    expect(history.rows.find((r) => r.kind === 'PAYMENT')).toMatchObject({
      amount: '-150000.00',
      reference: number,
      receiptNumber: receipt.number,
    });

    // The audit entry of the money movement, written with the submission.
    const audits = await db.auditEntry.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual([
      'permitApplication.start',
      'permitApplication.product.add',
      'permitApplication.submit',
      'permitApplication.fee.charge',
    ]);
    expect(audits[3]).toMatchObject({
      actorId: trader.userId,
      data: { amount: '150000.00', receiptNumber: receipt.number, balance: '50000.00', isRefundable: true },
    });

    // A double click: the same number, nothing charged again.
    expect(await submitApplication({ actor: trader, applicationId: id, now: NOW })).toEqual({ number, fee: null });
    expect(await db.permitFee.count({ where: { applicationId: id } })).toBe(1);
    expect(await balanceOf(trader)).toBe('50000.00');
  });

  it('an insufficient balance refuses the submission with a clear 409 naming the fee and the shortfall, and writes nothing', async () => {
    const trader = await aTrader();
    await aBalance(trader, '100000.00');
    const id = await aDraft(trader, REFUNDABLE);
    const account = await accountOf(trader);
    const before = {
      application: await db.permitApplication.findUniqueOrThrow({ where: { id } }),
      entries: await db.ledgerEntry.count({ where: { accountId: account.id } }),
      audits: await db.auditEntry.count({ where: { entityId: id } }),
      receipts: await db.signedDocument.count({ where: { kind: 'RECEIPT' } }),
    };

    const e = await failure(submitApplication({ actor: trader, applicationId: id, now: NOW }), 'CONFLICT');
    expect(httpStatus(e.code)).toBe(409);
    expect(e.message).toBe(
      `Your balance of 100 000.00 UZS is not enough for the ${REFUNDABLE} permit fee of 150 000.00 UZS: top up at least 50 000.00 UZS, then try again. Nothing was debited.`,
    );
    expect({
      application: await db.permitApplication.findUniqueOrThrow({ where: { id } }),
      entries: await db.ledgerEntry.count({ where: { accountId: account.id } }),
      audits: await db.auditEntry.count({ where: { entityId: id } }),
      receipts: await db.signedDocument.count({ where: { kind: 'RECEIPT' } }),
    }).toEqual(before);
    expect(before.application).toMatchObject({ status: 'DRAFT', number: null });
    expect(await db.permitFee.count({ where: { applicationId: id } })).toBe(0);
    expect(await balanceOf(trader)).toBe('100000.00');

    // Topped up, the same draft submits and is charged.
    await aBalance(trader, '50000.00');
    expect((await submitApplication({ actor: trader, applicationId: id, now: NOW })).fee?.balance).toBe('0.00');
    expect(await balanceOf(trader)).toBe('0.00');
  });

  it('a type with no fee charges nothing and issues no receipt', async () => {
    const code = `FZ${suffix}`;
    await createPermitType({ actor: admin, input: { ...typeForm(false), code, fee: '0' }, now: NOW });
    const trader = await aTrader();
    const id = await aDraft(trader, code);
    expect((await submitApplication({ actor: trader, applicationId: id, now: NOW })).fee).toBeNull();
    expect(await db.permitFee.count({ where: { applicationId: id } })).toBe(0);
    expect(await db.account.findUnique({ where: { companyId: trader.companyId! } })).toBeNull();
  });
});

describe('the fee on refusal follows the permit type’s rule (isFeeRefundable)', () => {
  it('refundable: the refusal credits the fee back, with its receipt and audit entry, once', async () => {
    const trader = await aTrader();
    await aBalance(trader, '150000.00');
    const id = await aDraft(trader, REFUNDABLE);
    const { number } = await submitApplication({ actor: trader, applicationId: id, now: NOW });
    expect(await balanceOf(trader)).toBe('0.00');

    await refuseApplication({ actor: pq, applicationId: id, input: { reason: 'Orchard not registered' }, now: NOW });
    expect(await balanceOf(trader)).toBe('150000.00');
    const refund = await db.permitFee.findUniqueOrThrow({
      where: { applicationId_kind: { applicationId: id, kind: 'REFUND' } },
    });
    expect(refund).toMatchObject({ actorId: pq.userId, companyId: trader.companyId });
    expect(refund.amount.toFixed(2)).toBe('150000.00');
    const entries = await db.ledgerEntry.findMany({ where: { permitFeeId: refund.id } });
    expect(entries.map((e) => [e.kind, e.amount.toFixed(2), e.reference])).toEqual([['REVERSAL', '150000.00', number]]);
    const receipt = await db.signedDocument.findUniqueOrThrow({ where: { number: refund.receiptNumber } });
    expect(receipt.payload).toMatchObject({
      movement: 'PERMIT_FEE_REFUND',
      permitApplicationNumber: number,
      total: '150000.00',
    });
    const audits = await db.auditEntry.findMany({
      where: { entityId: id, action: { in: ['permitApplication.refuse', 'permitApplication.fee.refund'] } },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ['permitApplication.refuse', pq.userId],
      ['permitApplication.fee.refund', pq.userId],
    ]);
    expect(audits[1].data).toEqual({
      amount: '150000.00',
      receiptNumber: refund.receiptNumber,
      balance: '150000.00',
      outcome: 'REFUSED',
    });
    // Decided: a second refusal is a conflict and credits nothing more.
    await failure(
      refuseApplication({ actor: pq, applicationId: id, input: { reason: 'Again' }, now: NOW }),
      'CONFLICT',
    );
    expect(await balanceOf(trader)).toBe('150000.00');
  });

  it('not refundable: the refusal keeps the fee, and so it stays when the rule changes after payment', async () => {
    const trader = await aTrader();
    await aBalance(trader, '200000.00');
    const kept = await aDraft(trader, KEPT);
    await submitApplication({ actor: trader, applicationId: kept, now: NOW });
    // The administrator makes the type refundable after the fee was paid: the terms shown at payment hold.
    await updatePermitType({ actor: admin, code: KEPT, input: typeForm(true), now: NOW });
    try {
      await refuseApplication({ actor: pq, applicationId: kept, input: { reason: 'Incomplete' }, now: NOW });
    } finally {
      await updatePermitType({ actor: admin, code: KEPT, input: typeForm(false), now: NOW });
    }
    expect(await balanceOf(trader)).toBe('50000.00');
    expect(await db.permitFee.count({ where: { applicationId: kept, kind: 'REFUND' } })).toBe(0);
    expect(await db.auditEntry.count({ where: { entityId: kept, action: 'permitApplication.fee.refund' } })).toBe(0);
  });

  it('a withdrawal after submission follows the same rule; a withdrawn draft paid nothing', async () => {
    const trader = await aTrader();
    await aBalance(trader, '300000.00');
    const refundable = await aDraft(trader, REFUNDABLE);
    await submitApplication({ actor: trader, applicationId: refundable, now: NOW });
    const kept = await aDraft(trader, KEPT);
    await submitApplication({ actor: trader, applicationId: kept, now: NOW });
    expect(await balanceOf(trader)).toBe('0.00');

    await withdrawApplication({ actor: trader, applicationId: refundable, input: {}, now: NOW });
    await withdrawApplication({ actor: trader, applicationId: kept, input: {}, now: NOW });
    expect(await balanceOf(trader)).toBe('150000.00');
    expect(await db.permitFee.count({ where: { applicationId: refundable, kind: 'REFUND' } })).toBe(1);
    expect(await db.permitFee.count({ where: { applicationId: kept, kind: 'REFUND' } })).toBe(0);
    expect(
      (
        await db.auditEntry.findFirstOrThrow({
          where: { entityId: refundable, action: 'permitApplication.fee.refund' },
        })
      ).data,
    ).toMatchObject({ outcome: 'WITHDRAWN', amount: '150000.00' });

    const draft = await aDraft(trader, REFUNDABLE);
    await withdrawApplication({ actor: trader, applicationId: draft, input: {}, now: NOW });
    expect(await db.permitFee.count({ where: { applicationId: draft } })).toBe(0);
    expect(await balanceOf(trader)).toBe('150000.00');
  });
});

describe('one application holds the products of one unit when its permit counts a quantity', () => {
  it('refuses a product in another unit at the application, on its unit field, writing nothing', async () => {
    const trader = await aTrader();
    const id = await aDraft(trader, KEPT); // QUANTITY scope, apples in KG already
    const version = (await db.permitApplication.findUniqueOrThrow({ where: { id } })).version;
    const e = await failure(
      addApplicationProduct({
        actor: trader,
        applicationId: id,
        input: { ...APPLES, description: 'Apricots in gift boxes', quantity: '50', unit: 'PCS' },
        now: NOW,
      }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual([
      {
        path: 'unit',
        message: `A ${KEPT} permit counts one unit, and this application's products are in KG: add the products counted in PCS to a separate application`,
      },
    ]);
    expect(await db.permitApplicationProduct.count({ where: { applicationId: id } })).toBe(1);
    expect((await db.permitApplication.findUniqueOrThrow({ where: { id } })).version).toBe(version);
  });
});
