// What the benchmarks (src/cli/bench*.ts) share: a fresh database on the test server seeded with
// the demo data, timing and percentiles, and the printed table of figures. Benchmarks print their
// figures and never assert them: timed tests would fail on a slow machine.
import { performance } from 'node:perf_hooks';
import { openTestServer, createFreshDatabase } from '../../tests/support/test-database.ts';

export type BenchFigure = { label: string; target: string; value: string };

/** The moment the benches seed the demo data at (the demo's day). */
export const BENCH_SEED_NOW = new Date('2026-11-28T12:00:00Z');

/** The p-th percentile (nearest rank) of the values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;

/** `fn` run `warmups` times untimed, then `runs` times timed: the times in milliseconds. */
export async function timeRuns(runs: number, warmups: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

type SeedOptions = {
  log: (line: string) => void;
  now?: Date;
  /** Also learn and activate a first risk model from the seeded inspections (as `npm start` does). */
  withRiskModel?: boolean;
};

/** The demo data in the empty database at `url`, through a client of its own. */
export async function seedDemoData(url: string, options: SeedOptions): Promise<void> {
  const now = options.now ?? BENCH_SEED_NOW;
  const { PrismaClient } = await import('../generated/prisma/client.ts');
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const seedClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    if (options.withRiskModel) {
      const { seedIfEmpty } = await import('./db/seeding.ts');
      await seedIfEmpty(seedClient, { now, log: options.log });
    } else {
      const { seedDatabase } = await import('../../prisma/seed/index.ts');
      options.log('Seeding the demo data …');
      await seedDatabase(seedClient, { now });
    }
  } finally {
    await seedClient.$disconnect();
  }
}

/**
 * `work` on a fresh database of the test server (TEST_DATABASE_SERVER_URL, DATABASE_URL's server,
 * or an embedded cluster), seeded with the demo data, with DATABASE_URL pointing at it. Afterwards,
 * whatever happened, the database is dropped and the server stopped; `work` disconnects its own clients.
 */
export async function withSeededDatabase<T>(
  options: SeedOptions & { prefix: string },
  work: () => Promise<T>,
): Promise<T> {
  const server = await openTestServer();
  const database = await createFreshDatabase(server.connection, options.prefix);
  process.env.DATABASE_URL = database.url;
  try {
    await seedDemoData(database.url, options);
    return await work();
  } finally {
    await database.drop();
    await server.stop();
  }
}

/** The figures as a table: figure, target, measured — the columns as wide as their longest entry. */
export function printFigures(figures: readonly BenchFigure[]): void {
  const width = Math.max(...figures.map((f) => f.label.length), 6) + 2;
  const targetWidth = Math.max(12, ...figures.map((f) => f.target.length + 2));
  console.log(`\n${'Figure'.padEnd(width)}${'Target'.padEnd(targetWidth)}Measured`);
  for (const f of figures) console.log(`${f.label.padEnd(width)}${f.target.padEnd(targetWidth)}${f.value}`);
}
