import type { z } from 'zod';
import { AppError, type FieldError } from './errors';

/** Every issue of a failed parse as `{ path, message }`, path in dotted form (`items.0.hsCode`). */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '_form',
    message: issue.message,
  }));
}

/** Parse or throw a VALIDATION AppError naming every failing field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('VALIDATION', 'There is a problem with the information you entered.', fieldErrorsOf(result.error));
  return result.data;
}

/** Group field errors by path, first message per field (for error summaries). */
export function byPath(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.path] ??= e.message;
  return out;
}
