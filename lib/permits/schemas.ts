// Every input of the permit area, one zod schema per form or API body, shared by the form, the
// server action and the use case alike. Messages name the field in plain words. Rules that need
// the database or the clock (does the type cover this code, does the validity end in the past) are
// pure functions of their own (application.ts, issue.ts) that the server calls with what it read.
import { z } from 'zod';
import { DIRECTIONS, SUPPLEMENTARY_UNITS } from '../reference/customs';
import { countryCode, decimalString, hsCode, optionalText, requiredText } from '../declaration/fields';
import { isCalendarDate } from '../time';
import { text } from '../text';

export const PERMIT_SCOPES = ['SHIPMENT', 'QUANTITY'] as const;
export const PERMIT_TYPE_CODE_MAX = 12;

/** `PQ-IMP`, `SES-FOOD`: capital letters and digits in hyphenated parts, at most 12 characters. */
export const ZPermitTypeCode = z
  .string({ error: 'Enter the code of the permit type' })
  .trim()
  .toUpperCase()
  .refine((v) => v.length > 0, { error: 'Enter the code of the permit type' })
  .refine((v) => v.length === 0 || (v.length <= PERMIT_TYPE_CODE_MAX && /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/.test(v)), {
    error: `The code must be capital letters and digits in parts joined by hyphens, at most ${PERMIT_TYPE_CODE_MAX} characters, like PQ-IMP`,
  });

const isoDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .refine((v) => v.length > 0, { error: `Enter the ${label}` })
    .refine((v) => v.length === 0 || isCalendarDate(v), { error: `The ${label} must be a real date, like 2026-11-28` });

const unit = z.enum(SUPPLEMENTARY_UNITS, { error: 'Choose the unit of quantity' });

// ───────────── Trader: the application ─────────────

export const ZStartApplication = z.object({
  permitTypeCode: text({ error: 'Choose the permit type' })
    .min(1, { error: 'Choose the permit type' })
    .max(PERMIT_TYPE_CODE_MAX, { error: 'Choose the permit type' }),
  purpose: requiredText('purpose of the import or export', 500, { isMultiline: true }),
  /** Needed only for a type of several directions (applicationDirection says which); empty = not chosen. */
  direction: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.enum(DIRECTIONS, { error: 'Choose import, export or transit' }).optional(),
  ),
});
export type StartApplicationInput = z.input<typeof ZStartApplication>;

/** One product of an application. `country` is the country of origin (import, transit) or destination (export). */
export const ZApplicationProduct = z.object({
  hsCode,
  description: requiredText('product description', 300),
  quantity: decimalString('quantity', { scale: 3, isPositive: true }),
  unit,
  country: countryCode('country of origin or destination'),
});
export type ApplicationProductInput = z.input<typeof ZApplicationProduct>;
export type ApplicationProduct = z.output<typeof ZApplicationProduct>;

/** The declaration line an application is started from (bound into the action, and the apply page's query). */
export const ZDeclarationLineRef = z.object({
  declarationId: z.uuid({ error: 'Unknown declaration' }),
  lineNo: z.coerce
    .number({ error: 'Unknown line of the declaration' })
    .int({ error: 'Unknown line of the declaration' })
    .min(1, { error: 'Unknown line of the declaration' })
    .max(999, { error: 'Unknown line of the declaration' }),
});

/** "Apply for a permit" from a declaration line: the application and its first product in one form. */
export const ZStartApplicationForLine = ZStartApplication.extend(ZApplicationProduct.shape);
export type StartApplicationForLineInput = z.input<typeof ZStartApplicationForLine>;

/**
 * The apply page's query: `?declaration=<id>&line=<n>` (and optionally `type=<code>`) prefill the form
 * from that line. Anything malformed is dropped (the plain form), never an error.
 */
export const ZApplyQuery = z.object({
  declaration: z.uuid().optional().catch(undefined),
  line: z.coerce.number().int().min(1).max(999).optional().catch(undefined),
  type: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/)
    .max(PERMIT_TYPE_CODE_MAX)
    .optional()
    .catch(undefined),
});

