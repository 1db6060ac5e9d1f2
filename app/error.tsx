'use client';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div role="alert">
      <h1 className="text-3xl font-bold">{t('unexpectedTitle')}</h1>
      <p className="mt-4 max-w-2xl">{t('unexpectedBody')}</p>
      {error.digest ? <p className="mt-2 font-mono">{t('reference', { id: error.digest })}</p> : null}
      <Button className="mt-4" onClick={reset}>
        {t('tryAgain')}
      </Button>
    </div>
  );
}
