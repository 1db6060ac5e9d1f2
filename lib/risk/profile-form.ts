// The supervisor's profile editor: one form, parsed here into a profile (conditions validated by
// ZProfileConditions). Lists are typed comma-separated; every failing field is named.
import { z } from 'zod';
import {
  CHANNELS,
  PROFILE_CONDITION_FIELDS,
  ZProfileConditions,
  conditionProblems,
  type ProfileConditions,
} from './profiles';
import { REGIMES } from '../reference/customs';
import { isCalendarDate } from '../time';
import { text } from '../text';

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
const date = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .refine(isCalendarDate, { error: `Enter ${label} as a real date, like 2026-12-01` });

/**
 * A condition field: the typed list (or value) checked with the stored profile's own schema. Its
 * problems are reported on the field itself (not on an item of the list) so that the error summary
 * links to the input, and every field is checked even when another one fails.
 */
function condition<K extends keyof typeof PROFILE_CONDITION_FIELDS>(key: K, read: (v: unknown) => unknown = list) {
  const schema = PROFILE_CONDITION_FIELDS[key];
  return z.preprocess(read, z.unknown()).transform((value, ctx): z.output<(typeof PROFILE_CONDITION_FIELDS)[K]> => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data as z.output<(typeof PROFILE_CONDITION_FIELDS)[K]>;
    for (const message of new Set(parsed.error.issues.map((i) => i.message))) ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
}
const CONDITION_KEYS = Object.keys(PROFILE_CONDITION_FIELDS) as Array<keyof typeof PROFILE_CONDITION_FIELDS>;

export const ZProfileForm = z
  .object({
    name: text({ error: 'Enter the name of the profile' })
      .min(3, { error: 'Enter the name of the profile (at least 3 characters)' })
      .max(200, { error: 'The name must be 200 characters or fewer' }),
    hsPrefixes: condition('hsPrefixes'),
    originCountries: condition('originCountries'),
    dispatchCountries: condition('dispatchCountries'),
    traderTins: condition('traderTins'),
    declarantIds: condition('declarantIds'),
    sellerNames: condition('sellerNames'),
    postCodes: condition('postCodes'),
    transportModes: condition('transportModes'),
    regimes: condition('regimes'),
    minCustomsValue: condition('minCustomsValue', optional),
    maxCustomsValue: condition('maxCustomsValue', optional),
    minUnitPriceUsd: condition('minUnitPriceUsd', optional),
    maxUnitPriceUsd: condition('maxUnitPriceUsd', optional),
    isFirstShipment: condition('isFirstShipment', (v) =>
      v === 'yes' || v === true ? true : v === 'no' || v === false ? false : undefined,
    ),
    weight: z.coerce
      .number({ error: 'Enter the weight as a whole number' })
      .int({ error: 'Enter the weight as a whole number' })
      .min(-100, { error: 'The weight must be between -100 and 100' })
      .max(100, { error: 'The weight must be between -100 and 100' }),
    forcedChannel: z.preprocess(optional, z.enum(CHANNELS, { error: 'Choose a channel' }).optional()),
    instructions: z.preprocess(
      optional,
      text({ isMultiline: true }).max(1000, { error: 'The instructions must be 1000 characters or fewer' }).optional(),
    ),
    validFrom: date('the first day of validity'),
    validTo: z.preprocess(optional, date('the last day of validity').optional()),
    isShadow: z.preprocess((v) => v === 'yes' || v === true, z.boolean()),
    isActive: z.preprocess((v) => v === 'yes' || v === true || v === undefined, z.boolean()),
  })
  // Rules across fields run even when some field failed (`when`), so the supervisor sees every
  // problem at once; each rule reads only fields that are usable.
  // Rules across fields run even when some field failed (`when`), so the supervisor sees every
  // problem at once. A field that failed holds no usable value here: each rule reads only fields
  // that pass their own schema, and a refused condition still counts as "a condition was given".
  .superRefine(
    (form, ctx) => {
      const usable: Record<string, unknown> = {};
      let isAnyConditionRefused = false;
      for (const k of CONDITION_KEYS) {
        if (form[k] === undefined) continue;
        const parsed = PROFILE_CONDITION_FIELDS[k].safeParse(form[k]);
        if (parsed.success) usable[k] = parsed.data;
        else isAnyConditionRefused = true;
      }
      for (const p of conditionProblems(usable)) {
        if (p.path.length === 0 && isAnyConditionRefused) continue;
        ctx.addIssue({ code: 'custom', path: p.path.length ? p.path : ['hsPrefixes'], message: p.message });
      }
      const { validFrom, validTo } = form as { validFrom: unknown; validTo: unknown };
      if (
        typeof validTo === 'string' &&
        typeof validFrom === 'string' &&
        isCalendarDate(validTo) &&
        isCalendarDate(validFrom) &&
        validTo < validFrom
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['validTo'],
          message: 'The last day of validity must not be before the first',
        });
      }
      if (form.weight === 0 && !form.forcedChannel)
        ctx.addIssue({
          code: 'custom',
          path: ['weight'],
          message: 'Give a weight or a forced channel, or the profile does nothing',
        });
    },
    { when: () => true },
  )
  .transform((form) => {
    const { name, weight, forcedChannel, instructions, validFrom, validTo, isShadow, isActive } = form;
    const conditions = Object.fromEntries(
      CONDITION_KEYS.map((k) => [k, form[k]]).filter(
        ([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
      ),
    ) as ProfileConditions;
    return {
      name,
      conditions,
      weight,
      forcedChannel: forcedChannel ?? null,
      instructions: instructions ?? null,
      validFrom,
      validTo: validTo ?? null,
      isShadow,
      isActive,
    };
  });
export type ProfileForm = z.output<typeof ZProfileForm>;

/** Target shares of the yellow and red channels, from which thresholds are derived on recent scores. */
export const ZChannelShares = z
  .object({
    regime: z.enum(['default', ...REGIMES], { error: 'Choose a regime' }),
    yellowPercent: z.coerce
      .number({ error: 'Enter the yellow share' })
      .min(0, { error: 'Shares are between 0 and 100' })
      .max(100, { error: 'Shares are between 0 and 100' }),
    redPercent: z.coerce
      .number({ error: 'Enter the red share' })
      .min(0, { error: 'Shares are between 0 and 100' })
      .max(100, { error: 'Shares are between 0 and 100' }),
    randomSharePercent: z.coerce
      .number({ error: 'Enter the random share' })
      .min(0, { error: 'Shares are between 0 and 100' })
      .max(20, { error: 'The random share is at most 20%' }),
  })
  .refine((s) => s.yellowPercent + s.redPercent <= 100, {
    path: ['yellowPercent'],
    error: 'Yellow and red together cannot exceed 100%',
  });

export type ProfileFormValues = Record<string, string | string[] | undefined>;

/**
 * A stored profile as the editor's fields show it (lists joined with commas, checkbox groups as
 * arrays, yes/no radios): parsing these values with ZProfileForm gives the same profile back.
 */
export function profileFormValues(p: {
  name: string;
  conditions: unknown;
  weight: number;
  forcedChannel: string | null;
  instructions: string | null;
  validFrom: string;
  validTo: string | null;
  isShadow: boolean;
  isActive: boolean;
}): ProfileFormValues {
  const parsed = ZProfileConditions.safeParse(p.conditions);
  const c: ProfileConditions = parsed.success ? parsed.data : {};
  const join = (v?: readonly string[]) => (v ? v.join(', ') : undefined);
  return {
    name: p.name,
    hsPrefixes: join(c.hsPrefixes),
    originCountries: join(c.originCountries),
    dispatchCountries: join(c.dispatchCountries),
    traderTins: join(c.traderTins),
    declarantIds: join(c.declarantIds),
    sellerNames: join(c.sellerNames),
    postCodes: join(c.postCodes),
    transportModes: c.transportModes ? [...c.transportModes] : [],
    regimes: c.regimes ? [...c.regimes] : [],
    minCustomsValue: c.minCustomsValue,
    maxCustomsValue: c.maxCustomsValue,
    minUnitPriceUsd: c.minUnitPriceUsd,
    maxUnitPriceUsd: c.maxUnitPriceUsd,
    isFirstShipment: c.isFirstShipment === undefined ? '' : c.isFirstShipment ? 'yes' : 'no',
    weight: String(p.weight),
    forcedChannel: p.forcedChannel ?? '',
    instructions: p.instructions ?? '',
    validFrom: p.validFrom,
    validTo: p.validTo ?? '',
    isShadow: p.isShadow ? 'yes' : 'no',
    isActive: p.isActive ? 'yes' : 'no',
  };
}
