'use client';
// Fields that take their error from the surrounding ActionForm.
import type { InputHTMLAttributes, SelectHTMLAttributes } from 'react';
import { TextField, SelectField, FieldFrame, FieldMessages, describedBy } from '../ui/field';
import { CountryCombobox } from '../ui/country-combobox';
import { useFieldError, useFieldId } from './action-form';
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE } from '@/lib/declaration/steps';

type Base = { name: string; label: string; hint?: string; className?: string };

export function FormText({ name, ...rest }: Base & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>) {
  const error = useFieldError(name);
  return <TextField id={useFieldId(name)} name={name} error={error} {...rest} />;
}

/** A country, chosen from a searchable list by name; the form sends its ISO code (../ui/country-combobox.tsx). */
export function FormCountry({ name, ...rest }: Base & { defaultValue?: string }) {
  const error = useFieldError(name);
  return <CountryCombobox id={useFieldId(name)} name={name} error={error} {...rest} />;
}

export function FormSelect({
  name,
  ...rest
}: Base &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'> & {
    options: ReadonlyArray<{ value: string; label: string }>;
    placeholder?: string;
  }) {
  const error = useFieldError(name);
  return <SelectField id={useFieldId(name)} name={name} error={error} {...rest} />;
}

/**
 * A file input. A file larger than `maxBytes` (by default the upload limit, 10 MB) is refused by the
 * surrounding ActionForm before sending, with `tooLargeMessage` — the server's own words.
 */
export function FormFile({
  name,
  label,
  hint,
  accept,
  maxBytes = MAX_UPLOAD_BYTES,
  tooLargeMessage = UPLOAD_TOO_LARGE,
}: {
  name: string;
  label: string;
  hint?: string;
  accept?: string;
  maxBytes?: number;
  tooLargeMessage?: string;
}) {
  const error = useFieldError(name);
  const id = useFieldId(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        data-max-bytes={maxBytes}
        data-too-large={tooLargeMessage}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="rounded border border-slate-500 bg-white px-3 py-2"
      />
    </FieldFrame>
  );
}

export function FormTextarea({
  name,
  label,
  hint,
  rows = 4,
  defaultValue,
}: Base & { rows?: number; defaultValue?: string }) {
  const error = useFieldError(name);
  const id = useFieldId(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="rounded border border-slate-500 bg-white px-3 py-2"
      />
    </FieldFrame>
  );
}

/** A yes/no or one-of-several choice as radio buttons in a fieldset (the legend is the question). */
export function FormRadios({
  name,
  legend,
  hint,
  options,
  defaultValue,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  defaultValue?: string;
}) {
  const error = useFieldError(name);
  const id = useFieldId(name);
  return (
    <fieldset
      id={id}
      aria-describedby={describedBy(id, hint, error)}
      className={error ? 'border-l-4 border-red-700 pl-3' : undefined}
    >
      <legend className="font-medium">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="mt-1 flex flex-wrap gap-4">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-2">
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={defaultValue === o.value}
              className="h-5 w-5"
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
