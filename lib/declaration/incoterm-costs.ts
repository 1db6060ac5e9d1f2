// Freight and insurance by delivery terms: a cost the Incoterm leaves OUT of the invoice price is
// added to the customs value, so it must be declared (0 is a statement, and accepted); a cost the
// price already INCLUDES must be left empty, else it looks counted twice. One table for the duties
// (INCOTERM_ADDITIONS), the transport step and the format-logic control, so all three agree.
import { INCOTERM_ADDITIONS } from '../duties/calculate';
import type { Incoterm } from '../reference/customs';

export type TransportCost = 'freight' | 'insurance';

export const COST_LABEL: Record<TransportCost, string> = { freight: 'freight cost', insurance: 'insurance cost' };

/** Whether the Incoterm requires the cost (true), forbids it (false), or nothing is known yet (null). */
export function isCostRequired(incoterm: Incoterm | null | undefined, cost: TransportCost): boolean | null {
  return incoterm ? INCOTERM_ADDITIONS[incoterm][cost] : null;
}

/** What is wrong with a cost given (or not) under an Incoterm, in the trader's words; null when nothing is. */
export function incotermCostProblem(
  incoterm: Incoterm | null | undefined,
  cost: TransportCost,
  isGiven: boolean,
): string | null {
  const isRequired = isCostRequired(incoterm, cost);
  const label = COST_LABEL[cost];
  if (isRequired === false && isGiven)
    return `Leave the ${label} empty: under ${incoterm} it is already in the invoice price, so it would be counted twice`;
  if (isRequired === true && !isGiven)
    return `Enter the ${label}: under ${incoterm} it is not in the invoice price (enter 0 if there was none)`;
  return null;
}
