// Tariff search for the item form: by code or by words (whole words, plurals and common names), the
// lines under their HS heading's words first — the rules are lib/reference/tariff-search.ts.
import { db, Prisma } from '../db';
import { D } from '@/lib/money';
import { parseTariffQuery, rankTariffLines, sqlPatterns } from '@/lib/reference/tariff-search';
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

type Row = {
  hsCode: string;
  description: string;
  headingDescription: string;
  supplementaryUnit: string;
  dutyType: string;
  adValoremRate: string;
  specificRate: string;
  specificCurrency: string;
  specificUnit: string;
  exciseType: string;
  exciseRate: string;
  exciseUnit: string | null;
  vatRate: string;
};

/** Candidates narrowed in SQL (a superset of the matches: substrings), ranked by lib/reference/tariff-search. */
const MAX_CANDIDATES = 5000;

export async function searchTariff(args: { actor: Actor; query: string; limit?: number }): Promise<TariffSearchLine[]> {
  if (!args.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  const query = parseTariffQuery(args.query);
  if (!query.codePrefix && query.terms.length === 0) return [];
  const text = Prisma.sql`(t.description || ' ' || coalesce(h.description, ''))`;
  const conditions: Prisma.Sql[] = [];
  if (query.codePrefix && query.terms.length === 0) {
    // A code alone: the lines under it, and those whose text names it.
    conditions.push(Prisma.sql`(t."hsCode" LIKE ${`${query.codePrefix}%`} OR ${text} LIKE ${`%${query.codePrefix}%`})`);
  } else if (query.codePrefix) {
    conditions.push(Prisma.sql`t."hsCode" LIKE ${`${query.codePrefix}%`}`);
  }
  for (const term of query.terms) conditions.push(Prisma.sql`${text} ILIKE ANY (${sqlPatterns(term)}::text[])`);
  const rows = await db.$queryRaw<Row[]>`
    SELECT t."hsCode", t.description, coalesce(h.description, '') AS "headingDescription", t."supplementaryUnit",
           t."dutyType"::text AS "dutyType", t."adValoremRate"::text AS "adValoremRate", t."specificRate"::text AS "specificRate",
           t."specificCurrency", t."specificUnit", t."exciseType"::text AS "exciseType", t."exciseRate"::text AS "exciseRate",
           t."exciseUnit", t."vatRate"::text AS "vatRate"
    FROM "TariffLine" t LEFT JOIN "HsHeading" h ON h.code = left(t."hsCode", 4)
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY t."hsCode" LIMIT ${MAX_CANDIDATES}`;
  const num = (v: string) => new D(v).toFixed();
  return rankTariffLines(query, rows, args.limit ?? 20).map((l) => ({
    hsCode: l.hsCode.trim(),
    description: l.description,
    supplementaryUnit: l.supplementaryUnit,
    duty: dutyText({
      dutyType: l.dutyType,
      adValoremRate: num(l.adValoremRate),
      specificRate: num(l.specificRate),
      specificCurrency: l.specificCurrency,
      specificUnit: l.specificUnit,
    }),
    excise:
      l.exciseType === 'NONE'
        ? null
        : l.exciseType === 'AD_VALOREM'
          ? `${num(l.exciseRate)}%`
          : `${num(l.exciseRate)} UZS/${l.exciseUnit ?? ''}`,
    vat: `${num(l.vatRate)}%`,
  }));
}
