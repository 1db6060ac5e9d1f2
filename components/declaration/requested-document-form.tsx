'use client';
// The trader's upload of one requested document (type, number, date, file) from the declaration
// page. The type offers only the documents the officer asked for, those still needed first.
import { useTranslations } from 'next-intl';
import { ActionForm, type FormActionResult } from '../form/action-form';
import { FormFile, FormSelect, FormText } from '../form/fields';
import type { DocumentType } from '@/lib/reference/customs';

export function RequestedDocumentForm({
  action,
  documentTypes,
  stillNeeded,
  idPrefix,
}: {
  action: (formData: FormData) => Promise<FormActionResult<unknown>>;
  documentTypes: readonly DocumentType[];
  stillNeeded: readonly DocumentType[];
  /** Unique per request on the page. */
  idPrefix: string;
}) {
  const t = useTranslations('documentRequests');
  const td = useTranslations('declaration');
  const tc = useTranslations('common');
  const tDoc = useTranslations('documentType');
  const ordered = [...stillNeeded, ...documentTypes.filter((type) => !stillNeeded.includes(type))];
  return (
    <ActionForm
      action={action}
      submitLabel={t('upload')}
      busyLabel={t('uploading')}
      errorTitle={tc('errorSummaryTitle')}
      errorPrefix={tc('errorPrefix')}
      encType="multipart/form-data"
      resetOnSuccess
      idPrefix={idPrefix}
    >
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 font-semibold">{t('uploadLegend')}</legend>
        <FormSelect
          name="type"
          label={td('documentType')}
          options={ordered.map((type) => ({ value: type, label: tDoc(type) }))}
          defaultValue={ordered[0]}
        />
        <FormText name="number" label={td('documentNumber')} />
        <FormText name="date" label={td('documentDate')} hint={td('dateHint')} placeholder="2026-11-28" />
      </fieldset>
      <FormFile name="file" label={t('fileLabel')} hint={t('fileHint')} accept="application/pdf,image/jpeg,image/png" />
    </ActionForm>
  );
}
