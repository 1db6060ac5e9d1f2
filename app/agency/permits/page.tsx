import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listAuthorityPermits } from '@/src/server/permits/desk';
import { now } from '@/src/server/clock';
import { BackLink, PageHeader } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { PermitStateBadge } from '@/components/permits/badges';
import { ZPageQuery, pageCount } from '@/lib/pagination';
import { formatAmount } from '@/lib/money';
import { dateColumnDay, serviceDate } from '@/lib/time';
import { permitState } from '@/lib/permits';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('desk.issuedPermits') };
}

export default async function AuthorityPermitsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['AGENCY_OFFICER']);
  const { page } = ZPageQuery.parse(await searchParams);
  const t = await getTranslations('permits');
  const tc = await getTranslations('common');
  const list = await listAuthorityPermits({ actor, page });
  const pages = pageCount(list.total, list.pageSize);
  const today = serviceDate(now());
  return (
    <>
      <BackLink href="/agency">{t('review.back')}</BackLink>
      <PageHeader title={t('desk.issuedPermits')} intro={t('desk.issuedIntro')} />
      {list.total === 0 ? (
        <p>{t('desk.noPermits')}</p>
      ) : (
        <>
          <Table
            caption={t('desk.issuedPermits')}
            head={[
              t('col.permit'),
              t('col.type'),
              t('review.company'),
              t('col.status'),
              t('col.validUntil'),
              t('col.remaining'),
            ]}
          >
            {list.rows.map((p) => {
              const state = permitState(
                { status: p.status, validFrom: dateColumnDay(p.validFrom), validTo: dateColumnDay(p.validTo) },
                today,
              );
              return (
                <tr key={p.id}>
                  <Td>
                    <Link href={`/agency/permits/${p.id}`} className="font-mono text-blue-800 underline">
                      {p.number}
                    </Link>
                  </Td>
                  <Td>{p.permitTypeCode}</Td>
                  <Td>{`${p.company.name} (${p.company.tin})`}</Td>
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
            page={page}
            pages={pages}
            hrefFor={(p) => `/agency/permits?page=${p}`}
            labels={{
              previous: tc('previous'),
              next: tc('next'),
              pageOf: tc('pageOf', { page, pages }),
              navLabel: tc('pagination'),
            }}
          />
        </>
      )}
    </>
  );
}
