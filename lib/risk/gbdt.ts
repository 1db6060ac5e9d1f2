// Gradient-boosted decision trees for binary log-loss, histogram based (LightGBM-style):
// features are cut into at most 255 quantile bins once, trees grow leaf-wise (best gain first),
// a child's histogram is the parent's minus its sibling's. Trained trees keep raw thresholds,
// so scoring needs no binning: `x <= threshold` goes left.

import { seededRng } from './random';

export type GbdtParams = {
  nTrees: number;
  learningRate: number;
  /** Leaves per tree (leaf-wise growth stops there). */
  maxLeaves: number;
  maxDepth: number;
  /** A leaf needs at least this many training rows: keeps rare keys from getting their own leaf. */
  minDataInLeaf: number;
  minSumHessian: number;
  /** L2 penalty on leaf values. */
  lambdaL2: number;
  minGain: number;
  /** Fraction of rows each tree sees (bagging), 1 = all. */
  rowSubsample: number;
  /** Fraction of features each tree may split on, 1 = all. */
  colSubsample: number;
  maxBins: number;
  seed: number;
};

export const DEFAULT_GBDT_PARAMS: GbdtParams = {
  nTrees: 100,
  learningRate: 0.1,
  maxLeaves: 15,
  maxDepth: 8,
  minDataInLeaf: 20,
  minSumHessian: 1e-3,
  lambdaL2: 1,
  minGain: 0,
  rowSubsample: 0.8,
  colSubsample: 0.8,
  maxBins: 255,
  seed: 1,
};

/**
 * All trees in flat arrays. Node i splits on `feature[i]` (`x <= threshold[i]` goes to child
 * `left[i]`, otherwise to `left[i] + 1`: siblings are adjacent). A node with feature -1 is a leaf
 * whose value is in `value` (and, for scoring, in `threshold`, so a walk reads two arrays only).
 */
export type Forest = {
  nFeatures: number;
  baseScore: number;
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  value: Float64Array;
};

export type ForestJson = {
  nFeatures: number;
  baseScore: number;
  roots: number[];
  feature: number[];
  threshold: number[];
  left: number[];
  value: number[];
};

// ---------------------------------------------------------------- binning

/** Cut points of one feature: bin b holds thresholds[b-1] < x <= thresholds[b]. */
export function binThresholds(column: Float64Array, maxBins: number): Float64Array {
  const sorted = Float64Array.from(column).sort();
  const uniques: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (uniques.length > 0 && uniques[uniques.length - 1] === sorted[i]) counts[counts.length - 1]++;
    else {
      uniques.push(sorted[i]);
      counts.push(1);
    }
  }
  const cuts: number[] = [];
  if (uniques.length <= maxBins) {
    for (let j = 0; j + 1 < uniques.length; j++) cuts.push((uniques[j] + uniques[j + 1]) / 2);
    return Float64Array.from(cuts);
  }
  // Too many distinct values: cut at count quantiles, always between two distinct values.
  const perBin = sorted.length / maxBins;
  let cumulative = 0;
  let nextTarget = perBin;
  for (let j = 0; j + 1 < uniques.length && cuts.length < maxBins - 1; j++) {
    cumulative += counts[j];
    if (cumulative >= nextTarget) {
      cuts.push((uniques[j] + uniques[j + 1]) / 2);
      while (nextTarget <= cumulative) nextTarget += perBin;
    }
  }
  return Float64Array.from(cuts);
}

