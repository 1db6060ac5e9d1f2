// The DECLARATION document's content, built from a registered declaration. Kept small and stable:
// what the printed declaration shows, nothing that changes with its processing status (so the
// signed document changes only when the declaration's content does, e.g. after an amendment).
import { D } from '../money';
import { TRANSPORT_MODE_CODE, type TransportMode } from '../reference/customs';
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
  items: ReadonlyArray<{
    lineNo: number;
    hsCode: string;
    description: string;
    originCountry: string;
    netMass: DecimalLike;
    quantity: DecimalLike;
    supplementaryUnit: string;
    invoiceValue: DecimalLike;
  }>;
};

const fixed = (value: DecimalLike | null, scale: number) => new D(String(value ?? '0')).toFixed(scale);

export function declarationDocumentPayload(d: DeclarationDocumentSource): DeclarationDocumentPayload {
  if (!d.registrationNumber || !d.registeredAt || !d.post) {
    throw new Error('Only a registered declaration has a signed document.');
  }
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
    items: [...d.items]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((i) => ({
        line: i.lineNo,
        hsCode: i.hsCode,
        description: i.description,
        originCountry: i.originCountry,
        netMassKg: fixed(i.netMass, 3),
        quantity: fixed(i.quantity, 3),
        unit: i.supplementaryUnit,
        invoiceValue: fixed(i.invoiceValue, 2),
      })),
  };
}
