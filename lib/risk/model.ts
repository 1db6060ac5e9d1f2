// The learned risk model: encoders + boosted trees, trained from labelled items, serialised to JSON
// (stored as a model version), parsed back with integrity checks, and used to score items.
//
//   trainRiskModel(items, labels, options) → RiskModelJson
//   parseRiskModel(json)                   → RiskModel        (throws RiskModelError if damaged)
//   scoreItems(model, items)               → Float64Array     (fraud probabilities 0..1)

import { z } from 'zod';
import {
  assertCodesFit,
  assignFolds,
  buildVocabulary,
  fitKeyTable,
  keyTableOf,
  lookupKey,
  outOfFoldHistory,
  radixOf,
  smoothedRate,
  vocabularyFromList,
  vocabularyToList,
  type KeyTable,
  type Vocabulary,
} from './encoders';
import {
  DEFAULT_KEYS,
  NUMERIC_FEATURES,
  fieldReader,
  isFieldName,
  keyName,
  logUnitValue,
  writeNumericFeatures,
  type FieldName,
  type RiskItem,
} from './features';
import {
  DEFAULT_GBDT_PARAMS,
  forestFromJson,
  forestToJson,
  predictRaw,
  trainGbdt,
  type Forest,
  type GbdtParams,
} from './gbdt';
import { seededRng } from './random';

export const RISK_MODEL_FORMAT = 'customs-risk-gbdt/1';

export type RiskTrainOptions = {
  /** Categorical keys (lists of fields) to target- and count-encode. */
  keys: readonly (readonly FieldName[])[];
  /** Pseudo-rows pulling a key's fraud rate toward the overall rate. */
  smoothing: number;
  /** Folds for the out-of-fold encodings of the training rows. */
  nFolds: number;
  /** Seeds folds and bagging; same seed and data → identical model. */
  seed: number;
  gbdt: Partial<GbdtParams>;
  /** Optional label stored in the model, e.g. "2021-Q1"; the version gets a content hash anyway. */
  label?: string;
};

export const DEFAULT_TRAIN_OPTIONS: RiskTrainOptions = {
  keys: DEFAULT_KEYS,
  smoothing: 1,
  nFolds: 10,
  seed: 20200101,
  gbdt: {},
};

// Large arrays are checked with one plain loop each: element-wise zod schemas cost ~100 ms per load.
const isArrayOf = (v: unknown, ok: (x: unknown) => boolean): boolean => Array.isArray(v) && v.every(ok);
const finiteArray = z.custom<number[]>(
  (v) => isArrayOf(v, (x) => typeof x === 'number' && Number.isFinite(x)),
  'expected finite numbers',
);
const intArray = z.custom<number[]>((v) => isArrayOf(v, (x) => Number.isInteger(x)), 'expected integers');
const countArray = z.custom<number[]>(
  (v) => isArrayOf(v, (x) => Number.isInteger(x) && (x as number) >= 0),
  'expected non-negative integers',
);
const stringArray = z.custom<string[]>((v) => isArrayOf(v, (x) => typeof x === 'string'), 'expected strings');

const modelSchema = z.object({
  format: z.literal(RISK_MODEL_FORMAT),
  version: z.string().min(1),
  checksum: z.string().regex(/^[0-9a-f]{16}$/),
  label: z.string().nullable(),
  prior: z.number().gt(0).lt(1),
  smoothing: z.number().nonnegative(),
  /** Vocabulary of every field some key uses: value with id i + 1 at index i. */
  fields: z.array(z.object({ name: z.string(), values: stringArray })),
  /** Per key: its fields, and the history of every code (mixed-radix value ids) seen in training. */
  encoders: z.array(
    z.object({
      fields: z.array(z.string()).min(1),
      codes: countArray,
      counts: countArray,
      frauds: countArray,
    }),
  ),
  hs6LogUnitMedian: z.object({ keys: stringArray, values: finiteArray }),
  featureNames: z.array(z.string()),
  forest: z.object({
    nFeatures: z.number().int().positive(),
    baseScore: z.number(),
    roots: intArray,
    feature: intArray,
    threshold: finiteArray,
    left: intArray,
    value: finiteArray,
  }),
  training: z.object({
    rows: z.number().int().nonnegative(),
    frauds: z.number().int().nonnegative(),
    nFolds: z.number().int(),
    seed: z.number().int(),
    gbdt: z.record(z.string(), z.number()),
    importance: z.array(z.object({ feature: z.string(), gain: z.number() })),
  }),
});

/** The stored form of a model: plain JSON, safe to keep in a database column. */
export type RiskModelJson = z.infer<typeof modelSchema>;

