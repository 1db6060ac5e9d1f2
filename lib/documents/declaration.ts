// The DECLARATION document's content, built from a registered declaration: what the printed
// declaration shows — the parties, transport and goods, the customs value with freight and
// insurance, the latest assessment's payments per item (method, rate, amount) and the fee, the
// permits linked to each item and the documents submitted. Nothing that changes with its processing
// status alone, so the signed document changes only when that content does (an amendment, a
// reassessment, a permit linked), and the earlier version then reads "Superseded".
import { D } from '../money';
import { TRANSPORT_MODE_CODE, type TransportMode } from '../reference/customs';
import type { AppliedPayment } from '../duties/applied-rate';
import { dateColumnDay } from '../time';
import type { DeclarationDocumentPayload } from './payloads';

type DecimalLike = string | number | { toString(): string };

/** The fields of a declaration row (with its post, company and items) that the document shows. */
export type DeclarationDocumentSource = {
  registrationNumber: string | null;
  registeredAt: Date | null;
  regime: string;
  post: { code: string; name: string } | null;
  company: { tin: string; name: string };
  consignorName: string | null;
  consignorCountry: string | null;
  consignorAddress: string | null;
  consigneeName: string | null;
  consigneeCountry: string | null;
  consigneeAddress: string | null;
  dispatchCountry: string | null;
  destinationCountry: string | null;
  transportMode: TransportMode | null;
  transportDocument: string | null;
  incoterm: string | null;
  invoiceCurrency: string | null;
  invoiceTotal: DecimalLike | null;
  freight: DecimalLike | null;
  insurance: DecimalLike | null;
  items: ReadonlyArray<{
    lineNo: number;
    hsCode: string;
    description: string;
    originCountry: string;
    netMass: DecimalLike;
    quantity: DecimalLike;
    supplementaryUnit: string;
    invoiceValue: DecimalLike;
    customsValue: DecimalLike | null;
  }>;
  /** The latest assessment's payments (none before one), and whether its duties and taxes are secured. */
  payments: readonly AppliedPayment[];
  isSecured: boolean;
  /** Permits linked to the items. */
  permits: ReadonlyArray<{ lineNo: number; number: string; type: string; quantity: DecimalLike; unit: string }>;
  documents: ReadonlyArray<{ type: string; number: string; date: Date }>;
};

const fixed = (value: DecimalLike | null, scale: number) => new D(String(value ?? '0')).toFixed(scale);

const optional = (value: DecimalLike | null, scale: number) => (value === null ? null : fixed(value, scale));

export function declarationDocumentPayload(d: DeclarationDocumentSource): DeclarationDocumentPayload {
  if (!d.registrationNumber || !d.registeredAt || !d.post) {
    throw new Error('Only a registered declaration has a signed document.');
  }
  const items = [...d.items].sort((a, b) => a.lineNo - b.lineNo);
  const isValued = items.length > 0 && items.every((i) => i.customsValue !== null);
  return {
    registrationNumber: d.registrationNumber,
    registeredAt: d.registeredAt.toISOString(),
    post: { code: d.post.code, name: d.post.name },
    regime: d.regime,
    declarant: { tin: d.company.tin, name: d.company.name },
    consignor: { name: d.consignorName ?? '', country: d.consignorCountry ?? '', address: d.consignorAddress ?? '' },
    consignee: { name: d.consigneeName ?? '', country: d.consigneeCountry ?? '', address: d.consigneeAddress ?? '' },
    dispatchCountry: d.dispatchCountry ?? '',
    destinationCountry: d.destinationCountry ?? '',
    transport: {
      modeCode: d.transportMode ? TRANSPORT_MODE_CODE[d.transportMode] : '',
      document: d.transportDocument ?? '',
    },
    incoterm: d.incoterm ?? '',
    invoice: { currency: d.invoiceCurrency ?? '', total: fixed(d.invoiceTotal, 2) },
    items: items.map((i) => ({
      line: i.lineNo,
      hsCode: i.hsCode,
      description: i.description,
      originCountry: i.originCountry,
      netMassKg: fixed(i.netMass, 3),
      quantity: fixed(i.quantity, 3),
      unit: i.supplementaryUnit,
      invoiceValue: fixed(i.invoiceValue, 2),
      customsValue: optional(i.customsValue, 2),
    })),
    freight: optional(d.freight, 2),
    insurance: optional(d.insurance, 2),
    customsValue: isValued ? items.reduce((sum, i) => sum.plus(String(i.customsValue)), new D(0)).toFixed(2) : null,
    payments: d.payments.map((p) => ({
      line: p.lineNo,
      type: p.type,
      method: p.method,
      base: fixed(p.base, 2),
      rate: p.rate === null ? null : new D(p.rate).toFixed(),
      unit: p.unit,
      amount: fixed(p.amount, 2),
    })),
    isSecured: d.isSecured,
    permits: [...d.permits]
      .sort((a, b) => a.lineNo - b.lineNo || a.number.localeCompare(b.number))
      .map((p) => ({
        line: p.lineNo,
        number: p.number,
        type: p.type,
        quantity: fixed(p.quantity, 3),
        unit: p.unit,
      })),
    documents: d.documents.map((doc) => ({
      type: doc.type,
      number: doc.number,
      date: dateColumnDay(doc.date),
    })),
  };
}
