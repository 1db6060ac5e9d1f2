// What a signed document shows, as rows and a table of display strings: one projection for the
// PDF and the public verification page alike. Labels are message keys (namespace
// `signedDocument`: `fields.<key>`, `tables.<key>`, `columns.<key>`), values are already formatted.
import { D } from '../money';
import { isAppliedMethod, rateText } from '../duties/applied-rate';
import { formatDecimal, formatServiceMoment } from './format';
import type { AnyPayload, ReceiptMovement } from './payloads';

export type DocumentField = { key: string; value: string };
export type DocumentColumn = { key: string; align: 'left' | 'right'; /** relative width on paper */ weight: number };
export type DocumentTable = { key: string; columns: DocumentColumn[]; rows: string[][] };
/** Fields, then tables in order (a table without rows is left out by whoever draws it). */
export type DocumentView = { fields: DocumentField[]; tables: DocumentTable[] };

/** Receipt movements in words (the document's own language, like its other values). */
const RECEIPT_MOVEMENT_LABELS: Record<ReceiptMovement, string> = {
  PAYMENT: 'Payment of customs payments from the personal account',
  OVERPAYMENT_CREDIT: 'Overpayment credited back to the personal account',
  TOP_UP: 'Top-up of the personal account',
  REFUND: 'Refund from the personal account',
  PERMIT_FEE: 'Permit fee paid from the personal account',
  PERMIT_FEE_REFUND: 'Permit fee credited back to the personal account',
};

/** The declaration's payment types, methods and document types in words (the document's language). */
const PAYMENT_TYPE_LABELS: Record<string, string> = {
  DUTY: 'Duty',
  EXCISE: 'Excise',
  VAT: 'VAT',
  FEE: 'Customs processing fee',
};
const METHOD_LABELS: Record<string, string> = {
  AD_VALOREM: 'Ad valorem',
  SPECIFIC: 'Specific',
  EXEMPT: 'Exempt',
  ZERO_RATED: 'Zero-rated',
  NOT_APPLICABLE: 'Not applicable',
  PERCENT: 'Percentage of the customs value',
  FLOOR: 'Minimum fee',
  CAP: 'Maximum fee',
};
const DOCUMENT_TYPE_LABELS: Record<string, string> = {
  INVOICE: 'Commercial invoice',
  CONTRACT: 'Contract',
  PACKING_LIST: 'Packing list',
  TRANSPORT_DOCUMENT: 'Transport document',
  CERTIFICATE_OF_ORIGIN: 'Certificate of origin',
  PERMIT: 'Permit',
  OTHER: 'Other document',
};
const label = (labels: Record<string, string>, code: string | null) => (code ? (labels[code] ?? code) : '—');

const joinParts = (...parts: string[]) => parts.filter((p) => p.trim() !== '').join(', ');
const col = (key: string, weight: number, align: 'left' | 'right' = 'left'): DocumentColumn => ({ key, weight, align });

export function documentView(document: AnyPayload): DocumentView {
  switch (document.kind) {
    case 'DECLARATION': {
      const p = document.payload;
      const inInvoiceCurrency = (value: string | null | undefined) =>
        value === null || value === undefined ? '—' : `${formatDecimal(value, 2)} ${p.invoice.currency}`;
      const payments = p.payments ?? [];
      const total = payments.reduce((sum, x) => sum.plus(x.amount), new D(0)).toFixed(2);
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
          // Documents issued before these were printed carry none of them: nothing is shown.
          ...('freight' in p ? [{ key: 'freight', value: inInvoiceCurrency(p.freight) }] : []),
          ...('insurance' in p ? [{ key: 'insurance', value: inInvoiceCurrency(p.insurance) }] : []),
          ...('customsValue' in p
            ? [{ key: 'customsValue', value: p.customsValue ? `${formatDecimal(p.customsValue, 2)} UZS` : '—' }]
            : []),
          ...(payments.length > 0
            ? [
                {
                  key: p.isSecured ? 'paymentsTotalSecured' : 'paymentsTotal',
                  value: `${formatDecimal(total, 2)} UZS`,
                },
              ]
            : []),
        ],
        tables: [
          {
            key: 'goods',
            columns: [
              col('line', 0.55, 'right'),
              col('hsCode', 1.35),
              col('description', 3.3),
              col('origin', 0.75),
              col('netMassKg', 1.35, 'right'),
              col('quantity', 1.5, 'right'),
              col('invoiceValue', 1.5, 'right'),
              col('customsValueUzs', 1.7, 'right'),
            ],
            rows: p.items.map((i) => [
              String(i.line),
              i.hsCode,
              i.description,
              i.originCountry,
              formatDecimal(i.netMassKg, 3),
              `${formatDecimal(i.quantity, 3)} ${i.unit}`,
              formatDecimal(i.invoiceValue, 2),
              i.customsValue ? formatDecimal(i.customsValue, 2) : '—',
            ]),
          },
          {
            key: 'assessedPayments',
            columns: [
              col('line', 0.55, 'right'),
              col('paymentType', 1.6),
              col('method', 2.2),
              col('rate', 1.3, 'right'),
              col('base', 1.9, 'right'),
              col('amountUzs', 1.9, 'right'),
            ],
            rows: payments.map((x) => [
              x.line === null ? '—' : String(x.line),
              label(PAYMENT_TYPE_LABELS, x.type),
              label(METHOD_LABELS, x.method),
              rateText({ method: isAppliedMethod(x.method) ? x.method : null, rate: x.rate, unit: x.unit }) ?? '—',
              formatDecimal(x.base, 2),
              formatDecimal(x.amount, 2),
            ]),
          },
          {
            key: 'permits',
            columns: [
              col('line', 0.55, 'right'),
              col('permitNumber', 2.6),
              col('permitType', 1.6),
              col('quantity', 1.6, 'right'),
            ],
            rows: (p.permits ?? []).map((x) => [
              String(x.line),
              x.number,
              x.type,
              `${formatDecimal(x.quantity, 3)} ${x.unit}`,
            ]),
          },
          {
            key: 'documents',
            columns: [col('documentType', 2.2), col('documentNumber', 2.6), col('documentDate', 1.2)],
            rows: (p.documents ?? []).map((x) => [label(DOCUMENT_TYPE_LABELS, x.type), x.number, x.date]),
          },
        ],
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
        tables: [
          {
            key: 'goods',
            columns: [
              col('line', 0.55, 'right'),
              col('hsCode', 1.35),
              col('description', 4.5),
              col('netMassKg', 1.35, 'right'),
            ],
            rows: p.goods.items.map((i) => [String(i.line), i.hsCode, i.description, formatDecimal(i.netMassKg, 3)]),
          },
        ],
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
        tables: [
          {
            key: 'products',
            columns: [col('hsCode', 1.35), col('description', 4), col('quantity', 1.6, 'right'), col('country', 0.9)],
            rows: p.products.map((i) => [
              i.hsCode,
              i.description,
              `${formatDecimal(i.quantity, 3)} ${i.unit}`,
              i.country,
            ]),
          },
        ],
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
        tables: [
          {
            key: 'payments',
            columns: [col('paymentType', 3), col('amount', 2, 'right')],
            rows: p.lines.map((l) => [l.paymentType, `${formatDecimal(l.amount, 2)} ${p.currency}`]),
          },
        ],
      };
    }
    default: {
      const never: never = document;
      return never;
    }
  }
}
