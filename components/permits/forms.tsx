'use client';
// The permit area's forms: each one an ActionForm (errors in a summary linking to the fields and
// beside each field), labels from the `permits` catalogue, actions bound by the page.
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { SUPPLEMENTARY_UNITS } from '@/lib/reference/customs';
import { ActionForm, type FormActionResult } from '../form/action-form';
import { FormCountry, FormFile, FormRadios, FormSelect, FormText, FormTextarea } from '../form/fields';
import { FormCheckbox, FormCheckboxes } from './fields';

type Action<T = unknown> = (formData: FormData) => Promise<FormActionResult<T>>;
type Option = { value: string; label: string };

function useErrorLabels() {
  const tc = useTranslations('common');
  return { errorTitle: tc('errorSummaryTitle'), errorPrefix: tc('errorPrefix') };
}

const UNITS: Option[] = SUPPLEMENTARY_UNITS.map((u) => ({ value: u, label: u }));

type Direction = 'IMPORT' | 'EXPORT' | 'TRANSIT';

/** A permit type to choose: its directions and its fee (already formatted) with the refund rule. */
export type TypeOption = Option & { directions: readonly Direction[]; fee: string | null; isFeeRefundable: boolean };

/** The type, the direction (asked only for a type of several) and, below, what the chosen type's fee will be. */
function TypeFields({
  types,
  defaultType = '',
  defaultDirection,
}: {
  types: readonly TypeOption[];
  defaultType?: string;
  defaultDirection?: Direction;
}) {
  const t = useTranslations('permits');
  const [typeCode, setTypeCode] = useState(defaultType);
  const chosen = types.find((type) => type.value === typeCode);
  const directions = chosen?.directions ?? [];
  return (
    <>
      <FormSelect
        name="permitTypeCode"
        label={t('apply.type')}
        placeholder={t('choose')}
        options={types}
        defaultValue={defaultType}
        onChange={(e) => setTypeCode(e.target.value)}
      />
      <p className="text-sm text-slate-800" aria-live="polite">
        {chosen
          ? chosen.fee
            ? t('apply.fee', {
                fee: chosen.fee,
                rule: t(chosen.isFeeRefundable ? 'feeRule.refundable' : 'feeRule.notRefundable'),
              })
            : t('apply.noFee')
          : null}
      </p>
      {directions.length > 1 ? (
        <FormRadios
          key={typeCode}
          name="direction"
          legend={t('apply.direction')}
          hint={t('apply.directionHint')}
          options={directions.map((d) => ({ value: d, label: t(`direction.${d}`) }))}
          defaultValue={defaultDirection}
        />
      ) : null}
    </>
  );
}

/** The type, the direction (asked only for a type of several directions: PH-NARC, ECO-CITES) and the purpose. */
export function StartApplicationForm({
  action,
  types,
}: {
  action: Action<{ id: string }>;
  types: readonly TypeOption[];
}) {
  const t = useTranslations('permits');
  return (
    <ActionForm
      action={action}
      successHref="/trader/permits/applications/{id}"
      submitLabel={t('apply.start')}
      busyLabel={t('working')}
      {...useErrorLabels()}
    >
      <TypeFields types={types} />
      <FormTextarea name="purpose" label={t('apply.purpose')} hint={t('apply.purposeHint')} rows={3} />
    </ActionForm>
  );
}

export type LinePrefillValues = {
  typeCode: string;
  direction: Direction;
  purpose: string;
  hsCode: string;
  description: string;
  quantity: string;
  unit: string;
  country: string;
};

/**
 * "Apply for a permit" from a declaration line: the type (only those the line needs), the purpose and
 * the line's goods as the first product, every field prefilled and editable. `quantityHint` says in
 * which unit the quantity is, or why it was left empty.
 */
