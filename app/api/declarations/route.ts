import { NextResponse } from 'next/server';
import { withActor, readJson } from '@/src/server/http';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { now } from '@/src/server/clock';

/** POST /api/declarations — create a draft from a whole declaration body (see docs/api.md). */
export const POST = withActor(async (request, _context: unknown, actor) => {
  const body = await readJson(request);
  const created = await createDeclarationDraft({ actor, input: body, now: now() });
  return NextResponse.json(created, { status: 201 });
});
