// The statistics dashboard: a summary, then each figure as a chart with a table of the same numbers
// under it (the table is the way to read them exactly; the chart is a picture of it). Shared by
// the supervisor's page (/officer/statistics) and the administrator's (/admin/statistics).
import type { ReactNode } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { Section, SummaryList } from '../ui/page';
import { ChannelBadge } from '../ui/status';
import { D, formatAmount } from '@/lib/money';
import { durationParts } from '@/lib/statistics/duration';
import type { Dashboard, StatisticsChannel } from '@/lib/statistics/dashboard';
import { StatisticsBarChart, type ChartSeries } from './bar-chart';
import { DataRow, DataTable } from './data-table';

export const CHANNEL_COLOURS: Record<StatisticsChannel, string> = {
  GREEN: '#15803d',
  YELLOW: '#a16207',
  RED: '#b91c1c',
  BLUE: '#1d4ed8',
  NONE: '#64748b',
};
const SERIES_COLOURS = ['#1d4ed8', '#b45309', '#047857'];

/** Chart heights only: the table shows the exact amount. */
const millions = (amount: string) => Number(new D(amount).div(1_000_000).toFixed(1));

function Figure({ chart, table, note }: { chart: ReactNode; table: ReactNode; note?: ReactNode }) {
  return (
    <div className="space-y-4">
      {chart}
      {table}
      {note ? <p className="text-sm text-slate-700">{note}</p> : null}
    </div>
  );
}