export function StartApplicationForLineForm({
  action,
  types,
  values,
  countryLabel,
  quantityHint,
}: {
  action: Action<{ id: string }>;
  types: readonly TypeOption[];
  values: LinePrefillValues;
  countryLabel: string;
  quantityHint: string;
}) {
  const t = useTranslations('permits');
  return (
    <ActionForm
      action={action}
      successHref="/trader/permits/applications/{id}"
      submitLabel={t('apply.start')}
      busyLabel={t('working')}
      {...useErrorLabels()}
    >
      <TypeFields types={types} defaultType={values.typeCode} defaultDirection={values.direction} />
      <FormTextarea
        name="purpose"
        label={t('apply.purpose')}
        hint={t('apply.purposeHint')}
        rows={2}
        defaultValue={values.purpose}
      />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t('apply.fromLine.product')}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <FormText
            name="hsCode"
            label={t('application.hsCode')}
            hint={t('application.hsCodeHint')}
            inputMode="numeric"
            maxLength={10}
            defaultValue={values.hsCode}
          />
          <FormText
            name="description"
            label={t('application.description')}
            className="sm:col-span-2"
            defaultValue={values.description}
          />
          <FormText
            name="quantity"
            label={t('application.quantity')}
            hint={quantityHint}
            inputMode="decimal"
            defaultValue={values.quantity}
          />
          <FormSelect name="unit" label={t('application.unit')} options={UNITS} defaultValue={values.unit} />
          <FormCountry
            name="country"
            label={countryLabel}
            hint={t('application.countryHint')}
            defaultValue={values.country}
          />
        </div>
      </fieldset>
    </ActionForm>
  );
}

export function ProductForm({ action, countryLabel }: { action: Action; countryLabel: string }) {
  const t = useTranslations('permits');
  return (
    <ActionForm
      action={action}
      submitLabel={t('application.addProduct')}
      busyLabel={t('working')}
      resetOnSuccess
      {...useErrorLabels()}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <FormText
          name="hsCode"
          label={t('application.hsCode')}
          hint={t('application.hsCodeHint')}
          inputMode="numeric"
        />
        <FormText name="description" label={t('application.description')} className="sm:col-span-2" />
        <FormText name="quantity" label={t('application.quantity')} inputMode="decimal" />
        <FormSelect name="unit" label={t('application.unit')} options={UNITS} defaultValue="KG" />
        <FormCountry name="country" label={countryLabel} hint={t('application.countryHint')} />
      </div>
    </ActionForm>
  );
}

export function ApplicationDocumentForm({ action, documentTypes }: { action: Action; documentTypes: string[] }) {
  const t = useTranslations('permits');
  return (
    <ActionForm
      action={action}
      submitLabel={t('application.attach')}
      busyLabel={t('application.uploading')}
      encType="multipart/form-data"
      resetOnSuccess
      {...useErrorLabels()}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormSelect
          name="documentType"
          label={t('application.documentType')}
          placeholder={t('choose')}
          options={documentTypes.map((d) => ({ value: d, label: d }))}
          defaultValue=""
        />
        <FormFile
          name="file"
          label={t('application.file')}
          hint={t('application.fileHint')}
          accept="application/pdf,image/jpeg,image/png"
        />
      </div>
    </ActionForm>
  );
}

/** A form of one button (submit the application): its errors still show in a summary. */
export function ButtonForm({
  action,
  label,
  busyLabel,
  successHref,
}: {
  action: Action;
  label: string;
  busyLabel: string;
  successHref?: string;
}) {
  return (
    <ActionForm
      action={action}
      submitLabel={label}
      busyLabel={busyLabel}
      successHref={successHref}
      {...useErrorLabels()}
    >
      {null}
    </ActionForm>
  );
}

/** One text to send: an answer, a question, a reason. */
export function TextForm({
  action,
  name,
  label,
  hint,
  submitLabel,
  busyLabel,
  successHref,
}: {
  action: Action;
  name: string;
  label: string;
  hint?: string;
  submitLabel: string;
  busyLabel: string;
  successHref?: string;
}) {
  return (
    <ActionForm
      action={action}
      submitLabel={submitLabel}
      busyLabel={busyLabel}
      successHref={successHref}
      resetOnSuccess
      {...useErrorLabels()}
    >
      <FormTextarea name={name} label={label} hint={hint} rows={3} />
    </ActionForm>
  );
}

export function IssuePermitForm({
  action,
  defaults,
}: {
  action: Action;
  defaults: { validFrom: string; validTo: string; quantity: string; unit: string };
}) {
  const t = useTranslations('permits');
  return (
    <ActionForm action={action} submitLabel={t('review.issue')} busyLabel={t('working')} {...useErrorLabels()}>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormText
          name="validFrom"
          label={t('review.validFrom')}
          hint={t('dateHint')}
          defaultValue={defaults.validFrom}
        />
        <FormText name="validTo" label={t('review.validTo')} hint={t('dateHint')} defaultValue={defaults.validTo} />
        <FormText
          name="quantity"
          label={t('review.quantity')}
          hint={t('review.quantityHint')}
          inputMode="decimal"
          defaultValue={defaults.quantity}
        />
        <FormSelect name="unit" label={t('review.unit')} options={UNITS} defaultValue={defaults.unit} />
      </div>
      <FormTextarea name="conditions" label={t('review.conditions')} hint={t('review.conditionsHint')} rows={3} />
    </ActionForm>
  );
}

