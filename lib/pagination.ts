import { z } from 'zod';

/** `?page=` of a paginated list: a bad value falls back to the first page rather than failing. */
export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export const ZUuidParam = z.object({ id: z.uuid() });
