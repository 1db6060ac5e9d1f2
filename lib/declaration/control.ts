// Format-logic control of a whole declaration: the gate run on "check your answers" and again at
// submission. Pure, deterministic and plain (no zod) so that it is fast on 999 items; it returns
// EVERY failure as `{ path, message }` (never only the first), with paths equal to the form's field
// names: header fields by name (`consignorCountry`), items `items.<index>.<field>` and documents
// `documents.<index>.<field>` (0-based index, while messages say "item 1" = the line number),
// whole-collection problems on `items` / `documents`. A field gets at most one message: its own
// format first; a cross-field rule is only checked once the fields it compares are well formed.
//
// Decisions (the rules themselves are listed at each check below):
// - EMPTY. null, '' and whitespace are "not given". Texts are trimmed, country and currency codes
//   upper-cased, and numbers may use a comma as the decimal mark and spaces between thousands —
//   the same normalisation as the zod field schemas (fields.ts), so the form and the gate agree.
// - NUMBERS. Masses (kg) and quantity: > 0, at most 3 decimals. Item invoice values and the invoice
//   total: > 0, at most 2 decimals. Freight and insurance: ≥ 0, at most 2 decimals. At most 15
//   digits before the decimal mark (the database columns). Compared with decimal.js, never floats.
// - INCOTERM. Mirrors lib/duties' INCOTERM_ADDITIONS, so the control and the customs value agree:
//   a cost the Incoterm leaves OUT of the price (added to the customs value) is REQUIRED; a cost it
//   already INCLUDES is FORBIDDEN (it must be left empty, else it looks as if it were counted
//   twice). "Required" means given and ≥ 0: an explicit 0 is a statement by the trader (e.g. no
//   insurance taken out under FOB) and is accepted; questioning it is customs value control's job.
// - INVOICE TOTAL. |invoice total − Σ item invoice values| ≤ INVOICE_TOLERANCE_PER_ITEM × number of
//   items: a supplier's invoice rounds each line to the cent, so each line may carry up to one cent
//   of difference. Checked only when the total and every item value are well formed.
// - DATES. Document dates must be real calendar dates (YYYY-MM-DD) not after `ctx.today`, the
//   current date in the service's time zone (Asia/Tashkent; the caller passes lib/time.ts's
//   `serviceDate(now)`). Documents are the only dated entries of a declaration.
import { D } from '../money';
import type { FieldError } from '../errors';
import { COUNTRY_CODES } from '../reference/countries';
import { CURRENCY_CODES } from '../reference/currencies';
import {
  DOCUMENT_TYPES,
  HOME_COUNTRY,
  INCOTERMS,
  REGIMES,
  REGIME_DIRECTION,
  SUPPLEMENTARY_UNITS,
  TRANSPORT_MODES,
  type DocumentType,
  type Incoterm,
  type Regime,
} from '../reference/customs';
import { INCOTERM_ADDITIONS } from '../duties/calculate';
import { MAX_ITEMS } from './schema';
import { isCalendarDate } from '../time';

export { isCalendarDate };

export type ControlItem = {
  hsCode: string | null;
  description: string | null;
  originCountry: string | null;
  grossMass: string | null;
  netMass: string | null;
  quantity: string | null;
  supplementaryUnit: string | null;
  invoiceValue: string | null;
};

export type ControlDocument = {
  type: string;
  number: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
};

