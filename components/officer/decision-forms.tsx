'use client';
import { useTranslations } from 'next-intl';
import { ActionForm, type FormActionResult } from '../form/action-form';
import { FormTextarea } from '../form/fields';

type Action = (formData: FormData) => Promise<FormActionResult<unknown>>;

export function RequestAmendmentForm({ action }: { action: Action }) {
  const t = useTranslations('officer');
  const tc = useTranslations('common');
  return (
    <ActionForm action={action} submitLabel={t('requestAmendment')} busyLabel={t('sending')} errorTitle={tc('errorSummaryTitle')} errorPrefix={tc('errorPrefix')} resetOnSuccess>
      <FormTextarea name="message" label={t('amendmentMessage')} hint={t('amendmentHint')} />
    </ActionForm>
  );
}
