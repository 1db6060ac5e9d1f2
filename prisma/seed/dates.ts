// Date helpers. Calendar dates are UTC midnights; customs days (registration numbers, the rate of
// the registration date) are counted in Tashkent time (UTC+5, no DST).

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

export function isoDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}

export function addMs(at: Date, ms: number): Date {
  return new Date(at.getTime() + Math.round(ms));
}
