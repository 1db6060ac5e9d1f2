// The declaration as the trader enters it: one schema per form, shared by the form (client-side
// hints), the server action and the API route alike. Amounts stay decimal strings. These are the
// only rules of each field: the format-logic control (./control.ts) parses the stored draft with
// them and adds the rules that compare fields or need the tariff, the posts or today.
import { z } from 'zod';
import {
  REGIMES,
  TRANSPORT_MODES,
  INCOTERMS,
  SUPPLEMENTARY_UNITS,
  DOCUMENT_TYPES,
  type DocumentType,
} from '../reference/customs';
import { D } from '../money';
import { isCalendarDate } from '../time';
import { whenValid } from '../validation';
import {
  choice,
  countryCode,
  currencyCode,
  decimalString,
  optionalDecimalString,
  requiredText,
  hsCode,
} from './fields';

export const ZDeclarationHeader = z.object({
  regime: choice(REGIMES, 'customs regime'),
  postCode: z
    .string({ error: 'Choose the customs post' })
    .trim()
    .regex(/^\d{5}$/, { error: 'Choose the customs post' }),
  consignorName: requiredText('consignor name', 200),
  consignorCountry: countryCode('consignor country'),
  consignorAddress: requiredText('consignor address', 300),
  consigneeName: requiredText('consignee name', 200),
  consigneeCountry: countryCode('consignee country'),
  consigneeAddress: requiredText('consignee address', 300),
  dispatchCountry: countryCode('country of dispatch'),
  destinationCountry: countryCode('country of destination'),
  transportMode: choice(TRANSPORT_MODES, 'mode of transport'),
  transportDocument: requiredText('transport document number', 60),
  incoterm: choice(INCOTERMS, 'delivery terms (Incoterm)'),
  invoiceCurrency: currencyCode('invoice currency'),
  invoiceTotal: decimalString('invoice total', { scale: 2, isPositive: true }),
  freight: optionalDecimalString('freight cost', { scale: 2, isPositive: true, allowZero: true }),
  insurance: optionalDecimalString('insurance cost', { scale: 2, isPositive: true, allowZero: true }),
});
export type DeclarationHeaderInput = z.input<typeof ZDeclarationHeader>;
export type DeclarationHeader = z.output<typeof ZDeclarationHeader>;

export const ZDeclarationItem = z
  .object({
    hsCode,
    // Multi-line: a CSV import may carry a description over several lines.
    description: requiredText('goods description', 500, { isMultiline: true }),
    originCountry: countryCode('country of origin'),
    grossMass: decimalString('gross mass', { scale: 3, isPositive: true }),
    netMass: decimalString('net mass', { scale: 3, isPositive: true }),
    quantity: decimalString('quantity', { scale: 3, isPositive: true }),
    supplementaryUnit: choice(SUPPLEMENTARY_UNITS, 'unit of quantity'),
    invoiceValue: decimalString('item invoice value', { scale: 2, isPositive: true }),
  })
  .superRefine(
    (item, ctx) => {
      if (new D(item.netMass).gt(item.grossMass)) {
        ctx.addIssue({
          code: 'custom',
          path: ['netMass'],
          message: 'The net mass cannot be more than the gross mass',
          params: { problem: 'netMassAboveGrossMass' },
        });
      }
    },
    whenValid('grossMass', 'netMass'),
  );
export type DeclarationItemInput = z.input<typeof ZDeclarationItem>;
export type DeclarationItem = z.output<typeof ZDeclarationItem>;

export const MAX_ITEMS = 999;

/** The items of one declaration: 1..MAX_ITEMS of `item` (the control counts them with `z.unknown()`). */
export const itemList = <T extends z.ZodType>(item: T) =>
  z
    .array(item, { error: 'Add at least one item' })
    .min(1, { error: 'Add at least one item' })
    .max(MAX_ITEMS, { error: `A declaration can have at most ${MAX_ITEMS} items` });

export { isCalendarDate };

/** How a finding names a document of each type. */
export const DOCUMENT_NAME: Record<DocumentType, string> = {
  INVOICE: 'invoice',
  CONTRACT: 'contract',
  PACKING_LIST: 'packing list',
  TRANSPORT_DOCUMENT: 'transport document (CMR, air waybill or bill of lading)',
  CERTIFICATE_OF_ORIGIN: 'certificate of origin',
  PERMIT: 'permit',
  OTHER: 'document',
};

/** A document dated after today (the service's date): said by the documents step and the control alike. */
export const futureDocumentDateMessage = (name: string, today: string) =>
  `The date of ${name} cannot be in the future (today is ${today})`;

/** A document the declaration refers to (invoice, contract, transport document…), without its file. */
export const ZDocumentReference = z.object({
  type: choice(DOCUMENT_TYPES, 'type of document'),
  number: requiredText('document number', 60),
  date: z
    .string({ error: 'Enter the date of the document' })
    .trim()
    .refine((v) => v.length > 0, { error: 'Enter the date of the document' })
    .refine((v) => v.length === 0 || isCalendarDate(v), { error: 'Enter a real date, like 2026-11-28' }),
});

/** A whole declaration in one body (the API): header, items and the documents' references. */
export const ZDeclarationDraft = ZDeclarationHeader.extend({
  documents: z.array(ZDocumentReference).max(50, { error: 'At most 50 documents' }).default([]),
  items: itemList(ZDeclarationItem),
});
export type DeclarationDraftInput = z.input<typeof ZDeclarationDraft>;
export type DeclarationDraft = z.output<typeof ZDeclarationDraft>;

export const ZDeclarationId = z.object({ declarationId: z.uuid({ error: 'Unknown declaration' }) });
