// CSV import of declaration items (read by lib/csv.ts, comma or semicolon as the header uses). The
// whole file is checked first; every bad cell of every row is reported by its physical line in the
// file and by the column's name as the file spells it, and nothing is imported until the file is clean.
import { parseCsv } from '../csv';
import { D } from '../money';
import { ZDeclarationItem, MAX_ITEMS, type DeclarationItem } from './schema';

export const ITEM_CSV_COLUMNS = [
  'hsCode',
  'description',
  'originCountry',
  'grossMass',
  'netMass',
  'quantity',
  'supplementaryUnit',
  'invoiceValue',
] as const;
export type ItemCsvColumn = (typeof ITEM_CSV_COLUMNS)[number];

/** The largest CSV file accepted (checked in the browser before sending, and again on the server). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
export const CSV_TOO_LARGE = 'The CSV file must be smaller than 2 MB';

/** Accepted spellings of each column header (case, spaces and punctuation ignored). */
const ALIASES: Record<ItemCsvColumn, string[]> = {
  hsCode: ['hscode', 'hs', 'commoditycode', 'code'],
  description: ['description', 'goodsdescription'],
  originCountry: ['origincountry', 'origin', 'countryoforigin'],
  grossMass: ['grossmass', 'gross', 'grossmasskg'],
  netMass: ['netmass', 'net', 'netmasskg'],
  quantity: ['quantity', 'qty'],
  supplementaryUnit: ['supplementaryunit', 'unit'],
  invoiceValue: ['invoicevalue', 'value', 'itemvalue'],
};

export type CsvProblem = { line: number; column: string | null; message: string };
export type CsvImportResult = { items: DeclarationItem[]; problems: CsvProblem[] };

const normalise = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '');
const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

type Located = { index: number; name: string };

export function importItemsCsv(
  text: string,
  options: { existingItems: number; tariff: ReadonlyMap<string, { supplementaryUnit: string }> },
): CsvImportResult {
  const { records, unclosedQuoteLine } = parseCsv(text, { delimiter: 'detect' });
  if (unclosedQuoteLine !== null) {
    return {
      items: [],
      problems: [
        {
          line: unclosedQuoteLine,
          column: null,
          message: 'A quoted value starting on this line is never closed: add the closing double quote (")',
        },
      ],
    };
  }
  if (records.length === 0 || isBlank(records[0].cells)) {
    return {
      items: [],
      problems: [{ line: 1, column: null, message: 'The file is empty: it needs a header row and at least one item' }],
    };
  }
  const header = records[0];
  const columns = new Map<ItemCsvColumn, Located>();
  const problems: CsvProblem[] = [];
  for (const column of ITEM_CSV_COLUMNS) {
    const index = header.cells.findIndex((h) => ALIASES[column].includes(normalise(h)));
    if (index < 0) problems.push({ line: header.line, column, message: `The header row has no "${column}" column` });
    else columns.set(column, { index, name: header.cells[index].trim() });
  }
  if (problems.length) return { items: [], problems };

  const dataRows = records.slice(1).filter((r) => !isBlank(r.cells));
  if (dataRows.length === 0)
    return {
      items: [],
      problems: [{ line: header.line + 1, column: null, message: 'The file has no items below the header row' }],
    };
  if (dataRows.length + options.existingItems > MAX_ITEMS) {
    const firstTooMany = dataRows[Math.max(0, MAX_ITEMS - options.existingItems)];
    return {
      items: [],
      problems: [
        {
          line: firstTooMany.line,
          column: null,
          message: `A declaration can have at most ${MAX_ITEMS} items: this file has ${dataRows.length} and the declaration already has ${options.existingItems}`,
        },
      ],
    };
  }

  const items: DeclarationItem[] = [];
  for (const row of dataRows) {
    const rowProblems: CsvProblem[] = [];
    const at = (column: ItemCsvColumn) => {
      const { index, name } = columns.get(column)!;
      return { line: row.cellLines[index] ?? row.line, column: name };
    };
    // Each cell on its own, so that one bad cell does not hide the others.
    const parsed: Partial<Record<ItemCsvColumn, unknown>> = {};
    for (const column of ITEM_CSV_COLUMNS) {
      const raw = (row.cells[columns.get(column)!.index] ?? '').trim();
      const result = ZDeclarationItem.shape[column].safeParse(raw);
      if (result.success) parsed[column] = result.data;
      else for (const issue of result.error.issues) rowProblems.push({ ...at(column), message: issue.message });
    }
    // More filled cells than the header has columns: usually a separator inside an unquoted value,
    // which would shift every cell after it. Trailing empty cells (a spreadsheet's habit) are fine.
    const lastFilled = row.cells.findLastIndex((c) => c.trim() !== '');
    if (lastFilled >= header.cells.length) {
      rowProblems.push({
        line: row.cellLines[lastFilled] ?? row.line,
        column: null,
        message: `This row has ${lastFilled + 1} cells but the header has ${header.cells.length} columns: put a value that contains the separator in double quotes`,
      });
    }
    // The checks across cells, wherever the cells they need are readable.
    const { hsCode, grossMass, netMass, supplementaryUnit } = parsed as Partial<DeclarationItem>;
    if (grossMass !== undefined && netMass !== undefined && new D(netMass).gt(grossMass)) {
      rowProblems.push({ ...at('netMass'), message: 'The net mass cannot be more than the gross mass' });
    }
    if (hsCode !== undefined) {
      const tariffLine = options.tariff.get(hsCode);
      if (!tariffLine)
        rowProblems.push({ ...at('hsCode'), message: `Commodity code ${hsCode} is not in the national tariff` });
      else if (supplementaryUnit !== undefined && tariffLine.supplementaryUnit !== supplementaryUnit) {
        rowProblems.push({
          ...at('supplementaryUnit'),
          message: `Commodity code ${hsCode} is declared in ${tariffLine.supplementaryUnit}, not ${supplementaryUnit}`,
        });
      }
    }
    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    // Every cell passed: the whole-item schema gives the item (and agrees with the checks above).
    const item = ZDeclarationItem.safeParse(
      Object.fromEntries(ITEM_CSV_COLUMNS.map((c) => [c, (row.cells[columns.get(c)!.index] ?? '').trim()])),
    );
    if (item.success) items.push(item.data);
    else {
      for (const issue of item.error.issues) {
        const column = ITEM_CSV_COLUMNS.find((c) => c === issue.path[0]);
        problems.push({ ...(column ? at(column) : { line: row.line, column: null }), message: issue.message });
      }
    }
  }
  return problems.length ? { items: [], problems } : { items, problems: [] };
}
