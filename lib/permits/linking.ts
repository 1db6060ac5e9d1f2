// Linking permits to declaration items. Pure.
//
// WHEN. While the declaration is not final: a draft, submitted, registered, with an officer, asked
//   to amend, on hold, assessed or paid. A permit often arrives after the declaration was lodged;
//   release is where the link is enforced. After release (links written off), refusal or
//   withdrawal the links are frozen.
// ONE PER REQUIREMENT. An item has at most one linked permit per requirement (one of a choice of
//   types of one authority): "one permit covers a whole line" (formalities.ts). To switch permits,
//   unlink first.
// NO RESERVATION. Linking takes nothing off a permit; release writes off under a row lock, so when
//   two declarations count on the same remaining quantity the first released takes it.
import type { DeclarationStatus } from '../declaration/lifecycle';
import type { Requirement } from './requirements';

export function isLinkingAllowed(status: DeclarationStatus): boolean {
  switch (status) {
    case 'DRAFT':
    case 'SUBMITTED':
    case 'REGISTERED':
    case 'ASSIGNED':
    case 'AMENDMENT_REQUESTED':
    case 'ON_HOLD':
    case 'ASSESSED':
    case 'PAID':
      return true;
    case 'RELEASED':
    case 'REFUSED':
    case 'WITHDRAWN':
      return false;
    default: {
      const never: never = status;
      return never;
    }
  }
}

/** The requirement a permit type answers for an item, or null when the item does not need it. */
export function requirementFor(requirements: readonly Requirement[], typeCode: string): Requirement | null {
  return requirements.find((r) => r.alternatives.includes(typeCode)) ?? null;
}
