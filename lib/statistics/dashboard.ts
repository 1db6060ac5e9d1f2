// The dashboard's figures, assembled from rows already summed over the period (the server sums
// the pre-aggregated days; see docs/statistics.md for what each figure means). Pure: shares,
// percentiles, totals and the trend are computed here and tested in tests/unit/statistics-*.
import { D } from '../money';
import { REGIMES, REGIME_DIRECTION, DIRECTIONS, type Regime, type Direction } from '../reference/customs';
import { daysInPeriod, trendBuckets, trendUnit, bucketStart, type TrendUnit } from './days';
import { percentileFromHistogram, type HistogramBucket } from './percentile';

/** Channels as counted: NONE = registered without a risk channel (not assessed). */
export const STATISTICS_CHANNELS = ['GREEN', 'YELLOW', 'RED', 'BLUE', 'NONE'] as const;
export type StatisticsChannel = (typeof STATISTICS_CHANNELS)[number];
export const INSPECTION_KINDS = ['DOCUMENT_CHECK', 'PHYSICAL_EXAMINATION', 'POST_CLEARANCE_AUDIT'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const PAYMENT_TYPES = ['DUTY', 'EXCISE', 'VAT', 'FEE'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

// ── Input: sums over the period ──────────────────────────────────────────────

/** Declarations registered on `day` (or in the trend bucket that starts on it), per regime and channel. */
export type DeclarationRow = {
  day: string;
  regime: Regime;
  channel: StatisticsChannel;
  registered: number;
  released: number;
  refused: number;
  withdrawn: number;
};
export type ReleaseTimeRow = HistogramBucket & { channel: StatisticsChannel };
/** percentile_cont computed by the database on the declarations themselves (small periods). */
export type ExactReleaseTimeRow = {
  channel: StatisticsChannel | 'ALL';
  released: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
};

/**
 * Up to this many released declarations in the period, the median and p90 are computed exactly
 * (percentile_cont over the declarations, a few milliseconds); above it, from the histograms.
 */
export const EXACT_PERCENTILE_LIMIT = 20_000;
export type InspectionRow = { kind: InspectionKind; inspections: number; hits: number; additionalRevenue: string };
export type AssessedRow = { paymentType: PaymentType; amount: string; securedAmount: string };
export type CollectedRow = { payments: number; amount: string };
export type InspectorRow = {
  inspectorId: string;
  name: string;
  officerNumber: string | null;
  postCode: string;
  isOnDuty: boolean;
  open: number;
  closed: number;
};
export type PoolRow = { postCode: string; open: number };

export type DashboardInput = {
  from: string;
  to: string;
  post: { code: string; name: string } | null;
  declarations: readonly DeclarationRow[];
  releaseTimes: readonly ReleaseTimeRow[];
  /** When given (small periods), these replace the histogram's estimates. */
  exactReleaseTimes?: readonly ExactReleaseTimeRow[] | null;
  inspections: readonly InspectionRow[];
  assessed: readonly AssessedRow[];
  collected: CollectedRow;
  inspectors: readonly InspectorRow[];
  pool: readonly PoolRow[];
};

// ── Output ───────────────────────────────────────────────────────────────────

export type ChannelCounts = Record<StatisticsChannel, number>;

export type Outcomes = {
  registered: number;
  /** Registered with the green channel (the simplified route). */
  routedGreen: number;
  released: number;
  /** Released, and routed green. */
  releasedGreen: number;
  refused: number;
  withdrawn: number;
  /** Registered, not yet released, refused or withdrawn. */
  inProgress: number;
  /** routedGreen / registered (null when nothing was registered). */
  shareRoutedGreen: number | null;
  /** releasedGreen / released — the share released green (null when nothing was released). */
  shareReleasedGreen: number | null;
};

export type Dashboard = {
  period: { from: string; to: string; days: number };
  post: { code: string; name: string } | null;
  declarations: {
    /** Channels with a column: the four channels, and "not assessed" only when it occurs. */
    channels: StatisticsChannel[];
    byRegime: Array<Outcomes & { regime: Regime; byChannel: ChannelCounts }>;
    byDirection: Array<Outcomes & { direction: Direction }>;
    total: Outcomes & { byChannel: ChannelCounts };
  };
  trend: { unit: TrendUnit; points: Array<{ start: string; byChannel: ChannelCounts; total: number }> };
  releaseTimes: {
    /** exact: percentile_cont over the declarations; histogram: estimated within 0.3% (lib/statistics/percentile.ts). */
    method: 'exact' | 'histogram';
    rows: Array<{
      channel: StatisticsChannel | 'ALL';
      released: number;
      medianMinutes: number | null;
      p90Minutes: number | null;
    }>;
  };
  inspections: {
    byKind: Array<{
      kind: InspectionKind;
      inspections: number;
      hits: number;
      hitRate: number | null;
      additionalRevenue: string;
    }>;
    total: { inspections: number; hits: number; hitRate: number | null; additionalRevenue: string };
  };
  duties: {
    byType: Array<{ paymentType: PaymentType; assessed: string; secured: string }>;
    assessed: string;
    secured: string;
    collected: string;
    payments: number;
  };
  workload: { inspectors: InspectorRow[]; open: number; closed: number; poolOpen: number; pool: PoolRow[] };
};

const money = (v: D) => v.toFixed(2);
const sumMoney = (values: readonly string[]) => values.reduce((s, v) => s.plus(new D(v)), new D(0));
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const zeroChannels = (): ChannelCounts => ({ GREEN: 0, YELLOW: 0, RED: 0, BLUE: 0, NONE: 0 });

function outcomesOf(rows: readonly Omit<DeclarationRow, 'day'>[]): Outcomes {
  let registered = 0,
    released = 0,
    refused = 0,
    withdrawn = 0,
    routedGreen = 0,
    releasedGreen = 0;
  for (const r of rows) {
    registered += r.registered;
    released += r.released;
    refused += r.refused;
    withdrawn += r.withdrawn;
    if (r.channel === 'GREEN') {
      routedGreen += r.registered;
      releasedGreen += r.released;
    }
  }
  return {
    registered,
    routedGreen,
    released,
    releasedGreen,
    refused,
    withdrawn,
    inProgress: registered - released - refused - withdrawn,
    shareRoutedGreen: ratio(routedGreen, registered),
    shareReleasedGreen: ratio(releasedGreen, released),
  };
}

function channelCounts(rows: readonly DeclarationRow[]): ChannelCounts {
  const counts = zeroChannels();
  for (const r of rows) counts[r.channel] += r.registered;
  return counts;
}

const SECONDS_PER_MINUTE = 60;
const toMinutes = (seconds: number | null) => (seconds === null ? null : seconds / SECONDS_PER_MINUTE);

function releaseTimesOf(input: DashboardInput): Dashboard['releaseTimes'] {
  const rows: Dashboard['releaseTimes']['rows'] = [];
  if (input.exactReleaseTimes) {
    for (const channel of [...STATISTICS_CHANNELS, 'ALL'] as const) {
      const row = input.exactReleaseTimes.find((r) => r.channel === channel);
      if (!row && channel === 'NONE') continue;
      rows.push({
        channel,
        released: row?.released ?? 0,
        medianMinutes: toMinutes(row?.medianSeconds ?? null),
        p90Minutes: toMinutes(row?.p90Seconds ?? null),
      });
    }
    return { method: 'exact', rows };
  }
  for (const channel of STATISTICS_CHANNELS) {
    const histogram = input.releaseTimes.filter((r) => r.channel === channel);
    const released = histogram.reduce((s, b) => s + b.count, 0);
    if (released === 0 && channel === 'NONE') continue;
    rows.push({
      channel,
      released,
      medianMinutes: toMinutes(percentileFromHistogram(histogram, 0.5)),
      p90Minutes: toMinutes(percentileFromHistogram(histogram, 0.9)),
    });
  }
  rows.push({
    channel: 'ALL',
    released: input.releaseTimes.reduce((s, b) => s + b.count, 0),
    medianMinutes: toMinutes(percentileFromHistogram(input.releaseTimes, 0.5)),
    p90Minutes: toMinutes(percentileFromHistogram(input.releaseTimes, 0.9)),
  });
  return { method: 'histogram', rows };
}

export function assembleDashboard(input: DashboardInput): Dashboard {
  const { from, to } = input;
  const decl = input.declarations;
  const total = { ...outcomesOf(decl), byChannel: channelCounts(decl) };
  const channels = STATISTICS_CHANNELS.filter((c) => c !== 'NONE' || total.byChannel.NONE > 0);

  const unit = trendUnit(from, to);
  const points = new Map(
    trendBuckets(from, to, unit).map((start) => [start, { start, byChannel: zeroChannels(), total: 0 }]),
  );
  for (const r of decl) {
    const point = points.get(bucketStart(r.day, unit));
    if (!point) continue;
    point.byChannel[r.channel] += r.registered;
    point.total += r.registered;
  }

  const releaseTimes = releaseTimesOf(input);

  const byKind = INSPECTION_KINDS.map((kind) => {
    const rows = input.inspections.filter((r) => r.kind === kind);
    const inspections = rows.reduce((s, r) => s + r.inspections, 0);
    const hits = rows.reduce((s, r) => s + r.hits, 0);
    return {
      kind,
      inspections,
      hits,
      hitRate: ratio(hits, inspections),
      additionalRevenue: money(sumMoney(rows.map((r) => r.additionalRevenue))),
    };
  });
  const inspections = byKind.reduce((s, r) => s + r.inspections, 0);
  const hits = byKind.reduce((s, r) => s + r.hits, 0);

  const byType = PAYMENT_TYPES.map((paymentType) => {
    const rows = input.assessed.filter((r) => r.paymentType === paymentType);
    return {
      paymentType,
      assessed: money(sumMoney(rows.map((r) => r.amount))),
      secured: money(sumMoney(rows.map((r) => r.securedAmount))),
    };
  });

  const inspectors = [...input.inspectors].sort(
    (a, b) =>
      a.postCode.localeCompare(b.postCode) || (a.officerNumber ?? a.name).localeCompare(b.officerNumber ?? b.name),
  );
  return {
    period: { from, to, days: daysInPeriod(from, to) },
    post: input.post,
    declarations: {
      channels,
      byRegime: REGIMES.map((regime) => {
        const rows = decl.filter((r) => r.regime === regime);
        return { regime, ...outcomesOf(rows), byChannel: channelCounts(rows) };
      }),
      byDirection: DIRECTIONS.map((direction) => ({
        direction,
        ...outcomesOf(decl.filter((r) => REGIME_DIRECTION[r.regime] === direction)),
      })),
      total,
    },
    trend: { unit, points: [...points.values()] },
    releaseTimes,
    inspections: {
      byKind,
      total: {
        inspections,
        hits,
        hitRate: ratio(hits, inspections),
        additionalRevenue: money(sumMoney(byKind.map((r) => r.additionalRevenue))),
      },
    },
    duties: {
      byType,
      assessed: money(sumMoney(byType.map((r) => r.assessed))),
      secured: money(sumMoney(byType.map((r) => r.secured))),
      collected: money(new D(input.collected.amount)),
      payments: input.collected.payments,
    },
    workload: {
      inspectors,
      open: inspectors.reduce((s, r) => s + r.open, 0),
      closed: inspectors.reduce((s, r) => s + r.closed, 0),
      poolOpen: input.pool.reduce((s, r) => s + r.open, 0),
      pool: [...input.pool].sort((a, b) => a.postCode.localeCompare(b.postCode)),
    },
  };
}
