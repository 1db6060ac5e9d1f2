import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getDashboard } from '@/src/server/statistics/dashboard';
import { now } from '@/src/server/clock';
import { isAppError } from '@/lib/errors';
import { serviceDate } from '@/lib/time';
import { parseStatisticsSearchParams, statisticsQueryParams } from '@/lib/statistics/query';
import { StatisticsPage } from '@/components/statistics/statistics-page';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const parse = async (searchParams: SearchParams) =>
  parseStatisticsSearchParams(await searchParams, { today: serviceDate(now()), allowPost: false });

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const t = await getTranslations('statistics');
  const tc = await getTranslations('common');
  const { fieldErrors } = await parse(searchParams);
  return { title: fieldErrors.length ? `${tc('errorPrefix')} ${t('title')}` : t('title') };
}

/** A supervisor's statistics: their own customs post only. */
export default async function OfficerStatisticsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor(['SUPERVISOR']);
  const { query, entered, fieldErrors } = await parse(searchParams);
  const dashboard = await getDashboard({ actor, query }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'FORBIDDEN') forbidden();
    throw e;
  });
  return (
    <StatisticsPage
      dashboard={dashboard}
      entered={entered}
      fieldErrors={fieldErrors}
      basePath="/officer/statistics"
      exportHref={`/officer/statistics/export${statisticsQueryParams(query)}`}
    />
  );
}
