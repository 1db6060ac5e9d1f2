import { getTranslations } from 'next-intl/server';
import { withActor, parseParams } from '@/src/server/http';
import { assertTrader } from '@/src/server/actor';
import { permitPdf } from '@/src/server/permits/document';
import { pdfResponse } from '@/src/server/documents/pdf';
import { ZUuidParam } from '@/lib/pagination';

type Context = { params: Promise<{ id: string }> };

/** GET /trader/permits/:id/pdf — the company's permit, signed, with its QR code. */
export const GET = withActor(async (_request, context: Context, actor) => {
  const { id } = parseParams(ZUuidParam, await context.params);
  assertTrader(actor);
  const t = await getTranslations('signedDocument');
  const { bytes, filename } = await permitPdf({ actor, permitId: id, t });
  return pdfResponse(bytes, filename);
});
