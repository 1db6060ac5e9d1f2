// The customs service's working settings that an administrator sets: the SLA targets of the
// officers' queue (per channel, in minutes) and the four-eyes limit of value adjustments (UZS).
// Stored in the Setting table in the shapes their readers expect: `sla.targetMinutes`
// ({ YELLOW, RED } minutes) and `adjustment.fourEyesLimit` ({ amount } a decimal string).
import { z } from 'zod';
import { D } from '../money';
import { decimalString } from '../declaration/fields';
import { whenValid } from '../validation';

export const SLA_TARGETS_KEY = 'sla.targetMinutes';
export const FOUR_EYES_LIMIT_KEY = 'adjustment.fourEyesLimit';

/** At most 30 days; at least 5 minutes. */
export const MIN_SLA_MINUTES = 5;
export const MAX_SLA_MINUTES = 30 * 24 * 60;
export const MAX_FOUR_EYES_LIMIT = '1000000000000.00';

const minutes = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (/^\s*\d{1,6}\s*$/.test(v) ? Number(v) : v.trim() === '' ? undefined : NaN) : v),
    z
      .number({ error: `Enter the ${label} in minutes, a whole number from ${MIN_SLA_MINUTES} to ${MAX_SLA_MINUTES}` })
      .int({ error: `Enter the ${label} in minutes, a whole number from ${MIN_SLA_MINUTES} to ${MAX_SLA_MINUTES}` })
      .min(MIN_SLA_MINUTES, { error: `The ${label} must be at least ${MIN_SLA_MINUTES} minutes` })
      .max(MAX_SLA_MINUTES, { error: `The ${label} can be at most ${MAX_SLA_MINUTES} minutes (30 days)` }),
  );

export const ZServiceSettings = z
  .object({
    yellowTargetMinutes: minutes('yellow channel target'),
    redTargetMinutes: minutes('red channel target'),
    fourEyesLimit: decimalString('four-eyes limit', { scale: 2, isPositive: true }).superRefine((v, ctx) => {
      if (new D(v).gt(MAX_FOUR_EYES_LIMIT))
        ctx.addIssue({ code: 'custom', message: 'The four-eyes limit can be at most 1 000 000 000 000.00 UZS' });
    }),
  })
  .superRefine(
    (s, ctx) => {
      // A red declaration (physical examination) never has a shorter target than a yellow one (documents).
      if (
        typeof s.yellowTargetMinutes === 'number' &&
        typeof s.redTargetMinutes === 'number' &&
        s.redTargetMinutes < s.yellowTargetMinutes
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['redTargetMinutes'],
          message: 'The red channel target cannot be shorter than the yellow one',
        });
      }
    },
    whenValid('yellowTargetMinutes', 'redTargetMinutes'),
  );
export type ServiceSettingsInput = z.output<typeof ZServiceSettings>;
export type ServiceSettings = { yellowTargetMinutes: number; redTargetMinutes: number; fourEyesLimit: string };
