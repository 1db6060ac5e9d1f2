// Features of one goods item for the learned risk model. The same code turns a CSV benchmark row
// (via dataset.ts) and a production declaration item into numbers, so what is evaluated offline
// is exactly what scores registrations.

/** A goods item of a customs declaration, reduced to what the risk model looks at. */
export type RiskItem = {
  /** Registration date, YYYY-MM-DD. Not used as a feature (models must hold up on later months). */
  date: string;
  /** Customs post code. */
  office: string;
  /** Declarant or customs broker id. */
  declarant: string;
  /** Trader (importer) id, e.g. TIN. */
  importer: string;
  /** Overseas supplier / consignor, when known. */
  seller: string | null;
  /** Express carrier, when any. */
  courier: string | null;
  /** 6-digit HS code. */
  hs6: string;
  hs10?: string | null;
  /** ISO-2 country of origin. */
  originCountry: string;
  /** ISO-2 country of dispatch / departure. */
  departureCountry: string;
  /** Transport mode code ('10' sea, '40' air, ...). */
  transportMode: string;
  /** Customs regime / import type. */
  procedure: string;
  /** Tariff duty rate, %. */
  taxRate: number;
  /** Tariff type (e.g. preferential FTA rate), when known. */
  taxType?: string | null;
  /** Net mass, kg. */
  netMass: number;
  /** Declared customs value (any consistent currency). */
  value: number;
  /** Source-specific categoricals (e.g. the benchmark's Process Type, Import Use, Payment Type). */
  extra?: Record<string, string | null>;
};

/**
 * Names of the item attributes a key can be built from. `extra:NAME` reads `item.extra[NAME]`.
 * hs4/hs2 are the heading and chapter; netMassKey/valueKey are the exact declared figures, so an
 * identical consignment line (same goods, same mass, same value) shares its history.
 */
export const BASE_FIELDS = [
  'office',
  'declarant',
  'importer',
  'seller',
  'courier',
  'hs6',
  'hs4',
  'hs2',
  'originCountry',
  'departureCountry',
  'transportMode',
  'procedure',
  'taxType',
  'taxRateKey',
  'netMassKey',
  'valueKey',
] as const;
export type BaseField = (typeof BASE_FIELDS)[number];
export type FieldName = BaseField | `extra:${string}`;

type FieldReader = (item: RiskItem) => string;

/** A missing categorical is its own category: "no seller declared" is information too. */
const orEmpty = (v: string | null | undefined): string => (v == null ? '' : v);

/** Canonical text of a figure: the shortest round-tripping decimal, so equal numbers give equal keys. */
export const figureKey = (v: number): string => (Number.isFinite(v) ? String(v) : '');

const READERS: Record<BaseField, FieldReader> = {
  office: (i) => i.office,
  declarant: (i) => i.declarant,
  importer: (i) => i.importer,
  seller: (i) => orEmpty(i.seller),
  courier: (i) => orEmpty(i.courier),
  hs6: (i) => i.hs6,
  hs4: (i) => i.hs6.slice(0, 4),
  hs2: (i) => i.hs6.slice(0, 2),
  originCountry: (i) => i.originCountry,
  departureCountry: (i) => i.departureCountry,
  transportMode: (i) => i.transportMode,
  procedure: (i) => i.procedure,
  taxType: (i) => orEmpty(i.taxType),
  taxRateKey: (i) => figureKey(i.taxRate),
  netMassKey: (i) => figureKey(i.netMass),
  valueKey: (i) => figureKey(i.value),
};

export function isFieldName(name: string): name is FieldName {
  return (BASE_FIELDS as readonly string[]).includes(name) || (name.startsWith('extra:') && name.length > 6);
}

export function fieldReader(name: FieldName): FieldReader {
  if (name.startsWith('extra:')) {
    const extraName = name.slice(6);
    return (i) => orEmpty(i.extra?.[extraName]);
  }
  const reader = READERS[name as BaseField];
  if (!reader) throw new Error(`unknown risk field ${name}`);
  return reader;
}

export const keyName = (fields: readonly FieldName[]): string => fields.join('×');

/**
 * The categorical keys that get out-of-fold target encoding and count encoding by default.
 * - traders and posts (declarant, importer, seller, office): who is risky;
 * - goods (HS6, heading, chapter) and where they come from, alone and crossed with the tariff type:
 *   risky goods/origin/preference combinations;
 * - exact declared figures, alone and with the goods code: a repeated consignment line (same
 *   goods, same net mass or value) shares the history of its earlier declarations.
 * Chosen on the validation months among a few robust sets; crosses of traders with goods were
 * dropped (mostly unseen on later months, no gain, slower scoring).
 */
export const DEFAULT_KEYS: readonly (readonly FieldName[])[] = [
  ['office'],
  ['declarant'],
  ['importer'],
  ['seller'],
  ['hs6'],
  ['hs4'],
  ['hs2'],
  ['originCountry'],
  ['departureCountry'],
  ['taxType'],
  ['hs6', 'originCountry'],
  ['hs6', 'taxType'],
  ['hs6', 'originCountry', 'departureCountry', 'taxType'],
  ['hs4', 'originCountry', 'departureCountry', 'taxType'],
  ['netMassKey'],
  ['valueKey'],
  ['hs6', 'netMassKey'],
  ['hs6', 'valueKey'],
  ['hs6', 'originCountry', 'netMassKey'],
];

/** Names of the plain numeric features, in the order numericFeatures writes them. */
export const NUMERIC_FEATURES = [
  'taxRate',
  'logNetMass',
  'logValue',
  'logUnitValue',
  'logUnitValueVsHs6',
  'logDuty',
  'originIsDeparture',
] as const;

const log1pSafe = (v: number): number => (Number.isFinite(v) && v > 0 ? Math.log1p(v) : 0);

/** Log of value per kg; 0 when there is no mass (the tree then learns that case from logNetMass). */
export function logUnitValue(item: RiskItem): number {
  return item.netMass > 0 && item.value > 0 ? Math.log(item.value / item.netMass) : 0;
}

/**
 * Write the numeric features of one item into `out` from `offset`.
 * `hs6LogUnitMedian` is the typical log unit value of the HS code (NaN when the code is unknown):
 * under-valuation shows as a unit value far below what the goods usually cost.
 */
export function writeNumericFeatures(
  item: RiskItem,
  hs6LogUnitMedian: number,
  out: Float64Array,
  offset: number,
): void {
  const luv = logUnitValue(item);
  out[offset] = Number.isFinite(item.taxRate) ? item.taxRate : 0;
  out[offset + 1] = log1pSafe(item.netMass);
  out[offset + 2] = log1pSafe(item.value);
  out[offset + 3] = luv;
  out[offset + 4] = Number.isFinite(hs6LogUnitMedian) && luv !== 0 ? luv - hs6LogUnitMedian : 0;
  out[offset + 5] = log1pSafe((item.value * (Number.isFinite(item.taxRate) ? item.taxRate : 0)) / 100);
  out[offset + 6] = item.originCountry === item.departureCountry ? 1 : 0;
}
