'use client';
// The profile editor: every condition of a risk profile, its effect and validity; "Backtest"
// replays the engine with the profile as typed over the past year, before it is switched on.
import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm, type FormActionResult } from '../form/action-form';
import { FormText, FormSelect, FormRadios, FormTextarea } from '../form/fields';
import { Button } from '../ui/button';
import { BacktestTable, type Backtest } from './backtest-table';
import { TRANSPORT_MODES, REGIMES } from '@/lib/reference/customs';
import { CHANNELS } from '@/lib/risk/profiles';

type Action<T = unknown> = (formData: FormData) => Promise<FormActionResult<T>>;
export type { Backtest };
export type ProfileValues = Record<string, string | string[] | undefined>;

function Checkboxes({
  name,
  legend,
  options,
  values,
}: {
  name: string;
  legend: string;
  options: readonly string[];
  values: string[];
}) {
  return (
    <fieldset id={name}>
      <legend className="font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {options.map((o) => (
          <label key={o} className="inline-flex items-center gap-2">
            <input type="checkbox" name={name} value={o} defaultChecked={values.includes(o)} className="h-5 w-5" />
            {o}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function ProfileEditor({
  save,
  runBacktest,
  values,
  successHref,
}: {
  save: Action<{ id: string }>;
  runBacktest: Action<Backtest>;
  values: ProfileValues;
  successHref: string;
}) {
  const t = useTranslations('risk');
  const tc = useTranslations('common');
  const tch = useTranslations('channel');
  const wrapper = useRef<HTMLDivElement>(null);
  const [result, setResult] = useState<Backtest | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const list = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : []);

  async function onBacktest() {
    const form = wrapper.current?.querySelector('form');
    if (!form) return;
    setIsBusy(true);
    setProblem(null);
    const r = await runBacktest(new FormData(form));
    setIsBusy(false);
    if (r.ok) setResult(r.data);
    else {
      setResult(null);
      setProblem(r.fieldErrors.map((e) => e.message).join(' ') || r.formError);
    }
  }

  return (
    <div ref={wrapper}>
      <ActionForm
        action={save}
        successHref={successHref}
        submitLabel={t('saveProfile')}
        busyLabel={t('saving')}
        errorTitle={tc('errorSummaryTitle')}
        errorPrefix={tc('errorPrefix')}
        secondary={
          <Button variant="secondary" onClick={onBacktest} disabled={isBusy}>
            {isBusy ? t('backtesting') : t('backtest')}
          </Button>
        }
      >
        <FormText name="name" label={t('name')} defaultValue={v('name')} />
        <fieldset className="grid gap-4 rounded border border-slate-300 p-4 sm:grid-cols-2">
          <legend className="px-1 text-lg font-semibold">{t('conditions')}</legend>
          <p className="sm:col-span-2 text-sm text-slate-700">{t('conditionsHint')}</p>
          <FormText name="hsPrefixes" label={t('hsPrefixes')} hint={t('listHint')} defaultValue={v('hsPrefixes')} />
          <FormText
            name="originCountries"
            label={t('originCountries')}
            hint={t('listHint')}
            defaultValue={v('originCountries')}
          />
          <FormText
            name="dispatchCountries"
            label={t('dispatchCountries')}
            hint={t('listHint')}
            defaultValue={v('dispatchCountries')}
          />
          <FormText name="traderTins" label={t('traderTins')} hint={t('listHint')} defaultValue={v('traderTins')} />
          <FormText
            name="declarantIds"
            label={t('declarantIds')}
            hint={t('declarantIdsHint')}
            defaultValue={v('declarantIds')}
          />
          <FormText name="sellerNames" label={t('sellerNames')} hint={t('listHint')} defaultValue={v('sellerNames')} />
          <FormText name="postCodes" label={t('postCodes')} hint={t('listHint')} defaultValue={v('postCodes')} />
          <Checkboxes
            name="transportModes"
            legend={t('transportModes')}
            options={TRANSPORT_MODES}
            values={list('transportModes')}
          />
          <Checkboxes name="regimes" legend={t('regimes')} options={REGIMES} values={list('regimes')} />
          <FormText
            name="minCustomsValue"
            label={t('minCustomsValue')}
            inputMode="decimal"
            defaultValue={v('minCustomsValue')}
          />
          <FormText
            name="maxCustomsValue"
            label={t('maxCustomsValue')}
            inputMode="decimal"
            defaultValue={v('maxCustomsValue')}
          />
          <FormText
            name="minUnitPriceUsd"
            label={t('minUnitPriceUsd')}
            inputMode="decimal"
            defaultValue={v('minUnitPriceUsd')}
          />
          <FormText
            name="maxUnitPriceUsd"
            label={t('maxUnitPriceUsd')}
            inputMode="decimal"
            defaultValue={v('maxUnitPriceUsd')}
          />
          <FormRadios
            name="isFirstShipment"
            legend={t('isFirstShipment')}
            options={[
              { value: '', label: t('any') },
              { value: 'yes', label: t('firstOnly') },
              { value: 'no', label: t('notFirst') },
            ]}
            defaultValue={v('isFirstShipment')}
          />
        </fieldset>
        <fieldset className="grid gap-4 rounded border border-slate-300 p-4 sm:grid-cols-2">
          <legend className="px-1 text-lg font-semibold">{t('effect')}</legend>
          <FormText
            name="weight"
            label={t('weight')}
            hint={t('weightHint')}
            inputMode="numeric"
            defaultValue={v('weight') || '0'}
          />
          <FormSelect
            name="forcedChannel"
            label={t('forcedChannel')}
            placeholder={t('noForcedChannel')}
            options={CHANNELS.map((c) => ({ value: c, label: tch(c) }))}
            defaultValue={v('forcedChannel')}
          />
          <FormTextarea
            name="instructions"
            label={t('instructions')}
            hint={t('instructionsHint')}
            rows={3}
            defaultValue={v('instructions')}
          />
        </fieldset>
        <fieldset className="grid gap-4 rounded border border-slate-300 p-4 sm:grid-cols-2">
          <legend className="px-1 text-lg font-semibold">{t('validity')}</legend>
          <FormText name="validFrom" label={t('validFrom')} hint={t('dateHint')} defaultValue={v('validFrom')} />
          <FormText name="validTo" label={t('validTo')} hint={t('dateHint')} defaultValue={v('validTo')} />
          <FormRadios
            name="isShadow"
            legend={t('mode')}
            options={[
              { value: 'no', label: t('applied') },
              { value: 'yes', label: t('shadow') },
            ]}
            defaultValue={v('isShadow') || 'no'}
          />
          <FormRadios
            name="isActive"
            legend={t('status')}
            options={[
              { value: 'yes', label: t('active') },
              { value: 'no', label: t('inactive') },
            ]}
            defaultValue={v('isActive') || 'yes'}
          />
        </fieldset>
      </ActionForm>
      <div aria-live="polite" className="mt-6">
        {problem ? <p className="font-medium text-red-700">{problem}</p> : null}
        {result ? (
          <section aria-labelledby="backtest-title" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="backtest-title" className="mb-2 text-xl font-semibold">
              {t('backtestTitle')}
            </h2>
            <p className="mb-3">
              {t('backtestSummary', { declarations: result.declarations, matches: result.profileMatches })}
            </p>
            <BacktestTable
              result={result}
              caption={t('backtestTitle')}
              currentLabel={t('currentSetup')}
              proposedLabel={t('withThisProfile')}
            />
          </section>
        ) : null}
      </div>
    </div>
  );
}
