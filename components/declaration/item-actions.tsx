'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { withResultId, type FormActionResult } from '../form/action-form';

/** A small button that runs a server action and refreshes the page (duplicate, remove, copy…). */
export function ActionButton({
  action,
  label,
  busyLabel,
  successHref,
  variant = 'secondary',
}: {
  action: () => Promise<FormActionResult<unknown>>;
  label: string;
  busyLabel: string;
  successHref?: string;
  variant?: 'secondary' | 'danger' | 'primary';
}) {
  const router = useRouter();
  const t = useTranslations('form');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const styles = {
    secondary: 'border border-slate-400 bg-white text-slate-900 hover:bg-slate-100',
    danger: 'border border-red-700 bg-white text-red-800 hover:bg-red-50',
    primary: 'bg-emerald-700 text-white hover:bg-emerald-800',
  } as const;
  return (
    <span className="inline-flex flex-col">
      <button
        type="button"
        disabled={isBusy}
        className={`rounded px-2 py-1 text-sm ${styles[variant]}`}
        onClick={async () => {
          setIsBusy(true);
          setError(null);
          try {
            const result = await action();
            if (!result.ok) setError(result.fieldErrors[0]?.message ?? result.formError);
            else if (successHref) router.push(withResultId(successHref, result.data));
            else router.refresh();
          } catch {
            setError(t('requestFailed'));
          } finally {
            setIsBusy(false);
          }
        }}
      >
        {isBusy ? busyLabel : label}
      </button>
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
