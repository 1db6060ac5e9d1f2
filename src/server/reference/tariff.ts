// Tariff search for the item form: by code prefix or by words of the description.
import { db } from '../db';
import type { Actor } from '../actor';
import { AppError } from '@/lib/errors';

export type TariffSearchLine = {
  hsCode: string;
  description: string;
  supplementaryUnit: string;
  duty: string;
  excise: string | null;
  vat: string;
};

function dutyText(l: {
  dutyType: string;
  adValoremRate: { toString(): string };
  specificRate: { toString(): string };
  specificCurrency: string;
  specificUnit: string;
}): string {
  const av = `${l.adValoremRate.toString()}%`;
  const sp = `${l.specificRate.toString()} ${l.specificCurrency}/${l.specificUnit}`;
  switch (l.dutyType) {
    case 'AD_VALOREM':
      return av;
    case 'SPECIFIC':
      return sp;
    case 'COMBINED':
      return `${av}, not less than ${sp}`;
    default:
      return 'exempt';
  }
}

export async function searchTariff(args: { actor: Actor; query: string; limit?: number }): Promise<TariffSearchLine[]> {
  if (!args.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  const q = args.query.trim();
  const digits = q.replace(/\s+/g, '');
  const isCode = /^\d{2,10}$/.test(digits);
  const words = q
    .split(/\s+/)
    .filter((w) => w.length >= 2)
    .slice(0, 5);
  const lines = await db.tariffLine.findMany({
    where: isCode
      ? { hsCode: { startsWith: digits } }
      : { AND: words.map((w) => ({ description: { contains: w, mode: 'insensitive' as const } })) },
    orderBy: { hsCode: 'asc' },
    take: args.limit ?? 20,
  });
  return lines.map((l) => ({
    hsCode: l.hsCode,
    description: l.description,
    supplementaryUnit: l.supplementaryUnit,
    duty: dutyText(l),
    excise:
      l.exciseType === 'NONE'
        ? null
        : l.exciseType === 'AD_VALOREM'
          ? `${l.exciseRate.toString()}%`
          : `${l.exciseRate.toString()} UZS/${l.exciseUnit ?? ''}`,
    vat: `${l.vatRate.toString()}%`,
  }));
}
