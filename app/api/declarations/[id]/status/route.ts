import { NextResponse } from 'next/server';
import { withActor, parseParams } from '@/src/server/http';
import { enforce } from '@/src/server/rate-limit';
import { getDeclarationStatus } from '@/src/server/declarations/read';
import { ZUuidParam } from '@/lib/pagination';

type Context = { params: Promise<{ id: string }> };

/** GET /api/declarations/:id/status — what the declaration page polls for live updates. */
export const GET = withActor(async (_request, context: Context, actor) => {
  await enforce('statusPolling', actor.userId); // stricter than the API's own limit: pages poll every few seconds
  const { id } = parseParams(ZUuidParam, await context.params);
  return NextResponse.json(await getDeclarationStatus({ actor, declarationId: id }), {
    headers: { 'Cache-Control': 'no-store' },
  });
});
