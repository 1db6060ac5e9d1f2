// Reference data: countries, currencies, demo exchange rates, the HS nomenclature, customs posts,
// authorities, the permit catalogue and settings. Builders are pure; index.ts inserts.
import { readFileSync } from 'node:fs';
import { COUNTRIES } from '../../lib/reference/countries.ts';
import { CURRENCIES } from '../../lib/reference/currencies.ts';
import { D } from '../../lib/money.ts';
import { parseCsvObjects } from './csv.ts';
import { seedUuid } from './ids.ts';
import { Rng } from './random.ts';
import { DAY, isoDate, utcDay } from './dates.ts';
import { AUTHORITIES, PERMIT_CATALOGUE } from './permit-catalogue.ts';

export function buildCountries() {
  return COUNTRIES.map(([code, name]) => ({ code, name }));
}

const ZERO_DECIMALS = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'UYI',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMALS = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

export function buildCurrencies() {
  const rows = CURRENCIES.map(([code, name]) => ({
    code,
    name,
    decimals: ZERO_DECIMALS.has(code) ? 0 : THREE_DECIMALS.has(code) ? 3 : 2,
  }));
  if (!rows.some((r) => r.code === 'UZS')) rows.push({ code: 'UZS', name: 'Uzbekistani Som', decimals: 2 });
  return rows;
}

// ───────────── Exchange rates (DEMO: a smooth random walk, not the central bank's table) ─────────────

export const RATE_CURRENCIES = ['USD', 'EUR', 'RUB', 'CNY', 'KZT', 'TRY'] as const;
export type RateCurrency = (typeof RATE_CURRENCIES)[number];

const RATE_WALK: Record<RateCurrency, { mid: number; lo: number; hi: number; step: number }> = {
  USD: { mid: 12650, lo: 12400, hi: 12900, step: 6 },
  EUR: { mid: 13700, lo: 13350, hi: 14050, step: 9 },
  RUB: { mid: 140, lo: 130, hi: 150, step: 0.25 },
  CNY: { mid: 1760, lo: 1720, hi: 1800, step: 1 },
  KZT: { mid: 25, lo: 24.2, hi: 25.8, step: 0.02 },
  TRY: { mid: 370, lo: 355, hi: 385, step: 0.5 },
};

export const RATE_DAYS = 400;

/** UZS per unit of each currency, by ISO date, with a fallback to the latest earlier date. */
export class RateTable {
  private readonly byKey = new Map<string, InstanceType<typeof D>>();
  readonly first: Date;
  readonly last: Date;

  constructor(rows: ReadonlyArray<{ currencyCode: string; date: Date; rate: string }>) {
    let first = Infinity;
    let last = -Infinity;
    for (const r of rows) {
      this.byKey.set(`${r.currencyCode}:${isoDate(r.date)}`, new D(r.rate));
      first = Math.min(first, r.date.getTime());
      last = Math.max(last, r.date.getTime());
    }
    this.first = new Date(first);
    this.last = new Date(last);
  }

  /** The rate of `day` (a UTC-midnight calendar date), or of the latest earlier day that has one. */
  rate(currency: string, day: Date): InstanceType<typeof D> {
    if (currency === 'UZS') return new D(1);
    for (let t = Math.min(day.getTime(), this.last.getTime()); t >= this.first.getTime(); t -= DAY) {
      const r = this.byKey.get(`${currency}:${isoDate(new Date(t))}`);
      if (r) return r;
    }
    throw new Error(`No exchange rate for ${currency} on or before ${isoDate(day)}`);
  }
}

export function buildExchangeRates(now: Date) {
  const today = utcDay(now);
  const rows: { id: string; currencyCode: string; date: Date; rate: string; units: number; source: string }[] = [];
  for (const code of RATE_CURRENCIES) {
    const w = RATE_WALK[code];
    const rng = new Rng(`rates:${code}`);
    let x = w.mid + (w.hi - w.lo) * 0.3 * (rng.next() - 0.5);
    let v = 0;
    for (let k = 0; k < RATE_DAYS; k++) {
      const date = new Date(today.getTime() - (RATE_DAYS - 1 - k) * DAY);
      // A smooth, mean-reverting walk kept inside the band (reflected at its edges).
      v = 0.85 * v + w.step * 0.5 * rng.normal() + 0.015 * (w.mid - x);
      x += v;
      if (x > w.hi) {
        x = 2 * w.hi - x;
        v = -Math.abs(v);
      } else if (x < w.lo) {
        x = 2 * w.lo - x;
        v = Math.abs(v);
      }
      rows.push({
        id: seedUuid(`rate:${code}:${isoDate(date)}`),
        currencyCode: code,
        date,
        rate: x.toFixed(2),
        units: 1,
        source: 'DEMO',
      });
    }
  }
  return rows;
}

// ───────────── HS nomenclature ─────────────

export type HsRow = { code: string; level: number; section: string; parent: string | null; description: string };

export function readHsNomenclature(): HsRow[] {
  const text = readFileSync(new URL('./data/harmonized-system.csv', import.meta.url), 'utf8');
  return parseCsvObjects(text)
    .filter((r) => r.hscode !== 'TOTAL')
    .map((r) => ({
      code: r.hscode,
      level: Number(r.level),
      section: r.section,
      parent: r.parent === 'TOTAL' ? null : r.parent,
      description: r.description,
    }));
}

// ───────────── Customs posts, authorities, permit types ─────────────

export const POSTS: ReadonlyArray<{ code: string; name: string; region: string }> = [
  { code: '26001', name: 'Tashkent — Chukursay railway', region: 'Tashkent city' },
  { code: '26002', name: 'Tashkent International Airport (air cargo)', region: 'Tashkent city' },
  { code: '26003', name: 'Yallama (road, Kazakhstan border)', region: 'Tashkent region' },
  { code: '23001', name: 'Samarkand', region: 'Samarkand region' },
  { code: '30001', name: 'Termez (road and rail, Afghanistan border)', region: 'Surkhandarya region' },
  { code: '12001', name: 'Andijan — Dustlik', region: 'Andijan region' },
  { code: '18001', name: 'Nukus — Daut-Ata', region: 'Republic of Karakalpakstan' },
];

export const postId = (code: string) => seedUuid(`post:${code}`);
export const authorityId = (code: string) => seedUuid(`authority:${code}`);

export function buildPosts() {
  return POSTS.map((p) => ({ id: postId(p.code), code: p.code, name: p.name, region: p.region, isActive: true }));
}

export function buildAuthorities() {
  return AUTHORITIES.map((a) => ({ id: authorityId(a.code), code: a.code, name: a.name }));
}

export function buildPermitTypes() {
  return PERMIT_CATALOGUE.map((t) => ({
    code: t.code,
    name: t.name,
    authorityId: authorityId(t.authority),
    directions: [...t.directions],
    hsPrefixes: [...t.hsPrefixes],
    validityDays: t.validityDays,
    scope: t.scope,
    requiredDocuments: [...t.requiredDocuments],
    fee: t.fee,
    isActive: true,
  }));
}

// ───────────── Settings ─────────────

export const FEE = { percent: '0.2', floor: '100000.00', cap: '20000000.00' } as const;

export function buildSettings(now: Date) {
  return [
    { key: 'sla.targetMinutes', value: { YELLOW: 240, RED: 2880 }, updatedAt: now },
    { key: 'fee.processing', value: { ...FEE }, updatedAt: now },
    { key: 'adjustment.fourEyesLimit', value: { amount: '10000000.00' }, updatedAt: now },
    { key: 'risk.randomShare', value: { percent: '2' }, updatedAt: now },
  ];
}
