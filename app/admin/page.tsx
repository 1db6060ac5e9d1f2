import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getReferenceOverview } from '@/src/server/reference/overview';
import { PageHeader, Section, SummaryList } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('title') };
}

export default async function AdminPage() {
  const actor = await requirePageActor(['ADMIN']);
  const t = await getTranslations('admin');
  const data = await getReferenceOverview({ actor });
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Section title={t('counts')}>
        <SummaryList
          rows={[
            { label: t('tariffLines'), value: data.counts.tariffLines },
            { label: t('exchangeRates'), value: data.counts.exchangeRates },
            { label: t('companies'), value: data.counts.companies },
            { label: t('users'), value: data.counts.users },
            { label: t('declarations'), value: data.counts.declarations },
          ]}
        />
      </Section>
      <Section title={t('posts')}>
        <Table caption={t('posts')} head={[t('code'), t('name'), t('region')]}>
          {data.posts.map((p) => (
            <tr key={p.id}>
              <Td className="font-mono">{p.code}</Td>
              <Td>{p.name}</Td>
              <Td>{p.region}</Td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section title={t('permitTypes')}>
        <Table caption={t('permitTypes')} head={[t('code'), t('name'), t('authority'), t('validity'), t('prefixes')]}>
          {data.permitTypes.map((p) => (
            <tr key={p.code}>
              <Td className="font-mono">{p.code}</Td>
              <Td>{p.name}</Td>
              <Td>{p.authority.code}</Td>
              <Td>{p.validityDays}</Td>
              <Td className="font-mono text-sm">{p.hsPrefixes.join(' ')}</Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
