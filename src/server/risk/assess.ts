// Assessing a registered declaration inside its registration transaction: load the context the
// pure engine needs (profiles, the active model, reference prices, settings, the trader's first
// shipment), score, and store the assessment with its reasons and model version.
import type { Tx } from '../db';
import type { Prisma, PrismaClient } from '@/src/generated/prisma/client';
import { assessRisk, type RiskResult, type ReferenceQuantiles, type RiskDeclaration } from '@/lib/risk/engine';
import { profilesValidOn, ZProfileConditions, type RiskProfile } from '@/lib/risk/profiles';
import { D } from '@/lib/money';
import { unitPriceUsd as unitPriceUsdOf } from '@/lib/risk/reference-prices';
import { dateColumnDay, serviceDate } from '@/lib/time';
import { loadRates, loadTariff } from '../declarations/assessment';
import { activeModel } from './models';
import { loadRiskSettings } from './settings';
import { toRiskItem, type MappableDeclaration, type MappableItem } from './mapping';
import { loadSelectionDraw } from './selection-key';

/** Every active profile whose stored conditions parse, whatever its validity dates. */
export async function loadActiveProfiles(reader: Tx | PrismaClient): Promise<RiskProfile[]> {
  const rows = await reader.riskProfile.findMany({ where: { isActive: true }, orderBy: { createdAt: 'asc' } });
  const profiles: RiskProfile[] = [];
  for (const p of rows) {
    const conditions = ZProfileConditions.safeParse(p.conditions);
    if (!conditions.success) continue; // an invalid stored profile never blocks registration
    profiles.push({
      id: p.id,
      name: p.name,
      conditions: conditions.data,
      weight: p.weight,
      forcedChannel: p.forcedChannel,
      instructions: p.instructions,
      validFrom: dateColumnDay(p.validFrom),
      validTo: p.validTo ? dateColumnDay(p.validTo) : null,
      isShadow: p.isShadow,
      isActive: p.isActive,
    });
  }
  return profiles;
}

/** The profiles registration applies on a service date. */
export async function loadProfiles(tx: Tx, date: string): Promise<RiskProfile[]> {
  return profilesValidOn(await loadActiveProfiles(tx), date);
}

type LoadedDeclaration = MappableDeclaration & {
  id: string;
  invoiceCurrency: string | null;
  company: { isAuthorisedEconomicOperator: boolean };
  items: Array<MappableItem & { lineNo: number; quantity: { toNumber(): number; toString(): string } }>;
};

/** The engine's view of a stored declaration (shared by registration and the supervisor's backtest). */
export function toRiskDeclaration(
  d: LoadedDeclaration,
  args: {
    date: string;
    tariff: ReadonlyMap<string, { adValoremRate: string; dutyType: string }>;
    rates: Record<string, string>;
    isFirstShipment: boolean;
  },
): RiskDeclaration {
  const usdRate = args.rates.USD ? new D(args.rates.USD) : null;
  const invoiceRate = d.invoiceCurrency && args.rates[d.invoiceCurrency] ? new D(args.rates[d.invoiceCurrency]) : null;
  return {
    id: d.id,
    date: args.date,
    regime: d.regime,
    postCode: d.post?.code ?? '',
    traderTin: d.company.tin,
    declarantId: d.createdById,
    sellerName: d.consignorName,
    transportMode: d.transportMode,
    dispatchCountry: d.dispatchCountry,
    isFirstShipment: args.isFirstShipment,
    isAuthorisedEconomicOperator: d.company.isAuthorisedEconomicOperator,
    items: d.items.map((i) => {
      const line = args.tariff.get(i.hsCode);
      const quantity = i.quantity.toNumber();
      const unitPriceUsd =
        unitPriceUsdOf({ invoiceValue: i.invoiceValue, quantity: i.quantity, invoiceRate, usdRate })?.toNumber() ??
        null;
      return {
        lineNo: i.lineNo,
        hsCode: i.hsCode,
        originCountry: i.originCountry,
        quantity,
        customsValueUzs: Number((i.customsValue ?? 0).toString()),
        unitPriceUsd,
        riskItem: toRiskItem(d, i, line ? Number(line.adValoremRate) : 0, line?.dutyType ?? ''),
      };
    }),
  };
}

export function referenceMap(
  rows: Array<{
    hsCode: string;
    originCountry: string;
    q05: { toNumber(): number };
    q10: { toNumber(): number };
    q25: { toNumber(): number };
    q50: { toNumber(): number };
    q75: { toNumber(): number };
    q90: { toNumber(): number };
    sampleSize: number;
  }>,
): Map<string, ReferenceQuantiles> {
  return new Map(
    rows.map((r) => [
      `${r.hsCode}|${r.originCountry}`,
      {
        q05: r.q05.toNumber(),
        q10: r.q10.toNumber(),
        q25: r.q25.toNumber(),
        q50: r.q50.toNumber(),
        q75: r.q75.toNumber(),
        q90: r.q90.toNumber(),
        sampleSize: r.sampleSize,
      },
    ]),
  );
}

export async function assessRegisteredDeclaration(
  tx: Tx,
  args: { declarationId: string; now: Date },
): Promise<RiskResult & { assessmentId: string }> {
  const { declarationId, now } = args;
  const d = await tx.declaration.findUniqueOrThrow({
    where: { id: declarationId },
    include: {
      items: { orderBy: { lineNo: 'asc' } },
      post: { select: { code: true } },
      company: { select: { id: true, tin: true, isAuthorisedEconomicOperator: true } },
    },
  });
  const date = serviceDate(d.registeredAt ?? now);
  const tariff = await loadTariff(
    tx,
    d.items.map((i) => i.hsCode),
  );
  const rates = await loadRates(tx, date);
  const previous = await tx.declaration.count({
    where: { companyId: d.companyId, registrationNumber: { not: null }, id: { not: d.id } },
  });
  const pairs = [
    ...new Set(
      d.items.flatMap((i) => [`${i.hsCode}|${i.originCountry}`, `${i.hsCode.slice(0, 6)}|${i.originCountry}`]),
    ),
  ];
  const referencePrices = referenceMap(
    await tx.referencePrice.findMany({
      where: { OR: pairs.map((p) => ({ hsCode: p.split('|')[0], originCountry: p.split('|')[1] })) },
    }),
  );
  const [{ model, problem }, settings, profiles, selectionDraw] = [
    await activeModel(tx),
    await loadRiskSettings(tx),
    await loadProfiles(tx, date),
    await loadSelectionDraw(tx),
  ];
  const result = assessRisk(toRiskDeclaration(d, { date, tariff, rates, isFirstShipment: previous === 0 }), {
    profiles,
    model,
    modelProblem: problem,
    referencePrices,
    settings,
    selectionDraw,
  });
  const stored = await tx.riskAssessment.create({
    data: {
      declarationId,
      score: result.score,
      channel: result.channel,
      reasons: result.reasons as unknown as Prisma.InputJsonValue,
      modelVersion: result.modelVersion,
      fallbackReason: result.fallbackReason,
      isRandomPick: result.isRandomPick,
      createdAt: now,
    },
    select: { id: true },
  });
  return { ...result, assessmentId: stored.id };
}
