// Learning from inspections: every inspected declaration item becomes a training row labelled by
// the inspection's outcome (hit or not), mapped with the same code that scores registrations.
// Training runs outside any registration transaction (a CLI process, or a child process started
// by the supervisor's button), so it never blocks registration.
import { z } from 'zod';
import type { PrismaClient, Prisma } from '@/src/generated/prisma/client';
import { AppError } from '@/lib/errors';
import { trainRiskModel } from '@/lib/risk/model';
import { evaluateRanking, subsetRanking, type SubsetRanking } from '@/lib/risk/metrics';
import type { RiskItem } from '@/lib/risk/features';
import { toRiskItem } from './mapping';
import { rebuildReferencePrices, type ReferencePriceRebuild } from './reference-prices';

export type TrainingMetrics = {
  auc: number;
  precisionAt5: number;
  precisionAt10: number;
  /** The same holdout restricted to randomly picked declarations (RiskAssessment.isRandomPick): unbiased by the engine's own selection. */
  randomPicks: SubsetRanking;
};
export type TrainingOutcome = {
  version: string;
  rows: number;
  hits: number;
  metrics: TrainingMetrics | null;
  referencePrices: ReferencePriceRebuild;
};

/**
 * Train a new model version from the inspected history and store it (inactive). Every run first
 * rebuilds the reference prices of customs value control from the released declarations of the last year.
 */
export async function trainFromHistory(
  db: PrismaClient,
  args: { now: Date; label?: string; activate?: boolean },
): Promise<TrainingOutcome> {
  const referencePrices = await rebuildReferencePrices(db, { now: args.now });
  const inspected = await db.declaration.findMany({
    where: {
      inspections: { some: { kind: { in: ['DOCUMENT_CHECK', 'PHYSICAL_EXAMINATION', 'POST_CLEARANCE_AUDIT'] } } },
      registeredAt: { not: null },
    },
    orderBy: { registeredAt: 'asc' },
    select: {
      regime: true,
      registeredAt: true,
      createdById: true,
      consignorName: true,
      dispatchCountry: true,
      transportMode: true,
      post: { select: { code: true } },
      company: { select: { tin: true } },
      inspections: { select: { isHit: true } },
      riskAssessments: { select: { isRandomPick: true } },
      items: { select: { hsCode: true, originCountry: true, netMass: true, customsValue: true, invoiceValue: true } },
    },
  });
  const tariff = new Map(
    (await db.tariffLine.findMany({ select: { hsCode: true, adValoremRate: true, dutyType: true } })).map((t) => [
      t.hsCode,
      t,
    ]),
  );
  const items: RiskItem[] = [];
  const labels: number[] = [];
  const isRandomPick: boolean[] = [];
  for (const d of inspected) {
    const isHit = d.inspections.some((i) => i.isHit) ? 1 : 0;
    const picked = d.riskAssessments.some((a) => a.isRandomPick);
    for (const item of d.items) {
      isRandomPick.push(picked);
      const line = tariff.get(item.hsCode);
      items.push(toRiskItem(d, item, line ? line.adValoremRate.toNumber() : 0, line?.dutyType ?? ''));
      labels.push(isHit);
    }
  }
  if (items.length < 50)
    throw new Error(`Only ${items.length} inspected items: at least 50 are needed to train a model.`);

  // An honest figure to show next to the version: train on the first 80% in time, score the rest.
  const cut = Math.floor(items.length * 0.8);
  let metrics: TrainingOutcome['metrics'] = null;
  if (labels.slice(cut).some((l) => l === 1) && labels.slice(0, cut).some((l) => l === 1)) {
    const { parseRiskModel, scoreItems } = await import('@/lib/risk/model');
    const holdout = parseRiskModel(trainRiskModel(items.slice(0, cut), labels.slice(0, cut), { label: 'holdout' }));
    const scores = scoreItems(holdout, items.slice(cut));
    const report = evaluateRanking(scores, labels.slice(cut), new Array(items.length - cut).fill(0));
    const at = (f: number) => report.rates.find((r) => r.fraction === f)?.precision ?? 0;
    metrics = {
      auc: report.auc,
      precisionAt5: at(0.05),
      precisionAt10: at(0.1),
      randomPicks: subsetRanking(scores, labels.slice(cut), isRandomPick.slice(cut)),
    };
  }

  const model = trainRiskModel(items, labels, { label: args.label ?? 'db' });
  const hits = labels.filter((l) => l === 1).length;
  await db.$transaction(async (tx) => {
    const existing = await tx.riskModel.findUnique({ where: { version: model.version } });
    if (!existing) {
      await tx.riskModel.create({
        data: {
          version: model.version,
          kind: model.format,
          params: model as unknown as Prisma.InputJsonValue,
          metrics: { ...metrics, rows: items.length, hits } as Prisma.InputJsonValue,
          trainedAt: args.now,
          isActive: false,
        },
      });
    }
    if (args.activate) {
      await tx.riskModel.updateMany({ where: { isActive: true }, data: { isActive: false } });
      await tx.riskModel.update({ where: { version: model.version }, data: { isActive: true } });
    }
    await tx.auditEntry.create({
      data: {
        actorId: null,
        actorRole: 'SYSTEM',
        action: 'risk.model.train',
        entityType: 'RiskModel',
        entityId: model.version,
        data: { rows: items.length, hits, activated: Boolean(args.activate) },
        at: args.now,
      },
    });
  });
  return { version: model.version, rows: items.length, hits, metrics, referencePrices };
}

