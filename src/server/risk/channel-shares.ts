// Channel shares: a supervisor sets the target shares of yellow and red per regime (and the random
// share), and the engine keeps thresholds derived from the scores of the last 90 days. Before
// setting them, the shares can be backtested over the past year.
import type { z } from 'zod';
import { db } from '../db';
import { assertRole, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { parseOrThrow } from '@/lib/validation';
import { thresholdsForScoreCounts, type Thresholds } from '@/lib/risk/engine';
import { ZChannelShares } from '@/lib/risk/profile-form';
import { serviceDate } from '@/lib/time';
import { backtest } from './backtest';
import { loadRiskSettings, RISK_SETTINGS_KEY } from './settings';

/** The window of scores the thresholds are derived from. */
const SHARES_WINDOW_DAYS = 90;

/**
 * The thresholds the shares give on the regime's scores of the last 90 days. Aggregated in
 * PostgreSQL: it returns how many assessments have each score (at most 101 rows, scores are
 * 0–100), never the 90 days of scores themselves; the thresholds are the same as on the raw scores.
 */
async function thresholdsFromShares(
  input: Pick<z.output<typeof ZChannelShares>, 'regime' | 'yellowPercent' | 'redPercent'>,
  now: Date,
): Promise<{ thresholds: Thresholds; sample: number }> {
  const since = new Date(now.getTime() - SHARES_WINDOW_DAYS * 86_400_000);
  const histogram = await db.riskAssessment.groupBy({
    by: ['score'],
    where: {
      createdAt: { gte: since },
      ...(input.regime === 'default' ? {} : { declaration: { regime: input.regime } }),
    },
    _count: { _all: true },
  });
  const counts = histogram.map((h) => ({ score: h.score, count: h._count._all }));
  return {
    thresholds: thresholdsForScoreCounts(counts, { yellowPercent: input.yellowPercent, redPercent: input.redPercent }),
    sample: counts.reduce((sum, c) => sum + c.count, 0),
  };
}

/**
 * What the channel shares as typed would do, before they are set: the thresholds they give, and the
 * past year replayed with them (and the random share) next to the current setup. Writes nothing.
 */
export async function backtestChannelShares(args: { actor: Actor; input: unknown; now: Date; limit?: number }) {
  const { actor, now } = args;
  assertRole(actor, ['SUPERVISOR']);
  const input = parseOrThrow(ZChannelShares, args.input);
  const { thresholds, sample } = await thresholdsFromShares(input, now);
  const settings = await loadRiskSettings(db);
  const to = serviceDate(now);
  const from = serviceDate(new Date(now.getTime() - 365 * 86_400_000));
  const result = await backtest({
    actor,
    thresholds: { regime: input.regime, ...thresholds },
    randomSharePercent: input.randomSharePercent,
    from,
    to,
    limit: args.limit,
  });
  const currentThresholds = settings.thresholds[input.regime] ?? settings.thresholds.default;
  return {
    regime: input.regime,
    sample,
    thresholds,
    currentThresholds,
    currentRandomSharePercent: settings.randomSharePercent,
    randomSharePercent: input.randomSharePercent,
    result,
  };
}

/** Set a regime's channel shares: thresholds are derived from the scores of the last 90 days. */
export async function setChannelShares(args: { actor: Actor; input: unknown; now: Date }) {
  const { actor, now } = args;
  assertRole(actor, ['SUPERVISOR']);
  const input = parseOrThrow(ZChannelShares, args.input);
  const { thresholds, sample } = await thresholdsFromShares(input, now);
  await db.$transaction(async (tx) => {
    const current = await loadRiskSettings(tx);
    const value = {
      thresholds: { ...current.thresholds, [input.regime]: thresholds },
      randomSharePercent: input.randomSharePercent,
      valueQuantile: current.valueQuantile,
      valueControlPoints: current.valueControlPoints,
      aeoReduction: current.aeoReduction,
      modelWeight: current.modelWeight,
    };
    await tx.setting.upsert({
      where: { key: RISK_SETTINGS_KEY },
      create: { key: RISK_SETTINGS_KEY, value, updatedAt: now },
      update: { value },
    });
    await writeAudit(tx, {
      actor,
      action: 'risk.settings.shares',
      entityType: 'Setting',
      entityId: RISK_SETTINGS_KEY,
      data: { ...input, thresholds, sample },
      at: now,
    });
  });
  return { thresholds, sample };
}
