// THE coverage rule: can one permit cover one line of a declaration? One function, `coverageProblem`,
// answers it for everyone who asks: check-your-answers and the trader's next action (through
// `checkFormalities` in HELD mode), the linking use case and its list of candidates (`permitProblem`
// and LINKED mode), and release (LINKED mode, then the write-off). So what check-your-answers says a
// permit can cover is exactly what linking accepts and release writes off. Pure.
//
// A permit of a type the line needs COVERS the line when, in this order (the first failing check is
// the reason; `rank` says how far the permit got, for "the permit the trader most likely meant"):
//   1. its holder is the declarant's company;                                          (rank 0)
//   2. its own direction is the regime's (IM40, IM31, IM70 import; EK10, EK31 export; TR80 transit):
//      a permit is issued for one direction (an import PH-NARC licence does not serve an export);  (1)
//   3. it covers the line's HS code (an entry of `hsCodes` is a prefix of the code; '' covers nothing); (2)
//   4. its status is ISSUED (not REVOKED, not EXHAUSTED);                               (3)
//   5. validFrom ≤ date ≤ validTo (inclusive; the registration date, or today for a draft); (4)
//   6. remaining quantity > 0;                                                         (5)
//   and, for a QUANTITY-scope type (a SHIPMENT permit covers one whole consignment, whatever its figures):
//   7. its unit is the line's supplementary unit (when the line's unit is given);      (6)
//   8. the line's quantity is a number > 0;                                            (7)
//   9. the remaining quantity, less what other lines of the same declaration already take from it,
//      is ≥ the line's quantity. One permit covers a whole line (split the line instead). (8)
import { D } from '../money';
import { REGIME_DIRECTION, type Direction, type Regime } from '../reference/customs';
import { DIRECTION_WORD } from './application';
import type { PermitScope } from './requirements';

export type PermitStatus = 'ISSUED' | 'REVOKED' | 'EXHAUSTED';

export type HeldPermit = {
  id: string;
  number: string;
  typeCode: string;
  companyId: string;
  /** The one direction it was issued for (the application's). */
  direction: Direction;
  status: PermitStatus;
  /** YYYY-MM-DD, inclusive. */
  validFrom: string;
  /** YYYY-MM-DD, inclusive. */
  validTo: string;
  /** HS codes or prefixes the permit covers. */
  hsCodes: readonly string[];
  /** Decimal string, in `unit`. */
  remainingQuantity: string;
  unit: string;
};

/** Why a requirement is not satisfied (the plain-words `reason` says it to the trader). */
export type MissingReason =
  | 'NOT_HELD'
  | 'NOT_LINKED'
  | 'WRONG_TYPE'
  | 'OTHER_HOLDER'
  | 'WRONG_DIRECTION'
  | 'HS_NOT_COVERED'
  | 'REVOKED'
  | 'EXHAUSTED'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'NO_REMAINING_QUANTITY'
  | 'UNIT_MISMATCH'
  | 'INVALID_QUANTITY'
  | 'INSUFFICIENT_QUANTITY';

/** The declaration a permit is checked against: its company, direction (of the regime) and date. */
export type CoverageContext = { companyId: string; direction: Direction; date: string };

/** One line of the declaration: HS code, quantity (decimal string) in its supplementary unit. */
export type CoverageLine = { hsCode: string; quantity: string; unit?: string };

export type CoverageProblem = { code: MissingReason; reason: string; rank: number };

const ZERO = new D(0);

const DECLARATION_OF: Record<Direction, string> = {
  IMPORT: 'an import declaration',
  EXPORT: 'an export declaration',
  TRANSIT: 'a transit declaration',
};

function covers(permit: HeldPermit, hsCode: string): boolean {
  return permit.hsCodes.some((prefix) => prefix.length > 0 && hsCode.startsWith(prefix));
}

/** The line's quantity as a number > 0, or null when it is not one. */
export function lineQuantity(raw: string): D | null {
  const v = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(v)) return null;
  const q = new D(v);
  return q.gt(ZERO) ? q : null;
}

/**
 * Why `permit` (of a type the line needs) cannot cover `line`, or null when it can (checks 1-9 above).
 * `alreadyTaken`: what other lines of the same declaration already take from this permit (QUANTITY
 * scope; 0 when none). `scope` undefined (a type no longer in the catalogue) counts as QUANTITY.
 */
