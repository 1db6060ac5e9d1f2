// The administrator's service settings: the officers' SLA targets per channel and the four-eyes
// limit of value adjustments. Read by the queue (`loadSlaTargets`) and by adjustments
// (`loadFourEyesLimit`) at every use, so a change applies at once. Every change is audited with
// what it was and what it became, in the same transaction.
import { db } from '../db';
import { assertRole, type Actor } from '../actor';
import { writeAudit } from '../audit';
import { parseOrThrow } from '@/lib/validation';
import { D } from '@/lib/money';
import {
  FOUR_EYES_LIMIT_KEY,
  SLA_TARGETS_KEY,
  ZServiceSettings,
  type ServiceSettings,
} from '@/lib/admin/service-settings';
import { loadSlaTargets } from '../officer/queue';
import { loadFourEyesLimit } from '../officer/decisions';

export async function getServiceSettings(args: { actor: Actor }): Promise<ServiceSettings> {
  assertRole(args.actor, ['ADMIN']);
  const [sla, limit] = await Promise.all([loadSlaTargets(), loadFourEyesLimit(db)]);
  return { yellowTargetMinutes: sla.YELLOW, redTargetMinutes: sla.RED, fourEyesLimit: new D(limit).toFixed(2) };
}

export async function saveServiceSettings(args: { actor: Actor; input: unknown; now: Date }): Promise<ServiceSettings> {
  const { actor, now } = args;
  assertRole(actor, ['ADMIN']);
  const input = parseOrThrow(ZServiceSettings, args.input);
  const after: ServiceSettings = {
    yellowTargetMinutes: input.yellowTargetMinutes,
    redTargetMinutes: input.redTargetMinutes,
    fourEyesLimit: new D(input.fourEyesLimit).toFixed(2),
  };
  return db.$transaction(async (tx) => {
    const before = await getServiceSettings({ actor });
    const sla = { YELLOW: after.yellowTargetMinutes, RED: after.redTargetMinutes };
    const limit = { amount: after.fourEyesLimit };
    await tx.setting.upsert({
      where: { key: SLA_TARGETS_KEY },
      create: { key: SLA_TARGETS_KEY, value: sla, updatedAt: now },
      update: { value: sla, updatedAt: now },
    });
    await tx.setting.upsert({
      where: { key: FOUR_EYES_LIMIT_KEY },
      create: { key: FOUR_EYES_LIMIT_KEY, value: limit, updatedAt: now },
      update: { value: limit, updatedAt: now },
    });
    await writeAudit(tx, {
      actor,
      action: 'setting.update',
      entityType: 'Setting',
      entityId: 'service',
      data: { before, after },
      at: now,
    });
    return after;
  });
}
