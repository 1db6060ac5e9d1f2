import { NextResponse } from 'next/server';
import { withActor, parseParams } from '@/src/server/http';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { now } from '@/src/server/clock';
import { ZUuidParam } from '@/lib/pagination';

type Context = { params: Promise<{ id: string }> };

/** POST /api/declarations/:id/submit — control, register, distribute. Idempotent. */
export const POST = withActor(async (_request, context: Context, actor) => {
  const { id } = parseParams(ZUuidParam, await context.params);
  const result = await submitDeclaration({ actor, declarationId: id, now: now() });
  return NextResponse.json(result, { status: result.isAlreadySubmitted ? 200 : 201 });
});
