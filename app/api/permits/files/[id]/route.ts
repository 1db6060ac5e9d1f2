import { withActor, parseParams } from '@/src/server/http';
import { storedFileResponse } from '@/src/server/files';
import { readApplicationFile } from '@/src/server/permits/applications';
import { ZUuidParam } from '@/lib/pagination';

type Context = { params: Promise<{ id: string }> };

/** GET /api/permits/files/:id — a document of a permit application, downloaded as an attachment, for its company or its authority. */
export const GET = withActor(async (_request, context: Context, actor) => {
  const { id } = parseParams(ZUuidParam, await context.params);
  const file = await readApplicationFile({ actor, fileId: id });
  return storedFileResponse(file);
});