export function LinkPermitForm({ action, lineNo, options }: { action: Action; lineNo: number; options: Option[] }) {
  const t = useTranslations('permits');
  const id = `permit-${lineNo}`;
  return (
    <ActionForm
      action={action}
      submitLabel={t('link.submit', { n: lineNo })}
      busyLabel={t('working')}
      fieldIdFor={(path) => (path === 'permitId' ? id : path)}
      className="flex flex-col gap-3"
      {...useErrorLabels()}
    >
      <FormSelect
        name="permitId"
        id={id}
        label={t('link.choose', { n: lineNo })}
        placeholder={t('choose')}
        options={options}
        defaultValue=""
      />
    </ActionForm>
  );
}

export type PermitTypeValues = {
  code: string;
  name: string;
  authorityCode: string;
  directions: string[];
  hsPrefixes: string;
  validityDays: string;
  scope: string;
  requiredDocuments: string;
  fee: string;
  isFeeRefundable: boolean;
  isActive: boolean;
};

export function PermitTypeForm({
  action,
  authorities,
  values,
  isNew,
  successHref,
}: {
  action: Action;
  authorities: Option[];
  values: PermitTypeValues;
  isNew: boolean;
  successHref: string;
}) {
  const t = useTranslations('permits');
  return (
    <ActionForm
      action={action}
      successHref={successHref}
      submitLabel={isNew ? t('admin.create') : t('admin.save')}
      busyLabel={t('working')}
      {...useErrorLabels()}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        {isNew ? (
          <FormText name="code" label={t('admin.code')} hint={t('admin.codeHint')} defaultValue={values.code} />
        ) : null}
        <FormText
          name="name"
          label={t('admin.name')}
          className={isNew ? 'sm:col-span-2' : 'sm:col-span-3'}
          defaultValue={values.name}
        />
        <FormSelect
          name="authorityCode"
          label={t('admin.authority')}
          placeholder={t('choose')}
          options={authorities}
          defaultValue={values.authorityCode}
        />
        <FormText
          name="validityDays"
          label={t('admin.validityDays')}
          inputMode="numeric"
          defaultValue={values.validityDays}
        />
        <FormSelect
          name="scope"
          label={t('admin.scope')}
          options={[
            { value: 'SHIPMENT', label: t('scope.SHIPMENT') },
            { value: 'QUANTITY', label: t('scope.QUANTITY') },
          ]}
          defaultValue={values.scope}
        />
      </div>
      <FormCheckboxes
        name="directions"
        legend={t('admin.directions')}
        options={(['IMPORT', 'EXPORT', 'TRANSIT'] as const).map((d) => ({ value: d, label: t(`direction.${d}`) }))}
        defaultValues={values.directions}
      />
      <FormTextarea
        name="hsPrefixes"
        label={t('admin.hsPrefixes')}
        hint={t('admin.hsPrefixesHint')}
        rows={2}
        defaultValue={values.hsPrefixes}
      />
      <FormTextarea
        name="requiredDocuments"
        label={t('admin.requiredDocuments')}
        hint={t('admin.requiredDocumentsHint')}
        rows={4}
        defaultValue={values.requiredDocuments}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <FormText
          name="fee"
          label={t('admin.fee')}
          hint={t('admin.feeHint')}
          inputMode="decimal"
          defaultValue={values.fee}
        />
      </div>
      <FormCheckbox
        name="isFeeRefundable"
        label={t('admin.isFeeRefundable')}
        hint={t('admin.isFeeRefundableHint')}
        defaultChecked={values.isFeeRefundable}
      />
      <FormCheckbox
        name="isActive"
        label={t('admin.isActive')}
        hint={t('admin.isActiveHint')}
        defaultChecked={values.isActive}
      />
    </ActionForm>
  );
}

export function SlaForm({ action, workingDays }: { action: Action; workingDays: number }) {
  const t = useTranslations('permits');
  return (
    <ActionForm action={action} submitLabel={t('admin.saveSla')} busyLabel={t('working')} {...useErrorLabels()}>
      <FormText
        name="workingDays"
        label={t('admin.slaWorkingDays')}
        hint={t('admin.slaHint')}
        inputMode="numeric"
        defaultValue={String(workingDays)}
        className="max-w-xs"
      />
    </ActionForm>
  );
}
