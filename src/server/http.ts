// Errors at the edge: AppError → HTTP status and a human message; anything else → logged with a
// request id, answered with a generic message carrying that id. Used by route handlers and the
// server-action wrapper alike.
import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { AppError, httpStatus, isAppError, type FieldError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation';
import { crossSiteProblem, portalOrigins } from '@/lib/security/cross-site';
import { getActor } from './auth/session';
import { enforceApiRateLimits } from './rate-limit';
import type { Actor } from './actor';

export type ErrorBody = { error: { code: string; message: string; fieldErrors: FieldError[]; requestId?: string } };

export function errorResponse(e: unknown): NextResponse<ErrorBody> {
  if (isAppError(e)) {
    const headers = e.code === 'RATE_LIMITED' ? { 'Retry-After': String(e.retryAfterSeconds ?? 60) } : undefined;
    return NextResponse.json(
      { error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors } },
      { status: httpStatus(e.code), headers },
    );
  }
  const requestId = randomUUID();
  console.error(`[${requestId}] unexpected error`, e);
  return NextResponse.json(
    {
      error: {
        code: 'INTERNAL',
        message: `Something went wrong on our side. Quote reference ${requestId} if you contact the help desk.`,
        fieldErrors: [],
        requestId,
      },
    },
    { status: 500 },
  );
}

/** Read a JSON body; a body that is not JSON is a 400 naming the problem, not a 500. */
/** The largest JSON body an API accepts (a 999-item declaration is about 400 KB). */
export const MAX_JSON_BODY_BYTES = 2 * 1024 * 1024;

/**
 * The body as text, read as it streams in and given up as soon as it passes `maxBytes` (null then):
 * a declared Content-Length is not trusted, and a chunked body without one is bounded too.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson(request: Request): Promise<unknown> {
  const text = await readBodyText(request, MAX_JSON_BODY_BYTES);
  if (text === null)
    throw new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.', [
      { path: '_body', message: 'The request body must be at most 2 MB' },
    ]);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'The request body must be valid JSON.', [
      { path: '_body', message: 'The request body must be valid JSON' },
    ]);
  }
}

export function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const result = schema.safeParse(params);
  // An id that cannot exist is simply not found.
  if (!result.success)
    throw new AppError('NOT_FOUND', 'The page or record was not found.', fieldErrorsOf(result.error));
  return result.data;
}

/** Cookie-authenticated writes only from the portal's own pages, only as JSON: 403 / 415 otherwise. */
export function assertNotCrossSite(request: Request): void {
  const h = request.headers;
  const problem = crossSiteProblem(
    {
      method: request.method,
      origin: h.get('origin'),
      secFetchSite: h.get('sec-fetch-site'),
      contentType: h.get('content-type'),
      hasBody: Number(h.get('content-length') ?? '0') > 0 || h.has('transfer-encoding'),
      host: h.get('host'),
    },
    portalOrigins(process.env),
  );
  if (problem) throw new AppError(problem.code, problem.message);
}

/** A route handler that needs a signed-in actor: 401 without one; AppErrors mapped to their status. */
export function withActor<C>(handler: (request: Request, context: C, actor: Actor) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      assertNotCrossSite(request);
      const actor = await getActor();
      if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
      await enforceApiRateLimits({ userId: actor.userId, headers: request.headers });
      return await handler(request, context, actor);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: string; formError: string; fieldErrors: FieldError[] };

/**
 * The one server-action wrapper: resolve the actor, parse the input with its schema (every field
 * error, not only the first), call the use case, and return a plain result the form can show.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  execute: (args: { actor: Actor; input: z.output<S> }) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in again to continue.');
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        code: 'VALIDATION',
        formError: 'There is a problem with the information you entered.',
        fieldErrors: fieldErrorsOf(parsed.error),
      };
    }
    return { ok: true, data: await execute({ actor, input: parsed.data }) };
  } catch (e) {
    if (isAppError(e)) return { ok: false, code: e.code, formError: e.message, fieldErrors: e.fieldErrors };
    const requestId = randomUUID();
    console.error(`[${requestId}] unexpected error in server action`, e);
    return {
      ok: false,
      code: 'INTERNAL',
      formError: `Something went wrong on our side. Quote reference ${requestId} if you contact the help desk.`,
      fieldErrors: [],
    };
  }
}
