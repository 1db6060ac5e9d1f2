import { NextResponse } from 'next/server';
import { withActor, parseParams } from '@/src/server/http';
import { getDeclarationForTrader } from '@/src/server/declarations/read';
import { ZUuidParam } from '@/lib/pagination';

type Context = { params: Promise<{ id: string }> };

/** GET /api/declarations/:id — the trader's own declaration; another company's is a 404. */
export const GET = withActor(async (_request, context: Context, actor) => {
  const { id } = parseParams(ZUuidParam, await context.params);
  const d = await getDeclarationForTrader({ actor, declarationId: id });
  return NextResponse.json({
    id: d.id,
    registrationNumber: d.registrationNumber,
    status: d.status,
    regime: d.regime,
    items: d.items.map((i) => ({ lineNo: i.lineNo, hsCode: i.hsCode, description: i.description, invoiceValue: i.invoiceValue.toString() })),
    events: d.events.map((e) => ({ from: e.fromStatus, to: e.toStatus, by: e.actorRole, reason: e.reason, at: e.at.toISOString() })),
  });
});
