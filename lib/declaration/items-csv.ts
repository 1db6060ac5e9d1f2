// CSV import of declaration items. The whole file is checked first; every bad cell of every row is
// reported by its physical line in the file and by the column's name as the file spells it, and
// nothing is imported until the file is clean.
import { D } from '../money';
import { ZDeclarationItem, MAX_ITEMS, type DeclarationItem } from './schema';

export const ITEM_CSV_COLUMNS = ['hsCode', 'description', 'originCountry', 'grossMass', 'netMass', 'quantity', 'supplementaryUnit', 'invoiceValue'] as const;
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

/** One record of the file: its cells and the physical line (1-based) each cell starts on. */
export type CsvRecord = { line: number; cells: string[]; cellLines: number[] };
export type CsvParse = { records: CsvRecord[]; delimiter: ',' | ';'; unclosedQuoteLine: number | null };

/** The delimiter of the header line: semicolons when it has more of them than commas (outside quotes). */
function detectDelimiter(body: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  for (const c of body) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && c === ',') commas++;
    else if (!inQuotes && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * RFC 4180 CSV: commas (or semicolons), double-quoted fields with "" escapes, CRLF, LF or CR line
 * ends, a UTF-8 byte-order mark ignored. Line breaks inside quoted fields are kept and counted, so
 * every record knows the physical line it starts on.
 */
export function parseCsv(text: string): CsvParse {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(body);
  const records: CsvRecord[] = [];
  let line = 1;
  let cells: string[] = [];
  let cellLines: number[] = [];
  let field = '';
  let fieldLine = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 1;
  const endField = () => {
    cells.push(field);
    cellLines.push(fieldLine);
    field = '';
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    const isLineBreak = c === '\n' || c === '\r';
    if (isLineBreak && c === '\r' && body[i + 1] === '\n') i++;
    if (inQuotes) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += isLineBreak ? '\n' : c;
      if (isLineBreak) line++;
    } else if (c === '"') {
      inQuotes = true;
      quoteLine = line;
    } else if (c === delimiter) {
      endField();
      fieldLine = line;
    } else if (isLineBreak) {
      endField();
      records.push({ line: recordLine, cells, cellLines });
      line++;
      cells = [];
      cellLines = [];
      fieldLine = line;
      recordLine = line;
    } else field += c;
  }
  if (field !== '' || cells.length > 0) {
    endField();
    records.push({ line: recordLine, cells, cellLines });
  }
  return { records, delimiter, unclosedQuoteLine: inQuotes ? quoteLine : null };
}

/** The cells of each record (see parseCsv). */
export function parseCsvRows(text: string): string[][] {
  return parseCsv(text).records.map((r) => r.cells);
}

const normalise = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '');
const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

type Located = { index: number; name: string };

export function importItemsCsv(text: string, options: { existingItems: number; tariff: ReadonlyMap<string, { supplementaryUnit: string }> }): CsvImportResult {
  const { records, unclosedQuoteLine } = parseCsv(text);
  if (unclosedQuoteLine !== null) {
    return { items: [], problems: [{ line: unclosedQuoteLine, column: null, message: 'A quoted value starting on this line is never closed: add the closing double quote (")' }] };
  }
  if (records.length === 0 || isBlank(records[0].cells)) {
    return { items: [], problems: [{ line: 1, column: null, message: 'The file is empty: it needs a header row and at least one item' }] };
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
  if (dataRows.length === 0) return { items: [], problems: [{ line: header.line + 1, column: null, message: 'The file has no items below the header row' }] };
  if (dataRows.length + options.existingItems > MAX_ITEMS) {
    const firstTooMany = dataRows[Math.max(0, MAX_ITEMS - options.existingItems)];
    return { items: [], problems: [{ line: firstTooMany.line, column: null, message: `A declaration can have at most ${MAX_ITEMS} items: this file has ${dataRows.length} and the declaration already has ${options.existingItems}` }] };
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
    // The checks across cells, wherever the cells they need are readable.
    const { hsCode, grossMass, netMass, supplementaryUnit } = parsed as Partial<DeclarationItem>;
    if (grossMass !== undefined && netMass !== undefined && new D(netMass).gt(grossMass)) {
      rowProblems.push({ ...at('netMass'), message: 'The net mass cannot be more than the gross mass' });
    }
    if (hsCode !== undefined) {
      const tariffLine = options.tariff.get(hsCode);
      if (!tariffLine) rowProblems.push({ ...at('hsCode'), message: `Commodity code ${hsCode} is not in the national tariff` });
      else if (supplementaryUnit !== undefined && tariffLine.supplementaryUnit !== supplementaryUnit) {
        rowProblems.push({ ...at('supplementaryUnit'), message: `Commodity code ${hsCode} is declared in ${tariffLine.supplementaryUnit}, not ${supplementaryUnit}` });
      }
    }
    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    // Every cell passed: the whole-item schema gives the item (and agrees with the checks above).
    const item = ZDeclarationItem.safeParse(Object.fromEntries(ITEM_CSV_COLUMNS.map((c) => [c, (row.cells[columns.get(c)!.index] ?? '').trim()])));
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
