// The supervisor's backtest: what a profile as typed, or thresholds and a random share, would have
// done to past registered declarations, next to the current setup. Loads each declaration as
// registration saw it and hands it to the pure replay (lib/risk/backtest.ts).
//
// Memory stays bounded: declarations are read in batches of BATCH_SIZE (keyset pagination on the
// replay order) and only the counts are kept; the first-shipment dates are aggregated in
// PostgreSQL (one row per company). Tariff lines and rates are kept per HS code and per day.
import { db } from '../db';
import { assertRole, type Actor } from '../actor';
import { parseOrThrow } from '@/lib/validation';
import { ZProfileForm } from '@/lib/risk/profile-form';
import type { RiskProfile } from '@/lib/risk/profiles';
import {
  backtestSetups,
  countReplay,
  emptyBacktest,
  finishBacktest,
  replayDeclaration,
  type BacktestResult,
} from '@/lib/risk/backtest';
import { serviceDate, startOfServiceDate } from '@/lib/time';
import { loadTariff } from '../declarations/assessment';
import { loadActiveProfiles, referenceMap, toRiskDeclaration } from './assess';
import { loadRatesByDay } from './rates';
import { activeModel } from './models';
import { loadRiskSettings } from './settings';
import { loadSelectionDraw } from './selection-key';

/** Declarations replayed when the caller names no limit: the latest of the range. */
const DEFAULT_LIMIT = 5000;
const BATCH_SIZE = 500;

/**
 * Replay the engine over past registered declarations of the range (the latest `limit`), with a
 * profile (new or changed) and/or thresholds as proposed, next to the current setup. Outcomes are
 * the recorded inspections, so the hit rate is measured where an outcome is known. Writes nothing.
 */
export async function backtest(args: {
  actor: Actor;
  profileId?: string;
  proposal?: unknown;
  thresholds?: { regime: string; yellow: number; red: number };
  randomSharePercent?: number;
  from: string;
  to: string;
  limit?: number;
}): Promise<BacktestResult> {
  const { actor } = args;
  assertRole(actor, ['SUPERVISOR']);
  const proposedForm = args.proposal !== undefined ? parseOrThrow(ZProfileForm, args.proposal) : null;
  const proposedProfile: RiskProfile | null = proposedForm
    ? { id: args.profileId ?? 'proposed', ...proposedForm }
    : null;
  const inRange = {
    registeredAt: {
      gte: startOfServiceDate(args.from),
      lt: new Date(startOfServiceDate(args.to).getTime() + 86_400_000),
    },
  };
  const limit = args.limit ?? DEFAULT_LIMIT;

  const total = await db.declaration.count({ where: inRange });
  const referencePrices = referenceMap(await db.referencePrice.findMany());
  const firsts = new Map(
    (
      await db.declaration.groupBy({
        by: ['companyId'],
        where: { registeredAt: { not: null } },
        _min: { registeredAt: true },
      })
    ).map((g) => [g.companyId, g._min.registeredAt?.getTime()]),
  );
  const { model, problem } = await activeModel(db);
  const setupsOn = backtestSetups({
    activeProfiles: await loadActiveProfiles(db),
    proposal: { profile: proposedProfile, thresholds: args.thresholds, randomSharePercent: args.randomSharePercent },
    context: { model, modelProblem: problem, referencePrices, selectionDraw: await loadSelectionDraw(db) },
    settings: await loadRiskSettings(db),
  });

  const tariff: Awaited<ReturnType<typeof loadTariff>> = new Map();
  const ratesByDate = new Map<string, Record<string, string>>();
  const result = emptyBacktest(total);
  let after: string | undefined;
  while (result.declarations < limit) {
    const take = Math.min(BATCH_SIZE, limit - result.declarations);
    const batch = await db.declaration.findMany({
      where: inRange,
      orderBy: [{ registeredAt: 'desc' }, { id: 'asc' }],
      take,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      include: {
        items: { orderBy: { lineNo: 'asc' } },
        post: { select: { code: true } },
        company: { select: { tin: true, isAuthorisedEconomicOperator: true } },
        inspections: { select: { isHit: true } },
      },
    });
    const newCodes = [...new Set(batch.flatMap((d) => d.items.map((i) => i.hsCode)))].filter(
      (code) => !tariff.has(code),
    );
    for (const [code, line] of await loadTariff(db, newCodes)) tariff.set(code, line);
    // As registration does: per registration day, the rates loaded by `loadRates` (the latest on or before the day).
    const newDays = batch.map((d) => serviceDate(d.registeredAt!)).filter((day) => !ratesByDate.has(day));
    for (const [day, rates] of await loadRatesByDay(db, newDays)) ratesByDate.set(day, rates);

    for (const d of batch) {
      const date = serviceDate(d.registeredAt!);
      const input = toRiskDeclaration(d, {
        date,
        tariff,
        rates: ratesByDate.get(date) ?? { UZS: '1' },
        isFirstShipment: firsts.get(d.companyId) === d.registeredAt!.getTime(),
      });
      const outcome = { hasOutcome: d.inspections.length > 0, isHit: d.inspections.some((i) => i.isHit) };
      countReplay(result, replayDeclaration(input, setupsOn(date), outcome, proposedProfile?.id ?? null));
    }
    if (batch.length < take) break;
    after = batch[batch.length - 1].id;
  }
  return finishBacktest(result);
}
