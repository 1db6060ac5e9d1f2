// The account's list of declarations: filters, sorting and paging from the query string.
// A bad value is dropped (the list still shows, never a 500) and named in a field error, so the page
// can say which filter it ignored. The dates filter on the registration date.
import { z } from 'zod';
import type { FieldError } from '../errors';
import { fieldErrorsOf } from '../validation';
import { REGIMES } from '../reference/customs';
import { DECLARATION_STATUSES } from './lifecycle';
import { isCalendarDate } from './steps';

export const DECLARATION_SORTS = [
  'created-desc',
  'created-asc',
  'registered-desc',
  'registered-asc',
  'number-asc',
  'number-desc',
] as const;
export type DeclarationSort = (typeof DECLARATION_SORTS)[number];
export const DEFAULT_SORT: DeclarationSort = 'created-desc';

/** A GET form sends empty fields as empty strings: those are "no filter", not errors. */
const blankAsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsAbsent, schema.optional());
const date = (label: string) =>
  z
    .string()
    .trim()
    .refine(isCalendarDate, { error: `The ${label} date must be a real date, like 2026-11-28` });

/** Each parameter as it must be; ZDeclarationListQuery drops what fails here. */
const FIELDS = {
  status: optional(z.enum(DECLARATION_STATUSES, { error: 'Choose a status from the list' })),
  regime: optional(z.enum(REGIMES, { error: 'Choose a regime from the list' })),
  post: optional(
    z
      .string()
      .trim()
      .regex(/^\d{5}$/, { error: 'Choose a customs post from the list' }),
  ),
  from: optional(date('"registered from"')),
  to: optional(date('"registered to"')),
  number: optional(
    z
      .string()
      .trim()
      .max(30, { error: 'The number to search for must be 30 characters or fewer' })
      .regex(/^[\d/]*$/, { error: 'Search the number with digits and slashes only, like 26001/261128' }),
  ),
  sort: z.preprocess(
    blankAsAbsent,
    z.enum(DECLARATION_SORTS, { error: 'Sort by one of the columns of the table' }).default(DEFAULT_SORT),
  ),
  page: z.preprocess(
    blankAsAbsent,
    z.coerce
      .number({ error: 'The page must be a whole number, 1 or more' })
      .int({ error: 'The page must be a whole number, 1 or more' })
      .min(1, { error: 'The page must be a whole number, 1 or more' })
      .max(1_000_000, { error: 'The page must be 1 000 000 or less' })
      .default(1),
  ),
};

/** Strict: every bad parameter is a field error (and "to" cannot be before "from"). */
export const ZDeclarationListQueryStrict = z.object(FIELDS).superRefine((q, ctx) => {
  if (q.from && q.to && q.to < q.from)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'The "registered to" date cannot be before the "registered from" date',
    });
});

/** Lenient: a bad parameter is dropped (sort and page fall back to their defaults). */
export const ZDeclarationListQuery = z.object({
  status: FIELDS.status.catch(undefined),
  regime: FIELDS.regime.catch(undefined),
  post: FIELDS.post.catch(undefined),
  from: FIELDS.from.catch(undefined),
  to: FIELDS.to.catch(undefined),
  number: FIELDS.number.catch(undefined),
  sort: FIELDS.sort.catch(DEFAULT_SORT),
  page: FIELDS.page.catch(1),
});
export type DeclarationListQuery = z.output<typeof ZDeclarationListQuery>;

/** The query the list runs (bad values dropped) and what was wrong with the parameters given. */
export function parseDeclarationListQuery(raw: Record<string, unknown>): {
  query: DeclarationListQuery;
  fieldErrors: FieldError[];
} {
  const strict = ZDeclarationListQueryStrict.safeParse(raw);
  return { query: ZDeclarationListQuery.parse(raw), fieldErrors: strict.success ? [] : fieldErrorsOf(strict.error) };
}

/** The query as URL parameters (for links that keep the filters), without empty values. */
export function listQueryParams(
  q: Partial<DeclarationListQuery>,
  overrides: Partial<DeclarationListQuery> = {},
): string {
  const merged = { ...q, ...overrides };
  const params = new URLSearchParams();
  for (const key of ['status', 'regime', 'post', 'from', 'to', 'number', 'sort', 'page'] as const) {
    const value = merged[key];
    if (
      value === undefined ||
      value === '' ||
      (key === 'sort' && value === DEFAULT_SORT) ||
      (key === 'page' && value === 1)
    )
      continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
