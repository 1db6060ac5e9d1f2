'use client';
// The journey's step forms. Labels come from the catalogue; values are the draft's current ones.
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import {
  REGIMES,
  TRANSPORT_MODES,
  INCOTERMS,
  SUPPLEMENTARY_UNITS,
  DOCUMENT_TYPES,
  type Incoterm,
} from '@/lib/reference/customs';
import { isCostRequired, type TransportCost } from '@/lib/declaration/incoterm-costs';
import { ActionForm, type FormActionResult } from '../form/action-form';
import { FormText, FormSelect, FormFile, FormCountry } from '../form/fields';
import type { AutosaveAction } from '../form/autosave';
import { HsSearch } from './hs-search';
import { ConsigneePrefill } from './consignee-prefill';
import { CSV_TOO_LARGE, MAX_CSV_BYTES } from '@/lib/declaration/items-csv';

type Action<T = unknown> = (formData: FormData) => Promise<FormActionResult<T>>;
export type PostOption = { code: string; name: string };
type Values = Record<string, string | null | undefined>;
const v = (values: Values, key: string) => values[key] ?? '';

function useFormLabels() {
  const tc = useTranslations('common');
  const tj = useTranslations('journey');
  return {
    errorTitle: tc('errorSummaryTitle'),
    errorPrefix: tc('errorPrefix'),
    submitLabel: tj('saveAndContinue'),
    busyLabel: tj('saving'),
  };
}

/**
 * Step 1. Once registered (an amendment), the regime and the customs post are fixed: they show as
 * disabled fields and their current values are sent as they are (the server refuses a change too).
 */
export function PartiesForm({
  action,
  posts,
  values,
  successHref,
  isRegistered = false,
  autosave,
  ownCompany,
}: {
  action: Action<{ id: string } | void>;
  posts: PostOption[];
  values: Values;
  successHref: string;
  isRegistered?: boolean;
  /** A draft's step saves as the trader types. */
  autosave?: AutosaveAction;
  /** The trader's company: the consignee filled in on an import when left empty (drafts only). */
  ownCompany?: { name: string; country: string; address: string };
}) {
  const t = useTranslations('declaration');
  const tRegime = useTranslations('regime');
  const fixedHint = isRegistered ? t('fixedAtRegistration') : undefined;
  const postOptions = posts.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }));
  // A registered declaration's post may since have been closed: keep it selectable for display.
  if (isRegistered && values.postCode && !postOptions.some((o) => o.value === values.postCode))
    postOptions.push({ value: values.postCode, label: values.postCode });
  return (
    <ActionForm action={action} successHref={successHref} autosave={autosave} {...useFormLabels()}>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-xl font-semibold">{t('headerSection')}</legend>
        <FormSelect
          name="regime"
          label={t('regime')}
          hint={fixedHint}
          disabled={isRegistered}
          placeholder={t('choose')}
          options={REGIMES.map((r) => ({ value: r, label: tRegime(r) }))}
          defaultValue={v(values, 'regime')}
        />
        <FormSelect
          name="postCode"
          label={t('postCode')}
          hint={fixedHint}
          disabled={isRegistered}
          placeholder={t('choose')}
          options={postOptions}
          defaultValue={v(values, 'postCode')}
        />
        {isRegistered ? (
          <>
            <input type="hidden" name="regime" value={v(values, 'regime')} />
            <input type="hidden" name="postCode" value={v(values, 'postCode')} />
          </>
        ) : null}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-xl font-semibold">{t('consignorSection')}</legend>
        <FormText name="consignorName" label={t('consignorName')} defaultValue={v(values, 'consignorName')} />
        <FormCountry
          name="consignorCountry"
          label={t('consignorCountry')}
          hint={t('countryHint')}
          defaultValue={v(values, 'consignorCountry')}
        />
        <FormText name="consignorAddress" label={t('consignorAddress')} defaultValue={v(values, 'consignorAddress')} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-xl font-semibold">{t('consigneeSection')}</legend>
        <FormText name="consigneeName" label={t('consigneeName')} defaultValue={v(values, 'consigneeName')} />
        <FormCountry
          name="consigneeCountry"
          label={t('consigneeCountry')}
          hint={t('countryHint')}
          defaultValue={v(values, 'consigneeCountry')}
        />
        <FormText name="consigneeAddress" label={t('consigneeAddress')} defaultValue={v(values, 'consigneeAddress')} />
        {ownCompany && !isRegistered ? <ConsigneePrefill company={ownCompany} /> : null}
      </fieldset>
    </ActionForm>
  );
}

