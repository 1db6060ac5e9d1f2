// npm start: the portal with demo data on one command.
// Embedded PostgreSQL (or DATABASE_URL) → migrations → demo seed (once) → build (if sources changed)
// → next start on PORT (default 3000). Ctrl-C / SIGTERM stops the app and PostgreSQL, nothing left running.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { openDatabase, type Database } from './db/database.ts';
import { applyMigrations, ROOT } from './db/schema-engine.ts';
import { seedIfEmpty } from './db/seeding.ts';
import { sessionPolicyFromEnv } from '../../lib/auth/sessions.ts';
import { parseTrustedProxies } from '../server/client-address.ts';
import { ensureBuilt, authSecret, documentSigningKey, paymentGatewaySecret, NEXT_BIN } from './build.ts';

const isDev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const log = (line: string) => console.log(`[start] ${line}`);

let database: Database | null = null;
let app: ChildProcess | null = null;
let isStopping = false;

async function shutdown(code: number) {
  if (isStopping) return;
  isStopping = true;
  if (app && app.exitCode === null && app.signalCode === null && app.pid) {
    log('Stopping the portal …');
    const exited = new Promise<void>((resolve) => app!.once('exit', () => resolve()));
    try {
      process.kill(-app.pid, 'SIGTERM'); // the whole group: next start can leave next-server behind otherwise
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-app!.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (database?.isEmbedded) log('Stopping PostgreSQL …');
  await database?.stop();
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
// `kill <npm pid>` stops npm and its shell but does not reach us: when our parent goes away we
// are re-parented, and that is the signal to stop too (nothing may be left running).
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart) void shutdown(0);
}, 500);

try {
  // Settings that would otherwise fail on the first request fail here, naming the variable.
  sessionPolicyFromEnv(process.env);
  parseTrustedProxies(process.env.TRUSTED_PROXIES);
  database = await openDatabase({ log });
  const applied = await applyMigrations(database.connection);
  if (applied.length) log(`Applied ${applied.length} migration(s).`);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  try {
    await seedIfEmpty(db, { now: new Date(), log });
  } finally {
    await db.$disconnect();
  }
  if (isStopping) process.exit(0);
  if (!isDev) await ensureBuilt(log);
  if (isStopping) process.exit(0);

  // Demo mode (the embedded database) has the built-in test bank; a real database does not, unless
  // PAYMENT_TEST_GATEWAY=enabled says so explicitly. Either way the log says which mode this is.
  const testGateway = process.env.PAYMENT_TEST_GATEWAY?.trim() || (database.isEmbedded ? 'enabled' : 'disabled');
  log(
    testGateway === 'enabled'
      ? `Mode: DEMO — the built-in test bank is ON (${process.env.PAYMENT_TEST_GATEWAY ? 'PAYMENT_TEST_GATEWAY=enabled' : 'embedded database'}): top-ups are simulated, no real money moves, and every page says so.`
      : 'Mode: PRODUCTION — the built-in test bank is OFF; payments need a real gateway (docs/payments.md, "Plugging in a real gateway").',
  );
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: authSecret(),
    DOCUMENT_SIGNING_KEY: documentSigningKey(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    PAYMENT_TEST_GATEWAY: testGateway,
    PAYMENT_GATEWAY_SECRET: paymentGatewaySecret(),
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
  };
  // Production and demo: our own server in front of Next's handler (src/cli/serve.ts: client addresses
  // from the socket). Development: `next dev`.
  const command = isDev
    ? [NEXT_BIN, 'dev', '-p', String(port)]
    : ['--import', 'tsx', path.join(ROOT, 'src', 'cli', 'serve.ts')];
  app = spawn(process.execPath, command, { cwd: ROOT, env, stdio: 'inherit', detached: true });
  app.on('exit', (code) => {
    if (!isStopping) {
      log(`The portal exited (code ${code}).`);
      void shutdown(code ?? 1);
    }
  });
  log(`Portal starting on http://localhost:${port} — demo logins are in README.md.`);
} catch (e) {
  console.error(`[start] ${(e as Error).message}`);
  await shutdown(1);
}
