// Risk profiles that supervisors manage: conditions on a declaration, each profile with a weight
// (points added to the score) or a forced channel, validity dates and instructions to the examiner.
// A profile in shadow mode is evaluated and recorded but not applied.
import { z } from 'zod';
import { REGIMES, TRANSPORT_MODES } from '../reference/customs';
import { COUNTRY_CODES } from '../reference/countries';
import { text } from '../text';

export const CHANNELS = ['GREEN', 'YELLOW', 'RED', 'BLUE'] as const;
export type Channel = (typeof CHANNELS)[number];

const countryList = z
  .array(
    z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => COUNTRY_CODES.has(c), { error: 'Use ISO 3166 two-letter country codes, like CN or TR' }),
  )
  .max(50, { error: 'At most 50 countries' });
const hsPrefixList = z
  .array(
    z
      .string()
      .trim()
      .regex(/^\d{2,10}$/, { error: 'HS prefixes are 2 to 10 digits' }),
  )
  .max(100, { error: 'At most 100 HS prefixes' });
const tinList = z
  .array(
    z
      .string()
      .trim()
      .regex(/^\d{9}$/, { error: 'A TIN is 9 digits' }),
  )
  .max(100, { error: 'At most 100 TINs' });
const nameList = z.array(text().min(2, { error: 'A name has at least 2 characters' }).max(200)).max(50);
const money = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d{1,2})?$/, { error: 'An amount like 1000000.00' });

const uuidList = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.uuid({ error: 'A declarant is a user id, like 4c1f0e2a-7b3d-4e8f-9a21-5d6c7e8f9a0b' })),
  )
  .max(50, { error: 'At most 50 declarants' });

/**
 * Each condition's own schema, so the supervisor's form (profile-form.ts) checks every field with
 * exactly the rules stored profiles are read with. `declarantIds` are user ids: the declaration
 * stores the user who filed it (`createdById`, the trader's clerk or a customs broker).
 */
export const PROFILE_CONDITION_FIELDS = {
  hsPrefixes: hsPrefixList.optional(),
  originCountries: countryList.optional(),
  dispatchCountries: countryList.optional(),
  traderTins: tinList.optional(),
  declarantIds: uuidList.optional(),
  sellerNames: nameList.optional(),
  postCodes: z
    .array(z.string().regex(/^\d{5}$/, { error: 'A post code is 5 digits' }))
    .max(50)
    .optional(),
  transportModes: z
    .array(z.enum(TRANSPORT_MODES, { error: 'Unknown transport mode' }))
    .max(5)
    .optional(),
  regimes: z
    .array(z.enum(REGIMES, { error: 'Unknown regime' }))
    .max(6)
    .optional(),
  minCustomsValue: money.optional(),
  maxCustomsValue: money.optional(),
  /** Declared unit price (USD per supplementary unit) range. */
  minUnitPriceUsd: money.optional(),
  maxUnitPriceUsd: money.optional(),
  isFirstShipment: z.boolean().optional(),
};

/** Rules across conditions (at least one given; ranges not inverted), as `{ path, message }`. */
export function conditionProblems(c: Record<string, unknown>): Array<{ path: string[]; message: string }> {
  const problems: Array<{ path: string[]; message: string }> = [];
  const given = Object.values(c).filter((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  if (given.length === 0)
    problems.push({ path: [], message: 'Give at least one condition, or the profile would match every declaration' });
  const inverted = (min: unknown, max: unknown) =>
    typeof min === 'string' && typeof max === 'string' && Number(min) > Number(max);
  if (inverted(c.minCustomsValue, c.maxCustomsValue))
    problems.push({ path: ['maxCustomsValue'], message: 'The maximum value must not be below the minimum' });
  if (inverted(c.minUnitPriceUsd, c.maxUnitPriceUsd))
    problems.push({ path: ['maxUnitPriceUsd'], message: 'The maximum unit price must not be below the minimum' });
  return problems;
}

/** What a profile matches on. Every condition given must hold (AND); a list matches any of its values (OR). */
export const ZProfileConditions = z
  .object(PROFILE_CONDITION_FIELDS)
  .strict()
  .superRefine((c, ctx) => {
    for (const p of conditionProblems(c)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });
export type ProfileConditions = z.output<typeof ZProfileConditions>;

export type RiskProfile = {
  id: string;
  name: string;
  conditions: ProfileConditions;
  weight: number;
  forcedChannel: Channel | null;
  instructions: string | null;
  validFrom: string; // YYYY-MM-DD
  validTo: string | null;
  isShadow: boolean;
  isActive: boolean;
};

/** The declaration as profiles see it. */
export type ProfileSubject = {
  regime: string;
  postCode: string;
  traderTin: string;
  declarantId: string;
  sellerName: string | null;
  transportMode: string | null;
  dispatchCountry: string | null;
  isFirstShipment: boolean;
  items: ReadonlyArray<{ hsCode: string; originCountry: string; customsValueUzs: number; unitPriceUsd: number | null }>;
};

const within = (v: number, min?: string, max?: string) =>
  (min === undefined || v >= Number(min)) && (max === undefined || v <= Number(max));
const inList = (list: readonly string[] | undefined, value: string | null) =>
  !list || list.length === 0 || (value !== null && list.includes(value));

/** The profiles valid on a service date (both ends included): what registration applies that day. */
export function profilesValidOn(profiles: readonly RiskProfile[], date: string): RiskProfile[] {
  return profiles.filter((p) => p.validFrom <= date && (p.validTo === null || p.validTo >= date));
}

/** The lines (1-based) a profile matches on; empty when it does not match. Header conditions gate all lines. */
export function matchProfile(profile: RiskProfile, subject: ProfileSubject, date: string): number[] {
  if (!profile.isActive || date < profile.validFrom || (profile.validTo !== null && date > profile.validTo)) return [];
  const c = profile.conditions;
  const seller = subject.sellerName?.trim().toLowerCase() ?? null;
  if (!inList(c.regimes, subject.regime)) return [];
  if (!inList(c.postCodes, subject.postCode)) return [];
  if (!inList(c.traderTins, subject.traderTin)) return [];
  if (!inList(c.declarantIds, subject.declarantId)) return [];
  if (!inList(c.transportModes, subject.transportMode)) return [];
  if (!inList(c.dispatchCountries, subject.dispatchCountry)) return [];
  if (
    c.sellerNames &&
    c.sellerNames.length > 0 &&
    !(seller && c.sellerNames.some((n) => seller.includes(n.toLowerCase())))
  )
    return [];
  if (c.isFirstShipment !== undefined && c.isFirstShipment !== subject.isFirstShipment) return [];
  const lines: number[] = [];
  subject.items.forEach((item, i) => {
    if (c.hsPrefixes && c.hsPrefixes.length > 0 && !c.hsPrefixes.some((p) => item.hsCode.startsWith(p))) return;
    if (!inList(c.originCountries, item.originCountry)) return;
    if (!within(item.customsValueUzs, c.minCustomsValue, c.maxCustomsValue)) return;
    if (
      (c.minUnitPriceUsd !== undefined || c.maxUnitPriceUsd !== undefined) &&
      (item.unitPriceUsd === null || !within(item.unitPriceUsd, c.minUnitPriceUsd, c.maxUnitPriceUsd))
    )
      return;
    lines.push(i + 1);
  });
  return lines;
}
