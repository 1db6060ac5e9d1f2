// The statistics dashboard (supervisors: their own post; the administrator: every post, or one).
// Reads the pre-aggregated days (refreshed first, see refresh.ts) and the live open work, then
// assembles the figures in lib/statistics/dashboard.ts. docs/statistics.md says what each means.
import { db, Prisma } from '../db';
import { assertRole, type Actor } from '../actor';
import { AppError, invalid } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { ZStatisticsQuery, type StatisticsQuery } from '@/lib/statistics/query';
import { addDays, trendUnit } from '@/lib/statistics/days';
import { startOfServiceDate } from '@/lib/time';
import { dashboardCsv } from '@/lib/statistics/csv';
import {
  assembleDashboard,
  type AssessedRow,
  type Dashboard,
  EXACT_PERCENTILE_LIMIT,
  type DeclarationRow,
  type ExactReleaseTimeRow,
  type InspectionRow,
  type InspectorRow,
  type ReleaseTimeRow,
} from '@/lib/statistics/dashboard';
import { refreshStatistics } from './refresh';

type ScopePost = { id: string; code: string; name: string };

/** The post whose figures the actor may see: a supervisor's own; for the administrator the chosen one, or all (null). */
async function scopeOf(actor: Actor, postCode: string | undefined): Promise<ScopePost | null> {
  if (actor.role === 'SUPERVISOR') {
    if (!actor.postId) throw new AppError('FORBIDDEN', 'Your account is not linked to a customs post.');
    const own = await db.customsPost.findUnique({
      where: { id: actor.postId },
      select: { id: true, code: true, name: true },
    });
    if (!own) throw new AppError('FORBIDDEN', 'Your account is not linked to a customs post.');
    if (postCode !== undefined && postCode !== own.code)
      throw new AppError('FORBIDDEN', 'You can see the statistics of your own customs post only.');
    return own;
  }
  if (postCode === undefined) return null;
  const post = await db.customsPost.findUnique({
    where: { code: postCode },
    select: { id: true, code: true, name: true },
  });
  if (!post) throw invalid([{ path: 'postCode', message: 'Choose a customs post from the list' }]);
  return post;
}

/** Median and p90 submission → release time per channel and overall, by percentile_cont on the declarations. */
async function exactReleaseTimesOf(from: string, to: string, post: ScopePost | null): Promise<ExactReleaseTimeRow[]> {
  const lo = startOfServiceDate(from);
  const hi = startOfServiceDate(addDays(to, 1));
  return db.$queryRaw<ExactReleaseTimeRow[]>`
    SELECT COALESCE(t."channel", 'ALL') AS "channel", count(*)::int AS "released",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t."seconds") AS "medianSeconds",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY t."seconds") AS "p90Seconds"
    FROM (
      SELECT COALESCE(d."channel"::text, 'NONE') AS "channel",
        greatest(0, EXTRACT(EPOCH FROM d."releasedAt" - COALESCE(d."submittedAt", d."registeredAt")))::float8 AS "seconds"
      FROM "Declaration" d
      WHERE d."registeredAt" >= ${lo}::timestamp AND d."registeredAt" < ${hi}::timestamp
        AND d."status" = 'RELEASED' AND d."releasedAt" IS NOT NULL
        AND ${post ? Prisma.sql`d."postId" = ${post.id}::uuid` : Prisma.sql`d."postId" IS NOT NULL`}
    ) t
    GROUP BY GROUPING SETS ((t."channel"), ())`;
}

