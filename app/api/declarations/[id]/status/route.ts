import { NextResponse } from 'next/server';
import { withActor, parseParams } from '@/src/server/http';
import { getDeclarationStatus } from '@/src/server/declarations/read';
import { ZUuidParam } from '@/lib/pagination';

type Context = { params: Promise<{ id: string }> };

/** GET /api/declarations/:id/status — what the declaration page polls for live updates. */
export const GET = withActor(async (_request, context: Context, actor) => {
  const { id } = parseParams(ZUuidParam, await context.params);
  return NextResponse.json(await getDeclarationStatus({ actor, declarationId: id }), { headers: { 'Cache-Control': 'no-store' } });
});
