// Target and count encoding of categorical keys. A key's history is (rows seen, frauds among them);
// the model sees its smoothed fraud rate and its row count. Rows the trees are trained on get
// OUT-OF-FOLD histories (their own fold left out), so a row's own label never explains itself.
//
// For speed, field values are interned to small integers (a vocabulary per field, 0 = never seen
// in training) and a key over several fields is the mixed-radix number of its value ids; key
// histories live in an open-addressing hash table over typed arrays.

/** Field value → id (1-based, first-seen order); 0 is "not seen in training". */
export type Vocabulary = Map<string, number>;

export function buildVocabulary(values: Iterable<string>): Vocabulary {
  const vocab: Vocabulary = new Map();
  for (const v of values) if (!vocab.has(v)) vocab.set(v, vocab.size + 1);
  return vocab;
}

/** Vocabulary from its stored list (index i holds the value with id i + 1). */
export function vocabularyFromList(values: readonly string[]): Vocabulary {
  const vocab: Vocabulary = new Map();
  values.forEach((v, i) => vocab.set(v, i + 1));
  if (vocab.size !== values.length) throw new Error('vocabulary has duplicate values');
  return vocab;
}

export const vocabularyToList = (vocab: Vocabulary): string[] => [...vocab.keys()];

/** Radix of a field in key codes: its vocabulary size plus the "unseen" id 0. */
export const radixOf = (vocab: Vocabulary): number => vocab.size + 1;

/** Largest code a key over fields with these radices can take; must stay an exact integer. */
export function assertCodesFit(radices: readonly number[]): void {
  const span = radices.reduce((a, b) => a * b, 1);
  if (!(span <= Number.MAX_SAFE_INTEGER)) throw new Error('key has too many distinct value combinations to encode');
}

/** Mixed-radix code of one key (ids[k] < radices[k]). */
export function keyCode(ids: ArrayLike<number>, radices: ArrayLike<number>): number {
  let code = 0;
  for (let k = 0; k < ids.length; k++) code = code * radices[k] + ids[k];
  return code;
}

// ---------------------------------------------------------------- key history table

/**
 * Histories of the codes of one key: an open-addressing hash table (linear probing). Each slot is
 * three adjacent numbers [code, rows seen, frauds], so a lookup touches one cache line; scoring
 * thirty keys per item is bound by memory misses, not arithmetic.
 */
export type KeyTable = {
  /** The distinct codes and their histories, in fit order (the serialised form). */
  codes: Float64Array;
  counts: Int32Array;
  frauds: Int32Array;
  slots: Float64Array;
  mask: number;
};

const EMPTY = -1;
const SLOT = 3;

/** A 32-bit hash of a non-negative integer code below 2^53 (murmur3 finaliser on both halves). */
function hashCode(code: number): number {
  const lo = code >>> 0;
  const hi = (code / 4294967296) >>> 0;
  let h = lo ^ Math.imul(hi, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Build the table from parallel arrays of distinct codes and their histories. */
export function keyTableOf(codes: Float64Array, counts: Int32Array, frauds: Int32Array): KeyTable {
  if (codes.length !== counts.length || codes.length !== frauds.length)
    throw new Error('key history arrays differ in length');
  let capacity = 16;
  while (capacity < codes.length * 2) capacity *= 2;
  const slots = new Float64Array(capacity * SLOT);
  for (let s = 0; s < capacity; s++) slots[s * SLOT] = EMPTY;
  const mask = capacity - 1;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (!(Number.isInteger(code) && code >= 0)) throw new Error('bad key code');
    if (!(counts[i] > 0 && frauds[i] >= 0 && frauds[i] <= counts[i])) throw new Error('bad key history');
    let s = hashCode(code) & mask;
    while (slots[s * SLOT] !== EMPTY) {
      if (slots[s * SLOT] === code) throw new Error('duplicate key code');
      s = (s + 1) & mask;
    }
    slots[s * SLOT] = code;
    slots[s * SLOT + 1] = counts[i];
    slots[s * SLOT + 2] = frauds[i];
  }
  return { codes, counts, frauds, slots, mask };
}

/**
 * Offset of a code's slot in `table.slots` (rows seen at +1, frauds at +2), or -1 when the key was
 * never seen in training.
 */
export function lookupKey(table: KeyTable, code: number): number {
  const { slots, mask } = table;
  let s = hashCode(code) & mask;
  for (;;) {
    const c = slots[s * SLOT];
    if (c === code) return s * SLOT;
    if (c === EMPTY) return -1;
    s = (s + 1) & mask;
  }
}

/** Dense ids of codes in first-seen order (deterministic), with the distinct codes. */
export function denseIds(codes: Float64Array): { ids: Int32Array; distinct: Float64Array } {
  const index = new Map<number, number>();
  const distinct: number[] = [];
  const ids = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    let id = index.get(codes[i]);
    if (id === undefined) {
      id = distinct.length;
      index.set(codes[i], id);
      distinct.push(codes[i]);
    }
    ids[i] = id;
  }
  return { ids, distinct: Float64Array.from(distinct) };
}

/** Fit a key's history on all given rows (what scoring uses). */
export function fitKeyTable(codes: Float64Array, labels: ArrayLike<number>): KeyTable {
  const { ids, distinct } = denseIds(codes);
  const counts = new Int32Array(distinct.length);
  const frauds = new Int32Array(distinct.length);
  for (let i = 0; i < ids.length; i++) {
    counts[ids[i]]++;
    if (labels[i] > 0) frauds[ids[i]]++;
  }
  return keyTableOf(distinct, counts, frauds);
}

/** Fraud rate shrunk toward the prior by `smoothing` pseudo-rows: a key seen once is not 0% or 100%. */
export function smoothedRate(frauds: number, count: number, prior: number, smoothing: number): number {
  return (frauds + smoothing * prior) / (count + smoothing);
}

/**
 * Balanced fold assignment of n rows: a seeded shuffle, then round-robin, so every fold has
 * n/nFolds rows and the assignment depends only on the random source.
 */
export function assignFolds(n: number, nFolds: number, random: () => number): Uint8Array {
  if (!(Number.isInteger(nFolds) && nFolds >= 2 && nFolds <= 255)) throw new Error('nFolds must be 2..255');
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const folds = new Uint8Array(n);
  for (let r = 0; r < n; r++) folds[order[r]] = r % nFolds;
  return folds;
}

/**
 * Out-of-fold history of every row: counts and frauds of its key among the rows of the OTHER folds.
 * Computed as total minus own fold, so it costs O(rows + keys × folds).
 */
export function outOfFoldHistory(
  codes: Float64Array,
  labels: ArrayLike<number>,
  folds: Uint8Array,
  nFolds: number,
): { counts: Int32Array; frauds: Int32Array } {
  const { ids, distinct } = denseIds(codes);
  const nKeys = distinct.length;
  const totalCounts = new Int32Array(nKeys);
  const totalFrauds = new Int32Array(nKeys);
  const foldCounts = new Int32Array(nKeys * nFolds);
  const foldFrauds = new Int32Array(nKeys * nFolds);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const cell = folds[i] * nKeys + id;
    totalCounts[id]++;
    foldCounts[cell]++;
    if (labels[i] > 0) {
      totalFrauds[id]++;
      foldFrauds[cell]++;
    }
  }
  const counts = new Int32Array(ids.length);
  const frauds = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const cell = folds[i] * nKeys + id;
    counts[i] = totalCounts[id] - foldCounts[cell];
    frauds[i] = totalFrauds[id] - foldFrauds[cell];
  }
  return { counts, frauds };
}
