import { NextResponse } from 'next/server';
import { withActor, parseParams, readJson } from '@/src/server/http';
import { payDeclaration } from '@/src/server/payments/pay';
import { getDeclarationPayments } from '@/src/server/payments/read';
import { now } from '@/src/server/clock';
import { ZUuidParam } from '@/lib/pagination';
import { ZIdempotencyKeyHeader, ZPayDeclarationBody } from '@/lib/payments/schemas';
import { parseOrThrow } from '@/lib/validation';

type Context = { params: Promise<{ id: string }> };

/** GET /api/payments/declarations/:id — what the declaration owes (or was overpaid), per payment type, and its payments. */
export const GET = withActor(async (_request, context: Context, actor) => {
  const { id } = parseParams(ZUuidParam, await context.params);
  const p = await getDeclarationPayments({ actor, declarationId: id });
  return NextResponse.json(
    { settlement: p.settlement, canPay: p.canPay, balance: p.balance, payments: p.payments },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
});

/**
 * POST /api/payments/declarations/:id — pay what it owes from the balance. Body `{ amount }` (the amount
 * the client expects to pay) and the idempotency key in the `Idempotency-Key` header (only there).
 * 201 when paid now, 200 when the key was already used for this payment.
 */
export const POST = withActor(async (request, context: Context, actor) => {
  const { id } = parseParams(ZUuidParam, await context.params);
  const body = await readJson(request);
  const { 'Idempotency-Key': idempotencyKey } = parseOrThrow(ZIdempotencyKeyHeader, {
    'Idempotency-Key': request.headers.get('idempotency-key') ?? undefined,
  });
  const input = parseOrThrow(ZPayDeclarationBody, body);
  const result = await payDeclaration({ actor, declarationId: id, idempotencyKey, amount: input.amount, now: now() });
  return NextResponse.json(result, { status: result.isRepeat ? 200 : 201 });
});
