// Document numbers and their versions. The first version of a document carries its base number
// (for a declaration, the registration number itself); a re-issue carries `<base>-<n>` (n = 2, 3,
// …), so a reader sees at once that there were earlier versions. Versions are told apart by number
// rather than by time, so two issues in the same millisecond still have an order.
import { z } from 'zod';

export const DOCUMENT_NUMBER_MAX_LENGTH = 64;

/**
 * Letters, digits, '.', '-', and '/' between segments; every segment starts with a letter or
 * digit (so none is empty, '.' or '..', and the number survives as URL path segments).
 */
export const ZDocumentNumber = z
  .string()
  .trim()
  .min(1)
  .max(DOCUMENT_NUMBER_MAX_LENGTH)
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*(?:\/[A-Za-z0-9][A-Za-z0-9.-]*)*$/);

export function versionedNumber(base: string, version: number): string {
  if (!Number.isInteger(version) || version < 1) throw new Error(`Invalid document version ${version}`);
  return version === 1 ? base : `${base}-${version}`;
}

/** The version of `number` in the series of `base`, or null when it is not one of that series. */
export function versionOf(base: string, number: string): number | null {
  if (number === base) return 1;
  if (!number.startsWith(`${base}-`)) return null;
  const rest = number.slice(base.length + 1);
  if (!/^[1-9]\d{0,5}$/.test(rest)) return null;
  const version = Number(rest);
  return version >= 2 ? version : null;
}

/**
 * The versions of one subject's documents (all of one kind), oldest first. The base is the
 * shortest number, a prefix of all the others.
 */
export function orderVersions<T extends { number: string }>(documents: readonly T[]): Array<T & { version: number }> {
  if (documents.length === 0) return [];
  const base = documents.reduce((a, b) => (b.number.length < a.number.length ? b : a)).number;
  return documents
    .map((d) => ({ ...d, version: versionOf(base, d.number) ?? 0 }))
    .sort((a, b) => a.version - b.version || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}
