// Format-logic control of a whole declaration: the gate run on "check your answers" and again at
// submission. It returns EVERY failure as `{ path, message }` (never only the first), with paths
// equal to the form's field names: header fields by name (`consignorCountry`), items
// `items.<index>.<field>` and documents `documents.<index>.<field>` (0-based index, while messages
// say "item 1" = the line number), whole-collection problems on `items` / `documents`.
//
// The rules of each field are the zod schemas of ./schema.ts and nothing else: the stored draft is
// parsed with them, and each issue becomes a finding worded for this page, which shows no form —
// "the gross mass of item 2", "the date of document 1 (invoice)". A field gets at most one
// finding: its own first; a rule comparing fields runs only once the fields it reads parsed. What
// the control adds:
// - the declarant's TIN (the company's, never entered) and the active posts (`ctx.postCodes`);
// - REGIME: the direction of the regime against the countries (HOME_COUNTRY = UZ);
// - INCOTERM (./incoterm-costs.ts, also checked by the transport step): mirrors lib/duties'
//   INCOTERM_ADDITIONS, so the control and the customs value agree: a cost the Incoterm leaves OUT of the price (added to the customs value) is REQUIRED; a cost it
//   already INCLUDES is FORBIDDEN (it must be left empty, else it looks as if it were counted
//   twice). "Required" means given and ≥ 0: an explicit 0 is a statement by the trader (e.g. no
//   insurance taken out under FOB) and is accepted; questioning it is customs value control's job.
// - TARIFF: each commodity code is in the national tariff, and the quantity is in its unit;
// - INVOICE TOTAL: |invoice total − Σ item invoice values| ≤ INVOICE_TOLERANCE_PER_ITEM × number of
//   items: a supplier's invoice rounds each line to the cent, so each line may carry up to one cent
//   of difference. Checked only when the total and every item value parsed.
// - DATES: no document dated after `ctx.today`, the current date in the service's time zone
//   (Asia/Tashkent; the caller passes lib/time.ts's `serviceDate(now)`) — the documents step
//   checks it too (`documentStepOn`), with the same words;
// - DOCUMENTS: an invoice and a transport document.
import { z } from 'zod';
import { D } from '../money';
import type { FieldError } from '../errors';
import { INVISIBLE_CHARACTERS_MESSAGE } from '../text';
import { HOME_COUNTRY, REGIMES, REGIME_DIRECTION, type DocumentType, type Regime } from '../reference/customs';
import { isCalendarDate } from '../time';
import { negativeMessage, notPositiveMessage, tin, tooLargeMessage, type DecimalProblem } from './fields';
import { incotermCostProblem } from './incoterm-costs';
import {
  DOCUMENT_NAME,
  ZDeclarationHeader,
  ZDeclarationItem,
  ZDocumentReference,
  futureDocumentDateMessage,
  itemList,
} from './schema';

export { isCalendarDate };

/** The header as the control reads it: the form's fields, and the declarant's TIN second. */
const { regime, ...afterRegime } = ZDeclarationHeader.shape;
const ZControlHeader = z.object({ regime, declarantTin: tin, ...afterRegime });
const ZItemCount = itemList(z.unknown());

type HeaderField = keyof typeof ZControlHeader.shape;
type ItemField = keyof typeof ZDeclarationItem.shape;
type DocumentField = keyof typeof ZDocumentReference.shape;

/** The header fields held by the declaration row itself (the TIN is the company's, the post a relation). */
export const ROW_HEADER_FIELDS = Object.keys(ZDeclarationHeader.shape).filter((f) => f !== 'postCode') as Exclude<
  HeaderField,
  'declarantTin' | 'postCode'
>[];
export const ITEM_FIELDS = Object.keys(ZDeclarationItem.shape) as ItemField[];

/** Stored values as text (decimals as their string), null when not given. */
export type ControlItem = Record<ItemField, string | null>;
export type ControlDocument = { type: string } & Record<Exclude<DocumentField, 'type'>, string | null>;
export type ControlDeclaration = Record<HeaderField, string | null> & {
  items: readonly ControlItem[];
  documents: readonly ControlDocument[];
};

