// Permit formalities of a declaration: for each item, each requirement (requirements.ts) shown as
// SATISFIED by a permit or MISSING with the reason in plain words. Pure; fast on 999 items
// (requirements and, in HELD mode, whole verdicts are computed once per distinct HS code; permits
// are indexed by type and by id). HELD-mode statuses are shared between items of the same HS code:
// treat the result as read-only.
//
// A permit is USABLE for an item when, in this order (the first failing check is the reason):
//   1. its type is one of the requirement's alternatives (the type serves the regime's direction);
//   2. its holder is the declarant's company;
//   3. its own direction is the regime's (IM40, IM31, IM70 import; EK10, EK31 export; TR80 transit):
//      a permit is issued for one direction, chosen on the application when its type serves several
//      (an import PH-NARC licence does not serve an export);
//   4. it covers the item's HS code (an entry of `hsCodes` is a prefix of the code; '' covers nothing);
//   5. its status is ISSUED (not REVOKED, not EXHAUSTED);
//   6. validFrom ≤ date ≤ validTo (inclusive; `date` is the registration date, or today for an estimate);
//   7. remaining quantity > 0;
//   and, in LINKED mode, for a QUANTITY-scope type:
//   8. its unit is the item's unit (when the item's unit is given);
//   9. the remaining quantity, less what earlier lines of the same declaration (by line number)
//      already take from it, is ≥ the item's quantity. One permit covers a whole line: a line is not
//      split over two permits of the same type (split the line instead).
//
// MODES. HELD (check-your-answers, before linking): satisfied when the company holds ANY usable
//   permit of an alternative type (checks 1-7); when several permits would fail, the reason shown is
//   that of the permit that got furthest through the checks (it is the one the trader most likely
//   meant). Other companies' permits are never considered and never mentioned.
//   LINKED (release): only the permits linked to the item count (checks 1-9). A linked permit of a
//   type the item does not need is reported as the wrong type; ids not among `permits` are ignored.
//
// SCOPE AND WRITE-OFF. QUANTITY: the permit grants a quantity in `unit` over its validity; each
//   satisfied line writes off its quantity. SHIPMENT: the permit covers ONE consignment, i.e. one
//   declaration, and is written off whole: `remainingQuantity` > 0 means "not yet used" (whatever
//   figure it was issued with — 1 shipment, or the goods' quantity), any number of lines of the same
//   declaration may link it, and at release its whole remaining quantity is written off once (on the
//   first line, by line number, that uses it; later lines write off 0), leaving it exhausted.
import { D } from '../money';
import { REGIME_DIRECTION, type Direction, type Regime } from '../reference/customs';
import { requirementsFor, type PermitScope, type PermitTypeRule, type Requirement } from './requirements';
import { DIRECTION_WORD } from './application';

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

/** Why a requirement is missing (the plain-words `reason` says it to the trader). */
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

export type RequirementStatus = {
  requirement: Requirement;
  status: 'SATISFIED' | 'MISSING';
  /** SATISFIED: the permit that satisfies it. */
  permit?: { id: string; number: string; typeCode: string };
  /** SATISFIED in LINKED mode: what release writes off this permit for this line (see SCOPE above). */
  writeOff?: string;
  /** MISSING: why. */
  reasonCode?: MissingReason;
  reason?: string;
};

export type ItemFormalities = { lineNo: number; requirements: RequirementStatus[]; isSatisfied: boolean };

export type FormalitiesItem = {
  lineNo: number;
  hsCode: string;
  /** In the supplementary unit; decimal string. */
  quantity: string;
  /** The supplementary unit; when given, LINKED mode checks it against the permit's unit. */
  unit?: string;
  linkedPermitIds?: readonly string[];
};

export type FormalitiesArgs = {
  items: readonly FormalitiesItem[];
  regime: Regime;
  companyId: string;
  /** YYYY-MM-DD: the registration date, or today for an estimate. */
  date: string;
  catalogue: readonly PermitTypeRule[];
  permits: readonly HeldPermit[];
  mode: 'HELD' | 'LINKED';
};

type Failure = { code: MissingReason; reason: string; rank: number };

const ZERO = new D(0);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const orList = (codes: readonly string[]) => codes.join(' or ');

function covers(permit: HeldPermit, hsCode: string): boolean {
  return permit.hsCodes.some((prefix) => prefix.length > 0 && hsCode.startsWith(prefix));
}

const DECLARATION_OF: Record<Direction, string> = {
  IMPORT: 'an import declaration',
  EXPORT: 'an export declaration',
  TRANSIT: 'a transit declaration',
};

/** The declaration a permit is checked against: its company, direction (of the regime) and date. */
type Context = { companyId: string; direction: Direction; date: string };

