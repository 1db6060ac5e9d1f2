// Prisma migrations without the native schema engine (it cannot be downloaded on these machines):
// the official WebAssembly build (@prisma/schema-engine-wasm) driven over a pg driver adapter.
// The migrations it reads and writes are the standard `prisma/migrations/<name>/migration.sql`
// with the `_prisma_migrations` table, so `prisma migrate deploy` applies them too where it can run.
//
// Two faults of @prisma/adapter-pg 7.10 under the schema engine are worked around here:
// - catalog columns of PostgreSQL's internal `"char"` type (OID 18) are rejected as unsupported:
//   the pg client below reports them as text, marking their names, and the adapter wrapper turns
//   the marked columns into ColumnType Character, which the schema describer expects;
// - the shadow database would be created but then connected to through the original connection
//   string (which wins over `database`), silently reusing the main database: we create, connect to
//   and drop (WITH (FORCE)) the shadow database ourselves, with discrete connection fields.
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlQueryable,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine, MigrationList } from '@prisma/schema-engine-wasm';
import { adminQuery, quoteIdent, type ConnectionConfig } from './postgres-cluster.ts';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..');
export const SCHEMA_PATH = path.join(ROOT, 'prisma', 'schema.prisma');
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');
const LOCKFILE = 'migration_lock.toml';
const NO_FILTER = { externalTables: [], externalEnums: [] };

type QueryResultLike = { fields?: { dataTypeID: number; name: string }[] } | undefined;
type Callback = (err: Error | null, res: QueryResultLike) => void;

const CHAR_MARK = '\u0001char';

function reportCharAsText<T extends QueryResultLike>(res: T): T {
  if (res?.fields) {
    for (const field of res.fields) {
      if (field.dataTypeID === 18) {
        field.dataTypeID = 25;
        field.name += CHAR_MARK;
      }
    }
  }
  return res;
}

function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  result.columnNames = result.columnNames.map((name, i) => {
    if (!name.endsWith(CHAR_MARK)) return name;
    result.columnTypes[i] = ColumnTypeEnum.Character;
    return name.slice(0, -CHAR_MARK.length);
  });
  return result;
}

function withCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => restoreCharColumns(await queryRaw(query));
  return queryable;
}

function withCharColumnsEverywhere<A extends SqlDriverAdapter>(adapter: A): A {
  withCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => withCharColumns(await startTransaction(isolationLevel));
  return adapter;
}

/** A pg client that reports `"char"` columns as text (see the header). */
class CharAsTextClient extends pg.Client {
  // pg's query has many overloads; this wrapper keeps all of them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(config: any, values?: any, callback?: any): any {
    if (typeof values === 'function') {
      const cb = values as Callback;
      return super.query(config, (err: Error | null, res: QueryResultLike) => cb(err, reportCharAsText(res)));
    }
    if (typeof callback === 'function') {
      const cb = callback as Callback;
      return super.query(config, values, (err: Error | null, res: QueryResultLike) => cb(err, reportCharAsText(res)));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result: any = super.query(config, values);
    return result && typeof result.then === 'function' ? result.then(reportCharAsText) : result;
  }
}

function pool(connection: ConnectionConfig): pg.Pool {
  return new pg.Pool({ ...connection, Client: CharAsTextClient, max: 4 });
}

class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly connectionConfig: ConnectionConfig) {
    super(pool(connectionConfig), { disposeExternalPool: true });
  }

  override async connect() {
    return withCharColumnsEverywhere(await super.connect());
  }

  override async connectToShadowDb() {
    const name = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
    await adminQuery(this.connectionConfig, `CREATE DATABASE ${quoteIdent(name)}`);
    const shadow = new PrismaPg(pool({ ...this.connectionConfig, database: name }), { disposeExternalPool: true });
    const adapter = withCharColumnsEverywhere(await shadow.connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await adminQuery(this.connectionConfig, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    };
    return adapter;
  }
}

let wasmReady: Promise<typeof import('@prisma/schema-engine-wasm/schema_engine_bg')> | null = null;

/** Load the wasm module by hand: its ESM entry imports a .wasm file, which Node 20 cannot. */
function loadWasm() {
  wasmReady ??= (async () => {
    // The engine reports the reason of a Rust panic here; without it a panic is an opaque crash.
    const registry = {
      message: '',
      set_message(m: string) {
        this.message = m;
      },
    };
    (globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY: typeof registry }).PRISMA_WASM_PANIC_REGISTRY = registry;
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = readFileSync(path.join(dir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return wasmReady;
}

export function readSchema(): string {
  return readFileSync(SCHEMA_PATH, 'utf8');
}

export function readMigrations(): MigrationList {
  const directories = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR)
        .filter((d) => statSync(path.join(MIGRATIONS_DIR, d)).isDirectory())
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((d) => {
      const file = path.join(MIGRATIONS_DIR, d, 'migration.sql');
      return {
        path: d,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

export async function withSchemaEngine<T>(
  connection: ConnectionConfig,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const bindings = await loadWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(new MigrationAdapterFactory(connection));
  const logs: string[] = [];
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, readSchema()]] },
    (message: string) => logs.push(message),
    adapter,
  );
  try {
    return await work(engine);
  } catch (e) {
    const detail = e instanceof Error ? e.message : JSON.stringify(e);
    throw new Error(`Schema engine: ${detail}`);
  } finally {
    engine.free();
  }
}

/** Apply every migration not yet applied. Returns the names applied now. */
export async function applyMigrations(connection: ConnectionConfig): Promise<string[]> {
  return withSchemaEngine(connection, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: readMigrations(), filters: NO_FILTER });
    return result.appliedMigrationNames;
  });
}

/**
 * Write a new migration for the difference between the migrations and the schema; null if none.
 * (The wasm engine's createMigration cannot reach a shadow database through a driver adapter;
 * diff can, so the script comes from diff and is written in the standard layout here.)
 */
export async function createMigration(
  connection: ConnectionConfig,
  name: string,
  now = new Date(),
): Promise<string | null> {
  const script = await diffMigrationsToSchema(connection);
  if (!script) return null;
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'migration';
  const generated = `${stamp}_${slug}`;
  const dir = path.join(MIGRATIONS_DIR, generated);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'migration.sql'), `${script}\n`);
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  if (!existsSync(lockPath)) {
    writeFileSync(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return generated;
}

/** The SQL that would bring the migrations up to the schema: empty when they agree. */
export async function diffMigrationsToSchema(
  connection: ConnectionConfig,
  schema: string = readSchema(),
): Promise<string> {
  return withSchemaEngine(connection, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...readMigrations() },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    const script = (result.stdout ?? '').trim();
    return result.exitCode === 2 ? script : '';
  });
}
