import { NextResponse } from 'next/server';
import { withActor, parseParams } from '@/src/server/http';
import { enforce } from '@/src/server/rate-limit';
import { getApplicationVersion } from '@/src/server/permits/applications';
import { ZUuidParam } from '@/lib/pagination';

type Context = { params: Promise<{ id: string }> };

/** GET /api/permits/applications/:id/status — what an open application page polls (trader or its authority's officer). */
export const GET = withActor(async (_request, context: Context, actor) => {
  await enforce('statusPolling', actor.userId); // stricter than the API's own limit: pages poll every few seconds
  const { id } = parseParams(ZUuidParam, await context.params);
  return NextResponse.json(await getApplicationVersion({ actor, applicationId: id }), {
    headers: { 'Cache-Control': 'no-store' },
  });
});
