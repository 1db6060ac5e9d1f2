// What supervisors do with the risk engine: manage profiles (with shadow mode), see how profiles
// and channels perform, backtest a change over past declarations before switching it on, set the
// channel shares, and train and activate model versions.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { z } from 'zod';
import { db } from '../db';
import type { Prisma } from '@/src/generated/prisma/client';
import { assertRole, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { assessRisk, thresholdsForShares, type RiskReason } from '@/lib/risk/engine';
import { ZProfileConditions, type RiskProfile, type Channel, CHANNELS } from '@/lib/risk/profiles';
import { ZProfileForm, ZChannelShares, type ProfileForm } from '@/lib/risk/profile-form';
import { asDateColumn, serviceDate, startOfServiceDate } from '@/lib/time';
import { loadTariff } from '../declarations/assessment';
import { loadActiveProfiles, profilesValidOn, referenceMap, toRiskDeclaration } from './assess';
import { loadRatesByDay } from './rates';
import { activeModel } from './models';
import { loadRiskSettings, RISK_SETTINGS_KEY } from './settings';
import { riskSelectionKey } from './selection-key';
import { claimTrainingRun, finishTrainingRun, readTrainingStatus, isTrainingRunning, type TrainingStatus } from './training';

function assertSupervisor(actor: Actor) {
  assertRole(actor, ['SUPERVISOR']);
}

export async function listProfiles(args: { actor: Actor }) {
  assertSupervisor(args.actor);
  return db.riskProfile.findMany({ orderBy: [{ isActive: 'desc' }, { createdAt: 'asc' }] });
}

export async function getProfile(args: { actor: Actor; profileId: string }) {
  assertSupervisor(args.actor);
  const p = await db.riskProfile.findUnique({ where: { id: args.profileId } });
  if (!p) throw new AppError('NOT_FOUND', 'The profile was not found.');
  return p;
}

function profileData(form: ProfileForm) {
  return {
    name: form.name,
    conditions: form.conditions as Prisma.InputJsonValue,
    weight: form.weight,
    forcedChannel: form.forcedChannel,
    instructions: form.instructions,
    validFrom: asDateColumn(form.validFrom),
    validTo: form.validTo ? asDateColumn(form.validTo) : null,
    isShadow: form.isShadow,
    isActive: form.isActive,
  };
}

/** Create (no id) or change a profile. Invalid conditions are refused with field errors. */
export async function saveProfile(args: { actor: Actor; profileId?: string; input: unknown; now: Date }): Promise<{ id: string }> {
  const { actor, now } = args;
  assertSupervisor(actor);
  const form = parseOrThrow(ZProfileForm, args.input);
  return db.$transaction(async (tx) => {
    const saved = args.profileId
      ? await tx.riskProfile.update({ where: { id: args.profileId }, data: profileData(form), select: { id: true } }).catch(() => {
          throw new AppError('NOT_FOUND', 'The profile was not found.');
        })
      : await tx.riskProfile.create({ data: { ...profileData(form), createdById: actor.userId, createdAt: now }, select: { id: true } });
    await writeAudit(tx, { actor, action: args.profileId ? 'risk.profile.update' : 'risk.profile.create', entityType: 'RiskProfile', entityId: saved.id, data: { ...form, conditions: form.conditions } as Prisma.InputJsonValue, at: now });
    return saved;
  });
}

export type ChannelMix = Record<Channel, number>;
export type BacktestResult = {
  /** Declarations replayed (the latest `sampled` of the `total` registered in the range). */
  declarations: number;
  sampled: number;
  total: number;
  current: ChannelMix;
  proposed: ChannelMix;
  /** Of the declarations the proposal would inspect (yellow/red) whose outcome is known: how many hid a discrepancy. */
  inspectedWithOutcome: number;
  hits: number;
  hitRate: number | null;
  /** The same for the current setup, on the same declarations. */
  currentInspectedWithOutcome: number;
  currentHits: number;
  currentHitRate: number | null;
  profileMatches: number;
};

const emptyMix = (): ChannelMix => ({ GREEN: 0, YELLOW: 0, RED: 0, BLUE: 0 });

/**
 * Replay the engine over past registered declarations of the range, with a profile (new or
 * changed) and/or thresholds as proposed, next to the current setup. Outcomes are the recorded
 * inspections, so the hit rate is measured where an outcome is known.
 */
export async function backtest(args: { actor: Actor; profileId?: string; proposal?: unknown; thresholds?: { regime: string; yellow: number; red: number }; randomSharePercent?: number; from: string; to: string; limit?: number }): Promise<BacktestResult> {
  const { actor } = args;
  assertSupervisor(actor);
  const proposedForm = args.proposal !== undefined ? parseOrThrow(ZProfileForm, args.proposal) : null;
  const inRange = { registeredAt: { gte: startOfServiceDate(args.from), lt: new Date(startOfServiceDate(args.to).getTime() + 86_400_000) } };
  const total = await db.declaration.count({ where: inRange });
  const declarations = await db.declaration.findMany({
    where: inRange,
    orderBy: [{ registeredAt: 'desc' }, { id: 'asc' }],
    take: args.limit ?? 5000,
    include: { items: { orderBy: { lineNo: 'asc' } }, post: { select: { code: true } }, company: { select: { tin: true, isAuthorisedEconomicOperator: true } }, inspections: { select: { isHit: true } } },
  });
  const tariff = await loadTariff(db, [...new Set(declarations.flatMap((d) => d.items.map((i) => i.hsCode)))]);
  const referencePrices = referenceMap(await db.referencePrice.findMany());
  // As registration does: per registration day, the rates loaded by `loadRates` (the latest on or before the day).
  const ratesByDate = await loadRatesByDay(db, declarations.map((d) => serviceDate(d.registeredAt!)));
  const firsts = new Map((await db.declaration.groupBy({ by: ['companyId'], where: { registeredAt: { not: null } }, _min: { registeredAt: true } })).map((g) => [g.companyId, g._min.registeredAt?.getTime()]));
  const { model, problem } = await activeModel(db);
  const settings = await loadRiskSettings(db);
  const randomKey = await riskSelectionKey(db);
  // As registration does: each declaration gets the profiles valid on its registration day. The
  // proposed profile replaces its stored version and applies over the whole range, whatever its dates:
  // the question is what it would have done.
  const active = await loadActiveProfiles(db);
  const proposedProfile: RiskProfile | null = proposedForm ? { id: args.profileId ?? 'proposed', ...proposedForm } : null;
  const profilesByDate = new Map<string, { current: RiskProfile[]; proposed: RiskProfile[] }>();
  const profilesOn = (date: string) => {
    let entry = profilesByDate.get(date);
    if (!entry) {
      const current = profilesValidOn(active, date);
      entry = { current, proposed: proposedProfile ? [...current.filter((p) => p.id !== proposedProfile.id), { ...proposedProfile, isShadow: false }] : current };
      profilesByDate.set(date, entry);
    }
    return entry;
  };
  const proposedSettings = {
    ...settings,
    ...(args.thresholds ? { thresholds: { ...settings.thresholds, [args.thresholds.regime]: { yellow: args.thresholds.yellow, red: args.thresholds.red } } } : {}),
    ...(args.randomSharePercent !== undefined ? { randomSharePercent: args.randomSharePercent } : {}),
  };

  const result: BacktestResult = { declarations: 0, sampled: declarations.length, total, current: emptyMix(), proposed: emptyMix(), inspectedWithOutcome: 0, hits: 0, hitRate: null, currentInspectedWithOutcome: 0, currentHits: 0, currentHitRate: null, profileMatches: 0 };
  for (const d of declarations) {
    const date = serviceDate(d.registeredAt!);
    const input = toRiskDeclaration(d, { date, tariff, rates: ratesByDate.get(date) ?? { UZS: '1' }, isFirstShipment: firsts.get(d.companyId) === d.registeredAt!.getTime() });
    const profiles = profilesOn(date);
    const before = assessRisk(input, { profiles: profiles.current, model, modelProblem: problem, referencePrices, settings, randomKey });
    const after = assessRisk(input, { profiles: profiles.proposed, model, modelProblem: problem, referencePrices, settings: proposedSettings, randomKey });
    result.declarations += 1;
    result.current[before.channel] += 1;
    result.proposed[after.channel] += 1;
    if (proposedProfile && (after.reasons as RiskReason[]).some((r) => r.kind === 'PROFILE' && r.profileId === proposedProfile.id)) result.profileMatches += 1;
    const hasOutcome = d.inspections.length > 0;
    const isHit = d.inspections.some((i) => i.isHit);
    if (hasOutcome && (after.channel === 'YELLOW' || after.channel === 'RED')) {
      result.inspectedWithOutcome += 1;
      if (isHit) result.hits += 1;
    }
    if (hasOutcome && (before.channel === 'YELLOW' || before.channel === 'RED')) {
      result.currentInspectedWithOutcome += 1;
      if (isHit) result.currentHits += 1;
    }
  }
  result.hitRate = result.inspectedWithOutcome ? result.hits / result.inspectedWithOutcome : null;
  result.currentHitRate = result.currentInspectedWithOutcome ? result.currentHits / result.currentInspectedWithOutcome : null;
  return result;
}

/** Hit rates over a date range: per channel, and per applied profile (from the stored reasons). */
export async function riskPerformance(args: { actor: Actor; from: string; to: string }) {
  assertSupervisor(args.actor);
  const from = startOfServiceDate(args.from);
  const to = new Date(startOfServiceDate(args.to).getTime() + 86_400_000);
  const byChannel = await db.$queryRaw<Array<{ channel: Channel; declarations: number; inspected: number; hits: number }>>`
    SELECT d.channel, COUNT(*)::int AS declarations,
           COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Inspection" i WHERE i."declarationId" = d.id))::int AS inspected,
           COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Inspection" i WHERE i."declarationId" = d.id AND i."isHit"))::int AS hits
    FROM "Declaration" d
    WHERE d."registeredAt" >= ${from} AND d."registeredAt" < ${to} AND d.channel IS NOT NULL
    GROUP BY d.channel`;
  const byProfile = await db.$queryRaw<Array<{ profileId: string; name: string; isShadow: boolean; matched: number; inspected: number; hits: number }>>`
    SELECT r.value->>'profileId' AS "profileId", MAX(r.value->>'name') AS name, bool_or((r.value->>'isShadow')::boolean) AS "isShadow",
           COUNT(DISTINCT a."declarationId")::int AS matched,
           COUNT(DISTINCT a."declarationId") FILTER (WHERE EXISTS (SELECT 1 FROM "Inspection" i WHERE i."declarationId" = a."declarationId"))::int AS inspected,
           COUNT(DISTINCT a."declarationId") FILTER (WHERE EXISTS (SELECT 1 FROM "Inspection" i WHERE i."declarationId" = a."declarationId" AND i."isHit"))::int AS hits
    FROM "RiskAssessment" a, jsonb_array_elements(a.reasons) r
    WHERE a."createdAt" >= ${from} AND a."createdAt" < ${to} AND r.value->>'kind' = 'PROFILE' AND r.value ? 'profileId'
    GROUP BY r.value->>'profileId'
    ORDER BY matched DESC`;
  return {
    byChannel: CHANNELS.map((c) => byChannel.find((r) => r.channel === c) ?? { channel: c, declarations: 0, inspected: 0, hits: 0 }),
    byProfile,
  };
}

export async function listModels(args: { actor: Actor }) {
  assertSupervisor(args.actor);
  return db.riskModel.findMany({ orderBy: { trainedAt: 'desc' }, select: { id: true, version: true, kind: true, metrics: true, trainedAt: true, isActive: true }, take: 20 });
}

export async function activateModel(args: { actor: Actor; modelId: string; now: Date }): Promise<void> {
  const { actor, now } = args;
  assertSupervisor(actor);
  await db.$transaction(async (tx) => {
    const model = await tx.riskModel.findUnique({ where: { id: args.modelId }, select: { id: true, version: true } });
    if (!model) throw new AppError('NOT_FOUND', 'The model version was not found.');
    await tx.riskModel.updateMany({ where: { isActive: true }, data: { isActive: false } });
    await tx.riskModel.update({ where: { id: model.id }, data: { isActive: true } });
    await writeAudit(tx, { actor, action: 'risk.model.activate', entityType: 'RiskModel', entityId: model.version, at: now });
  });
}

/**
 * Start training a new version in a separate process: the registration path never waits for it.
 * The new version appears in the list when done, inactive until a supervisor activates it. One run
 * at a time: CONFLICT while another is running (the run is claimed before the process starts, and
 * the process writes its end; a process that dies before that is recorded as failed from here).
 */
export async function startTraining(args: { actor: Actor; now: Date }): Promise<{ started: true; runId: string }> {
  const { actor, now } = args;
  assertSupervisor(actor);
  const runId = randomUUID();
  await claimTrainingRun(db, { runId, now, startedBy: actor.email });
  const failed = (error: string) => void finishTrainingRun(db, { runId, now: new Date(), error }).catch((e) => console.error('risk training status', e));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'src', 'cli', 'risk-train.ts')], { cwd: process.cwd(), env: { ...process.env, RISK_TRAINING_RUN_ID: runId }, stdio: 'ignore', detached: true });
    child.on('error', (e) => failed(`The training process could not start (${e.message}).`));
    child.on('exit', (code, signal) => {
      if (code !== 0) failed(`The training process ended with ${signal ?? `exit code ${code}`}.`);
    });
    child.unref();
  } catch (e) {
    failed(`The training process could not start (${(e as Error).message}).`);
    throw e;
  }
  await db.auditEntry.create({ data: { actorId: actor.userId, actorRole: actor.role, action: 'risk.model.train.start', entityType: 'RiskModel', entityId: 'training', data: { runId }, at: now } });
  return { started: true, runId };
}

