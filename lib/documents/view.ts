// What a signed document shows, as rows and a table of display strings: one projection for the
// PDF and the public verification page alike. Labels are message keys (namespace
// `signedDocument`: `fields.<key>`, `tables.<key>`, `columns.<key>`), values are already formatted.
import { formatDecimal, formatServiceMoment } from './format';
import type { AnyPayload, ReceiptMovement } from './payloads';

export type DocumentField = { key: string; value: string };
export type DocumentColumn = { key: string; align: 'left' | 'right'; /** relative width on paper */ weight: number };
export type DocumentTable = { key: string; columns: DocumentColumn[]; rows: string[][] };
export type DocumentView = { fields: DocumentField[]; table: DocumentTable | null };

/** Receipt movements in words (the document's own language, like its other values). */
const RECEIPT_MOVEMENT_LABELS: Record<ReceiptMovement, string> = {
  PAYMENT: 'Payment of customs payments from the personal account',
  OVERPAYMENT_CREDIT: 'Overpayment credited back to the personal account',
  TOP_UP: 'Top-up of the personal account',
  REFUND: 'Refund from the personal account',
  PERMIT_FEE: 'Permit fee paid from the personal account',
  PERMIT_FEE_REFUND: 'Permit fee credited back to the personal account',
};

const joinParts = (...parts: string[]) => parts.filter((p) => p.trim() !== '').join(', ');
const col = (key: string, weight: number, align: 'left' | 'right' = 'left'): DocumentColumn => ({ key, weight, align });

export function documentView(document: AnyPayload): DocumentView {
  switch (document.kind) {
    case 'DECLARATION': {
      const p = document.payload;
      return {
        fields: [
          { key: 'registrationNumber', value: p.registrationNumber },
          { key: 'registeredAt', value: formatServiceMoment(p.registeredAt) },
          { key: 'post', value: `${p.post.code} ${p.post.name}` },
          { key: 'regime', value: p.regime },
          { key: 'declarantTin', value: p.declarant.tin },
          { key: 'declarantName', value: p.declarant.name },
          { key: 'consignor', value: joinParts(p.consignor.name, p.consignor.address, p.consignor.country) },
          { key: 'consignee', value: joinParts(p.consignee.name, p.consignee.address, p.consignee.country) },
          { key: 'dispatchCountry', value: p.dispatchCountry },
          { key: 'destinationCountry', value: p.destinationCountry },
          { key: 'transportMode', value: p.transport.modeCode },
          { key: 'transportDocument', value: p.transport.document },
          { key: 'incoterm', value: p.incoterm },
          { key: 'invoiceTotal', value: `${formatDecimal(p.invoice.total, 2)} ${p.invoice.currency}` },
        ],
        table: {
          key: 'goods',
          columns: [
            col('line', 0.55, 'right'),
            col('hsCode', 1.35),
            col('description', 3.6),
            col('origin', 0.75),
            col('netMassKg', 1.35, 'right'),
            col('quantity', 1.6, 'right'),
            col('invoiceValue', 1.5, 'right'),
          ],
          rows: p.items.map((i) => [
            String(i.line),
            i.hsCode,
            i.description,
            i.originCountry,
            formatDecimal(i.netMassKg, 3),
            `${formatDecimal(i.quantity, 3)} ${i.unit}`,
            formatDecimal(i.invoiceValue, 2),
          ]),
        },
      };
    }
    case 'RELEASE_NOTE': {
      const p = document.payload;
      return {
        fields: [
          { key: 'declarationNumber', value: p.declarationNumber },
          { key: 'releasedAt', value: formatServiceMoment(p.releasedAt) },
          { key: 'post', value: `${p.post.code} ${p.post.name}` },
          { key: 'officerNumber', value: p.officerNumber },
          { key: 'regime', value: p.regime },
          { key: 'declarantTin', value: p.declarant.tin },
          { key: 'declarantName', value: p.declarant.name },
          { key: 'itemCount', value: String(p.goods.itemCount) },
          { key: 'totalNetMassKg', value: formatDecimal(p.goods.totalNetMassKg, 3) },
          { key: 'invoiceTotal', value: `${formatDecimal(p.goods.totalInvoiceValue, 2)} ${p.goods.invoiceCurrency}` },
        ],
        table: {
          key: 'goods',
          columns: [
            col('line', 0.55, 'right'),
            col('hsCode', 1.35),
            col('description', 4.5),
            col('netMassKg', 1.35, 'right'),
          ],
          rows: p.goods.items.map((i) => [String(i.line), i.hsCode, i.description, formatDecimal(i.netMassKg, 3)]),
        },
      };
    }
    case 'PERMIT': {
      const p = document.payload;
      return {
        fields: [
          { key: 'permitNumber', value: p.permitNumber },
          { key: 'permitType', value: `${p.permitType.code} ${p.permitType.name}` },
          { key: 'authority', value: `${p.authority.code} ${p.authority.name}` },
          { key: 'holderTin', value: p.holder.tin },
          { key: 'holderName', value: p.holder.name },
          { key: 'issuedOn', value: p.issuedOn },
          ...(p.validFrom ? [{ key: 'validFrom', value: p.validFrom }] : []),
          { key: 'validUntil', value: p.validUntil },
          { key: 'scope', value: p.scope },
          ...(p.granted
            ? [{ key: 'grantedQuantity', value: `${formatDecimal(p.granted.quantity, 3)} ${p.granted.unit}` }]
            : []),
          ...(p.conditions ? [{ key: 'conditions', value: p.conditions }] : []),
        ],
        table: {
          key: 'products',
          columns: [col('hsCode', 1.35), col('description', 4), col('quantity', 1.6, 'right'), col('country', 0.9)],
          rows: p.products.map((i) => [
            i.hsCode,
            i.description,
            `${formatDecimal(i.quantity, 3)} ${i.unit}`,
            i.country,
          ]),
        },
      };
    }
    case 'RECEIPT': {
      const p = document.payload;
      return {
        fields: [
          { key: 'receiptNumber', value: p.receiptNumber },
          { key: 'paidAt', value: formatServiceMoment(p.paidAt) },
          { key: 'payerTin', value: p.payer.tin },
          { key: 'payerName', value: p.payer.name },
          { key: 'movement', value: RECEIPT_MOVEMENT_LABELS[p.movement] },
          ...(p.permitApplicationNumber
            ? [{ key: 'permitApplicationNumber', value: p.permitApplicationNumber }]
            : [{ key: 'declarationNumber', value: p.declarationNumber ?? '—' }]),
          ...(p.gateway ? [{ key: 'gatewayTransaction', value: `${p.gateway.name}: ${p.gateway.transactionId}` }] : []),
          { key: 'total', value: `${formatDecimal(p.total, 2)} ${p.currency}` },
        ],
        table: {
          key: 'payments',
          columns: [col('paymentType', 3), col('amount', 2, 'right')],
          rows: p.lines.map((l) => [l.paymentType, `${formatDecimal(l.amount, 2)} ${p.currency}`]),
        },
      };
    }
    default: {
      const never: never = document;
      return never;
    }
  }
}
