import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listCompanyPermits } from '@/src/server/permits/held';
import { listCompanyApplications } from '@/src/server/permits/applications';
import { now } from '@/src/server/clock';
import { PageHeader, Section } from '@/components/ui/page';
import { LinkButton } from '@/components/ui/link-button';
import { Table, Td } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { ApplicationStatusBadge, PermitStateBadge } from '@/components/permits/badges';
import { pageCount } from '@/lib/pagination';
import { formatAmount } from '@/lib/money';
import { dateColumnDay, serviceDate } from '@/lib/time';
import { ZTraderPermitsQuery, permitState } from '@/lib/permits';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('trader.title') };
}

export default async function TraderPermitsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['TRADER']);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = ZTraderPermitsQuery.parse(raw);
  const t = await getTranslations('permits');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const [permits, applications] = await Promise.all([
    listCompanyPermits({ actor, page: query.page }),
    listCompanyApplications({ actor, page: query.apage }),
  ]);
  const today = serviceDate(now());
  const href = (page: number, apage: number) =>
    `/trader/permits?${new URLSearchParams({ ...(page > 1 ? { page: String(page) } : {}), ...(apage > 1 ? { apage: String(apage) } : {}) })}`;
  const permitPages = pageCount(permits.total, permits.pageSize);
  const applicationPages = pageCount(applications.total, applications.pageSize);
  return (
    <>
      <PageHeader
        title={t('trader.title')}
        intro={t('trader.intro')}
        actions={<LinkButton href="/trader/permits/apply">{t('trader.apply')}</LinkButton>}
      />
      <Section title={t('trader.permitsHeading')}>
        {permits.total === 0 ? (
          <p>{t('trader.noPermits')}</p>
        ) : (
          <>
            <Table
              caption={t('trader.permitsHeading')}
              head={[t('col.permit'), t('col.type'), t('col.status'), t('col.validUntil'), t('col.remaining')]}
            >
              {permits.rows.map((p) => {
                const state = permitState(
                  { status: p.status, validFrom: dateColumnDay(p.validFrom), validTo: dateColumnDay(p.validTo) },
                  today,
                );
                return (
                  <tr key={p.id}>
                    <Td>
                      <Link href={`/trader/permits/${p.id}`} className="font-mono text-blue-800 underline">
                        {p.number}
                      </Link>
                    </Td>
                    <Td>{`${p.permitType.code} — ${p.permitType.name}`}</Td>
                    <Td>
                      <PermitStateBadge state={state} label={t(`state.${state}`)} />
                    </Td>
                    <Td>{dateColumnDay(p.validTo)}</Td>
                    <Td>
                      {t('remainingOf', {
                        remaining: formatAmount(p.remainingQuantity.toString(), 3),
                        quantity: formatAmount(p.quantity.toString(), 3),
                        unit: p.unit,
                      })}
                    </Td>
                  </tr>
                );
              })}
            </Table>
            <Pagination
              page={query.page}
              pages={permitPages}
              hrefFor={(p) => href(p, query.apage)}
              labels={{
                previous: tc('previous'),
                next: tc('next'),
                pageOf: tc('pageOf', { page: query.page, pages: permitPages }),
                navLabel: t('trader.permitsPagination'),
              }}
            />
          </>
        )}
      </Section>
      <Section title={t('trader.applicationsHeading')}>
        {applications.total === 0 ? (
          <p>{t('trader.noApplications')}</p>
        ) : (
          <>
            <Table
              caption={t('trader.applicationsHeading')}
              head={[t('col.application'), t('col.type'), t('col.status'), t('col.submitted'), t('col.permit')]}
            >
              {applications.rows.map((a) => (
                <tr key={a.id}>
                  <Td>
                    <Link href={`/trader/permits/applications/${a.id}`} className="font-mono text-blue-800 underline">
                      {a.number ?? t('draftLabel', { type: a.permitType.code })}
                    </Link>
                  </Td>
                  <Td>{`${a.permitType.code} — ${a.permitType.name}`}</Td>
                  <Td>
                    <ApplicationStatusBadge status={a.status} label={t(`status.${a.status}`)} />
                  </Td>
                  <Td>
                    {a.submittedAt ? format.dateTime(a.submittedAt, { dateStyle: 'medium', timeStyle: 'short' }) : '—'}
                  </Td>
                  <Td>
                    {a.permit ? (
                      <Link href={`/trader/permits/${a.permit.id}`} className="font-mono text-blue-800 underline">
                        {a.permit.number}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </Td>
                </tr>
              ))}
            </Table>
            <Pagination
              page={query.apage}
              pages={applicationPages}
              hrefFor={(p) => href(query.page, p)}
              labels={{
                previous: tc('previous'),
                next: tc('next'),
                pageOf: tc('pageOf', { page: query.apage, pages: applicationPages }),
                navLabel: t('trader.applicationsPagination'),
              }}
            />
          </>
        )}
      </Section>
    </>
  );
}