/** Which document an uploaded file is: one of the type's required documents, or OTHER_DOCUMENT. */
export const OTHER_DOCUMENT = 'Other document';
export const ZApplicationDocument = z.object({
  documentType: text({ error: 'Choose which document this is' })
    .min(1, { error: 'Choose which document this is' })
    .max(100, { error: 'Choose which document this is' }),
});

export const ZAnswer = z.object({ message: requiredText('answer', 2000, { isMultiline: true }) });
export const ZWithdrawApplication = z.object({ reason: optionalText(500, { isMultiline: true }) });

// ───────────── Agency officer: decisions ─────────────

export const ZInformationRequest = z.object({
  message: requiredText('question to the trader', 2000, { isMultiline: true }),
});
export const ZRefusal = z.object({ reason: requiredText('reason for the refusal', 1000, { isMultiline: true }) });
export const ZRevocation = z.object({
  reason: requiredText('reason for revoking the permit', 1000, { isMultiline: true }),
});

/**
 * The permit as the officer issues it. The number is given by the portal (see numbering.ts);
 * `issueProblems` adds the checks that need today's date and the type's validity.
 */
export const ZIssuePermit = z.object({
  validFrom: isoDate('first day of validity'),
  validTo: isoDate('last day of validity'),
  quantity: decimalString('quantity', { scale: 3, isPositive: true }),
  unit,
  conditions: optionalText(1000, { isMultiline: true }),
});
export type IssuePermitInput = z.input<typeof ZIssuePermit>;
export type IssuePermit = z.output<typeof ZIssuePermit>;

// ───────────── Trader: linking permits to declaration items ─────────────

export const ZLinkPermit = z.object({
  lineNo: z.coerce
    .number({ error: 'Choose the item' })
    .int({ error: 'Choose the item' })
    .min(1, { error: 'Choose the item' })
    .max(999, { error: 'Choose the item' }),
  permitId: z.uuid({ error: 'Choose a permit' }),
});
export const ZUnlinkPermit = z.object({ linkId: z.uuid({ error: 'Unknown link' }) });

// ───────────── Administrator: the catalogue ─────────────

const list = (v: unknown, separator: RegExp) =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(separator) : v;

/** HS prefixes as text ("06 07 4401", commas too) or a list: 2, 4 or 6 digits each, no duplicates. */
export const ZHsPrefixes = z.preprocess(
  (v) => {
    const items = list(v, /[\s,;]+/);
    return Array.isArray(items) ? items.map((s) => s.trim()).filter(Boolean) : items;
  },
  z
    .array(z.string(), { error: 'Enter the HS prefixes' })
    .superRefine((prefixes, ctx) => {
      if (prefixes.length === 0) ctx.addIssue({ code: 'custom', message: 'Enter at least one HS prefix, like 0808' });
      if (prefixes.length > 100) ctx.addIssue({ code: 'custom', message: 'Enter at most 100 HS prefixes' });
      const bad = prefixes.filter((p) => !/^\d{2}(\d{2}){0,2}$/.test(p));
      if (bad.length)
        ctx.addIssue({
          code: 'custom',
          message: `Each HS prefix must be 2, 4 or 6 digits: ${bad.slice(0, 5).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not`,
        });
    })
    .transform((prefixes) => [...new Set(prefixes)]),
);

