// The Customs Import Declaration Datasets (Jeong et al. 2022, arXiv:2208.02484) as RiskItems.
// Text in, records out: reading the file is the caller's business.

import { readCsvTable } from '../csv';
import type { RiskItem } from './features';

/** Columns a benchmark CSV must have, by their header names. */
export const DATASET_COLUMNS = [
  'Date',
  'Office ID',
  'Process Type',
  'Import Type',
  'Import Use',
  'Payment Type',
  'Mode of Transport',
  'Declarant ID',
  'Importer ID',
  'Seller ID',
  'Courier ID',
  'HS6 Code',
  'Country of Departure',
  'Country of Origin',
  'Tax Rate',
  'Tax Type',
  'Country of Origin Indicator',
  'Net Mass',
  'Item Price',
  'Fraud',
  'Critical Fraud',
] as const;

/** A labelled benchmark row: the item as production would describe it plus the inspection outcome. */
export type LabelledItem = {
  item: RiskItem;
  fraud: 0 | 1;
  /** 2 = critical fraud (public safety), 1 = fraud, 0 = none. */
  criticalFraud: 0 | 1 | 2;
  /** Revenue proxy: declared duty, Item Price × Tax Rate / 100. */
  revenue: number;
};

export type CsvTable = { header: string[]; rows: string[][] };

/** Parse a benchmark CSV (one header row; lib/csv.ts reads it, empty lines dropped). */
export function parseCsv(text: string): CsvTable {
  return readCsvTable(text);
}

export function missingColumns(header: readonly string[]): string[] {
  return DATASET_COLUMNS.filter((c) => !header.includes(c));
}

const nullIfEmpty = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);

/** A figure field; an empty or unreadable one counts as 0 (the features treat 0 as "not declared"). */
const figure = (v: string | undefined): number => {
  const x = v === undefined || v === '' ? 0 : Number(v);
  return Number.isFinite(x) ? x : 0;
};

/** Map the rows of a benchmark table to labelled items. Throws when a required column is missing. */
export function datasetItems(table: CsvTable): LabelledItem[] {
  const missing = missingColumns(table.header);
  if (missing.length > 0) throw new Error(`missing columns: ${missing.join(', ')}`);
  const col = Object.fromEntries(DATASET_COLUMNS.map((c) => [c, table.header.indexOf(c)])) as Record<
    (typeof DATASET_COLUMNS)[number],
    number
  >;
  return table.rows.map((f) => {
    const taxRate = figure(f[col['Tax Rate']]);
    const value = figure(f[col['Item Price']]);
    const critical = figure(f[col['Critical Fraud']]);
    const item: RiskItem = {
      date: f[col['Date']] ?? '',
      office: f[col['Office ID']] ?? '',
      declarant: f[col['Declarant ID']] ?? '',
      importer: f[col['Importer ID']] ?? '',
      seller: nullIfEmpty(f[col['Seller ID']]),
      courier: nullIfEmpty(f[col['Courier ID']]),
      hs6: f[col['HS6 Code']] ?? '',
      originCountry: f[col['Country of Origin']] ?? '',
      departureCountry: f[col['Country of Departure']] ?? '',
      transportMode: f[col['Mode of Transport']] ?? '',
      procedure: f[col['Import Type']] ?? '',
      taxRate,
      taxType: nullIfEmpty(f[col['Tax Type']]),
      netMass: figure(f[col['Net Mass']]),
      value,
      extra: {
        processType: nullIfEmpty(f[col['Process Type']]),
        importUse: nullIfEmpty(f[col['Import Use']]),
        paymentType: nullIfEmpty(f[col['Payment Type']]),
        originIndicator: nullIfEmpty(f[col['Country of Origin Indicator']]),
      },
    };
    return {
      item,
      fraud: figure(f[col['Fraud']]) > 0 ? 1 : 0,
      criticalFraud: critical >= 2 ? 2 : critical >= 1 ? 1 : 0,
      revenue: (value * taxRate) / 100,
    };
  });
}
