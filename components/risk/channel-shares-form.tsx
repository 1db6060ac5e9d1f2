'use client';
import { useTranslations } from 'next-intl';
import { ActionForm, type FormActionResult } from '../form/action-form';
import { FormText, FormSelect } from '../form/fields';
import { REGIMES } from '@/lib/reference/customs';

export function ChannelSharesForm({ action, randomShare }: { action: (formData: FormData) => Promise<FormActionResult<unknown>>; randomShare: string }) {
  const t = useTranslations('risk');
  const tc = useTranslations('common');
  return (
    <ActionForm action={action} submitLabel={t('setShares')} busyLabel={t('saving')} errorTitle={tc('errorSummaryTitle')} errorPrefix={tc('errorPrefix')} idPrefix="shares-">
      <div className="grid gap-4 sm:grid-cols-4">
        <FormSelect name="regime" label={t('regime')} options={[{ value: 'default', label: t('allRegimes') }, ...REGIMES.map((r) => ({ value: r, label: r }))]} defaultValue="default" />
        <FormText name="yellowPercent" label={t('yellowShare')} inputMode="decimal" defaultValue="25" />
        <FormText name="redPercent" label={t('redShare')} inputMode="decimal" defaultValue="10" />
        <FormText name="randomSharePercent" label={t('randomShare')} inputMode="decimal" defaultValue={randomShare} />
      </div>
    </ActionForm>
  );
}
