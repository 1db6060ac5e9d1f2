import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvText, parseCsv, readCsvTable } from '@/lib/csv';

// The one formula-injection rule of every export (declarations list, statement, statistics).
describe('csvCell: formulas neutralised, plain numbers kept', () => {
  it.each<[string | number | null | undefined, string]>([
    // A plain number, negative or not, is data: an amount column must stay a number.
    ['-1250.00', '-1250.00'],
    ['-12.50', '-12.50'],
    [-12.5, '-12.5'],
    [0, '0'],
    ['500000.00', '500000.00'],
    // Anything else starting with = + - @, a tab or a carriage return gets a leading apostrophe.
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['=1+2', "'=1+2"],
    ['+998901234567', "'+998901234567"],
    ['-2+3', "'-2+3"],
    ["-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"],
    ['-1e5', "'-1e5"],
    ['-', "'-"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    // Ordinary text, dates and registration numbers pass as they are.
    ['26001/261128/0000042', '26001/261128/0000042'],
    ['2026-11-28T10:00:00.000Z', '2026-11-28T10:00:00.000Z'],
    ['a-b=c', 'a-b=c'],
    // Quotes, delimiters (comma and semicolon) and line breaks make a quoted cell.
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [null, ''],
    [undefined, ''],
    ['', ''],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes CRLF-terminated lines and whole files', () => {
    expect(csvLine(['a', null, -1, 'x,y'])).toBe('a,,-1,"x,y"\r\n');
    expect(
      csvText([
        ['h1', 'h2'],
        ['=x', 2],
      ]),
    ).toBe("h1,h2\r\n'=x,2\r\n");
    expect(csvText([])).toBe('');
  });
});

describe('parseCsv: RFC 4180 with physical lines', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks, and counts the lines', () => {
    const { records, unclosedQuoteLine } = parseCsv('a,b\r\n"x, ""y""","two\r\nlines"\r\nlast,z');
    expect(unclosedQuoteLine).toBeNull();
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'], cellLines: [1, 1] },
      { line: 2, cells: ['x, "y"', 'two\nlines'], cellLines: [2, 2] },
      { line: 4, cells: ['last', 'z'], cellLines: [4, 4] },
    ]);
  });

  it('gives a cell after a quoted line break the line it starts on', () => {
    expect(parseCsv('"a\nb",c\nd').records[0]).toEqual({ line: 1, cells: ['a\nb', 'c'], cellLines: [1, 2] });
  });

  it('takes CR, LF and CRLF line ends, drops a byte-order mark, and keeps blank lines as empty records', () => {
    expect(parseCsv('\uFEFFa\rb\n\nc\r\n').records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a']],
      [2, ['b']],
      [3, ['']],
      [4, ['c']],
    ]);
  });

  it('treats a quote inside an unquoted cell as an ordinary character', () => {
    expect(parseCsv('15" screen,x\n').records[0].cells).toEqual(['15" screen', 'x']);
  });

  it('reports a quoted value never closed by the line it starts on', () => {
    expect(parseCsv('a,b\nc,"d\ne\n').unclosedQuoteLine).toBe(2);
  });

  it.each([
    ['a;b;c\n1,5;2;3', ';', ['1,5', '2', '3']],
    ['a,b;c\n1,2', ',', ['1', '2']],
    ['"a;b";c\n1;2', ';', ['1', '2']],
    ['"x,y,z";a;b\n1;2;3', ';', ['1', '2', '3']],
  ])('detects the header line’s delimiter in %j', (text, delimiter, row) => {
    const parsed = parseCsv(text, { delimiter: 'detect' });
    expect(parsed.delimiter).toBe(delimiter);
    expect(parsed.records[1].cells).toEqual(row);
  });

  it('reads a machine-written file as header and rows, empty lines dropped, and refuses one never closed', () => {
    expect(readCsvTable('\uFEFFa,b\n\n1,2\n3,"4"\n')).toEqual({
      header: ['a', 'b'],
      rows: [
        ['1', '2'],
        ['3', '4'],
      ],
    });
    expect(readCsvTable('')).toEqual({ header: [], rows: [] });
    expect(() => readCsvTable('a\n"b\n')).toThrow('CSV: unterminated quoted field');
  });
});
