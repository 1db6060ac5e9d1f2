// The body of both statistics pages: title, the period form (with its errors), the CSV link and
// the dashboard. The page loads the figures; this only shows them.
import { useFormatter, useTranslations } from 'next-intl';
import { PageHeader } from '../ui/page';
import { ErrorSummary } from '../ui/error-summary';
import type { Dashboard } from '@/lib/statistics/dashboard';
import type { FieldError } from '@/lib/errors';
import { StatisticsFilters } from './statistics-filters';
import { StatisticsDashboard } from './statistics-dashboard';

export function StatisticsPage({
  dashboard,
  entered,
  fieldErrors,
  posts,
  basePath,
  exportHref,
}: {
  dashboard: Dashboard;
  entered: { from: string; to: string; post: string };
  fieldErrors: FieldError[];
  /** The administrator's list of posts; absent for a supervisor. */
  posts?: Array<{ value: string; label: string }>;
  basePath: string;
  exportHref: string;
}) {
  const t = useTranslations('statistics');
  const tc = useTranslations('common');
  const format = useFormatter();
  const errors = Object.fromEntries(fieldErrors.map((e) => [e.path, e.message])) as {
    from?: string;
    to?: string;
    post?: string;
  };
  const day = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: 'long' });
  const { period, post } = dashboard;
  // Show the period in force unless the person typed something else (which is then named as wrong).
  const values = {
    from: errors.from ? entered.from : period.from,
    to: errors.to ? entered.to : period.to,
    post: errors.post ? '' : (post?.code ?? ''),
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        intro={post ? t('introPost', { code: post.code, name: post.name }) : t('introAll')}
        actions={
          <a href={exportHref} className="text-blue-800 underline" download>
            {t('exportCsv')}
          </a>
        }
      />
      <ErrorSummary
        title={tc('errorSummaryTitle')}
        errors={fieldErrors.map((e) => ({ fieldId: e.path, message: e.message }))}
      />
      <StatisticsFilters
        labels={{
          legend: posts ? t('filtersAdmin') : t('filters'),
          from: t('from'),
          to: t('to'),
          post: t('post'),
          allPosts: t('allPosts'),
          apply: t('apply'),
          reset: t('reset'),
        }}
        values={values}
        errors={errors}
        posts={posts}
        resetHref={basePath}
      />
      <p role="status" className="mb-6 text-lg">
        {t('periodShown', {
          from: day(period.from),
          to: day(period.to),
          days: period.days,
          scope: post ? `${post.code} ${post.name}` : t('allPosts'),
        })}
      </p>
      <StatisticsDashboard dashboard={dashboard} />
    </>
  );
}
