// A permit application's life, and what the trader's products must satisfy. Pure.
//
//   DRAFT ──submit──▶ SUBMITTED ──request info──▶ INFO_REQUESTED ──answer──▶ SUBMITTED
//                        │  ▲ (the officer may ask again while waiting)        │
//                        └──┴──────────── issue ▶ ISSUED │ refuse ▶ REFUSED ◀──┘
//   DRAFT, SUBMITTED, INFO_REQUESTED ──withdraw (trader)──▶ WITHDRAWN
//
// The trader changes products and documents in DRAFT, and in INFO_REQUESTED (the authority may
// ask for a document or a correction). ISSUED, REFUSED and WITHDRAWN are final.
import type { Direction } from '../reference/customs';
import type { FieldError } from '../errors';
import type { PermitScope } from './requirements';

export const APPLICATION_STATUSES = ['DRAFT', 'SUBMITTED', 'INFO_REQUESTED', 'ISSUED', 'REFUSED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type ApplicationAction = 'SUBMIT' | 'REQUEST_INFO' | 'ANSWER' | 'ISSUE' | 'REFUSE' | 'WITHDRAW';

/** The status an action leads to from `from`, or null when the action is not allowed there. */
export function applicationTransition(from: ApplicationStatus, action: ApplicationAction): ApplicationStatus | null {
  const isPending = from === 'SUBMITTED' || from === 'INFO_REQUESTED';
  switch (action) {
    case 'SUBMIT':
      return from === 'DRAFT' ? 'SUBMITTED' : null;
    case 'REQUEST_INFO':
      return isPending ? 'INFO_REQUESTED' : null;
    case 'ANSWER':
      return from === 'INFO_REQUESTED' ? 'SUBMITTED' : null;
    case 'ISSUE':
      return isPending ? 'ISSUED' : null;
    case 'REFUSE':
      return isPending ? 'REFUSED' : null;
    case 'WITHDRAW':
      return from === 'DRAFT' || isPending ? 'WITHDRAWN' : null;
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** May the trader change the products and documents now? */
export function isApplicationEditable(status: ApplicationStatus): boolean {
  return status === 'DRAFT' || status === 'INFO_REQUESTED';
}

/** Waiting for the authority's decision (the desk's open work). */
export function isApplicationPending(status: ApplicationStatus): boolean {
  return status === 'SUBMITTED' || status === 'INFO_REQUESTED';
}

/** Does a type with these prefixes cover the commodity code? (An empty prefix covers nothing.) */
export function typeCoversHsCode(hsPrefixes: readonly string[], hsCode: string): boolean {
  const code = hsCode.trim();
  return hsPrefixes.some((p) => p.length > 0 && code.startsWith(p));
}

/** The plain-words refusal of a product whose code the type does not cover. */
export function notCoveredMessage(type: { code: string; hsPrefixes: readonly string[] }, hsCode: string): string {
  const shown = type.hsPrefixes.slice(0, 12).join(', ') + (type.hsPrefixes.length > 12 ? ', …' : '');
  return `A ${type.code} permit does not cover commodity code ${hsCode}: it covers goods whose code starts with ${shown}`;
}

export const DIRECTION_WORD: Record<Direction, string> = { IMPORT: 'import', EXPORT: 'export', TRANSIT: 'transit' };

/** "import", "import or export": a type's directions in plain words. */
export function directionWords(directions: readonly Direction[]): string {
  return directions.map((d) => DIRECTION_WORD[d]).join(' or ');
}

/**
 * The direction of a new application: the trader's choice when the type serves several (PH-NARC,
 * ECO-CITES: import or export), else the type's only one (a choice is then accepted only if it is
 * that one). The permit issued on it serves only declarations of that direction.
 */
export function applicationDirection(
  type: { code: string; directions: readonly Direction[] },
  chosen: Direction | undefined,
): { direction: Direction } | { problem: FieldError } {
  if (chosen !== undefined) {
    if (type.directions.includes(chosen)) return { direction: chosen };
    return {
      problem: {
        path: 'direction',
        message: `A ${type.code} permit is for ${directionWords(type.directions)}, not ${DIRECTION_WORD[chosen]}`,
      },
    };
  }
  if (type.directions.length === 1) return { direction: type.directions[0] };
  if (type.directions.length === 0)
    return {
      problem: { path: 'permitTypeCode', message: `${type.code} permits name no direction: choose another type` },
    };
  return {
    problem: {
      path: 'direction',
      message: `Choose whether the goods are for ${directionWords(type.directions)}: a ${type.code} permit serves one of them`,
    },
  };
}

/** Which country a product names, by the type's directions: origin (import, transit), destination (export), or either. */
export function productCountryRole(directions: readonly Direction[]): 'ORIGIN' | 'DESTINATION' | 'EITHER' {
  const hasExport = directions.includes('EXPORT');
  const hasOther = directions.some((d) => d !== 'EXPORT');
  return hasExport && hasOther ? 'EITHER' : hasExport ? 'DESTINATION' : 'ORIGIN';
}

/** The required documents not yet attached (compared by name, case-insensitively). */
export function missingDocuments(required: readonly string[], attachedTypes: readonly string[]): string[] {
  const attached = new Set(attachedTypes.map((t) => t.trim().toLowerCase()));
  return required.filter((r) => !attached.has(r.trim().toLowerCase()));
}

/**
 * ONE UNIT PER QUANTITY PERMIT. A QUANTITY permit grants one quantity in one unit and is written off
 * in it (formalities.ts, checks 8-9), so the products of its application must all be counted in the
 * same unit: kilograms and litres cannot be added up into one figure the permit could hold. The
 * trader is told when adding the product (and again at submission), never later at linking. A
 * SHIPMENT permit covers one consignment whatever it holds and is written off whole: its products
 * may be counted in different units.
 *
 * `units`: the units of the products already on the application (the new one last, when adding).
 * Returns the problem on the field `unit`, or null.
 */
export function mixedUnitsProblem(
  type: { code: string; scope: PermitScope },
  units: readonly string[],
): FieldError | null {
  if (type.scope !== 'QUANTITY') return null;
  const distinct = [...new Set(units.map((u) => u.trim().toUpperCase()).filter(Boolean))];
  if (distinct.length <= 1) return null;
  const [first, ...others] = distinct;
  return {
    path: 'unit',
    message: `A ${type.code} permit counts one unit, and this application's products are in ${first}: add the products counted in ${others.join(', ')} to a separate application`,
  };
}
