'use client';
// The error summary at the top of a form: focused when it appears, each error a link to its field.
import { useEffect, useRef } from 'react';

/** An error linked to its field on this page (`fieldId`), or to where it is fixed (`href`, e.g. another step). */
export type SummaryError = { fieldId: string; message: string; href?: string };

export function ErrorSummary({
  title,
  errors,
  formError,
}: {
  title: string;
  errors: SummaryError[];
  formError?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0 || Boolean(formError);
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, errors, formError]);
  if (!hasErrors) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-6 border-4 border-red-700 bg-white p-4"
    >
      <h2 id="error-summary-title" className="text-lg font-bold">
        {title}
      </h2>
      {formError ? <p className="mt-2">{formError}</p> : null}
      {errors.length > 0 ? (
        <ul className="mt-2 list-none space-y-1">
          {errors.map((e, i) => (
            <li key={`${e.fieldId}-${i}`}>
              <a href={e.href ?? `#${e.fieldId}`} className="font-medium text-red-700 underline">
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
