// Reference price distributions for customs value control: for each HS code and origin with at
// least 5 items in the history, quantiles of the declared unit price in USD per supplementary unit.
import { D } from '../../lib/money.ts';
import { seedUuid } from './ids.ts';
import type { HistoryDeclaration } from './history.ts';

const QUANTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9] as const;
export const MIN_SAMPLE = 5;

/** Linear interpolation between order statistics (the "type 7" quantile). */
function quantile(sorted: readonly D[], p: number): D {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo].plus(sorted[hi].minus(sorted[lo]).mul(new D(h - lo).toDecimalPlaces(12)));
}

export function referencePriceRows(declarations: readonly HistoryDeclaration[], now: Date) {
  const groups = new Map<string, { hsCode: string; origin: string; unit: string; prices: D[] }>();
  for (const d of declarations) {
    for (const item of d.items) {
      if (item.quantity.isZero()) continue;
      const key = `${item.goods.line.hsCode}:${item.origin}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { hsCode: item.goods.line.hsCode, origin: item.origin, unit: item.goods.line.supplementaryUnit, prices: [] }));
      // Invoice value → UZS at the invoice currency's rate → USD at the USD rate of the same day.
      g.prices.push(item.invoiceValue.mul(d.invoiceRate).div(d.usdRate).div(item.quantity));
    }
  }
  const rows = [];
  for (const g of [...groups.values()].sort((a, b) => a.hsCode.localeCompare(b.hsCode) || a.origin.localeCompare(b.origin))) {
    if (g.prices.length < MIN_SAMPLE) continue;
    const sorted = [...g.prices].sort((a, b) => a.cmp(b));
    const [q05, q10, q25, q50, q75, q90] = QUANTILES.map((p) => quantile(sorted, p).toFixed(6));
    rows.push({ id: seedUuid(`reference-price:${g.hsCode}:${g.origin}`), hsCode: g.hsCode, originCountry: g.origin, unit: g.unit, sampleSize: g.prices.length, q05, q10, q25, q50, q75, q90, computedAt: now });
  }
  return rows;
}
