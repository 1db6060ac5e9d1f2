'use client';
// The administrator's service settings form: the SLA targets of the officers' queue and the
// four-eyes limit of value adjustments. Errors in a summary linking to the fields and beside each.
import { useTranslations } from 'next-intl';
import { ActionForm, type FormActionResult } from '../form/action-form';
import { FormText } from '../form/fields';
import type { ServiceSettings } from '@/lib/admin/service-settings';

export function ServiceSettingsForm({
  action,
  values,
}: {
  action: (formData: FormData) => Promise<FormActionResult<ServiceSettings>>;
  values: ServiceSettings;
}) {
  const t = useTranslations('admin');
  const tc = useTranslations('common');
  return (
    <ActionForm
      action={action}
      submitLabel={t('settings.save')}
      busyLabel={t('settings.saving')}
      errorTitle={tc('errorSummaryTitle')}
      errorPrefix={tc('errorPrefix')}
    >
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t('settings.slaLegend')}</legend>
        <FormText
          name="yellowTargetMinutes"
          label={t('settings.yellow')}
          hint={t('settings.yellowHint')}
          inputMode="numeric"
          defaultValue={String(values.yellowTargetMinutes)}
          className="max-w-xs"
        />
        <FormText
          name="redTargetMinutes"
          label={t('settings.red')}
          hint={t('settings.redHint')}
          inputMode="numeric"
          defaultValue={String(values.redTargetMinutes)}
          className="max-w-xs"
        />
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t('settings.fourEyesLegend')}</legend>
        <FormText
          name="fourEyesLimit"
          label={t('settings.fourEyes')}
          hint={t('settings.fourEyesHint')}
          inputMode="decimal"
          defaultValue={values.fourEyesLimit}
          className="max-w-sm"
        />
      </fieldset>
    </ActionForm>
  );
}
