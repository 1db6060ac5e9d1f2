'use client';
// The post-clearance audit's outcome: findings, whether a discrepancy was found (and its type and
// gravity), and the additional revenue it raised. Errors in a summary linking to the fields.
import { useTranslations } from 'next-intl';
import { ActionForm, type FormActionResult } from '../form/action-form';
import { FormRadios, FormSelect, FormText, FormTextarea } from '../form/fields';
import { DISCREPANCY_TYPES } from '@/lib/officer/decisions';

export function PostClearanceAuditForm({
  action,
}: {
  action: (formData: FormData) => Promise<FormActionResult<unknown>>;
}) {
  const t = useTranslations('audits');
  const tc = useTranslations('common');
  const td = useTranslations('discrepancy');
  return (
    <ActionForm
      action={action}
      submitLabel={t('record')}
      busyLabel={t('recording')}
      errorTitle={tc('errorSummaryTitle')}
      errorPrefix={tc('errorPrefix')}
    >
      <FormTextarea name="findings" label={t('findings')} hint={t('findingsHint')} rows={4} />
      <FormRadios
        name="isHit"
        legend={t('isHit')}
        options={[
          { value: 'no', label: t('noDiscrepancy') },
          { value: 'yes', label: t('discrepancyFound') },
        ]}
        defaultValue="no"
      />
      <FormSelect
        name="discrepancyType"
        label={t('discrepancyType')}
        hint={t('discrepancyTypeHint')}
        placeholder={t('noneType')}
        options={DISCREPANCY_TYPES.map((d) => ({ value: d, label: td(d) }))}
        defaultValue=""
      />
      <FormRadios
        name="isCritical"
        legend={t('isCritical')}
        hint={t('isCriticalHint')}
        options={[
          { value: 'no', label: t('no') },
          { value: 'yes', label: t('yes') },
        ]}
        defaultValue="no"
      />
      <FormText
        name="additionalRevenue"
        label={t('additionalRevenue')}
        hint={t('additionalRevenueHint')}
        inputMode="decimal"
        defaultValue="0.00"
        className="max-w-sm"
      />
    </ActionForm>
  );
}
