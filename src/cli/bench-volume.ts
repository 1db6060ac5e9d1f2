// The volume bench (issue 4): with 1,000,000 declarations in the database, how fast are the work
// queue's first page and the statistics dashboard, and do 1,000 parallel registrations stay
// correct (one assignment each, open work balanced between the on-duty inspectors)?
//
//   node --import tsx src/cli/bench-volume.ts        (or benchVolume() from src/cli/bench.ts)
//
// A fresh database on the test server (TEST_DATABASE_SERVER_URL, DATABASE_URL's server, or an
// embedded cluster), the demo seed, then a year of history generated in SQL (generate_series,
// INSERT … SELECT; triggers and foreign-key checks off for the load, secondary indexes rebuilt
// after it), the statistics rebuilt, VACUUM ANALYZE, and the measurements. Printed, never asserted.
// BENCH_DECLARATIONS and BENCH_REGISTRATIONS change the volumes (defaults 1,000,000 and 1,000);
// BENCH_KEEP_DATABASE=1 keeps the database on a given server (TEST_DATABASE_SERVER_URL) for EXPLAIN.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { openTestServer, createFreshDatabase } from '../../tests/support/test-database.ts';
import { ms, percentile, printFigures, seedDemoData, timeRuns, type BenchFigure } from './bench-support.ts';

/** The bench's clock: the history ends an hour before it; registrations happen at it. */
const NOW = new Date('2026-11-28T12:00:00Z');
const BUSY_POST = '26001'; // ~10% of the volume, the demo supervisor's and inspector's post
const BENCH_POST = '49501';
const BENCH_INSPECTORS = 10;
/** Registrations in flight at once (each holds a connection of the pool of 100). */
const SUBMIT_CONCURRENCY = 64;

/** Share of the volume per seeded post (they sum to 1). */
const POST_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['12001', 0.12],
  ['18001', 0.08],
  ['23001', 0.15],
  ['26001', 0.1],
  ['26002', 0.15],
  ['26003', 0.25],
  ['30001', 0.15],
];

const count = (n: number) => n.toLocaleString('en-GB');

/** Run `fn` over `items`, at most `limit` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

/** CASE expression choosing a post code from a uniform random column by the weights above. */
function postCase(column: string): string {
  let acc = 0;
  const arms = POST_WEIGHTS.map(([code, weight], i) => {
    acc += weight;
    return i === POST_WEIGHTS.length - 1 ? `ELSE '${code}'` : `WHEN ${column} < ${acc.toFixed(4)} THEN '${code}'`;
  });
  return `CASE ${arms.join(' ')} END`;
}

const LOADED_TABLES = [
  'Declaration',
  'DeclarationItem',
  'RiskAssessment',
  'Assignment',
  'Inspection',
  'AssessedPayment',
  'Payment',
];

/**
 * The history, in SQL. One row of `bench_d` per declaration with everything derived from it;
 * then one INSERT … SELECT per table, in order of time as a year of work would have written them
 * (so that a day's rows sit together on disk, as they do in production). Shares follow the seed and the founding
 * article: ~62% of imports and ~83% of exports green, a quarter of the rest yellow, hit rates of
 * 12% (documents) and 30% (examinations), most declarations released, some refused or withdrawn, and
 * the last hours' yellow and red ones still open with the post's on-duty inspectors.
 */
