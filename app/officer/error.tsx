'use client';
import { useTranslations } from 'next-intl';
import { AreaError } from '@/components/layout/area-error';

export default function OfficerError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('nav');
  return <AreaError error={error} reset={reset} home={{ href: '/officer', label: t('queue') }} />;
}
