// npm run risk:train [-- --activate] — train a new risk model version from the inspected history
// in the database (embedded PostgreSQL or DATABASE_URL) and store it; --activate makes it active.
// It first rebuilds the reference prices of customs value control (as npm run risk:reference-prices).
// The run is recorded in the Setting 'risk.training' (running, then done with the version or failed
// with the error), which the supervisor's risk page shows. Started by the page's button, the run is
// already claimed (RISK_TRAINING_RUN_ID); started by hand, it claims one and refuses while another runs.
import { randomUUID } from 'node:crypto';
import { runWithClient } from './db/with-client.ts';
import { claimTrainingRun, finishTrainingRun, trainFromHistory } from '../server/risk/training.ts';

const isActivate = process.argv.includes('--activate');
const log = (line: string) => console.log(line);
const claimedRunId = process.env.RISK_TRAINING_RUN_ID || null;
// When started by the portal itself (supervisor's button), DATABASE_URL is set: no cluster is started.
await runWithClient(async (db) => {
  const runId = claimedRunId ?? randomUUID();
  if (!claimedRunId) await claimTrainingRun(db, { runId, now: new Date(), startedBy: 'npm run risk:train' });
  try {
    const started = Date.now();
    const outcome = await trainFromHistory(db, { now: new Date(), activate: isActivate });
    await finishTrainingRun(db, { runId, now: new Date(), version: outcome.version });
    log(
      `Trained ${outcome.version} on ${outcome.rows} inspected items (${outcome.hits} hits) in ${((Date.now() - started) / 1000).toFixed(1)} s${isActivate ? ', activated' : ' (not active: activate it on the risk page or with --activate)'}.`,
    );
    log(
      `Reference prices rebuilt first: ${outcome.referencePrices.rows} HS code and origin pairs from ${outcome.referencePrices.declarations} released declarations.`,
    );
    if (outcome.metrics) {
      log(
        `Holdout (last 20% in time): AUC ${outcome.metrics.auc.toFixed(3)}, precision@5% ${outcome.metrics.precisionAt5.toFixed(3)}, precision@10% ${outcome.metrics.precisionAt10.toFixed(3)}`,
      );
      const r = outcome.metrics.randomPicks;
      const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
      log(
        `Holdout, random picks only: ${r.items} items, hit rate ${fmt(r.hitRate)}, precision@10% ${fmt(r.precisionAt10)}, AUC ${fmt(r.auc)}`,
      );
    }
  } catch (e) {
    await finishTrainingRun(db, { runId, now: new Date(), error: (e as Error).message }).catch(() => false);
    throw e;
  }
}, log);
