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

/**
 * An ISO 3166 alpha-2 code, given in any case. Anything else — a country's name typed without
 * choosing it from the list, a longer text — is refused, never cut or looked up: "Germany" cut to
 * two letters would be GE (Georgia).
 */
export const countryCode = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .toUpperCase()
    .refine((v) => v.length > 0, { error: `Enter the ${label}` })
    .refine((v) => v.length === 0 || COUNTRY_CODES.has(v), {
      error: `Choose the ${label} from the list, or enter its two-letter ISO 3166 code, like DE`,
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
 * binary floating point touches it. `scale` is the most decimals allowed. Each message says what is
 * wrong: not a number, below the field's floor (more than 0, or 0 or more with `allowZero`), too
 * large for the database's decimal columns, or too many decimals.
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
      if (v === '') {
        ctx.addIssue({ code: 'custom', message: `Enter the ${label}` });
        return;
      }
      if (!DECIMAL.test(v)) return fail('notANumber', `The ${label} must be a number, like 1250.50`);
      // Every decimal field of the portal is a quantity, a mass or an amount: none is ever negative.
      if (v.startsWith('-'))
        return opts.allowZero
          ? fail('negative', negativeMessage(label))
          : fail('notPositive', notPositiveMessage(label));
      const [integer, frac = ''] = v.split('.');
      if (integer.replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) return fail('tooLarge', tooLargeMessage(label));
      if (frac.length > opts.scale)
        return fail('decimals', `The ${label} can have at most ${opts.scale} decimal places`);
      if (opts.isPositive && !opts.allowZero && new D(v).lte(0)) fail('notPositive', notPositiveMessage(label));
    })
    .transform((v) => new D(v).toFixed());

/** The words of a decimal field's problems, shared with the format-logic control (./control.ts). */
export const notPositiveMessage = (label: string) => `The ${label} must be more than 0`;
export const negativeMessage = (label: string) => `The ${label} must be 0 or more`;
export const tooLargeMessage = (label: string) =>
  `The ${label} is too large: at most ${MAX_INTEGER_DIGITS} digits before the decimal point`;

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

/** The length of a commodity code: 6 digits of the Harmonized System, 4 national. */
export const HS_CODE_LENGTH = 10;

/**
 * A 10-digit commodity code. A longer one (a pasted 20-digit string) is refused and said so, never
 * cut to its first 10 digits: those could be another product's code.
 */
export const hsCode = z
  .string({ error: 'Enter the commodity code' })
  .trim()
  .superRefine((v, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (v === '') return fail('Enter the commodity code');
    if (!/^\d+$/.test(v)) return fail('The commodity code must be 10 digits, like 8471300000 (digits only)');
    if (v.length > HS_CODE_LENGTH)
      return fail(
        `The commodity code has ${v.length} digits, which is too many: it must be exactly 10, like 8471300000`,
      );
    if (v.length < HS_CODE_LENGTH)
      fail(`The commodity code has ${v.length} digits: it must be exactly 10, like 8471300000`);
  });

export const tin = z
  .string({ error: 'Enter the taxpayer number (TIN)' })
  .trim()
  .regex(/^\d{9}$/, { error: 'The TIN must be 9 digits' });
