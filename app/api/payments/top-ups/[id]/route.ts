import { NextResponse } from 'next/server';
import { withActor, parseParams } from '@/src/server/http';
import { getTopUp } from '@/src/server/payments/top-ups';
import { ZUuidParam } from '@/lib/pagination';

type Context = { params: Promise<{ id: string }> };

/** GET /api/payments/top-ups/:id — a top-up's status (`version` changes when the gateway has answered; the page polls it). */
export const GET = withActor(async (_request, context: Context, actor) => {
  const { id } = parseParams(ZUuidParam, await context.params);
  const t = await getTopUp({ actor, topUpId: id });
  return NextResponse.json(
    {
      id: t.id,
      status: t.status,
      amount: t.amount,
      receiptNumber: t.receiptNumber,
      version: t.status === 'PENDING' ? 0 : 1,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
});
