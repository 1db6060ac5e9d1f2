// Model versions as supervisors see them: the latest versions with their holdout figures, and
// switching the active one. Registration picks the switch up on its next assessment (models.ts
// caches per active version).
import { db } from '../db';
import { assertRole, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';

export async function listModels(args: { actor: Actor }) {
  assertRole(args.actor, ['SUPERVISOR']);
  return db.riskModel.findMany({
    orderBy: { trainedAt: 'desc' },
    select: { id: true, version: true, kind: true, metrics: true, trainedAt: true, isActive: true },
    take: 20,
  });
}

/** Make one version the active one (exactly one is active afterwards). */
export async function activateModel(args: { actor: Actor; modelId: string; now: Date }): Promise<void> {
  const { actor, now } = args;
  assertRole(actor, ['SUPERVISOR']);
  await db.$transaction(async (tx) => {
    const model = await tx.riskModel.findUnique({ where: { id: args.modelId }, select: { id: true, version: true } });
    if (!model) throw new AppError('NOT_FOUND', 'The model version was not found.');
    await tx.riskModel.updateMany({ where: { isActive: true }, data: { isActive: false } });
    await tx.riskModel.update({ where: { id: model.id }, data: { isActive: true } });
    await writeAudit(tx, {
      actor,
      action: 'risk.model.activate',
      entityType: 'RiskModel',
      entityId: model.version,
      at: now,
    });
  });
}
