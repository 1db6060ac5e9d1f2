import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// One CSV module: the lint rule refuses a hand-written CSV escaper anywhere but lib/csv.ts.
const eslint = new ESLint({ cwd: process.cwd() });

async function csvEscapers(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'csv/no-hand-written-escaper').map((m) => m.message);
}

// The three escapers there were before lib/csv.ts: payments, statistics, the declarations export.
const PAYMENTS = `export function csvCell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  const isNumber = /^-?\\d+(\\.\\d+)?$/.test(s);
  const safe = !isNumber && /^[=+\\-@\\t\\r]/.test(s) ? \`'\${s}\` : s;
  return /[",\\n\\r;]/.test(safe) ? \`"\${safe.replace(/"/g, '""')}"\` : safe;
}
`;
const STATISTICS = `export function csvCell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\\-@]/.test(s) && !/^-?\\d/.test(s) ? \`'\${s}\` : s;
  return /[",\\n\\r;]/.test(safe) ? \`"\${safe.replace(/"/g, '""')}"\` : safe;
}
`;
const DECLARATIONS_EXPORT = `function csvCell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\\-@]/.test(s) ? \`'\${s}\` : s;
  return /[",\\n\\r;]/.test(safe) ? \`"\${safe.replace(/"/g, '""')}"\` : safe;
}
export const cell = csvCell;
`;

describe('no hand-written CSV escaper outside lib/csv.ts', () => {
  it.each([
    ['lib/payments/csv.ts', PAYMENTS, 2],
    ['lib/statistics/csv.ts', STATISTICS, 2],
    ['app/trader/declarations/export/route.ts', DECLARATIONS_EXPORT, 2],
    ['src/server/x.ts', 'export const needsQuotes = (s: string) => /["\\n,]/.test(s);\n', 1],
    ['components/x.tsx', "export const needsQuotes = (s: string) => new RegExp('[\";]').test(s);\n", 1],
    ['prisma/seed/x.ts', 'export const isFormula = (s: string) => /^[-=+@]/.test(s);\n', 1],
  ])(
    'refuses the escaper in %s',
    async (file, code, regexes) => {
      // Each regular expression of an escaper is reported: the quoting test and the formula test.
      expect(await csvEscapers(file, code)).toEqual(Array(regexes).fill(expect.stringContaining('lib/csv.ts')));
    },
    30_000,
  );

  it.each([
    ['lib/csv.ts', PAYMENTS],
    // Quoting an SQL identifier doubles quotes too, but tests for no delimiter: not CSV.
    ['prisma/seed/x.ts', 'export const quote = (name: string) => `"${name.replace(/"/g, \'""\')}"`;\n'],
    ['src/cli/x.ts', 'export const version = (s: string) => s.match(/"version":\\s*"([^"]+)"/)?.[1];\n'],
    ['lib/x.ts', "import { csvLine } from './csv';\nexport const line = csvLine(['=1', -12.5]);\n"],
  ])(
    'allows %s: %s',
    async (file, code) => {
      expect(await csvEscapers(file, code)).toEqual([]);
    },
    30_000,
  );
});
