// The rows of the generated history, shaped for createMany.
import { D } from '../../lib/money.ts';
import { registrationDate } from '../../lib/declaration/registration-number.ts';
import { seedUuid } from './ids.ts';
import { Rng } from './random.ts';
import { DAY, utcDay } from './dates.ts';
import { postId } from './reference.ts';
import { SECURED_REGIMES, type AppliedRate } from './assess.ts';
import type { HistoryDeclaration } from './history.ts';

const money = (v: D) => v.toFixed(2);

export function declarationRows(declarations: readonly HistoryDeclaration[]) {
  return declarations.map((d) => ({
    id: d.id,
    companyId: d.company.id,
    createdById: d.company.traderId,
    postId: postId(d.postCode),
    regime: d.regime,
    status: d.outcome,
    channel: d.channel,
    registrationNumber: d.registrationNumber,
    version: d.events.length,
    consignorName: d.consignor.name,
    consignorCountry: d.consignor.country,
    consignorAddress: d.consignor.address,
    consigneeName: d.consignee.name,
    consigneeCountry: d.consignee.country,
    consigneeAddress: d.consignee.address,
    dispatchCountry: d.dispatchCountry,
    destinationCountry: d.destinationCountry,
    transportMode: d.transportMode,
    transportDocument: d.transportDocument,
    incoterm: d.incoterm as 'EXW',
    invoiceCurrency: d.currency,
    invoiceTotal: money(d.invoiceTotal),
    freight: d.freight ? money(d.freight) : null,
    insurance: d.insurance ? money(d.insurance) : null,
    currentReason: d.currentReason,
    copiedFromId: null,
    createdAt: d.createdAt,
    updatedAt: d.endAt,
    submittedAt: d.registeredAt,
    registeredAt: d.registeredAt,
    releasedAt: d.outcome === 'RELEASED' ? d.endAt : null,
  }));
}

export function itemRows(declarations: readonly HistoryDeclaration[]) {
  return declarations.flatMap((d) =>
    d.items.map((i) => ({
      id: i.id,
      declarationId: d.id,
      lineNo: i.lineNo,
      hsCode: i.goods.line.hsCode,
      description: i.goods.line.description,
      originCountry: i.origin,
      grossMass: i.grossMass,
      netMass: i.netMass,
      quantity: i.quantity.toFixed(3),
      supplementaryUnit: i.goods.line.supplementaryUnit,
      invoiceValue: money(i.invoiceValue),
      customsValue: money(i.customsValue),
    })),
  );
}

/** Status events of all declarations in time order (their autoincrement ids follow time). */
export function eventRows(declarations: readonly HistoryDeclaration[]) {
  const all = declarations.flatMap((d) => d.events.map((e, n) => ({ e, index: d.index, n })));
  all.sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.index - b.index || a.n - b.n);
  return all.map(({ e }) => ({ ...e }));
}

export const riskAssessmentId = (declarationId: string) => seedUuid(`risk:${declarationId}`);

export function riskAssessmentRows(declarations: readonly HistoryDeclaration[]) {
  return declarations.map((d) => ({
    id: riskAssessmentId(d.id),
    declarationId: d.id,
    score: d.score,
    channel: d.channel,
    reasons: d.reasons,
    modelVersion: 'seed-history',
    fallbackReason: null,
    isRandomPick: d.isRandomPick,
    createdAt: d.registeredAt,
  }));
}

export function assignmentRows(declarations: readonly HistoryDeclaration[]) {
  return declarations
    .filter((d) => d.channel === 'YELLOW' || d.channel === 'RED')
    .map((d) => ({
      id: seedUuid(`assignment:${d.id}`),
      declarationId: d.id,
      postId: postId(d.postCode),
      inspectorId: d.inspectorId,
      assignedById: null,
      reason: 'AUTOMATIC',
      assignedAt: d.registeredAt,
      closedAt: d.endAt,
    }));
}

export function inspectionRows(declarations: readonly HistoryDeclaration[]) {
  return declarations
    .filter((d) => d.inspection)
    .map((d) => {
      const i = d.inspection!;
      return {
        id: seedUuid(`inspection:${d.id}`),
        declarationId: d.id,
        riskAssessmentId: riskAssessmentId(d.id),
        inspectorId: d.inspectorId!,
        kind: i.kind,
        findings: i.findings,
        isHit: i.isHit,
        isCritical: i.isCritical,
        discrepancyType: i.discrepancyType,
        additionalRevenue: money(i.additionalRevenue),
        at: i.at,
      };
    });
}