/** Index of the bin of x: the first cut with x <= cut, or the last bin. */
export function binOf(x: number, cuts: Float64Array): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x <= cuts[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ---------------------------------------------------------------- training

type SplitCandidate = {
  gain: number;
  feature: number;
  bin: number;
  gradLeft: number;
  hessLeft: number;
  countLeft: number;
};

type GrowingLeaf = {
  node: number;
  start: number;
  end: number;
  depth: number;
  grad: number;
  hess: number;
  hist: Float64Array;
  best: SplitCandidate | null;
};

export type TrainResult = { forest: Forest; gainByFeature: Float64Array };

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Train on column-major features (`columns[f][row]`) and 0/1 labels.
 * Deterministic for a given params.seed.
 */
export function trainGbdt(
  columns: readonly Float64Array[],
  labels: ArrayLike<number>,
  params: GbdtParams,
): TrainResult {
  const nFeatures = columns.length;
  const nRows = labels.length;
  if (nRows === 0) throw new Error('no training rows');
  const random = seededRng(params.seed);

  // Bin every feature once.
  const cuts = columns.map((c) => binThresholds(c, params.maxBins));
  const binOffset = new Int32Array(nFeatures + 1);
  for (let f = 0; f < nFeatures; f++) binOffset[f + 1] = binOffset[f] + cuts[f].length + 1;
  const totalBins = binOffset[nFeatures];
  const binned = columns.map((c, f) => {
    const b = new Uint8Array(nRows);
    for (let i = 0; i < nRows; i++) b[i] = binOf(c[i], cuts[f]);
    return b;
  });

  let positives = 0;
  for (let i = 0; i < nRows; i++) positives += labels[i] > 0 ? 1 : 0;
  const prior = Math.min(1 - 1e-6, Math.max(1e-6, positives / nRows));
  const baseScore = Math.log(prior / (1 - prior));

  const raw = new Float64Array(nRows).fill(baseScore);
  const grad = new Float64Array(nRows);
  const hess = new Float64Array(nRows);
  const y = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) y[i] = labels[i] > 0 ? 1 : 0;

  const nodes = {
    feature: [] as number[],
    threshold: [] as number[],
    bin: [] as number[],
    left: [] as number[],
    value: [] as number[],
  };
  const roots: number[] = [];
  const gainByFeature = new Float64Array(nFeatures);
  const rowIndex = new Int32Array(nRows);
  const scratch = new Int32Array(nRows);
  const featureOrder = new Int32Array(nFeatures);
  const nFeaturesPerTree = Math.max(1, Math.round(params.colSubsample * nFeatures));

  const newNode = (): number => {
    nodes.feature.push(-1);
    nodes.threshold.push(0);
    nodes.bin.push(0);
    nodes.left.push(-1);
    nodes.value.push(0);
    return nodes.feature.length - 1;
  };

  for (let t = 0; t < params.nTrees; t++) {
    for (let i = 0; i < nRows; i++) {
      const p = sigmoid(raw[i]);
      grad[i] = p - y[i];
      hess[i] = Math.max(p * (1 - p), 1e-12);
    }
    // Bagging: a seeded Bernoulli sample of rows, kept in ascending order for cache locality.
    let bagSize = 0;
    for (let i = 0; i < nRows; i++)
      if (params.rowSubsample >= 1 || random() < params.rowSubsample) rowIndex[bagSize++] = i;
    // Feature sampling: a seeded partial shuffle.
    for (let f = 0; f < nFeatures; f++) featureOrder[f] = f;
    for (let f = 0; f < nFeaturesPerTree; f++) {
      const j = f + Math.floor(random() * (nFeatures - f));
      const tmp = featureOrder[f];
      featureOrder[f] = featureOrder[j];
      featureOrder[j] = tmp;
    }
    const usable = featureOrder.slice(0, nFeaturesPerTree).sort();

    const buildHist = (start: number, end: number): Float64Array => {
      const hist = new Float64Array(totalBins * 3);
      for (let k = 0; k < usable.length; k++) {
        const f = usable[k];
        const col = binned[f];
        const off = binOffset[f];
        for (let r = start; r < end; r++) {
          const row = rowIndex[r];
          const cell = (off + col[row]) * 3;
          hist[cell] += grad[row];
          hist[cell + 1] += hess[row];
          hist[cell + 2] += 1;
        }
      }
      return hist;
    };

    const bestSplit = (leaf: GrowingLeaf): SplitCandidate | null => {
      if (leaf.depth >= params.maxDepth || leaf.end - leaf.start < 2 * params.minDataInLeaf) return null;
      const parentScore = (leaf.grad * leaf.grad) / (leaf.hess + params.lambdaL2);
      const count = leaf.end - leaf.start;
      let best: SplitCandidate | null = null;
      for (let k = 0; k < usable.length; k++) {
        const f = usable[k];
        const off = binOffset[f];
        const nb = binOffset[f + 1] - off;
        let gl = 0;
        let hl = 0;
        let cl = 0;
        for (let b = 0; b < nb - 1; b++) {
          const cell = (off + b) * 3;
          gl += leaf.hist[cell];
          hl += leaf.hist[cell + 1];
          cl += leaf.hist[cell + 2];
          if (cl < params.minDataInLeaf || hl < params.minSumHessian) continue;
          const cr = count - cl;
          const hr = leaf.hess - hl;
          if (cr < params.minDataInLeaf) break;
          if (hr < params.minSumHessian) continue;
          const gr = leaf.grad - gl;
          const gain = (gl * gl) / (hl + params.lambdaL2) + (gr * gr) / (hr + params.lambdaL2) - parentScore;
          if (gain > params.minGain && (best === null || gain > best.gain)) {
            best = { gain, feature: f, bin: b, gradLeft: gl, hessLeft: hl, countLeft: cl };
          }
        }
      }
      return best;
    };

    const root = newNode();
    roots.push(root);
    let g0 = 0;
    let h0 = 0;
    for (let r = 0; r < bagSize; r++) {
      g0 += grad[rowIndex[r]];
      h0 += hess[rowIndex[r]];
    }
    const first: GrowingLeaf = {
      node: root,
      start: 0,
      end: bagSize,
      depth: 0,
      grad: g0,
      hess: h0,
      hist: buildHist(0, bagSize),
      best: null,
    };
    first.best = bestSplit(first);
    const leaves: GrowingLeaf[] = [first];

    while (leaves.length < params.maxLeaves) {
      let pick = -1;
      for (let l = 0; l < leaves.length; l++) {
        const b = leaves[l].best;
        if (b && (pick < 0 || b.gain > (leaves[pick].best as SplitCandidate).gain)) pick = l;
      }
      if (pick < 0) break;
      const leaf = leaves[pick];
      const split = leaf.best as SplitCandidate;
      // Stable partition of the leaf's rows: left (bin <= split.bin) first.
      const col = binned[split.feature];
      let nl = 0;
      let nr = 0;
      for (let r = leaf.start; r < leaf.end; r++) {
        const row = rowIndex[r];
        if (col[row] <= split.bin) rowIndex[leaf.start + nl++] = row;
        else scratch[nr++] = row;
      }
      rowIndex.set(scratch.subarray(0, nr), leaf.start + nl);
      const mid = leaf.start + nl;

      const leftNode = newNode();
      const rightNode = newNode(); // always leftNode + 1
      nodes.feature[leaf.node] = split.feature;
      nodes.bin[leaf.node] = split.bin;
      nodes.threshold[leaf.node] = cuts[split.feature][split.bin];
      nodes.left[leaf.node] = leftNode;
      gainByFeature[split.feature] += split.gain;

      const leftLeaf: GrowingLeaf = {
        node: leftNode,
        start: leaf.start,
        end: mid,
        depth: leaf.depth + 1,
        grad: split.gradLeft,
        hess: split.hessLeft,
        hist: leaf.hist,
        best: null,
      };
      const rightLeaf: GrowingLeaf = {
        node: rightNode,
        start: mid,
        end: leaf.end,
        depth: leaf.depth + 1,
        grad: leaf.grad - split.gradLeft,
        hess: leaf.hess - split.hessLeft,
        hist: leaf.hist,
        best: null,
      };
      // Histogram of the smaller child by scan, the larger one by subtraction from the parent.
      const smaller = nl <= nr ? leftLeaf : rightLeaf;
      const larger = nl <= nr ? rightLeaf : leftLeaf;
      smaller.hist = buildHist(smaller.start, smaller.end);
      const parentHist = leaf.hist;
      for (let c = 0; c < parentHist.length; c++) parentHist[c] -= smaller.hist[c];
      larger.hist = parentHist;
      leftLeaf.best = bestSplit(leftLeaf);
      rightLeaf.best = bestSplit(rightLeaf);
      leaves.splice(pick, 1, leftLeaf, rightLeaf);
    }

    for (const leaf of leaves) {
      nodes.value[leaf.node] = (-leaf.grad / (leaf.hess + params.lambdaL2)) * params.learningRate;
      nodes.threshold[leaf.node] = nodes.value[leaf.node];
    }
    // Update every row (bagged or not) by walking the new tree on its bins.
    for (let i = 0; i < nRows; i++) {
      let node = root;
      while (nodes.feature[node] >= 0)
        node = nodes.left[node] + (binned[nodes.feature[node]][i] <= nodes.bin[node] ? 0 : 1);
      raw[i] += nodes.value[node];
    }
  }

  const forest: Forest = {
    nFeatures,
    baseScore,
    roots: Int32Array.from(roots),
    feature: Int32Array.from(nodes.feature),
    threshold: Float64Array.from(nodes.threshold),
    left: Int32Array.from(nodes.left),
    value: Float64Array.from(nodes.value),
  };
  return { forest, gainByFeature };
}

