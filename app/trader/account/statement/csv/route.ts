import { withActor } from '@/src/server/http';
import { exportStatementLines, getStatementSummary } from '@/src/server/payments/read';
import { ZStatementPeriod } from '@/lib/payments/queries';
import { csvLine } from '@/lib/payments/csv';
import { parseOrThrow } from '@/lib/validation';

/** GET /trader/account/statement/csv?from=&to= — the statement as CSV: opening and closing balances, then every line. */
export const GET = withActor(async (request, _context: unknown, actor) => {
  const period = parseOrThrow(ZStatementPeriod, Object.fromEntries(new URL(request.url).searchParams));
  const summary = await getStatementSummary({ actor, period });
  const lines = exportStatementLines({ actor, period });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(csvLine(['date_time', 'kind', 'payment_type', 'reference', 'receipt_number', 'debit', 'credit', 'balance'])));
      controller.enqueue(encoder.encode(csvLine([`${period.from}T00:00:00+05:00`, 'OPENING_BALANCE', '', '', '', '', '', summary.opening])));
      for await (const l of lines) {
        const isDebit = l.amount.startsWith('-');
        controller.enqueue(encoder.encode(csvLine([l.at.toISOString(), l.kind, l.paymentType, l.reference, l.receiptNumber, isDebit ? l.amount.slice(1) : '', isDebit ? '' : l.amount, l.balanceAfter])));
      }
      controller.enqueue(encoder.encode(csvLine([`${period.to}T23:59:59+05:00`, 'CLOSING_BALANCE', '', '', '', summary.debits, summary.credits, summary.closing])));
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="statement-${period.from}-${period.to}.csv"`, 'Cache-Control': 'private, no-store' },
  });
});
