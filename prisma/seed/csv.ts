// The seed's data files (data/*.csv) as objects keyed by their header row, read by lib/csv.ts.
import { readCsvTable } from '../../lib/csv.ts';

/** Rows as objects keyed by the header row; a row with another number of fields is an error. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const { header, rows } = readCsvTable(text);
  return rows.map((r) => {
    if (r.length !== header.length)
      throw new Error(`CSV: expected ${header.length} fields, got ${r.length}: ${r.join(',')}`);
    return Object.fromEntries(header.map((h, k) => [h, r[k]]));
  });
}
