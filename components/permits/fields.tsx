'use client';
// Checkboxes that take their error from the surrounding ActionForm (the form's other fields are in
// components/form/fields.tsx). A group's error links to its first box.
import { useFieldError } from '../form/action-form';
import { FieldMessages, describedBy } from '../ui/field';
import { cx } from '../ui/cx';

export function FormCheckboxes({
  name,
  legend,
  hint,
  options,
  defaultValues,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  defaultValues: readonly string[];
}) {
  const error = useFieldError(name);
  return (
    <fieldset
      className={cx('flex flex-col gap-1', error && 'border-l-4 border-red-700 pl-3')}
      aria-describedby={describedBy(name, hint, error)}
    >
      <legend className="font-medium">{legend}</legend>
      <FieldMessages id={name} hint={hint} error={error} />
      <div className="flex flex-wrap gap-4">
        {options.map((o, i) => {
          const id = i === 0 ? name : `${name}-${o.value}`;
          return (
            <label key={o.value} htmlFor={id} className="inline-flex items-center gap-2">
              <input
                id={id}
                type="checkbox"
                name={name}
                value={o.value}
                defaultChecked={defaultValues.includes(o.value)}
                className="h-5 w-5"
              />
              {o.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function FormCheckbox({
  name,
  label,
  hint,
  defaultChecked,
}: {
  name: string;
  label: string;
  hint?: string;
  defaultChecked: boolean;
}) {
  const error = useFieldError(name);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="inline-flex items-center gap-2 font-medium">
        <input
          id={name}
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          aria-describedby={describedBy(name, hint, error)}
          className="h-5 w-5"
        />
        {label}
      </label>
      <FieldMessages id={name} hint={hint} error={error} />
    </div>
  );
}