/** Checks 2-7 (the type is already known to fit). null = usable. */
function checkPermit(permit: HeldPermit, hsCode: string, ctx: Context): Failure | null {
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
  if (new D(permit.remainingQuantity).lte(ZERO))
    return { code: 'NO_REMAINING_QUANTITY', reason: `${p} has no remaining quantity`, rank: 5 };
  return null;
}

/**
 * Why a permit (of a type the item needs) cannot serve an item of `hsCode` of a declaration under
 * `regime` on `date` (checks 2-7, HELD mode), or null when it can. For the lists a trader picks a
 * permit to link from.
 */
export function permitProblem(
  permit: HeldPermit,
  item: { hsCode: string; regime: Regime },
  companyId: string,
  date: string,
): { code: MissingReason; reason: string } | null {
  const failure = checkPermit(permit, item.hsCode.trim(), {
    companyId,
    direction: REGIME_DIRECTION[item.regime],
    date,
  });
  return failure ? { code: failure.code, reason: failure.reason } : null;
}

/** The failure that got furthest through the checks; the first such on a tie. */
function furthest(failures: readonly Failure[]): Failure {
  return failures.reduce((best, f) => (f.rank > best.rank ? f : best));
}

const missing = (requirement: Requirement, f: Omit<Failure, 'rank'>): RequirementStatus => ({
  requirement,
  status: 'MISSING',
  reasonCode: f.code,
  reason: f.reason,
});
const satisfied = (requirement: Requirement, permit: HeldPermit, writeOff?: string): RequirementStatus => ({
  requirement,
  status: 'SATISFIED',
  permit: { id: permit.id, number: permit.number, typeCode: permit.typeCode },
  ...(writeOff === undefined ? {} : { writeOff }),
});

