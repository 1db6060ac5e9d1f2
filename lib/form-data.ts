// Reading a submitted form in a server action. A server action can be posted by anyone with any
// arguments, so the form argument may not be a FormData at all: it then reads as an empty form, and
// the action's schema names the missing fields (a 4xx), instead of a TypeError (a 500).

const isForm = (value: unknown): value is FormData => typeof FormData !== 'undefined' && value instanceof FormData;

/** The text fields of the form (files left out); for a repeated name, the last value. */
export function formFields(form: unknown): Record<string, string> {
  if (!isForm(form)) return {};
  return Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** The text fields, a repeated name (a checkbox group) as the list of its values. */
export function formFieldLists(form: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!isForm(form)) return out;
  for (const [k, v] of form.entries()) {
    if (typeof v !== 'string') continue;
    out[k] = k in out ? [...([] as string[]).concat(out[k]), v] : v;
  }
  return out;
}

/** One text field, or undefined when absent or a file. */
export function formValue(form: unknown, name: string): string | undefined {
  if (!isForm(form)) return undefined;
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** Every text value of a repeated field. */
export function formValues(form: unknown, name: string): string[] {
  if (!isForm(form)) return [];
  return form.getAll(name).filter((v): v is string => typeof v === 'string');
}

/** The uploaded file of a field, or null. */
export function formFile(form: unknown, name: string): File | null {
  if (!isForm(form)) return null;
  const value = form.get(name);
  return typeof value === 'object' && value !== null && typeof (value as File).arrayBuffer === 'function'
    ? (value as File)
    : null;
}
