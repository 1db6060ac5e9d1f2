// npm run bench:start — how long `npm start` takes on a fresh clone (after npm install) to serve its
// first page, and how long a second start takes. Prints the figures; it is a measurement, not a test.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { ROOT } from './db/schema-engine.ts';
import { findFreePort } from './db/postgres-cluster.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'csw-bench-start-'));
const clone = path.join(work, 'clone');

function sh(cmd: string, args: string[], cwd = ROOT) {
  execFileSync(cmd, args, { cwd, stdio: 'inherit' });
}

async function waitForPage(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited early (code ${child.exitCode})`);
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No page at ${url} within ${timeoutMs / 1000} s`);
}

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function timedStart(label: string, port: number, pgPort: number): Promise<number> {
  const started = Date.now();
  const child = spawn('npm', ['start'], {
    cwd: clone,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      NEXTAUTH_SECRET: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  try {
    await waitForPage(`http://localhost:${port}/sign-in`, child, 300_000);
  } catch (e) {
    console.error(output);
    throw e;
  }
  const seconds = (Date.now() - started) / 1000;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid!, 'SIGTERM'); // as a supervisor would: to npm alone
  await exited;
  const stopped = Date.now();
  let leftovers: string[] = [];
  for (;;) {
    leftovers = [
      (await isPortOpen(port)) ? `app still on ${port}` : null,
      (await isPortOpen(pgPort)) ? `PostgreSQL still on ${pgPort}` : null,
    ].filter((x): x is string => x !== null);
    if (leftovers.length === 0 || Date.now() - stopped > 20_000) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const after = ((Date.now() - stopped) / 1000).toFixed(1);
  console.log(
    `${label}: first page served after ${seconds.toFixed(1)} s; SIGTERM → ${leftovers.length ? `after ${after} s still running: ${leftovers.join(', ')}` : `everything stopped within ${after} s`}`,
  );
  return seconds;
}

try {
  console.log(`Fresh clone of HEAD in ${clone} (node_modules copied, as after npm install) …`);
  sh('git', ['clone', '--quiet', ROOT, clone]);
  try {
    sh('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules')]);
  } catch {
    sh('cp', ['-a', path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules')]);
  }
  sh('npm', ['run', '-s', 'prisma:generate'], clone);
  if (existsSync(path.join(clone, '.next'))) throw new Error('the clone already has a build');
  const port = await findFreePort(3200);
  const pgPort = await findFreePort(55432);
  const first = await timedStart('First start (migrate, seed, build)', port, pgPort);
  const second = await timedStart('Second start (data and build reused)', port, pgPort);
  console.log(`\nnpm start, fresh clone → first page: ${first.toFixed(1)} s (target < 90 s)`);
  console.log(`npm start, second start → first page: ${second.toFixed(1)} s (target < 15 s)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
