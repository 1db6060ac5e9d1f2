// How large a request body may be, in one place so that the three limits agree: the file a form
// uploads, the server action that receives the form, and the copy of the body the proxy buffers.
// next.config.ts reads these (serverActions.bodySizeLimit, proxyClientMaxBodySize).

const MIB = 1024 * 1024;

/** The largest file a trader uploads (a declaration's document, a permit application's file). Exactly 10 MB is accepted. */
export const MAX_UPLOAD_BYTES = 10 * MIB;

/**
 * The largest server-action body: one file at its limit plus the form's other fields and the
 * multipart framing (well under 1 MB). Between the file limit and this, the action itself answers
 * with the field error on `file`; above it Next refuses the body before the action runs.
 */
export const MAX_ACTION_BODY_BYTES = MAX_UPLOAD_BYTES + MIB;

/**
 * How much of a body the proxy buffers. Above it Next cuts the body the route receives — silently —
 * so it stays above every limit a route or action applies itself: a cut body is then always one
 * the route has already refused for its size, never one it parses as complete.
 */
export const PROXY_BODY_BYTES = MAX_ACTION_BODY_BYTES + MIB;

export const UPLOAD_TOO_LARGE = 'The selected file must be smaller than 10 MB';

/**
 * A request whose declared length is over the action limit, to be answered 413 before Next reads it
 * (Next answers a server action over its limit with a 500). A body sent without a length is bounded
 * by the action's own limit.
 */
export function isDeclaredBodyTooLarge(contentLength: string | null): boolean {
  if (contentLength === null || !/^\d{1,20}$/.test(contentLength.trim())) return false;
  return Number(contentLength) > MAX_ACTION_BODY_BYTES;
}
