'use client';
// Search the national tariff by code or words; choosing a line fills the commodity code (and the
// unit its duties are computed in) of the item form around it.
import { useEffect, useId, useState } from 'react';
import { useTranslations } from 'next-intl';

type Line = {
  hsCode: string;
  description: string;
  supplementaryUnit: string;
  duty: string;
  excise: string | null;
  vat: string;
};

export function HsSearch() {
  const t = useTranslations('hsSearch');
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Line[]>([]);
  const [status, setStatus] = useState<'idle' | 'searching' | 'done' | 'error'>('idle');

  const q = query.trim();
  // Under two characters nothing is searched and nothing shown (derived, not stored).
  const isTooShort = q.length < 2;
  useEffect(() => {
    if (isTooShort) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus('searching');
      try {
        const res = await fetch(`/api/tariff/search?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!res.ok) throw new Error(String(res.status));
        setResults((await res.json()).lines);
        setStatus('done');
      } catch (e) {
        if ((e as Error).name !== 'AbortError') setStatus('error');
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, isTooShort]);
  const shownStatus = isTooShort ? 'idle' : status;
  const shownResults = isTooShort ? [] : results;

  function choose(line: Line) {
    const form = document.getElementById(`${id}-search`)?.closest('form');
    const code = form?.querySelector<HTMLInputElement>('input[name="hsCode"]');
    const unit = form?.querySelector<HTMLSelectElement>('select[name="supplementaryUnit"]');
    const description = form?.querySelector<HTMLInputElement>('input[name="description"]');
    if (code) code.value = line.hsCode;
    if (unit) unit.value = line.supplementaryUnit;
    if (description && !description.value) description.value = line.description;
    code?.focus();
  }

  return (
    <div className="rounded border border-slate-300 bg-slate-50 p-4">
      <label htmlFor={`${id}-search`} className="font-medium">
        {t('label')}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {t('hint')}
      </p>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby={`${id}-hint ${id}-status`}
        className="mt-1 w-full rounded border border-slate-500 bg-white px-3 py-2"
      />
      <p id={`${id}-status`} role="status" className="mt-1 text-sm text-slate-700">
        {shownStatus === 'searching'
          ? t('searching')
          : shownStatus === 'error'
            ? t('error')
            : shownStatus === 'done'
              ? t('found', { count: shownResults.length })
              : ''}
      </p>
      {shownResults.length > 0 ? (
        <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto" aria-label={t('results')}>
          {shownResults.map((line) => (
            <li key={line.hsCode} className="flex flex-wrap items-baseline justify-between gap-2 rounded bg-white p-2">
              <span>
                <span className="font-mono">{line.hsCode}</span> {line.description}
                <span className="block text-sm text-slate-600">
                  {t('rates', {
                    duty: line.duty,
                    excise: line.excise ?? t('noExcise'),
                    vat: line.vat,
                    unit: line.supplementaryUnit,
                  })}
                </span>
              </span>
              <button
                type="button"
                onClick={() => choose(line)}
                className="rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100"
              >
                {t('use', { code: line.hsCode })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
