import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <div>
      <h1 className="text-3xl font-bold">{t('notFoundTitle')}</h1>
      <p className="mt-4 max-w-2xl">{t('notFoundBody')}</p>
      <p className="mt-4">
        <Link href="/" className="text-blue-800 underline">
          {t('goHome')}
        </Link>
      </p>
    </div>
  );
}
