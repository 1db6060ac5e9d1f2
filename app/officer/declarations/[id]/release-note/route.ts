import { getTranslations } from 'next-intl/server';
import { withActor, parseParams } from '@/src/server/http';
import { releaseNotePdf } from '@/src/server/documents/release-note';
import { pdfResponse } from '@/src/server/documents/pdf';
import { ZUuidParam } from '@/lib/pagination';

type Context = { params: Promise<{ id: string }> };

/** GET …/declarations/:id/release-note — the signed release note as a PDF (404 before release or out of scope). */
export const GET = withActor(async (_request, context: Context, actor) => {
  const { id } = parseParams(ZUuidParam, await context.params);
  const t = await getTranslations('signedDocument');
  const { bytes, filename } = await releaseNotePdf({ actor, declarationId: id, t });
  return pdfResponse(bytes, filename);
});
