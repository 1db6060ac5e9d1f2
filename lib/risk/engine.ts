// The risk engine: every registered declaration gets a score (0–100), a channel and its reasons.
// Pure and deterministic — no I/O, no clock, no Math.random: the caller loads the context, and the
// random selection's keyed draw is a function the caller passes (the secret never enters lib/). Layers:
//   (a) risk profiles (weights, forced channels; shadow profiles recorded, not applied);
//   (b) the learned model (lib/risk/model.ts) — the riskiest item's probability, as points;
//   (c) customs value control — a declared unit price below the configured quantile of the
//       reference distribution for that HS code and origin;
//   (d) a configurable random share sent to inspection for unbiased learning.
// Channel: thresholds per regime on the score; a forced-red profile always wins; authorised
// economic operators get a reduction and their would-be yellow becomes BLUE (release now, audit later).
import { z } from 'zod';
import { matchProfile, type Channel, type ProfileSubject, type RiskProfile } from './profiles';
import { featureMatrix, scoreItems, type RiskModel } from './model';
import type { RiskItem } from './features';

export type Thresholds = { yellow: number; red: number };

export type RiskSettings = {
  /** Score thresholds per regime (a missing regime uses `default`). */
  thresholds: Record<string, Thresholds> & { default: Thresholds };
  /** Share of declarations (percent, 0–100) picked at random for inspection. */
  randomSharePercent: number;
  /** The quantile of the reference prices below which a unit price is flagged. */
  valueQuantile: 'q05' | 'q10' | 'q25';
  /** Points added by a value-control flag. */
  valueControlPoints: number;
  /** Points taken off for an authorised economic operator. */
  aeoReduction: number;
  /** How many points a model probability of 1 is worth. */
  modelWeight: number;
};

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  thresholds: { default: { yellow: 45, red: 75 }, EK10: { yellow: 55, red: 85 }, EK31: { yellow: 55, red: 85 } },
  randomSharePercent: 2,
  valueQuantile: 'q10',
  valueControlPoints: 25,
  aeoReduction: 15,
  modelWeight: 100,
};

export type ReferenceQuantiles = {
  q05: number;
  q10: number;
  q25: number;
  q50: number;
  q75: number;
  q90: number;
  sampleSize: number;
};

export type RiskDeclarationItem = ProfileSubject['items'][number] & {
  lineNo: number;
  quantity: number;
  riskItem: RiskItem;
};

export type RiskDeclaration = Omit<ProfileSubject, 'items'> & {
  id: string;
  /** Registration date, YYYY-MM-DD. */
  date: string;
  isAuthorisedEconomicOperator: boolean;
  items: readonly RiskDeclarationItem[];
};

export type RiskContext = {
  profiles: readonly RiskProfile[];
  model: RiskModel | null;
  /** Why there is no model to use (missing, corrupt), recorded with the assessment. */
  modelProblem: string | null;
  /** Reference prices by `${hsCode}|${origin}` (10-digit code first, then 6-digit). */
  referencePrices: ReadonlyMap<string, ReferenceQuantiles>;
  settings: RiskSettings;
  /** The random selection's draw for a declaration (see `SelectionDraw`). */
  selectionDraw: SelectionDraw;
};

/**
 * A declaration id → a uniform draw in [0, 1). The server keys it with a secret
 * (src/server/risk/selection-key.ts: HMAC-SHA-256(secret, "risk-selection:" + id)), so it is
 * reproducible by the server and unpredictable to the trader, who sees the draft id and could
 * otherwise copy a draft until it is not picked. It must depend on the id alone: the backtest
 * replays a declaration with the draw registration used.
 */
export type SelectionDraw = (declarationId: string) => number;

/** Whether the random share picks a declaration, given its draw. */
export function isSelectedAtShare(draw: number, sharePercent: number): boolean {
  return draw * 100 < sharePercent;
}

export type RiskReason =
  | {
      kind: 'PROFILE';
      profileId: string;
      name: string;
      weight: number;
      forcedChannel: Channel | null;
      lines: number[];
      instructions: string | null;
      isShadow: boolean;
    }
  | {
      kind: 'MODEL';
      probability: number;
      points: number;
      lineNo: number;
      topFeatures: Array<{ feature: string; value: number }>;
    }
  | {
      kind: 'VALUE_CONTROL';
      lineNo: number;
      hsCode: string;
      originCountry: string;
      unitPriceUsd: number;
      quantile: string;
      threshold: number;
      median: number;
    }
  | { kind: 'RANDOM'; sharePercent: number }
  | { kind: 'AEO'; reduction: number }
  | { kind: 'FALLBACK'; message: string };

export type RiskResult = {
  score: number;
  channel: Channel;
  reasons: RiskReason[];
  modelVersion: string | null;
  fallbackReason: string | null;
  isRandomPick: boolean;
};

