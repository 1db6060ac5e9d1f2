// Calendar days of the customs service (Asia/Tashkent, UTC+5, no daylight saving).
const OFFSET_MS = 5 * 3600_000;

/** The service's calendar date of a moment, as YYYY-MM-DD. */
export function serviceDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The moment a service calendar date begins, as a Date. */
export function startOfServiceDate(date: string): Date {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() - OFFSET_MS);
}

/** The calendar date (at UTC midnight), for DATE columns. */
export function asDateColumn(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A DATE column's calendar date as YYYY-MM-DD (the inverse of asDateColumn). */
export function dateColumnDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date YYYY-MM-DD (leap years included). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/**
 * A moment in the service's time zone, ISO 8601 with its offset, to the second:
 * 2026-11-28T09:30:05.250Z → "2026-11-28T14:30:05+05:00". Every CSV export writes moments this way,
 * so a file never mixes zones.
 */
export function serviceIsoMoment(at: Date): string {
  return `${new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+05:00`;
}
