// Items of a declaration being edited: add, edit, remove, duplicate, import from CSV. Line numbers
// stay 1..n without gaps.
import { db, type Tx } from '../db';
import { assertTrader, type Actor, type TraderActor } from '../actor';
import { writeAudit } from '../audit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { ZItemStep } from '@/lib/declaration/steps';
import { MAX_ITEMS, type DeclarationItem } from '@/lib/declaration/schema';
import { importItemsCsv, type CsvProblem } from '@/lib/declaration/items-csv';
import { bumpVersion, lockEditableDeclaration } from './editing';
import { loadTariff } from './assessment';

async function assertInTariff(hsCode: string, supplementaryUnit: string) {
  const tariff = await loadTariff(db, [hsCode]);
  const line = tariff.get(hsCode);
  if (!line)
    throw new AppError('VALIDATION', 'There is a problem with the item.', [
      { path: 'hsCode', message: `Commodity code ${hsCode} is not in the national tariff — check the code` },
    ]);
  if (line.supplementaryUnit !== supplementaryUnit) {
    throw new AppError('VALIDATION', 'There is a problem with the item.', [
      {
        path: 'supplementaryUnit',
        message: `Goods of commodity code ${hsCode} are declared in ${line.supplementaryUnit}`,
      },
    ]);
  }
}

/** The columns of an item row, from a parsed item. */
export function itemData(item: DeclarationItem) {
  return {
    hsCode: item.hsCode,
    description: item.description,
    originCountry: item.originCountry,
    grossMass: item.grossMass,
    netMass: item.netMass,
    quantity: item.quantity,
    supplementaryUnit: item.supplementaryUnit,
    invoiceValue: item.invoiceValue,
  };
}

async function itemCount(tx: Tx, declarationId: string) {
  return tx.declarationItem.count({ where: { declarationId } });
}

async function finish(
  tx: Tx,
  actor: Actor,
  declarationId: string,
  action: string,
  data: Record<string, string | number>,
  now: Date,
) {
  await bumpVersion(tx, declarationId, now);
  await writeAudit(tx, { actor, action, entityType: 'Declaration', entityId: declarationId, data, at: now });
}

export async function addItem(args: {
  actor: Actor;
  declarationId: string;
  input: unknown;
  now: Date;
}): Promise<{ lineNo: number }> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  const item = parseOrThrow(ZItemStep, args.input);
  await assertInTariff(item.hsCode, item.supplementaryUnit);
  return db.$transaction(async (tx) => {
    await lockEditableDeclaration(tx, actor, declarationId);
    const count = await itemCount(tx, declarationId);
    if (count >= MAX_ITEMS)
      throw new AppError('VALIDATION', `A declaration can have at most ${MAX_ITEMS} items.`, [
        { path: 'items', message: `A declaration can have at most ${MAX_ITEMS} items` },
      ]);
    const lineNo = count + 1;
    await tx.declarationItem.create({ data: { declarationId, lineNo, ...itemData(item) } });
    await finish(tx, actor, declarationId, 'declaration.item.add', { lineNo }, now);
    return { lineNo };
  });
}

/**
 * The item a page's button or form acts on: its id, and the declaration version the page was
 * rendered with. Line numbers move when an item is removed, so a stale page (a second tab) must
 * never act by line: any change since it was rendered is a 409 and nothing is written.
 */
export type ItemRef = { itemId: string; expectedVersion: number };

export const ITEMS_CHANGED = 'The items changed since this page was loaded — reload';

async function lockItem(tx: Tx, actor: TraderActor, declarationId: string, ref: ItemRef) {
  const row = await lockEditableDeclaration(tx, actor, declarationId);
  if (row.version !== ref.expectedVersion) throw new AppError('CONFLICT', ITEMS_CHANGED);
  const item = await tx.declarationItem.findFirst({ where: { id: ref.itemId, declarationId } });
  if (!item) throw new AppError('NOT_FOUND', 'The item was not found.');
  return item;
}

export async function updateItem(
  args: { actor: Actor; declarationId: string; input: unknown; now: Date } & ItemRef,
): Promise<void> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  const item = parseOrThrow(ZItemStep, args.input);
  await assertInTariff(item.hsCode, item.supplementaryUnit);
  await db.$transaction(async (tx) => {
    const existing = await lockItem(tx, actor, declarationId, args);
    await tx.declarationItem.update({ where: { id: existing.id }, data: itemData(item) });
    await finish(
      tx,
      actor,
      declarationId,
      'declaration.item.update',
      { lineNo: existing.lineNo, itemId: existing.id },
      now,
    );
  });
}

export async function removeItem(args: { actor: Actor; declarationId: string; now: Date } & ItemRef): Promise<void> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  await db.$transaction(async (tx) => {
    const { id, lineNo } = await lockItem(tx, actor, declarationId, args);
    await tx.declarationItem.delete({ where: { id } });
    // Close the gap in two moves, so the (declaration, line) uniqueness holds at every row.
    await tx.$executeRaw`UPDATE "DeclarationItem" SET "lineNo" = -"lineNo" WHERE "declarationId" = ${declarationId}::uuid AND "lineNo" > ${lineNo}`;
    await tx.$executeRaw`UPDATE "DeclarationItem" SET "lineNo" = -"lineNo" - 1 WHERE "declarationId" = ${declarationId}::uuid AND "lineNo" < 0`;
    await finish(tx, actor, declarationId, 'declaration.item.remove', { lineNo, itemId: id }, now);
  });
}

export async function duplicateItem(
  args: { actor: Actor; declarationId: string; now: Date } & ItemRef,
): Promise<{ lineNo: number }> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  return db.$transaction(async (tx) => {
    const source = await lockItem(tx, actor, declarationId, args);
    const count = await itemCount(tx, declarationId);
    if (count >= MAX_ITEMS)
      throw new AppError('VALIDATION', `A declaration can have at most ${MAX_ITEMS} items.`, [
        { path: 'items', message: `A declaration can have at most ${MAX_ITEMS} items` },
      ]);
    const { id: _id, customsValue: _cv, lineNo: _line, ...copy } = source;
    await tx.declarationItem.create({ data: { ...copy, lineNo: count + 1 } });
    await finish(
      tx,
      actor,
      declarationId,
      'declaration.item.duplicate',
      { lineNo: source.lineNo, itemId: source.id, newLineNo: count + 1 },
      now,
    );
    return { lineNo: count + 1 };
  });
}

export type CsvImportOutcome = { imported: number; problems: CsvProblem[] };

/** Import items from CSV text. Every bad row is reported; nothing is imported unless the file is clean. */
export async function importItems(args: {
  actor: Actor;
  declarationId: string;
  csv: string;
  now: Date;
}): Promise<CsvImportOutcome> {
  const { actor, declarationId, now } = args;
  assertTrader(actor);
  return db.$transaction(async (tx) => {
    await lockEditableDeclaration(tx, actor, declarationId);
    const existing = await itemCount(tx, declarationId);
    const codes = [...new Set(args.csv.match(/\b\d{10}\b/g) ?? [])];
    const tariff = await loadTariff(tx, codes);
    const result = importItemsCsv(args.csv, { existingItems: existing, tariff });
    if (result.problems.length) return { imported: 0, problems: result.problems };
    await tx.declarationItem.createMany({
      data: result.items.map((item, i) => ({ declarationId, lineNo: existing + i + 1, ...itemData(item) })),
    });
    await finish(tx, actor, declarationId, 'declaration.items.import', { imported: result.items.length }, now);
    return { imported: result.items.length, problems: [] };
  });
}