export function TransportForm({
  action,
  values,
  successHref,
  autosave,
}: {
  action: Action;
  values: Values;
  successHref: string;
  /** A draft's step saves as the trader types. */
  autosave?: AutosaveAction;
}) {
  const t = useTranslations('declaration');
  const tMode = useTranslations('transportMode');
  // Freight and insurance are required or left empty by the Incoterm: the hints say which for the one chosen.
  const [incoterm, setIncoterm] = useState(v(values, 'incoterm'));
  const chosenIncoterm = (INCOTERMS as readonly string[]).includes(incoterm) ? (incoterm as Incoterm) : null;
  const costHint = (cost: TransportCost) => {
    const isRequired = isCostRequired(chosenIncoterm, cost);
    if (isRequired === null) return t(`${cost}Hint`);
    return t(isRequired ? `${cost}Required` : `${cost}Included`, { incoterm: chosenIncoterm ?? '' });
  };
  return (
    <ActionForm action={action} successHref={successHref} autosave={autosave} {...useFormLabels()}>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-xl font-semibold">{t('routeSection')}</legend>
        <FormCountry
          name="dispatchCountry"
          label={t('dispatchCountry')}
          hint={t('countryHint')}
          defaultValue={v(values, 'dispatchCountry')}
        />
        <FormCountry
          name="destinationCountry"
          label={t('destinationCountry')}
          hint={t('countryHint')}
          defaultValue={v(values, 'destinationCountry')}
        />
        <FormSelect
          name="transportMode"
          label={t('transportMode')}
          placeholder={t('choose')}
          options={TRANSPORT_MODES.map((m) => ({ value: m, label: tMode(m) }))}
          defaultValue={v(values, 'transportMode')}
        />
        <FormText
          name="transportDocument"
          label={t('transportDocument')}
          hint={t('transportDocumentHint')}
          defaultValue={v(values, 'transportDocument')}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-xl font-semibold">{t('termsSection')}</legend>
        <FormSelect
          name="incoterm"
          label={t('incoterm')}
          hint={t('incotermHint')}
          placeholder={t('choose')}
          options={INCOTERMS.map((i) => ({ value: i, label: i }))}
          defaultValue={v(values, 'incoterm')}
          onChange={(e) => setIncoterm(e.target.value)}
        />
        <FormText
          name="invoiceCurrency"
          label={t('invoiceCurrency')}
          hint={t('currencyHint')}
          defaultValue={v(values, 'invoiceCurrency')}
        />
        <FormText
          name="invoiceTotal"
          label={t('invoiceTotal')}
          hint={t('amountHint')}
          inputMode="decimal"
          defaultValue={v(values, 'invoiceTotal')}
        />
        <FormText
          name="freight"
          label={t('freight')}
          hint={costHint('freight')}
          inputMode="decimal"
          defaultValue={v(values, 'freight')}
        />
        <FormText
          name="insurance"
          label={t('insurance')}
          hint={costHint('insurance')}
          inputMode="decimal"
          defaultValue={v(values, 'insurance')}
        />
      </fieldset>
    </ActionForm>
  );
}

export function ItemForm({
  action,
  values,
  successHref,
  submitLabel,
}: {
  action: Action;
  values: Values;
  successHref: string;
  submitLabel?: string;
}) {
  const t = useTranslations('declaration');
  const labels = useFormLabels();
  return (
    <ActionForm action={action} successHref={successHref} {...labels} submitLabel={submitLabel ?? labels.submitLabel}>
      <HsSearch />
      <div className="grid gap-4 sm:grid-cols-4">
        <FormText name="hsCode" label={t('hsCode')} inputMode="numeric" defaultValue={v(values, 'hsCode')} />
        <FormText
          name="description"
          label={t('description')}
          className="sm:col-span-3"
          defaultValue={v(values, 'description')}
        />
        <FormCountry
          name="originCountry"
          label={t('originCountry')}
          hint={t('countryHint')}
          defaultValue={v(values, 'originCountry')}
        />
        <FormText name="grossMass" label={t('grossMass')} inputMode="decimal" defaultValue={v(values, 'grossMass')} />
        <FormText name="netMass" label={t('netMass')} inputMode="decimal" defaultValue={v(values, 'netMass')} />
        <FormText
          name="invoiceValue"
          label={t('invoiceValue')}
          hint={t('amountHint')}
          inputMode="decimal"
          defaultValue={v(values, 'invoiceValue')}
        />
        <FormText name="quantity" label={t('quantity')} inputMode="decimal" defaultValue={v(values, 'quantity')} />
        <FormSelect
          name="supplementaryUnit"
          label={t('supplementaryUnit')}
          hint={t('unitHint')}
          options={SUPPLEMENTARY_UNITS.map((u) => ({ value: u, label: u }))}
          defaultValue={v(values, 'supplementaryUnit') || 'KG'}
        />
      </div>
    </ActionForm>
  );
}

export function DocumentForm({ action }: { action: Action }) {
  const t = useTranslations('declaration');
  const tj = useTranslations('journey');
  const tDoc = useTranslations('documentType');
  const labels = useFormLabels();
  return (
    <ActionForm
      action={action}
      {...labels}
      submitLabel={tj('addDocument')}
      busyLabel={tj('uploading')}
      encType="multipart/form-data"
      resetOnSuccess
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <FormSelect
          name="type"
          label={t('documentType')}
          placeholder={t('choose')}
          options={DOCUMENT_TYPES.map((d) => ({ value: d, label: tDoc(d) }))}
          defaultValue=""
        />
        <FormText name="number" label={t('documentNumber')} />
        <FormText name="date" label={t('documentDate')} hint={t('dateHint')} placeholder="2026-11-28" />
      </div>
      <FormFile
        name="file"
        label={t('documentFile')}
        hint={t('documentFileHint')}
        accept="application/pdf,image/jpeg,image/png"
      />
    </ActionForm>
  );
}

export function CsvImportForm({ action }: { action: Action }) {
  const tj = useTranslations('journey');
  const labels = useFormLabels();
  return (
    <ActionForm
      action={action}
      {...labels}
      submitLabel={tj('importItems')}
      busyLabel={tj('importing')}
      encType="multipart/form-data"
      resetOnSuccess
    >
      <FormFile
        name="file"
        label={tj('csvFile')}
        hint={tj('csvHint')}
        accept=".csv,text/csv"
        maxBytes={MAX_CSV_BYTES}
        tooLargeMessage={CSV_TOO_LARGE}
      />
    </ActionForm>
  );
}

export function WithdrawForm({ action, successHref }: { action: Action; successHref: string }) {
  const tj = useTranslations('journey');
  const labels = useFormLabels();
  return (
    <ActionForm
      action={action}
      successHref={successHref}
      {...labels}
      submitLabel={tj('withdraw')}
      busyLabel={tj('withdrawing')}
      submitVariant="danger"
    >
      <FormText name="reason" label={tj('withdrawReason')} />
    </ActionForm>
  );
}
