// The active risk model, parsed once per version and kept in memory: a registration must not parse
// a 2 MB model. A missing or corrupt model is reported, never thrown: registration falls back.
import type { Tx } from '../db';
import type { PrismaClient } from '@/src/generated/prisma/client';
import { safeParseRiskModel, type RiskModel } from '@/lib/risk/model';

const cache = new Map<string, { model: RiskModel | null; problem: string | null }>();

export async function activeModel(
  reader: Tx | PrismaClient,
): Promise<{ model: RiskModel | null; problem: string | null }> {
  const active = await reader.riskModel.findFirst({
    where: { isActive: true },
    select: { id: true, version: true },
    orderBy: { trainedAt: 'desc' },
  });
  if (!active)
    return { model: null, problem: 'No risk model is active: profiles, value control and random selection decided.' };
  const cached = cache.get(active.id);
  if (cached) return cached;
  const row = await reader.riskModel.findUniqueOrThrow({ where: { id: active.id }, select: { params: true } });
  const parsed = safeParseRiskModel(row.params);
  const entry = parsed.ok
    ? { model: parsed.model, problem: null }
    : {
        model: null,
        problem: `The active risk model ${active.version} is unusable (${parsed.error}): profiles, value control and random selection decided.`,
      };
  cache.clear();
  cache.set(active.id, entry);
  return entry;
}