// ---------------------------------------------------------------- scoring

/** Walk one tree for the item whose features start at `base`; returns the leaf value. */
function leafValue(forest: Forest, root: number, rows: Float64Array, base: number): number {
  const { feature, threshold, left } = forest;
  let node = root;
  let f = feature[node];
  while (f >= 0) {
    node = left[node] + ((rows[base + f] > threshold[node]) as unknown as number);
    f = feature[node];
  }
  return threshold[node];
}

/**
 * Raw scores (log-odds) of row-major features: `rows[i * nFeatures + f]`.
 * Four items walk each tree side by side: a single walk is a chain of dependent loads, four
 * independent chains keep the CPU busy while it waits (about 1.5× faster).
 */
export function predictRaw(
  forest: Forest,
  rows: Float64Array,
  nRows: number,
  out: Float64Array = new Float64Array(nRows),
): Float64Array {
  const { feature, threshold, left, roots, nFeatures, baseScore } = forest;
  const nTrees = roots.length;
  let i = 0;
  for (; i + 4 <= nRows; i += 4) {
    const b0 = i * nFeatures;
    const b1 = b0 + nFeatures;
    const b2 = b1 + nFeatures;
    const b3 = b2 + nFeatures;
    let s0 = baseScore;
    let s1 = baseScore;
    let s2 = baseScore;
    let s3 = baseScore;
    for (let t = 0; t < nTrees; t++) {
      let n0 = roots[t];
      let n1 = n0;
      let n2 = n0;
      let n3 = n0;
      let f0 = feature[n0];
      let f1 = f0;
      let f2 = f0;
      let f3 = f0;
      // Leaves have feature -1 (all bits set): the AND is negative only when all four are at leaves.
      while ((f0 & f1 & f2 & f3) >= 0) {
        if (f0 >= 0) {
          n0 = left[n0] + ((rows[b0 + f0] > threshold[n0]) as unknown as number);
          f0 = feature[n0];
        }
        if (f1 >= 0) {
          n1 = left[n1] + ((rows[b1 + f1] > threshold[n1]) as unknown as number);
          f1 = feature[n1];
        }
        if (f2 >= 0) {
          n2 = left[n2] + ((rows[b2 + f2] > threshold[n2]) as unknown as number);
          f2 = feature[n2];
        }
        if (f3 >= 0) {
          n3 = left[n3] + ((rows[b3 + f3] > threshold[n3]) as unknown as number);
          f3 = feature[n3];
        }
      }
      s0 += threshold[n0];
      s1 += threshold[n1];
      s2 += threshold[n2];
      s3 += threshold[n3];
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  for (; i < nRows; i++) {
    let sum = baseScore;
    for (let t = 0; t < nTrees; t++) sum += leafValue(forest, roots[t], rows, i * nFeatures);
    out[i] = sum;
  }
  return out;
}

export function forestToJson(forest: Forest): ForestJson {
  return {
    nFeatures: forest.nFeatures,
    baseScore: forest.baseScore,
    roots: Array.from(forest.roots),
    feature: Array.from(forest.feature),
    threshold: Array.from(forest.threshold),
    left: Array.from(forest.left),
    value: Array.from(forest.value),
  };
}

/** Rebuild a forest and check its structure, so a damaged model fails here instead of scoring garbage. */
export function forestFromJson(json: ForestJson): Forest {
  const n = json.feature.length;
  if (json.threshold.length !== n || json.left.length !== n || json.value.length !== n) {
    throw new Error('forest node arrays differ in length');
  }
  const threshold = Float64Array.from(json.threshold);
  for (let i = 0; i < n; i++) {
    const f = json.feature[i];
    if (f === -1) {
      if (!Number.isFinite(json.value[i])) throw new Error(`leaf ${i} has no finite value`);
      threshold[i] = json.value[i];
      continue;
    }
    if (!Number.isInteger(f) || f < 0 || f >= json.nFeatures)
      throw new Error(`node ${i} splits on unknown feature ${f}`);
    // Children always come after their parent, so a walk can never loop.
    const child = json.left[i];
    if (!Number.isInteger(child) || child <= i || child + 1 >= n) throw new Error(`node ${i} has a bad child ${child}`);
    if (Number.isNaN(json.threshold[i])) throw new Error(`node ${i} has no threshold`);
  }
  for (const r of json.roots) if (!Number.isInteger(r) || r < 0 || r >= n) throw new Error(`bad tree root ${r}`);
  if (!Number.isFinite(json.baseScore)) throw new Error('forest has no finite base score');
  return {
    nFeatures: json.nFeatures,
    baseScore: json.baseScore,
    roots: Int32Array.from(json.roots),
    feature: Int32Array.from(json.feature),
    threshold,
    left: Int32Array.from(json.left),
    value: Float64Array.from(json.value),
  };
}