function historySql(n: number): string[] {
  const now = `'${NOW.toISOString()}'::timestamp`;
  return [
    `SELECT setseed(0.42)`,
    `CREATE TEMP TABLE bench_posts AS
       SELECT p.id, p.code,
         (SELECT array_agg(u.id ORDER BY u."officerNumber") FROM "User" u WHERE u."postId" = p.id AND u.role = 'INSPECTOR') AS inspectors,
         (SELECT array_agg(u.id ORDER BY u."officerNumber") FROM "User" u WHERE u."postId" = p.id AND u.role = 'INSPECTOR' AND u."isOnDuty") AS on_duty
       FROM "CustomsPost" p WHERE p.code IN (${POST_WEIGHTS.map(([c]) => `'${c}'`).join(', ')})`,
    `CREATE TEMP TABLE bench_companies AS
       SELECT row_number() OVER (ORDER BY c.tin) - 1 AS k, c.id, (SELECT u.id FROM "User" u WHERE u."companyId" = c.id ORDER BY u.email LIMIT 1) AS trader_id
       FROM "Company" c`,
    `CREATE TEMP TABLE bench_goods AS
       SELECT row_number() OVER (ORDER BY "hsCode") - 1 AS k, "hsCode", description FROM (SELECT "hsCode", description FROM "TariffLine" ORDER BY "hsCode" LIMIT 200) t`,
    `CREATE TEMP TABLE bench_d AS
     WITH base AS (
       SELECT g, random() AS rp, random() AS rr, random() AS rc, random() AS rt, random() AS ro, random() AS rh, random() AS ri, random() AS rx,
         random() AS rk, random() AS rg, greatest(random(), 1e-9) AS n1, random() AS n2
       FROM generate_series(1, ${n}) AS g
     ), chosen AS (
       SELECT base.*, ${postCase('rp')} AS post_code,
         CASE WHEN rr < .60 THEN 'IM40' WHEN rr < .88 THEN 'EK10' WHEN rr < .92 THEN 'TR80' WHEN rr < .95 THEN 'IM31' WHEN rr < .97 THEN 'EK31' ELSE 'IM70' END AS regime,
         sqrt(-2 * ln(n1)) * cos(2 * pi() * n2) AS z,
         ${now} - interval '1 hour' - rt * interval '365 days' AS reg
       FROM base
     ), routed AS (
       SELECT chosen.*,
         CASE WHEN regime IN ('IM40', 'IM31', 'IM70') THEN 'IMPORT' WHEN regime IN ('EK10', 'EK31') THEN 'EXPORT' ELSE 'TRANSIT' END AS direction
       FROM chosen
     ), channelled AS (
       SELECT routed.*,
         CASE direction
           WHEN 'IMPORT' THEN CASE WHEN rc < .62 THEN 'GREEN' WHEN rc < .64 THEN 'BLUE' WHEN rc < .74 THEN 'YELLOW' ELSE 'RED' END
           WHEN 'EXPORT' THEN CASE WHEN rc < .83 THEN 'GREEN' WHEN rc < .85 THEN 'BLUE' WHEN rc < .90 THEN 'YELLOW' ELSE 'RED' END
           ELSE CASE WHEN rc < .75 THEN 'GREEN' WHEN rc < .85 THEN 'YELLOW' ELSE 'RED' END
         END AS channel
       FROM routed
     ), timed AS (
       SELECT channelled.*,
         CASE channel WHEN 'YELLOW' THEN least(240, greatest(10, 55 * exp(0.7 * z))) WHEN 'RED' THEN least(2880, greatest(60, 420 * exp(0.8 * z))) ELSE 1 + ro * 9 END AS minutes
       FROM channelled
     ), ended AS (
       SELECT timed.*, reg + minutes * interval '1 minute' AS end_at,
         CASE
           WHEN channel IN ('YELLOW', 'RED') AND reg + minutes * interval '1 minute' > ${now} THEN 'ASSIGNED'
           WHEN channel IN ('YELLOW', 'RED') THEN CASE WHEN rh < .065 THEN 'WITHDRAWN' WHEN rh < .12 THEN 'REFUSED' ELSE 'RELEASED' END
           ELSE CASE WHEN rh < .016 THEN 'WITHDRAWN' ELSE 'RELEASED' END
         END AS status,
         round((1000 + ro * 50000)::numeric, 2) AS invoice_total
       FROM timed
     )
     SELECT e.g, md5('bench-declaration:' || e.g)::uuid AS id, e.regime, e.direction, e.channel, e.status, e.reg, e.end_at, e.minutes, e.z,
       e.rh, e.ri, e.rx, e.ro, e.invoice_total, round(e.invoice_total * 12650, 2) AS customs_value,
       p.id AS post_id, p.code AS post_code, c.id AS company_id, c.trader_id, gd."hsCode" AS hs_code, gd.description,
       CASE WHEN e.channel NOT IN ('YELLOW', 'RED') THEN NULL
            WHEN e.status = 'ASSIGNED' THEN p.on_duty[1 + floor(e.ri * coalesce(cardinality(p.on_duty), 0))::int]
            ELSE p.inspectors[1 + floor(e.ri * cardinality(p.inspectors))::int] END AS inspector_id
     FROM ended e
     JOIN bench_posts p ON p.code = e.post_code
     JOIN bench_companies c ON c.k = floor(e.rk * (SELECT count(*) FROM bench_companies))::int
     JOIN bench_goods gd ON gd.k = floor(e.rg * (SELECT count(*) FROM bench_goods))::int`,
    `INSERT INTO "Declaration" ("id", "companyId", "createdById", "postId", "regime", "status", "channel", "registrationNumber", "version",
       "consignorName", "consignorCountry", "consignorAddress", "consigneeName", "consigneeCountry", "consigneeAddress", "dispatchCountry", "destinationCountry",
       "transportMode", "transportDocument", "incoterm", "invoiceCurrency", "invoiceTotal", "createdAt", "updatedAt", "submittedAt", "registeredAt", "releasedAt")
     SELECT id, company_id, trader_id, post_id, regime::"Regime", status::"DeclarationStatus", channel::"Channel",
       post_code || '/' || to_char(reg + interval '5 hours', 'YYMMDD') || '/' || lpad((5000000 + g)::text, 7, '0'), 4,
       'Bench partner', CASE direction WHEN 'EXPORT' THEN 'UZ' ELSE 'CN' END, 'Bench street 1', 'Bench consignee', CASE direction WHEN 'EXPORT' THEN 'KZ' ELSE 'UZ' END, 'Bench street 2',
       CASE direction WHEN 'EXPORT' THEN 'UZ' ELSE 'CN' END, CASE direction WHEN 'EXPORT' THEN 'KZ' ELSE 'UZ' END,
       'ROAD', 'CMR ' || g, 'FCA', 'USD', invoice_total, reg - interval '30 minutes', least(end_at, ${now}), reg, reg,
       CASE WHEN status = 'RELEASED' THEN end_at END
     FROM bench_d ORDER BY reg, g`,
    `INSERT INTO "DeclarationItem" ("id", "declarationId", "lineNo", "hsCode", "description", "originCountry", "grossMass", "netMass", "quantity", "supplementaryUnit", "invoiceValue", "customsValue")
     SELECT md5('bench-item:' || g)::uuid, id, 1, hs_code, description, CASE direction WHEN 'EXPORT' THEN 'UZ' ELSE 'CN' END,
       round((100 + ro * 5000)::numeric, 3), round((95 + ro * 4800)::numeric, 3), round((95 + ro * 4800)::numeric, 3), 'KG', invoice_total, customs_value
     FROM bench_d ORDER BY reg, g`,
    `INSERT INTO "RiskAssessment" ("id", "declarationId", "score", "channel", "reasons", "modelVersion", "isRandomPick", "createdAt")
     SELECT md5('bench-risk:' || g)::uuid, id,
       (CASE channel WHEN 'GREEN' THEN 2 + rx * 37 WHEN 'BLUE' THEN 25 + rx * 20 WHEN 'YELLOW' THEN 40 + rx * 29 ELSE 70 + rx * 29 END)::int,
       channel::"Channel", '[]'::jsonb, 'bench', false, reg
     FROM bench_d ORDER BY reg, g`,
    `INSERT INTO "Assignment" ("id", "declarationId", "postId", "inspectorId", "reason", "assignedAt", "closedAt")
     SELECT md5('bench-assignment:' || g)::uuid, id, post_id, inspector_id, CASE WHEN inspector_id IS NULL THEN 'POOL' ELSE 'AUTOMATIC' END, reg,
       CASE WHEN status = 'ASSIGNED' THEN NULL ELSE end_at END
     FROM bench_d WHERE channel IN ('YELLOW', 'RED') ORDER BY reg, g`,
    `INSERT INTO "Inspection" ("id", "declarationId", "riskAssessmentId", "inspectorId", "kind", "findings", "isHit", "additionalRevenue", "at")
     SELECT md5('bench-inspection:' || g)::uuid, id, md5('bench-risk:' || g)::uuid, inspector_id,
       (CASE channel WHEN 'RED' THEN 'PHYSICAL_EXAMINATION' ELSE 'DOCUMENT_CHECK' END)::"InspectionKind",
       'Bench inspection', rx < CASE channel WHEN 'RED' THEN .30 ELSE .12 END,
       CASE WHEN rx < CASE channel WHEN 'RED' THEN .30 ELSE .12 END THEN round((100000 + ro * 20000000)::numeric, 2) ELSE 0 END,
       reg + minutes * 0.6 * interval '1 minute'
     FROM bench_d WHERE channel IN ('YELLOW', 'RED') AND status IN ('RELEASED', 'REFUSED')
     UNION ALL
     SELECT md5('bench-audit:' || g)::uuid, id, md5('bench-risk:' || g)::uuid, (SELECT p.inspectors[1] FROM bench_posts p WHERE p.id = post_id),
       'POST_CLEARANCE_AUDIT'::"InspectionKind", 'Bench audit', rx < .2, CASE WHEN rx < .2 THEN round((50000 + ro * 5000000)::numeric, 2) ELSE 0 END,
       reg + interval '30 days'
     FROM bench_d WHERE channel = 'BLUE' AND status = 'RELEASED' AND reg + interval '30 days' < ${now} - interval '1 hour'
     ORDER BY 9`,
    // Duty 10% (imports), VAT 12% of value plus duty (imports), the fee 0.2% (floor 100,000, cap 20,000,000); secured for TR80 and IM31.
    `INSERT INTO "AssessedPayment" ("id", "declarationId", "itemId", "assessmentNo", "paymentType", "base", "amount", "isSecured", "createdAt")
     SELECT md5('bench-assessed:' || g || ':' || t.type)::uuid, id, CASE WHEN t.type = 'FEE' THEN NULL ELSE md5('bench-item:' || g)::uuid END, 1, t.type::"PaymentType",
       customs_value, t.amount, regime IN ('TR80', 'IM31'), reg
     FROM bench_d
     CROSS JOIN LATERAL (VALUES
       ('DUTY', CASE WHEN direction = 'IMPORT' THEN round(customs_value * 0.10, 2) ELSE 0 END),
       ('VAT', CASE WHEN direction = 'IMPORT' THEN round(customs_value * 1.10 * 0.12, 2) ELSE 0 END),
       ('FEE', least(20000000, greatest(100000, round(customs_value * 0.002, 2))))
     ) AS t(type, amount)
     ORDER BY reg, g, t.type`,
    `INSERT INTO "Payment" ("id", "declarationId", "companyId", "idempotencyKey", "amount", "status", "receiptNumber", "actorId", "at")
     SELECT md5('bench-payment:' || g)::uuid, id, company_id, 'bench-' || g,
       CASE WHEN direction = 'IMPORT' THEN round(customs_value * 0.10, 2) + round(customs_value * 1.10 * 0.12, 2) ELSE 0 END + least(20000000, greatest(100000, round(customs_value * 0.002, 2))),
       'COMPLETED', 'BENCH-' || g, trader_id, reg + minutes * 0.5 * interval '1 minute'
     FROM bench_d WHERE status = 'RELEASED' AND regime NOT IN ('TR80', 'IM31')
     ORDER BY reg, g`,
  ];
}

