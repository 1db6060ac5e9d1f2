// Issuing a permit: the checks of the officer's figures that need today's date and the type's
// validity, the default figures the form starts from, and the permit's state as people read it.
// Dates are service calendar days (YYYY-MM-DD, Tashkent); validity is inclusive of both ends, so a
// 180-day type issued on 1 March is valid from 1 March to 27 August.
import type { FieldError } from '../errors';
import { D } from '../money';
import type { PermitStatus } from './coverage';

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Inclusive length of [from, to] in days. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The longest validity the type allows, starting today. */
export function defaultValidity(today: string, validityDays: number): { validFrom: string; validTo: string } {
  return { validFrom: today, validTo: addDays(today, validityDays - 1) };
}

/**
 * What is wrong with the officer's validity, given today and the type's maximum: a permit starts
 * today or later, never ends in the past, ends on or after it starts, and lasts no longer than the
 * catalogue allows. (Quantity > 0 is the schema's rule.) [] when all is well.
 */
export function issueProblems(
  input: { validFrom: string; validTo: string },
  ctx: { today: string; validityDays: number; typeCode: string },
): FieldError[] {
  const problems: FieldError[] = [];
  const { validFrom, validTo } = input;
  if (validFrom < ctx.today)
    problems.push({ path: 'validFrom', message: `The permit cannot start before today (${ctx.today})` });
  if (validTo < ctx.today)
    problems.push({ path: 'validTo', message: `The validity must not end in the past: choose ${ctx.today} or later` });
  else if (validTo < validFrom)
    problems.push({ path: 'validTo', message: 'The last day of validity must be on or after the first day' });
  else if (daysInclusive(validFrom, validTo) > ctx.validityDays) {
    problems.push({
      path: 'validTo',
      message: `A ${ctx.typeCode} permit is valid for at most ${ctx.validityDays} days: choose ${addDays(validFrom, ctx.validityDays - 1)} or earlier`,
    });
  }
  return problems;
}

/** The quantity the form offers: the products' total when they share one unit. */
export function requestedTotal(
  products: ReadonlyArray<{ quantity: string; unit: string }>,
): { quantity: string; unit: string } | null {
  if (products.length === 0) return null;
  const unit = products[0].unit;
  if (products.some((p) => p.unit !== unit)) return null;
  return { quantity: products.reduce((sum, p) => sum.plus(p.quantity), new D(0)).toFixed(), unit };
}

/** A permit's state as the trader and the officer read it: status plus dates. */
export type PermitState = 'VALID' | 'NOT_YET_VALID' | 'EXPIRED' | 'EXHAUSTED' | 'REVOKED';

export function permitState(
  permit: { status: PermitStatus; validFrom: string; validTo: string },
  today: string,
): PermitState {
  switch (permit.status) {
    case 'REVOKED':
      return 'REVOKED';
    case 'EXHAUSTED':
      return 'EXHAUSTED';
    case 'ISSUED':
      if (today < permit.validFrom) return 'NOT_YET_VALID';
      if (today > permit.validTo) return 'EXPIRED';
      return 'VALID';
    default: {
      const never: never = permit.status;
      return never;
    }
  }
}