export type ControlContext = {
  /** YYYY-MM-DD: the current date in the service's time zone — `serviceDate(now)` of lib/time.ts. */
  today: string;
  /** The national tariff: 10-digit HS codes present in it, with the unit duties are computed in. */
  tariff: ReadonlyMap<string, { supplementaryUnit: string }>;
  /** Active customs post codes; when given, the post code must be one of them. */
  postCodes?: ReadonlySet<string>;
};

/** Allowed difference between the invoice total and the sum of item values, per item (one cent of line rounding each). */
export const INVOICE_TOLERANCE_PER_ITEM = '0.01';

/** The allowed difference for a declaration of `itemCount` items, as a decimal string. */
export function invoiceTolerance(itemCount: number): string {
  return new D(INVOICE_TOLERANCE_PER_ITEM).times(itemCount).toFixed(2);
}

/** Documents every declaration must carry. */
export const REQUIRED_DOCUMENT_TYPES: readonly DocumentType[] = ['INVOICE', 'TRANSPORT_DOCUMENT'];

// ── How a finding is worded ─────────────────────────────────────────────────────────────────
// Only words: what is valid is decided by the schemas. `label` is what the field is called on this
// page; the item's and document's context is added where the finding is made.

type Issue = z.core.$ZodIssue;
type Problem = 'missing' | 'invisible' | 'tooLong' | 'invalid' | 'netMassAboveGrossMass' | DecimalProblem;
type Wording = { label: string; isChoice?: boolean; invalid?: (label: string) => string; example?: string };

const entry = (label: string): Wording => ({ label });
const choose = (label: string, hint = ''): Wording => ({
  label,
  isChoice: true,
  invalid: (l) => `Choose the ${l} from the list${hint}`,
});
const country = (label: string): Wording => ({
  label,
  invalid: (l) => `The ${l} must be an ISO 3166 two-letter country code, like UZ or DE`,
});
const amount = (label: string, example: string): Wording => ({ label, example });
const MASS_EXAMPLE = '125.5';

const HEADER: Record<HeaderField, Wording> = {
  regime: choose('customs regime', ` (${REGIMES.join(', ')})`),
  declarantTin: { label: "declarant's taxpayer number (TIN)", invalid: (l) => `The ${l} must be 9 digits` },
  postCode: { label: 'customs post', isChoice: true, invalid: () => POST_NOT_LISTED },
  consignorName: entry('consignor name'),
  consignorCountry: country('consignor country'),
  consignorAddress: entry('consignor address'),
  consigneeName: entry('consignee name'),
  consigneeCountry: country('consignee country'),
  consigneeAddress: entry('consignee address'),
  dispatchCountry: country('country of dispatch'),
  destinationCountry: country('country of destination'),
  transportMode: choose('mode of transport'),
  transportDocument: entry('transport document number'),
  incoterm: choose('delivery terms (Incoterm)', ', like FOB or CIF'),
  invoiceCurrency: {
    label: 'invoice currency',
    invalid: (l) => `The ${l} must be an ISO 4217 currency code, like USD or EUR`,
  },
  invoiceTotal: amount('invoice total', '1250.50'),
  freight: amount('freight cost', '800.00'),
  insurance: amount('insurance cost', '800.00'),
};

/** Item fields; the finding says "… of item <line>". */
const ITEM: Record<ItemField, Wording> = {
  hsCode: { label: 'commodity code', invalid: (l) => `The ${l} must be 10 digits, like 8471300000` },
  description: entry('description of the goods'),
  originCountry: country('country of origin'),
  grossMass: amount('gross mass', MASS_EXAMPLE),
  netMass: amount('net mass', MASS_EXAMPLE),
  quantity: amount('quantity', MASS_EXAMPLE),
  supplementaryUnit: choose('unit of quantity'),
  invoiceValue: amount('invoice value', '1250.50'),
};