// ---------------------------------------------------------------- the last training run
// One run at a time: the supervisor's button (training-runner.ts startTraining) and `npm run risk:train`
// claim the Setting row 'risk.training' before training and write its end (done with the version,
// or failed with the error). A claim is refused while another run is running, unless that run
// started so long ago that its process must have died without saying so.

export const TRAINING_STATUS_KEY = 'risk.training';
/** A run still "running" after this long is taken as dead (a killed process writes nothing). */
export const TRAINING_STALE_AFTER_MS = 2 * 60 * 60 * 1000;

const ZTrainingStatus = z.object({
  runId: z.string(),
  status: z.enum(['running', 'failed', 'done']),
  startedAt: z.string(),
  startedBy: z.string().nullable(),
  finishedAt: z.string().nullable(),
  version: z.string().nullable(),
  error: z.string().nullable(),
});
export type TrainingStatus = z.output<typeof ZTrainingStatus>;

type StatusClient = Pick<PrismaClient, 'setting'> | Prisma.TransactionClient;

export async function readTrainingStatus(client: StatusClient): Promise<TrainingStatus | null> {
  const row = await client.setting.findUnique({ where: { key: TRAINING_STATUS_KEY } });
  const parsed = ZTrainingStatus.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export function isTrainingRunning(status: TrainingStatus | null, now: Date): boolean {
  return status?.status === 'running' && now.getTime() - new Date(status.startedAt).getTime() < TRAINING_STALE_AFTER_MS;
}

/** Mark a run as running; CONFLICT while another one is. Claims are serialized by a transaction lock. */
export async function claimTrainingRun(
  client: PrismaClient,
  args: { runId: string; now: Date; startedBy: string | null },
): Promise<TrainingStatus> {
  return client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${TRAINING_STATUS_KEY}))`;
    const current = await readTrainingStatus(tx);
    if (isTrainingRunning(current, args.now)) {
      throw new AppError(
        'CONFLICT',
        `A training run is already running (started ${current!.startedAt}); wait for it to finish.`,
      );
    }
    const status: TrainingStatus = {
      runId: args.runId,
      status: 'running',
      startedAt: args.now.toISOString(),
      startedBy: args.startedBy,
      finishedAt: null,
      version: null,
      error: null,
    };
    await tx.setting.upsert({
      where: { key: TRAINING_STATUS_KEY },
      create: { key: TRAINING_STATUS_KEY, value: status, updatedAt: args.now },
      update: { value: status, updatedAt: args.now },
    });
    return status;
  });
}

/** Record the end of a run: done with its version, or failed with the error. Only the run that holds the claim, and only once. */
export async function finishTrainingRun(
  client: PrismaClient,
  args: { runId: string; now: Date } & ({ version: string } | { error: string }),
): Promise<boolean> {
  return client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${TRAINING_STATUS_KEY}))`;
    const current = await readTrainingStatus(tx);
    if (!current || current.runId !== args.runId || current.status !== 'running') return false;
    const status: TrainingStatus = {
      ...current,
      finishedAt: args.now.toISOString(),
      ...('version' in args
        ? { status: 'done', version: args.version }
        : { status: 'failed', error: args.error.slice(0, 500) }),
    };
    await tx.setting.update({ where: { key: TRAINING_STATUS_KEY }, data: { value: status, updatedAt: args.now } });
    return true;
  });
}