export type ControlDeclaration = {
  regime: string | null;
  declarantTin: string | null;
  postCode: string | null;
  consignorName: string | null;
  consignorCountry: string | null;
  consignorAddress: string | null;
  consigneeName: string | null;
  consigneeCountry: string | null;
  consigneeAddress: string | null;
  dispatchCountry: string | null;
  destinationCountry: string | null;
  transportMode: string | null;
  transportDocument: string | null;
  incoterm: string | null;
  invoiceCurrency: string | null;
  invoiceTotal: string | null;
  freight: string | null;
  insurance: string | null;
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

// Text limits mirror the zod schema (schema.ts) and the database.
const MAX_NAME = 200;
const MAX_ADDRESS = 300;
const MAX_TRANSPORT_DOCUMENT = 60;
const MAX_DESCRIPTION = 500;
const MAX_DOCUMENT_NUMBER = 100;
const MAX_INTEGER_DIGITS = 15;

const REGIME_SET: ReadonlySet<string> = new Set(REGIMES);
const INCOTERM_SET: ReadonlySet<string> = new Set(INCOTERMS);
const TRANSPORT_MODE_SET: ReadonlySet<string> = new Set(TRANSPORT_MODES);
const UNIT_SET: ReadonlySet<string> = new Set(SUPPLEMENTARY_UNITS);
const DOCUMENT_TYPE_SET: ReadonlySet<string> = new Set(DOCUMENT_TYPES);

const REGIME_NAME: Record<Regime, string> = {
  IM40: 'release for free circulation',
  IM31: 'temporary import',
  IM70: 'customs warehouse',
  EK10: 'export',
  EK31: 'temporary export',
  TR80: 'transit',
};

const DOCUMENT_NAME: Record<DocumentType, string> = {
  INVOICE: 'invoice',
  CONTRACT: 'contract',
  PACKING_LIST: 'packing list',
  TRANSPORT_DOCUMENT: 'transport document (CMR, air waybill or bill of lading)',
  CERTIFICATE_OF_ORIGIN: 'certificate of origin',
  PERMIT: 'permit',
  OTHER: 'document',
};

const DECIMAL = /^-?\d+(\.\d+)?$/;
const ZERO = new D(0);

const text = (v: string | null | undefined): string => (v == null ? '' : v.trim());
const code = (v: string | null | undefined): string => text(v).toUpperCase();

type NumberRule = { scale: number; allowZero: boolean; example: string };
const MASS: NumberRule = { scale: 3, allowZero: false, example: '125.5' };
const MONEY: NumberRule = { scale: 2, allowZero: false, example: '1250.50' };
const COST: NumberRule = { scale: 2, allowZero: true, example: '800.00' };

/** A decimal field: its value when well formed, else the message (or 'missing' when not given). */
function parseNumber(raw: string | null, label: string, rule: NumberRule): { value: D } | { error: string; isMissing: boolean } {
  const v = text(raw).replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (v === '') return { error: `Enter the ${label}`, isMissing: true };
  if (!DECIMAL.test(v)) return { error: `The ${label} must be a number, like ${rule.example}`, isMissing: false };
  const [intPart, frac = ''] = v.replace('-', '').split('.');
  if (intPart.replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) return { error: `The ${label} is too large — check the figure`, isMissing: false };
  if (frac.length > rule.scale) return { error: `The ${label} can have at most ${rule.scale} decimal places`, isMissing: false };
  const value = new D(v);
  if (rule.allowZero ? value.isNegative() && !value.isZero() : value.lte(ZERO)) {
    return { error: rule.allowZero ? `The ${label} cannot be negative` : `The ${label} must be greater than 0`, isMissing: false };
  }
  return { value };
}


/**
 * Run the format-logic control on a whole declaration. Returns [] when it may be submitted, else
 * every failure. Throws only on a programming error (ctx.today not a date).
 */
export function controlDeclaration(d: ControlDeclaration, ctx: ControlContext): FieldError[] {
  if (!isCalendarDate(ctx.today)) throw new Error(`controlDeclaration: ctx.today must be a YYYY-MM-DD date, got ${JSON.stringify(ctx.today)}`);
  const errors: FieldError[] = [];
  const fail = (path: string, message: string) => errors.push({ path, message });

  // ── Header ────────────────────────────────────────────────────────────────────────────────
  // Regime: one of the six procedure codes.
  const regimeCode = code(d.regime);
  const regime = REGIME_SET.has(regimeCode) ? (regimeCode as Regime) : null;
  if (!regimeCode) fail('regime', 'Choose the customs regime');
  else if (!regime) fail('regime', `Choose the customs regime from the list (${REGIMES.join(', ')})`);

  // Declarant TIN: exactly 9 digits.
  const tin = text(d.declarantTin);
  if (!tin) fail('declarantTin', "Enter the declarant's taxpayer number (TIN)");
  else if (!/^\d{9}$/.test(tin)) fail('declarantTin', "The declarant's taxpayer number (TIN) must be 9 digits");

  // Customs post: a 5-digit office code, and an active post when the caller lists them.
  const postCode = text(d.postCode);
  if (!postCode) fail('postCode', 'Choose the customs post');
  else if (!/^\d{5}$/.test(postCode) || (ctx.postCodes && !ctx.postCodes.has(postCode))) fail('postCode', 'Choose a customs post from the list');

  // Parties: name, country and address of each, all required.
  requiredText(d.consignorName, 'consignorName', 'consignor name', MAX_NAME, fail);
  const consignorCountry = country(d.consignorCountry, 'consignorCountry', 'consignor country', fail);
  requiredText(d.consignorAddress, 'consignorAddress', 'consignor address', MAX_ADDRESS, fail);
  requiredText(d.consigneeName, 'consigneeName', 'consignee name', MAX_NAME, fail);
  const consigneeCountry = country(d.consigneeCountry, 'consigneeCountry', 'consignee country', fail);
  requiredText(d.consigneeAddress, 'consigneeAddress', 'consignee address', MAX_ADDRESS, fail);
  const dispatchCountry = country(d.dispatchCountry, 'dispatchCountry', 'country of dispatch', fail);
  const destinationCountry = country(d.destinationCountry, 'destinationCountry', 'country of destination', fail);

  // Regime consistent with direction and countries (HOME_COUNTRY = UZ), reported in form order:
  //   import (IM40, IM31, IM70): destination = UZ, consignee in UZ, dispatch ≠ UZ;
  //   export (EK10, EK31): dispatch = UZ, consignor in UZ, destination ≠ UZ;
  //   transit (TR80): neither dispatch nor destination is UZ.
  if (regime) {
    const under = `Under ${regime} (${REGIME_NAME[regime]})`;
    const home = `${HOME_COUNTRY} (Uzbekistan)`;
    switch (REGIME_DIRECTION[regime]) {
      case 'IMPORT':
        if (consigneeCountry && consigneeCountry !== HOME_COUNTRY) fail('consigneeCountry', `${under} the consignee must be in ${home} — check the consignee country or the regime`);
        if (dispatchCountry && dispatchCountry === HOME_COUNTRY) fail('dispatchCountry', `${under} the country of dispatch cannot be ${home} — imported goods come from abroad`);
        if (destinationCountry && destinationCountry !== HOME_COUNTRY) fail('destinationCountry', `${under} the country of destination must be ${home} — the goods are imported`);
        break;
      case 'EXPORT':
        if (consignorCountry && consignorCountry !== HOME_COUNTRY) fail('consignorCountry', `${under} the consignor must be in ${home} — check the consignor country or the regime`);
        if (dispatchCountry && dispatchCountry !== HOME_COUNTRY) fail('dispatchCountry', `${under} the country of dispatch must be ${home} — the goods are exported`);
        if (destinationCountry && destinationCountry === HOME_COUNTRY) fail('destinationCountry', `${under} the country of destination cannot be ${home} — exported goods leave the country`);
        break;
      case 'TRANSIT':
        if (dispatchCountry && dispatchCountry === HOME_COUNTRY) fail('dispatchCountry', `${under} the country of dispatch cannot be ${home} — goods in transit come from abroad`);
        if (destinationCountry && destinationCountry === HOME_COUNTRY) fail('destinationCountry', `${under} the country of destination cannot be ${home} — goods in transit leave the country`);
        break;
      default: {
        const never: never = REGIME_DIRECTION[regime];
        return never;
      }
    }
  }

  // Transport: a mode from the list and the vehicle / transport document number.
  const mode = code(d.transportMode);
  if (!mode) fail('transportMode', 'Choose the mode of transport');
  else if (!TRANSPORT_MODE_SET.has(mode)) fail('transportMode', 'Choose the mode of transport from the list');
  requiredText(d.transportDocument, 'transportDocument', 'transport document number', MAX_TRANSPORT_DOCUMENT, fail);

  // Delivery terms and invoice: Incoterms 2020, ISO 4217 currency, total > 0 with 2 decimals.
  const incotermCode = code(d.incoterm);
  const incoterm = INCOTERM_SET.has(incotermCode) ? (incotermCode as Incoterm) : null;
  if (!incotermCode) fail('incoterm', 'Choose the delivery terms (Incoterm)');
  else if (!incoterm) fail('incoterm', 'Choose the delivery terms (Incoterm) from the list, like FOB or CIF');

  const currency = code(d.invoiceCurrency);
  if (!currency) fail('invoiceCurrency', 'Enter the invoice currency');
  else if (!CURRENCY_CODES.has(currency)) fail('invoiceCurrency', 'The invoice currency must be an ISO 4217 currency code, like USD or EUR');

  const total = parseNumber(d.invoiceTotal, 'invoice total', MONEY);
  if ('error' in total) fail('invoiceTotal', total.error);

  // Freight and insurance by Incoterm (see INCOTERM below and the header of this file).
  costByIncoterm(d.freight, 'freight', 'freight cost', incoterm, incoterm ? INCOTERM_ADDITIONS[incoterm].freight : null, fail);
  costByIncoterm(d.insurance, 'insurance', 'insurance cost', incoterm, incoterm ? INCOTERM_ADDITIONS[incoterm].insurance : null, fail);

  // ── Items: 1..999, each checked in full ───────────────────────────────────────────────────
  if (d.items.length === 0) fail('items', 'Add at least one item');
  else if (d.items.length > MAX_ITEMS) fail('items', `A declaration can have at most ${MAX_ITEMS} items (this one has ${d.items.length}) — split the goods over several declarations`);

  let itemSum = new D(0);
  let isItemSumKnown = d.items.length > 0;
  d.items.forEach((item, index) => {
    const value = controlItem(item, index, ctx, fail);
    if (value) itemSum = itemSum.plus(value);
    else isItemSumKnown = false;
  });

  // Invoice total = Σ item invoice values, within INVOICE_TOLERANCE_PER_ITEM × items.
  if ('value' in total && isItemSumKnown) {
    const tolerance = invoiceTolerance(d.items.length);
    if (total.value.minus(itemSum).abs().gt(tolerance)) {
      const unit = CURRENCY_CODES.has(currency) ? ` ${currency}` : '';
      fail(
        'invoiceTotal',
        `The invoice total (${total.value.toFixed(2)}${unit}) does not match the sum of the item invoice values (${itemSum.toFixed(2)}${unit}) — correct the total or the item values (a difference of up to ${tolerance} is allowed for rounding)`,
      );
    }
  }

  // ── Documents: type, number, a real date not in the future; an invoice and a transport document ──
  const present = new Set<string>();
  d.documents.forEach((doc, index) => {
    const n = index + 1;
    const type = code(doc.type);
    const isKnown = DOCUMENT_TYPE_SET.has(type);
    if (isKnown) present.add(type);
    const name = isKnown ? `document ${n} (${DOCUMENT_NAME[type as DocumentType]})` : `document ${n}`;
    if (!type) fail(`documents.${index}.type`, `Choose the type of document ${n}`);
    else if (!isKnown) fail(`documents.${index}.type`, `Choose the type of document ${n} from the list`);
    requiredText(doc.number, `documents.${index}.number`, `number of ${name}`, MAX_DOCUMENT_NUMBER, fail);
    const date = text(doc.date);
    if (!date) fail(`documents.${index}.date`, `Enter the date of ${name}`);
    else if (!isCalendarDate(date)) fail(`documents.${index}.date`, `The date of ${name} must be a real date, like 2026-03-15`);
    else if (date > ctx.today) fail(`documents.${index}.date`, `The date of ${name} cannot be in the future (today is ${ctx.today})`);
  });
  for (const type of REQUIRED_DOCUMENT_TYPES) {
    if (!present.has(type)) fail('documents', `Add the ${DOCUMENT_NAME[type]} to the documents`);
  }

  return errors;
}

type Fail = (path: string, message: string) => void;

function requiredText(raw: string | null, path: string, label: string, max: number, fail: Fail): void {
  const v = text(raw);
  if (!v) fail(path, `Enter the ${label}`);
  else if (v.length > max) fail(path, `The ${label} must be ${max} characters or fewer`);
}

/** An ISO 3166 alpha-2 code; returns the code when valid, else null (after reporting). */
function country(raw: string | null, path: string, label: string, fail: Fail): string | null {
  const v = code(raw);
  if (!v) fail(path, `Enter the ${label}`);
  else if (!COUNTRY_CODES.has(v)) fail(path, `The ${label} must be an ISO 3166 two-letter country code, like UZ or DE`);
  else return v;
  return null;
}

/**
 * Freight or insurance by Incoterm. `isAdded` (from INCOTERM_ADDITIONS): true → the cost is not in
 * the price, so it is REQUIRED (≥ 0, zero accepted); false → it is in the price, so it is FORBIDDEN
 * (must be empty); null → no valid Incoterm yet, so only the format of a given figure is checked.
 */
function costByIncoterm(raw: string | null, path: string, label: string, incoterm: Incoterm | null, isAdded: boolean | null, fail: Fail): void {
  const parsed = parseNumber(raw, label, COST);
  const isGiven = !('error' in parsed && parsed.isMissing);
  if (isAdded === false && isGiven) {
    fail(path, `Leave the ${label} empty: under ${incoterm} it is already in the invoice price, so it would be counted twice`);
  } else if (isAdded === true && !isGiven) {
    fail(path, `Enter the ${label}: under ${incoterm} it is not in the invoice price (enter 0 if there was none)`);
  } else if (isGiven && 'error' in parsed) {
    fail(path, parsed.error);
  }
}

/** Check one item; returns its invoice value when well formed (for the invoice-total rule). */
function controlItem(item: ControlItem, index: number, ctx: ControlContext, fail: Fail): D | null {
  const n = index + 1;
  const at = (field: keyof ControlItem) => `items.${index}.${field}`;

  // Commodity code: 10 digits and present in the national tariff (a code missing from the tariff
  // is an error, never a default rate).
  const hs = text(item.hsCode);
  const line = /^\d{10}$/.test(hs) ? ctx.tariff.get(hs) : undefined;
  if (!hs) fail(at('hsCode'), `Enter the commodity code of item ${n}`);
  else if (!/^\d{10}$/.test(hs)) fail(at('hsCode'), `The commodity code of item ${n} must be 10 digits, like 8471300000`);
  else if (!line) fail(at('hsCode'), `Commodity code ${hs} of item ${n} is not in the national tariff — check the code`);

  requiredText(item.description, at('description'), `description of the goods of item ${n}`, MAX_DESCRIPTION, fail);
  country(item.originCountry, at('originCountry'), `country of origin of item ${n}`, fail);

  // Masses: kg, > 0, 3 decimals; the net mass cannot exceed the gross mass.
  const gross = parseNumber(item.grossMass, `gross mass of item ${n}`, MASS);
  if ('error' in gross) fail(at('grossMass'), gross.error);
  const net = parseNumber(item.netMass, `net mass of item ${n}`, MASS);
  if ('error' in net) fail(at('netMass'), net.error);
  else if ('value' in gross && net.value.gt(gross.value)) {
    fail(at('netMass'), `The net mass of item ${n} (${net.value.toFixed()} kg) cannot be more than its gross mass (${gross.value.toFixed()} kg)`);
  }

  // Quantity: > 0, 3 decimals, in the tariff line's supplementary unit (duties are computed in it).
  const quantity = parseNumber(item.quantity, `quantity of item ${n}`, MASS);
  if ('error' in quantity) fail(at('quantity'), quantity.error);
  const unit = code(item.supplementaryUnit);
  if (!unit) fail(at('supplementaryUnit'), `Choose the unit of quantity of item ${n}`);
  else if (line && unit !== line.supplementaryUnit) {
    fail(at('supplementaryUnit'), `Declare the quantity of item ${n} in ${line.supplementaryUnit}, the unit of commodity code ${hs} in the tariff (not ${unit})`);
  } else if (!line && !UNIT_SET.has(unit)) fail(at('supplementaryUnit'), `Choose the unit of quantity of item ${n} from the list`);

  // Invoice value: > 0, 2 decimals.
  const value = parseNumber(item.invoiceValue, `invoice value of item ${n}`, MONEY);
  if ('error' in value) {
    fail(at('invoiceValue'), value.error);
    return null;
  }
  return value.value;
}
