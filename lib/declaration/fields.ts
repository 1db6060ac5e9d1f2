// Field-level zod building blocks shared by every declaration form and API body.
import { z } from 'zod';
import { COUNTRY_CODES } from '../reference/countries';
import { CURRENCY_CODES } from '../reference/currencies';
import { D } from '../money';
import { text, type TextOptions } from '../text';

const DECIMAL = /^\d{1,15}(\.\d+)?$/;

/** Trim, and treat an empty string as "not given". No invisible characters (../text.ts). */
export const optionalText = (max: number, opts: TextOptions = {}) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text(opts).max(max, { error: `Must be ${max} characters or fewer` }).optional());

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
    .refine((v) => v.length === 0 || COUNTRY_CODES.has(v), { error: `The ${label} must be an ISO 3166 two-letter country code, like UZ or DE` });

export const currencyCode = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .toUpperCase()
    .refine((v) => v.length > 0, { error: `Enter the ${label}` })
    .refine((v) => v.length === 0 || CURRENCY_CODES.has(v), { error: `The ${label} must be an ISO 4217 currency code, like USD or EUR` });

/**
 * A decimal number given as text (forms) or number (JSON), kept as a canonical string so that no
 * binary floating point touches it. `scale` is the most decimals allowed.
 */
export const decimalString = (label: string, opts: { scale: number; isPositive?: boolean; allowZero?: boolean }) =>
  z
    .union([z.string(), z.number()], { error: `Enter the ${label}` })
    .transform((v) => (typeof v === 'number' ? String(v) : v.trim().replace(/[\s\u00a0]/g, '').replace(',', '.')))
    .superRefine((v, ctx) => {
      // An issue here stops the pipe, so the transform below (and any check chained after this
      // field) never builds a Decimal from raw text (new D('') throws). An enclosing object's
      // cross-field rules must use `whenValid` (../validation.ts) for the same reason: they still run,
      // so that their messages show beside this one. (`continue: false` would silence them.)
      if (v === '') {
        ctx.addIssue({ code: 'custom', message: `Enter the ${label}` });
        return;
      }
      if (!DECIMAL.test(v)) {
        ctx.addIssue({ code: 'custom', message: `The ${label} must be a number, like 1250.50` });
        return;
      }
      const [, frac = ''] = v.split('.');
      if (frac.length > opts.scale) {
        ctx.addIssue({ code: 'custom', message: `The ${label} can have at most ${opts.scale} decimal places` });
        return;
      }
      const value = new D(v);
      if (opts.isPositive && (opts.allowZero ? value.isNegative() : value.lte(0))) {
        ctx.addIssue({ code: 'custom', message: opts.allowZero ? `The ${label} cannot be negative` : `The ${label} must be greater than 0` });
      }
    })
    .transform((v) => new D(v).toFixed());

export const optionalDecimalString = (label: string, opts: { scale: number; isPositive?: boolean; allowZero?: boolean }) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), decimalString(label, opts).optional());

export const hsCode = z
  .string({ error: 'Enter the commodity code' })
  .trim()
  .regex(/^\d{10}$/, { error: 'The commodity code must be 10 digits, like 8471300000' });

export const tin = z
  .string({ error: 'Enter the taxpayer number (TIN)' })
  .trim()
  .regex(/^\d{9}$/, { error: 'The TIN must be 9 digits' });
