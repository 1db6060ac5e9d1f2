// The amounts a trader's declaration page shows are the ledger's: "still to pay", the pay control,
// the receipts' settlement and the release check all come from one function (loadSettlement), also
// after a paid declaration is withdrawn and its payment credited back. Also what the page needs to
// stay current (the account's version in the live status), the applied rates it lists, the
// expected time of the next step, and what the printed declaration carries.
import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import type { Actor } from '@/src/server/actor';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { withdrawDeclaration } from '@/src/server/declarations/lifecycle';
import {
  amountDue,
  getCheckYourAnswers,
  getDeclarationOverview,
  getDeclarationStatus,
} from '@/src/server/declarations/read';
import { getAppliedRates } from '@/src/server/declarations/applied-rates';
import { getExpectedNextStep } from '@/src/server/declarations/expected-time';
import { loadSlaTargets } from '@/src/server/officer/queue';
import { creditOverpayment, payDeclaration } from '@/src/server/payments/pay';
import { loadSettlement } from '@/src/server/payments/settlement';
import { getDeclarationPayments } from '@/src/server/payments/read';
import { startTopUp } from '@/src/server/payments/top-ups';
import { receiveGatewayCallback } from '@/src/server/payments/callbacks';
import { signCallback } from '@/src/server/payments/gateway/signature';
import { MERCHANT_ID, formatSignatureHeader } from '@/lib/payments/gateway-protocol';
import { appliedPaymentsOf } from '@/lib/duties/applied-rate';
import { D, formatAmount } from '@/lib/money';
import { createTranslator } from 'next-intl';
import { declarationPdf } from '@/src/server/documents/declaration';
import signedDocumentMessages from '@/lib/i18n/messages/en/signedDocument.json';
import { pdfText } from '../support/pdf-text';
import { aDraftInput, aPermit, aTrader, anAssessment, anInspectedPost, anInspector } from '../support/factories';
import { NOW } from '../support/clock';

process.env.PAYMENT_TEST_GATEWAY = 'enabled';
process.env.PAYMENT_GATEWAY_SECRET = 'integration-gateway-secret-0123456789abcdef';

/** Top up through the real path: start, then the test gateway's signed success callback. */
async function fund(trader: Actor, amount: string) {
  const started = await startTopUp({ actor: trader, input: { amount }, now: NOW });
  const raw = JSON.stringify({
    merchant: MERCHANT_ID,
    order: started.id,
    amount,
    currency: 'UZS',
    status: 'SUCCEEDED',
    transactionId: `test_${randomBytes(12).toString('hex')}`,
    occurredAt: NOW.toISOString(),
  });
  const timestamp = String(Math.floor(NOW.getTime() / 1000));
  const result = await receiveGatewayCallback({
    gatewayName: 'test',
    rawBody: raw,
    headers: new Headers({
      'content-type': 'application/json',
      'x-gateway-timestamp': timestamp,
      'x-gateway-signature': formatSignatureHeader(signCallback(process.env.PAYMENT_GATEWAY_SECRET!, timestamp, raw)),
    }),
    now: NOW,
  });
  expect(result.outcome).toBe('CREDITED');
}

/**
 * "Still to pay" worked out from the rows themselves: what the latest assessment makes payable
 * (nothing once refused or withdrawn) less what the ledger settled (payments minus credits back).
 */
async function stillToPayFromLedger(declarationId: string): Promise<string> {
  const d = await db.declaration.findUniqueOrThrow({ where: { id: declarationId }, select: { status: true } });
  const latest = await db.assessedPayment.aggregate({ where: { declarationId }, _max: { assessmentNo: true } });
  const assessed = await db.assessedPayment.aggregate({
    where: { declarationId, assessmentNo: latest._max.assessmentNo ?? -1, isSecured: false },
    _sum: { amount: true },
  });
  const ledger = await db.ledgerEntry.aggregate({
    where: { declarationId, kind: { in: ['PAYMENT', 'REVERSAL'] } },
    _sum: { amount: true },
  });
  const owed = ['REFUSED', 'WITHDRAWN'].includes(d.status) ? new D(0) : new D(assessed._sum.amount?.toString() ?? 0);
  const settled = new D(ledger._sum.amount?.toString() ?? 0).neg();
  return D.max(0, owed.minus(settled)).toFixed(2);
}

/** Every place the amount is shown or checked says the same, and it is the ledger's. */
async function expectAmountsAgree(trader: Actor, declarationId: string, expected: string) {
  const overview = await getDeclarationOverview({ actor: trader, declarationId });
  const payments = await getDeclarationPayments({ actor: trader, declarationId });
  const { amountDue: fromSettlement } = await loadSettlement(db, overview);
  expect({
    page: overview.amountDue,
    payControl: payments.settlement.kind === 'DUE' ? payments.settlement.net : '0.00',
    settlement: fromSettlement,
    releaseCheck: await amountDue(declarationId),
    ledger: await stillToPayFromLedger(declarationId),
  }).toEqual({ page: expected, payControl: expected, settlement: expected, releaseCheck: expected, ledger: expected });
  return { overview, payments };
}