/** Each item's permit formalities: every requirement satisfied or missing, with the reason. */
export function checkFormalities(args: FormalitiesArgs): ItemFormalities[] {
  const { items, regime, companyId, date, catalogue, permits, mode } = args;
  if (!DATE.test(date)) throw new Error(`checkFormalities: date must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const direction = REGIME_DIRECTION[regime];
  const ctx: Context = { companyId, direction, date };
  const rules = catalogue.filter((r) => r.isActive !== false && r.directions.includes(direction));
  const scopeOf = new Map<string, PermitScope>(catalogue.map((r) => [r.code, r.scope]));

  const requirementsByHs = new Map<string, Requirement[]>();
  const requirementsOf = (hsCode: string) => {
    let found = requirementsByHs.get(hsCode);
    if (!found) requirementsByHs.set(hsCode, (found = requirementsFor(hsCode, direction, rules)));
    return found;
  };

  const result = new Array<ItemFormalities>(items.length);
  const finish = (index: number, statuses: RequirementStatus[]) => {
    result[index] = {
      lineNo: items[index].lineNo,
      requirements: statuses,
      isSatisfied: statuses.every((s) => s.status === 'SATISFIED'),
    };
  };

  if (mode === 'HELD') {
    // The company's permits by type; the verdict depends only on the HS code, so it is cached.
    const heldByType = new Map<string, HeldPermit[]>();
    for (const permit of permits) {
      if (permit.companyId !== companyId) continue;
      const list = heldByType.get(permit.typeCode);
      if (list) list.push(permit);
      else heldByType.set(permit.typeCode, [permit]);
    }
    const verdictByHs = new Map<string, RequirementStatus[]>();
    items.forEach((item, index) => {
      const hsCode = item.hsCode.trim();
      let statuses = verdictByHs.get(hsCode);
      if (!statuses) {
        statuses = requirementsOf(hsCode).map((requirement) => {
          const failures: Failure[] = [];
          for (const typeCode of requirement.alternatives) {
            for (const permit of heldByType.get(typeCode) ?? []) {
              const failure = checkPermit(permit, hsCode, ctx);
              if (!failure) return satisfied(requirement, permit);
              failures.push(failure);
            }
          }
          if (failures.length === 0)
            return missing(requirement, {
              code: 'NOT_HELD',
              reason: `the company holds no ${orList(requirement.alternatives)} permit`,
            });
          return missing(requirement, furthest(failures));
        });
        verdictByHs.set(hsCode, statuses);
      }
      finish(index, statuses);
    });
    return result;
  }

  // LINKED: lines in line-number order, so that earlier lines take a permit's quantity first.
  const byId = new Map<string, HeldPermit>(permits.map((p) => [p.id, p]));
  const taken = new Map<string, D>(); // QUANTITY permits: quantity taken by earlier lines
  const shipmentClaimed = new Set<string>(); // SHIPMENT permits already written off by an earlier line
  const order = items.map((_, i) => i).sort((a, b) => items[a].lineNo - items[b].lineNo || a - b);
  for (const index of order) {
    const item = items[index];
    const hsCode = item.hsCode.trim();
    const requirements = requirementsOf(hsCode);
    const linked = [...new Set(item.linkedPermitIds ?? [])]
      .map((id) => byId.get(id))
      .filter((p): p is HeldPermit => p !== undefined);
    const needed = new Set(requirements.flatMap((r) => r.alternatives));
    const wrongType = linked.filter((p) => !needed.has(p.typeCode));
    const quantity = parseQuantity(item.quantity);

    finish(
      index,
      requirements.map((requirement) => {
        const candidates = linked.filter((p) => requirement.alternatives.includes(p.typeCode));
        if (candidates.length === 0) {
          if (wrongType.length > 0) {
            const list = wrongType.map((p) => `permit ${p.number} is a ${p.typeCode} permit`).join('; ');
            return missing(requirement, {
              code: 'WRONG_TYPE',
              reason: `${list} — this item needs ${orList(requirement.alternatives)}`,
            });
          }
          return missing(requirement, {
            code: 'NOT_LINKED',
            reason: `no ${orList(requirement.alternatives)} permit is linked to this item`,
          });
        }
        const failures: Failure[] = [];
        for (const permit of candidates) {
          const failure = checkPermit(permit, hsCode, ctx);
          if (failure) {
            failures.push(failure);
            continue;
          }
          const remaining = new D(permit.remainingQuantity);
          if (scopeOf.get(permit.typeCode) === 'SHIPMENT') {
            const writeOff = shipmentClaimed.has(permit.id) ? '0' : remaining.toFixed();
            shipmentClaimed.add(permit.id);
            return satisfied(requirement, permit, writeOff);
          }
          const p = `permit ${permit.number}`;
          if (item.unit !== undefined && item.unit.trim() !== '' && item.unit.trim() !== permit.unit) {
            failures.push({
              code: 'UNIT_MISMATCH',
              reason: `${p} counts ${permit.unit}, but the item is declared in ${item.unit.trim()}`,
              rank: 6,
            });
            continue;
          }
          if (!quantity) {
            failures.push({
              code: 'INVALID_QUANTITY',
              reason: `the quantity of the item is not a valid number, so it cannot be written off ${p}`,
              rank: 7,
            });
            continue;
          }
          const already = taken.get(permit.id) ?? ZERO;
          const available = remaining.minus(already);
          if (available.lt(quantity)) {
            const earlier = already.gt(ZERO) ? ` after ${already.toFixed()} ${permit.unit} taken by earlier items` : '';
            failures.push({
              code: 'INSUFFICIENT_QUANTITY',
              reason: `${p} has ${D.max(available, ZERO).toFixed()} ${permit.unit} left${earlier}, but the item needs ${quantity.toFixed()} ${permit.unit}`,
              rank: 8,
            });
            continue;
          }
          taken.set(permit.id, already.plus(quantity));
          return satisfied(requirement, permit, quantity.toFixed());
        }
        return missing(requirement, furthest(failures));
      }),
    );
  }
  return result;
}

function parseQuantity(raw: string): D | null {
  const v = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(v)) return null;
  const q = new D(v);
  return q.gt(ZERO) ? q : null;
}

export type PermitWriteOff = {
  permitId: string;
  /** Total written off this permit by the declaration (Σ of its lines' `writeOff`). */
  quantity: string;
  remainingAfter: string;
  /** Nothing left after the write-off: the permit becomes EXHAUSTED. */
  isExhausted: boolean;
};

/**
 * What release writes off each linked permit, from a LINKED check. Release needs every formality
 * satisfied (a declaration is never released while a required permit is missing), so a missing
 * one, or a HELD-mode result, is a programming error and throws.
 */
export function planWriteOffs(
  formalities: readonly ItemFormalities[],
  permits: readonly HeldPermit[],
): PermitWriteOff[] {
  const byId = new Map<string, HeldPermit>(permits.map((p) => [p.id, p]));
  const totals = new Map<string, D>();
  for (const item of formalities) {
    for (const s of item.requirements) {
      if (s.status !== 'SATISFIED' || !s.permit || s.writeOff === undefined) {
        throw new Error(`planWriteOffs: line ${item.lineNo} has a formality that is not satisfied by a linked permit`);
      }
      totals.set(s.permit.id, (totals.get(s.permit.id) ?? ZERO).plus(s.writeOff));
    }
  }
  return [...totals].map(([permitId, quantity]) => {
    const permit = byId.get(permitId);
    if (!permit) throw new Error(`planWriteOffs: permit ${permitId} is not among the permits given`);
    const after = new D(permit.remainingQuantity).minus(quantity);
    return { permitId, quantity: quantity.toFixed(), remainingAfter: after.toFixed(), isExhausted: after.lte(ZERO) };
  });
}
