// npm run bench:risk — the risk engine's figures: scoring speed on one core, assessing a registered
// declaration (load context, score, store), and training time on 40,000 rows. Printed, not asserted.
import { performance } from 'node:perf_hooks';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './db/schema-engine.ts';
import { ms, percentile, printFigures, withSeededDatabase, type BenchFigure } from './bench-support.ts';

const log = (line: string) => console.log(`[bench:risk] ${line}`);
const figures: BenchFigure[] = [];

const { trainRiskModel, parseRiskModel, scoreItems } = await import('../../lib/risk/model.ts');
const { parseCsv, datasetItems } = await import('../../lib/risk/dataset.ts');

// 1 + 3. Training on 40,000 rows and scoring speed, on the public benchmark when it is at hand.
const benchmark = path.resolve(ROOT, '..', 'shared', 'data', 'df_syn_train_eng.csv');
if (existsSync(benchmark)) {
  // The train split has 37,385 rows; the validation split tops it up to 40,000.
  const valid = benchmark.replace('df_syn_train_eng.csv', 'df_syn_valid_eng.csv');
  const rows = [benchmark, valid]
    .filter((f) => existsSync(f))
    .flatMap((f) => datasetItems(parseCsv(readFileSync(f, 'utf8'))));
  const items = rows.map((r) => r.item);
  const labels = rows.map((r) => r.fraud);
  const training = items.slice(0, 40_000);
  const t0 = performance.now();
  const json = trainRiskModel(training, labels.slice(0, 40_000));
  figures.push({
    label: `training on ${training.length.toLocaleString('en')} rows (public benchmark)`,
    target: '< 60 s',
    value: `${((performance.now() - t0) / 1000).toFixed(1)} s`,
  });
  const model = parseRiskModel(json);
  const batch = Array.from({ length: 100_000 }, (_, i) => items[i % items.length]);
  scoreItems(model, batch.slice(0, 5000));
  const t1 = performance.now();
  scoreItems(model, batch);
  const seconds = (performance.now() - t1) / 1000;
  figures.push({
    label: 'scoring, items per second on one core (100,000 items)',
    target: '≥ 100,000',
    value: Math.round(batch.length / seconds).toLocaleString('en'),
  });
} else {
  log(`The public benchmark is not at ${benchmark}: training and scoring speed are skipped.`);
}

// 2. Assessing a registered declaration inside a transaction, on the seeded demo data with its model.
await withSeededDatabase({ prefix: 'csw_bench_risk', log, withRiskModel: true }, async () => {
  const { db } = await import('../server/db.ts');
  const { assessRegisteredDeclaration } = await import('../server/risk/assess.ts');
  const registered = await db.declaration.findMany({
    where: { registrationNumber: { not: null } },
    select: { id: true },
    take: 230,
    orderBy: { registeredAt: 'desc' },
  });
  const times: number[] = [];
  for (const [i, d] of registered.entries()) {
    const t0 = performance.now();
    await db.$transaction((tx) =>
      assessRegisteredDeclaration(tx, { declarationId: d.id, now: new Date('2026-11-28T12:00:00Z') }),
    );
    if (i >= 30) times.push(performance.now() - t0);
  }
  figures.push({
    label: `assessing a registered declaration (context, score, store), p95 over ${times.length}`,
    target: '< 50 ms',
    value: ms(percentile(times, 95)),
  });
  await db.$disconnect();
});

printFigures(figures);
