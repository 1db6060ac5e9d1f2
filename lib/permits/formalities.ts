// Permit formalities of a declaration: for each item, each requirement (requirements.ts) shown as
// SATISFIED by a permit or MISSING with the reason in plain words. Whether a permit can serve a line
// is decided by ONE rule, `coverageProblem` (coverage.ts): holder, direction, HS coverage, status,
// validity, remaining quantity, unit, and the quantity other lines take. Pure; fast on 999 items.
//
// SATISFIED always means "release will accept it": a permit LINKED to the item covers it, lines taken
// in line-number order (earlier lines take a shared permit's quantity first). A held permit that is
// not linked never satisfies anything — release counts links only.
//
// MODES. LINKED (release, linking, the officer's page, the linking page): only the linked permits
//   count. A linked permit of a type the item does not need is reported as the wrong type; ids not
//   among `permits` are ignored.
//   HELD (check-your-answers, the trader's next action): first exactly the LINKED verdicts (so its
//   SATISFIED is release's). Then, for a requirement with no permit of its types linked, the
//   company's permits are tried with the same rule, in line order, against what is left after every
//   linked line and every earlier suggestion: the first that covers the line is offered as
//   `linkable` (MISSING, NOT_LINKED: "link it"); when none does, the reason is that of the permit that
//   got furthest through the checks (the one the trader most likely meant), or NOT_HELD. Other
//   companies' permits are never considered and never mentioned.
//
// SCOPE AND WRITE-OFF. QUANTITY: the permit grants a quantity in `unit` over its validity; each
//   satisfied line writes off its quantity. SHIPMENT: the permit covers ONE consignment, i.e. one
//   declaration, and is written off whole: `remainingQuantity` > 0 means "not yet used" (whatever
//   figure it was issued with — 1 shipment, or the goods' quantity), any number of lines of the same
//   declaration may link it, and at release its whole remaining quantity is written off once (on the
//   first line, by line number, that uses it; later lines write off 0), leaving it exhausted.
import { D } from '../money';
import { REGIME_DIRECTION, type Regime } from '../reference/customs';
import { requirementsFor, type PermitScope, type PermitTypeRule, type Requirement } from './requirements';
import {
  coverageProblem,
  lineQuantity,
  type CoverageContext,
  type CoverageProblem,
  type HeldPermit,
  type MissingReason,
} from './coverage';

type PermitRef = { id: string; number: string; typeCode: string };

export type RequirementStatus = {
  requirement: Requirement;
  status: 'SATISFIED' | 'MISSING';
  /** SATISFIED: the linked permit that satisfies it. */
  permit?: PermitRef;
  /** SATISFIED: what release writes off this permit for this line (see SCOPE above). */
  writeOff?: string;
  /** MISSING: why. */
  reasonCode?: MissingReason;
  reason?: string;
  /** MISSING in HELD mode: a permit the company holds that linking would accept for this line. */
  linkable?: PermitRef;
};

export type ItemFormalities = { lineNo: number; requirements: RequirementStatus[]; isSatisfied: boolean };

export type FormalitiesItem = {
  lineNo: number;
  hsCode: string;
  /** In the supplementary unit; decimal string. */
  quantity: string;
  /** The supplementary unit; when given, a QUANTITY permit must count in it. */
  unit?: string;
  linkedPermitIds?: readonly string[];
};

export type FormalitiesArgs = {
  items: readonly FormalitiesItem[];
  regime: Regime;
  companyId: string;
  /** YYYY-MM-DD: the registration date, or today for a draft. */
  date: string;
  catalogue: readonly PermitTypeRule[];
  permits: readonly HeldPermit[];
  mode: 'HELD' | 'LINKED';
};

const ZERO = new D(0);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const orList = (codes: readonly string[]) => codes.join(' or ');
const ref = (p: HeldPermit): PermitRef => ({ id: p.id, number: p.number, typeCode: p.typeCode });

/** The failure that got furthest through the checks; the first such on a tie. */
function furthest(failures: readonly CoverageProblem[]): CoverageProblem {
  return failures.reduce((best, f) => (f.rank > best.rank ? f : best));
}

const missing = (
  requirement: Requirement,
  f: { code: MissingReason; reason: string },
  linkable?: HeldPermit,
): RequirementStatus => ({
  requirement,
  status: 'MISSING',
  reasonCode: f.code,
  reason: f.reason,
  ...(linkable ? { linkable: ref(linkable) } : {}),
});
const satisfied = (requirement: Requirement, permit: HeldPermit, writeOff: string): RequirementStatus => ({
  requirement,
  status: 'SATISFIED',
  permit: ref(permit),
  writeOff,
});