/** A parsed, checked model ready to score. */
export type RiskModel = {
  version: string;
  label: string | null;
  featureNames: readonly string[];
  prior: number;
  smoothing: number;
  /** Every field some key uses, read and interned once per item... */
  fieldReaders: ((item: RiskItem) => string)[];
  vocabularies: Vocabulary[];
  /** ...then each key's code is built from the ids at `positions`. */
  encoders: CompiledEncoder[];
  hs6LogUnitMedian: Map<string, number>;
  forest: Forest;
};

export type CompiledEncoder = { name: string; positions: Int32Array; radices: Float64Array; table: KeyTable };

export class RiskModelError extends Error {
  constructor(message: string) {
    super(`risk model rejected: ${message}`);
    this.name = 'RiskModelError';
  }
}

// ---------------------------------------------------------------- features of a batch

export function featureNamesFor(keys: readonly (readonly FieldName[])[]): string[] {
  return [...keys.flatMap((k) => [`rate:${keyName(k)}`, `count:${keyName(k)}`]), ...NUMERIC_FEATURES];
}

/** Median of log unit value per HS6 over the given items: the "usual price" of each kind of goods. */
export function hs6UnitValueMedians(items: readonly RiskItem[]): Map<string, number> {
  const byHs6 = new Map<string, number[]>();
  for (const item of items) {
    const luv = logUnitValue(item);
    if (luv === 0) continue;
    const list = byHs6.get(item.hs6);
    if (list) list.push(luv);
    else byHs6.set(item.hs6, [luv]);
  }
  const medians = new Map<string, number>();
  for (const [hs6, list] of byHs6) {
    list.sort((a, b) => a - b);
    const m = list.length >> 1;
    medians.set(hs6, list.length % 2 ? list[m] : (list[m - 1] + list[m]) / 2);
  }
  return medians;
}

/**
 * Row-major feature matrix of items as scoring sees them (encoders fitted on all training rows).
 * Works field by field, then key by key, rather than item by item: each pass stays within one
 * vocabulary or hash table, which keeps it in cache (about twice as fast on a batch).
 */
export function featureMatrix(model: RiskModel, items: readonly RiskItem[]): Float64Array {
  const nf = model.featureNames.length;
  const nItems = items.length;
  const out = new Float64Array(nItems * nf);
  const { prior, smoothing, encoders, fieldReaders, vocabularies } = model;
  const nFields = fieldReaders.length;
  // 1. Intern every field of every item (0 = a value never seen in training).
  const ids = new Int32Array(nItems * nFields);
  for (let r = 0; r < nFields; r++) {
    const read = fieldReaders[r];
    const vocab = vocabularies[r];
    for (let i = 0; i < nItems; i++) ids[i * nFields + r] = vocab.get(read(items[i])) ?? 0;
  }
  // 2. Each key: its code, its history, its smoothed fraud rate and row count.
  for (let e = 0; e < encoders.length; e++) {
    const { positions, radices, table } = encoders[e];
    const slots = table.slots;
    for (let i = 0; i < nItems; i++) {
      const idBase = i * nFields;
      let code = 0;
      let seen = true;
      for (let k = 0; k < positions.length; k++) {
        const id = ids[idBase + positions[k]];
        // A value never seen in training: no key containing it has any history.
        if (id === 0) {
          seen = false;
          break;
        }
        code = code * radices[k] + id;
      }
      const at = seen ? lookupKey(table, code) : -1;
      const count = at < 0 ? 0 : slots[at + 1];
      out[i * nf + 2 * e] = smoothedRate(at < 0 ? 0 : slots[at + 2], count, prior, smoothing);
      out[i * nf + 2 * e + 1] = count;
    }
  }
  // 3. Plain numeric features.
  const numericOffset = 2 * encoders.length;
  for (let i = 0; i < nItems; i++) {
    const median = model.hs6LogUnitMedian.get(items[i].hs6);
    writeNumericFeatures(items[i], median === undefined ? NaN : median, out, i * nf + numericOffset);
  }
  return out;
}

// ---------------------------------------------------------------- training

type TrainingSet = {
  y: Uint8Array;
  frauds: number;
  prior: number;
  featureNames: string[];
  /** Column-major features the trees learn from: out-of-fold encodings + numeric features. */
  columns: Float64Array[];
  fieldNames: FieldName[];
  vocabularies: Vocabulary[];
  /** Key histories fitted on ALL rows: what scoring will use. */
  encoders: RiskModelJson['encoders'];
  medians: Map<string, number>;
};

