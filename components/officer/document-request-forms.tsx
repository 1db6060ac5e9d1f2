'use client';
// The officer's request for documents: which (checkboxes), why, and by when. Posted to a server
// action bound to the declaration and the version the page shows (409 when stale).
import { useTranslations } from 'next-intl';
import { ActionForm, useFieldError, useFieldId, type FormActionResult } from '../form/action-form';
import { FormText, FormTextarea } from '../form/fields';
import { FieldMessages, describedBy } from '../ui/field';
import { DOCUMENT_TYPES } from '@/lib/reference/customs';

function DocumentTypeChoices({ legend, hint }: { legend: string; hint: string }) {
  const tDoc = useTranslations('documentType');
  const error = useFieldError('documentTypes');
  const id = useFieldId('documentTypes');
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(id, hint, error)}
      className={error ? 'border-l-4 border-red-700 pl-3' : undefined}
    >
      <legend className="font-medium">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="mt-1 grid gap-2 sm:grid-cols-2">
        {DOCUMENT_TYPES.map((type) => (
          <label key={type} className="inline-flex items-center gap-2">
            <input type="checkbox" name="documentTypes" value={type} className="h-5 w-5" />
            {tDoc(type)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function RequestDocumentsForm({
  action,
}: {
  action: (formData: FormData) => Promise<FormActionResult<unknown>>;
}) {
  const t = useTranslations('documentRequests');
  const to = useTranslations('officer');
  const tc = useTranslations('common');
  return (
    <ActionForm
      action={action}
      submitLabel={t('request')}
      busyLabel={to('sending')}
      errorTitle={tc('errorSummaryTitle')}
      errorPrefix={tc('errorPrefix')}
      resetOnSuccess
      idPrefix="docreq-"
    >
      <DocumentTypeChoices legend={t('whichDocuments')} hint={t('whichDocumentsHint')} />
      <FormTextarea name="reason" label={t('reasonLabel')} hint={t('reasonHint')} rows={3} />
      <FormText name="dueDate" label={t('dueDateLabel')} hint={t('dueDateHint')} placeholder="2026-12-05" />
    </ActionForm>
  );
}