/** Drop the loaded tables' secondary indexes, load, rebuild them: far faster than maintaining them row by row. */
async function loadWithoutSecondaryIndexes(client: pg.Client, load: () => Promise<void>): Promise<number> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [LOADED_TABLES],
  );
  for (const r of rows) await client.query(`DROP INDEX "${r.indexname}"`);
  try {
    await load();
  } finally {
    for (const r of rows) await client.query(r.indexdef);
  }
  return rows.length;
}

export async function benchVolume(
  options: { declarations?: number; registrations?: number; log?: (line: string) => void } = {},
): Promise<BenchFigure[]> {
  const declarations = options.declarations ?? Number(process.env.BENCH_DECLARATIONS ?? 1_000_000);
  const registrations = options.registrations ?? Number(process.env.BENCH_REGISTRATIONS ?? 1_000);
  const log = options.log ?? ((line: string) => console.log(`[bench:volume] ${line}`));
  const figures: BenchFigure[] = [];
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

  const server = await openTestServer();
  const database = await createFreshDatabase(server.connection, 'csw_volume');
  const previousUrl = process.env.DATABASE_URL;
  const previousPool = process.env.DATABASE_POOL_SIZE;
  // 1,000 registrations at once need connections: the embedded server allows 300.
  process.env.DATABASE_POOL_SIZE = previousPool ?? '100';
  const { disconnectDb } = await import('../server/db.ts');
  await disconnectDb(); // a caller's client points at its own database
  process.env.DATABASE_URL = database.url;
  const bulk = new pg.Client({ connectionString: database.url });

  try {
    await seedDemoData(database.url, { now: NOW, log });

    // ── The history ─────────────────────────────────────────────────────────
    log(
      `Generating ${count(declarations)} declarations with items, risk assessments, assignments, inspections, assessments and payments …`,
    );
    await bulk.connect();
    // Bulk load: no triggers, no foreign-key checks (the ids are consistent by construction), big sorts.
    await bulk.query(`SET session_replication_role = replica`);
    await bulk.query(`SET work_mem = '256MB'`);
    await bulk.query(`SET maintenance_work_mem = '512MB'`);
    const loadStart = performance.now();
    const indexes = await loadWithoutSecondaryIndexes(bulk, async () => {
      for (const statement of historySql(declarations)) {
        const t0 = performance.now();
        await bulk.query(statement);
        const what = /^\s*(INSERT INTO "\w+"|CREATE TEMP TABLE \w+)/.exec(statement)?.[1];
        if (what) log(`  ${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    });
    await bulk.query(`SET session_replication_role = origin`);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const sizes = (
      await bulk.query<{ table: string; rows: string }>(
        `SELECT 'Declaration' AS table, count(*)::text AS rows FROM "Declaration" UNION ALL SELECT 'DeclarationItem', count(*)::text FROM "DeclarationItem"
         UNION ALL SELECT 'RiskAssessment', count(*)::text FROM "RiskAssessment" UNION ALL SELECT 'Assignment', count(*)::text FROM "Assignment"
         UNION ALL SELECT 'Inspection', count(*)::text FROM "Inspection" UNION ALL SELECT 'AssessedPayment', count(*)::text FROM "AssessedPayment"
         UNION ALL SELECT 'Payment', count(*)::text FROM "Payment"`,
      )
    ).rows;
    log(
      `Loaded in ${loadSeconds.toFixed(0)} s (${indexes} secondary indexes rebuilt): ${sizes.map((s) => `${s.table} ${count(Number(s.rows))}`).join(', ')}`,
    );
    figures.push({
      label: `load: ${count(declarations)} declarations and their rows (generate_series)`,
      target: 'minutes',
      value: `${loadSeconds.toFixed(0)} s`,
    });

    const { rebuildStatistics } = await import('../server/statistics/refresh.ts');
    const rebuildStart = performance.now();
    const rebuilt = await rebuildStatistics();
    const rebuildSeconds = (performance.now() - rebuildStart) / 1000;
    log(`Statistics rebuilt for ${rebuilt.days} days in ${rebuildSeconds.toFixed(1)} s; VACUUM ANALYZE …`);
    figures.push({
      label: `statistics: full rebuild of ${rebuilt.days} days (after a bulk load only)`,
      target: '—',
      value: `${rebuildSeconds.toFixed(1)} s`,
    });
    await bulk.query('VACUUM ANALYZE');

    // ── The work queue ──────────────────────────────────────────────────────
    const { db } = await import('../server/db.ts');
    const { listWorkQueue } = await import('../server/officer/queue.ts');
    const actorOf = (u: {
      id: string;
      role: 'TRADER' | 'INSPECTOR' | 'SUPERVISOR' | 'AGENCY_OFFICER' | 'ADMIN';
      email: string;
      name: string;
      companyId: string | null;
      postId: string | null;
      authorityId: string | null;
    }) => ({
      userId: u.id,
      role: u.role,
      email: u.email,
      name: u.name,
      companyId: u.companyId,
      postId: u.postId,
      authorityId: u.authorityId,
    });
    const busyPost = await db.customsPost.findUniqueOrThrow({ where: { code: BUSY_POST } });
    const [inspectorRow] = await db.$queryRaw<{ id: string; open: number }[]>`
      SELECT a."inspectorId"::text AS id, count(*)::int AS open FROM "Assignment" a
      WHERE a."closedAt" IS NULL AND a."inspectorId" IS NOT NULL AND a."postId" = ${busyPost.id}::uuid GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
    const inspector = actorOf(
      await db.user.findUniqueOrThrow({
        where: inspectorRow ? { id: inspectorRow.id } : { email: 'inspector@customs.uz' },
      }),
    );
    const supervisor = actorOf(await db.user.findUniqueOrThrow({ where: { email: 'supervisor@customs.uz' } }));
    const admin = actorOf(await db.user.findUniqueOrThrow({ where: { email: 'admin@customs.uz' } }));
    const postDeclarations = await db.declaration.count({ where: { postId: busyPost.id } });
    const postOpen = await db.assignment.count({ where: { postId: busyPost.id, closedAt: null } });

    const inspectorQueue = await timeRuns(50, 5, () => listWorkQueue({ actor: inspector, page: 1, now: NOW }));
    figures.push({
      label: `queue, first page: inspector ${inspector.email} (${inspectorRow?.open ?? 0} open), p95 of 50`,
      target: '< 50 ms',
      value: ms(percentile(inspectorQueue, 95)),
    });
    const supervisorQueue = await timeRuns(50, 5, () => listWorkQueue({ actor: supervisor, page: 1, now: NOW }));
    figures.push({
      label: `queue, first page: supervisor of ${BUSY_POST} (${count(postDeclarations)} declarations, ${postOpen} open), p95 of 50`,
      target: '< 50 ms',
      value: ms(percentile(supervisorQueue, 95)),
    });

    // ── The dashboard ───────────────────────────────────────────────────────
    const { getDashboard } = await import('../server/statistics/dashboard.ts');
    const { serviceDate } = await import('../../lib/time.ts');
    const { addDays } = await import('../../lib/statistics/days.ts');
    const to = serviceDate(NOW);
    const year = { from: addDays(to, -364), to };
    const supervisorYear = await getDashboard({ actor: supervisor, query: year });
    const supervisorTimes = await timeRuns(30, 3, () => getDashboard({ actor: supervisor, query: year }));
    figures.push({
      label: `dashboard: supervisor of ${BUSY_POST}, one year (${count(supervisorYear.declarations.total.registered)} declarations, percentiles ${supervisorYear.releaseTimes.method}), p95 of 30`,
      target: '< 300 ms',
      value: ms(percentile(supervisorTimes, 95)),
    });
    const adminYear = await getDashboard({ actor: admin, query: year });
    const adminTimes = await timeRuns(30, 3, () => getDashboard({ actor: admin, query: year }));
    figures.push({
      label: `dashboard: administrator, all posts, one year (${count(adminYear.declarations.total.registered)} declarations, percentiles ${adminYear.releaseTimes.method}), p95 of 30`,
      target: '< 300 ms',
      value: ms(percentile(adminTimes, 95)),
    });
    const month = { from: addDays(to, -29), to };
    const monthTimes = await timeRuns(30, 3, () => getDashboard({ actor: supervisor, query: month }));
    figures.push({
      label: `dashboard: supervisor of ${BUSY_POST}, last 30 days (exact percentiles), p95 of 30`,
      target: '< 300 ms',
      value: ms(percentile(monthTimes, 95)),
    });

    // ── 1,000 parallel registrations ────────────────────────────────────────
    const { hashPassword } = await import('../server/auth/password.ts');
    const { createDeclarationDraft } = await import('../server/declarations/drafts.ts');
    const { submitDeclaration } = await import('../server/declarations/submit.ts');
    log(
      `Registering ${count(registrations)} declarations in parallel at post ${BENCH_POST} (${BENCH_INSPECTORS} inspectors on duty) …`,
    );
    const post = await db.customsPost.create({
      data: { code: BENCH_POST, name: 'Volume bench post', region: 'Bench' },
    });
    const company = await db.company.create({
      data: { tin: '499500001', name: 'Volume Bench Trading LLC', address: 'Tashkent' },
    });
    const passwordHash = await hashPassword('bench-volume');
    const trader = actorOf(
      await db.user.create({
        data: {
          email: 'bench-volume-trader@example.uz',
          name: 'Bench trader',
          passwordHash,
          role: 'TRADER',
          companyId: company.id,
        },
      }),
    );
    for (let i = 1; i <= BENCH_INSPECTORS; i++) {
      await db.user.create({
        data: {
          email: `bench-volume-inspector-${i}@example.uz`,
          name: `Bench inspector ${i}`,
          passwordHash,
          role: 'INSPECTOR',
          postId: post.id,
          isOnDuty: true,
          officerNumber: `INS-${BENCH_POST}-${String(i).padStart(2, '0')}`,
        },
      });
    }
    await db.user.create({
      data: {
        email: 'bench-volume-inspector-off@example.uz',
        name: 'Bench inspector off duty',
        passwordHash,
        role: 'INSPECTOR',
        postId: post.id,
        isOnDuty: false,
        officerNumber: `INS-${BENCH_POST}-99`,
      },
    });
    // A supervisor's standing rule: everything at the bench post gets a document check, so every
    // registration is distributed (the risk engine would send most of these green).
    await db.riskProfile.create({
      data: {
        name: 'Bench post: document check',
        conditions: { postCodes: [BENCH_POST] },
        forcedChannel: 'YELLOW',
        validFrom: new Date('2026-01-01T00:00:00Z'),
        instructions: 'Bench',
        createdAt: NOW,
        updatedAt: NOW,
      },
    });
    const day = (n: number) => serviceDate(new Date(NOW.getTime() - n * 86_400_000));
    const draft = {
      regime: 'IM40',
      postCode: BENCH_POST,
      consignorName: 'Almaty Cotton LLP',
      consignorCountry: 'KZ',
      consignorAddress: 'Almaty, Abay 10',
      consigneeName: 'Volume Bench Trading LLC',
      consigneeCountry: 'UZ',
      consigneeAddress: 'Tashkent',
      dispatchCountry: 'KZ',
      destinationCountry: 'UZ',
      transportMode: 'ROAD',
      transportDocument: 'CMR 500100',
      incoterm: 'DAP',
      invoiceCurrency: 'USD',
      invoiceTotal: '1500.00',
      documents: [
        { type: 'INVOICE', number: 'INV-BENCH-1', date: day(3) },
        { type: 'TRANSPORT_DOCUMENT', number: 'CMR 500100', date: day(2) },
      ],
      items: [
        {
          hsCode: '5201000000',
          description: 'Raw cotton',
          originCountry: 'KZ',
          grossMass: '1010',
          netMass: '1000',
          quantity: '1000',
          supplementaryUnit: 'KG',
          invoiceValue: '1500.00',
        },
      ],
    };
    const ids: string[] = new Array(registrations);
    await eachLimited(
      Array.from({ length: registrations }, (_, i) => i),
      50,
      async (i) => {
        ids[i] = (await createDeclarationDraft({ actor: trader, input: draft, now: NOW })).id;
      },
    );
    const submitStart = performance.now();
    // All submitted together, at most SUBMIT_CONCURRENCY in flight: each holds a pooled connection
    // for its transaction, and a transaction that waits too long for one is refused by Prisma.
    const failures: unknown[] = [];
    await eachLimited(ids, SUBMIT_CONCURRENCY, async (declarationId) => {
      await submitDeclaration({ actor: trader, declarationId, now: new Date(NOW.getTime() + 60_000) }).catch(
        (e: unknown) => void failures.push(e),
      );
    });
    const submitSeconds = (performance.now() - submitStart) / 1000;
    const failed = failures;
    if (failed.length) log(`${failed.length} registrations failed, the first: ${String(failed[0])}`);
    const [check] = await db.$queryRaw<
      { registered: number; numbers: number; exactlyOne: number; none: number; several: number; distributed: number }[]
    >`
      SELECT count(*) FILTER (WHERE d."registrationNumber" IS NOT NULL)::int AS registered, count(DISTINCT d."registrationNumber")::int AS numbers,
        count(*) FILTER (WHERE a.n = 1)::int AS "exactlyOne", count(*) FILTER (WHERE a.n = 0)::int AS none, count(*) FILTER (WHERE a.n > 1)::int AS several,
        count(*) FILTER (WHERE d."channel" IN ('YELLOW', 'RED'))::int AS distributed
      FROM "Declaration" d CROSS JOIN LATERAL (SELECT count(*) AS n FROM "Assignment" x WHERE x."declarationId" = d."id") a
      WHERE d."id" = ANY(${ids}::uuid[])`;
    const open = await db.$queryRaw<{ open: number; isOnDuty: boolean }[]>`
      SELECT count(a."id")::int AS open, u."isOnDuty" FROM "User" u
      LEFT JOIN "Assignment" a ON a."inspectorId" = u."id" AND a."closedAt" IS NULL
      WHERE u."postId" = ${post.id}::uuid AND u."role" = 'INSPECTOR' GROUP BY u."id", u."isOnDuty"`;
    const onDuty = open.filter((o) => o.isOnDuty).map((o) => o.open);
    const offDuty = open.filter((o) => !o.isOnDuty).reduce((s, o) => s + o.open, 0);
    const pool = await db.assignment.count({ where: { postId: post.id, inspectorId: null, closedAt: null } });
    log(
      `Registered ${check.registered} (${check.numbers} distinct numbers) in ${submitSeconds.toFixed(1)} s; ${check.distributed} distributed; open per on-duty inspector ${onDuty.sort((a, b) => a - b).join(', ')}; off duty ${offDuty}; pool ${pool}`,
    );
    figures.push({
      label: `${count(registrations)} registrations, ${SUBMIT_CONCURRENCY} at a time (${check.registered} registered in ${submitSeconds.toFixed(1)} s, ${check.distributed} to inspectors): declarations without exactly one assignment`,
      target: '0',
      value: `${check.none + check.several + failed.length} (${check.several} double, ${check.none} none, ${failed.length} failed)`,
    });
    figures.push({
      label: `… open work per on-duty inspector (${BENCH_INSPECTORS} inspectors; off duty ${offDuty}, pool ${pool}): max − min`,
      target: '≤ 1',
      value: `${Math.max(...onDuty) - Math.min(...onDuty)} (${Math.min(...onDuty)}–${Math.max(...onDuty)})`,
    });

    // The dashboard right after the writes: its refresh recomputes today first.
    const t0 = performance.now();
    const after = await getDashboard({ actor: admin, query: year });
    figures.push({
      label: `dashboard: administrator, one year, right after the registrations (refreshing today included)`,
      target: '< 300 ms',
      value: ms(performance.now() - t0),
    });
    log(
      `The administrator's year now counts ${count(after.declarations.total.registered)} declarations (${count(adminYear.declarations.total.registered)} before).`,
    );
    log(`Done in ${elapsed()}.`);
  } finally {
    await bulk.end().catch(() => {});
    await disconnectDb();
    const keep = process.env.BENCH_KEEP_DATABASE === '1';
    if (keep) log(`Kept the database: ${database.url}`);
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    if (previousPool === undefined) delete process.env.DATABASE_POOL_SIZE;
    else process.env.DATABASE_POOL_SIZE = previousPool;
    if (!keep) await database.drop();
    await server.stop();
  }
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printFigures(await benchVolume());
}
