import { withActor, parseParams } from '@/src/server/http';
import { storedFileResponse } from '@/src/server/files';
import { readDeclarationFile } from '@/src/server/declarations/documents';
import { ZUuidParam } from '@/lib/pagination';

type Context = { params: Promise<{ id: string }> };

/** GET /files/:id — an uploaded document, downloaded as an attachment, for whoever may see its declaration. */
export const GET = withActor(async (_request, context: Context, actor) => {
  const { id } = parseParams(ZUuidParam, await context.params);
  const file = await readDeclarationFile({ actor, fileId: id });
  return storedFileResponse(file);
});
