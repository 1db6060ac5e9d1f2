// The account list's filters: a plain GET form, so a filtered list is a link that can be shared.
import { SelectField, TextField } from '../ui/field';

export type FilterLabels = {
  legend: string;
  status: string;
  regime: string;
  post: string;
  from: string;
  to: string;
  number: string;
  any: string;
  apply: string;
  clear: string;
  dateHint: string;
};

export function ListFilters({
  labels,
  values,
  statuses,
  regimes,
  posts,
  clearHref,
}: {
  labels: FilterLabels;
  values: Record<string, string | undefined>;
  statuses: Array<{ value: string; label: string }>;
  regimes: Array<{ value: string; label: string }>;
  posts: Array<{ value: string; label: string }>;
  clearHref: string;
}) {
  return (
    <form method="get" className="mb-6 rounded border border-slate-300 bg-white p-4">
      <fieldset>
        <legend className="mb-3 text-lg font-semibold">{labels.legend}</legend>
        <div className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6">
          <SelectField id="filter-status" name="status" label={labels.status} placeholder={labels.any} options={statuses} defaultValue={values.status ?? ''} />
          <SelectField id="filter-regime" name="regime" label={labels.regime} placeholder={labels.any} options={regimes} defaultValue={values.regime ?? ''} />
          <SelectField id="filter-post" name="post" label={labels.post} placeholder={labels.any} options={posts} defaultValue={values.post ?? ''} />
          <TextField id="filter-from" name="from" label={labels.from} hint={labels.dateHint} defaultValue={values.from ?? ''} />
          <TextField id="filter-to" name="to" label={labels.to} hint={labels.dateHint} defaultValue={values.to ?? ''} />
          <TextField id="filter-number" name="number" label={labels.number} defaultValue={values.number ?? ''} />
        </div>
        {values.sort ? <input type="hidden" name="sort" value={values.sort} /> : null}
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-900">
            {labels.apply}
          </button>
          <a href={clearHref} className="text-blue-800 underline">
            {labels.clear}
          </a>
        </div>
      </fieldset>
    </form>
  );
}
