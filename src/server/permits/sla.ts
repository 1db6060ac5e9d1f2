// The desk's SLA target: the Setting `permit.sla` ({ workingDays }), 2 working days by default.
import type { Tx } from '../db';
import type { PrismaClient } from '@/src/generated/prisma/client';
import { SLA_SETTING_KEY, slaTargetFrom } from '@/lib/permits';

export async function loadSlaTarget(reader: Tx | PrismaClient): Promise<number> {
  const setting = await reader.setting.findUnique({ where: { key: SLA_SETTING_KEY } });
  return slaTargetFrom(setting?.value);
}
