// Learning from inspections: every inspected declaration item becomes a training row labelled by
// the inspection's outcome (hit or not), mapped with the same code that scores registrations.
// Training runs outside any registration transaction (a CLI process, or a child process started
// by the supervisor's button), so it never blocks registration.
import type { PrismaClient, Prisma } from '@/src/generated/prisma/client';
import { trainRiskModel } from '@/lib/risk/model';
import { evaluateRanking } from '@/lib/risk/metrics';
import type { RiskItem } from '@/lib/risk/features';
import { toRiskItem } from './mapping';

export type TrainingOutcome = { version: string; rows: number; hits: number; metrics: { auc: number; precisionAt5: number; precisionAt10: number } | null };

/** Train a new model version from the inspected history and store it (inactive). */
export async function trainFromHistory(db: PrismaClient, args: { now: Date; label?: string; activate?: boolean }): Promise<TrainingOutcome> {
  const inspected = await db.declaration.findMany({
    where: { inspections: { some: { kind: { in: ['DOCUMENT_CHECK', 'PHYSICAL_EXAMINATION', 'POST_CLEARANCE_AUDIT'] } } }, registeredAt: { not: null } },
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
      items: { select: { hsCode: true, originCountry: true, netMass: true, customsValue: true, invoiceValue: true } },
    },
  });
  const tariff = new Map((await db.tariffLine.findMany({ select: { hsCode: true, adValoremRate: true, dutyType: true } })).map((t) => [t.hsCode, t]));
  const items: RiskItem[] = [];
  const labels: number[] = [];
  for (const d of inspected) {
    const isHit = d.inspections.some((i) => i.isHit) ? 1 : 0;
    for (const item of d.items) {
      const line = tariff.get(item.hsCode);
      items.push(toRiskItem(d, item, line ? line.adValoremRate.toNumber() : 0, line?.dutyType ?? ''));
      labels.push(isHit);
    }
  }
  if (items.length < 50) throw new Error(`Only ${items.length} inspected items: at least 50 are needed to train a model.`);

  // An honest figure to show next to the version: train on the first 80% in time, score the rest.
  const cut = Math.floor(items.length * 0.8);
  let metrics: TrainingOutcome['metrics'] = null;
  if (labels.slice(cut).some((l) => l === 1) && labels.slice(0, cut).some((l) => l === 1)) {
    const { parseRiskModel, scoreItems } = await import('@/lib/risk/model');
    const holdout = parseRiskModel(trainRiskModel(items.slice(0, cut), labels.slice(0, cut), { label: 'holdout' }));
    const scores = scoreItems(holdout, items.slice(cut));
    const report = evaluateRanking(scores, labels.slice(cut), new Array(items.length - cut).fill(0));
    const at = (f: number) => report.rates.find((r) => r.fraction === f)?.precision ?? 0;
    metrics = { auc: report.auc, precisionAt5: at(0.05), precisionAt10: at(0.1) };
  }

  const model = trainRiskModel(items, labels, { label: args.label ?? 'db' });
  const hits = labels.filter((l) => l === 1).length;
  await db.$transaction(async (tx) => {
    const existing = await tx.riskModel.findUnique({ where: { version: model.version } });
    if (!existing) {
      await tx.riskModel.create({ data: { version: model.version, kind: model.format, params: model as unknown as Prisma.InputJsonValue, metrics: { ...metrics, rows: items.length, hits } as Prisma.InputJsonValue, trainedAt: args.now, isActive: false } });
    }
    if (args.activate) {
      await tx.riskModel.updateMany({ where: { isActive: true }, data: { isActive: false } });
      await tx.riskModel.update({ where: { version: model.version }, data: { isActive: true } });
    }
    await tx.auditEntry.create({ data: { actorId: null, actorRole: 'SYSTEM', action: 'risk.model.train', entityType: 'RiskModel', entityId: model.version, data: { rows: items.length, hits, activated: Boolean(args.activate) }, at: args.now } });
  });
  return { version: model.version, rows: items.length, hits, metrics };
}