const CHANNEL_RANK: Record<Channel, number> = { GREEN: 0, BLUE: 1, YELLOW: 2, RED: 3 };
const clamp = (v: number) => Math.max(0, Math.min(100, v));

export function thresholdsFor(settings: RiskSettings, regime: string): Thresholds {
  return settings.thresholds[regime] ?? settings.thresholds.default;
}

export function channelForScore(score: number, t: Thresholds): Channel {
  if (score >= t.red) return 'RED';
  if (score >= t.yellow) return 'YELLOW';
  return 'GREEN';
}

function referenceFor(prices: ReadonlyMap<string, ReferenceQuantiles>, hsCode: string, origin: string) {
  return prices.get(`${hsCode}|${origin}`) ?? prices.get(`${hsCode.slice(0, 6)}|${origin}`) ?? null;
}

/** The model's most telling history features of an item: encoded fraud rates well above the prior. */
function topFeatures(model: RiskModel, item: RiskItem): Array<{ feature: string; value: number }> {
  const names = model.featureNames;
  const row = featureMatrix(model, [item]);
  const out: Array<{ feature: string; value: number }> = [];
  for (let i = 0; i < names.length; i++)
    if (names[i].startsWith('rate:')) out.push({ feature: names[i].slice(5), value: row[i] });
  return out
    .filter((f) => f.value > model.prior)
    .sort((a, b) => b.value - a.value || (a.feature < b.feature ? -1 : 1))
    .slice(0, 3)
    .map((f) => ({ feature: f.feature, value: Math.round(f.value * 1000) / 1000 }));
}

export function assessRisk(d: RiskDeclaration, ctx: RiskContext): RiskResult {
  const reasons: RiskReason[] = [];
  let points = 0;
  let forced: Channel | null = null;

  // (a) profiles
  for (const profile of ctx.profiles) {
    const lines = matchProfile(profile, d, d.date);
    if (lines.length === 0) continue;
    reasons.push({
      kind: 'PROFILE',
      profileId: profile.id,
      name: profile.name,
      weight: profile.weight,
      forcedChannel: profile.forcedChannel,
      lines,
      instructions: profile.instructions,
      isShadow: profile.isShadow,
    });
    if (profile.isShadow) continue;
    points += profile.weight;
    if (profile.forcedChannel && (forced === null || CHANNEL_RANK[profile.forcedChannel] > CHANNEL_RANK[forced]))
      forced = profile.forcedChannel;
  }

  // (b) the model
  let modelVersion: string | null = null;
  let fallbackReason: string | null = ctx.modelProblem;
  if (ctx.model && d.items.length > 0) {
    try {
      const probabilities = scoreItems(
        ctx.model,
        d.items.map((i) => i.riskItem),
      );
      let best = 0;
      for (let i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[best]) best = i;
      const probability = probabilities[best];
      if (!Number.isFinite(probability)) throw new Error('the model returned a non-finite score');
      const modelPoints = Math.round(probability * ctx.settings.modelWeight * 10) / 10;
      points += modelPoints;
      modelVersion = ctx.model.version;
      reasons.push({
        kind: 'MODEL',
        probability: Math.round(probability * 10000) / 10000,
        points: modelPoints,
        lineNo: d.items[best].lineNo,
        topFeatures: topFeatures(ctx.model, d.items[best].riskItem),
      });
    } catch (e) {
      fallbackReason = `The model could not score this declaration (${(e as Error).message}); profiles, value control and random selection decided.`;
    }
  }
  if (fallbackReason) reasons.push({ kind: 'FALLBACK', message: fallbackReason });

  // (c) customs value control
  let isValueFlagged = false;
  for (const item of d.items) {
    if (item.unitPriceUsd === null) continue;
    const ref = referenceFor(ctx.referencePrices, item.hsCode, item.originCountry);
    if (!ref || ref.sampleSize < 5) continue;
    const threshold = ref[ctx.settings.valueQuantile];
    if (item.unitPriceUsd < threshold) {
      isValueFlagged = true;
      reasons.push({
        kind: 'VALUE_CONTROL',
        lineNo: item.lineNo,
        hsCode: item.hsCode,
        originCountry: item.originCountry,
        unitPriceUsd: Math.round(item.unitPriceUsd * 10000) / 10000,
        quantile: ctx.settings.valueQuantile,
        threshold,
        median: ref.q50,
      });
    }
  }
  if (isValueFlagged) points += ctx.settings.valueControlPoints;

  // Authorised economic operators
  if (d.isAuthorisedEconomicOperator && ctx.settings.aeoReduction > 0) {
    points -= ctx.settings.aeoReduction;
    reasons.push({ kind: 'AEO', reduction: ctx.settings.aeoReduction });
  }

  const score = Math.round(clamp(points));
  let channel = channelForScore(score, thresholdsFor(ctx.settings, d.regime));
  if (d.isAuthorisedEconomicOperator && channel === 'YELLOW') channel = 'BLUE';

  // (d) random selection, keyed by the secret and drawn from the declaration id: at least a document check.
  const isRandomPick = isSelectedAtShare(ctx.selectionDraw(d.id), ctx.settings.randomSharePercent);
  if (isRandomPick) {
    reasons.push({ kind: 'RANDOM', sharePercent: ctx.settings.randomSharePercent });
    if (CHANNEL_RANK[channel] < CHANNEL_RANK.YELLOW) channel = 'YELLOW';
  }

  if (forced) channel = forced === 'RED' ? 'RED' : CHANNEL_RANK[forced] > CHANNEL_RANK[channel] ? forced : channel;
  return { score, channel, reasons, modelVersion, fallbackReason, isRandomPick };
}

