// A fresh PostgreSQL database for a test run, dropped afterwards. The server is, in order:
// TEST_DATABASE_SERVER_URL (set by `npm test`), DATABASE_URL's server, or an embedded cluster
// started here in the OS temp folder.
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import {
  PostgresCluster,
  findFreePort,
  parseDatabaseUrl,
  adminQuery,
  quoteIdent,
  connectionUrl,
  type ConnectionConfig,
} from '../../src/cli/db/postgres-cluster.ts';
import { applyMigrations } from '../../src/cli/db/schema-engine.ts';

export type TestServer = { connection: ConnectionConfig; stop: () => Promise<void> };

export async function openTestServer(): Promise<TestServer> {
  const given = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
  if (given) return { connection: parseDatabaseUrl(given), stop: async () => {} };
  const port = await findFreePort();
  const dataDir = path.join(os.tmpdir(), `csw-test-pg-${process.pid}-${port}`);
  const cluster = new PostgresCluster({ dataDir, port, isEphemeral: true });
  await cluster.initialise();
  await cluster.start();
  return {
    connection: cluster.connection('postgres'),
    stop: async () => {
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}.password`, { force: true });
    },
  };
}

export async function createFreshDatabase(
  server: ConnectionConfig,
  prefix: string,
): Promise<{ url: string; connection: ConnectionConfig; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await adminQuery(server, `CREATE DATABASE ${quoteIdent(name)}`);
  const connection = { ...server, database: name };
  await applyMigrations(connection);
  return {
    url: connectionUrl(connection),
    connection,
    drop: async () => {
      await adminQuery(server, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    },
  };
}