export function coverageProblem(args: {
  permit: HeldPermit;
  scope: PermitScope | undefined;
  line: CoverageLine;
  ctx: CoverageContext;
  alreadyTaken?: D;
  /** Whose take `alreadyTaken` is, for the reason: earlier lines (linking, release) or other lines. */
  takenBy?: 'earlier' | 'other';
}): CoverageProblem | null {
  const { permit, ctx } = args;
  const hsCode = args.line.hsCode.trim();
  const p = `permit ${permit.number}`;
  if (permit.companyId !== ctx.companyId)
    return { code: 'OTHER_HOLDER', reason: `${p} is held by another company`, rank: 0 };
  if (permit.direction !== ctx.direction) {
    return {
      code: 'WRONG_DIRECTION',
      reason: `${p} was issued for ${DIRECTION_WORD[permit.direction]}, but this is ${DECLARATION_OF[ctx.direction]}: it needs a permit issued for ${DIRECTION_WORD[ctx.direction]}`,
      rank: 1,
    };
  }
  if (!covers(permit, hsCode))
    return { code: 'HS_NOT_COVERED', reason: `${p} does not cover commodity code ${hsCode}`, rank: 2 };
  switch (permit.status) {
    case 'ISSUED':
      break;
    case 'REVOKED':
      return { code: 'REVOKED', reason: `${p} was revoked`, rank: 3 };
    case 'EXHAUSTED':
      return { code: 'EXHAUSTED', reason: `${p} is used up`, rank: 3 };
    default: {
      const never: never = permit.status;
      return never;
    }
  }
  if (ctx.date < permit.validFrom)
    return { code: 'NOT_YET_VALID', reason: `${p} is valid only from ${permit.validFrom}`, rank: 4 };
  if (ctx.date > permit.validTo)
    return { code: 'EXPIRED', reason: `${p} expired (valid until ${permit.validTo})`, rank: 4 };
  const remaining = new D(permit.remainingQuantity);
  if (remaining.lte(ZERO)) return { code: 'NO_REMAINING_QUANTITY', reason: `${p} has no remaining quantity`, rank: 5 };
  if (args.scope === 'SHIPMENT') return null;

  const unit = args.line.unit?.trim();
  if (unit && unit !== permit.unit)
    return {
      code: 'UNIT_MISMATCH',
      reason: `${p} counts ${permit.unit}, but the item is declared in ${unit}`,
      rank: 6,
    };
  const quantity = lineQuantity(args.line.quantity);
  if (!quantity) {
    return {
      code: 'INVALID_QUANTITY',
      reason: `the quantity of the item is not a valid number, so it cannot be written off ${p}`,
      rank: 7,
    };
  }
  const already = args.alreadyTaken ?? ZERO;
  const available = remaining.minus(already);
  if (available.lt(quantity)) {
    const earlier = already.gt(ZERO)
      ? ` after ${already.toFixed()} ${permit.unit} taken by ${args.takenBy ?? 'earlier'} items`
      : '';
    return {
      code: 'INSUFFICIENT_QUANTITY',
      reason: `${p} has ${D.max(available, ZERO).toFixed()} ${permit.unit} left${earlier}, but the item needs ${quantity.toFixed()} ${permit.unit}`,
      rank: 8,
    };
  }
  return null;
}

/**
 * Why a permit (of a type the item needs) cannot cover an item of a declaration under `regime` on
 * `date`, or null when linking it would be accepted: the list a trader picks a permit to link from.
 */
export function permitProblem(args: {
  permit: HeldPermit;
  scope: PermitScope | undefined;
  item: CoverageLine;
  regime: Regime;
  companyId: string;
  date: string;
  /** What earlier lines of the declaration already take from this permit (decimal string). */
  alreadyTaken?: string;
}): { code: MissingReason; reason: string } | null {
  const problem = coverageProblem({
    permit: args.permit,
    scope: args.scope,
    line: args.item,
    ctx: { companyId: args.companyId, direction: REGIME_DIRECTION[args.regime], date: args.date },
    alreadyTaken: args.alreadyTaken === undefined ? undefined : new D(args.alreadyTaken),
  });
  return problem ? { code: problem.code, reason: problem.reason } : null;
}
