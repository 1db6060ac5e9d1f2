import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';

// One layout for the tree: `npm run lint` ends with `prettier --check .`, which fails on any file
// whose text differs from what Prettier (the repository's .prettierrc.json) would print.
const root = process.cwd();

async function isFormatted(relativePath: string, code: string) {
  const filepath = path.join(root, relativePath);
  const options = await prettier.resolveConfig(filepath);
  return prettier.check(code, { ...options, filepath });
}

async function isChecked(relativePath: string) {
  const info = await prettier.getFileInfo(path.join(root, relativePath), {
    ignorePath: path.join(root, '.prettierignore'),
  });
  return !info.ignored && info.inferredParser !== null;
}

describe('npm run lint checks the layout with Prettier', () => {
  it('is part of the lint script', () => {
    const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.lint).toMatch(/prettier --check \./);
  });

  it.each([
    [
      'a line longer than 120 characters',
      `export const f = (a: string, b: string) => [a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b];\n`,
    ],
    ['double quotes', `export const a = "x";\n`],
    ['a missing trailing comma', `export const a = [\n  'a',\n  'b'\n];\n`.replace("'b'\n", `'${'b'.repeat(120)}'\n`)],
    ['a missing semicolon', `export const a = 1\n`],
  ])('fails on a file with %s', async (_, code) => {
    expect(await isFormatted('lib/example.ts', code)).toBe(false);
  });

  it('passes the same code once Prettier has printed it', async () => {
    const code = `export const f = (a: string, b: string) => [a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b];\n`;
    const options = await prettier.resolveConfig(path.join(root, 'lib/example.ts'));
    const printed = await prettier.format(code, { ...options, filepath: path.join(root, 'lib/example.ts') });
    expect(printed).not.toBe(code);
    expect(await isFormatted('lib/example.ts', printed)).toBe(true);
  });

  it.each([
    'lib/csv.ts',
    'app/layout.tsx',
    'components/ui/button.tsx',
    'src/server/http.ts',
    'tests/unit/csv.test.ts',
    'lib/i18n/messages/en/common.json',
  ])('checks %s', async (file) => {
    expect(await isChecked(file)).toBe(true);
  });

  it.each(['README.md', 'package-lock.json', 'src/generated/prisma/client.ts', 'prisma/migrations/x/migration.sql'])(
    'leaves %s alone (prose, lockfile, generated, migrations)',
    async (file) => {
      expect(await isChecked(file)).toBe(false);
    },
  );
});
