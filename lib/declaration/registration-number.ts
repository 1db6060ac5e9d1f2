// Registration number POST/YYMMDD/NNNNNNN: post code, registration date, sequence per post and day.

export function registrationDay(at: Date): string {
  // Customs days are counted in the service's time zone (Asia/Tashkent, UTC+5, no DST).
  const local = new Date(at.getTime() + 5 * 3600_000);
  const yy = String(local.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(local.getUTCDate()).padStart(2, '0');
  return `${yy}${mm}${dd}`;
}

/** The registration date (a calendar date, at UTC midnight) of a moment, in the service's time zone. */
export function registrationDate(at: Date): Date {
  const local = new Date(at.getTime() + 5 * 3600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

export function formatRegistrationNumber(postCode: string, at: Date, sequence: number): string {
  if (!/^\d{5}$/.test(postCode)) throw new Error(`Invalid post code ${postCode}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9_999_999)
    throw new Error(`Sequence out of range: ${sequence}`);
  return `${postCode}/${registrationDay(at)}/${String(sequence).padStart(7, '0')}`;
}

const PATTERN = /^(\d{5})\/(\d{6})\/(\d{7})$/;

export function parseRegistrationNumber(value: string): { postCode: string; day: string; sequence: number } | null {
  const m = PATTERN.exec(value.trim());
  if (!m) return null;
  return { postCode: m[1], day: m[2], sequence: Number(m[3]) };
}
