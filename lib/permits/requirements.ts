// Which permits a declaration item needs (shared/DOMAIN.md "Single window permits"). Pure.
//
// RULE. An item needs a permit type when the type is active, the regime's direction is one of the
//   type's directions (IM40, IM31, IM70 import; EK10, EK31 export; TR80 transit — REGIME_DIRECTION)
//   and the item's HS code starts with one of the type's prefixes. An empty prefix matches nothing
//   (a blank entry in the admin-edited catalogue must not put every item under a permit).
//
// ONE OF A CHOICE. Types of the SAME authority that match the same item form ONE requirement whose
//   alternatives are those types: any one of them satisfies it (an export of a live wild animal,
//   0106, needs ECO-CITES or ECO-WILD from the Ecology committee — the authority issues the one that
//   fits the species). Types of DIFFERENT authorities are separate requirements, all needed (a toy,
//   9503, needs SES-CHILD and STD-COC). The catalogue has no way to say "both of one authority";
//   in the 21-type catalogue the only same-authority overlap is 0106 on export.
//
// ORDER. Requirements in catalogue order of their first matching type; alternatives in catalogue
//   order. Deterministic, so screens and tests can rely on it.
import { REGIME_DIRECTION, type Direction, type Regime } from '../reference/customs';

export type PermitScope = 'SHIPMENT' | 'QUANTITY';

/** One permit type of the catalogue, as the rules need it. */
export type PermitTypeRule = {
  code: string;
  authorityCode: string;
  directions: readonly Direction[];
  /** 2, 4 or 6-digit HS prefixes. */
  hsPrefixes: readonly string[];
  scope: PermitScope;
  /** Inactive types are ignored; absent = active. */
  isActive?: boolean;
};

/** One permit an item needs: any one type of `alternatives` (all of `authorityCode`) satisfies it. */
export type Requirement = { authorityCode: string; alternatives: string[] };

function matches(rule: PermitTypeRule, hsCode: string, direction: Direction): boolean {
  if (rule.isActive === false || !rule.directions.includes(direction)) return false;
  return rule.hsPrefixes.some((prefix) => prefix.length > 0 && hsCode.startsWith(prefix));
}

/** The permit requirements of one item under a regime. [] when it needs none. */
export function permitRequirements(
  item: { hsCode: string; regime: Regime },
  catalogue: readonly PermitTypeRule[],
): Requirement[] {
  return requirementsFor(item.hsCode.trim(), REGIME_DIRECTION[item.regime], catalogue);
}

/** As `permitRequirements`, for a direction (used with a catalogue already narrowed to it). */
export function requirementsFor(
  hsCode: string,
  direction: Direction,
  catalogue: readonly PermitTypeRule[],
): Requirement[] {
  const byAuthority = new Map<string, Requirement>();
  for (const rule of catalogue) {
    if (!matches(rule, hsCode, direction)) continue;
    const existing = byAuthority.get(rule.authorityCode);
    if (existing) {
      if (!existing.alternatives.includes(rule.code)) existing.alternatives.push(rule.code);
    } else {
      byAuthority.set(rule.authorityCode, { authorityCode: rule.authorityCode, alternatives: [rule.code] });
    }
  }
  return [...byAuthority.values()];
}
