import { getTranslations } from 'next-intl/server';
import { withActor, parseParams } from '@/src/server/http';
import { assertTrader } from '@/src/server/actor';
import { declarationPdf } from '@/src/server/documents/declaration';
import { pdfResponse } from '@/src/server/documents/pdf';
import { now } from '@/src/server/clock';
import { ZUuidParam } from '@/lib/pagination';

type Context = { params: Promise<{ id: string }> };

/** GET /trader/declarations/:id/pdf — the company's registered declaration, signed, as a PDF. */
export const GET = withActor(async (_request, context: Context, actor) => {
  const { id } = parseParams(ZUuidParam, await context.params);
  assertTrader(actor);
  const t = await getTranslations('signedDocument');
  const { bytes, filename } = await declarationPdf({ actor, declarationId: id, now: now(), t });
  return pdfResponse(bytes, filename);
});
