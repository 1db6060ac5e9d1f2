import { NextResponse } from 'next/server';
import { withActor, parseParams } from '@/src/server/http';
import { enforce } from '@/src/server/rate-limit';
import { getOfficerDeclarationStatus } from '@/src/server/officer/queue';
import { ZUuidParam } from '@/lib/pagination';

type Context = { params: Promise<{ id: string }> };

/** GET /api/officer/declarations/:id/status — polled by the officer's page (another officer or the trader may change it). */
export const GET = withActor(async (_request, context: Context, actor) => {
  await enforce('statusPolling', actor.userId); // stricter than the API's own limit: pages poll every few seconds
  const { id } = parseParams(ZUuidParam, await context.params);
  return NextResponse.json(await getOfficerDeclarationStatus({ actor, declarationId: id }), {
    headers: { 'Cache-Control': 'no-store' },
  });
});
