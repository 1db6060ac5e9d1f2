import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listApplicableTypes } from '@/src/server/permits/applications';
import { BackLink, PageHeader, Section } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { StartApplicationForm } from '@/components/permits/forms';
import { formatAmount } from '@/lib/money';
import { startApplicationAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('apply.title') };
}

export default async function ApplyForPermitPage() {
  const actor = await requirePageActor(['TRADER']);
  const t = await getTranslations('permits');
  const types = await listApplicableTypes({ actor });
  return (
    <>
      <BackLink href="/trader/permits">{t('backToPermits')}</BackLink>
      <PageHeader title={t('apply.title')} intro={t('apply.intro')} />
      <div className="mb-8 max-w-3xl">
        <StartApplicationForm
          action={startApplicationAction}
          types={types.map((type) => ({
            value: type.code,
            label: `${type.code} — ${type.name} (${type.authority.name})`,
            directions: type.directions,
          }))}
        />
      </div>
      <Section title={t('apply.catalogueTitle')}>
        <Table
          caption={t('apply.catalogueTitle')}
          head={[
            t('col.type'),
            t('col.authority'),
            t('col.direction'),
            t('col.hsPrefixes'),
            t('col.validity'),
            t('col.scope'),
            t('col.requiredDocuments'),
            t('col.fee'),
          ]}
        >
          {types.map((type) => (
            <tr key={type.code}>
              <Td>
                <span className="font-mono">{type.code}</span> <span className="block text-sm">{type.name}</span>
              </Td>
              <Td>{type.authority.name}</Td>
              <Td>{type.directions.map((d) => t(`direction.${d}`)).join(', ')}</Td>
              <Td className="font-mono text-sm">{type.hsPrefixes.join(' ')}</Td>
              <Td>{t('days', { count: type.validityDays })}</Td>
              <Td>{t(`scope.${type.scope}`)}</Td>
              <Td className="text-sm">{type.requiredDocuments.join('; ') || '—'}</Td>
              <Td>{`${formatAmount(type.fee.toString())} UZS`}</Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
