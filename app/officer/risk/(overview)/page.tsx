import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listProfiles } from '@/src/server/risk/profiles';
import { listModels } from '@/src/server/risk/model-activation';
import { riskPerformance } from '@/src/server/risk/reporting';
import { trainingStatus } from '@/src/server/risk/training-runner';
import { getRiskSettings } from '@/src/server/officer/risk-settings';
import { now } from '@/src/server/clock';
import { PageHeader, Section } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/link-button';
import { TextField } from '@/components/ui/field';
import { ActionButton } from '@/components/declaration/item-actions';
import { ChannelSharesForm } from '@/components/risk/channel-shares-form';
import { parseStatisticsSearchParams } from '@/lib/statistics/query';
import { ErrorSummary } from '@/components/ui/error-summary';
import { ZProfileConditions } from '@/lib/risk/profiles';
import { dateColumnDay, serviceDate } from '@/lib/time';
import {
  activateModelAction,
  startTrainingAction,
  setChannelSharesAction,
  backtestChannelSharesAction,
} from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('risk');
  return { title: t('title') };
}

const pct = (hits: number, of: number) => (of ? `${((hits / of) * 100).toFixed(1)}%` : '—');

export default async function RiskPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['SUPERVISOR']);
  // The performance period: the statistics' own query rules (a bad or reversed date is named and the
  // default period, the last year, is shown instead).
  const period = parseStatisticsSearchParams(await searchParams, {
    today: serviceDate(now()),
    allowPost: false,
    defaultDays: 366,
  });
  const { from, to } = period.query;
  const periodErrors = Object.fromEntries(period.fieldErrors.map((e) => [e.path, e.message]));
  const tc = await getTranslations('common');
  const t = await getTranslations('risk');
  const tch = await getTranslations('channel');
  const format = await getFormatter();
  const [profiles, models, performance, settings, training] = await Promise.all([
    listProfiles({ actor }),
    listModels({ actor }),
    riskPerformance({ actor, from, to }),
    getRiskSettings({ actor }),
    trainingStatus({ actor, now: now() }),
  ]);
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' }) : '';
  const trainingLine = () => {
    if (training === null) return t('trainingNever');
    if (training.isRunning)
      return (
        <>
          <Badge tone="warning">{t('trainingRunning')}</Badge>{' '}
          {t('trainingRunningSince', { at: when(training.startedAt) })}
        </>
      );
    switch (training.status) {
      case 'running': // still "running" long after it started: the process died without saying so
        return (
          <>
            <Badge tone="danger">{t('trainingFailed')}</Badge> {t('trainingStale', { at: when(training.startedAt) })}
          </>
        );
      case 'failed':
        return (
          <>
            <Badge tone="danger">{t('trainingFailed')}</Badge>{' '}
            {t('trainingFailedAt', { at: when(training.finishedAt), error: training.error ?? '' })}
          </>
        );
      case 'done':
        return (
          <>
            <Badge tone="success">{t('trainingDone')}</Badge>{' '}
            {t('trainingDoneAt', { at: when(training.finishedAt), version: training.version ?? '' })}
          </>
        );
      default: {
        const never: never = training.status;
        return never;
      }
    }
  };
  const summary = (conditions: unknown) => {
    const c = ZProfileConditions.safeParse(conditions);
    if (!c.success) return t('invalidConditions');
    return Object.entries(c.data)
      .map(([k, v]) => `${t(`cond.${k}` as 'cond.hsPrefixes')}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
      .join('; ');
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        actions={<LinkButton href="/officer/risk/profiles/new">{t('newProfile')}</LinkButton>}
      />
      <Section title={t('profiles')}>
        <Table caption={t('profiles')} head={[t('name'), t('conditions'), t('effect'), t('validity'), t('status')]}>
          {profiles.map((p) => (
            <tr key={p.id}>
              <Td>
                <Link href={`/officer/risk/profiles/${p.id}`} className="text-blue-800 underline">
                  {p.name}
                </Link>
              </Td>
              <Td className="text-sm">{summary(p.conditions)}</Td>
              <Td>
                {[
                  p.weight ? t('weightPoints', { weight: p.weight }) : null,
                  p.forcedChannel ? t('forced', { channel: tch(p.forcedChannel) }) : null,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </Td>
              <Td className="text-sm">{`${dateColumnDay(p.validFrom)} – ${p.validTo ? dateColumnDay(p.validTo) : t('noEnd')}`}</Td>
              <Td>
                {!p.isActive ? (
                  <Badge tone="neutral">{t('inactive')}</Badge>
                ) : p.isShadow ? (
                  <Badge tone="warning">{t('shadow')}</Badge>
                ) : (
                  <Badge tone="success">{t('applied')}</Badge>
                )}
              </Td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section title={t('performance')}>
        <ErrorSummary
          title={tc('errorSummaryTitle')}
          errors={period.fieldErrors.map((e) => ({ fieldId: e.path, message: e.message }))}
        />
        <form method="get" className="mb-4 flex flex-wrap items-end gap-4">
          <TextField
            id="from"
            name="from"
            label={t('from')}
            hint={t('dateHint')}
            defaultValue={periodErrors.from ? period.entered.from : from}
            error={periodErrors.from}
          />
          <TextField
            id="to"
            name="to"
            label={t('to')}
            hint={t('dateHint')}
            defaultValue={periodErrors.to ? period.entered.to : to}
            error={periodErrors.to}
          />
          <button type="submit" className="rounded bg-slate-800 px-4 py-2 font-medium text-white">
            {t('show')}
          </button>
        </form>
        <div className="grid gap-6 lg:grid-cols-2">
          <Table
            caption={t('byChannel')}
            head={[t('channel'), t('declarations'), t('inspected'), t('hits'), t('hitRate')]}
          >
            {performance.byChannel.map((r) => (
              <tr key={r.channel}>
                <Td>{tch(r.channel)}</Td>
                <Td>{r.declarations}</Td>
                <Td>{r.inspected}</Td>
                <Td>{r.hits}</Td>
                <Td>{pct(r.hits, r.inspected)}</Td>
              </tr>
            ))}
          </Table>
          <Table caption={t('byProfile')} head={[t('name'), t('matched'), t('inspected'), t('hits'), t('hitRate')]}>
            {performance.byProfile.map((r) => (
              <tr key={r.profileId}>
                <Td>
                  {r.name} {r.isShadow ? <Badge tone="warning">{t('shadow')}</Badge> : null}
                </Td>
                <Td>{r.matched}</Td>
                <Td>{r.inspected}</Td>
                <Td>{r.hits}</Td>
                <Td>{pct(r.hits, r.inspected)}</Td>
              </tr>
            ))}
          </Table>
        </div>
      </Section>

      <Section title={t('channelShares')}>
        <p className="mb-3">
          {t('thresholdsNow', {
            yellow: settings.thresholds.default.yellow,
            red: settings.thresholds.default.red,
            random: settings.randomSharePercent,
          })}
        </p>
        <ChannelSharesForm
          action={setChannelSharesAction}
          runBacktest={backtestChannelSharesAction}
          randomShare={String(settings.randomSharePercent)}
        />
      </Section>

      <Section title={t('models')}>
        <div className="mb-3">
          {training?.isRunning ? null : (
            <ActionButton action={startTrainingAction} label={t('train')} busyLabel={t('starting')} />
          )}
          <p className="mt-1 text-sm text-slate-700">{t('trainHint')}</p>
          <p className="mt-2">
            {t('lastTraining')} {trainingLine()}
          </p>
        </div>
        <Table caption={t('models')} head={[t('version'), t('trainedAt'), t('quality'), t('status')]}>
          {models.map((m) => {
            const metrics = (m.metrics ?? {}) as {
              auc?: number;
              precisionAt5?: number;
              rows?: number;
              hits?: number;
              randomPicks?: { items: number; hitRate: number | null; precisionAt10: number | null };
            };
            const random = metrics.randomPicks;
            return (
              <tr key={m.id}>
                <Td className="font-mono text-sm">{m.version}</Td>
                <Td>{format.dateTime(m.trainedAt, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
                <Td className="text-sm">
                  {t('modelMetrics', {
                    rows: metrics.rows ?? 0,
                    hits: metrics.hits ?? 0,
                    auc: metrics.auc?.toFixed(3) ?? '—',
                    p5: metrics.precisionAt5?.toFixed(3) ?? '—',
                  })}
                  {random ? (
                    <span className="block">
                      {t('modelMetricsRandom', {
                        items: random.items,
                        hitRate: random.hitRate?.toFixed(3) ?? '—',
                        p10: random.precisionAt10?.toFixed(3) ?? '—',
                      })}
                    </span>
                  ) : null}
                </Td>
                <Td>
                  {m.isActive ? (
                    <Badge tone="success">{t('activeModel')}</Badge>
                  ) : (
                    <ActionButton
                      action={activateModelAction.bind(null, m.id)}
                      label={t('activate', { version: m.version })}
                      busyLabel={t('starting')}
                    />
                  )}
                </Td>
              </tr>
            );
          })}
        </Table>
      </Section>
    </>
  );
}
