import { NextResponse } from 'next/server';
import { receiveGatewayCallback } from '@/src/server/payments/callbacks';
import { errorResponse, readBodyText } from '@/src/server/http';
import { now } from '@/src/server/clock';
import { escapeForLog } from '@/lib/text';

type Context = { params: Promise<{ gateway: string }> };

const MAX_BODY_BYTES = 16 * 1024;

/**
 * POST /api/payments/gateway/:gateway/callback — a gateway's signed notification, server to server.
 * No session (the bank is calling; the proxy lets it through): the HMAC signature is the
 * authentication. Answered 200 when accepted or a duplicate, 4xx otherwise; always logged.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  let rawBody = '';
  try {
    const { gateway } = await context.params;
    // Read as it streams, up to the limit: an over-long body is refused (as an empty one) unread.
    rawBody = (await readBodyText(request, MAX_BODY_BYTES)) ?? '';
    const result = await receiveGatewayCallback({
      gatewayName: /^[a-z0-9-]{1,40}$/.test(gateway) ? gateway : 'invalid',
      rawBody,
      headers: request.headers,
      now: now(),
    });
    return NextResponse.json(
      { result: result.outcome },
      { status: result.httpStatus, headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (e) {
    // Whatever failed, what the bank sent is in the server log (escaped, cut short).
    console.error(`[payments] callback not handled; received "${escapeForLog(rawBody)}"`);
    return errorResponse(e);
  }
}