function encodeTrainingSet(items: readonly RiskItem[], labels: ArrayLike<number>, opts: RiskTrainOptions): TrainingSet {
  if (items.length !== labels.length) throw new Error('items and labels differ in length');
  if (items.length < opts.nFolds) throw new Error('too few training items');
  const n = items.length;
  const y = Uint8Array.from({ length: n }, (_, i) => (labels[i] > 0 ? 1 : 0));
  const frauds = y.reduce((a, b) => a + b, 0);
  if (frauds === 0 || frauds === n) throw new Error('training needs both fraud and non-fraud items');
  const prior = frauds / n;

  const folds = assignFolds(n, opts.nFolds, seededRng(opts.seed ^ 0x5eed));
  const featureNames = featureNamesFor(opts.keys);
  const columns: Float64Array[] = [];
  // Intern every field some key uses.
  const fieldNames: FieldName[] = [];
  for (const fields of opts.keys) for (const f of fields) if (!fieldNames.includes(f)) fieldNames.push(f);
  const vocabularies: Vocabulary[] = [];
  const idColumns: Int32Array[] = [];
  for (const name of fieldNames) {
    const values = items.map(fieldReader(name));
    const vocab = buildVocabulary(values);
    vocabularies.push(vocab);
    idColumns.push(Int32Array.from(values, (v) => vocab.get(v) as number));
  }
  const encoders: RiskModelJson['encoders'] = [];
  for (const fields of opts.keys) {
    const positions = fields.map((f) => fieldNames.indexOf(f));
    const radices = positions.map((p) => radixOf(vocabularies[p]));
    assertCodesFit(radices);
    const codes = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let code = 0;
      for (let k = 0; k < positions.length; k++) code = code * radices[k] + idColumns[positions[k]][i];
      codes[i] = code;
    }
    const oof = outOfFoldHistory(codes, y, folds, opts.nFolds);
    const rate = new Float64Array(n);
    const count = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      rate[i] = smoothedRate(oof.frauds[i], oof.counts[i], prior, opts.smoothing);
      count[i] = oof.counts[i];
    }
    columns.push(rate, count);
    const table = fitKeyTable(codes, y);
    encoders.push({
      fields: [...fields],
      codes: Array.from(table.codes),
      counts: Array.from(table.counts),
      frauds: Array.from(table.frauds),
    });
  }
  const medians = hs6UnitValueMedians(items);
  const numeric = new Float64Array(NUMERIC_FEATURES.length);
  const numericColumns = NUMERIC_FEATURES.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const m = medians.get(items[i].hs6);
    writeNumericFeatures(items[i], m === undefined ? NaN : m, numeric, 0);
    for (let f = 0; f < numeric.length; f++) numericColumns[f][i] = numeric[f];
  }
  columns.push(...numericColumns);
  return { y, frauds, prior, featureNames, columns, fieldNames, vocabularies, encoders, medians };
}

/**
 * The features the trees are trained on (column-major, `columns[f][row]`): every key's history
 * is out-of-fold, i.e. counted without the row's own fold. Exposed for tests and diagnostics.
 */
export function outOfFoldFeatures(
  items: readonly RiskItem[],
  labels: ArrayLike<number>,
  options: Partial<RiskTrainOptions> = {},
): { featureNames: string[]; columns: Float64Array[] } {
  const { featureNames, columns } = encodeTrainingSet(items, labels, { ...DEFAULT_TRAIN_OPTIONS, ...options });
  return { featureNames, columns };
}

/**
 * Train a model on labelled items (label > 0 = fraud). Scoring encoders are fitted on ALL rows;
 * the trees learn from out-of-fold encodings of the same rows, so they see histories as an unseen
 * item would. Pure and deterministic: same items, labels and options → identical JSON.
 */
export function trainRiskModel(
  items: readonly RiskItem[],
  labels: ArrayLike<number>,
  options: Partial<RiskTrainOptions> = {},
): RiskModelJson {
  const opts: RiskTrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const gbdt: GbdtParams = { ...DEFAULT_GBDT_PARAMS, seed: opts.seed, ...opts.gbdt };
  const { y, frauds, prior, featureNames, columns, fieldNames, vocabularies, encoders, medians } = encodeTrainingSet(
    items,
    labels,
    opts,
  );
  const n = items.length;
  const { forest, gainByFeature } = trainGbdt(columns, y, gbdt);
  const medianKeys = [...medians.keys()];
  const body: Omit<RiskModelJson, 'version' | 'checksum'> = {
    format: RISK_MODEL_FORMAT,
    label: opts.label ?? null,
    prior,
    smoothing: opts.smoothing,
    fields: fieldNames.map((name, f) => ({ name, values: vocabularyToList(vocabularies[f]) })),
    encoders,
    hs6LogUnitMedian: { keys: medianKeys, values: medianKeys.map((k) => medians.get(k) as number) },
    featureNames,
    forest: forestToJson(forest),
    training: {
      rows: n,
      frauds,
      nFolds: opts.nFolds,
      seed: opts.seed,
      gbdt: { ...gbdt },
      importance: featureNames.map((feature, f) => ({ feature, gain: gainByFeature[f] })),
    },
  };
  const checksum = modelChecksum(body);
  return { ...body, version: `${opts.label ? `${opts.label}-` : ''}rg1-${checksum.slice(0, 12)}`, checksum };
}

