import { getTranslations } from 'next-intl/server';
import { ProblemPage } from '@/components/ui/problem-page';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return <ProblemPage title={t('notFoundTitle')} body={t('notFoundBody')} homeLabel={t('goHome')} />;
}
