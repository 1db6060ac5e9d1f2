import type { PrismaClient } from '../../generated/prisma/client.ts';
import { seedDatabase, SEED_VERSION } from '../../../prisma/seed/index.ts';
import { trainFromHistory } from '../../server/risk/training.ts';

/** Seed once: a database that already carries the seed marker is left as it is. */
export async function seedIfEmpty(
  db: PrismaClient,
  options: { now: Date; log: (line: string) => void },
): Promise<boolean> {
  const marker = await db.setting.findUnique({ where: { key: 'seed.version' } });
  if (marker) return false;
  const started = Date.now();
  options.log('Seeding demo data (reference data, demo users and a year of past declarations) …');
  await seedDatabase(db, { now: options.now, log: options.log });
  // A first risk model, learned from the seeded inspections, so the engine's model layer is live.
  const trained = await trainFromHistory(db, { now: options.now, label: 'seed', activate: true });
  options.log(
    `Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (seed version ${SEED_VERSION}); risk model ${trained.version} trained on ${trained.rows} inspected items and activated.`,
  );
  return true;
}

export async function truncateAll(db: PrismaClient): Promise<void> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}
