'use client';
// Fields that take their error from the surrounding ActionForm.
import type { InputHTMLAttributes, SelectHTMLAttributes } from 'react';
import { TextField, SelectField, FieldFrame, describedBy } from '../ui/field';
import { useFieldError } from './action-form';

type Base = { name: string; label: string; hint?: string; className?: string };

export function FormText({ name, ...rest }: Base & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>) {
  const error = useFieldError(name);
  return <TextField id={name} name={name} error={error} {...rest} />;
}

export function FormSelect({ name, ...rest }: Base & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'> & { options: ReadonlyArray<{ value: string; label: string }>; placeholder?: string }) {
  const error = useFieldError(name);
  return <SelectField id={name} name={name} error={error} {...rest} />;
}

export function FormFile({ name, label, hint, accept }: { name: string; label: string; hint?: string; accept?: string }) {
  const error = useFieldError(name);
  return (
    <FieldFrame id={name} label={label} hint={hint} error={error}>
      <input id={name} name={name} type="file" accept={accept} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)} className="rounded border border-slate-500 bg-white px-3 py-2" />
    </FieldFrame>
  );
}

export function FormTextarea({ name, label, hint, rows = 4, defaultValue }: Base & { rows?: number; defaultValue?: string }) {
  const error = useFieldError(name);
  return (
    <FieldFrame id={name} label={label} hint={hint} error={error}>
      <textarea id={name} name={name} rows={rows} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)} className="rounded border border-slate-500 bg-white px-3 py-2" />
    </FieldFrame>
  );
}
