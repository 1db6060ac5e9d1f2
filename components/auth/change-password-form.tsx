'use client';
// The change-password form: current password, the new one twice. Errors in the summary and beside
// each field (the same schema runs on the server); on success a confirmation, and the form clears.
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm, type FormActionResult } from '../form/action-form';
import { FormText } from '../form/fields';

export function ChangePasswordForm({
  action,
  minLength,
}: {
  action: (formData: FormData) => Promise<FormActionResult<{ endedSessions: number }>>;
  minLength: number;
}) {
  const t = useTranslations('account');
  const tc = useTranslations('common');
  const [isChanged, setIsChanged] = useState(false);
  return (
    <>
      {isChanged ? (
        <p role="status" className="mb-6 border-l-4 border-emerald-700 bg-emerald-50 p-4">
          {t('password.changed')}
        </p>
      ) : null}
      <ActionForm
        action={async (formData) => {
          setIsChanged(false);
          return action(formData);
        }}
        onSuccess={() => setIsChanged(true)}
        resetOnSuccess
        submitLabel={t('password.submit')}
        busyLabel={t('password.submitting')}
        errorTitle={tc('errorSummaryTitle')}
        errorPrefix={tc('errorPrefix')}
      >
        <FormText
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t('password.current')}
        />
        <FormText
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={t('password.new')}
          hint={t('password.newHint', { min: String(minLength) })}
        />
        <FormText name="confirmPassword" type="password" autoComplete="new-password" label={t('password.confirm')} />
      </ActionForm>
    </>
  );
}
