import { NextResponse } from 'next/server';
import { z } from 'zod';
import { withActor } from '@/src/server/http';
import { searchTariff } from '@/src/server/reference/tariff';
import { AppError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation';
import { text } from '@/lib/text';

const ZQuery = z.object({
  q: text({ error: 'Enter a code or words to search for' })
    .min(2, { error: 'Enter at least 2 characters' })
    .max(100, { error: 'Enter at most 100 characters' }),
});

/** GET /api/tariff/search?q= — tariff lines by code prefix or description words. */
export const GET = withActor(async (request, _context: unknown, actor) => {
  const parsed = ZQuery.safeParse({ q: new URL(request.url).searchParams.get('q') ?? undefined });
  if (!parsed.success) throw new AppError('VALIDATION', 'The search is not valid.', fieldErrorsOf(parsed.error));
  return NextResponse.json({ lines: await searchTariff({ actor, query: parsed.data.q }) });
});
