// npm run db:seed            seed the demo data if the database has none yet
// npm run db:seed -- --force empty every table and seed again
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { openDatabase } from './db/database.ts';
import { applyMigrations } from './db/schema-engine.ts';
import { seedIfEmpty, truncateAll } from './db/seeding.ts';

const isForce = process.argv.includes('--force');
const log = (line: string) => console.log(line);
const database = await openDatabase({ log });
let exitCode = 0;
try {
  await applyMigrations(database.connection);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  try {
    if (isForce) await truncateAll(db);
    await seedIfEmpty(db, { now: new Date(), log });
  } finally {
    await db.$disconnect();
  }
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  await database.stop();
}
process.exit(exitCode);