let post: Awaited<ReturnType<typeof anInspectedPost>>;
beforeAll(async () => {
  post = await anInspectedPost(); // yellow: registered, assessed and waiting for an inspector
  await anInspector(post.id);
});

async function aSubmittedDeclaration(trader: Actor) {
  const { id } = await createDeclarationDraft({ actor: trader, input: aDraftInput({ postCode: post.code }), now: NOW });
  const estimate = (await getCheckYourAnswers({ actor: trader, declarationId: id, now: NOW })).estimate!;
  await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
  return { id, estimate };
}

describe('amounts on the declaration page come from the ledger', () => {
  it('a paid declaration withdrawn and credited back: still to pay is 0.00 everywhere, and says why', async () => {
    const trader = await aTrader();
    await fund(trader, '50000000.00');
    const { id, estimate } = await aSubmittedDeclaration(trader);
    expect((await db.declaration.findUniqueOrThrow({ where: { id } })).status).toBe('ASSIGNED');
    await expectAmountsAgree(trader, id, estimate.payable);

    await payDeclaration({
      actor: trader,
      declarationId: id,
      idempotencyKey: randomUUID(),
      amount: estimate.payable,
      now: NOW,
    });
    await expectAmountsAgree(trader, id, '0.00');

    await withdrawDeclaration({ actor: trader, declarationId: id, reason: 'Shipment cancelled', now: NOW });
    // Withdrawn, not yet credited back: nothing to pay, the payment is an overpayment.
    let { overview, payments } = await expectAmountsAgree(trader, id, '0.00');
    expect(payments.settlement).toMatchObject({ kind: 'OVERPAID', net: `-${estimate.payable}` });
    expect(overview.nextAction).toEqual({ code: 'NONE_WITHDRAWN' });

    await creditOverpayment({ actor: trader, declarationId: id, amount: estimate.payable, now: NOW });
    ({ overview, payments } = await expectAmountsAgree(trader, id, '0.00'));
    expect(payments.settlement.kind).toBe('SETTLED');
    expect(payments.isNothingOwed).toBe(true);
    expect(payments.canPay).toBe(false);
    expect(payments.payments.map((p) => p.amount).sort()).toEqual([`-${estimate.payable}`, estimate.payable]);
    // The assessment itself is still shown as assessed; only what is owed changed.
    expect(overview.assessment?.totals.FEE).toBe(estimate.totals.FEE);
    // Paid and credited back: the ledger holds nothing for it.
    const held = await db.ledgerEntry.aggregate({ where: { declarationId: id }, _sum: { amount: true } });
    expect(held._sum.amount?.toFixed(2)).toBe('0.00');
  });

  it('after reassessments up and down, the page, the pay control and the release check agree with the ledger', async () => {
    const trader = await aTrader();
    await fund(trader, '90000000.00');
    const { id, estimate } = await aSubmittedDeclaration(trader);
    await payDeclaration({
      actor: trader,
      declarationId: id,
      idempotencyKey: randomUUID(),
      amount: estimate.payable,
      now: NOW,
    });

    // Higher: the difference is due.
    const higher = { DUTY: '20000000.00', EXCISE: '10000000.00', VAT: '20000000.00', FEE: '274505.00' };
    await anAssessment(id, higher);
    const more = new D('50274505.00').minus(estimate.payable).toFixed(2);
    await expectAmountsAgree(trader, id, more);
    await payDeclaration({ actor: trader, declarationId: id, idempotencyKey: randomUUID(), amount: more, now: NOW });
    await expectAmountsAgree(trader, id, '0.00');

    // Lower: overpaid, nothing to pay (never a negative "still to pay").
    await anAssessment(id, { DUTY: '1000000.00', FEE: '274505.00' });
    const { payments } = await expectAmountsAgree(trader, id, '0.00');
    expect(payments.settlement.kind).toBe('OVERPAID');
  });
});

describe('what keeps the page current', () => {
  it('the live status changes with a payment even when the declaration does not', async () => {
    const trader = await aTrader();
    await fund(trader, '50000000.00');
    const { id, estimate } = await aSubmittedDeclaration(trader);
    const before = await getDeclarationStatus({ actor: trader, declarationId: id });
    await payDeclaration({
      actor: trader,
      declarationId: id,
      idempotencyKey: randomUUID(),
      amount: estimate.payable,
      now: NOW,
    });
    const after = await getDeclarationStatus({ actor: trader, declarationId: id });
    // With an inspector: paying does not change the declaration's status or version…
    expect(after).toMatchObject({ status: 'ASSIGNED', version: before.version });
    // …but the account moved, and the page rendered with the old account version reloads.
    expect(after.accountVersion).toBeGreaterThan(before.accountVersion);
    const overview = await getDeclarationOverview({ actor: trader, declarationId: id });
    expect(overview.accountVersion).toBe(after.accountVersion);
  });
});

