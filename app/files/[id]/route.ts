import { withActor, parseParams } from '@/src/server/http';
import { readDeclarationFile } from '@/src/server/declarations/documents';
import { ZUuidParam } from '@/lib/pagination';

type Context = { params: Promise<{ id: string }> };

/** GET /files/:id — an uploaded document, opened in the browser, for whoever may see its declaration. */
export const GET = withActor(async (_request, context: Context, actor) => {
  const { id } = parseParams(ZUuidParam, await context.params);
  const file = await readDeclarationFile({ actor, fileId: id });
  const safeName = file.fileName.replace(/[^\w.\- ]+/g, '_');
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.size),
      'Content-Disposition': `inline; filename="${safeName}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
});
