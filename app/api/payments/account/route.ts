import { NextResponse } from 'next/server';
import { withActor } from '@/src/server/http';
import { getAccountOverview } from '@/src/server/payments/read';

/** GET /api/payments/account — the company's balance (and what is available to refund). */
export const GET = withActor(async (_request, _context: unknown, actor) => {
  const o = await getAccountOverview({ actor });
  return NextResponse.json(
    { balance: o.balance, pendingRefunds: o.pendingRefunds, available: o.available, currency: 'UZS' },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
});
