import Link from 'next/link';

export type PaginationLabels = { previous: string; next: string; pageOf: string; navLabel: string };

/** Server-side pagination links; `hrefFor` keeps the other query parameters. */
export function Pagination({
  page,
  pages,
  hrefFor,
  labels,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  labels: PaginationLabels;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={labels.navLabel} className="mt-4 flex items-center gap-4">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className="text-blue-800 underline" rel="prev">
          {labels.previous}
        </Link>
      ) : null}
      <span>{labels.pageOf}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} className="text-blue-800 underline" rel="next">
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