export function StatisticsDashboard({ dashboard: d }: { dashboard: Dashboard }) {
  const t = useTranslations('statistics');
  const tch = useTranslations('channel');
  const tpt = useTranslations('paymentType');
  const tr = useTranslations('regime');
  const tc = useTranslations('common');
  const format = useFormatter();

  const count = (n: number) => format.number(n, { maximumFractionDigits: 0 });
  const percent = (v: number | null) =>
    v === null ? '—' : format.number(v, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const duration = (minutes: number | null) => {
    if (minutes === null) return '—';
    const parts = durationParts(minutes);
    return parts.kind === 'minutes'
      ? t('durationMinutes', { minutes: format.number(parts.minutes, { maximumFractionDigits: 1 }) })
      : t('durationHours', { hours: parts.hours, minutes: parts.minutes });
  };
  const money = (amount: string) => formatAmount(amount);
  const channelName = (c: StatisticsChannel | 'ALL') =>
    c === 'ALL' ? t('allChannels') : c === 'NONE' ? tch('none') : tch(c);
  const channels = d.declarations.channels;
  const channelSeries: ChartSeries[] = channels.map((c) => ({
    key: c,
    label: channelName(c),
    color: CHANNEL_COLOURS[c],
    stackId: 'channels',
  }));
  const all = d.releaseTimes.rows.find((r) => r.channel === 'ALL');
  const total = d.declarations.total;
  const trendTitle = t('trendChart', { unit: d.trend.unit });

  return (
    <>
      <Section title={t('summaryHeading')}>
        <SummaryList
          rows={[
            { label: t('registered'), value: count(total.registered) },
            { label: t('released'), value: count(total.released) },
            { label: t('shareReleasedGreen'), value: percent(total.shareReleasedGreen) },
            { label: t('medianRelease'), value: duration(all?.medianMinutes ?? null) },
            {
              label: t('inspections'),
              value: t('inspectionsSummary', {
                inspections: count(d.inspections.total.inspections),
                rate: percent(d.inspections.total.hitRate),
              }),
            },
            {
              label: t('additionalRevenue'),
              value: t('amountUzs', { amount: money(d.inspections.total.additionalRevenue) }),
            },
            { label: t('assessed'), value: t('amountUzs', { amount: money(d.duties.assessed) }) },
            { label: t('collected'), value: t('amountUzs', { amount: money(d.duties.collected) }) },
            { label: t('openNow'), value: count(d.workload.open + d.workload.poolOpen) },
          ]}
        />
      </Section>

      <Section title={t('channelsHeading')}>
        <p className="mb-4 text-slate-700">{t('channelsIntro')}</p>
        <Figure
          chart={
            <StatisticsBarChart
              id="chart-channels"
              title={t('channelsChart')}
              description={t('chartDescription')}
              data={d.declarations.byRegime.map((r) => ({ regime: r.regime, ...r.byChannel }))}
              categoryKey="regime"
              series={channelSeries}
              valueKind="count"
              valueLabel={t('axisDeclarations')}
            />
          }
          table={
            <DataTable
              id="table-channels"
              caption={t('channelsHeading')}
              regionLabel={t('tableRegion', { title: t('channelsHeading') })}
              head={[
                t('colRegime'),
                ...channels.map((c) => channelName(c)),
                t('colRegistered'),
                t('colReleased'),
                t('colReleasedGreen'),
                t('colShareReleasedGreen'),
                t('colRefused'),
                t('colWithdrawn'),
                t('colInProgress'),
              ]}
            >
              {d.declarations.byRegime.map((r) => (
                <DataRow
                  key={r.regime}
                  label={<abbr title={tr(r.regime)}>{r.regime}</abbr>}
                  cells={[
                    ...channels.map((c) => count(r.byChannel[c])),
                    count(r.registered),
                    count(r.released),
                    count(r.releasedGreen),
                    percent(r.shareReleasedGreen),
                    count(r.refused),
                    count(r.withdrawn),
                    count(r.inProgress),
                  ]}
                />
              ))}
              <DataRow
                isTotal
                label={t('total')}
                cells={[
                  ...channels.map((c) => count(total.byChannel[c])),
                  count(total.registered),
                  count(total.released),
                  count(total.releasedGreen),
                  percent(total.shareReleasedGreen),
                  count(total.refused),
                  count(total.withdrawn),
                  count(total.inProgress),
                ]}
              />
            </DataTable>
          }
        />
      </Section>

      <Section title={t('greenHeading')}>
        <p className="mb-4 text-slate-700">{t('greenIntro')}</p>
        <Figure
          chart={
            <StatisticsBarChart
              id="chart-green"
              title={t('greenChart')}
              description={t('chartDescription')}
              data={d.declarations.byDirection.map((r) => ({
                direction: t(`direction.${r.direction}`),
                routed: r.shareRoutedGreen,
                released: r.shareReleasedGreen,
              }))}
              categoryKey="direction"
              series={[
                { key: 'routed', label: t('colShareRoutedGreen'), color: SERIES_COLOURS[0] },
                { key: 'released', label: t('colShareReleasedGreen'), color: SERIES_COLOURS[2] },
              ]}
              valueKind="percent"
              valueLabel={t('axisShare')}
              height={260}
            />
          }
          table={
            <DataTable
              id="table-green"
              caption={t('greenHeading')}
              regionLabel={t('tableRegion', { title: t('greenHeading') })}
              head={[
                t('colDirection'),
                t('colRegistered'),
                t('colRoutedGreen'),
                t('colShareRoutedGreen'),
                t('colReleased'),
                t('colReleasedGreen'),
                t('colShareReleasedGreen'),
              ]}
            >
              {[
                ...d.declarations.byDirection.map((r) => ({
                  ...r,
                  label: t(`direction.${r.direction}`),
                  isTotal: false,
                })),
                { ...total, label: t('total'), isTotal: true },
              ].map((r) => (
                <DataRow
                  key={r.label}
                  isTotal={r.isTotal}
                  label={r.label}
                  cells={[
                    count(r.registered),
                    count(r.routedGreen),
                    percent(r.shareRoutedGreen),
                    count(r.released),
                    count(r.releasedGreen),
                    percent(r.shareReleasedGreen),
                  ]}
                />
              ))}
            </DataTable>
          }
          note={t('greenReference')}
        />
      </Section>

      <Section title={t('trendHeading')}>
        <StatisticsBarChart
          id="chart-trend"
          title={trendTitle}
          description={t('chartDescription')}
          data={d.trend.points.map((p) => ({ start: p.start, ...p.byChannel }))}
          categoryKey="start"
          series={channelSeries}
          valueKind="count"
          valueLabel={t('axisDeclarations')}
        />
        <details className="mt-4">
          <summary className="cursor-pointer text-blue-800 underline">{t('trendTableToggle')}</summary>
          <div className="mt-2">
            <DataTable
              id="table-trend"
              caption={trendTitle}
              regionLabel={t('tableRegion', { title: trendTitle })}
              head={[
                t('colPeriodStart', { unit: d.trend.unit }),
                ...channels.map((c) => channelName(c)),
                t('colRegistered'),
              ]}
            >
              {d.trend.points.map((p) => (
                <DataRow
                  key={p.start}
                  label={<span className="font-mono">{p.start}</span>}
                  cells={[...channels.map((c) => count(p.byChannel[c])), count(p.total)]}
                />
              ))}
            </DataTable>
          </div>
        </details>
      </Section>

      <Section title={t('releaseHeading')}>
        <p className="mb-4 text-slate-700">{t('releaseIntro')}</p>
        <Figure
          chart={
            <StatisticsBarChart
              id="chart-release"
              title={t('releaseChart')}
              description={t('chartDescription')}
              data={d.releaseTimes.rows.map((r) => ({
                channel: channelName(r.channel),
                median: r.medianMinutes,
                p90: r.p90Minutes,
              }))}
              categoryKey="channel"
              series={[
                { key: 'median', label: t('colMedian'), color: SERIES_COLOURS[0] },
                { key: 'p90', label: t('colP90'), color: SERIES_COLOURS[1] },
              ]}
              valueKind="minutes"
              valueLabel={t('axisMinutes')}
            />
          }
          table={
            <DataTable
              id="table-release"
              caption={t('releaseHeading')}
              regionLabel={t('tableRegion', { title: t('releaseHeading') })}
              head={[t('colChannel'), t('colReleased'), t('colMedian'), t('colP90')]}
            >
              {d.releaseTimes.rows.map((r) => (
                <DataRow
                  key={r.channel}
                  isTotal={r.channel === 'ALL'}
                  label={
                    r.channel === 'ALL' ? (
                      channelName(r.channel)
                    ) : (
                      <ChannelBadge channel={r.channel === 'NONE' ? null : r.channel} label={channelName(r.channel)} />
                    )
                  }
                  cells={[count(r.released), duration(r.medianMinutes), duration(r.p90Minutes)]}
                />
              ))}
            </DataTable>
          }
          note={d.releaseTimes.method === 'exact' ? t('releaseMethodExact') : t('releaseMethodHistogram')}
        />
      </Section>

      <Section title={t('inspectionsHeading')}>
        <p className="mb-4 text-slate-700">{t('inspectionsIntro')}</p>
        <Figure
          chart={
            <StatisticsBarChart
              id="chart-inspections"
              title={t('inspectionsChart')}
              description={t('chartDescription')}
              data={d.inspections.byKind.map((r) => ({
                kind: t(`kind.${r.kind}`),
                inspections: r.inspections,
                hits: r.hits,
              }))}
              categoryKey="kind"
              series={[
                { key: 'inspections', label: t('colInspections'), color: SERIES_COLOURS[0] },
                { key: 'hits', label: t('colHits'), color: SERIES_COLOURS[1] },
              ]}
              valueKind="count"
              valueLabel={t('axisInspections')}
              height={260}
            />
          }
          table={
            <DataTable
              id="table-inspections"
              caption={t('inspectionsHeading')}
              regionLabel={t('tableRegion', { title: t('inspectionsHeading') })}
              head={[t('colKind'), t('colInspections'), t('colHits'), t('colHitRate'), t('colAdditionalRevenue')]}
            >
              {[
                ...d.inspections.byKind.map((r) => ({ ...r, label: t(`kind.${r.kind}`), isTotal: false })),
                { ...d.inspections.total, label: t('total'), isTotal: true },
              ].map((r) => (
                <DataRow
                  key={r.label}
                  isTotal={r.isTotal}
                  label={r.label}
                  cells={[count(r.inspections), count(r.hits), percent(r.hitRate), money(r.additionalRevenue)]}
                />
              ))}
            </DataTable>
          }
        />
      </Section>

      <Section title={t('dutiesHeading')}>
        <p className="mb-4 text-slate-700">{t('dutiesIntro')}</p>
        <Figure
          chart={
            <StatisticsBarChart
              id="chart-duties"
              title={t('dutiesChart')}
              description={t('chartDescription')}
              data={[
                ...d.duties.byType.map((r) => ({ item: tpt(r.paymentType), amount: millions(r.assessed) })),
                { item: t('assessedTotal'), amount: millions(d.duties.assessed) },
                { item: t('collected'), amount: millions(d.duties.collected) },
              ]}
              categoryKey="item"
              series={[{ key: 'amount', label: t('axisMillions'), color: SERIES_COLOURS[2] }]}
              valueKind="millions"
              valueLabel={t('axisMillions')}
              layout="vertical"
              height={280}
            />
          }
          table={
            <DataTable
              id="table-duties"
              caption={t('dutiesHeading')}
              regionLabel={t('tableRegion', { title: t('dutiesHeading') })}
              head={[t('colPaymentType'), t('colAssessed'), t('colSecured')]}
            >
              {d.duties.byType.map((r) => (
                <DataRow key={r.paymentType} label={tpt(r.paymentType)} cells={[money(r.assessed), money(r.secured)]} />
              ))}
              <DataRow isTotal label={t('assessedTotal')} cells={[money(d.duties.assessed), money(d.duties.secured)]} />
              <DataRow
                isTotal
                label={t('collectedRow', { payments: d.duties.payments })}
                cells={[money(d.duties.collected), '']}
              />
            </DataTable>
          }
        />
      </Section>

      <Section title={t('workloadHeading')}>
        <p className="mb-4 text-slate-700">{t('workloadIntro')}</p>
        {d.workload.inspectors.length === 0 && d.workload.pool.length === 0 ? (
          <p>{t('noInspectors')}</p>
        ) : (
          <Figure
            chart={
              <StatisticsBarChart
                id="chart-workload"
                title={t('workloadChart')}
                description={t('chartDescription')}
                data={d.workload.inspectors.map((r) => ({
                  who: r.officerNumber ?? r.name,
                  open: r.open,
                  closed: r.closed,
                }))}
                categoryKey="who"
                series={[
                  { key: 'open', label: t('colOpen'), color: SERIES_COLOURS[1] },
                  { key: 'closed', label: t('colClosed'), color: SERIES_COLOURS[0] },
                ]}
                valueKind="count"
                valueLabel={t('axisAssignments')}
                layout="vertical"
                height={Math.max(200, 70 + 40 * d.workload.inspectors.length)}
              />
            }
            table={
              <DataTable
                id="table-workload"
                caption={t('workloadHeading')}
                regionLabel={t('tableRegion', { title: t('workloadHeading') })}
                numericFrom={3}
                head={[t('colInspector'), t('colPost'), t('colOnDuty'), t('colOpen'), t('colClosed')]}
              >
                {d.workload.inspectors.map((r) => (
                  <DataRow
                    key={r.inspectorId}
                    textCells={2}
                    label={
                      <>
                        {r.officerNumber ? <span className="font-mono">{r.officerNumber}</span> : null} {r.name}
                      </>
                    }
                    cells={[
                      <span key="post" className="font-mono">
                        {r.postCode || '—'}
                      </span>,
                      r.isOnDuty ? tc('yes') : tc('no'),
                      count(r.open),
                      count(r.closed),
                    ]}
                  />
                ))}
                {d.workload.pool.map((p) => (
                  <DataRow
                    key={`pool-${p.postCode}`}
                    textCells={2}
                    label={t('pool')}
                    cells={[
                      <span key="post" className="font-mono">
                        {p.postCode}
                      </span>,
                      '—',
                      count(p.open),
                      '—',
                    ]}
                  />
                ))}
                <DataRow
                  isTotal
                  textCells={2}
                  label={t('total')}
                  cells={['', '', count(d.workload.open + d.workload.poolOpen), count(d.workload.closed)]}
                />
              </DataTable>
            }
          />
        )}
      </Section>
    </>
  );
}
