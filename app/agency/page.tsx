import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listAuthorityApplications } from '@/src/server/permits/desk';
import { now } from '@/src/server/clock';
import { PageHeader } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { SelectField } from '@/components/ui/field';
import { ApplicationStatusBadge, SlaBadge } from '@/components/permits/badges';
import { pageCount } from '@/lib/pagination';
import { DESK_FILTERS, ZDeskQuery, splitDuration } from '@/lib/permits';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('agency');
  return { title: t('deskTitle') };
}

export default async function AgencyDeskPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['AGENCY_OFFICER']);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = ZDeskQuery.parse(raw);
  const t = await getTranslations('agency');
  const tp = await getTranslations('permits');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const desk = await listAuthorityApplications({ actor, page: query.page, status: query.status, now: now() });
  const pages = pageCount(desk.total, desk.pageSize);
  const hrefFor = (page: number) =>
    `/agency?${new URLSearchParams({ ...(query.status !== 'OPEN' ? { status: query.status } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  return (
    <>
      <PageHeader
        title={t('deskTitle')}
        intro={t('deskIntro', { authority: desk.authority ? `${desk.authority.name} (${desk.authority.code})` : '' })}
        actions={
          <Link href="/agency/permits" className="text-blue-800 underline">
            {tp('desk.issuedPermits')}
          </Link>
        }
      />
      <p className="mb-4 rounded border border-slate-300 bg-white p-3">
        {tp('desk.slaTarget', { days: desk.targetWorkingDays })}
      </p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4 rounded border border-slate-300 bg-white p-4">
        <SelectField
          id="desk-status"
          name="status"
          label={tp('desk.show')}
          options={DESK_FILTERS.map((f) => ({ value: f, label: tp(`desk.filter.${f}`) }))}
          defaultValue={query.status}
        />
        <button type="submit" className="rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-900">
          {tp('desk.apply')}
        </button>
      </form>
      {desk.total === 0 ? (
        <p>{t('noApplications')}</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700" role="status">
            {tc('showing', {
              from: (query.page - 1) * desk.pageSize + 1,
              to: (query.page - 1) * desk.pageSize + desk.rows.length,
              total: desk.total,
            })}
          </p>
          <Table
            caption={t('deskTitle')}
            head={[
              t('colNumber'),
              t('colType'),
              t('colCompany'),
              t('colStatus'),
              t('colSubmitted'),
              tp('desk.colWaiting'),
              tp('desk.colSla'),
            ]}
          >
            {desk.rows.map((a) => {
              const elapsed = a.sla ? splitDuration(a.sla.elapsedMs) : null;
              return (
                <tr key={a.id}>
                  <Td>
                    <Link href={`/agency/applications/${a.id}`} className="font-mono text-blue-800 underline">
                      {a.number ?? '—'}
                    </Link>
                  </Td>
                  <Td>{`${a.permitType.code} — ${a.permitType.name}`}</Td>
                  <Td>{`${a.company.name} (${a.company.tin})`}</Td>
                  <Td>
                    <ApplicationStatusBadge status={a.status} label={tp(`status.${a.status}`)} />
                  </Td>
                  <Td>
                    {a.submittedAt ? format.dateTime(a.submittedAt, { dateStyle: 'medium', timeStyle: 'short' }) : '—'}
                  </Td>
                  <Td>{elapsed ? tp('sla.elapsed', elapsed) : '—'}</Td>
                  <Td>{a.sla ? <SlaBadge state={a.sla.state} label={tp(`sla.state.${a.sla.state}`)} /> : '—'}</Td>
                </tr>
              );
            })}
          </Table>
          <Pagination
            page={query.page}
            pages={pages}
            hrefFor={hrefFor}
            labels={{
              previous: tc('previous'),
              next: tc('next'),
              pageOf: tc('pageOf', { page: query.page, pages }),
              navLabel: tc('pagination'),
            }}
          />
        </>
      )}
    </>
  );
}
