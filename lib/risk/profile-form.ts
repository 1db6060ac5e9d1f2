// The supervisor's profile editor: one form, parsed here into a profile (conditions validated by
// ZProfileConditions). Lists are typed comma-separated; every failing field is named.
import { z } from 'zod';
import { CHANNELS, ZProfileConditions } from './profiles';
import { REGIMES, TRANSPORT_MODES } from '../reference/customs';
import { isCalendarDate } from '../time';

const list = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : Array.isArray(v)
      ? v
      : undefined;
const optional = (v: unknown) => (v === '' || v === null ? undefined : v);
const date = (label: string) => z.string({ error: `Enter ${label}` }).trim().refine(isCalendarDate, { error: `Enter ${label} as a real date, like 2026-12-01` });

export const ZProfileForm = z
  .object({
    name: z.string({ error: 'Enter the name of the profile' }).trim().min(3, { error: 'Enter the name of the profile (at least 3 characters)' }).max(200, { error: 'The name must be 200 characters or fewer' }),
    hsPrefixes: z.preprocess(list, z.array(z.string()).optional()),
    originCountries: z.preprocess(list, z.array(z.string()).optional()),
    dispatchCountries: z.preprocess(list, z.array(z.string()).optional()),
    traderTins: z.preprocess(list, z.array(z.string()).optional()),
    sellerNames: z.preprocess(list, z.array(z.string()).optional()),
    postCodes: z.preprocess(list, z.array(z.string()).optional()),
    transportModes: z.preprocess(list, z.array(z.enum(TRANSPORT_MODES, { error: 'Unknown transport mode' })).optional()),
    regimes: z.preprocess(list, z.array(z.enum(REGIMES, { error: 'Unknown regime' })).optional()),
    minCustomsValue: z.preprocess(optional, z.string().optional()),
    maxCustomsValue: z.preprocess(optional, z.string().optional()),
    minUnitPriceUsd: z.preprocess(optional, z.string().optional()),
    maxUnitPriceUsd: z.preprocess(optional, z.string().optional()),
    isFirstShipment: z.preprocess((v) => (v === 'yes' ? true : v === 'no' ? false : undefined), z.boolean().optional()),
    weight: z.coerce.number({ error: 'Enter the weight as a whole number' }).int({ error: 'Enter the weight as a whole number' }).min(-100, { error: 'The weight must be between -100 and 100' }).max(100, { error: 'The weight must be between -100 and 100' }),
    forcedChannel: z.preprocess(optional, z.enum(CHANNELS, { error: 'Choose a channel' }).optional()),
    instructions: z.preprocess(optional, z.string().trim().max(1000, { error: 'The instructions must be 1000 characters or fewer' }).optional()),
    validFrom: date('the first day of validity'),
    validTo: z.preprocess(optional, date('the last day of validity').optional()),
    isShadow: z.preprocess((v) => v === 'yes' || v === true, z.boolean()),
    isActive: z.preprocess((v) => v === 'yes' || v === true || v === undefined, z.boolean()),
  })
  .transform((form, ctx) => {
    const { name, weight, forcedChannel, instructions, validFrom, validTo, isShadow, isActive, ...rawConditions } = form;
    const conditions = Object.fromEntries(Object.entries(rawConditions).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
    const parsed = ZProfileConditions.safeParse(conditions);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path.length ? [issue.path[0] as string] : ['hsPrefixes'], message: issue.message });
      return z.NEVER;
    }
    if (validTo && validTo < validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'The last day of validity must not be before the first' });
    if (weight === 0 && !forcedChannel) ctx.addIssue({ code: 'custom', path: ['weight'], message: 'Give a weight or a forced channel, or the profile does nothing' });
    return { name, conditions: parsed.data, weight, forcedChannel: forcedChannel ?? null, instructions: instructions ?? null, validFrom, validTo: validTo ?? null, isShadow, isActive };
  });
export type ProfileForm = z.output<typeof ZProfileForm>;

/** Target shares of the yellow and red channels, from which thresholds are derived on recent scores. */
export const ZChannelShares = z
  .object({
    regime: z.enum(['default', ...REGIMES], { error: 'Choose a regime' }),
    yellowPercent: z.coerce.number({ error: 'Enter the yellow share' }).min(0, { error: 'Shares are between 0 and 100' }).max(100, { error: 'Shares are between 0 and 100' }),
    redPercent: z.coerce.number({ error: 'Enter the red share' }).min(0, { error: 'Shares are between 0 and 100' }).max(100, { error: 'Shares are between 0 and 100' }),
    randomSharePercent: z.coerce.number({ error: 'Enter the random share' }).min(0, { error: 'Shares are between 0 and 100' }).max(20, { error: 'The random share is at most 20%' }),
  })
  .refine((s) => s.yellowPercent + s.redPercent <= 100, { path: ['yellowPercent'], error: 'Yellow and red together cannot exceed 100%' });

export const ZDateRange = z.object({
  from: z.string().trim().refine(isCalendarDate).optional().catch(undefined),
  to: z.string().trim().refine(isCalendarDate).optional().catch(undefined),
});
