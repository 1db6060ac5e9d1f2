// The work queue's filters, sorting and paging from the query string; bad values fall back.
import { z } from 'zod';
import { DECLARATION_STATUSES } from '../declaration/lifecycle';
import { CHANNELS } from '../risk/profiles';

/**
 * `registered-*` sort by the declaration's registration (where the SLA clock starts), not by the
 * assignment: work from the pool or reassigned keeps its place. `sla` puts the least time left to
 * the channel's target first (overdue work, most overdue first); channels without a target last.
 */
export const QUEUE_SORTS = ['registered-asc', 'registered-desc', 'channel', 'sla'] as const;

/** `inspector` (supervisors only): one inspector of the post, or `pool` for work waiting in the post's pool. */
export const QUEUE_POOL = 'pool';

export const ZQueueQuery = z.object({
  status: z.enum(DECLARATION_STATUSES).optional().catch(undefined),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  overdue: z.enum(['yes']).optional().catch(undefined),
  inspector: z
    .union([z.literal(QUEUE_POOL), z.uuid()])
    .optional()
    .catch(undefined),
  sort: z.enum(QUEUE_SORTS).default('registered-asc').catch('registered-asc'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
export type QueueQuery = z.output<typeof ZQueueQuery>;

export function queueQueryParams(q: Partial<QueueQuery>, overrides: Partial<QueueQuery> = {}): string {
  const merged = { ...q, ...overrides };
  const params = new URLSearchParams();
  for (const key of ['status', 'channel', 'overdue', 'inspector', 'sort', 'page'] as const) {
    const value = merged[key];
    if (value === undefined || (key === 'sort' && value === 'registered-asc') || (key === 'page' && value === 1))
      continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export type SlaTargets = { YELLOW: number; RED: number; GREEN: number | null; BLUE: number | null };
export const DEFAULT_SLA_TARGETS: SlaTargets = { YELLOW: 240, RED: 2880, GREEN: null, BLUE: null };
