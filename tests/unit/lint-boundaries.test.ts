import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The import-boundary rule is part of the architecture; this proves it bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-properties')
    .map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['lib/x.ts', "import { PrismaClient } from '@prisma/client';\nexport const a = PrismaClient;\n"],
    ['lib/x.ts', "import { redirect } from 'next/navigation';\nexport const a = redirect;\n"],
    ['lib/x.ts', "import { db } from '@/src/server/db';\nexport const a = db;\n"],
    ['lib/x.ts', "import Page from '@/app/page';\nexport const a = Page;\n"],
    ['lib/x.ts', "import { db } from '../src/server/db';\nexport const a = db;\n"],
    ['components/x.tsx', "import { db } from '@/src/server/db';\nexport const a = db;\n"],
    ['components/x.tsx', "import { getActor } from '../src/server/auth/session';\nexport const a = getActor;\n"],
    ['src/server/x.ts', "import { Button } from '@/components/ui/button';\nexport const a = Button;\n"],
    ['lib/x.ts', 'export const r = Math.random();\n'],
    ['app/x.ts', "import { db } from '@/src/server/db';\nexport const a = db;\n"],
    [
      'app/trader/page.tsx',
      "import { PrismaClient } from '@/src/generated/prisma/client';\nexport const a = PrismaClient;\n",
    ],
    ['app/api/x/route.ts', "import { db } from '../../../src/server/db';\nexport const a = db;\n"],
  ])(
    'refuses %s importing across the floors: %s',
    async (file, code) => {
      expect(await restrictedImports(file, code)).not.toEqual([]);
    },
    30_000,
  );

  it.each([
    ['lib/x.ts', "import { z } from 'zod';\nimport Decimal from 'decimal.js';\nexport const a = [z, Decimal];\n"],
    ['components/x.tsx', "import { formatAmount } from '@/lib/money';\nexport const a = formatAmount;\n"],
    ['app/x.ts', "import { getActor } from '@/src/server/auth/session';\nexport const a = getActor;\n"],
  ])(
    'allows %s: %s',
    async (file, code) => {
      expect(await restrictedImports(file, code)).toEqual([]);
    },
    30_000,
  );
});
