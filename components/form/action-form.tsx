'use client';
// One form pattern for every server action: the action returns { ok, data } or field errors; the
// errors show in a summary at the top (focused, each a link to its field) and beside each field;
// the page title gets an "Error:" prefix while there are errors. A request that fails on the way
// (network, or a body over the server-action limit, refused before any action runs) is a form
// error, never a silent reset; files over their field's limit are refused before sending.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FieldError } from '@/lib/errors';
import { ErrorSummary } from '../ui/error-summary';
import { Button } from '../ui/button';
import { useHydrated } from '@/components/ui/use-hydrated';
import { AutosaveStatus, useAutosave, type AutosaveAction } from './autosave';

export type FormActionResult<T = unknown> =
  { ok: true; data: T } | { ok: false; code?: string; formError: string; fieldErrors: FieldError[] };

/** `/x/{id}/y` with the id of an action's result. */
export function withResultId(href: string, data: unknown): string {
  const id = data && typeof data === 'object' && 'id' in data ? String((data as { id: unknown }).id) : '';
  return href.replace('{id}', encodeURIComponent(id));
}

/**
 * Files chosen in the form's file inputs that are larger than the input's `data-max-bytes`, as field
 * errors (the input's `data-too-large` message). Checked before sending: a body over the server's
 * limit is refused before the action could say which field is wrong.
 */
export function oversizedFiles(form: HTMLFormElement): FieldError[] {
  const errors: FieldError[] = [];
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="file"][data-max-bytes]')) {
    const max = Number(input.dataset.maxBytes);
    if ([...(input.files ?? [])].some((f) => f.size > max))
      errors.push({ path: input.name, message: input.dataset.tooLarge ?? '' });
  }
  return errors;
}

type FormState = { errorFor: (name: string) => string | undefined; idPrefix: string };
const FormContext = createContext<FormState>({ errorFor: () => undefined, idPrefix: '' });
export const useFieldError = (name: string) => useContext(FormContext).errorFor(name);
/** The element id of a field: unique on the page when several forms share field names. */
export const useFieldId = (name: string) => `${useContext(FormContext).idPrefix}${name}`;

type Props<T> = {
  action: (formData: FormData) => Promise<FormActionResult<T>>;
  /**
   * Where to go when the action succeeds; `{id}` is replaced by the result's id (server components
   * cannot pass functions to client components). Omit to refresh in place.
   */
  successHref?: string;
  onSuccess?: (data: T) => void;
  submitLabel: string;
  busyLabel: string;
  errorTitle: string;
  errorPrefix: string;
  children: ReactNode;
  secondary?: ReactNode;
  /** Map an error path to the id of the field to link to (defaults to the path itself). */
  fieldIdFor?: (path: string) => string;
  resetOnSuccess?: boolean;
  encType?: 'multipart/form-data';
  className?: string;
  /** Prefix of the fields' element ids, for pages with several forms using the same field names. */
  idPrefix?: string;
  /** The submit button's style: `danger` for an action that cannot be undone (withdraw). */
  submitVariant?: 'primary' | 'secondary' | 'danger';
  /** Save the text fields as the person types (./autosave.tsx); the submit button still saves the whole form. */
  autosave?: AutosaveAction;
};

export function ActionForm<T>({
  action,
  successHref,
  onSuccess,
  submitLabel,
  busyLabel,
  errorTitle,
  errorPrefix,
  children,
  secondary,
  fieldIdFor,
  resetOnSuccess,
  encType,
  className,
  idPrefix = '',
  submitVariant = 'primary',
  autosave,
}: Props<T>) {
  const router = useRouter();
  const t = useTranslations('form');
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [formError, setFormError] = useState<string | undefined>();
  const [isBusy, setIsBusy] = useState(false);
  const hasErrors = errors.length > 0 || Boolean(formError);
  // Until hydrated, the submit button stays disabled: a native submit would bypass the action.
  const isReady = useHydrated();
  const autosaver = useAutosave(autosave, formRef);

  useEffect(() => {
    // Read the title now, not at mount: Next may set it after hydration.
    const base = document.title.startsWith(`${errorPrefix} `)
      ? document.title.slice(errorPrefix.length + 1)
      : document.title;
    document.title = hasErrors ? `${errorPrefix} ${base}` : base;
  }, [hasErrors, errorPrefix]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    const form = event.currentTarget;
    const tooLarge = oversizedFiles(form);
    if (tooLarge.length) {
      setErrors(tooLarge);
      setFormError(undefined);
      return;
    }
    setIsBusy(true);
    try {
      // A save still on its way must land before the whole form does, never after it.
      if (autosaver.isEnabled) await autosaver.settle();
      const formData = new FormData(form);
      // A file input left empty is "no file", not an empty file.
      for (const [name, value] of [...formData.entries()]) {
        if (value instanceof File && value.size === 0 && value.name === '') formData.delete(name);
      }
      const result = await action(formData);
      if (result.ok) {
        setErrors([]);
        setFormError(undefined);
        if (resetOnSuccess) formRef.current?.reset();
        onSuccess?.(result.data);
        if (successHref) router.push(withResultId(successHref, result.data));
        else router.refresh();
      } else {
        setErrors(result.fieldErrors);
        setFormError(result.fieldErrors.length ? undefined : result.formError);
      }
    } catch {
      // The action never answered: the connection failed, or the server refused the body. What the
      // trader entered stays in the form.
      setErrors([]);
      setFormError(t('requestFailed'));
    } finally {
      setIsBusy(false);
    }
  }

  const errorFor = (name: string) =>
    errors.find((e) => e.path === name)?.message ?? autosaver.fieldErrors.find((e) => e.path === name)?.message;
  return (
    <FormContext.Provider value={{ errorFor, idPrefix }}>
      <form
        ref={formRef}
        method="post"
        onSubmit={onSubmit}
        onInput={autosaver.isEnabled ? autosaver.schedule : undefined}
        noValidate
        encType={encType}
        className={className ?? 'flex flex-col gap-6'}
      >
        <ErrorSummary
          title={errorTitle}
          formError={formError}
          errors={errors.map((e) => ({
            fieldId: fieldIdFor ? fieldIdFor(e.path) : `${idPrefix}${e.path}`,
            message: e.message,
          }))}
        />
        {children}
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" variant={submitVariant} disabled={isBusy || !isReady} aria-busy={isBusy}>
            {isBusy ? busyLabel : submitLabel}
          </Button>
          {secondary}
        </div>
        {autosaver.isEnabled ? <AutosaveStatus status={autosaver.status} /> : null}
      </form>
    </FormContext.Provider>
  );
}
