// Rebuilding the reference prices of customs value control from the released declarations of the
// last `windowDays` (default 365): per HS code and origin, quantiles of the unit price in USD per
// supplementary unit at the registration date's rates (the same formula and rates registration
// uses). Runs at the start of every training run and as `npm run risk:reference-prices`. The table
// is replaced in one transaction, so registration sees the old rows or the new, never a mix.
import type { PrismaClient } from '@/src/generated/prisma/client';
import { serviceDate } from '@/lib/time';
import {
  MIN_REFERENCE_SAMPLE,
  referencePriceRows,
  unitPriceUsd,
  type PriceObservation,
} from '@/lib/risk/reference-prices';
import { loadRatesByDay } from './rates';

export const REFERENCE_WINDOW_DAYS = 365;

export type ReferencePriceRebuild = { declarations: number; observations: number; rows: number; from: Date; to: Date };

export async function rebuildReferencePrices(
  db: PrismaClient,
  args: { now: Date; windowDays?: number; minSample?: number },
): Promise<ReferencePriceRebuild> {
  const windowDays = args.windowDays ?? REFERENCE_WINDOW_DAYS;
  const to = args.now;
  const from = new Date(to.getTime() - windowDays * 86_400_000);
  // Read and replace under one lock in one transaction: two rebuilds never interleave, and the
  // later one always sees what the earlier one saw.
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('risk.referencePrices'))`;
      const released = await tx.declaration.findMany({
        where: { status: 'RELEASED', registeredAt: { gte: from, lte: to } },
        select: {
          registeredAt: true,
          invoiceCurrency: true,
          items: {
            select: { hsCode: true, originCountry: true, quantity: true, supplementaryUnit: true, invoiceValue: true },
          },
        },
      });
      const rates = await loadRatesByDay(
        tx,
        released.map((d) => serviceDate(d.registeredAt!)),
      );
      const observations: PriceObservation[] = [];
      for (const d of released) {
        const day = rates.get(serviceDate(d.registeredAt!))!;
        const invoiceRate = d.invoiceCurrency ? (day[d.invoiceCurrency] ?? null) : null;
        for (const item of d.items) {
          const price = unitPriceUsd({
            invoiceValue: item.invoiceValue,
            quantity: item.quantity,
            invoiceRate,
            usdRate: day.USD ?? null,
          });
          if (price)
            observations.push({
              hsCode: item.hsCode,
              originCountry: item.originCountry,
              unit: item.supplementaryUnit,
              unitPriceUsd: price,
            });
        }
      }
      const rows = referencePriceRows(observations, { minSample: args.minSample ?? MIN_REFERENCE_SAMPLE });
      await tx.referencePrice.deleteMany({});
      if (rows.length) await tx.referencePrice.createMany({ data: rows.map((r) => ({ ...r, computedAt: args.now })) });
      return { declarations: released.length, observations: observations.length, rows: rows.length, from, to };
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
}
