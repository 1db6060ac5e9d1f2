import { getTranslations } from 'next-intl/server';
import { ProblemPage } from '@/components/ui/problem-page';

export default async function Forbidden() {
  const t = await getTranslations('errors');
  return <ProblemPage title={t('forbiddenTitle')} body={t('forbiddenBody')} homeLabel={t('goHome')} />;
}
