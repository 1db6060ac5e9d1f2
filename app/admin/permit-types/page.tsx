import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listPermitTypesForAdmin } from '@/src/server/permits/admin';
import { BackLink, PageHeader, Section } from '@/components/ui/page';
import { LinkButton } from '@/components/ui/link-button';
import { Table, Td } from '@/components/ui/table';
import { Badge } from '@/components/ui/badge';
import { Pagination } from '@/components/ui/pagination';
import { SlaForm } from '@/components/permits/forms';
import { ZPageQuery, pageCount } from '@/lib/pagination';
import { formatAmount } from '@/lib/money';
import { saveSlaTargetAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('admin.title') };
}

export default async function PermitTypesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['ADMIN']);
  const { page } = ZPageQuery.parse(await searchParams);
  const t = await getTranslations('permits');
  const tc = await getTranslations('common');
  const list = await listPermitTypesForAdmin({ actor, page });
  const pages = pageCount(list.total, list.pageSize);
  return (
    <>
      <BackLink href="/admin">{t('admin.back')}</BackLink>
      <PageHeader
        title={t('admin.title')}
        intro={t('admin.intro', { count: list.total })}
        actions={<LinkButton href="/admin/permit-types/new">{t('admin.new')}</LinkButton>}
      />
      <Section title={t('admin.typesHeading')}>
        <Table
          caption={t('admin.typesHeading')}
          head={[
            t('admin.code'),
            t('admin.name'),
            t('col.authority'),
            t('col.direction'),
            t('col.hsPrefixes'),
            t('col.validity'),
            t('col.scope'),
            t('col.fee'),
            t('col.status'),
          ]}
        >
          {list.rows.map((type) => (
            <tr key={type.code}>
              <Td>
                <Link href={`/admin/permit-types/${type.code}`} className="font-mono text-blue-800 underline">
                  {type.code}
                </Link>
              </Td>
              <Td>{type.name}</Td>
              <Td>{type.authority.code}</Td>
              <Td>{type.directions.map((d) => t(`direction.${d}`)).join(', ')}</Td>
              <Td className="font-mono text-sm">{type.hsPrefixes.join(' ')}</Td>
              <Td>{t('days', { count: type.validityDays })}</Td>
              <Td>{t(`scope.${type.scope}`)}</Td>
              <Td>
                {`${formatAmount(type.fee.toString())} UZS`}
                <span className="block text-sm text-slate-700">
                  {t(type.isFeeRefundable ? 'feeRule.refundable' : 'feeRule.notRefundable')}
                </span>
              </Td>
              <Td>
                <Badge tone={type.isActive ? 'success' : 'neutral'}>
                  {type.isActive ? t('admin.active') : t('admin.inactive')}
                </Badge>
              </Td>
            </tr>
          ))}
        </Table>
        <Pagination
          page={page}
          pages={pages}
          hrefFor={(p) => `/admin/permit-types?page=${p}`}
          labels={{
            previous: tc('previous'),
            next: tc('next'),
            pageOf: tc('pageOf', { page, pages }),
            navLabel: tc('pagination'),
          }}
        />
      </Section>
      <Section title={t('admin.slaTitle')}>
        <p className="mb-3">{t('admin.slaIntro')}</p>
        <SlaForm action={saveSlaTargetAction} workingDays={list.targetWorkingDays} />
      </Section>
    </>
  );
}
