import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getDashboard } from '@/src/server/statistics/dashboard';
import { listActivePosts } from '@/src/server/reference/posts';
import { now } from '@/src/server/clock';
import { serviceDate } from '@/lib/time';
import { parseStatisticsSearchParams, statisticsQueryParams } from '@/lib/statistics/query';
import { StatisticsPage } from '@/components/statistics/statistics-page';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The period and post asked for; a post that does not exist is named as a field error and all posts are shown. */
async function parse(searchParams: SearchParams) {
  const [parsed, posts] = await Promise.all([
    parseStatisticsSearchParams(await searchParams, { today: serviceDate(now()), allowPost: true }),
    listActivePosts(),
  ]);
  if (parsed.query.postCode && !posts.some((p) => p.code === parsed.query.postCode)) {
    return {
      ...parsed,
      query: { ...parsed.query, postCode: undefined },
      fieldErrors: [...parsed.fieldErrors, { path: 'post', message: 'Choose a customs post from the list' }],
      posts,
    };
  }
  return { ...parsed, posts };
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const t = await getTranslations('statistics');
  const tc = await getTranslations('common');
  const { fieldErrors } = await parse(searchParams);
  return { title: fieldErrors.length ? `${tc('errorPrefix')} ${t('title')}` : t('title') };
}

/** The administrator's statistics: every customs post, or the one chosen. */
export default async function AdminStatisticsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor(['ADMIN']);
  const { query, entered, fieldErrors, posts } = await parse(searchParams);
  const dashboard = await getDashboard({ actor, query });
  return (
    <StatisticsPage
      dashboard={dashboard}
      entered={entered}
      fieldErrors={fieldErrors}
      posts={posts.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
      basePath="/admin/statistics"
      exportHref={`/admin/statistics/export${statisticsQueryParams(query)}`}
    />
  );
}
