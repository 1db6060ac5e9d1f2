// npm run risk:train [-- --activate] — train a new risk model version from the inspected history
// in the database (embedded PostgreSQL or DATABASE_URL) and store it; --activate makes it active.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { openDatabase } from './db/database.ts';
import { trainFromHistory } from '../server/risk/training.ts';

const isActivate = process.argv.includes('--activate');
const log = (line: string) => console.log(line);
// When started by the portal itself (supervisor's button), DATABASE_URL is set: no cluster is started.
const database = await openDatabase({ log });
let exitCode = 0;
try {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  try {
    const started = Date.now();
    const outcome = await trainFromHistory(db, { now: new Date(), activate: isActivate });
    log(`Trained ${outcome.version} on ${outcome.rows} inspected items (${outcome.hits} hits) in ${((Date.now() - started) / 1000).toFixed(1)} s${isActivate ? ', activated' : ' (not active: activate it on the risk page or with --activate)'}.`);
    if (outcome.metrics) log(`Holdout (last 20% in time): AUC ${outcome.metrics.auc.toFixed(3)}, precision@5% ${outcome.metrics.precisionAt5.toFixed(3)}, precision@10% ${outcome.metrics.precisionAt10.toFixed(3)}`);
  } finally {
    await db.$disconnect();
  }
} catch (e) {
  console.error((e as Error).message);
  exitCode = 1;
} finally {
  await database.stop();
}
process.exit(exitCode);