export function assessedPaymentRows(declarations: readonly HistoryDeclaration[]) {
  const rows: {
    id: string;
    declarationId: string;
    itemId: string | null;
    assessmentNo: number;
    paymentType: 'DUTY' | 'EXCISE' | 'VAT' | 'FEE';
    base: string;
    amount: string;
    method: string;
    rate: string;
    rateUnit: string;
    isSecured: boolean;
    createdAt: Date;
  }[] = [];
  for (const d of declarations) {
    if (!d.assessedAt || !d.assessment) continue;
    const isSecured = SECURED_REGIMES.has(d.regime);
    const a = d.assessment;
    const row = (
      itemId: string | null,
      key: string,
      paymentType: 'DUTY' | 'EXCISE' | 'VAT' | 'FEE',
      base: D,
      amount: D,
      applied: AppliedRate,
    ) =>
      rows.push({
        id: seedUuid(`assessed:${d.id}:${key}:${paymentType}`),
        declarationId: d.id,
        itemId,
        assessmentNo: 1,
        paymentType,
        base: money(base),
        amount: money(amount),
        method: applied.method,
        rate: applied.rate,
        rateUnit: applied.unit,
        isSecured,
        createdAt: d.assessedAt!,
      });
    d.items.forEach((item, n) => {
      const x = a.items[n];
      row(item.id, String(item.lineNo), 'DUTY', x.customsValue, x.duty, x.applied.duty);
      row(item.id, String(item.lineNo), 'EXCISE', x.customsValue, x.excise, x.applied.excise);
      row(item.id, String(item.lineNo), 'VAT', x.vatBase, x.vat, x.applied.vat);
    });
    row(null, 'fee', 'FEE', a.totalCustomsValue, a.fee, a.feeApplied);
  }
  return rows;
}

export function registrationSequenceRows(declarations: readonly HistoryDeclaration[]) {
  const last = new Map<string, { postId: string; day: Date; last: number }>();
  for (const d of declarations) {
    const day = registrationDate(d.registeredAt);
    const key = `${d.postCode}:${day.getTime()}`;
    const seq = Number(d.registrationNumber.slice(-7));
    const cur = last.get(key);
    if (!cur) last.set(key, { postId: postId(d.postCode), day, last: seq });
    else cur.last = Math.max(cur.last, seq);
  }
  return [...last.values()].sort((a, b) => a.day.getTime() - b.day.getTime() || a.postId.localeCompare(b.postId));
}

export function documentRows(declarations: readonly HistoryDeclaration[]) {
  const rows: {
    id: string;
    declarationId: string;
    type: 'INVOICE' | 'CONTRACT' | 'PACKING_LIST' | 'TRANSPORT_DOCUMENT' | 'CERTIFICATE_OF_ORIGIN';
    number: string;
    date: Date;
    fileId: null;
    createdAt: Date;
  }[] = [];
  const CIS = new Set(['RU', 'KZ', 'KG', 'TJ', 'BY', 'AZ', 'TM', 'UZ']);
  for (const d of declarations) {
    const rng = new Rng(`documents:${d.id}`);
    const created = utcDay(d.createdAt).getTime();
    const add = (type: (typeof rows)[number]['type'], number: string, daysBefore: number) =>
      rows.push({
        id: seedUuid(`document:${d.id}:${type}`),
        declarationId: d.id,
        type,
        number,
        date: new Date(created - daysBefore * DAY),
        fileId: null,
        createdAt: d.createdAt,
      });
    const year = new Date(created).getUTCFullYear();
    add('INVOICE', `INV-${year}/${rng.digits(5)}`, rng.int(1, 20));
    add(
      'CONTRACT',
      `${d.company.tin}/${d.partnerCountry}-${year - (rng.chance(0.4) ? 1 : 0)}-${String(rng.int(1, 40)).padStart(2, '0')}`,
      rng.int(40, 330),
    );
    add('TRANSPORT_DOCUMENT', d.transportDocument, rng.int(0, 6));
    if (d.items.length > 1) add('PACKING_LIST', `PL-${year}/${rng.digits(5)}`, rng.int(1, 20));
    if (d.direction === 'IMPORT' && rng.chance(0.5)) {
      const origin = d.items[0].origin;
      add(
        'CERTIFICATE_OF_ORIGIN',
        CIS.has(origin) ? `CT-1 ${origin} ${rng.digits(9)}` : `${origin}${rng.digits(2)}/${rng.digits(7)}`,
        rng.int(1, 25),
      );
    }
  }
  return rows;
}
