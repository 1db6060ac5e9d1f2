'use client';
// On an import, the consignee is usually the declarant itself: when the regime chosen is an import
// and the consignee's fields are all empty, they are filled with the trader's company (the trader
// can change them). Never overwrites what was typed; says so in a status message when it fills.
import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { REGIME_DIRECTION, type Regime } from '@/lib/reference/customs';

type Party = { name: string; country: string; address: string };
const FIELDS = { consigneeName: 'name', consigneeCountry: 'country', consigneeAddress: 'address' } as const;

/** Set a field's value the way typing would (React-controlled fields see the change too). */
function setFieldValue(field: HTMLInputElement | HTMLSelectElement, value: string) {
  const proto = field instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

export function ConsigneePrefill({ company }: { company: Party }) {
  const t = useTranslations('partiesPrefill');
  const marker = useRef<HTMLParagraphElement>(null);
  const [isFilled, setIsFilled] = useState(false);
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (!form) return;
    const field = (name: string) =>
      form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]:not([type="hidden"])`);
    const fill = () => {
      const regime = field('regime')?.value as Regime | undefined;
      if (!regime || REGIME_DIRECTION[regime] !== 'IMPORT') return;
      const fields = Object.keys(FIELDS).map((name) => field(name));
      if (fields.some((f) => !f || f.value.trim() !== '')) return;
      fields.forEach((f, i) => setFieldValue(f!, company[Object.values(FIELDS)[i]]));
      setIsFilled(true);
    };
    fill();
    const regime = field('regime');
    regime?.addEventListener('change', fill);
    return () => regime?.removeEventListener('change', fill);
  }, [company]);
  return (
    <p ref={marker} role="status" className="text-slate-700 sm:col-span-3">
      {isFilled ? t('consigneeFilled') : ''}
    </p>
  );
}
