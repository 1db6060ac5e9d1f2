'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FieldError } from '@/lib/errors';
import { Button } from '../ui/button';
import { ErrorSummary } from '../ui/error-summary';

type Result = { ok: true; data: { registrationNumber: string } } | { ok: false; formError: string; fieldErrors: FieldError[] };

/** The submit button: one request at a time (the server is idempotent too), then the declaration's page. */
export function SubmitDeclaration({ submit, label, successHref }: { submit: () => Promise<Result>; label: string; successHref: string }) {
  const t = useTranslations('declaration');
  const tc = useTranslations('common');
  const router = useRouter();
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<{ formError: string; fieldErrors: FieldError[] } | null>(null);

  async function onClick() {
    if (isBusy) return;
    setIsBusy(true);
    setError(null);
    const result = await submit();
    if (result.ok) {
      router.push(successHref);
      router.refresh();
      return;
    }
    setError({ formError: result.formError, fieldErrors: result.fieldErrors });
    setIsBusy(false);
  }

  return (
    <div>
      {error ? <ErrorSummary title={tc('errorSummaryTitle')} formError={error.formError} errors={error.fieldErrors.map((e) => ({ fieldId: e.path, message: e.message }))} /> : null}
      <Button onClick={onClick} disabled={isBusy} aria-busy={isBusy}>
        {isBusy ? t('submitting') : label}
      </Button>
    </div>
  );
}