export async function getDashboard(args: { actor: Actor; query: StatisticsQuery | unknown }): Promise<Dashboard> {
  const { actor } = args;
  assertRole(actor, ['SUPERVISOR', 'ADMIN']);
  const query = parseOrThrow(ZStatisticsQuery, args.query);
  const post = await scopeOf(actor, query.postCode);
  await refreshStatistics();

  const { from, to } = query;
  const period = Prisma.sql`"day" BETWEEN ${from}::date AND ${to}::date`;
  const scope = post ? Prisma.sql`AND "postId" = ${post.id}::uuid` : Prisma.empty;
  const unit = trendUnit(from, to);

  const [declarations, releaseTimes, inspections, assessed, collected, closed, open] = await Promise.all([
    // One read for the channel × regime table and the trend: per trend bucket (day, week or month).
    db.$queryRaw<DeclarationRow[]>`
      SELECT to_char(date_trunc(${unit}, "day"), 'YYYY-MM-DD') AS "day", "regime"::text AS "regime", "channel",
        sum("registered")::int AS "registered", sum("released")::int AS "released", sum("refused")::int AS "refused", sum("withdrawn")::int AS "withdrawn"
      FROM "StatisticsDeclarationDay" WHERE ${period} ${scope} GROUP BY 1, 2, 3`,
    db.$queryRaw<ReleaseTimeRow[]>`
      SELECT "channel", "bucket", sum("count")::int AS "count", min("minSeconds")::float8 AS "minSeconds", max("maxSeconds")::float8 AS "maxSeconds"
      FROM "StatisticsReleaseTimeDay" WHERE ${period} ${scope} GROUP BY 1, 2`,
    db.$queryRaw<InspectionRow[]>`
      SELECT "kind"::text AS "kind", sum("inspections")::int AS "inspections", sum("hits")::int AS "hits", sum("additionalRevenue")::text AS "additionalRevenue"
      FROM "StatisticsInspectionDay" WHERE ${period} ${scope} GROUP BY 1`,
    db.$queryRaw<AssessedRow[]>`
      SELECT "paymentType"::text AS "paymentType", sum("amount")::text AS "amount", sum("securedAmount")::text AS "securedAmount"
      FROM "StatisticsAssessedDay" WHERE ${period} ${scope} GROUP BY 1`,
    db.$queryRaw<{ payments: number; amount: string }[]>`
      SELECT COALESCE(sum("payments"), 0)::int AS "payments", COALESCE(sum("amount"), 0)::text AS "amount"
      FROM "StatisticsCollectedDay" WHERE ${period} ${scope}`,
    db.$queryRaw<{ inspectorId: string; closed: number }[]>`
      SELECT "inspectorId"::text AS "inspectorId", sum("closed")::int AS "closed"
      FROM "StatisticsWorkloadDay" WHERE ${period} ${scope} GROUP BY 1`,
    // Open work is read live: the queue as it stands now.
    db.$queryRaw<{ inspectorId: string | null; postCode: string; open: number }[]>`
      SELECT a."inspectorId"::text AS "inspectorId", p."code" AS "postCode", count(*)::int AS "open"
      FROM "Assignment" a JOIN "CustomsPost" p ON p."id" = a."postId"
      WHERE a."closedAt" IS NULL ${post ? Prisma.sql`AND a."postId" = ${post.id}::uuid` : Prisma.empty}
      GROUP BY 1, 2`,
  ]);

  // Every inspector of the scope, and anyone else who holds or closed work in it.
  const holders = [
    ...new Set([...closed.map((c) => c.inspectorId), ...open.flatMap((o) => (o.inspectorId ? [o.inspectorId] : []))]),
  ];
  const users = await db.user.findMany({
    where: {
      OR: [{ role: 'INSPECTOR', isActive: true, ...(post ? { postId: post.id } : {}) }, { id: { in: holders } }],
    },
    select: { id: true, name: true, officerNumber: true, isOnDuty: true, post: { select: { code: true } } },
  });
  const openBy = new Map<string, number>();
  for (const o of open) if (o.inspectorId) openBy.set(o.inspectorId, (openBy.get(o.inspectorId) ?? 0) + o.open);
  const closedBy = new Map(closed.map((c) => [c.inspectorId, c.closed]));
  const inspectors: InspectorRow[] = users.map((u) => ({
    inspectorId: u.id,
    name: u.name,
    officerNumber: u.officerNumber,
    postCode: u.post?.code ?? '',
    isOnDuty: u.isOnDuty,
    open: openBy.get(u.id) ?? 0,
    closed: closedBy.get(u.id) ?? 0,
  }));
  // Small periods: the exact percentile_cont over the declarations themselves (docs/statistics.md).
  const released = releaseTimes.reduce((s, r) => s + r.count, 0);
  const exactReleaseTimes = released <= EXACT_PERCENTILE_LIMIT ? await exactReleaseTimesOf(from, to, post) : null;

  const pool = open.filter((o) => o.inspectorId === null).map((o) => ({ postCode: o.postCode, open: o.open }));

  return assembleDashboard({
    from,
    to,
    post: post ? { code: post.code, name: post.name } : null,
    declarations,
    releaseTimes,
    exactReleaseTimes,
    inspections,
    assessed,
    collected: collected[0] ?? { payments: 0, amount: '0' },
    inspectors,
    pool,
  });
}

/** The dashboard as CSV (lib/statistics/csv.ts), under a file name that says what it holds. */
export async function exportDashboardCsv(args: {
  actor: Actor;
  query: StatisticsQuery | unknown;
}): Promise<{ fileName: string; body: string }> {
  const dashboard = await getDashboard(args);
  const scope = dashboard.post?.code ?? 'all-posts';
  return {
    fileName: `statistics-${scope}-${dashboard.period.from}-${dashboard.period.to}.csv`,
    body: dashboardCsv(dashboard),
  };
}
