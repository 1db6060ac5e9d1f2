// What tells one declaration of the account's list from another (drafts above all, which have no
// number yet): who sends the goods, the first item and how many more, the invoice total, and when
// it last changed. And the account's one-off notice after a draft was deleted. Pure.
import { z } from 'zod';

/** `?deleted=1` on the account after a draft was deleted; anything else is no notice. */
export const ZDraftDeletedNotice = z.object({ deleted: z.literal('1').optional().catch(undefined) });

export type GoodsSummary = { first: { hsCode: string; description: string } | null; more: number };

/** The first item (by line) and how many items follow it. */
export function goodsSummary(
  items: readonly { hsCode: string; description: string }[],
  itemCount: number,
): GoodsSummary {
  const first = items[0] ?? null;
  return { first, more: first ? Math.max(0, itemCount - 1) : 0 };
}
