// Plain GET forms for the account's lists: a filtered history or a statement period is a link
// that can be shared and bookmarked.
import { SelectField, TextField } from '../ui/field';
import { ErrorSummary } from '../ui/error-summary';

export function HistoryFilters({
  labels,
  values,
  kinds,
}: {
  labels: {
    legend: string;
    kind: string;
    from: string;
    to: string;
    any: string;
    apply: string;
    clear: string;
    dateHint: string;
  };
  values: { kind?: string; from?: string; to?: string };
  kinds: Array<{ value: string; label: string }>;
}) {
  return (
    <form method="get" className="mb-6 rounded border border-slate-300 bg-white p-4">
      <fieldset>
        <legend className="mb-3 text-lg font-semibold">{labels.legend}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            id="filter-kind"
            name="kind"
            label={labels.kind}
            placeholder={labels.any}
            options={kinds}
            defaultValue={values.kind ?? ''}
          />
          <TextField
            id="filter-from"
            name="from"
            label={labels.from}
            hint={labels.dateHint}
            defaultValue={values.from ?? ''}
          />
          <TextField id="filter-to" name="to" label={labels.to} hint={labels.dateHint} defaultValue={values.to ?? ''} />
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-900">
            {labels.apply}
          </button>
          <a href="?" className="text-blue-800 underline">
            {labels.clear}
          </a>
        </div>
      </fieldset>
    </form>
  );
}

/** The statement's period; errors (a period that ends before it starts…) in a summary linking to the field. */
export function StatementPeriodForm({
  labels,
  values,
  errors,
}: {
  labels: { legend: string; from: string; to: string; show: string; dateHint: string; errorTitle: string };
  values: { from: string; to: string };
  errors: Array<{ path: string; message: string }>;
}) {
  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message;
  return (
    <form method="get" className="mb-6 rounded border border-slate-300 bg-white p-4" noValidate>
      <ErrorSummary
        title={labels.errorTitle}
        errors={errors.map((e) => ({ fieldId: e.path === 'to' ? 'period-to' : 'period-from', message: e.message }))}
      />
      <fieldset>
        <legend className="mb-3 text-lg font-semibold">{labels.legend}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            id="period-from"
            name="from"
            label={labels.from}
            hint={labels.dateHint}
            defaultValue={values.from}
            error={errorFor('from')}
          />
          <TextField
            id="period-to"
            name="to"
            label={labels.to}
            hint={labels.dateHint}
            defaultValue={values.to}
            error={errorFor('to')}
          />
        </div>
        <div className="mt-4">
          <button type="submit" className="rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-900">
            {labels.show}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
