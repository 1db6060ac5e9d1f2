// The dashboard's query: a period of service days (from, to, both included) and, for the
// administrator, an optional customs post. `ZStatisticsQuery` is what the use case accepts;
// `parseStatisticsSearchParams` reads a page's or an export's query string, where a missing value
// takes its default and a bad one falls back to it with a field error naming the problem — never a 500.
import { z } from 'zod';
import type { FieldError } from '../errors';
import { fieldErrorsOf } from '../validation';
import { isCalendarDate } from '../time';
import { addDays, daysInPeriod } from './days';

/** Ten years: any longer period is a typing mistake rather than a question. */
export const STATISTICS_MAX_DAYS = 3660;
/** The default period: the last 30 days, today included. */
export const STATISTICS_DEFAULT_DAYS = 30;

const MESSAGES = {
  from: 'Enter the start date as YYYY-MM-DD, for example 2026-11-01',
  to: 'Enter the end date as YYYY-MM-DD, for example 2026-11-30',
  order: 'The end date must be the same as or after the start date',
  span: `The period can be at most ${STATISTICS_MAX_DAYS} days long`,
  post: 'Choose a customs post from the list',
} as const;

const isServiceDate = (v: string) => isCalendarDate(v) && v >= '2000-01-01' && v <= '2099-12-31';
const date = (message: string) => z.string({ error: message }).trim().refine(isServiceDate, { error: message });

export const ZStatisticsQuery = z
  .object({
    from: date(MESSAGES.from),
    to: date(MESSAGES.to),
    postCode: z
      .string({ error: MESSAGES.post })
      .trim()
      .regex(/^\d{5}$/, { error: MESSAGES.post })
      .optional(),
  })
  .superRefine((q, ctx) => {
    if (!isServiceDate(q.from) || !isServiceDate(q.to)) return; // already named
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: MESSAGES.order });
    else if (daysInPeriod(q.from, q.to) > STATISTICS_MAX_DAYS)
      ctx.addIssue({ code: 'custom', path: ['from'], message: MESSAGES.span });
  });
export type StatisticsQuery = z.output<typeof ZStatisticsQuery>;

export function defaultStatisticsPeriod(
  today: string,
  days: number = STATISTICS_DEFAULT_DAYS,
): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

export type ParsedStatisticsParams = {
  /** What the dashboard shows: the valid values, defaults in place of missing or bad ones. */
  query: StatisticsQuery;
  /** What the form shows: the values as they were entered. */
  entered: { from: string; to: string; post: string };
  /** One error per bad field (paths: from, to, post). */
  fieldErrors: FieldError[];
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/**
 * Read `?from=&to=&post=`. `today` is the service date of the request (the caller reads the clock).
 * `allowPost`: only the administrator chooses a post; for others `post` is ignored.
 * `defaultDays`: the length of the default period (30 days unless the page says otherwise).
 */
export function parseStatisticsSearchParams(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
  options: { today: string; allowPost: boolean; defaultDays?: number },
): ParsedStatisticsParams {
  const get = (key: string) =>
    (params instanceof URLSearchParams ? (params.get(key) ?? '') : first(params[key])).trim().slice(0, 40);
  const entered = { from: get('from'), to: get('to'), post: options.allowPost ? get('post') : '' };
  const defaultDays = options.defaultDays ?? STATISTICS_DEFAULT_DAYS;
  const defaults = defaultStatisticsPeriod(options.today, defaultDays);
  const fieldErrors: FieldError[] = [];

  const one = (key: 'from' | 'to', fallback: string) => {
    if (entered[key] === '') return fallback;
    const parsed = ZStatisticsQuery.shape[key].safeParse(entered[key]);
    if (parsed.success) return parsed.data;
    fieldErrors.push({ path: key, message: MESSAGES[key] });
    return fallback;
  };
  const from = one('from', defaults.from);
  const to = one('to', defaults.to);
  const hasDateError = fieldErrors.length > 0;
  // One end only: the other keeps the default length of period next to it.
  const period = hasDateError
    ? defaults
    : entered.from !== '' && entered.to === ''
      ? { from, to: from > defaults.to ? from : defaults.to }
      : entered.to !== '' && entered.from === ''
        ? { from: to < defaults.from ? addDays(to, -(defaultDays - 1)) : defaults.from, to }
        : { from, to };

  let postCode: string | undefined;
  if (entered.post !== '') {
    const parsed = ZStatisticsQuery.shape.postCode.safeParse(entered.post);
    if (parsed.success) postCode = parsed.data;
    else fieldErrors.push({ path: 'post', message: MESSAGES.post });
  }

  const whole = ZStatisticsQuery.safeParse({ ...period, postCode });
  if (whole.success) return { query: whole.data, entered, fieldErrors };
  // The dates are fine one by one but not together (end before start, too long): the default period.
  // (With a bad date the default period is in force already, so this names only the pair's problem.)
  fieldErrors.push(...fieldErrorsOf(whole.error));
  return { query: { ...defaults, postCode }, entered, fieldErrors };
}

/** The query as URL parameters (for the export link and links that keep the period). */
export function statisticsQueryParams(query: StatisticsQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.postCode) params.set('post', query.postCode);
  return `?${params.toString()}`;
}
