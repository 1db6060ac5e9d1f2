import { getTranslations } from 'next-intl/server';
import { withActor } from '@/src/server/http';
import { exportCompanyDeclarations } from '@/src/server/declarations/read';
import { ZDeclarationListQuery } from '@/lib/declaration/list-query';
import { DECLARATIONS_CSV_HEADER, declarationCsvRow } from '@/lib/declaration/list-csv';
import { csvLine } from '@/lib/csv';

/**
 * GET /trader/declarations/export?filters — the filtered list as CSV (lib/declaration/list-csv.ts):
 * statuses in words, moments in Tashkent time with their offset.
 */
export const GET = withActor(async (request, _context: unknown, actor) => {
  const query = ZDeclarationListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const status = await getTranslations('status');
  const encoder = new TextEncoder();
  const rows = exportCompanyDeclarations({ actor, query });
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(csvLine(DECLARATIONS_CSV_HEADER)));
      for await (const d of rows) controller.enqueue(encoder.encode(csvLine(declarationCsvRow(d, (s) => status(s)))));
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
