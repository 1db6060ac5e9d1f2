// Reference price distributions for customs value control: per HS code and origin, quantiles of
// the declared unit price in USD per supplementary unit. The seed (prisma/seed/reference-prices.ts)
// and the rebuild from released declarations (src/server/risk/reference-prices.ts) both use this.
import { D } from '../money';

export const REFERENCE_QUANTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9] as const;
/** Fewer observations than this for an HS code and origin: no reference row (the engine needs at least 5 too). */
export const MIN_REFERENCE_SAMPLE = 5;

type DecimalLike = D | string | { toString(): string };

/**
 * An item's unit price in USD per supplementary unit: invoice value → UZS at the invoice
 * currency's rate → USD at the USD rate of the same day, per unit. Null when a rate is missing or
 * the quantity is not positive. Registration (the engine's input) and the reference prices use this one formula.
 */
export function unitPriceUsd(args: {
  invoiceValue: DecimalLike;
  quantity: DecimalLike;
  invoiceRate: DecimalLike | null;
  usdRate: DecimalLike | null;
}): D | null {
  if (args.invoiceRate === null || args.usdRate === null) return null;
  const quantity = new D(args.quantity.toString());
  const usdRate = new D(args.usdRate.toString());
  if (quantity.lte(0) || usdRate.isZero()) return null;
  return new D(args.invoiceValue.toString()).mul(new D(args.invoiceRate.toString())).div(usdRate).div(quantity);
}

/** Linear interpolation between order statistics (the "type 7" quantile) of an ascending list. */
export function quantile(sorted: readonly D[], p: number): D {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo].plus(sorted[hi].minus(sorted[lo]).mul(new D(h - lo).toDecimalPlaces(12)));
}

export type PriceObservation = { hsCode: string; originCountry: string; unit: string; unitPriceUsd: D };
export type ReferencePriceRow = {
  hsCode: string;
  originCountry: string;
  unit: string;
  sampleSize: number;
  q05: string;
  q10: string;
  q25: string;
  q50: string;
  q75: string;
  q90: string;
};

/** Group observations by HS code and origin; a group with at least `minSample` prices gets a row (sorted by code, origin). */
export function referencePriceRows(
  observations: Iterable<PriceObservation>,
  options: { minSample?: number } = {},
): ReferencePriceRow[] {
  const minSample = options.minSample ?? MIN_REFERENCE_SAMPLE;
  const groups = new Map<string, { hsCode: string; originCountry: string; unit: string; prices: D[] }>();
  for (const o of observations) {
    const key = `${o.hsCode}:${o.originCountry}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { hsCode: o.hsCode, originCountry: o.originCountry, unit: o.unit, prices: [] }));
    g.prices.push(o.unitPriceUsd);
  }
  const rows: ReferencePriceRow[] = [];
  for (const g of [...groups.values()].sort(
    (a, b) => a.hsCode.localeCompare(b.hsCode) || a.originCountry.localeCompare(b.originCountry),
  )) {
    if (g.prices.length < minSample) continue;
    const sorted = [...g.prices].sort((a, b) => a.cmp(b));
    const [q05, q10, q25, q50, q75, q90] = REFERENCE_QUANTILES.map((p) => quantile(sorted, p).toFixed(6));
    rows.push({
      hsCode: g.hsCode,
      originCountry: g.originCountry,
      unit: g.unit,
      sampleSize: g.prices.length,
      q05,
      q10,
      q25,
      q50,
      q75,
      q90,
    });
  }
  return rows;
}
