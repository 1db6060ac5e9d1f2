// Reference price distributions for customs value control: for each HS code and origin with at
// least 5 items in the history, quantiles of the declared unit price in USD per supplementary unit.
// The grouping and quantiles are lib/risk/reference-prices.ts, which the rebuild from released
// declarations (npm run risk:reference-prices, every training run) uses too.
import {
  referencePriceRows as quantileRows,
  unitPriceUsd,
  type PriceObservation,
} from '../../lib/risk/reference-prices.ts';
import { seedUuid } from './ids.ts';
import type { HistoryDeclaration } from './history.ts';

export function referencePriceRows(declarations: readonly HistoryDeclaration[], now: Date) {
  const observations: PriceObservation[] = [];
  for (const d of declarations) {
    for (const item of d.items) {
      const price = unitPriceUsd({
        invoiceValue: item.invoiceValue,
        quantity: item.quantity,
        invoiceRate: d.invoiceRate,
        usdRate: d.usdRate,
      });
      if (price)
        observations.push({
          hsCode: item.goods.line.hsCode,
          originCountry: item.origin,
          unit: item.goods.line.supplementaryUnit,
          unitPriceUsd: price,
        });
    }
  }
  return quantileRows(observations).map((r) => ({
    id: seedUuid(`reference-price:${r.hsCode}:${r.originCountry}`),
    ...r,
    computedAt: now,
  }));
}
