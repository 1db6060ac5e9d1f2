// The risk engine's settings (thresholds per regime, random share, value quantile, AEO reduction),
// kept in the Setting table under 'risk.settings' and merged over the engine's defaults.
import { z } from 'zod';
import type { Tx } from '../db';
import type { PrismaClient } from '@/src/generated/prisma/client';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from '@/lib/risk/engine';

const ZThresholds = z
  .object({ yellow: z.number().min(0).max(101), red: z.number().min(0).max(101) })
  .refine((t) => t.yellow <= t.red, { error: 'The yellow threshold must not be above the red one' });

export const ZRiskSettings = z.object({
  thresholds: z.record(z.string(), ZThresholds).optional(),
  randomSharePercent: z.number().min(0).max(100).optional(),
  valueQuantile: z.enum(['q05', 'q10', 'q25']).optional(),
  valueControlPoints: z.number().min(0).max(100).optional(),
  aeoReduction: z.number().min(0).max(100).optional(),
  modelWeight: z.number().min(0).max(100).optional(),
});

export const RISK_SETTINGS_KEY = 'risk.settings';

export async function loadRiskSettings(reader: Tx | PrismaClient): Promise<RiskSettings> {
  const row = await reader.setting.findUnique({ where: { key: RISK_SETTINGS_KEY } });
  const legacyShare = await reader.setting.findUnique({ where: { key: 'risk.randomShare' } });
  const parsed = ZRiskSettings.safeParse(row?.value ?? {});
  const given = parsed.success ? parsed.data : {};
  const share = Number((legacyShare?.value as { percent?: string } | null)?.percent);
  return {
    ...DEFAULT_RISK_SETTINGS,
    ...(Number.isFinite(share) ? { randomSharePercent: share } : {}),
    ...given,
    thresholds: { ...DEFAULT_RISK_SETTINGS.thresholds, ...(given.thresholds ?? {}) },
  };
}
