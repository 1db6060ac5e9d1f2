// The dashboard's tables: a caption that names the table, a row header per row, numbers aligned
// right, and a scroll container that a keyboard can reach (wide tables scroll on small screens).
import type { ReactNode } from 'react';

export function DataTable({
  id,
  caption,
  regionLabel,
  head,
  numericFrom = 1,
  children,
}: {
  id: string;
  caption: string;
  /** The scroll region's name, distinct from the section's ("Table: …"). */
  regionLabel: string;
  head: ReactNode[];
  /** Columns from this index hold numbers. */
  numericFrom?: number;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={regionLabel}
      tabIndex={0}
      className="overflow-x-auto rounded border border-slate-300 bg-white focus:outline-2 focus:outline-offset-2 focus:outline-amber-500"
    >
      <table id={id} className="w-full border-collapse text-left">
        <caption id={`${id}-caption`} className="sr-only">
          {caption}
        </caption>
        <thead className="bg-slate-100">
          <tr>
            {head.map((h, i) => (
              <th
                key={i}
                scope="col"
                className={`border-b border-slate-300 px-3 py-2 align-bottom font-semibold ${i >= numericFrom ? 'text-right' : ''}`}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** One row: its first cell is the row's header, the others are numbers (or text when `isText`). */
export function DataRow({
  label,
  cells,
  isTotal = false,
  textCells = 0,
}: {
  label: ReactNode;
  cells: ReactNode[];
  isTotal?: boolean;
  /** How many cells after the header hold text (left-aligned). */ textCells?: number;
}) {
  return (
    <tr className={isTotal ? 'bg-slate-50 font-semibold' : undefined}>
      <th scope="row" className="border-b border-slate-200 px-3 py-2 text-left align-top font-medium">
        {label}
      </th>
      {cells.map((c, i) => (
        <td
          key={i}
          className={`border-b border-slate-200 px-3 py-2 align-top ${i < textCells ? '' : 'text-right whitespace-nowrap tabular-nums'}`}
        >
          {c}
        </td>
      ))}
    </tr>
  );
}
