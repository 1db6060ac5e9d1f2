// The account's list of declarations: filters, sorting and paging from the query string.
// A bad value is dropped (the list still shows), never a 500.
import { z } from 'zod';
import { REGIMES } from '../reference/customs';
import { DECLARATION_STATUSES } from './lifecycle';
import { isCalendarDate } from './steps';

export const DECLARATION_SORTS = ['created-desc', 'created-asc', 'registered-desc', 'registered-asc', 'number-asc', 'number-desc'] as const;
export type DeclarationSort = (typeof DECLARATION_SORTS)[number];

const optionalDate = z.string().trim().refine(isCalendarDate).optional().catch(undefined);

export const ZDeclarationListQuery = z.object({
  status: z.enum(DECLARATION_STATUSES).optional().catch(undefined),
  regime: z.enum(REGIMES).optional().catch(undefined),
  post: z.string().trim().regex(/^\d{5}$/).optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
  number: z.string().trim().max(30).regex(/^[\d/]*$/).optional().catch(undefined),
  sort: z.enum(DECLARATION_SORTS).default('created-desc').catch('created-desc'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
export type DeclarationListQuery = z.output<typeof ZDeclarationListQuery>;

/** The query as URL parameters (for links that keep the filters), without empty values. */
export function listQueryParams(q: Partial<DeclarationListQuery>, overrides: Partial<DeclarationListQuery> = {}): string {
  const merged = { ...q, ...overrides };
  const params = new URLSearchParams();
  for (const key of ['status', 'regime', 'post', 'from', 'to', 'number', 'sort', 'page'] as const) {
    const value = merged[key];
    if (value === undefined || value === '' || (key === 'sort' && value === 'created-desc') || (key === 'page' && value === 1)) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
