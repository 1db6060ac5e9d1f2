// Exchange rates for many registration days at once (the backtest, the reference prices): each day
// gets exactly what registration would load (`loadRates`: the latest rate on or before the day).
import type { Tx } from '../db';
import type { PrismaClient } from '@/src/generated/prisma/client';
import { loadRates } from '../declarations/assessment';

export async function loadRatesByDay(
  reader: Tx | PrismaClient,
  days: Iterable<string>,
): Promise<Map<string, Record<string, string>>> {
  const byDay = new Map<string, Record<string, string>>();
  for (const day of new Set(days)) byDay.set(day, await loadRates(reader, day));
  return byDay;
}
