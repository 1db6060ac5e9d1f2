'use client';
import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FieldError } from '@/lib/errors';
import { fieldHref } from '@/lib/declaration/field-steps';
import { Button } from '../ui/button';

type Result = { ok: true; data: { registrationNumber: string } } | { ok: false; formError: string; fieldErrors: FieldError[] };

/**
 * The submit button: one request at a time (the server is idempotent too), then the declaration's
 * page. The control's findings link to the step page where each field is edited (the fields are not
 * on the check page); a request that fails on the way is a form error and the button is usable again.
 */
export function SubmitDeclaration({ submit, label, successHref, declarationId }: { submit: () => Promise<Result>; label: string; successHref: string; declarationId: string }) {
  const t = useTranslations('declaration');
  const tc = useTranslations('common');
  const tf = useTranslations('form');
  const router = useRouter();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<{ formError: string; fieldErrors: FieldError[] } | null>(null);

  useEffect(() => {
    const prefix = `${tc('errorPrefix')} `;
    const base = document.title.startsWith(prefix) ? document.title.slice(prefix.length) : document.title;
    document.title = error ? `${prefix}${base}` : base;
    if (error) summaryRef.current?.focus();
  }, [error, tc]);

  async function onClick() {
    if (isBusy) return;
    setIsBusy(true);
    setError(null);
    try {
      const result = await submit();
      if (result.ok) {
        router.push(successHref);
        router.refresh();
        return;
      }
      setError({ formError: result.formError, fieldErrors: result.fieldErrors });
    } catch {
      setError({ formError: tf('requestFailed'), fieldErrors: [] });
    }
    setIsBusy(false);
  }

  return (
    <div>
      {error ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="submit-error-title" className="mb-6 border-4 border-red-700 bg-white p-4">
          <h2 id="submit-error-title" className="text-lg font-bold">
            {tc('errorSummaryTitle')}
          </h2>
          <p className="mt-2">{error.formError}</p>
          {error.fieldErrors.length > 0 ? (
            <ul className="mt-2 list-none space-y-1">
              {error.fieldErrors.map((e, i) => (
                <li key={`${e.path}-${i}`}>
                  <a href={fieldHref(declarationId, e.path)} className="font-medium text-red-700 underline">
                    {e.message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <Button onClick={onClick} disabled={isBusy} aria-busy={isBusy}>
        {isBusy ? t('submitting') : label}
      </Button>
    </div>
  );
}
