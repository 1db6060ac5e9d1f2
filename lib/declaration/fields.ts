// Field-level zod building blocks shared by every declaration form and API body.
import { z } from 'zod';
import { COUNTRY_CODES } from '../reference/countries';
import { CURRENCY_CODES } from '../reference/currencies';
import { D } from '../money';
import { text, type TextOptions } from '../text';

const DECIMAL = /^-?\d+(\.\d+)?$/;
/** At most 15 digits before the decimal mark (the database's decimal columns). */
const MAX_INTEGER_DIGITS = 15;

/** Trim, and treat an empty string as "not given". No invisible characters (../text.ts). */
export const optionalText = (max: number, opts: TextOptions = {}) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    text(opts)
      .max(max, { error: `Must be ${max} characters or fewer` })
      .optional(),
  );

/** Trimmed, not empty, no invisible characters (../text.ts). `isMultiline` for a textarea. */
export const requiredText = (label: string, max: number, opts: TextOptions = {}) =>
  text({ ...opts, error: `Enter the ${label}` })
    .min(1, { error: `Enter the ${label}` })
    .max(max, { error: `The ${label} must be ${max} characters or fewer` });

export const countryCode = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .toUpperCase()
    .refine((v) => v.length > 0, { error: `Enter the ${label}` })
    .refine((v) => v.length === 0 || COUNTRY_CODES.has(v), {
      error: `The ${label} must be an ISO 3166 two-letter country code, like UZ or DE`,
    });

export const currencyCode = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .toUpperCase()
    .refine((v) => v.length > 0, { error: `Enter the ${label}` })
    .refine((v) => v.length === 0 || CURRENCY_CODES.has(v), {
      error: `The ${label} must be an ISO 4217 currency code, like USD or EUR`,
    });

/**
 * What is wrong with a decimal field, in `params.problem` of its issue: the form shows the issue's
 * message, the format-logic control (./control.ts) words its own finding from the problem.
 */
export type DecimalProblem = 'notANumber' | 'negative' | 'notPositive' | 'tooLarge' | 'decimals';

/**
 * A decimal number given as text (forms) or number (JSON), kept as a canonical string so that no
 * binary floating point touches it. `scale` is the most decimals allowed. A minus sign is refused
 * (as "not a number" in the form's words) whether or not the field must be positive.
 */
export const decimalString = (label: string, opts: { scale: number; isPositive?: boolean; allowZero?: boolean }) =>
  z
    .union([z.string(), z.number()], { error: `Enter the ${label}` })
    .transform((v) =>
      typeof v === 'number'
        ? String(v)
        : v
            .trim()
            .replace(/[\s\u00a0]/g, '')
            .replace(',', '.'),
    )
    .superRefine((v, ctx) => {
      // An issue here stops the pipe, so the transform below (and any check chained after this
      // field) never builds a Decimal from raw text (new D('') throws). An enclosing object's
      // cross-field rules must use `whenValid` (../validation.ts) for the same reason: they still run,
      // so that their messages show beside this one. (`continue: false` would silence them.)
      const fail = (problem: DecimalProblem, message: string) =>
        ctx.addIssue({ code: 'custom', message, params: { problem, scale: opts.scale } });
      const notANumber = `The ${label} must be a number, like 1250.50`;
      if (v === '') {
        ctx.addIssue({ code: 'custom', message: `Enter the ${label}` });
        return;
      }
      if (!DECIMAL.test(v)) return fail('notANumber', notANumber);
      if (v.startsWith('-')) return fail(opts.allowZero ? 'negative' : 'notPositive', notANumber);
      const [integer, frac = ''] = v.split('.');
      if (integer.replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) return fail('tooLarge', notANumber);
      if (frac.length > opts.scale)
        return fail('decimals', `The ${label} can have at most ${opts.scale} decimal places`);
      if (opts.isPositive && !opts.allowZero && new D(v).lte(0))
        fail('notPositive', `The ${label} must be greater than 0`);
    })
    .transform((v) => new D(v).toFixed());

/** Null, '' and whitespace are "not given". */
export const optionalDecimalString = (
  label: string,
  opts: { scale: number; isPositive?: boolean; allowZero?: boolean },
) =>
  z.preprocess(
    (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
    decimalString(label, opts).optional(),
  );

/** One code of a fixed list, given in any case (`road` is ROAD); `Choose the <label>` when missing or not listed. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .string({ error: `Choose the ${label}` })
    .trim()
    .toUpperCase()
    .pipe(z.enum(values, { error: `Choose the ${label}` }));

export const hsCode = z
  .string({ error: 'Enter the commodity code' })
  .trim()
  .regex(/^\d{10}$/, { error: 'The commodity code must be 10 digits, like 8471300000' });

export const tin = z
  .string({ error: 'Enter the taxpayer number (TIN)' })
  .trim()
  .regex(/^\d{9}$/, { error: 'The TIN must be 9 digits' });
