'use client';
import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FieldError } from '@/lib/errors';
import { fieldHref } from '@/lib/declaration/field-steps';
import { Button } from '../ui/button';
import { ErrorSummary } from '../ui/error-summary';

type Result =
  { ok: true; data: { registrationNumber: string } } | { ok: false; formError: string; fieldErrors: FieldError[] };

/**
 * The submit button: one request at a time (the server is idempotent too), then the declaration's
 * page. The control's findings link to the step page where each field is edited (the fields are not
 * on the check page); a request that fails on the way is a form error and the button is usable again.
 */
export function SubmitDeclaration({
  submit,
  label,
  successHref,
  declarationId,
}: {
  submit: () => Promise<Result>;
  label: string;
  successHref: string;
  declarationId: string;
}) {
  const t = useTranslations('declaration');
  const tc = useTranslations('common');
  const tf = useTranslations('form');
  const router = useRouter();
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<{ formError: string; fieldErrors: FieldError[] } | null>(null);

  useEffect(() => {
    const prefix = `${tc('errorPrefix')} `;
    const base = document.title.startsWith(prefix) ? document.title.slice(prefix.length) : document.title;
    document.title = error ? `${prefix}${base}` : base;
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
        <ErrorSummary
          title={tc('errorSummaryTitle')}
          formError={error.formError}
          errors={error.fieldErrors.map((e) => ({
            fieldId: e.path,
            message: e.message,
            href: fieldHref(declarationId, e.path),
          }))}
        />
      ) : null}
      <Button onClick={onClick} disabled={isBusy} aria-busy={isBusy}>
        {isBusy ? t('submitting') : label}
      </Button>
    </div>
  );
}
