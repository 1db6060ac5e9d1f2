// Where the portal's database lives: the server in DATABASE_URL when it is set (nothing is
// started), otherwise an embedded PostgreSQL with its data in a git-ignored folder.
import path from 'node:path';
import {
  PostgresCluster,
  createDatabaseIfMissing,
  parseDatabaseUrl,
  reachableDataDir,
  type ConnectionConfig,
  connectionUrl,
} from './postgres-cluster.ts';
import { ROOT } from './schema-engine.ts';

export type Database = {
  url: string;
  connection: ConnectionConfig;
  isEmbedded: boolean;
  stop: () => Promise<void>;
};

export const DEFAULT_DATA_DIR = path.join(ROOT, '.data', 'postgres');
export const DEFAULT_EMBEDDED_PORT = 54329;
export const APP_DATABASE = 'customs';

export async function openDatabase(options: {
  log: (line: string) => void;
  dataDir?: string;
  port?: number;
  database?: string;
  isEphemeral?: boolean;
}): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const connection = parseDatabaseUrl(external);
    await createDatabaseIfMissing(connection, connection.database).catch((e: Error) => {
      throw new Error(
        `Cannot reach the PostgreSQL server in DATABASE_URL (${connection.host}:${connection.port}): ${e.message}`,
      );
    });
    options.log(
      `Using the PostgreSQL server in DATABASE_URL (${connection.host}:${connection.port}/${connection.database}).`,
    );
    return { url: external, connection, isEmbedded: false, stop: async () => {} };
  }
  const dataDir = reachableDataDir(options.dataDir ?? process.env.PGDATA_DIR ?? DEFAULT_DATA_DIR, options.log);
  const port = options.port ?? Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  const cluster = new PostgresCluster({ dataDir, port, isEphemeral: options.isEphemeral });
  if (!cluster.isInitialised) {
    options.log(`Creating an embedded PostgreSQL cluster in ${dataDir} …`);
    await cluster.initialise();
  }
  await cluster.start();
  const database = options.database ?? APP_DATABASE;
  await cluster.createDatabase(database);
  const connection = cluster.connection(database);
  options.log(`Embedded PostgreSQL is up on 127.0.0.1:${port} (data in ${dataDir}).`);
  return { url: connectionUrl(connection), connection, isEmbedded: true, stop: () => cluster.stop() };
}