/** The last training run (running, failed with its error, done with its version), or null before the first. */
export async function trainingStatus(args: { actor: Actor; now: Date }): Promise<(TrainingStatus & { isRunning: boolean }) | null> {
  assertSupervisor(args.actor);
  const status = await readTrainingStatus(db);
  return status ? { ...status, isRunning: isTrainingRunning(status, args.now) } : null;
}

async function thresholdsFromShares(input: Pick<z.output<typeof ZChannelShares>, 'regime' | 'yellowPercent' | 'redPercent'>, now: Date) {
  const since = new Date(now.getTime() - 90 * 86_400_000);
  const scores = await db.riskAssessment.findMany({ where: { createdAt: { gte: since }, ...(input.regime === 'default' ? {} : { declaration: { regime: input.regime } }) }, select: { score: true } });
  return { thresholds: thresholdsForShares(scores.map((s) => s.score), { yellowPercent: input.yellowPercent, redPercent: input.redPercent }), sample: scores.length };
}

/**
 * What the channel shares as typed would do, before they are set: the thresholds they give, and the
 * past year replayed with them (and the random share) next to the current setup. Writes nothing.
 */
export async function backtestChannelShares(args: { actor: Actor; input: unknown; now: Date; limit?: number }) {
  const { actor, now } = args;
  assertSupervisor(actor);
  const input = parseOrThrow(ZChannelShares, args.input);
  const { thresholds, sample } = await thresholdsFromShares(input, now);
  const settings = await loadRiskSettings(db);
  const to = serviceDate(now);
  const from = serviceDate(new Date(now.getTime() - 365 * 86_400_000));
  const result = await backtest({ actor, thresholds: { regime: input.regime, ...thresholds }, randomSharePercent: input.randomSharePercent, from, to, limit: args.limit });
  const currentThresholds = settings.thresholds[input.regime] ?? settings.thresholds.default;
  return { regime: input.regime, sample, thresholds, currentThresholds, currentRandomSharePercent: settings.randomSharePercent, randomSharePercent: input.randomSharePercent, result };
}

/** Set a regime's channel shares: thresholds are derived from the scores of the last 90 days. */
export async function setChannelShares(args: { actor: Actor; input: unknown; now: Date }) {
  const { actor, now } = args;
  assertSupervisor(actor);
  const input = parseOrThrow(ZChannelShares, args.input);
  const { thresholds, sample } = await thresholdsFromShares(input, now);
  await db.$transaction(async (tx) => {
    const current = await loadRiskSettings(tx);
    const value = { thresholds: { ...current.thresholds, [input.regime]: thresholds }, randomSharePercent: input.randomSharePercent, valueQuantile: current.valueQuantile, valueControlPoints: current.valueControlPoints, aeoReduction: current.aeoReduction, modelWeight: current.modelWeight };
    await tx.setting.upsert({ where: { key: RISK_SETTINGS_KEY }, create: { key: RISK_SETTINGS_KEY, value, updatedAt: now }, update: { value } });
    await writeAudit(tx, { actor, action: 'risk.settings.shares', entityType: 'Setting', entityId: RISK_SETTINGS_KEY, data: { ...input, thresholds, sample }, at: now });
  });
  return { thresholds, sample };
}

export { ZProfileConditions };
