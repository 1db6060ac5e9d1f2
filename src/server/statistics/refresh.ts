// The statistics' pre-aggregated days (the Statistics*Day tables): database triggers list the
// service day of every change in "StatisticsChange" (migration statistics_daily); the refresh
// takes the listed days and recomputes them from the base tables, one range query per table and
// run of consecutive days. The dashboard refreshes before it reads, so its figures are never stale.
// Serialised by an advisory lock: two refreshes never recompute the same day at once. A change
// committed while a refresh runs stays listed for the next one (the refresh only takes the rows
// its snapshot sees), so nothing is lost.
import { db, type Tx } from '../db';
import { addDays, contiguousRuns } from '@/lib/statistics/days';
import { startOfServiceDate } from '@/lib/time';
import { RELEASE_TIME_BUCKET_RATIO } from '@/lib/statistics/percentile';

const LOCK = 'statistics:refresh';

/** Recompute the listed days. Returns how many days were recomputed (0 when nothing changed). */
export async function refreshStatistics(): Promise<{ days: number }> {
  const [{ isPending }] = await db.$queryRaw<
    { isPending: boolean }[]
  >`SELECT EXISTS (SELECT 1 FROM "StatisticsChange") AS "isPending"`;
  if (!isPending) return { days: 0 };
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${LOCK}, 0))`;
      const taken = await tx.$queryRaw<{ day: string }[]>`
        WITH taken AS (DELETE FROM "StatisticsChange" RETURNING "day")
        SELECT DISTINCT to_char("day", 'YYYY-MM-DD') AS "day" FROM taken`;
      const days = taken.map((t) => t.day);
      for (const run of contiguousRuns(days)) await recomputeDays(tx, run.from, run.to);
      return { days: days.length };
    },
    { maxWait: 60_000, timeout: 30 * 60_000 },
  );
}

/** Recompute every day that has data (after a bulk load that bypassed the triggers). */
export async function rebuildStatistics(): Promise<{ days: number }> {
  const [range] = await db.$queryRaw<{ from: string | null; to: string | null }[]>`
    SELECT to_char(min(d), 'YYYY-MM-DD') AS "from", to_char(max(d), 'YYYY-MM-DD') AS "to" FROM (
      SELECT min(statistics_service_day("registeredAt")) AS d FROM "Declaration" UNION ALL SELECT max(statistics_service_day("registeredAt")) FROM "Declaration"
      UNION ALL SELECT min(statistics_service_day("at")) FROM "Inspection" UNION ALL SELECT max(statistics_service_day("at")) FROM "Inspection"
      UNION ALL SELECT min(statistics_service_day("at")) FROM "Payment" UNION ALL SELECT max(statistics_service_day("at")) FROM "Payment"
      UNION ALL SELECT min(statistics_service_day("closedAt")) FROM "Assignment" UNION ALL SELECT max(statistics_service_day("closedAt")) FROM "Assignment"
    ) days`;
  if (!range.from || !range.to) return { days: 0 };
  await db.$executeRaw`INSERT INTO "StatisticsChange" ("day") SELECT generate_series(${range.from}::date, ${range.to}::date, interval '1 day')::date`;
  return refreshStatistics();
}

/**
 * Every figure of the service days `from`..`to` (both included), from the base tables. A service
 * day D runs from D 00:00 in Tashkent (D − 5 h UTC) to D + 1 00:00; timestamps are stored in UTC.
 */
async function recomputeDays(tx: Tx, from: string, to: string): Promise<void> {
  const lo = startOfServiceDate(from);
  const hi = startOfServiceDate(addDays(to, 1));

  // Declarations registered that day: channel × regime, and what became of them.
  await tx.$executeRaw`DELETE FROM "StatisticsDeclarationDay" WHERE "day" BETWEEN ${from}::date AND ${to}::date`;
  await tx.$executeRaw`
    INSERT INTO "StatisticsDeclarationDay" ("day", "postId", "regime", "channel", "registered", "released", "refused", "withdrawn")
    SELECT statistics_service_day(d."registeredAt"), d."postId", d."regime", COALESCE(d."channel"::text, 'NONE'),
      count(*)::int,
      (count(*) FILTER (WHERE d."status" = 'RELEASED'))::int,
      (count(*) FILTER (WHERE d."status" = 'REFUSED'))::int,
      (count(*) FILTER (WHERE d."status" = 'WITHDRAWN'))::int
    FROM "Declaration" d
    WHERE d."registeredAt" >= ${lo}::timestamp AND d."registeredAt" < ${hi}::timestamp AND d."postId" IS NOT NULL
    GROUP BY 1, 2, 3, 4`;

  // Submission → release times of those released, as a histogram (lib/statistics/percentile.ts).
  await tx.$executeRaw`DELETE FROM "StatisticsReleaseTimeDay" WHERE "day" BETWEEN ${from}::date AND ${to}::date`;
  await tx.$executeRaw`
    INSERT INTO "StatisticsReleaseTimeDay" ("day", "postId", "channel", "bucket", "count", "minSeconds", "maxSeconds")
    SELECT t.day, t."postId", t.channel, floor(ln(greatest(t.seconds, 1)) / ln(${RELEASE_TIME_BUCKET_RATIO}::numeric))::int, count(*)::int, min(t.seconds), max(t.seconds)
    FROM (
      SELECT statistics_service_day(d."registeredAt") AS day, d."postId", COALESCE(d."channel"::text, 'NONE') AS channel,
        greatest(0, EXTRACT(EPOCH FROM d."releasedAt" - COALESCE(d."submittedAt", d."registeredAt")))::numeric(14, 3) AS seconds
      FROM "Declaration" d
      WHERE d."registeredAt" >= ${lo}::timestamp AND d."registeredAt" < ${hi}::timestamp AND d."postId" IS NOT NULL
        AND d."status" = 'RELEASED' AND d."releasedAt" IS NOT NULL
    ) t
    GROUP BY 1, 2, 3, 4`;

  // Inspections performed that day, on the post of their declaration.
  await tx.$executeRaw`DELETE FROM "StatisticsInspectionDay" WHERE "day" BETWEEN ${from}::date AND ${to}::date`;
  await tx.$executeRaw`
    INSERT INTO "StatisticsInspectionDay" ("day", "postId", "kind", "inspections", "hits", "additionalRevenue")
    SELECT statistics_service_day(i."at"), d."postId", i."kind", count(*)::int, (count(*) FILTER (WHERE i."isHit"))::int, COALESCE(sum(i."additionalRevenue"), 0)
    FROM "Inspection" i
    JOIN "Declaration" d ON d."id" = i."declarationId"
    WHERE i."at" >= ${lo}::timestamp AND i."at" < ${hi}::timestamp AND d."postId" IS NOT NULL
    GROUP BY 1, 2, 3`;

  // The latest assessment of the declarations registered that day, unless refused or withdrawn.
  await tx.$executeRaw`DELETE FROM "StatisticsAssessedDay" WHERE "day" BETWEEN ${from}::date AND ${to}::date`;
  await tx.$executeRaw`
    INSERT INTO "StatisticsAssessedDay" ("day", "postId", "paymentType", "amount", "securedAmount")
    SELECT x.day, x."postId", x."paymentType",
      COALESCE(sum(x."amount") FILTER (WHERE NOT x."isSecured"), 0), COALESCE(sum(x."amount") FILTER (WHERE x."isSecured"), 0)
    FROM (
      SELECT statistics_service_day(d."registeredAt") AS day, d."postId", a."paymentType", a."amount", a."isSecured", a."assessmentNo",
        max(a."assessmentNo") OVER (PARTITION BY a."declarationId") AS latest
      FROM "Declaration" d
      JOIN "AssessedPayment" a ON a."declarationId" = d."id"
      WHERE d."registeredAt" >= ${lo}::timestamp AND d."registeredAt" < ${hi}::timestamp AND d."postId" IS NOT NULL
        AND d."status" NOT IN ('REFUSED', 'WITHDRAWN')
    ) x
    WHERE x."assessmentNo" = x.latest
    GROUP BY 1, 2, 3`;

  // Completed payments made that day (a reversed payment has status REVERSED and drops out).
  await tx.$executeRaw`DELETE FROM "StatisticsCollectedDay" WHERE "day" BETWEEN ${from}::date AND ${to}::date`;
  await tx.$executeRaw`
    INSERT INTO "StatisticsCollectedDay" ("day", "postId", "payments", "amount")
    SELECT statistics_service_day(p."at"), d."postId", count(*)::int, sum(p."amount")
    FROM "Payment" p
    JOIN "Declaration" d ON d."id" = p."declarationId"
    WHERE p."at" >= ${lo}::timestamp AND p."at" < ${hi}::timestamp AND p."status" = 'COMPLETED' AND d."postId" IS NOT NULL
    GROUP BY 1, 2`;

  // Assignments closed that day, per inspector.
  await tx.$executeRaw`DELETE FROM "StatisticsWorkloadDay" WHERE "day" BETWEEN ${from}::date AND ${to}::date`;
  await tx.$executeRaw`
    INSERT INTO "StatisticsWorkloadDay" ("day", "postId", "inspectorId", "closed")
    SELECT statistics_service_day(a."closedAt"), a."postId", a."inspectorId", count(*)::int
    FROM "Assignment" a
    WHERE a."closedAt" >= ${lo}::timestamp AND a."closedAt" < ${hi}::timestamp AND a."inspectorId" IS NOT NULL
    GROUP BY 1, 2, 3`;
}
