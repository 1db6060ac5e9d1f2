'use client';
// Deleting a draft, in two steps: the button asks first ("Delete this draft? It cannot be undone.")
// and only "Yes, delete" runs the action. The question takes the focus when it opens, and the
// focus goes back to the button when it is cancelled, so it works from the keyboard alone.
import { useEffect, useId, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FormActionResult } from '../form/action-form';

export function DeleteDraft({
  action,
  name,
  question,
  successHref,
}: {
  action: () => Promise<FormActionResult<unknown>>;
  /** Which draft, read out after the button's words (several drafts share a page). */
  name: string;
  /** The confirmation question, naming the draft. */
  question: string;
  /** Where to go once deleted; omit to refresh in place. */
  successHref?: string;
}) {
  const t = useTranslations('drafts');
  const tf = useTranslations('form');
  const router = useRouter();
  const id = useId();
  const [isAsking, setIsAsking] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (isAsking) questionRef.current?.focus();
    else if (wasAsking.current) buttonRef.current?.focus();
    wasAsking.current = isAsking;
  }, [isAsking]);

  async function confirm() {
    setIsBusy(true);
    setError(null);
    try {
      const result = await action();
      if (!result.ok) setError(result.fieldErrors[0]?.message ?? result.formError);
      else if (successHref) router.push(successHref);
      else router.refresh();
    } catch {
      setError(tf('requestFailed'));
    } finally {
      setIsBusy(false);
    }
  }

  const button = 'rounded px-2 py-1 text-sm';
  if (!isAsking)
    return (
      <button
        ref={buttonRef}
        type="button"
        className={`${button} border border-red-700 bg-white text-red-800 hover:bg-red-50`}
        onClick={() => setIsAsking(true)}
        aria-label={`${t('delete')}: ${name}`}
      >
        {t('delete')}
      </button>
    );
  return (
    <div role="group" aria-labelledby={`${id}-question`} className="flex flex-col gap-2 border-l-4 border-red-700 pl-3">
      <p id={`${id}-question`} ref={questionRef} tabIndex={-1} className="text-sm font-medium">
        {question}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={isBusy}
          aria-busy={isBusy}
          className={`${button} bg-red-700 text-white hover:bg-red-800`}
          onClick={confirm}
        >
          {isBusy ? t('deleting') : t('confirmDelete')}
        </button>
        <button
          type="button"
          disabled={isBusy}
          className={`${button} border border-slate-400 bg-white text-slate-900 hover:bg-slate-100`}
          onClick={() => setIsAsking(false)}
        >
          {t('cancelDelete')}
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