/**
 * Thresholds that would give the target shares of yellow and red on a sample of scores (e.g. the
 * last months' assessments): the supervisor sets shares, the engine keeps thresholds.
 */
export function thresholdsForShares(
  scores: readonly number[],
  shares: { yellowPercent: number; redPercent: number },
): Thresholds {
  const counts = new Map<number, number>();
  for (const score of scores) counts.set(score, (counts.get(score) ?? 0) + 1);
  return thresholdsForScoreCounts(
    [...counts].map(([score, count]) => ({ score, count })),
    shares,
  );
}

/** How many assessments of a sample have a score (a histogram: PostgreSQL counts, the app never holds every score). */
export type ScoreCount = { score: number; count: number };

/** `thresholdsForShares` on a histogram of the sample: the same thresholds as on the scores themselves. */
export function thresholdsForScoreCounts(
  counts: readonly ScoreCount[],
  shares: { yellowPercent: number; redPercent: number },
): Thresholds {
  const n = counts.reduce((sum, c) => sum + c.count, 0);
  if (n === 0) return DEFAULT_RISK_SETTINGS.thresholds.default;
  const highestFirst = counts.filter((c) => c.count > 0).sort((a, b) => b.score - a.score);
  // The k-th highest score, k = ⌈percent of n⌉ kept within 1..n.
  const at = (percent: number) => {
    const k = Math.min(n, Math.max(1, Math.ceil((percent / 100) * n)));
    let seen = 0;
    for (const c of highestFirst) {
      seen += c.count;
      if (seen >= k) return c.score;
    }
    return highestFirst[highestFirst.length - 1].score;
  };
  const red = percentOrNone(shares.redPercent, () => at(shares.redPercent));
  const yellow = percentOrNone(shares.redPercent + shares.yellowPercent, () =>
    at(shares.redPercent + shares.yellowPercent),
  );
  return { yellow: Math.min(yellow, red), red };
}

function percentOrNone(percent: number, at: () => number): number {
  return percent <= 0 ? 101 : at();
}

// Reading stored reasons back: assessments outlive code versions (and the demo history was written
// in a simpler shape), so every stored element is checked; one that is not a current reason is
// shown by its message, never allowed to break the officer's page.
const ZStoredReason = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('PROFILE'),
    profileId: z.string(),
    name: z.string(),
    weight: z.number(),
    forcedChannel: z.enum(['GREEN', 'YELLOW', 'RED', 'BLUE']).nullable(),
    lines: z.array(z.number()),
    instructions: z.string().nullable(),
    isShadow: z.boolean(),
  }),
  z.object({
    kind: z.literal('MODEL'),
    probability: z.number(),
    points: z.number(),
    lineNo: z.number(),
    topFeatures: z.array(z.object({ feature: z.string(), value: z.number() })),
  }),
  z.object({
    kind: z.literal('VALUE_CONTROL'),
    lineNo: z.number(),
    hsCode: z.string(),
    originCountry: z.string(),
    unitPriceUsd: z.number(),
    quantile: z.string(),
    threshold: z.number(),
    median: z.number(),
  }),
  z.object({ kind: z.literal('RANDOM'), sharePercent: z.number() }),
  z.object({ kind: z.literal('AEO'), reduction: z.number() }),
  z.object({ kind: z.literal('FALLBACK'), message: z.string() }),
]);

export function readStoredReasons(stored: unknown): { reasons: RiskReason[]; others: string[] } {
  const reasons: RiskReason[] = [];
  const others: string[] = [];
  for (const element of Array.isArray(stored) ? stored : []) {
    const parsed = ZStoredReason.safeParse(element);
    if (parsed.success) reasons.push(parsed.data as RiskReason);
    else if (element && typeof element === 'object' && typeof (element as { message?: unknown }).message === 'string')
      others.push((element as { message: string }).message);
  }
  return { reasons, others };
}
