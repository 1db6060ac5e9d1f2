import { withActor } from '@/src/server/http';
import { assertRole } from '@/src/server/actor';
import { exportDashboardCsv } from '@/src/server/statistics/dashboard';
import { now } from '@/src/server/clock';
import { invalid } from '@/lib/errors';
import { serviceDate } from '@/lib/time';
import { parseStatisticsSearchParams } from '@/lib/statistics/query';

/** GET /officer/statistics/export?from=&to= — a supervisor's statistics (own post) as CSV; a bad value is a 422 naming the field. */
export const GET = withActor(async (request, _context: unknown, actor) => {
  assertRole(actor, ['SUPERVISOR']);
  const { query, fieldErrors } = parseStatisticsSearchParams(new URL(request.url).searchParams, {
    today: serviceDate(now()),
    allowPost: false,
  });
  if (fieldErrors.length) throw invalid(fieldErrors);
  const { fileName, body } = await exportDashboardCsv({ actor, query });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
