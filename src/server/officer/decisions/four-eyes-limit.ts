// The four-eyes limit of adjustments (a service setting the administrator changes), read at every
// use so that a change applies at once.
import type { Tx } from '../../db';

const DEFAULT_FOUR_EYES_LIMIT = '10000000.00';

export async function loadFourEyesLimit(tx: Tx): Promise<string> {
  const setting = await tx.setting.findUnique({ where: { key: 'adjustment.fourEyesLimit' } });
  const amount = (setting?.value as { amount?: string } | null)?.amount;
  return amount && /^\d+(\.\d+)?$/.test(amount) ? amount : DEFAULT_FOUR_EYES_LIMIT;
}
