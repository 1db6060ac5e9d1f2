'use client';
// The officer's decision forms. Each posts to a server action bound to the declaration and the
// version the page was rendered with: a decision on a stale page is refused (409) with a message.
import { useTranslations } from 'next-intl';
import { ActionForm, type FormActionResult } from '../form/action-form';
import { FormTextarea, FormSelect, FormText, FormRadios } from '../form/fields';
import { DISCREPANCY_TYPES } from '@/lib/officer/decisions';

type Action = (formData: FormData) => Promise<FormActionResult<unknown>>;

function useLabels() {
  const tc = useTranslations('common');
  const t = useTranslations('officer');
  return { errorTitle: tc('errorSummaryTitle'), errorPrefix: tc('errorPrefix'), busyLabel: t('sending') };
}

export function RequestAmendmentForm({ action }: { action: Action }) {
  const t = useTranslations('officer');
  return (
    <ActionForm
      action={action}
      submitLabel={t('requestAmendment')}
      {...useLabels()}
      resetOnSuccess
      idPrefix="amendment-"
    >
      <FormTextarea name="message" label={t('amendmentMessage')} hint={t('amendmentHint')} />
    </ActionForm>
  );
}

function Outcome({ withCritical }: { withCritical?: boolean }) {
  const t = useTranslations('officer');
  const td = useTranslations('discrepancy');
  return (
    <>
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
        placeholder={t('none')}
        options={DISCREPANCY_TYPES.map((d) => ({ value: d, label: td(d) }))}
        defaultValue=""
      />
      {withCritical ? (
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
      ) : null}
    </>
  );
}

export function DocumentCheckForm({ action }: { action: Action }) {
  const t = useTranslations('officer');
  return (
    <ActionForm
      action={action}
      submitLabel={t('recordDocumentCheck')}
      {...useLabels()}
      resetOnSuccess
      idPrefix="check-"
    >
      <FormTextarea name="findings" label={t('documentFindings')} />
      <Outcome />
    </ActionForm>
  );
}

export function ExaminationForm({ action }: { action: Action }) {
  const t = useTranslations('officer');
  return (
    <ActionForm action={action} submitLabel={t('recordExamination')} {...useLabels()} resetOnSuccess idPrefix="exam-">
      <FormTextarea name="findings" label={t('examinationFindings')} />
      <Outcome withCritical />
    </ActionForm>
  );
}

export function AdjustmentForm({ action, items }: { action: Action; items: Array<{ lineNo: number; label: string }> }) {
  const t = useTranslations('officer');
  return (
    <ActionForm action={action} submitLabel={t('adjust')} {...useLabels()} resetOnSuccess idPrefix="adjust-">
      <FormSelect
        name="lineNo"
        label={t('adjustItem')}
        placeholder={t('chooseItem')}
        options={items.map((i) => ({ value: String(i.lineNo), label: i.label }))}
        defaultValue=""
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormText
          name="newInvoiceValue"
          label={t('newInvoiceValue')}
          hint={t('newInvoiceValueHint')}
          inputMode="decimal"
        />
        <FormText name="newHsCode" label={t('newHsCode')} hint={t('newHsCodeHint')} inputMode="numeric" />
      </div>
      <FormTextarea name="reason" label={t('adjustmentReason')} rows={3} />
    </ActionForm>
  );
}

export function ReasonForm({
  action,
  submitLabel,
  label,
  idPrefix,
}: {
  action: Action;
  submitLabel: string;
  label: string;
  idPrefix: string;
}) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} {...useLabels()} resetOnSuccess idPrefix={idPrefix}>
      <FormTextarea name="reason" label={label} rows={3} />
    </ActionForm>
  );
}

export function ReassignForm({
  action,
  inspectors,
}: {
  action: Action;
  inspectors: Array<{ id: string; label: string }>;
}) {
  const t = useTranslations('officer');
  return (
    <ActionForm action={action} submitLabel={t('reassign')} {...useLabels()} resetOnSuccess idPrefix="reassign-">
      <FormSelect
        name="inspectorId"
        label={t('reassignTo')}
        placeholder={t('chooseInspector')}
        options={inspectors.map((i) => ({ value: i.id, label: i.label }))}
        defaultValue=""
      />
      <FormText name="reason" label={t('reassignReason')} />
    </ActionForm>
  );
}
