// How a signed document prints its values: the same strings on the PDF and on the verification
// page. Moments are shown in the service's time zone (Asia/Tashkent, UTC+5, no daylight saving).
import { formatAmount } from '../money';

const TASHKENT_OFFSET_MS = 5 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-28T09:30:00.000Z" → "2026-11-28 14:30 (UTC+5)". */
export function formatServiceMoment(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const local = new Date(at.getTime() + TASHKENT_OFFSET_MS);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} (UTC+5)`;
}

/** A decimal string grouped for reading: "10000.00" → "10 000.00". */
export function formatDecimal(value: string, decimals: number): string {
  try {
    return formatAmount(value, decimals);
  } catch {
    return value;
  }
}
