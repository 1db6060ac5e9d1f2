// CSV import of declaration items. The whole file is checked first; every bad row is reported by
// line and column, and nothing is imported until the file is clean.
import { ZDeclarationItem, MAX_ITEMS, type DeclarationItem } from './schema';

export const ITEM_CSV_COLUMNS = ['hsCode', 'description', 'originCountry', 'grossMass', 'netMass', 'quantity', 'supplementaryUnit', 'invoiceValue'] as const;
export type ItemCsvColumn = (typeof ITEM_CSV_COLUMNS)[number];

/** Accepted spellings of each column header (case and spaces ignored). */
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

/** RFC 4180 CSV: commas (or semicolons), double-quoted fields with "" escapes, CRLF or LF. */
export function parseCsvRows(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inQuotes) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const normalise = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '');

export function importItemsCsv(text: string, options: { existingItems: number; tariff: ReadonlyMap<string, { supplementaryUnit: string }> }): CsvImportResult {
  const rows = parseCsvRows(text);
  const problems: CsvProblem[] = [];
  if (rows.length === 0 || rows[0].every((c) => c.trim() === '')) {
    return { items: [], problems: [{ line: 1, column: null, message: 'The file is empty: it needs a header row and at least one item' }] };
  }
  const header = rows[0].map(normalise);
  const columnIndex = new Map<ItemCsvColumn, number>();
  for (const column of ITEM_CSV_COLUMNS) {
    const index = header.findIndex((h) => ALIASES[column].includes(h));
    if (index < 0) problems.push({ line: 1, column, message: `The header row has no "${column}" column` });
    else columnIndex.set(column, index);
  }
  if (problems.length) return { items: [], problems };

  const dataRows = rows.slice(1).map((cells, i) => ({ line: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (dataRows.length === 0) return { items: [], problems: [{ line: 2, column: null, message: 'The file has no items below the header row' }] };
  if (dataRows.length + options.existingItems > MAX_ITEMS) {
    return { items: [], problems: [{ line: dataRows[MAX_ITEMS - options.existingItems]?.line ?? 2, column: null, message: `A declaration can have at most ${MAX_ITEMS} items: this file has ${dataRows.length} and the declaration already has ${options.existingItems}` }] };
  }

  const items: DeclarationItem[] = [];
  for (const { line, cells } of dataRows) {
    const raw = Object.fromEntries(ITEM_CSV_COLUMNS.map((c) => [c, (cells[columnIndex.get(c)!] ?? '').trim()]));
    const parsed = ZDeclarationItem.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line, column: String(issue.path[0] ?? ''), message: issue.message });
      continue;
    }
    const tariffLine = options.tariff.get(parsed.data.hsCode);
    if (!tariffLine) problems.push({ line, column: 'hsCode', message: `Commodity code ${parsed.data.hsCode} is not in the national tariff` });
    else if (tariffLine.supplementaryUnit !== parsed.data.supplementaryUnit) {
      problems.push({ line, column: 'supplementaryUnit', message: `Commodity code ${parsed.data.hsCode} is declared in ${tariffLine.supplementaryUnit}, not ${parsed.data.supplementaryUnit}` });
    }
    items.push(parsed.data);
  }
  return problems.length ? { items: [], problems } : { items, problems: [] };
}
