'use client';
// The test bank's buttons: each runs the bank's server action, then follows where it says (back to
// the merchant, or to the bank's "pending" page). Errors are shown as an alert, focused.
import { useEffect, useRef, useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';

type Result = { ok: true; data: { href: string; message?: string } } | { ok: false; formError: string };

function useBankAction() {
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);
  const run = async (call: () => Promise<Result>, follow: boolean) => {
    if (isBusy) return;
    setIsBusy(true);
    setError(null);
    try {
      const result = await call();
      if (!result.ok) setError(result.formError);
      else if (follow) window.location.assign(result.data.href);
      else setDone(result.data.href);
    } finally {
      setIsBusy(false);
    }
  };
  return { isBusy, error, done, run, alertRef };
}

function Alert({
  message,
  refObject,
  title,
}: {
  message: string;
  refObject: React.RefObject<HTMLDivElement | null>;
  title: string;
}) {
  return (
    <div ref={refObject} tabIndex={-1} role="alert" className="mb-4 border-4 border-red-700 bg-white p-4">
      <p className="font-bold">{title}</p>
      <p className="mt-1">{message}</p>
    </div>
  );
}

export function TestCheckoutButtons({
  action,
  labels,
}: {
  action: (scenario: string) => Promise<Result>;
  labels: { pay: string; decline: string; delayed: string; duplicate: string; busy: string; errorTitle: string };
}) {
  const { isBusy, error, run, alertRef } = useBankAction();
  const isReady = useHydrated();
  const button = (scenario: string, label: string, style: string) => (
    <button
      type="button"
      disabled={isBusy || !isReady}
      aria-busy={isBusy}
      onClick={() => run(() => action(scenario), true)}
      className={`rounded px-4 py-2 font-medium disabled:cursor-not-allowed disabled:opacity-60 ${style}`}
    >
      {label}
    </button>
  );
  return (
    <div>
      {error ? <Alert message={error} refObject={alertRef} title={labels.errorTitle} /> : null}
      {isBusy ? (
        <p role="status" className="mb-3">
          {labels.busy}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {button('SUCCESS', labels.pay, 'bg-indigo-700 text-white hover:bg-indigo-800')}
        {button('DECLINE', labels.decline, 'border border-red-700 bg-white text-red-800 hover:bg-red-50')}
        {button('DELAYED', labels.delayed, 'border border-slate-500 bg-white text-slate-900 hover:bg-slate-100')}
        {button('DUPLICATE', labels.duplicate, 'border border-slate-500 bg-white text-slate-900 hover:bg-slate-100')}
      </div>
    </div>
  );
}

export function SendNotificationButton({
  action,
  labels,
}: {
  action: () => Promise<Result>;
  labels: { send: string; busy: string; sent: string; back: string; errorTitle: string };
}) {
  const { isBusy, error, done, run, alertRef } = useBankAction();
  const isReady = useHydrated();
  return (
    <div>
      {error ? <Alert message={error} refObject={alertRef} title={labels.errorTitle} /> : null}
      {done ? (
        <p role="status" className="mb-3 font-medium text-emerald-800">
          {labels.sent}{' '}
          <a href={done} className="text-blue-800 underline">
            {labels.back}
          </a>
        </p>
      ) : (
        <button
          type="button"
          disabled={isBusy || !isReady}
          aria-busy={isBusy}
          onClick={() => run(action, false)}
          className="rounded bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
        >
          {isBusy ? labels.busy : labels.send}
        </button>
      )}
    </div>
  );
}
