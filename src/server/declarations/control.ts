// Running the format-logic control (lib/declaration/control.ts) on a stored declaration: the
// server loads what the rules need (tariff lines of the items, active posts) and maps the rows.
import type { Tx } from '../db';
import type { PrismaClient } from '@/src/generated/prisma/client';
import type { FieldError } from '@/lib/errors';
import {
  ITEM_FIELDS,
  ROW_HEADER_FIELDS,
  controlDeclaration,
  type ControlDeclaration,
  type ControlItem,
} from '@/lib/declaration/control';
import { dateColumnDay, serviceDate } from '@/lib/time';
import { loadTariff } from './assessment';

type Reader = Tx | PrismaClient;
/** A stored value: text, an enum, a Prisma Decimal, or null. */
type Stored = { toString(): string } | null;

export type ControllableDeclaration = Record<(typeof ROW_HEADER_FIELDS)[number], Stored> & {
  company: { tin: string };
  post: { code: string } | null;
  items: Array<Record<keyof ControlItem, Stored> & { hsCode: string }>;
  documents: Array<{ type: string; number: string; date: Date }>;
};

const asText = (v: Stored) => (v === null ? null : v.toString());
const pick = <K extends string>(row: Record<K, Stored>, fields: readonly K[]) =>
  Object.fromEntries(fields.map((f) => [f, asText(row[f])])) as Record<K, string | null>;

export function toControlDeclaration(d: ControllableDeclaration): ControlDeclaration {
  return {
    ...pick(d, ROW_HEADER_FIELDS),
    declarantTin: d.company.tin,
    postCode: d.post?.code ?? null,
    items: d.items.map((item) => pick(item, ITEM_FIELDS)),
    documents: d.documents.map((doc) => ({ type: doc.type, number: doc.number, date: dateColumnDay(doc.date) })),
  };
}

export async function runControl(reader: Reader, d: ControllableDeclaration, now: Date): Promise<FieldError[]> {
  // Sequential: inside a transaction there is one connection, and pg does not queue queries on it.
  const tariff = await loadTariff(
    reader,
    d.items.map((i) => i.hsCode),
  );
  const posts = await reader.customsPost.findMany({ where: { isActive: true }, select: { code: true } });
  return controlDeclaration(toControlDeclaration(d), {
    today: serviceDate(now),
    tariff,
    postCodes: new Set(posts.map((p) => p.code)),
  });
}
