'use client';
// Search the national tariff by code or words; choosing a line fills the commodity code (and the
// unit its duties are computed in) of the item form around it.
import { useEffect, useId, useState } from 'react';
import { useTranslations } from 'next-intl';

type Line = { hsCode: string; description: string; supplementaryUnit: string; duty: string; excise: string | null; vat: string };

export function HsSearch() {
  const t = useTranslations('hsSearch');
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Line[]>([]);
  const [status, setStatus] = useState<'idle' | 'searching' | 'done' | 'error'>('idle');

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setResults([]);
      setStatus('idle');
      return;
    }
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
  }, [query]);

  function use(line: Line) {
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
        {status === 'searching' ? t('searching') : status === 'error' ? t('error') : status === 'done' ? t('found', { count: results.length }) : ''}
      </p>
      {results.length > 0 ? (
        <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto" aria-label={t('results')}>
          {results.map((line) => (
            <li key={line.hsCode} className="flex flex-wrap items-baseline justify-between gap-2 rounded bg-white p-2">
              <span>
                <span className="font-mono">{line.hsCode}</span> {line.description}
                <span className="block text-sm text-slate-600">{t('rates', { duty: line.duty, excise: line.excise ?? t('noExcise'), vat: line.vat, unit: line.supplementaryUnit })}</span>
              </span>
              <button type="button" onClick={() => use(line)} className="rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100">
                {t('use', { code: line.hsCode })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
