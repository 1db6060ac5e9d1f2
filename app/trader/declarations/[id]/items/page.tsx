import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader, Section } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { LinkButton } from '@/components/ui/link-button';
import { JourneyNav } from '@/components/declaration/journey-nav';
import { CsvImportForm } from '@/components/declaration/step-forms';
import { ActionButton } from '@/components/declaration/item-actions';
import { formatAmount } from '@/lib/money';
import { MAX_ITEMS } from '@/lib/declaration/schema';
import { ITEM_CSV_COLUMNS } from '@/lib/declaration/items-csv';
import { duplicateItemAction, removeItemAction, importItemsAction } from '../../actions';
import { loadEditableDeclaration, journeySteps } from '../load';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('journey');
  return { title: t('itemsTitle') };
}

export default async function ItemsPage({ params }: { params: Promise<{ id: string }> }) {
  const { declaration: d } = await loadEditableDeclaration(params);
  const t = await getTranslations('journey');
  const td = await getTranslations('declaration');
  const base = `/trader/declarations/${d.id}`;
  return (
    <>
      <JourneyNav steps={await journeySteps(d.id)} current="items" label={t('stepsLabel')} />
      <PageHeader
        title={t('itemsTitle')}
        intro={t('itemsIntro', { count: d.items.length, max: MAX_ITEMS })}
        actions={d.items.length < MAX_ITEMS ? <LinkButton href={`${base}/items/new`}>{t('addItem')}</LinkButton> : null}
      />
      {d.items.length === 0 ? (
        <p className="mb-6">{t('noItems')}</p>
      ) : (
        <div className="mb-6">
          <Table
            caption={t('itemsTitle')}
            head={[
              td('line'),
              td('hsCode'),
              td('description'),
              td('originCountry'),
              td('netMass'),
              td('quantity'),
              td('value'),
              t('actions'),
            ]}
          >
            {d.items.map((i) => (
              <tr key={i.id}>
                <Td>{i.lineNo}</Td>
                <Td className="font-mono">{i.hsCode}</Td>
                <Td>{i.description}</Td>
                <Td>{i.originCountry}</Td>
                <Td>{i.netMass.toString()}</Td>
                <Td>{`${i.quantity.toString()} ${i.supplementaryUnit}`}</Td>
                <Td>{`${formatAmount(i.invoiceValue.toString())} ${d.invoiceCurrency ?? ''}`}</Td>
                <Td>
                  <div className="flex flex-wrap gap-2">
                    <Link
                      href={`${base}/items/${i.lineNo}`}
                      className="rounded border border-slate-400 px-2 py-1 text-sm text-blue-800 underline"
                    >
                      {t('changeItem', { n: i.lineNo })}
                    </Link>
                    <ActionButton
                      action={duplicateItemAction.bind(null, d.id, i.id, d.version)}
                      label={t('duplicateItem', { n: i.lineNo })}
                      busyLabel={t('working')}
                    />
                    <ActionButton
                      action={removeItemAction.bind(null, d.id, i.id, d.version)}
                      label={t('removeItem', { n: i.lineNo })}
                      busyLabel={t('working')}
                      variant="danger"
                    />
                  </div>
                </Td>
              </tr>
            ))}
          </Table>
        </div>
      )}
      <Section title={t('importTitle')}>
        <p className="mb-2">{t('importIntro')}</p>
        <p className="mb-4 font-mono text-sm">{ITEM_CSV_COLUMNS.join(',')}</p>
        <CsvImportForm action={importItemsAction.bind(null, d.id)} />
      </Section>
      <LinkButton href={`${base}/documents`}>{t('continue')}</LinkButton>
    </>
  );
}
