import type { ReactNode } from 'react';

/** A column header; `sort` marks the column the table is sorted by (aria-sort belongs on the header cell, not on a link inside it). */
export type Column = { label: ReactNode; sort?: 'ascending' | 'descending' };
const isColumn = (h: ReactNode | Column): h is Column =>
  typeof h === 'object' && h !== null && 'label' in h && !('$$typeof' in h);

export function Table({
  caption,
  head,
  children,
}: {
  caption: string;
  head: ReadonlyArray<ReactNode | Column>;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded border border-slate-300 bg-white">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {head.map((h, i) => (
              <th
                key={i}
                scope="col"
                aria-sort={isColumn(h) ? h.sort : undefined}
                className="border-b border-slate-300 px-3 py-2 font-semibold"
              >
                {isColumn(h) ? h.label : h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className }: { children: ReactNode; className?: string }) {
  return <td className={`border-b border-slate-200 px-3 py-2 align-top ${className ?? ''}`}>{children}</td>;
}
