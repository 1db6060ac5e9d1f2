'use client';
// "Sign out everywhere": ends every session of the account on the server, then clears this
// browser's cookie and lands on the sign-in page.
import { useState } from 'react';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import type { FormActionResult } from '../form/action-form';
import { ErrorSummary } from '../ui/error-summary';
import { Button } from '../ui/button';

export function SignOutEverywhere({ action }: { action: () => Promise<FormActionResult<{ endedSessions: number }>> }) {
  const t = useTranslations('account');
  const tc = useTranslations('common');
  const tf = useTranslations('form');
  const [formError, setFormError] = useState<string | undefined>();
  const [isBusy, setIsBusy] = useState(false);

  async function onClick() {
    setIsBusy(true);
    setFormError(undefined);
    try {
      const result = await action();
      // An ended session has nothing left to end: sign this browser out all the same.
      if (result.ok || result.code === 'UNAUTHENTICATED') {
        await signOut({ callbackUrl: '/sign-in' });
        return;
      }
      setFormError(result.formError);
    } catch {
      setFormError(tf('requestFailed'));
    }
    setIsBusy(false);
  }

  return (
    <div>
      <ErrorSummary title={tc('errorSummaryTitle')} errors={[]} formError={formError} />
      <Button type="button" variant="danger" onClick={() => void onClick()} disabled={isBusy} aria-busy={isBusy}>
        {isBusy ? t('everywhere.submitting') : t('everywhere.submit')}
      </Button>
    </div>
  );
}
