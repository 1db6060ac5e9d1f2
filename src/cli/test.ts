// npm test: the whole suite on a fresh machine.
// lint → typecheck → unit + integration (vitest, fresh database) → end-to-end (Playwright in Debian's
// Chromium against the built app on a fresh seeded database). One PostgreSQL server serves all:
// DATABASE_URL's server when set, otherwise an embedded cluster in the OS temp folder.
import { spawn } from 'node:child_process';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { openTestServer, createFreshDatabase } from '../../tests/support/test-database.ts';
import { chromiumPath, CHROMIUM_HELP } from '../../tests/support/chromium.ts';
import { connectionUrl, findFreePort } from './db/postgres-cluster.ts';
import { seedIfEmpty } from './db/seeding.ts';
import { ensureBuilt } from './build.ts';
import { ROOT } from './db/schema-engine.ts';

const args = new Set(process.argv.slice(2));
const only = (name: string) => args.size === 0 || args.has(`--${name}`);
const log = (line: string) => console.log(`\n[test] ${line}`);

function run(command: string, commandArgs: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

const bin = (name: string) => `${ROOT}/node_modules/.bin/${name}`;
const failures: string[] = [];
const started = Date.now();

const browser = chromiumPath();
if (only('e2e') && !browser) console.warn(`[test] ${CHROMIUM_HELP}`);

if (only('lint')) {
  log('Lint (eslint, with the import-boundary rules)');
  if ((await run(bin('eslint'), ['.'])) !== 0) failures.push('lint');
  log('Layout (prettier --check)');
  if ((await run(bin('prettier'), ['--check', '--log-level', 'warn', '.'])) !== 0) failures.push('format');
  log('Type check (tsc --noEmit)');
  if ((await run(bin('tsc'), ['--noEmit'])) !== 0) failures.push('typecheck');
}

const server = await openTestServer();
const serverUrl = connectionUrl(server.connection);
// Interrupted (Ctrl-C, CI timeout): stop the test PostgreSQL rather than leave it running.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.stop().finally(() => process.exit(130));
  });
}
try {
  if (only('unit') || only('integration')) {
    const projects = [
      ...(only('unit') ? ['--project', 'unit'] : []),
      ...(only('integration') ? ['--project', 'integration'] : []),
    ];
    log('Unit and integration tests (vitest)');
    if (
      (await run(bin('vitest'), ['run', ...projects], { TEST_DATABASE_SERVER_URL: serverUrl, DATABASE_URL: '' })) !== 0
    )
      failures.push('unit/integration');
  }

  if (only('e2e')) {
    if (!browser) {
      console.error(`[test] End-to-end tests cannot run. ${CHROMIUM_HELP}`);
      failures.push('e2e (no Chromium)');
    } else {
      log('End-to-end tests (Playwright + Chromium): preparing a seeded database and the build');
      const database = await createFreshDatabase(server.connection, 'csw_e2e');
      try {
        const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
        try {
          await seedIfEmpty(db, { now: new Date(), log: (l) => console.log(`[test] ${l}`) });
        } finally {
          await db.$disconnect();
        }
        await ensureBuilt((l) => console.log(`[test] ${l}`));
        const port = await findFreePort(3100);
        if (
          (await run(bin('playwright'), ['test'], {
            E2E_DATABASE_URL: database.url,
            E2E_PORT: String(port),
            CHROMIUM_PATH: browser,
          })) !== 0
        )
          failures.push('e2e');
      } finally {
        await database.drop();
      }
    }
  }
} finally {
  await server.stop();
}

const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (failures.length) {
  console.error(`\n[test] FAILED after ${seconds} s: ${failures.join(', ')}`);
  process.exit(1);
}
console.log(`\n[test] All tests passed in ${seconds} s.`);
