import { getTranslations } from 'next-intl/server';
import { withActor } from '@/src/server/http';
import { assertTrader } from '@/src/server/actor';
import { statementPdf } from '@/src/server/payments/statement-pdf';
import { pdfResponse } from '@/src/server/documents/pdf';
import { now } from '@/src/server/clock';
import { ZStatementPeriod } from '@/lib/payments/queries';
import { parseOrThrow } from '@/lib/validation';

/** GET /trader/account/statement/pdf?from=&to= — the statement as a PDF. */
export const GET = withActor(async (request, _context: unknown, actor) => {
  assertTrader(actor); // who may ask comes before what was asked: another role is a 403 whatever the period
  const period = parseOrThrow(ZStatementPeriod, Object.fromEntries(new URL(request.url).searchParams));
  const { bytes, filename } = await statementPdf({ actor, period, now: now(), t: await getTranslations('payments') });
  return pdfResponse(bytes, filename);
});
