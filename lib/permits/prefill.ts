// What "Apply for a permit" on a declaration line puts in the application form. Pure.
//
// THE TYPE. The line's requirements (requirements.ts: by HS code and the regime's direction) give
//   the types that can serve it; the form offers only those. It starts with the type asked for (a
//   link may name one) when the line needs it, else the first type of the first requirement no
//   linked permit answers yet, else the first type. A line that needs no permit gets no type.
// THE DIRECTION. The regime's (IM40 import, EK10 export, TR80 transit, ...): a permit serves only
//   declarations of its own direction.
// THE PRODUCT. HS code, description and quantity of the line; the country is the origin for an
//   import or transit, the declaration's destination for an export.
// THE QUANTITY'S UNIT. A permit for these goods must count in the unit the declaration line is
//   written off in, which the declaration's control requires to be the tariff's unit of the
//   commodity code (the catalogue has no unit of its own: SES-FOOD permits count kilograms of
//   cheese and litres of wine). So the quantity is given in the tariff's unit (the line's own unit
//   when the code is not in the tariff). When the line is in another unit, the quantity is
//   converted only where the conversion is exact (pieces ↔ thousands of pieces); otherwise (litres
//   → kilograms, pieces → kilograms) it is left empty and the form says why: the trader enters it,
//   nothing is guessed.
import { D } from '../money';
import { REGIME_DIRECTION, type Direction, type Regime } from '../reference/customs';
import { requirementsFor, type PermitTypeRule, type Requirement } from './requirements';

/**
 * The page that applies for a permit prefilled from a declaration line: `/trader/permits/apply?
 * declaration=<declarationId>&line=<lineNo>` (optionally `&type=<code>` to start with that type).
 * Every "Apply for a permit" link of a line is built here.
 */
export function applyForLineHref(declarationId: string, lineNo: number, typeCode?: string): string {
  const query = new URLSearchParams({ declaration: declarationId, line: String(lineNo) });
  if (typeCode) query.set('type', typeCode);
  return `/trader/permits/apply?${query.toString()}`;
}

/** Exact factors between supplementary units (from → to); any other pair of different units has none. */
const FACTORS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  PCS: { '1000PCS': '0.001' },
  '1000PCS': { PCS: '1000' },
};

/** The application's quantities have at most 3 decimals. */
const QUANTITY_SCALE = 3;

/**
 * `quantity` (a decimal string in `from`) in `to`, when the conversion is known and exact at 3
 * decimals; null otherwise (never a guess).
 */
export function convertQuantity(quantity: string, from: string, to: string): string | null {
  const value = quantity.trim();
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  const source = from.trim().toUpperCase();
  const target = to.trim().toUpperCase();
  const factor = source === target ? '1' : FACTORS[source]?.[target];
  if (!factor) return null;
  const converted = new D(value).times(factor);
  if (converted.decimalPlaces() > QUANTITY_SCALE || converted.lte(0)) return null;
  return converted.toFixed();
}

export type DeclarationLine = {
  lineNo: number;
  hsCode: string;
  description: string;
  originCountry: string;
  /** In `unit`; a decimal string. */
  quantity: string;
  /** The line's supplementary unit. */
  unit: string;
};

/** How the form's quantity was found. */
export type QuantityPrefill =
  | { kind: 'AS_DECLARED' }
  | { kind: 'CONVERTED'; declared: string; declaredUnit: string }
  | { kind: 'UNKNOWN'; declared: string; declaredUnit: string };

export type LinePrefill = {
  direction: Direction;
  requirements: Requirement[];
  /** Every type that can serve the line, in requirement order: the form's choice. */
  typeCodes: string[];
  /** The type the form starts with; null when the line needs no permit. */
  typeCode: string | null;
  product: { hsCode: string; description: string; quantity: string; unit: string; country: string };
  quantity: QuantityPrefill;
};

const PRODUCT_DESCRIPTION_MAX = 300;

export function linePrefill(args: {
  line: DeclarationLine;
  regime: Regime;
  /** The declaration's country of destination (an export's product country); null when not given yet. */
  destinationCountry: string | null;
  catalogue: readonly PermitTypeRule[];
  /** The tariff's unit of the line's commodity code; null when the code is not in the tariff. */
  tariffUnit: string | null;
  /** Types of the permits already linked to the line. */
  linkedTypeCodes: readonly string[];
  /** A type the link asked for (ignored unless the line needs it). */
  chosenType?: string | null;
}): LinePrefill {
  const { line, regime, catalogue } = args;
  const direction = REGIME_DIRECTION[regime];
  const hsCode = line.hsCode.trim();
  const rules = catalogue.filter((r) => r.isActive !== false);
  const requirements = requirementsFor(hsCode, direction, rules);
  const typeCodes = requirements.flatMap((r) => r.alternatives);
  const linked = new Set(args.linkedTypeCodes);
  const open = requirements.find((r) => !r.alternatives.some((code) => linked.has(code)));
  const chosen = args.chosenType?.trim().toUpperCase();
  const typeCode =
    chosen && typeCodes.includes(chosen) ? chosen : (open?.alternatives[0] ?? requirements[0]?.alternatives[0] ?? null);

  const declaredUnit = line.unit.trim().toUpperCase();
  const unit = (args.tariffUnit ?? declaredUnit).trim().toUpperCase();
  const converted = convertQuantity(line.quantity, declaredUnit, unit);
  const quantity: QuantityPrefill =
    unit === declaredUnit
      ? { kind: 'AS_DECLARED' }
      : converted === null
        ? { kind: 'UNKNOWN', declared: line.quantity.trim(), declaredUnit }
        : { kind: 'CONVERTED', declared: line.quantity.trim(), declaredUnit };

  const country = direction === 'EXPORT' ? (args.destinationCountry ?? '') : line.originCountry;
  return {
    direction,
    requirements,
    typeCodes,
    typeCode,
    product: {
      hsCode,
      description: line.description.replace(/\s+/g, ' ').trim().slice(0, PRODUCT_DESCRIPTION_MAX),
      quantity: converted ?? '',
      unit,
      country: country.trim().toUpperCase(),
    },
    quantity,
  };
}
