'use client';
// A country field: type part of a name (in the reader's language) or a code, choose from the list,
// and the ISO 3166 code is what the form sends. Nothing typed is ever turned into a code here: text
// that was not chosen is sent as typed, and the server refuses it naming the field ("Germany" is not
// GE). An ARIA 1.2 combobox with a listbox (keyboard: down/up move, Enter chooses, Escape closes).
//
// Without JavaScript (and until the page is interactive) it is a plain text field named `name`
// holding the code; once hydrated, the visible input loses its name and a hidden input carries the
// code. The visible input stays uncontrolled, so what was typed before hydration is kept.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import {
  countryLabel,
  countryOptions,
  findCountryOption,
  matchCountries,
  type CountryOption,
} from '@/lib/reference/country-options';
import { FieldFrame, describedBy } from './field';
import { useHydrated } from './use-hydrated';
import { cx } from './cx';

/**
 * The hidden input: the chosen code while its label is shown (also when a script filled the label in,
 * e.g. the consignee prefill), else exactly what was typed.
 */
function syncHidden(
  input: HTMLInputElement | null,
  hidden: HTMLInputElement | null,
  chosenRef: { current: CountryOption | null },
  options: readonly CountryOption[],
) {
  if (!input || !hidden) return;
  const chosen = chosenRef.current;
  if (chosen && input.value === countryLabel(chosen)) hidden.value = chosen.code;
  else {
    chosenRef.current = options.find((o) => countryLabel(o) === input.value) ?? null;
    hidden.value = chosenRef.current?.code ?? input.value.trim();
  }
}

type Props = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  /** The stored code ('' when none). */
  defaultValue?: string;
};

export function CountryCombobox({ id, name, label, hint, error, className, defaultValue = '' }: Props) {
  const locale = useLocale();
  const t = useTranslations('form');
  const options = useMemo(() => countryOptions(locale), [locale]);
  const isHydrated = useHydrated();
  const listId = `${useId()}-countries`;
  const inputRef = useRef<HTMLInputElement>(null);
  const hiddenRef = useRef<HTMLInputElement>(null);
  // The country chosen from the list, while the field still shows its label.
  const chosenRef = useRef<CountryOption | null>(null);
  const [query, setQuery] = useState('');
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = useMemo(() => matchCountries(options, query), [options, query]);
  const optionId = (code: string) => `${listId}-${code}`;

  const sync = () => syncHidden(inputRef.current, hiddenRef.current, chosenRef, options);

  // Once interactive: an untouched stored code shows as its name. Again after the form is reset.
  useEffect(() => {
    const input = inputRef.current;
    if (!isHydrated || !input) return;
    const showStored = () => {
      const stored = findCountryOption(options, defaultValue);
      if (stored && input.value === defaultValue) {
        chosenRef.current = stored;
        input.value = countryLabel(stored);
      }
      syncHidden(input, hiddenRef.current, chosenRef, options);
    };
    showStored();
    const form = input.form;
    // The reset event comes before the fields are reset.
    const onReset = () => setTimeout(showStored, 0);
    form?.addEventListener('reset', onReset);
    return () => form?.removeEventListener('reset', onReset);
  }, [isHydrated, options, defaultValue]);

  useEffect(() => {
    if (isOpen && active >= 0 && matches[active])
      document.getElementById(optionId(matches[active].code))?.scrollIntoView?.({ block: 'nearest' });
    // optionId depends on listId only, which is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isOpen, active, matches]);

  function open() {
    const input = inputRef.current;
    const typed = input && !chosenRef.current ? input.value : '';
    setQuery(typed);
    setIsOpen(true);
    const list = matchCountries(options, typed);
    const chosenIndex = chosenRef.current ? list.findIndex((o) => o.code === chosenRef.current!.code) : -1;
    setActive(chosenIndex >= 0 ? chosenIndex : 0);
  }

  function choose(option: CountryOption) {
    const input = inputRef.current;
    chosenRef.current = option;
    if (input) input.value = countryLabel(option);
    sync();
    setQuery('');
    setIsOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!isOpen) open();
        else setActive((i) => Math.min(i + 1, matches.length - 1));
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (isOpen) setActive((i) => Math.max(i - 1, 0));
        return;
      case 'Enter':
        // Enter chooses the highlighted country; with none highlighted it submits the form as usual.
        if (isOpen && active >= 0 && matches[active]) {
          e.preventDefault();
          choose(matches[active]);
        }
        return;
      case 'Escape':
        if (isOpen) {
          e.preventDefault();
          setIsOpen(false);
          setActive(-1);
        }
        return;
      default:
        return;
    }
  }

  const activeOption = isOpen && active >= 0 ? matches[active] : undefined;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <div className="relative">
        <input
          ref={inputRef}
          id={id}
          type="text"
          name={isHydrated ? undefined : name}
          defaultValue={defaultValue}
          autoComplete="off"
          spellCheck={false}
          role={isHydrated ? 'combobox' : undefined}
          aria-autocomplete={isHydrated ? 'list' : undefined}
          aria-expanded={isHydrated ? isOpen : undefined}
          aria-controls={isHydrated ? listId : undefined}
          aria-activedescendant={activeOption ? optionId(activeOption.code) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className={cx(
            'w-full rounded border border-slate-500 bg-white px-3 py-2 text-slate-900',
            error && 'border-red-700',
          )}
          onChange={(e) => {
            sync();
            setQuery(e.target.value);
            setIsOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setIsOpen(false);
            setActive(-1);
          }}
        />
        {/* No value prop: React would put it back on every render (a hidden input's value is its default). */}
        {isHydrated ? <input ref={hiddenRef} type="hidden" name={name} /> : null}
        {isHydrated ? (
          <ul
            id={listId}
            role="listbox"
            aria-label={t('countryList')}
            hidden={!isOpen || matches.length === 0}
            className="absolute z-10 mt-1 max-h-60 w-full overflow-y-auto rounded border border-slate-500 bg-white shadow-lg"
          >
            {isOpen
              ? matches.map((option, index) => (
                  <li
                    key={option.code}
                    id={optionId(option.code)}
                    role="option"
                    aria-selected={index === active}
                    className={cx(
                      'cursor-pointer px-3 py-2',
                      index === active ? 'bg-blue-800 text-white' : 'text-slate-900 hover:bg-slate-100',
                    )}
                    // Keep the focus in the field: a click chooses, it does not blur first.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => choose(option)}
                  >
                    {countryLabel(option)}
                  </li>
                ))
              : null}
          </ul>
        ) : null}
        {isHydrated && isOpen && matches.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">{t('countryNoMatch')}</p>
        ) : null}
        {isHydrated ? (
          <p role="status" className="sr-only">
            {isOpen ? t('countryMatches', { count: matches.length }) : ''}
          </p>
        ) : null}
      </div>
    </FieldFrame>
  );
}
