// The account's lists from the query string: movement history (filters, page) and the statement
// period. A bad filter value of the history is dropped (the list still shows); a bad statement
// period names its field.
import { z } from 'zod';
import { isCalendarDate, serviceDate } from '../time';
import { LEDGER_KINDS } from './ledger';

const optionalDate = z.string().trim().refine(isCalendarDate).optional().catch(undefined);

export const ZHistoryQuery = z.object({
  kind: z.enum(LEDGER_KINDS).optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
export type HistoryQuery = z.output<typeof ZHistoryQuery>;

export function historyQueryParams(q: Partial<HistoryQuery>, overrides: Partial<HistoryQuery> = {}): string {
  const merged = { ...q, ...overrides };
  const params = new URLSearchParams();
  for (const key of ['kind', 'from', 'to', 'page'] as const) {
    const value = merged[key];
    if (value === undefined || value === '' || (key === 'page' && value === 1)) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The longest statement period, in days. */
export const MAX_STATEMENT_DAYS = 731;

const date = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, { error: `Enter the ${label}`, abort: true })
    .refine(isCalendarDate, { error: `The ${label} must be a real date, like 2026-11-01` });

export const ZStatementPeriod = z
  .object({ from: date('first day of the statement'), to: date('last day of the statement') })
  .superRefine((v, ctx) => {
    if (!isCalendarDate(v.from) || !isCalendarDate(v.to)) return;
    const days = (Date.parse(`${v.to}T00:00:00Z`) - Date.parse(`${v.from}T00:00:00Z`)) / 86_400_000;
    if (days < 0)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The last day of the statement must be on or after its first day',
      });
    else if (days >= MAX_STATEMENT_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `A statement can cover at most ${MAX_STATEMENT_DAYS} days`,
      });
  });
export type StatementPeriod = z.output<typeof ZStatementPeriod>;

/** The default statement: from the first day of this month to today (service days). */
export function defaultStatementPeriod(now: Date): StatementPeriod {
  const today = serviceDate(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

export const ZStatementPage = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1) });
