import { getTranslations } from 'next-intl/server';
import { withActor } from '@/src/server/http';
import { assertTrader } from '@/src/server/actor';
import { statementCsv } from '@/src/server/payments/statement-csv';
import { ZStatementPeriod } from '@/lib/payments/queries';
import { parseOrThrow } from '@/lib/validation';

/** GET /trader/account/statement/csv?from=&to= — the statement as CSV: opening and closing balances, then every line. */
export const GET = withActor(async (request, _context: unknown, actor) => {
  assertTrader(actor); // who may ask comes before what was asked: another role is a 403 whatever the period
  const period = parseOrThrow(ZStatementPeriod, Object.fromEntries(new URL(request.url).searchParams));
  // Read (one snapshot) before answering, so that a period too long to export is a clear 422, not a cut-off file.
  const { text, filename } = await statementCsv({ actor, period, t: await getTranslations('payments') });
  return new Response(text, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
