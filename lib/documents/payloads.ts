// What each kind of signed document says: one zod schema per kind, its inferred type the payload
// a caller passes to the server's issueSignedDocument. The payload is the document's content as
// printed, kept small and stable: no internal ids (only public numbers), amounts and quantities
// as decimal strings at a fixed scale, moments as ISO 8601 UTC strings.
import { z } from 'zod';

export const DOCUMENT_KINDS = ['DECLARATION', 'RELEASE_NOTE', 'PERMIT', 'RECEIPT'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const text = z.string().max(1000);
const code = z.string().min(1).max(20);
/** A decimal as text, e.g. "1250.50" (never a float). */
const decimal = z.string().regex(/^-?\d{1,18}(\.\d{1,6})?$/);
const isoMoment = z.iso.datetime();
const isoDate = z.iso.date();
const party = z.object({ name: text, country: code, address: text }).strict();
const company = z.object({ tin: z.string().regex(/^\d{9}$/), name: text }).strict();
const post = z.object({ code, name: text }).strict();

const line = z.number().int().min(1).max(999);
/** A payment of the latest assessment, with how it was computed (method and rate null: not recorded). */
const assessedPayment = z
  .object({
    /** The item's line; null for the processing fee. */
    line: line.nullable(),
    type: z.enum(['DUTY', 'EXCISE', 'VAT', 'FEE']),
    method: code.nullable(),
    base: decimal,
    rate: decimal.nullable(),
    unit: z.string().max(20).nullable(),
    amount: decimal,
  })
  .strict();

// The fields after `items` were added to the printed declaration later (issue 13): optional, so that
// a document issued before them still reads, prints and verifies as it was signed. Every document
// issued now carries them all.
export const ZDeclarationDocumentPayload = z
  .object({
    registrationNumber: code.max(40),
    registeredAt: isoMoment,
    post,
    regime: code,
    declarant: company,
    consignor: party,
    consignee: party,
    dispatchCountry: code,
    destinationCountry: code,
    transport: z.object({ modeCode: code, document: text }).strict(),
    incoterm: code,
    invoice: z.object({ currency: code, total: decimal }).strict(),
    items: z
      .array(
        z
          .object({
            line: z.number().int().min(1).max(999),
            hsCode: code,
            description: text,
            originCountry: code,
            netMassKg: decimal,
            quantity: decimal,
            unit: code,
            invoiceValue: decimal,
            /** UZS, as assessed. */
            customsValue: decimal.nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(999),
    /** Freight and insurance up to the border, in the invoice currency, as declared (null: none). */
    freight: decimal.nullable().optional(),
    insurance: decimal.nullable().optional(),
    /** The total customs value in UZS, as assessed. */
    customsValue: decimal.nullable().optional(),
    /** The latest assessment: every item's duty, excise and VAT, then the processing fee. */
    payments: z.array(assessedPayment).max(3000).optional(),
    /** Duties and taxes secured by a guarantee (transit, temporary import, warehouse), not paid. */
    isSecured: z.boolean().optional(),
    /** The permits linked to each item. */
    permits: z
      .array(z.object({ line, number: z.string().min(1).max(40), type: code, quantity: decimal, unit: code }).strict())
      .max(5000)
      .optional(),
    /** The documents submitted with the declaration. */
    documents: z
      .array(z.object({ type: code, number: text, date: isoDate }).strict())
      .max(999)
      .optional(),
  })
  .strict();
export type DeclarationDocumentPayload = z.infer<typeof ZDeclarationDocumentPayload>;

// The three below are sketches for release, permit issue and payment: their callers may refine
// them (a new field is a new schema version, see README.md) before the first document is issued.

export const ZReleaseNotePayload = z
  .object({
    declarationNumber: code.max(40),
    releasedAt: isoMoment,
    post,
    /** The releasing officer by service number, never by name. */
    officerNumber: code.max(40),
    declarant: company,
    regime: code,
    goods: z
      .object({
        itemCount: z.number().int().min(1).max(999),
        totalNetMassKg: decimal,
        invoiceCurrency: code,
        totalInvoiceValue: decimal,
        items: z
          .array(
            z
              .object({ line: z.number().int().min(1).max(999), hsCode: code, description: text, netMassKg: decimal })
              .strict(),
          )
          .max(999),
      })
      .strict(),
  })
  .strict();
export type ReleaseNotePayload = z.infer<typeof ZReleaseNotePayload>;

export const ZPermitPayload = z
  .object({
    permitNumber: code.max(40),
    permitType: z.object({ code, name: text }).strict(),
    authority: z.object({ code, name: text }).strict(),
    holder: company,
    issuedOn: isoDate,
    /** First day of validity, when it is not the day of issue. */
    validFrom: isoDate.optional(),
    validUntil: isoDate,
    scope: z.enum(['SHIPMENT', 'QUANTITY']),
    /** What the permit grants: for a QUANTITY permit, the quantity written off over its validity. */
    granted: z.object({ quantity: decimal, unit: code }).strict().optional(),
    /** The authority's conditions, in its words. */
    conditions: text.optional(),
    products: z
      .array(z.object({ hsCode: code, description: text, quantity: decimal, unit: code, country: code }).strict())
      .min(1)
      .max(999),
  })
  .strict();
export type PermitPayload = z.infer<typeof ZPermitPayload>;

// RECEIPT, refined by remote payment (issue 6) before its first issue: what moved, and a top-up's gateway.
/** The movements of a personal account that get a receipt. */
export const RECEIPT_MOVEMENTS = [
  'PAYMENT',
  'OVERPAYMENT_CREDIT',
  'TOP_UP',
  'REFUND',
  'PERMIT_FEE',
  'PERMIT_FEE_REFUND',
] as const;
export type ReceiptMovement = (typeof RECEIPT_MOVEMENTS)[number];

export const ZReceiptPayload = z
  .object({
    receiptNumber: code.max(40),
    /** When the account was debited or credited. */
    paidAt: isoMoment,
    payer: company,
    movement: z.enum(RECEIPT_MOVEMENTS),
    /** The declaration the payment is for, when it is for one (a top-up or refund has none). */
    declarationNumber: code.max(40).nullable(),
    /** A permit fee's (or its refund's) application number, e.g. A/SES-FOOD/2026/000042; absent otherwise. */
    permitApplicationNumber: z.string().min(1).max(40).optional(),
    /** A top-up's gateway and the gateway's transaction id. */
    gateway: z
      .object({ name: code, transactionId: z.string().min(1).max(64) })
      .strict()
      .nullable(),
    currency: code,
    /** The amount of the movement (positive). */
    total: decimal,
    /** Per payment type for a payment (a negative line was credited back within it); one line otherwise. */
    lines: z
      .array(z.object({ paymentType: code, amount: decimal }).strict())
      .min(1)
      .max(100),
  })
  .strict();
export type ReceiptPayload = z.infer<typeof ZReceiptPayload>;

export type PayloadOf<K extends DocumentKind> = K extends 'DECLARATION'
  ? DeclarationDocumentPayload
  : K extends 'RELEASE_NOTE'
    ? ReleaseNotePayload
    : K extends 'PERMIT'
      ? PermitPayload
      : K extends 'RECEIPT'
        ? ReceiptPayload
        : never;

export type AnyPayload = { [K in DocumentKind]: { kind: K; payload: PayloadOf<K> } }[DocumentKind];

export function payloadSchema(kind: DocumentKind): z.ZodType {
  switch (kind) {
    case 'DECLARATION':
      return ZDeclarationDocumentPayload;
    case 'RELEASE_NOTE':
      return ZReleaseNotePayload;
    case 'PERMIT':
      return ZPermitPayload;
    case 'RECEIPT':
      return ZReceiptPayload;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** The payload of a kind, parsed; null when it is not one (so a reader never trusts a shape blindly). */
export function parsePayload(kind: DocumentKind, payload: unknown): AnyPayload | null {
  const result = payloadSchema(kind).safeParse(payload);
  return result.success ? ({ kind, payload: result.data } as AnyPayload) : null;
}