/** Each item's permit formalities: every requirement satisfied or missing, with the reason. */
export function checkFormalities(args: FormalitiesArgs): ItemFormalities[] {
  const { items, regime, companyId, date, catalogue, permits, mode } = args;
  if (!DATE.test(date)) throw new Error(`checkFormalities: date must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const direction = REGIME_DIRECTION[regime];
  const ctx: CoverageContext = { companyId, direction, date };
  const rules = catalogue.filter((r) => r.isActive !== false && r.directions.includes(direction));
  const scopeOf = new Map<string, PermitScope>(catalogue.map((r) => [r.code, r.scope]));

  const requirementsByHs = new Map<string, Requirement[]>();
  const requirementsOf = (hsCode: string) => {
    let found = requirementsByHs.get(hsCode);
    if (!found) requirementsByHs.set(hsCode, (found = requirementsFor(hsCode, direction, rules)));
    return found;
  };

  // Lines in line-number order, so that earlier lines take a permit's quantity first.
  const order = items.map((_, i) => i).sort((a, b) => items[a].lineNo - items[b].lineNo || a - b);
  const byId = new Map<string, HeldPermit>(permits.map((p) => [p.id, p]));
  const taken = new Map<string, D>(); // QUANTITY permits: quantity taken by the lines satisfied so far
  const shipmentClaimed = new Set<string>(); // SHIPMENT permits already written off by an earlier line
  const statuses = new Array<RequirementStatus[]>(items.length);

  // The LINKED verdicts: release's.
  for (const index of order) {
    const item = items[index];
    const hsCode = item.hsCode.trim();
    const requirements = requirementsOf(hsCode);
    const linked = [...new Set(item.linkedPermitIds ?? [])]
      .map((id) => byId.get(id))
      .filter((p): p is HeldPermit => p !== undefined);
    const needed = new Set(requirements.flatMap((r) => r.alternatives));
    const wrongType = linked.filter((p) => !needed.has(p.typeCode));
    const quantity = lineQuantity(item.quantity);

    statuses[index] = requirements.map((requirement) => {
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
      const failures: CoverageProblem[] = [];
      for (const permit of candidates) {
        const scope = scopeOf.get(permit.typeCode);
        const failure = coverageProblem({ permit, scope, line: item, ctx, alreadyTaken: taken.get(permit.id) });
        if (failure) {
          failures.push(failure);
          continue;
        }
        if (scope === 'SHIPMENT') {
          const writeOff = shipmentClaimed.has(permit.id) ? '0' : new D(permit.remainingQuantity).toFixed();
          shipmentClaimed.add(permit.id);
          return satisfied(requirement, permit, writeOff);
        }
        taken.set(permit.id, (taken.get(permit.id) ?? ZERO).plus(quantity!));
        return satisfied(requirement, permit, quantity!.toFixed());
      }
      return missing(requirement, furthest(failures));
    });
  }

  if (mode === 'HELD') {
    // What the company holds, by type, for the requirements nothing of their types is linked to.
    const heldByType = new Map<string, HeldPermit[]>();
    for (const permit of permits) {
      if (permit.companyId !== companyId) continue;
      const list = heldByType.get(permit.typeCode);
      if (list) list.push(permit);
      else heldByType.set(permit.typeCode, [permit]);
    }
    for (const list of heldByType.values()) list.sort((a, b) => a.number.localeCompare(b.number));
    const reserved = new Map(taken); // every linked line's take, then each suggestion's
    for (const index of order) {
      const item = items[index];
      const linkedIds = new Set(item.linkedPermitIds ?? []);
      statuses[index] = statuses[index].map((s) => {
        if (s.status === 'SATISFIED' || (s.reasonCode !== 'NOT_LINKED' && s.reasonCode !== 'WRONG_TYPE')) return s;
        const failures: CoverageProblem[] = [];
        for (const typeCode of s.requirement.alternatives) {
          for (const permit of heldByType.get(typeCode) ?? []) {
            if (linkedIds.has(permit.id)) continue;
            const scope = scopeOf.get(typeCode);
            const failure = coverageProblem({
              permit,
              scope,
              line: item,
              ctx,
              alreadyTaken: reserved.get(permit.id),
              takenBy: 'other',
            });
            if (failure) {
              failures.push(failure);
              continue;
            }
            if (scope !== 'SHIPMENT')
              reserved.set(permit.id, (reserved.get(permit.id) ?? ZERO).plus(lineQuantity(item.quantity)!));
            return missing(
              s.requirement,
              s.reasonCode === 'WRONG_TYPE'
                ? { code: 'WRONG_TYPE', reason: s.reason! }
                : {
                    code: 'NOT_LINKED',
                    reason: `permit ${permit.number} can cover it, but it is not linked to this item yet`,
                  },
              permit,
            );
          }
        }
        if (s.reasonCode === 'WRONG_TYPE') return s;
        if (failures.length === 0)
          return missing(s.requirement, {
            code: 'NOT_HELD',
            reason: `the company holds no ${orList(s.requirement.alternatives)} permit`,
          });
        return missing(s.requirement, furthest(failures));
      });
    }
  }

  return items.map((item, index) => ({
    lineNo: item.lineNo,
    requirements: statuses[index],
    isSatisfied: statuses[index].every((s) => s.status === 'SATISFIED'),
  }));
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
 * satisfied (a declaration is never released while a required permit is missing), so a missing one
 * is a programming error and throws.
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