/** Required documents, one per line (or a list): at most 20, each at most 100 characters. */
export const ZRequiredDocuments = z.preprocess(
  (v) => {
    const items = list(v ?? [], /\r?\n/);
    return Array.isArray(items) ? items.map((s) => s.trim().replace(/\s+/g, ' ')).filter(Boolean) : items;
  },
  z
    .array(text().max(100, { error: 'Each required document must be 100 characters or fewer' }), {
      error: 'Enter the required documents, one per line',
    })
    .max(20, { error: 'Enter at most 20 required documents' })
    .refine((docs) => !docs.some((d) => d.toLowerCase() === OTHER_DOCUMENT.toLowerCase()), {
      error: `"${OTHER_DOCUMENT}" is offered anyway; name the documents the authority needs`,
    })
    .transform((docs) => [...new Set(docs)]),
);

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const ZPermitTypeForm = z.object({
  name: requiredText('name of the permit type', 200),
  authorityCode: text({ error: 'Choose the authority' })
    .min(1, { error: 'Choose the authority' })
    .max(10, { error: 'Choose the authority' }),
  directions: z.preprocess(
    (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(DIRECTIONS, { error: 'Choose import, export or transit' }))
      .min(1, { error: 'Choose at least one direction' }),
  ),
  hsPrefixes: ZHsPrefixes,
  validityDays: z.preprocess(
    (v) => (typeof v === 'string' ? (/^\s*\d{1,6}\s*$/.test(v) ? Number(v) : v.trim() === '' ? undefined : NaN) : v),
    z
      .number({ error: 'Enter the validity in days, a whole number from 1 to 3650' })
      .int({ error: 'Enter the validity in days, a whole number from 1 to 3650' })
      .min(1, { error: 'Enter the validity in days, a whole number from 1 to 3650' })
      .max(3650, { error: 'Enter the validity in days, a whole number from 1 to 3650' }),
  ),
  scope: z.enum(PERMIT_SCOPES, { error: 'Choose the scope: one shipment or a quantity over the validity' }),
  requiredDocuments: ZRequiredDocuments,
  fee: decimalString('fee', { scale: 2, isPositive: true, allowZero: true }),
  /** The fee's refund rule: credited back when the application is refused or withdrawn after submission. */
  isFeeRefundable: checkbox,
  isActive: checkbox,
});
export type PermitTypeFormInput = z.input<typeof ZPermitTypeForm>;
export type PermitTypeForm = z.output<typeof ZPermitTypeForm>;

export const ZNewPermitType = ZPermitTypeForm.extend({ code: ZPermitTypeCode });
export type NewPermitTypeInput = z.input<typeof ZNewPermitType>;

/** The desk's SLA target (a Setting), in working days. */
export const ZSlaSetting = z.object({
  workingDays: z.preprocess(
    (v) => (typeof v === 'string' ? (/^\s*\d{1,3}\s*$/.test(v) ? Number(v) : v.trim() === '' ? undefined : NaN) : v),
    z
      .number({ error: 'Enter the target in working days, a whole number from 1 to 30' })
      .int({ error: 'Enter the target in working days, a whole number from 1 to 30' })
      .min(1, { error: 'Enter the target in working days, a whole number from 1 to 30' })
      .max(30, { error: 'Enter the target in working days, a whole number from 1 to 30' }),
  ),
});

// ───────────── Lists (query strings: a bad value falls back, never fails) ─────────────

export const DESK_FILTERS = ['OPEN', 'SUBMITTED', 'INFO_REQUESTED', 'ISSUED', 'REFUSED', 'WITHDRAWN'] as const;
export type DeskFilter = (typeof DESK_FILTERS)[number];

export const ZDeskQuery = z.object({
  status: z.enum(DESK_FILTERS).default('OPEN').catch('OPEN'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
export type DeskQuery = z.output<typeof ZDeskQuery>;

export const ZTraderPermitsQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  apage: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});

// ───────────── Identifiers bound into actions and routes ─────────────

export const ZApplicationId = z.object({ applicationId: z.uuid({ error: 'Unknown application' }) });
export const ZPermitId = z.object({ permitId: z.uuid({ error: 'Unknown permit' }) });
export const ZProductId = z.object({ productId: z.uuid({ error: 'Unknown product' }) });
export const ZApplicationDocumentId = z.object({ documentId: z.uuid({ error: 'Unknown document' }) });
export const ZPermitTypeCodeParam = z.object({ code: ZPermitTypeCode });
