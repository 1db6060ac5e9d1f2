// The risk engine's settings as the supervisor's risk page shows them (thresholds, random share).
import { db } from '../db';
import { assertOfficer, assertRole, type Actor } from '../actor';
import { loadRiskSettings } from '../risk/settings';
import type { RiskSettings } from '@/lib/risk/engine';

export async function getRiskSettings(args: { actor: Actor }): Promise<RiskSettings> {
  const { actor } = args;
  assertRole(actor, ['SUPERVISOR']);
  assertOfficer(actor);
  return loadRiskSettings(db);
}