describe('applied rates and expected time', () => {
  it('stores the method and rate of every payment at registration, as the estimate showed them', async () => {
    const trader = await aTrader();
    const { id, estimate } = await aSubmittedDeclaration(trader);
    const applied = await getAppliedRates({ actor: trader, declarationId: id });
    // Registered the same day as the estimate: the same rates, item by item, then the fee (the stored
    // base has 2 decimals, also a specific rate's quantity).
    const withoutBase = <T extends { base: string }>(rows: T[]) => rows.map(({ base: _base, ...rest }) => rest);
    expect(withoutBase(applied)).toEqual(withoutBase(appliedPaymentsOf(estimate)));
    const rateOf = (lineNo: number | null, type: string) => applied.find((p) => p.lineNo === lineNo && p.type === type);
    // The worked example's goods (shared/DOMAIN.md, at the day's demo rate): beer's combined duty is ad
    // valorem 30% (the higher), its excise 5,000 UZS per litre; VAT 12%; the fee 0.2% of the customs value.
    expect(rateOf(2, 'DUTY')).toMatchObject({ method: 'AD_VALOREM', rate: '30', unit: '%' });
    expect(rateOf(2, 'EXCISE')).toMatchObject({ method: 'SPECIFIC', rate: '5000', unit: 'UZS/L' });
    expect(rateOf(1, 'VAT')).toMatchObject({ method: 'AD_VALOREM', rate: '12', unit: '%' });
    expect(rateOf(null, 'FEE')).toMatchObject({ method: 'PERCENT', rate: '0.2', amount: estimate.totals.FEE });
    // Another company's declaration is not found.
    await expect(getAppliedRates({ actor: await aTrader(), declarationId: id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("expects the inspector's decision by registration + the channel's SLA target", async () => {
    const trader = await aTrader();
    const { id } = await aSubmittedDeclaration(trader);
    const overview = await getDeclarationOverview({ actor: trader, declarationId: id });
    const targets = await loadSlaTargets();
    const dueBy = new Date(overview.registeredAt!.getTime() + targets.YELLOW * 60_000);
    expect(await getExpectedNextStep({ declaration: overview, now: NOW })).toEqual({
      code: 'OFFICER_DECISION',
      channel: 'YELLOW',
      dueBy,
      targetMinutes: targets.YELLOW,
      isOverdue: false,
    });
    const later = new Date(dueBy.getTime() + 60_000);
    expect(await getExpectedNextStep({ declaration: overview, now: later })).toMatchObject({ isOverdue: true });
  });
});

describe('the printed declaration', () => {
  const t = createTranslator({
    locale: 'en',
    messages: { signedDocument: signedDocumentMessages },
    namespace: 'signedDocument',
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;

  it('carries customs value, freight and insurance, the assessed payments per line, permits and documents', async () => {
    const trader = await aTrader();
    const { id, estimate } = await aSubmittedDeclaration(trader);
    // A permit linked to the beer (line 2): test setup standing in for the permits step.
    const permit = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '5000',
      unit: 'L',
    });
    const beer = await db.declarationItem.findFirstOrThrow({ where: { declarationId: id, lineNo: 2 } });
    await db.permitLink.create({ data: { permitId: permit.id, declarationItemId: beer.id, quantity: '2000' } });

    const { bytes, document } = await declarationPdf({ actor: trader, declarationId: id, now: NOW, t });
    const text = (await pdfText(bytes)).pages.join('\n').replace(/\s+/g, ' ');
    const amount = (v: string) => formatAmount(v);
    for (const expected of [
      `${t('fields.freight')} 800.00 USD`,
      `${t('fields.insurance')} 50.00 USD`,
      `${t('fields.customsValue')} ${amount(estimate.customsValue)} UZS`,
      `${t('fields.paymentsTotal')} ${amount(estimate.totals.total)} UZS`,
      t('tables.assessedPayments', { count: 7 }),
      // Line 2, beer: duty ad valorem 30% (combined, the higher), excise 5000 UZS per litre.
      `2 Duty Ad valorem 30% ${amount(estimate.items[1].customsValue)} ${amount(estimate.items[1].payments[0].amount)}`,
      `2 Excise Specific 5000 UZS/L 2 000.00 ${amount(estimate.items[1].payments[1].amount)}`,
      `Customs processing fee Percentage of the customs value 0.2% ${amount(estimate.fee.base)} ${amount(estimate.fee.amount)}`,
      t('tables.permits', { count: 1 }),
      `2 ${permit.number} SES-FOOD 2 000.000 L`,
      t('tables.documents', { count: 2 }),
      'Commercial invoice INV-2026-001 2026-11-20',
      'Transport document CMR 4471023 2026-11-21',
    ])
      expect(text).toContain(expected);
    expect(document.payload.payments).toHaveLength(7);

    // Reassessed: the printed declaration is re-issued with the new amounts, the earlier one superseded.
    await anAssessment(id, { DUTY: '20000000.00', VAT: '2400000.00', FEE: '274505.00' });
    const again = await declarationPdf({ actor: trader, declarationId: id, now: NOW, t });
    expect(again.document.number).toBe(`${document.number}-2`);
    expect((await pdfText(again.bytes)).pages.join(' ').replace(/\s+/g, ' ')).toContain(
      `${t('fields.paymentsTotal')} ${amount('22674505.00')} UZS`,
    );
  });
});
