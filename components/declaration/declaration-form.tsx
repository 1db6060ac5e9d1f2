'use client';
// The thin declaration form: header, parties, transport and terms, and items. The same zod schema
// (lib/declaration/schema.ts) is checked here for quick feedback and again on the server.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { REGIMES, TRANSPORT_MODES, INCOTERMS, SUPPLEMENTARY_UNITS } from '@/lib/reference/customs';
import { ZDeclarationDraft } from '@/lib/declaration/schema';
import { fieldErrorsOf } from '@/lib/validation';
import type { FieldError } from '@/lib/errors';
import { TextField, SelectField } from '../ui/field';
import { Button } from '../ui/button';
import { ErrorSummary } from '../ui/error-summary';

export type PostOption = { code: string; name: string };
type ActionResult = { ok: true; data: { id: string } } | { ok: false; formError: string; fieldErrors: FieldError[] };

const HEADER_FIELDS = [
  'regime', 'postCode', 'consignorName', 'consignorCountry', 'consignorAddress', 'consigneeName', 'consigneeCountry', 'consigneeAddress',
  'dispatchCountry', 'destinationCountry', 'transportMode', 'transportDocument', 'incoterm', 'invoiceCurrency', 'invoiceTotal', 'freight', 'insurance',
] as const;
const ITEM_FIELDS = ['hsCode', 'description', 'originCountry', 'grossMass', 'netMass', 'quantity', 'supplementaryUnit', 'invoiceValue'] as const;

function readForm(form: HTMLFormElement, rows: number) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  const header = Object.fromEntries(HEADER_FIELDS.map((f) => [f, text(f)]));
  const items = Array.from({ length: rows }, (_, i) => Object.fromEntries(ITEM_FIELDS.map((f) => [f, text(`items.${i}.${f}`)])));
  return { ...header, items };
}