/** Document fields; the finding names the document ("document 1 (invoice)"). */
const DOCUMENT: Record<DocumentField, Wording> = {
  type: choose('type'),
  number: entry('number'),
  date: { label: 'date', invalid: (l) => `The ${l} must be a real date, like 2026-03-15` },
};

const REGIME_NAME: Record<Regime, string> = {
  IM40: 'release for free circulation',
  IM31: 'temporary import',
  IM70: 'customs warehouse',
  EK10: 'export',
  EK31: 'temporary export',
  TR80: 'transit',
};

const POST_NOT_LISTED = 'Choose a customs post from the list';

/** null, '' and whitespace are "not given" (the schemas trim the same way). */
const isBlank = (raw: unknown) => raw == null || (typeof raw === 'string' && raw.trim() === '');

function problemOf(issue: Issue, raw: unknown): Problem {
  if (isBlank(raw)) return 'missing';
  if (issue.code === 'custom' && typeof issue.params?.problem === 'string') return issue.params.problem as Problem;
  if (issue.message === INVISIBLE_CHARACTERS_MESSAGE) return 'invisible';
  if (issue.code === 'too_big') return 'tooLong';
  return 'invalid';
}

/** The finding for a field's own issue. (`netMassAboveGrossMass` is worded where the masses are known.) */
function word(issue: Issue, raw: unknown, wording: Wording, label: string): string {
  const problem = problemOf(issue, raw);
  switch (problem) {
    case 'missing':
      return wording.isChoice ? `Choose the ${label}` : `Enter the ${label}`;
    case 'invisible':
      return `Remove invisible characters from the ${label}`;
    case 'tooLong':
      return `The ${label} must be ${issue.code === 'too_big' ? String(issue.maximum) : ''} characters or fewer`;
    case 'invalid':
    case 'netMassAboveGrossMass':
      return wording.invalid ? wording.invalid(label) : issue.message;
    case 'notANumber':
      return `The ${label} must be a number, like ${wording.example ?? '1250.50'}`;
    case 'tooLarge':
      return tooLargeMessage(label);
    case 'decimals':
      return `The ${label} can have at most ${String((issue as z.core.$ZodIssueCustom).params?.scale)} decimal places`;
    case 'notPositive':
      return notPositiveMessage(label);
    case 'negative':
      return negativeMessage(label);
    default: {
      const never: never = problem;
      return never;
    }
  }
}

// ── Parsing with the schemas ────────────────────────────────────────────────────────────────

type Parsed<T> = { values: Partial<T>; issues: Map<string, Issue> };

/**
 * Parse an object with its schema: the first issue of each field, and the value of every field
 * that parsed — also when others did not, for the rules that compare fields.
 */
function parseObject<S extends z.ZodObject>(schema: S, input: object): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { values: result.data, issues: new Map() };
  const raw = input as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const one = (field as z.ZodType).safeParse(raw[key]);
    if (one.success) values[key] = one.data;
  }
  const issues = new Map<string, Issue>();
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (!issues.has(key)) issues.set(key, issue);
  }
  return { values: values as Partial<z.output<S>>, issues };
}

type Fail = (path: string, message: string) => void;

/**
 * Run the format-logic control on a whole declaration. Returns [] when it may be submitted, else
 * every failure, in form order. Throws only on a programming error (ctx.today not a date).
 */
