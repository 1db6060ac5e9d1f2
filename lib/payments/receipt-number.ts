// Receipt numbers R-YYYY-NNNNNNN: one series per calendar year of the service (Tashkent, UTC+5),
// shared by every movement that gets a receipt (payments, overpayments credited back, top-ups,
// refunds). The seeded history numbers its receipts the same way; new ones continue after the
// highest number of the year (src/server/payments/ledger.ts keeps the series).
import { z } from 'zod';

const PATTERN = /^R-(\d{4})-(\d{7})$/;
export const ZReceiptNumber = z.string().trim().regex(PATTERN, { error: 'A receipt number looks like R-2026-0002814' });

/** The service's calendar year of a moment. */
export function receiptYear(at: Date): number {
  return new Date(at.getTime() + 5 * 3600_000).getUTCFullYear();
}

export function formatReceiptNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new Error(`Invalid receipt year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9_999_999)
    throw new Error(`Receipt sequence out of range: ${sequence}`);
  return `R-${year}-${String(sequence).padStart(7, '0')}`;
}

export function parseReceiptNumber(value: string): { year: number; sequence: number } | null {
  const m = PATTERN.exec(value.trim());
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : null;
}
