// Customs payments of a declaration: the tariff lines, the exchange rates of a date and the fee
// setting are loaded here, the arithmetic is lib/duties. At registration the result is stored per
// item and payment type; on check-your-answers it is an estimate.
import type { Tx } from '../db';
import type { PrismaClient, Prisma } from '@/src/generated/prisma/client';
import { AppError } from '@/lib/errors';
import { D } from '@/lib/money';
import { assessDuties, isDutyCalculationError, type DutyAssessment, type TariffRates } from '@/lib/duties';
import type { Incoterm, Regime } from '@/lib/reference/customs';
import { asDateColumn } from '@/lib/time';

type Reader = Tx | PrismaClient;

export type TariffLineView = TariffRates & { description: string; supplementaryUnit: string };

export async function loadTariff(reader: Reader, hsCodes: readonly string[]): Promise<Map<string, TariffLineView>> {
  if (hsCodes.length === 0) return new Map();
  const lines = await reader.tariffLine.findMany({ where: { hsCode: { in: [...new Set(hsCodes)] } } });
  return new Map(
    lines.map((l) => [
      l.hsCode,
      {
        hsCode: l.hsCode,
        description: l.description,
        supplementaryUnit: l.supplementaryUnit,
        dutyType: l.dutyType,
        adValoremRate: l.adValoremRate.toString(),
        specificRate: l.specificRate.toString(),
        specificCurrency: l.specificCurrency,
        specificUnit: l.specificUnit,
        exciseType: l.exciseType,
        exciseRate: l.exciseRate.toString(),
        exciseUnit: l.exciseUnit,
        vatRate: l.vatRate.toString(),
        exportDutyRate: l.exportDutyRate.toString(),
      },
    ]),
  );
}

/** UZS per one unit of every currency, as published for the date (or the last day before it). */
export async function loadRates(reader: Reader, date: string): Promise<Record<string, string>> {
  const rows = await reader.$queryRaw<{ currencyCode: string; rate: string; units: number }[]>`
    SELECT DISTINCT ON ("currencyCode") "currencyCode", rate::text AS rate, units
    FROM "ExchangeRate" WHERE date <= ${asDateColumn(date)}::date
    ORDER BY "currencyCode", date DESC`;
  const rates: Record<string, string> = { UZS: '1' };
  for (const r of rows) rates[r.currencyCode] = new D(r.rate).div(r.units).toFixed();
  return rates;
}

export type FeeSetting = { percent: string; floor: string; cap: string };
export const DEFAULT_FEE: FeeSetting = { percent: '0.2', floor: '100000.00', cap: '20000000.00' };

export async function loadFee(reader: Reader): Promise<FeeSetting> {
  const setting = await reader.setting.findUnique({ where: { key: 'fee.processing' } });
  const value = setting?.value as Partial<FeeSetting> | undefined;
  return value?.percent && value.floor && value.cap
    ? { percent: value.percent, floor: value.floor, cap: value.cap }
    : DEFAULT_FEE;
}

export type AssessableDeclaration = {
  regime: Regime;
  incoterm: Incoterm | null;
  invoiceCurrency: string | null;
  freight: { toString(): string } | null;
  insurance: { toString(): string } | null;
  items: Array<{
    lineNo: number;
    hsCode: string;
    invoiceValue: { toString(): string };
    netMass: { toString(): string };
    quantity: { toString(): string };
    supplementaryUnit: string;
  }>;
};

/** Compute the payments for a date; problems (missing rate, tariff line, unit) come back as field errors. */
export async function assessDeclaration(
  reader: Reader,
  declaration: AssessableDeclaration,
  date: string,
): Promise<DutyAssessment> {
  if (!declaration.incoterm || !declaration.invoiceCurrency) {
    throw new AppError('VALIDATION', 'The payments cannot be calculated yet.', [
      { path: 'incoterm', message: 'Enter the delivery terms and the invoice currency first' },
    ]);
  }
  // Sequential: inside a transaction there is one connection, and pg does not queue queries on it.
  const tariff = await loadTariff(
    reader,
    declaration.items.map((i) => i.hsCode),
  );
  const rates = await loadRates(reader, date);
  const fee = await loadFee(reader);
  const missing = declaration.items.filter((i) => !tariff.has(i.hsCode));
  if (missing.length) {
    throw new AppError(
      'VALIDATION',
      'Some commodity codes are not in the national tariff.',
      missing.map((i) => ({
        path: `items.${i.lineNo - 1}.hsCode`,
        message: `Commodity code ${i.hsCode} of item ${i.lineNo} is not in the national tariff`,
      })),
    );
  }
  try {
    return assessDuties({
      regime: declaration.regime,
      incoterm: declaration.incoterm,
      invoiceCurrency: declaration.invoiceCurrency,
      freight: declaration.freight?.toString() ?? null,
      insurance: declaration.insurance?.toString() ?? null,
      items: declaration.items.map((i) => ({
        lineNo: i.lineNo,
        invoiceValue: i.invoiceValue.toString(),
        netMass: i.netMass.toString(),
        quantity: i.quantity.toString(),
        supplementaryUnit: i.supplementaryUnit,
        tariff: tariff.get(i.hsCode)!,
      })),
      rates,
      fee,
    });
  } catch (e) {
    if (isDutyCalculationError(e))
      throw new AppError('VALIDATION', 'The payments cannot be calculated.', e.fieldErrors);
    throw e;
  }
}

/** Store an assessment: per-item customs values, and the payments per item and type (+ the fee), each with the method and rate applied. */
export async function storeAssessment(
  tx: Tx,
  args: {
    declarationId: string;
    items: Array<{ id: string; lineNo: number }>;
    assessment: DutyAssessment;
    assessmentNo: number;
    now: Date;
  },
): Promise<void> {
  const { declarationId, assessment, assessmentNo, now } = args;
  const itemIdByLine = new Map(args.items.map((i) => [i.lineNo, i.id]));
  const rows: Prisma.AssessedPaymentCreateManyInput[] = assessment.items.flatMap((item) =>
    item.payments.map((p) => ({
      declarationId,
      itemId: itemIdByLine.get(item.lineNo)!,
      assessmentNo,
      paymentType: p.type,
      base: new D(p.base).toDecimalPlaces(2).toFixed(2),
      amount: p.amount,
      method: p.method,
      rate: p.rate,
      rateUnit: p.unit,
      isSecured: assessment.isSecured,
      createdAt: now,
    })),
  );
  rows.push({
    declarationId,
    itemId: null,
    assessmentNo,
    paymentType: 'FEE',
    base: assessment.fee.base,
    amount: assessment.fee.amount,
    method: assessment.fee.method,
    rate: assessment.fee.rate,
    rateUnit: '%',
    isSecured: false,
    createdAt: now,
  });
  await tx.assessedPayment.createMany({ data: rows });
  // One statement for all items' customs values (a 999-item declaration must not take 999 round trips).
  const ids = assessment.items.map((i) => itemIdByLine.get(i.lineNo)!);
  const values = assessment.items.map((i) => i.customsValue);
  await tx.$executeRaw`
    UPDATE "DeclarationItem" AS i SET "customsValue" = v.cv::numeric
    FROM unnest(${ids}::uuid[], ${values}::text[]) AS v(id, cv) WHERE i.id = v.id`;
}