export function controlDeclaration(d: ControlDeclaration, ctx: ControlContext): FieldError[] {
  if (!isCalendarDate(ctx.today))
    throw new Error(`controlDeclaration: ctx.today must be a YYYY-MM-DD date, got ${JSON.stringify(ctx.today)}`);
  const errors: FieldError[] = [];
  const fail: Fail = (path, message) => errors.push({ path, message });

  // ── Header, in form order ─────────────────────────────────────────────────────────────────
  const { values: h, issues } = parseObject(ZControlHeader, d);
  const own = (field: HeaderField): boolean => {
    const issue = issues.get(field);
    if (issue) fail(field, word(issue, d[field], HEADER[field], HEADER[field].label));
    return Boolean(issue);
  };
  for (const field of Object.keys(ZControlHeader.shape) as HeaderField[]) {
    if (field === 'freight' || field === 'insurance') {
      costByIncoterm(d, field, h.incoterm, issues.get(field), fail);
      continue;
    }
    if (!own(field) && field === 'postCode' && ctx.postCodes && !ctx.postCodes.has(h.postCode!))
      fail('postCode', POST_NOT_LISTED);
    if (field === 'destinationCountry') regimeAndRoute(h, fail);
  }

  // ── Items: 1..999, each checked in full ───────────────────────────────────────────────────
  const count = ZItemCount.safeParse(d.items);
  if (!count.success) {
    const issue = count.error.issues[0];
    fail(
      'items',
      issue.code === 'too_big'
        ? `${issue.message} (this one has ${d.items.length}) — split the goods over several declarations`
        : issue.message,
    );
  }
  let itemSum = new D(0);
  let isItemSumKnown = d.items.length > 0;
  d.items.forEach((item, index) => {
    const value = controlItem(item, index, ctx, fail);
    if (value === undefined) isItemSumKnown = false;
    else itemSum = itemSum.plus(value);
  });

  // Invoice total = Σ item invoice values, within INVOICE_TOLERANCE_PER_ITEM × items.
  if (h.invoiceTotal !== undefined && isItemSumKnown) {
    const total = new D(h.invoiceTotal);
    const tolerance = invoiceTolerance(d.items.length);
    if (total.minus(itemSum).abs().gt(tolerance)) {
      const unit = h.invoiceCurrency ? ` ${h.invoiceCurrency}` : '';
      fail(
        'invoiceTotal',
        `The invoice total (${total.toFixed(2)}${unit}) does not match the sum of the item invoice values (${itemSum.toFixed(2)}${unit}) — correct the total or the item values (a difference of up to ${tolerance} is allowed for rounding)`,
      );
    }
  }

  // ── Documents: each as the documents step takes it, not dated after today; an invoice and a transport document ──
  const present = new Set<string>();
  d.documents.forEach((document, index) => {
    const { values, issues: docIssues } = parseObject(ZDocumentReference, document);
    const n = index + 1;
    if (values.type) present.add(values.type);
    const name = values.type ? `document ${n} (${DOCUMENT_NAME[values.type]})` : `document ${n}`;
    const label: Record<DocumentField, string> = {
      type: `type of document ${n}`,
      number: `number of ${name}`,
      date: `date of ${name}`,
    };
    for (const field of Object.keys(DOCUMENT) as DocumentField[]) {
      const issue = docIssues.get(field);
      if (issue) fail(`documents.${index}.${field}`, word(issue, document[field], DOCUMENT[field], label[field]));
    }
    if (values.date && values.date > ctx.today)
      fail(`documents.${index}.date`, futureDocumentDateMessage(name, ctx.today));
  });
  for (const type of REQUIRED_DOCUMENT_TYPES) {
    if (!present.has(type)) fail('documents', `Add the ${DOCUMENT_NAME[type]} to the documents`);
  }

  return errors;
}

/**
 * The regime against the route, on the countries that parsed, reported in form order:
 *   import (IM40, IM31, IM70): destination = UZ, consignee in UZ, dispatch ≠ UZ;
 *   export (EK10, EK31): dispatch = UZ, consignor in UZ, destination ≠ UZ;
 *   transit (TR80): neither dispatch nor destination is UZ.
 */
