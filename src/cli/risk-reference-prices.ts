// npm run risk:reference-prices [-- --days N] — rebuild the reference prices of customs value
// control from the released declarations of the last N days (default 365) in the database
// (embedded PostgreSQL or DATABASE_URL). Every training run (npm run risk:train, the supervisor's
// button) does the same first; this command is for rebuilding without training.
import { runWithClient } from './db/with-client.ts';
import { rebuildReferencePrices, REFERENCE_WINDOW_DAYS } from '../server/risk/reference-prices.ts';

const log = (line: string) => console.log(line);
const daysArg = process.argv.indexOf('--days');
const windowDays = daysArg >= 0 ? Number(process.argv[daysArg + 1]) : REFERENCE_WINDOW_DAYS;
if (!Number.isInteger(windowDays) || windowDays < 1) {
  console.error('--days must be a whole number of days, at least 1.');
  process.exit(1);
}
await runWithClient(async (db) => {
  const r = await rebuildReferencePrices(db, { now: new Date(), windowDays });
  log(
    `Reference prices rebuilt from ${r.observations} items of ${r.declarations} released declarations (${r.from.toISOString().slice(0, 10)} to ${r.to.toISOString().slice(0, 10)}): ${r.rows} HS code and origin pairs with enough observations.`,
  );
}, log);