// ---------------------------------------------------------------- integrity

/** 64-bit FNV-1a (two 32-bit lanes) of a string, as 16 hex digits. */
function fnv64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 7);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * Checksum over everything that affects scores, serialised in a fixed order (not object key order,
 * which a database round-trip may change).
 */
export function modelChecksum(m: Omit<RiskModelJson, 'version' | 'checksum'>): string {
  const f = m.forest;
  return fnv64(
    JSON.stringify([
      m.format,
      m.prior,
      m.smoothing,
      m.fields.map((f) => [f.name, f.values]),
      m.encoders.map((e) => [e.fields, e.codes, e.counts, e.frauds]),
      m.hs6LogUnitMedian.keys,
      m.hs6LogUnitMedian.values,
      m.featureNames,
      [f.nFeatures, f.baseScore, f.roots, f.feature, f.threshold, f.left, f.value],
    ]),
  );
}

/** Result form of parseRiskModel for callers that prefer not to catch. */
export function safeParseRiskModel(input: unknown): { ok: true; model: RiskModel } | { ok: false; error: string } {
  try {
    return { ok: true, model: parseRiskModel(input) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Check and compile a stored model (the JSON object or its text). Throws RiskModelError when it is
 * missing, of another format, structurally broken, or does not match its checksum.
 */
export function parseRiskModel(input: unknown): RiskModel {
  let raw = input;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      throw new RiskModelError('not valid JSON');
    }
  }
  if (raw == null) throw new RiskModelError('no model');
  const parsed = modelSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RiskModelError(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const m = parsed.data;
  if (modelChecksum(m) !== m.checksum) throw new RiskModelError('checksum mismatch (model damaged or edited)');
  const expectedNames = featureNamesFor(m.encoders.map((e) => e.fields as FieldName[]));
  if (expectedNames.length !== m.featureNames.length || expectedNames.some((n, i) => n !== m.featureNames[i])) {
    throw new RiskModelError('feature names do not match this code version');
  }
  if (m.forest.nFeatures !== m.featureNames.length) throw new RiskModelError('forest and features disagree');
  if (m.hs6LogUnitMedian.keys.length !== m.hs6LogUnitMedian.values.length)
    throw new RiskModelError('unit value medians are damaged');
  try {
    const fieldNames = m.fields.map((f) => f.name);
    const bad = fieldNames.find((f) => !isFieldName(f));
    if (bad) throw new Error(`unknown field ${bad}`);
    if (new Set(fieldNames).size !== fieldNames.length) throw new Error('a field is listed twice');
    const vocabularies = m.fields.map((f) => vocabularyFromList(f.values));
    const encoders: CompiledEncoder[] = m.encoders.map((e) => {
      const positions = e.fields.map((f) => fieldNames.indexOf(f));
      if (positions.some((p) => p < 0)) throw new Error(`key ${e.fields.join('×')} uses a field without vocabulary`);
      const radices = positions.map((p) => radixOf(vocabularies[p]));
      assertCodesFit(radices);
      const span = radices.reduce((a, b) => a * b, 1);
      if (e.codes.some((c) => c >= span)) throw new Error(`key ${e.fields.join('×')} has a code out of range`);
      const table = keyTableOf(Float64Array.from(e.codes), Int32Array.from(e.counts), Int32Array.from(e.frauds));
      return {
        name: keyName(e.fields as FieldName[]),
        positions: Int32Array.from(positions),
        radices: Float64Array.from(radices),
        table,
      };
    });
    const hs6LogUnitMedian = new Map<string, number>();
    m.hs6LogUnitMedian.keys.forEach((k, i) => hs6LogUnitMedian.set(k, m.hs6LogUnitMedian.values[i]));
    return {
      version: m.version,
      label: m.label,
      featureNames: m.featureNames,
      fieldReaders: fieldNames.map((f) => fieldReader(f as FieldName)),
      vocabularies,
      prior: m.prior,
      smoothing: m.smoothing,
      encoders,
      hs6LogUnitMedian,
      forest: forestFromJson(m.forest),
    };
  } catch (e) {
    if (e instanceof RiskModelError) throw e;
    throw new RiskModelError(e instanceof Error ? e.message : String(e));
  }
}

// ---------------------------------------------------------------- scoring

/** Fraud probability (0..1) of each item, in input order. */
export function scoreItems(model: RiskModel, items: readonly RiskItem[]): Float64Array {
  const raw = predictRaw(model.forest, featureMatrix(model, items), items.length);
  for (let i = 0; i < raw.length; i++) raw[i] = 1 / (1 + Math.exp(-raw[i]));
  return raw;
}

export function scoreItem(model: RiskModel, item: RiskItem): number {
  return scoreItems(model, [item])[0];
}