export function DeclarationForm({ posts, saveDraft }: { posts: PostOption[]; saveDraft: (input: unknown) => Promise<ActionResult> }) {
  const t = useTranslations('declaration');
  const tc = useTranslations('common');
  const tRegime = useTranslations('regime');
  const tMode = useTranslations('transportMode');
  const router = useRouter();
  const [rowKeys, setRowKeys] = useState<number[]>([0]);
  const [nextKey, setNextKey] = useState(1);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [formError, setFormError] = useState<string | undefined>();
  const [isBusy, setIsBusy] = useState(false);

  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = readForm(event.currentTarget, rowKeys.length);
    const parsed = ZDeclarationDraft.safeParse(input);
    if (!parsed.success) {
      setFormError(undefined);
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setIsBusy(true);
    const result = await saveDraft(input);
    if (result.ok) {
      router.push(`/trader/declarations/${result.data.id}`);
      return;
    }
    setErrors(result.fieldErrors);
    setFormError(result.fieldErrors.length ? undefined : result.formError);
    setIsBusy(false);
  }

  function addItem() {
    setRowKeys((keys) => [...keys, nextKey]);
    setNextKey((k) => k + 1);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-8">
      <ErrorSummary title={tc('errorSummaryTitle')} errors={errors.map((e) => ({ fieldId: e.path, message: e.message }))} formError={formError} />

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-xl font-semibold">{t('headerSection')}</legend>
        <SelectField id="regime" label={t('regime')} placeholder={t('choose')} options={REGIMES.map((r) => ({ value: r, label: tRegime(r) }))} error={errorFor('regime')} defaultValue="" />
        <SelectField id="postCode" label={t('postCode')} placeholder={t('choose')} options={posts.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))} error={errorFor('postCode')} defaultValue="" />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-xl font-semibold">{t('partiesSection')}</legend>
        <TextField id="consignorName" label={t('consignorName')} error={errorFor('consignorName')} />
        <TextField id="consignorCountry" label={t('consignorCountry')} hint={t('countryHint')} maxLength={2} error={errorFor('consignorCountry')} />
        <TextField id="consignorAddress" label={t('consignorAddress')} error={errorFor('consignorAddress')} />
        <TextField id="consigneeName" label={t('consigneeName')} error={errorFor('consigneeName')} />
        <TextField id="consigneeCountry" label={t('consigneeCountry')} hint={t('countryHint')} maxLength={2} error={errorFor('consigneeCountry')} />
        <TextField id="consigneeAddress" label={t('consigneeAddress')} error={errorFor('consigneeAddress')} />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-xl font-semibold">{t('transportSection')}</legend>
        <TextField id="dispatchCountry" label={t('dispatchCountry')} hint={t('countryHint')} maxLength={2} error={errorFor('dispatchCountry')} />
        <TextField id="destinationCountry" label={t('destinationCountry')} hint={t('countryHint')} maxLength={2} error={errorFor('destinationCountry')} />
        <SelectField id="transportMode" label={t('transportMode')} placeholder={t('choose')} options={TRANSPORT_MODES.map((m) => ({ value: m, label: tMode(m) }))} error={errorFor('transportMode')} defaultValue="" />
        <TextField id="transportDocument" label={t('transportDocument')} error={errorFor('transportDocument')} />
        <SelectField id="incoterm" label={t('incoterm')} placeholder={t('choose')} options={INCOTERMS.map((i) => ({ value: i, label: i }))} error={errorFor('incoterm')} defaultValue="" />
        <TextField id="invoiceCurrency" label={t('invoiceCurrency')} hint={t('currencyHint')} maxLength={3} error={errorFor('invoiceCurrency')} />
        <TextField id="invoiceTotal" label={t('invoiceTotal')} hint={t('amountHint')} inputMode="decimal" error={errorFor('invoiceTotal')} />
        <TextField id="freight" label={t('freight')} hint={t('amountHint')} inputMode="decimal" error={errorFor('freight')} />
        <TextField id="insurance" label={t('insurance')} hint={t('amountHint')} inputMode="decimal" error={errorFor('insurance')} />
      </fieldset>

      <section aria-labelledby="items-heading" className="flex flex-col gap-4">
        <h2 id="items-heading" className="text-xl font-semibold">
          {t('itemsSection')}
        </h2>
        {errorFor('items') ? <p className="font-medium text-red-700">{errorFor('items')}</p> : null}
        {rowKeys.map((key, index) => (
          <fieldset key={key} className="grid gap-4 rounded border border-slate-300 bg-white p-4 sm:grid-cols-4">
            <legend className="px-1 font-semibold">{t('itemLegend', { n: index + 1 })}</legend>
            <TextField id={`items.${index}.hsCode`} label={t('hsCode')} inputMode="numeric" maxLength={10} error={errorFor(`items.${index}.hsCode`)} />
            <TextField id={`items.${index}.description`} label={t('description')} className="sm:col-span-3" error={errorFor(`items.${index}.description`)} />
            <TextField id={`items.${index}.originCountry`} label={t('originCountry')} maxLength={2} error={errorFor(`items.${index}.originCountry`)} />
            <TextField id={`items.${index}.grossMass`} label={t('grossMass')} inputMode="decimal" error={errorFor(`items.${index}.grossMass`)} />
            <TextField id={`items.${index}.netMass`} label={t('netMass')} inputMode="decimal" error={errorFor(`items.${index}.netMass`)} />
            <TextField id={`items.${index}.quantity`} label={t('quantity')} inputMode="decimal" error={errorFor(`items.${index}.quantity`)} />
            <SelectField id={`items.${index}.supplementaryUnit`} label={t('supplementaryUnit')} options={SUPPLEMENTARY_UNITS.map((u) => ({ value: u, label: u }))} defaultValue="KG" error={errorFor(`items.${index}.supplementaryUnit`)} />
            <TextField id={`items.${index}.invoiceValue`} label={t('invoiceValue')} inputMode="decimal" error={errorFor(`items.${index}.invoiceValue`)} />
            {rowKeys.length > 1 ? (
              <div className="flex items-end">
                <Button variant="secondary" onClick={() => setRowKeys((keys) => keys.filter((k) => k !== key))}>
                  {t('removeItem', { n: index + 1 })}
                </Button>
              </div>
            ) : null}
          </fieldset>
        ))}
        <div>
          <Button variant="secondary" onClick={addItem}>
            {t('addItem')}
          </Button>
        </div>
      </section>

      <div>
        <Button type="submit" disabled={isBusy}>
          {isBusy ? t('saving') : t('saveDraft')}
        </Button>
      </div>
    </form>
  );
}
