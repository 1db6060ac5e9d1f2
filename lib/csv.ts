// The one CSV module: every import parses with parseCsv (or readCsvTable), every export writes with
// csvCell / csvLine / csvText. Our own small code, not a package: the items import must report the
// physical line each bad cell starts on, which a general parser does not tell (docs/decisions.md).
// A lint rule (eslint.config.mjs, "csv/no-hand-written-escaper") keeps CSV quoting in this file.

export type CsvDelimiter = ',' | ';';

/** One record of a file: its cells and the physical line (1-based) the record and each cell start on. */
export type CsvRecord = { line: number; cells: string[]; cellLines: number[] };
export type CsvParse = { records: CsvRecord[]; delimiter: CsvDelimiter; unclosedQuoteLine: number | null };

/** The delimiter of the header line: semicolons when it has more of them than commas (outside quotes). */
function detectDelimiter(body: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inQuotes) {
      if (c === '"' && body[i + 1] === '"') i++;
      else if (c === '"') inQuotes = false;
      continue;
    }
    if (c === '\n' || c === '\r') break;
    if (c === '"' && atFieldStart) inQuotes = true;
    else if (c === ',') commas++;
    else if (c === ';') semicolons++;
    atFieldStart = c === ',' || c === ';';
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * RFC 4180 CSV: a delimiter of comma (the default), semicolon or the one the header line uses
 * ('detect'); a field that starts with a double quote runs to the closing quote, holding delimiters,
 * "" for a quote, and line breaks (kept as \n); a quote anywhere else is an ordinary character.
 * CRLF, LF or CR line ends; a UTF-8 byte-order mark is ignored. Never throws: a quoted value that is
 * never closed is reported by the line it starts on. A blank line is a record with one empty cell.
 */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter | 'detect' } = {}): CsvParse {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = options.delimiter === 'detect' ? detectDelimiter(body) : (options.delimiter ?? ',');
  const records: CsvRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let cellLines: number[] = [];
  let field = '';
  let fieldLine = 1;
  let inQuotes = false;
  let atFieldStart = true;
  let quoteLine = 1;
  const endField = () => {
    cells.push(field);
    cellLines.push(fieldLine);
    field = '';
  };
  for (let i = 0; i < body.length; i++) {
    let c = body[i];
    if (c === '\r') {
      if (body[i + 1] === '\n') i++;
      c = '\n';
    }
    if (inQuotes) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
      if (c === '\n') line++;
    } else if (c === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      quoteLine = line;
    } else if (c === delimiter) {
      endField();
      fieldLine = line;
      atFieldStart = true;
    } else if (c === '\n') {
      endField();
      records.push({ line: recordLine, cells, cellLines });
      line++;
      cells = [];
      cellLines = [];
      fieldLine = line;
      recordLine = line;
      atFieldStart = true;
    } else {
      // A run of ordinary characters in one step: most of a large file is unquoted.
      let end = i + 1;
      while (end < body.length && body[end] !== delimiter && body[end] !== '\n' && body[end] !== '\r') end++;
      field += body.slice(i, end);
      i = end - 1;
      atFieldStart = false;
    }
  }
  if (field !== '' || cells.length > 0) {
    endField();
    records.push({ line: recordLine, cells, cellLines });
  }
  return { records, delimiter, unclosedQuoteLine: inQuotes ? quoteLine : null };
}

/** A line with nothing on it (whitespace counts as something). */
const isEmptyRecord = (cells: readonly string[]) => cells.length === 1 && cells[0] === '';

/**
 * A machine-written file as its header and rows (comma-delimited, empty lines dropped). Throws on a
 * quoted value never closed: for files we ship or are given for a command, not for traders' uploads.
 */
export function readCsvTable(text: string): { header: string[]; rows: string[][] } {
  const { records, unclosedQuoteLine } = parseCsv(text);
  if (unclosedQuoteLine !== null) throw new Error('CSV: unterminated quoted field');
  const [header = [], ...rows] = records.map((r) => r.cells).filter((cells) => !isEmptyRecord(cells));
  return { header, rows };
}

/** A plain decimal number, such as the amount -12.50: data, not a formula, so it stays as it is. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** What a spreadsheet may run as a formula (OWASP "CSV injection"): = + - @, tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** What makes a cell need quotes; the semicolon too, for spreadsheets that split on it. */
const NEEDS_QUOTES = /[",;\n\r]/;

/**
 * One cell of an export. A cell that could start a formula gets a leading apostrophe (a plain
 * number, negative or not, is left alone); a cell holding a quote, delimiter or line break is quoted.
 */
export function csvCell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One line of an export, CRLF-terminated (RFC 4180). */
export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A whole export: a line per row. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return rows.map(csvLine).join('');
}
