// A table whose column headers may sort it: the sorted column's <th> carries aria-sort (the state
// belongs to the header cell, not to the link inside it). Same look as ui/table.
import type { ReactNode } from 'react';

export type Column = { label: ReactNode; sort?: 'ascending' | 'descending' };

export function SortableTable({ caption, columns, children }: { caption: string; columns: Column[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-300 bg-white">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" aria-sort={c.sort} className="border-b border-slate-300 px-3 py-2 font-semibold">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
