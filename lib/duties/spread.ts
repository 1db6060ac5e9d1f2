// Spreading an amount over items in proportion to weights so that the shares sum EXACTLY to it.
//
// Method: largest remainder (Hamilton), in cents, with exact integer arithmetic.
//   exact share_i = total × w_i / Σw
//   every item first gets floor(share_i) cents; the cents left over (fewer than the number of items)
//   go one each to the items with the largest fractional remainders; equal remainders → the earlier
//   item first (input order), so the result is deterministic.
// Each share is therefore its exact value rounded either down or up to the cent (never further off
// than one cent), and whenever plain half-up rounding of every share already sums to the total the
// result IS plain half-up rounding (the items with a remainder ≥ ½ cent are exactly the ones with the
// largest remainders). Only when half-up rounding would not add up do the fewest items nearest the
// rounding boundary move by one cent.
import { D } from '../money';

/** Products up to this many significant digits stay exact in D (precision 40). */
const SAFE_DIGITS = 39;
const ZERO = new D(0);
const CENT = new D('0.01');

/**
 * Split `total` (a non-negative amount with at most 2 decimals) over `weights` (non-negative decimals,
 * not all zero unless the total is zero) in proportion to the weights. Returns one amount per weight,
 * each with 2 decimals, summing exactly to `total`.
 */
export function spreadByWeight(total: D, weights: readonly D[]): D[] {
  if (weights.length === 0) throw new Error('spreadByWeight: no weights to spread over.');
  if (total.isNegative() || total.decimalPlaces() > 2)
    throw new Error(
      `spreadByWeight: the total ${total.toFixed()} must be a non-negative amount with at most 2 decimals.`,
    );
  if (weights.some((w) => !w.isFinite() || w.isNegative()))
    throw new Error('spreadByWeight: weights must be non-negative numbers.');

  const totalCents = total.times(100);
  if (totalCents.isZero()) return weights.map(() => ZERO);

  // No need to scale the weights to integers: divToInt is exact integer division of the exact
  // quotient, and the remainders (product − quotient × Σw) are exact decimals.
  let sum = ZERO;
  let largest = ZERO;
  let places = 0;
  for (const w of weights) {
    sum = sum.plus(w);
    if (w.gt(largest)) largest = w;
    places = Math.max(places, w.decimalPlaces());
  }
  if (sum.isZero()) throw new Error('spreadByWeight: cannot spread a non-zero total over weights that are all zero.');
  // Every product, quotient × Σw and remainder has at most this many digits (e = exponent).
  if (totalCents.e + 1 + Math.max(largest.e, sum.e) + 1 + places > SAFE_DIGITS) {
    throw new Error('spreadByWeight: the amounts are too large to spread exactly.');
  }

  const n = weights.length;
  const cents: D[] = new Array(n);
  const remainders: D[] = new Array(n);
  let given = ZERO;
  let anyRemainder = false;
  for (let i = 0; i < n; i++) {
    const product = totalCents.times(weights[i]);
    const q = product.divToInt(sum);
    cents[i] = q;
    remainders[i] = product.minus(q.times(sum));
    if (!remainders[i].isZero()) anyRemainder = true;
    given = given.plus(q);
  }

  const leftover = totalCents.minus(given).toNumber(); // an integer count of cents in [0, n), not money
  if (leftover > 0 && anyRemainder) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => remainders[b].cmp(remainders[a]) || a - b);
    for (let k = 0; k < leftover; k++) cents[order[k]] = cents[order[k]].plus(1);
  }
  return cents.map((c) => c.times(CENT));
}
