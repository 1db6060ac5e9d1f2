// npm run risk:eval -- --train <csv> --test <csv> [--seed N] [--save-model model.json]
//
// Trains the learned risk model on a Customs Import Declaration Datasets CSV, scores another one
// and prints ranking figures. The model goes through its stored form (JSON text → parseRiskModel)
// before scoring, exactly as production loads a model version. Last line: `precision@5%: 0.xxx`.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { datasetItems, missingColumns, parseCsv, type LabelledItem } from '../../lib/risk/dataset.ts';
import { evaluateRanking } from '../../lib/risk/metrics.ts';
import { parseRiskModel, scoreItems, trainRiskModel } from '../../lib/risk/model.ts';

const argsSchema = z.object({
  train: z.string().min(1, 'give --train <csv>'),
  test: z.string().min(1, 'give --test <csv>'),
  seed: z.coerce.number().int().optional(),
  'save-model': z.string().optional(),
});

/** `--name value` pairs → record (`--name=value` works too). */
function argRecord(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else out[a.slice(2)] = argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : '';
  }
  return out;
}

function fail(message: string): never {
  console.error(`risk:eval: ${message}`);
  process.exit(2);
}

function readDataset(path: string): LabelledItem[] {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    fail(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const table = parseCsv(text);
  const missing = missingColumns(table.header);
  if (missing.length > 0) fail(`${path} is missing columns: ${missing.join(', ')}`);
  if (table.rows.length === 0) fail(`${path} has no rows`);
  return datasetItems(table);
}

const fixed = (x: number, d = 3) => x.toFixed(d);
const money = (x: number) => x.toExponential(3);

const parsedArgs = argsSchema.safeParse(argRecord(process.argv.slice(2)));
if (!parsedArgs.success)
  fail(parsedArgs.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; '));
const args = parsedArgs.data;

const train = readDataset(args.train);
const test = readDataset(args.test);
const describe = (rows: LabelledItem[]) => `${rows.length} items, ${rows.filter((r) => r.fraud).length} fraud`;
console.log(`train: ${args.train} (${describe(train)})`);
console.log(`test:  ${args.test} (${describe(test)})`);

const t0 = performance.now();
const modelJson = trainRiskModel(
  train.map((r) => r.item),
  train.map((r) => r.fraud),
  args.seed === undefined ? {} : { seed: args.seed },
);
const trainSeconds = (performance.now() - t0) / 1000;
const stored = JSON.stringify(modelJson);
if (args['save-model']) fs.writeFileSync(args['save-model'], stored);

const t1 = performance.now();
const model = parseRiskModel(stored);
const loadMs = performance.now() - t1;

const testItems = test.map((r) => r.item);
const scores = scoreItems(model, testItems);
// Scoring speed: repeat the whole test file until at least a second has passed.
let scored = 0;
const t2 = performance.now();
while (performance.now() - t2 < 1000) {
  scoreItems(model, testItems);
  scored += testItems.length;
}
const itemsPerSecond = scored / ((performance.now() - t2) / 1000);

const report = evaluateRanking(
  scores,
  test.map((r) => r.fraud),
  test.map((r) => r.revenue),
);
console.log(
  `model: ${model.version}, ${modelJson.forest.roots.length} trees, ${model.encoders.length} encoded keys, ${(stored.length / 1e6).toFixed(1)} MB JSON`,
);
console.log(`training: ${fixed(trainSeconds, 1)} s; model load: ${fixed(loadMs, 0)} ms`);
console.log('');
console.log('top n%  inspected  precision  recall  revenue(fraud)  revenue share');
for (const r of report.rates) {
  console.log(
    `${`${r.fraction * 100}%`.padEnd(6)}  ${String(r.inspected).padStart(9)}  ${fixed(r.precision).padStart(9)}  ${fixed(r.recall).padStart(6)}  ${money(r.revenue).padStart(14)}  ${fixed(r.revenueShare).padStart(13)}`,
  );
}
console.log('');
console.log(`AUC: ${fixed(report.auc, 4)}`);
console.log(`scoring: ${Math.round(itemsPerSecond)} items/s (encode + trees, one core)`);
const at5 = report.rates.find((r) => r.fraction === 0.05);
console.log(`precision@5%: ${fixed(at5 ? at5.precision : NaN)}`);
