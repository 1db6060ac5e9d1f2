// Decimal arithmetic for money and quantities. Never binary floating point.
import Decimal from 'decimal.js';

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type D = InstanceType<typeof D>;

/** Round to 2 decimals, half-up (the rounding of every customs payment). */
export function round2(value: D): D {
  return value.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** "1234567.8" → "1 234 567.80" (thin spaces are hard to type; a plain space groups thousands). */
export function formatAmount(value: D | string | number, decimals = 2): string {
  const fixed = new D(value).toFixed(decimals);
  const [intPart, frac] = fixed.split('.');
  const sign = intPart.startsWith('-') ? '-' : '';
  const digits = sign ? intPart.slice(1) : intPart;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return frac ? `${sign}${grouped}.${frac}` : `${sign}${grouped}`;
}
