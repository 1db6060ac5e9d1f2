import { describe, expect, it } from 'vitest';
import { readBodyText, readJson, MAX_JSON_BODY_BYTES } from '@/src/server/http';
import { AppError } from '@/lib/errors';

/** A request whose body streams in chunks, with no Content-Length (as a chunked upload), or a lying one. */
function streamed(chunks: string[], contentLength?: number) {
  const encoder = new TextEncoder();
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled < chunks.length) controller.enqueue(encoder.encode(chunks[pulled++]));
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  ); // nothing is pulled until a reader asks
  const headers = contentLength === undefined ? undefined : { 'content-length': String(contentLength) };
  return {
    request: new Request('http://localhost/api', { method: 'POST', body, headers, duplex: 'half' } as RequestInit),
    pulled: () => pulled,
  };
}

describe('reading request bodies within a limit', () => {
  it('reads a body under the limit whole', async () => {
    expect(await readBodyText(streamed(['{"a":', '1}']).request, 100)).toBe('{"a":1}');
  });

  it('gives up as soon as a chunked body passes the limit, without reading the rest', async () => {
    const s = streamed(['x'.repeat(60), 'x'.repeat(60), 'x'.repeat(60), 'x'.repeat(60)]);
    expect(await readBodyText(s.request, 100)).toBeNull();
    expect(s.pulled()).toBeLessThan(4);
  });

  it('does not trust a small Content-Length; refuses a large one unread', async () => {
    expect(await readBodyText(streamed(['x'.repeat(150)], 10).request, 100)).toBeNull();
    const s = streamed(['{}'], 5_000_000);
    expect(await readBodyText(s.request, 100)).toBeNull();
    expect(s.pulled()).toBe(0);
  });

  it('answers an over-long JSON body with 413 and a bad one with a field error, never a 500', async () => {
    const tooLarge = await readJson(streamed(['[', '1,'.repeat(MAX_JSON_BODY_BYTES / 2), '1]']).request).catch(
      (e: unknown) => e,
    );
    expect(tooLarge).toBeInstanceOf(AppError);
    expect((tooLarge as AppError).code).toBe('PAYLOAD_TOO_LARGE');
    const bad = await readJson(streamed(['{"a":']).request).catch((e: unknown) => e);
    expect((bad as AppError).fieldErrors).toEqual([{ path: '_body', message: 'The request body must be valid JSON' }]);
    expect(await readJson(streamed(['{"items":[1,2]}']).request)).toEqual({ items: [1, 2] });
  });
});
