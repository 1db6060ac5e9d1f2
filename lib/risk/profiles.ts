// Risk profiles that supervisors manage: conditions on a declaration, each profile with a weight
// (points added to the score) or a forced channel, validity dates and instructions to the examiner.
// A profile in shadow mode is evaluated and recorded but not applied.
import { z } from 'zod';
import { REGIMES, TRANSPORT_MODES } from '../reference/customs';
import { COUNTRY_CODES } from '../reference/countries';

export const CHANNELS = ['GREEN', 'YELLOW', 'RED', 'BLUE'] as const;
export type Channel = (typeof CHANNELS)[number];

const countryList = z
  .array(z.string().trim().toUpperCase().refine((c) => COUNTRY_CODES.has(c), { error: 'Use ISO 3166 two-letter country codes, like CN or TR' }))
  .max(50, { error: 'At most 50 countries' });
const hsPrefixList = z.array(z.string().trim().regex(/^\d{2,10}$/, { error: 'HS prefixes are 2 to 10 digits' })).max(100, { error: 'At most 100 HS prefixes' });
const tinList = z.array(z.string().trim().regex(/^\d{9}$/, { error: 'A TIN is 9 digits' })).max(100, { error: 'At most 100 TINs' });
const nameList = z.array(z.string().trim().min(2, { error: 'A name has at least 2 characters' }).max(200)).max(50);
const money = z.string().trim().regex(/^\d{1,15}(\.\d{1,2})?$/, { error: 'An amount like 1000000.00' });

/** What a profile matches on. Every condition given must hold (AND); a list matches any of its values (OR). */
export const ZProfileConditions = z
  .object({
    hsPrefixes: hsPrefixList.optional(),
    originCountries: countryList.optional(),
    dispatchCountries: countryList.optional(),
    traderTins: tinList.optional(),
    declarantIds: z.array(z.uuid({ error: 'A declarant is a user id' })).max(50).optional(),
    sellerNames: nameList.optional(),
    postCodes: z.array(z.string().regex(/^\d{5}$/, { error: 'A post code is 5 digits' })).max(50).optional(),
    transportModes: z.array(z.enum(TRANSPORT_MODES, { error: 'Unknown transport mode' })).max(5).optional(),
    regimes: z.array(z.enum(REGIMES, { error: 'Unknown regime' })).max(6).optional(),
    minCustomsValue: money.optional(),
    maxCustomsValue: money.optional(),
    /** Declared unit price (USD per supplementary unit) range. */
    minUnitPriceUsd: money.optional(),
    maxUnitPriceUsd: money.optional(),
    isFirstShipment: z.boolean().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const given = Object.values(c).filter((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
    if (given.length === 0) ctx.addIssue({ code: 'custom', message: 'Give at least one condition, or the profile would match every declaration' });
    if (c.minCustomsValue && c.maxCustomsValue && Number(c.minCustomsValue) > Number(c.maxCustomsValue)) ctx.addIssue({ code: 'custom', path: ['maxCustomsValue'], message: 'The maximum value must not be below the minimum' });
    if (c.minUnitPriceUsd && c.maxUnitPriceUsd && Number(c.minUnitPriceUsd) > Number(c.maxUnitPriceUsd)) ctx.addIssue({ code: 'custom', path: ['maxUnitPriceUsd'], message: 'The maximum unit price must not be below the minimum' });
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

const within = (v: number, min?: string, max?: string) => (min === undefined || v >= Number(min)) && (max === undefined || v <= Number(max));
const inList = (list: readonly string[] | undefined, value: string | null) => !list || list.length === 0 || (value !== null && list.includes(value));

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
  if (c.sellerNames && c.sellerNames.length > 0 && !(seller && c.sellerNames.some((n) => seller.includes(n.toLowerCase())))) return [];
  if (c.isFirstShipment !== undefined && c.isFirstShipment !== subject.isFirstShipment) return [];
  const lines: number[] = [];
  subject.items.forEach((item, i) => {
    if (c.hsPrefixes && c.hsPrefixes.length > 0 && !c.hsPrefixes.some((p) => item.hsCode.startsWith(p))) return;
    if (!inList(c.originCountries, item.originCountry)) return;
    if (!within(item.customsValueUzs, c.minCustomsValue, c.maxCustomsValue)) return;
    if ((c.minUnitPriceUsd !== undefined || c.maxUnitPriceUsd !== undefined) && (item.unitPriceUsd === null || !within(item.unitPriceUsd, c.minUnitPriceUsd, c.maxUnitPriceUsd))) return;
    lines.push(i + 1);
  });
  return lines;
}
