import { getTranslations } from 'next-intl/server';
import { PageLoading } from '@/components/layout/page-loading';

export default async function Loading() {
  const [t, tc] = await Promise.all([getTranslations('risk'), getTranslations('common')]);
  return <PageLoading label={tc('loading', { page: t('title') })} />;
}
