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
  if (!result.success)
    throw new AppError(
      'VALIDATION',
      'There is a problem with the information you entered.',
      fieldErrorsOf(result.error),
    );
  return result.data;
}

/** Group field errors by path, first message per field (for error summaries). */
export function byPath(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.path] ??= e.message;
  return out;
}

/**
 * For an object's cross-field `.refine` / `.superRefine`: `whenValid('grossMass', 'netMass')` runs
 * it only when the fields it reads parsed (every field when none is named), so that the other
 * fields' errors still show with it. Zod 4 otherwise runs it after a field's own check failed (a
 * failed `.max`, a refinement) on the raw value — and a Decimal built from '' throws: a 500.
 * (Zod skips it anyway after an aborting issue: invisible characters, a decimal that is no number.)
 */
export const whenValid = (...fields: string[]) => ({
  when: (payload: z.core.ParsePayload): boolean =>
    fields.length === 0
      ? payload.issues.length === 0
      : // An issue without a path is about the value itself (null, a string or a list where an object
        // belongs, e.g. one of a draft's items): it has no fields to compare.
        !payload.issues.some((issue) => !issue.path?.length || fields.includes(String(issue.path[0]))),
});
