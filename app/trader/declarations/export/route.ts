import { withActor } from '@/src/server/http';
import { exportCompanyDeclarations } from '@/src/server/declarations/read';
import { ZDeclarationListQuery } from '@/lib/declaration/list-query';
import { csvLine } from '@/lib/csv';

/** GET /trader/declarations/export?filters — the filtered list as CSV. */
export const GET = withActor(async (request, _context: unknown, actor) => {
  const query = ZDeclarationListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const encoder = new TextEncoder();
  const rows = exportCompanyDeclarations({ actor, query });
  const header = [
    'registration_number',
    'status',
    'regime',
    'post',
    'items',
    'invoice_currency',
    'invoice_total',
    'created_at',
    'registered_at',
    'released_at',
  ];
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(csvLine(header)));
      for await (const d of rows) {
        const line = [
          d.registrationNumber,
          d.status,
          d.regime,
          d.post?.code,
          d._count.items,
          d.invoiceCurrency,
          d.invoiceTotal?.toFixed(2),
          d.createdAt.toISOString(),
          d.registeredAt?.toISOString(),
          d.releasedAt?.toISOString(),
        ];
        controller.enqueue(encoder.encode(csvLine(line)));
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="declarations.csv"',
      'Cache-Control': 'private, no-store',
    },
  });
});
