'use client';
// Channel shares of a regime: "Backtest these thresholds" shows the thresholds the shares give and
// the past year replayed with them (channel mix and hit rate, now and with them) before they are set.
import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm, type FormActionResult } from '../form/action-form';
import { FormText, FormSelect } from '../form/fields';
import { Button } from '../ui/button';
import { BacktestTable, type Backtest } from './backtest-table';
import { REGIMES } from '@/lib/reference/customs';

type Thresholds = { yellow: number; red: number };
export type SharesBacktest = {
  regime: string;
  sample: number;
  thresholds: Thresholds;
  currentThresholds: Thresholds;
  randomSharePercent: number;
  currentRandomSharePercent: number;
  result: Backtest;
};

export function ChannelSharesForm({
  action,
  runBacktest,
  randomShare,
}: {
  action: (formData: FormData) => Promise<FormActionResult<unknown>>;
  runBacktest: (formData: FormData) => Promise<FormActionResult<SharesBacktest>>;
  randomShare: string;
}) {
  const t = useTranslations('risk');
  const tc = useTranslations('common');
  const wrapper = useRef<HTMLDivElement>(null);
  const [result, setResult] = useState<SharesBacktest | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function onBacktest() {
    const form = wrapper.current?.querySelector('form');
    if (!form) return;
    setIsBusy(true);
    setProblem(null);
    try {
      const r = await runBacktest(new FormData(form));
      if (r.ok) setResult(r.data);
      else {
        setResult(null);
        setProblem(r.fieldErrors.map((e) => e.message).join(' ') || r.formError);
      }
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div ref={wrapper}>
      <ActionForm
        action={action}
        submitLabel={t('setShares')}
        busyLabel={t('saving')}
        errorTitle={tc('errorSummaryTitle')}
        errorPrefix={tc('errorPrefix')}
        idPrefix="shares-"
        secondary={
          <Button variant="secondary" onClick={onBacktest} disabled={isBusy}>
            {isBusy ? t('backtesting') : t('backtestThresholds')}
          </Button>
        }
      >
        <div className="grid gap-4 sm:grid-cols-4">
          <FormSelect
            name="regime"
            label={t('regime')}
            options={[{ value: 'default', label: t('allRegimes') }, ...REGIMES.map((r) => ({ value: r, label: r }))]}
            defaultValue="default"
          />
          <FormText name="yellowPercent" label={t('yellowShare')} inputMode="decimal" defaultValue="25" />
          <FormText name="redPercent" label={t('redShare')} inputMode="decimal" defaultValue="10" />
          <FormText name="randomSharePercent" label={t('randomShare')} inputMode="decimal" defaultValue={randomShare} />
        </div>
      </ActionForm>
      <div aria-live="polite" className="mt-6">
        {problem ? <p className="font-medium text-red-700">{problem}</p> : null}
        {result ? (
          <section aria-labelledby="shares-backtest-title" className="rounded border border-slate-300 bg-white p-4">
            <h3 id="shares-backtest-title" className="mb-2 text-lg font-semibold">
              {t('thresholdsBacktestTitle')}
            </h3>
            <p className="mb-1">
              {t('thresholdsBacktestNow', {
                regime: result.regime === 'default' ? t('allRegimes') : result.regime,
                yellow: result.currentThresholds.yellow,
                red: result.currentThresholds.red,
                random: result.currentRandomSharePercent,
              })}
            </p>
            <p className="mb-1">
              {t('thresholdsBacktestProposed', {
                yellow: result.thresholds.yellow,
                red: result.thresholds.red,
                random: result.randomSharePercent,
                sample: result.sample,
              })}
            </p>
            <p className="mb-3">{t('thresholdsBacktestSummary', { declarations: result.result.declarations })}</p>
            <BacktestTable
              result={result.result}
              caption={t('thresholdsBacktestTitle')}
              currentLabel={t('currentThresholds')}
              proposedLabel={t('withTheseThresholds')}
            />
          </section>
        ) : null}
      </div>
    </div>
  );
}
