'use client';
// A backtest's result: the channel mix and hit rate of the current setup next to the proposal
// (a profile as typed, or channel shares as typed), on the same past declarations; when the
// backtest replayed only the latest declarations of the period, it says so.
import { useTranslations } from 'next-intl';
import { Table, Td } from '../ui/table';
import { CHANNELS } from '@/lib/risk/profiles';

type Mix = Record<(typeof CHANNELS)[number], number>;
export type Backtest = {
  declarations: number;
  sampled: number;
  total: number;
  current: Mix;
  proposed: Mix;
  inspectedWithOutcome: number;
  hits: number;
  hitRate: number | null;
  currentInspectedWithOutcome: number;
  currentHits: number;
  currentHitRate: number | null;
  profileMatches: number;
};

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export function BacktestTable({
  result,
  caption,
  currentLabel,
  proposedLabel,
}: {
  result: Backtest;
  caption: string;
  currentLabel: string;
  proposedLabel: string;
}) {
  const t = useTranslations('risk');
  const tch = useTranslations('channel');
  return (
    <>
      {result.sampled < result.total ? (
        <p className="mb-2 text-sm text-slate-700">
          {t('backtestSampled', { sampled: result.sampled, total: result.total })}
        </p>
      ) : null}
      <Table caption={caption} head={[t('setup'), ...CHANNELS.map((c) => tch(c)), t('hitRate')]}>
        <tr>
          <Td>{currentLabel}</Td>
          {CHANNELS.map((c) => (
            <Td key={c}>{result.current[c]}</Td>
          ))}
          <Td>{`${pct(result.currentHitRate)} (${result.currentHits}/${result.currentInspectedWithOutcome})`}</Td>
        </tr>
        <tr>
          <Td>{proposedLabel}</Td>
          {CHANNELS.map((c) => (
            <Td key={c}>{result.proposed[c]}</Td>
          ))}
          <Td>{`${pct(result.hitRate)} (${result.hits}/${result.inspectedWithOutcome})`}</Td>
        </tr>
      </Table>
    </>
  );
}
