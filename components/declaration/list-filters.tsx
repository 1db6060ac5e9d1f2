// The account list's filters: a plain GET form, so a filtered list is a link that can be shared.
// A parameter the list could not use is named beside its field (and in the summary above).
import { SelectField, TextField } from '../ui/field';
import { ErrorSummary } from '../ui/error-summary';

export type FilterLabels = {
  legend: string;
  note: string;
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
  errorTitle: string;
};

const FILTER_FIELDS = ['status', 'regime', 'post', 'from', 'to', 'number'] as const;
/** The element a parameter's error links to: its field, or the results for sort and page. */
export const filterFieldId = (path: string) =>
  (FILTER_FIELDS as readonly string[]).includes(path) ? `filter-${path}` : 'declarations-heading';

export function ListFilters({
  labels,
  values,
  errors = [],
  statuses,
  regimes,
  posts,
  clearHref,
}: {
  labels: FilterLabels;
  values: Record<string, string | undefined>;
  errors?: Array<{ path: string; message: string }>;
  statuses: Array<{ value: string; label: string }>;
  regimes: Array<{ value: string; label: string }>;
  posts: Array<{ value: string; label: string }>;
  clearHref: string;
}) {
  const errorFor = (name: string) => errors.find((e) => e.path === name)?.message;
  return (
    <>
      <ErrorSummary
        title={labels.errorTitle}
        errors={errors.map((e) => ({ fieldId: filterFieldId(e.path), message: e.message }))}
      />
      <form method="get" className="mb-6 rounded border border-slate-300 bg-white p-4">
        <fieldset>
          <legend className="mb-1 text-lg font-semibold">{labels.legend}</legend>
          <p className="mb-3 text-sm text-slate-700">{labels.note}</p>
          <div className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6">
            <SelectField
              id="filter-status"
              name="status"
              label={labels.status}
              error={errorFor('status')}
              placeholder={labels.any}
              options={statuses}
              defaultValue={values.status ?? ''}
            />
            <SelectField
              id="filter-regime"
              name="regime"
              label={labels.regime}
              error={errorFor('regime')}
              placeholder={labels.any}
              options={regimes}
              defaultValue={values.regime ?? ''}
            />
            <SelectField
              id="filter-post"
              name="post"
              label={labels.post}
              error={errorFor('post')}
              placeholder={labels.any}
              options={posts}
              defaultValue={values.post ?? ''}
            />
            <TextField
              id="filter-from"
              name="from"
              label={labels.from}
              hint={labels.dateHint}
              error={errorFor('from')}
              defaultValue={values.from ?? ''}
            />
            <TextField
              id="filter-to"
              name="to"
              label={labels.to}
              hint={labels.dateHint}
              error={errorFor('to')}
              defaultValue={values.to ?? ''}
            />
            <TextField
              id="filter-number"
              name="number"
              label={labels.number}
              error={errorFor('number')}
              defaultValue={values.number ?? ''}
            />
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
    </>
  );
}
