// The dashboard's period (and, for the administrator, post): a plain GET form, so a view of the
// statistics is a link that can be shared. Bad values are named beside their field.
import { SelectField, TextField } from '../ui/field';

export type StatisticsFilterLabels = {
  legend: string;
  from: string;
  to: string;
  post: string;
  allPosts: string;
  apply: string;
  reset: string;
};

export function StatisticsFilters({
  labels,
  values,
  errors,
  posts,
  resetHref,
}: {
  labels: StatisticsFilterLabels;
  /** What the form shows (as entered, or the period in force when nothing was entered). */
  values: { from: string; to: string; post: string };
  errors: { from?: string; to?: string; post?: string };
  /** The administrator's choice of post; absent for supervisors (their own post only). */
  posts?: Array<{ value: string; label: string }>;
  resetHref: string;
}) {
  return (
    <form method="get" className="mb-8 rounded border border-slate-300 bg-white p-4">
      <fieldset>
        <legend id="statistics-filters-legend" className="mb-3 text-lg font-semibold">
          {labels.legend}
        </legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            id="from"
            name="from"
            type="date"
            label={labels.from}
            error={errors.from}
            defaultValue={values.from}
          />
          <TextField id="to" name="to" type="date" label={labels.to} error={errors.to} defaultValue={values.to} />
          {posts ? (
            <SelectField
              id="post"
              name="post"
              label={labels.post}
              placeholder={labels.allPosts}
              options={posts}
              error={errors.post}
              defaultValue={values.post}
            />
          ) : null}
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-900">
            {labels.apply}
          </button>
          <a href={resetHref} className="text-blue-800 underline">
            {labels.reset}
          </a>
        </div>
      </fieldset>
    </form>
  );
}
