'use client';
// On an import, the consignee is usually the declarant itself: when the regime chosen is an import
// and the consignee's fields are all empty, they are filled with the trader's company (the trader
// can change them). Never overwrites what was typed; says so in a status message when it fills.
import { useEffect, useRef, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { REGIME_DIRECTION, type Regime } from '@/lib/reference/customs';
import { countryLabel, countryOptions, findCountryOption } from '@/lib/reference/country-options';

type Party = { name: string; country: string; address: string };
const FIELDS = { consigneeName: 'name', consigneeCountry: 'country', consigneeAddress: 'address' } as const;

/** Set a field's value the way typing would (React-controlled fields see the change too). */
function setFieldValue(field: HTMLInputElement | HTMLSelectElement, value: string) {
  const proto = field instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

/**
 * The field a person sees for `name`. A country list (components/ui/country-combobox.tsx) sends its
 * code in a hidden input of that name; the visible input beside it shows the country's name.
 */
function visibleField(form: HTMLFormElement, name: string) {
  const named = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
  if (named instanceof HTMLInputElement && named.type === 'hidden')
    return {
      shown: named.parentElement?.querySelector<HTMLInputElement>('input:not([type="hidden"])') ?? null,
      code: named,
    };
  return { shown: named, code: null };
}

export function ConsigneePrefill({ company }: { company: Party }) {
  const t = useTranslations('partiesPrefill');
  const locale = useLocale();
  const marker = useRef<HTMLParagraphElement>(null);
  const [isFilled, setIsFilled] = useState(false);
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (!form) return;
    const fill = () => {
      const regime = visibleField(form, 'regime').shown?.value as Regime | undefined;
      if (!regime || REGIME_DIRECTION[regime] !== 'IMPORT') return;
      const fields = Object.keys(FIELDS).map((name) => visibleField(form, name));
      if (fields.some((f) => !f.shown || f.shown.value.trim() !== '')) return;
      fields.forEach(({ shown, code }, i) => {
        const value = company[Object.values(FIELDS)[i]];
        if (code) {
          // A country list: its name shown, its code sent (as if chosen from the list).
          const option = findCountryOption(countryOptions(locale), value);
          shown!.value = option ? countryLabel(option) : value;
          code.value = option?.code ?? value;
        } else setFieldValue(shown!, value);
      });
      setIsFilled(true);
    };
    fill();
    const regime = visibleField(form, 'regime').shown;
    regime?.addEventListener('change', fill);
    return () => regime?.removeEventListener('change', fill);
  }, [company, locale]);
  return (
    <p ref={marker} role="status" className="text-slate-700 sm:col-span-3">
      {isFilled ? t('consigneeFilled') : ''}
    </p>
  );
}
