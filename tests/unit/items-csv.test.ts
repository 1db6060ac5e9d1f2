import { describe, expect, it } from 'vitest';
import { importItemsCsv } from '@/lib/declaration/items-csv';
import { parseCsv } from '@/lib/csv';

const tariff = new Map([
  ['8471300000', { supplementaryUnit: 'PCS' }],
  ['2203000900', { supplementaryUnit: 'L' }],
]);
const run = (text: string, existingItems = 0) => importItemsCsv(text, { existingItems, tariff });
const HEADER = 'hsCode,description,originCountry,grossMass,netMass,quantity,supplementaryUnit,invoiceValue';
const LAPTOPS = '8471300000,Laptops,CN,120,100,50,PCS,6000.00';
const BEER = '2203000900,Beer,DE,2400,2000,2000,L,4000';

describe('CSV import of items: the file format', () => {
  it('ignores a UTF-8 byte-order mark before the header', () => {
    const result = run(`\uFEFF${HEADER}\n${LAPTOPS}\n`);
    expect(result.problems).toEqual([]);
    expect(result.items.map((i) => i.hsCode)).toEqual(['8471300000']);
  });

  it('reads semicolon-separated files with decimal commas, other header spellings and CRLF line ends', () => {
    const text =
      'Commodity code;Description;Origin;Gross mass;Net mass;Quantity;Unit;Value\r\n8471300000;"Laptops; 15 inch";CN;120,5;100,25;50;PCS;6000,00\r\n2203000900;Beer;DE;2400;2000;2000;L;4000\r\n';
    const result = run(text);
    expect(result.problems).toEqual([]);
    expect(result.items.map((i) => [i.description, i.grossMass, i.netMass, i.invoiceValue])).toEqual([
      ['Laptops; 15 inch', '120.5', '100.25', '6000'],
      ['Beer', '2400', '2000', '4000'],
    ]);
  });

  it('reads quoted fields with doubled quotes, delimiters and line breaks inside', () => {
    const text = `${HEADER}\n8471300000,"Laptops, ""Pro"" series\nsecond line",CN,120,100,50,PCS,6000\n${BEER}\n`;
    const result = run(text);
    expect(result.problems).toEqual([]);
    expect(result.items[0].description).toBe('Laptops, "Pro" series\nsecond line');
    expect(result.items).toHaveLength(2);
  });

  it('counts physical lines: a row after a quoted line break is reported on its own line of the file', () => {
    const text = [
      HEADER,
      '8471300000,"Laptops',
      'with a two-line',
      'description",CN,120,100,50,PCS,6000',
      '2203000900,Beer,XX,2400,2000,2000,L,4000',
    ].join('\r\n');
    expect(parseCsv(text).records.map((r) => r.line)).toEqual([1, 2, 5]);
    expect(run(text).problems).toEqual([
      { line: 5, column: 'originCountry', message: expect.stringContaining('ISO 3166') },
    ]);
  });

  it('reports a cell that starts on a later line of a multi-line row on that line', () => {
    const text = [HEADER, '8471300000,"Laptops', 'on two lines",XX,120,100,50,PCS,6000'].join('\n');
    expect(run(text).problems).toEqual([
      { line: 3, column: 'originCountry', message: expect.stringContaining('ISO 3166') },
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    const text = `${HEADER}\n\n${LAPTOPS}\n\n2203000900,Beer,DE,2400,2000,2000,KG,4000\n`;
    expect(run(text).problems).toEqual([
      { line: 5, column: 'supplementaryUnit', message: 'Commodity code 2203000900 is declared in L, not KG' },
    ]);
  });

  it('refuses a quoted value that is never closed, naming the line it starts on', () => {
    const result = run(`${HEADER}\n${LAPTOPS}\n2203000900,"Beer,DE,2400,2000,2000,L,4000\n`);
    expect(result).toEqual({
      items: [],
      problems: [{ line: 3, column: null, message: expect.stringContaining('never closed') }],
    });
  });

  it.each([
    ['an empty file', ''],
    ['only a byte-order mark', '\uFEFF'],
    ['blank lines', '\n\r\n  \n'],
  ])('says the file is empty for %s', (_name, text) => {
    expect(run(text)).toEqual({
      items: [],
      problems: [{ line: 1, column: null, message: 'The file is empty: it needs a header row and at least one item' }],
    });
  });

  it('says there are no items when only the header is there', () => {
    expect(run(`${HEADER}\n\n`).problems).toEqual([
      { line: 2, column: null, message: 'The file has no items below the header row' },
    ]);
  });

  it('names every missing column of the header', () => {
    const result = run(
      'hsCode;description;originCountry;grossMass;quantity;supplementaryUnit\n8471300000;Laptops;CN;120;50;PCS\n',
    );
    expect(result.items).toEqual([]);
    expect(result.problems).toEqual([
      { line: 1, column: 'netMass', message: 'The header row has no "netMass" column' },
      { line: 1, column: 'invoiceValue', message: 'The header row has no "invoiceValue" column' },
    ]);
  });
});

describe('CSV import of items: the item limit', () => {
  const rows = (n: number) => [HEADER, ...Array.from({ length: n }, () => LAPTOPS)].join('\n');

  it('accepts exactly 999 items', () => {
    const result = run(rows(999));
    expect(result.problems).toEqual([]);
    expect(result.items).toHaveLength(999);
  });

  it('refuses 1000 rows, pointing at the first row too many', () => {
    const result = run(rows(1000));
    expect(result.items).toEqual([]);
    expect(result.problems).toEqual([
      {
        line: 1001,
        column: null,
        message: 'A declaration can have at most 999 items: this file has 1000 and the declaration already has 0',
      },
    ]);
  });

  it('counts the items the declaration already has', () => {
    expect(run(rows(10), 990).problems).toEqual([
      {
        line: 11,
        column: null,
        message: 'A declaration can have at most 999 items: this file has 10 and the declaration already has 990',
      },
    ]);
  });
});

describe('CSV import of items: every bad cell of every row', () => {
  it('reports every bad cell of one row, not only the first', () => {
    const result = run(`${HEADER}\n12345,,XX,abc,5,0,BOX,-1\n`);
    expect(result.items).toEqual([]);
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'hsCode'],
      [2, 'description'],
      [2, 'originCountry'],
      [2, 'grossMass'],
      [2, 'quantity'],
      [2, 'supplementaryUnit'],
      [2, 'invoiceValue'],
    ]);
  });

  it('checks the tariff and net ≤ gross even when other cells of the row are bad', () => {
    const result = run(`${HEADER}\n9999999999,Mystery,XX,10,20,1,KG,1\n8471300000,,CN,120,100,50,KG,6000\n`);
    expect(result.problems).toEqual([
      { line: 2, column: 'originCountry', message: expect.stringContaining('ISO 3166') },
      { line: 2, column: 'netMass', message: 'The net mass cannot be more than the gross mass' },
      { line: 2, column: 'hsCode', message: 'Commodity code 9999999999 is not in the national tariff' },
      { line: 3, column: 'description', message: 'Enter the goods description' },
      { line: 3, column: 'supplementaryUnit', message: 'Commodity code 8471300000 is declared in PCS, not KG' },
    ]);
  });

  it('reports a row with more filled cells than the header (an unquoted separator), not trailing empty ones', () => {
    const result = run(`${HEADER}\n8471300000,Laptops, 15 inch,CN,120,100,50,PCS,6000\n${BEER},,\n`);
    expect(result.items).toEqual([]);
    expect(result.problems).toContainEqual({
      line: 2,
      column: null,
      message:
        'This row has 9 cells but the header has 8 columns: put a value that contains the separator in double quotes',
    });
    expect(result.problems.filter((p) => p.line === 3)).toEqual([]);
  });

  it('skips a cross-cell check only when a cell it needs is unreadable', () => {
    const result = run(`${HEADER}\n8471300000,Laptops,CN,heavy,100,50,KG,6000\n`);
    expect(result.problems.map((p) => p.column)).toEqual(['grossMass', 'supplementaryUnit']);
  });

  it('names the column as the file’s header spells it', () => {
    const text =
      'Code;Goods description;Country of origin;Gross mass (kg);Net mass (kg);Qty;Unit;Item value\n8471300000;Laptops;CN;10;20;50;PCS;6000\n';
    expect(run(text).problems).toEqual([
      { line: 2, column: 'Net mass (kg)', message: 'The net mass cannot be more than the gross mass' },
    ]);
  });

  it('imports nothing while any row is bad, and everything once the file is clean', () => {
    expect(run(`${HEADER}\n${LAPTOPS}\n${BEER.replace('DE', 'XX')}\n`).items).toEqual([]);
    expect(run(`${HEADER}\n${LAPTOPS}\n${BEER}\n`).items.map((i) => i.hsCode)).toEqual(['8471300000', '2203000900']);
  });
});
