'use client';
// An unexpected error inside one area of the portal (trader, officer, agency, administration): the
// page says so in words, gives the reference under which the server logged it (Next's digest), and
// offers to try again or go back to the area's home — the rest of the portal keeps working.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export function AreaError({
  error,
  reset,
  home,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  home: { href: string; label: string };
}) {
  const t = useTranslations('errors');
  return (
    <div role="alert">
      <h1 className="text-3xl font-bold">{t('unexpectedTitle')}</h1>
      <p className="mt-4 max-w-2xl">{t('unexpectedBody')}</p>
      {error.digest ? <p className="mt-2 font-mono">{t('reference', { id: error.digest })}</p> : null}
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <Button onClick={reset}>{t('tryAgain')}</Button>
        <Link href={home.href} className="text-blue-800 underline">
          {t('backToArea', { area: home.label })}
        </Link>
      </div>
    </div>
  );
}
