'use client';
// Autosave for an ActionForm: the form's text fields are posted to an autosave action ~800 ms after
// the person stops typing or leaves a field (its `change` event), and never twice with
// the same values. Saves run one after another, each reading the form when it starts, so an older
// state never overwrites a newer one. The status is announced politely ("Saved at 14:05" / "Not
// saved: …"); the fields the server refused get their message beside them (not in the error
// summary: it takes the focus, and the person is still typing). While a save is pending the page
// asks before it is closed.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { FieldError } from '@/lib/errors';
import type { AutosaveResult } from '@/lib/declaration/autosave';

type Result = { ok: true; data: AutosaveResult } | { ok: false; formError: string; fieldErrors: FieldError[] };
export type AutosaveAction = (formData: FormData) => Promise<Result>;

export const AUTOSAVE_DELAY_MS = 800;

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date | null; notSaved: FieldError[] }
  | { kind: 'failed'; reason: string };

/** The form's text fields (files are never autosaved). */
function textFields(form: HTMLFormElement): FormData {
  const data = new FormData();
  for (const [name, value] of new FormData(form).entries()) if (typeof value === 'string') data.append(name, value);
  return data;
}

const keyOf = (data: FormData) => JSON.stringify([...data.entries()]);

export function useAutosave(action: AutosaveAction | undefined, formRef: RefObject<HTMLFormElement | null>) {
  const t = useTranslations('autosave');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const lastSaved = useRef<string | null>(null);

  const saveOnce = useCallback(async () => {
    const form = formRef.current;
    if (!form || !action) return;
    const data = textFields(form);
    const key = keyOf(data);
    if (key === lastSaved.current) return;
    setStatus({ kind: 'saving' });
    try {
      const result = await action(data);
      if (result.ok) {
        lastSaved.current = key;
        setFieldErrors(result.data.notSaved);
        setStatus({
          kind: 'saved',
          at: result.data.savedAt ? new Date(result.data.savedAt) : null,
          notSaved: result.data.notSaved,
        });
      } else {
        setStatus({ kind: 'failed', reason: result.fieldErrors[0]?.message ?? result.formError });
      }
    } catch {
      setStatus({ kind: 'failed', reason: t('connectionFailed') });
    }
  }, [action, formRef, t]);

  /** Queue a save now (after any running one). */
  const saveNow = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current += 1;
    queue.current = queue.current.then(saveOnce).finally(() => {
      pending.current -= 1;
    });
  }, [saveOnce]);

  /** Queue a save when the person has stopped typing for a moment. */
  const schedule = useCallback(() => {
    if (!action) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(saveNow, AUTOSAVE_DELAY_MS);
  }, [action, saveNow]);

  /** Before the form's own submit: drop a save not yet started, wait for the one running. */
  const settle = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    await queue.current;
  }, []);

  useEffect(() => {
    const form = formRef.current;
    if (!form || !action) return;
    // Leaving a field (or choosing from a list) saves soon, like typing does. Not at once: the blur
    // of a click on the submit button would start a save that races the form's own submit.
    const onChange = (event: Event) => {
      if ((event.target as HTMLInputElement | null)?.type !== 'file') schedule();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (timer.current || pending.current > 0) event.preventDefault();
    };
    form.addEventListener('change', onChange);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      form.removeEventListener('change', onChange);
      window.removeEventListener('beforeunload', onBeforeUnload);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [action, formRef, schedule]);

  return { isEnabled: Boolean(action), status, fieldErrors, schedule, settle };
}

/** The autosave status line, read out politely by screen readers when it changes. */
export function AutosaveStatus({ status }: { status: Status }) {
  const t = useTranslations('autosave');
  const format = useFormatter();
  const time = (at: Date) => format.dateTime(at, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  // The sentence ends with its own full stop.
  const reasonOf = (message: string) => message.replace(/\.\s*$/, '');
  let text = '';
  let tone = 'text-slate-700';
  switch (status.kind) {
    case 'idle':
      text = t('intro');
      break;
    case 'saving':
      text = t('saving');
      break;
    case 'saved': {
      const [first, ...rest] = status.notSaved;
      if (!first) text = status.at ? t('saved', { time: time(status.at) }) : t('upToDate');
      else {
        tone = 'text-red-700';
        text = [
          t('notSaved', { reason: reasonOf(first.message), more: rest.length }),
          status.at ? t('othersSaved', { time: time(status.at) }) : '',
        ]
          .filter(Boolean)
          .join(' ');
      }
      break;
    }
    case 'failed':
      tone = 'text-red-700';
      text = t('notSaved', { reason: reasonOf(status.reason), more: 0 });
      break;
    default: {
      const never: never = status;
      return never;
    }
  }
  return (
    <p role="status" aria-live="polite" className={`text-sm font-medium ${tone}`}>
      {text}
    </p>
  );
}