function regimeAndRoute(h: Partial<z.output<typeof ZControlHeader>>, fail: Fail): void {
  const { regime, consignorCountry, consigneeCountry, dispatchCountry, destinationCountry } = h;
  if (!regime) return;
  const under = `Under ${regime} (${REGIME_NAME[regime]})`;
  const home = `${HOME_COUNTRY} (Uzbekistan)`;
  const direction = REGIME_DIRECTION[regime];
  switch (direction) {
    case 'IMPORT':
      if (consigneeCountry && consigneeCountry !== HOME_COUNTRY)
        fail(
          'consigneeCountry',
          `${under} the consignee must be in ${home} — check the consignee country or the regime`,
        );
      if (dispatchCountry && dispatchCountry === HOME_COUNTRY)
        fail('dispatchCountry', `${under} the country of dispatch cannot be ${home} — imported goods come from abroad`);
      if (destinationCountry && destinationCountry !== HOME_COUNTRY)
        fail('destinationCountry', `${under} the country of destination must be ${home} — the goods are imported`);
      return;
    case 'EXPORT':
      if (consignorCountry && consignorCountry !== HOME_COUNTRY)
        fail(
          'consignorCountry',
          `${under} the consignor must be in ${home} — check the consignor country or the regime`,
        );
      if (dispatchCountry && dispatchCountry !== HOME_COUNTRY)
        fail('dispatchCountry', `${under} the country of dispatch must be ${home} — the goods are exported`);
      if (destinationCountry && destinationCountry === HOME_COUNTRY)
        fail(
          'destinationCountry',
          `${under} the country of destination cannot be ${home} — exported goods leave the country`,
        );
      return;
    case 'TRANSIT':
      if (dispatchCountry && dispatchCountry === HOME_COUNTRY)
        fail(
          'dispatchCountry',
          `${under} the country of dispatch cannot be ${home} — goods in transit come from abroad`,
        );
      if (destinationCountry && destinationCountry === HOME_COUNTRY)
        fail(
          'destinationCountry',
          `${under} the country of destination cannot be ${home} — goods in transit leave the country`,
        );
      return;
    default: {
      const never: never = direction;
      return never;
    }
  }
}

/**
 * Freight or insurance by Incoterm (INCOTERM_ADDITIONS): not in the price → REQUIRED (given, zero
 * accepted); in the price → FORBIDDEN (left empty, whatever was written); no valid Incoterm yet →
 * only the field's own issue.
 */
function costByIncoterm(
  d: ControlDeclaration,
  field: 'freight' | 'insurance',
  incoterm: z.output<typeof ZControlHeader>['incoterm'] | undefined,
  issue: Issue | undefined,
  fail: Fail,
): void {
  const problem = incotermCostProblem(incoterm, field, !isBlank(d[field]));
  if (problem) fail(field, problem);
  else if (issue) fail(field, word(issue, d[field], HEADER[field], HEADER[field].label));
}

/** Check one item; returns its invoice value when it parsed (for the invoice-total rule). */
function controlItem(item: ControlItem, index: number, ctx: ControlContext, fail: Fail): string | undefined {
  const n = index + 1;
  const { values: v, issues } = parseObject(ZDeclarationItem, item);
  const line = v.hsCode ? ctx.tariff.get(v.hsCode) : undefined;
  for (const field of ITEM_FIELDS) {
    const path = `items.${index}.${field}`;
    const issue = issues.get(field);
    if (
      field === 'supplementaryUnit' &&
      line &&
      !isBlank(item.supplementaryUnit) &&
      v.supplementaryUnit !== line.supplementaryUnit
    ) {
      // Duties are computed in the tariff line's unit: name it, whatever was written.
      const unit = v.supplementaryUnit ?? String(item.supplementaryUnit).trim().toUpperCase();
      fail(
        path,
        `Declare the quantity of item ${n} in ${line.supplementaryUnit}, the unit of commodity code ${v.hsCode} in the tariff (not ${unit})`,
      );
    } else if (issue && problemOf(issue, item[field]) === 'netMassAboveGrossMass') {
      fail(path, `The net mass of item ${n} (${v.netMass} kg) cannot be more than its gross mass (${v.grossMass} kg)`);
    } else if (issue) {
      fail(path, word(issue, item[field], ITEM[field], `${ITEM[field].label} of item ${n}`));
    } else if (field === 'hsCode' && !line) {
      // A code missing from the tariff is an error, never a default rate.
      fail(path, `Commodity code ${v.hsCode} of item ${n} is not in the national tariff — check the code`);
    }
  }
  return v.invoiceValue;
}
