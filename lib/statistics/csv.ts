// The dashboard as one CSV in long ("tidy") form — one figure per line — so that a spreadsheet
// pivots it any way: period_from, period_to, post, section, group, item, measure, value.
// Shares are fractions (0.8 = 80%), times in minutes, money in UZS with 2 decimals.
import { csvText } from '../csv';
import type { Dashboard } from './dashboard';

export const STATISTICS_CSV_HEADER = [
  'period_from',
  'period_to',
  'post',
  'section',
  'group',
  'item',
  'measure',
  'value',
] as const;

const share = (v: number | null) => (v === null ? '' : v.toFixed(4));
const minutes = (v: number | null) => (v === null ? '' : v.toFixed(2));

export function dashboardCsvRows(d: Dashboard): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  const post = d.post?.code ?? 'ALL';
  const add = (section: string, group: string, item: string, measure: string, value: string | number) =>
    rows.push([d.period.from, d.period.to, post, section, group, item, measure, value]);

  for (const r of [...d.declarations.byRegime, { ...d.declarations.total, regime: 'ALL' }]) {
    for (const channel of d.declarations.channels)
      add('declarations', r.regime, channel, 'registered', r.byChannel[channel]);
    add('declarations', r.regime, 'ALL', 'registered', r.registered);
    add('declarations', r.regime, 'ALL', 'released', r.released);
    add('declarations', r.regime, 'ALL', 'released_green', r.releasedGreen);
    add('declarations', r.regime, 'ALL', 'share_released_green', share(r.shareReleasedGreen));
    add('declarations', r.regime, 'ALL', 'refused', r.refused);
    add('declarations', r.regime, 'ALL', 'withdrawn', r.withdrawn);
    add('declarations', r.regime, 'ALL', 'in_progress', r.inProgress);
  }
  for (const r of [...d.declarations.byDirection, { ...d.declarations.total, direction: 'ALL' }]) {
    add('green_route', r.direction, '', 'registered', r.registered);
    add('green_route', r.direction, '', 'routed_green', r.routedGreen);
    add('green_route', r.direction, '', 'share_routed_green', share(r.shareRoutedGreen));
    add('green_route', r.direction, '', 'released', r.released);
    add('green_route', r.direction, '', 'released_green', r.releasedGreen);
    add('green_route', r.direction, '', 'share_released_green', share(r.shareReleasedGreen));
  }
  for (const r of d.releaseTimes.rows) {
    add('release_time', r.channel, '', 'released', r.released);
    add('release_time', r.channel, '', 'median_minutes', minutes(r.medianMinutes));
    add('release_time', r.channel, '', 'p90_minutes', minutes(r.p90Minutes));
  }
  add('release_time', 'ALL', '', 'method', d.releaseTimes.method);
  for (const r of [...d.inspections.byKind, { ...d.inspections.total, kind: 'ALL' }]) {
    add('inspections', r.kind, '', 'inspections', r.inspections);
    add('inspections', r.kind, '', 'hits', r.hits);
    add('inspections', r.kind, '', 'hit_rate', share(r.hitRate));
    add('inspections', r.kind, '', 'additional_revenue_uzs', r.additionalRevenue);
  }
  for (const r of d.duties.byType) {
    add('duties', r.paymentType, '', 'assessed_uzs', r.assessed);
    add('duties', r.paymentType, '', 'secured_uzs', r.secured);
  }
  add('duties', 'ALL', '', 'assessed_uzs', d.duties.assessed);
  add('duties', 'ALL', '', 'secured_uzs', d.duties.secured);
  add('duties', 'ALL', '', 'collected_uzs', d.duties.collected);
  add('duties', 'ALL', '', 'payments', d.duties.payments);
  for (const r of d.workload.inspectors) {
    const who = r.officerNumber ? `${r.officerNumber} ${r.name}` : r.name;
    add('workload', r.postCode, who, 'open', r.open);
    add('workload', r.postCode, who, 'closed', r.closed);
    add('workload', r.postCode, who, 'on_duty', r.isOnDuty ? 1 : 0);
  }
  for (const r of d.workload.pool) add('workload', r.postCode, 'POOL', 'open', r.open);
  for (const p of d.trend.points)
    for (const channel of d.declarations.channels)
      add(`trend_${d.trend.unit}`, p.start, channel, 'registered', p.byChannel[channel]);
  return rows;
}

export function dashboardCsv(d: Dashboard): string {
  return csvText([STATISTICS_CSV_HEADER, ...dashboardCsvRows(d)]);
}
