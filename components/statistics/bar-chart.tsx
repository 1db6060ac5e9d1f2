'use client';
// One bar chart (recharts) for every figure of the dashboard. It is a picture of the table beside
// it, never the only way to read the numbers: the figure is named by its caption, the SVG is an
// image named by the same title, and the legend and tooltips say each series in words.
import { useFormatter } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type ChartSeries = { key: string; label: string; color: string; stackId?: string };
export type ChartValueKind = 'count' | 'percent' | 'minutes' | 'millions';

export function StatisticsBarChart({
  id,
  title,
  description,
  data,
  categoryKey,
  series,
  valueKind,
  valueLabel,
  layout = 'horizontal',
  height = 300,
}: {
  id: string;
  title: string;
  /** Read by screen readers with the image (what the chart shows, where its numbers are). */
  description: string;
  data: Array<Record<string, string | number | null>>;
  categoryKey: string;
  series: ChartSeries[];
  valueKind: ChartValueKind;
  /** The value axis' name, with its unit. */
  valueLabel: string;
  /** horizontal: categories along the bottom; vertical: categories down the side (long names). */
  layout?: 'horizontal' | 'vertical';
  height?: number;
}) {
  const format = useFormatter();
  const formatValue = (value: unknown) => {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n)) return '—';
    switch (valueKind) {
      case 'percent':
        return format.number(n, { style: 'percent', maximumFractionDigits: 1 });
      case 'minutes':
      case 'millions':
        return format.number(n, { maximumFractionDigits: 1 });
      case 'count':
        return format.number(n, { maximumFractionDigits: 0 });
      default: {
        const never: never = valueKind;
        return never;
      }
    }
  };
  const isVertical = layout === 'vertical';
  const valueAxis = {
    type: 'number' as const,
    tickFormatter: formatValue,
    allowDecimals: valueKind !== 'count',
    ...(valueKind === 'percent' ? { domain: [0, 1] as [number, number] } : {}),
  };
  const categoryAxis = { type: 'category' as const, dataKey: categoryKey, interval: 'preserveStartEnd' as const };
  return (
    <figure aria-labelledby={`${id}-caption`} className="rounded border border-slate-300 bg-white p-3">
      <figcaption id={`${id}-caption`} className="mb-2 font-semibold">
        {title}
      </figcaption>
      <p className="sr-only">{description}</p>
      <div style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout={layout}
            role="img"
            title={title}
            desc={description}
            accessibilityLayer={false}
            margin={{ top: 8, right: 16, bottom: 8, left: isVertical ? 8 : 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
            {isVertical ? <XAxis {...valueAxis} name={valueLabel} /> : <XAxis {...categoryAxis} />}
            {isVertical ? (
              <YAxis {...categoryAxis} width={150} />
            ) : (
              <YAxis {...valueAxis} name={valueLabel} width={72} />
            )}
            <Tooltip formatter={(value) => formatValue(value)} />
            <Legend itemSorter={null} />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.color}
                stackId={s.stackId}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p className="mt-1 text-sm text-slate-700">{valueLabel}</p>
    </figure>
  );
}
