import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page';
import { JourneyNav } from '@/components/declaration/journey-nav';
import { ItemForm } from '@/components/declaration/step-forms';
import { addItemAction } from '../../../actions';
import { loadEditableDeclaration, journeySteps } from '../../load';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('journey');
  return { title: t('addItemTitle') };
}

export default async function NewItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { declaration: d } = await loadEditableDeclaration(params);
  const t = await getTranslations('journey');
  return (
    <>
      <JourneyNav steps={await journeySteps(d.id)} current="items" label={t('stepsLabel')} />
      <PageHeader title={t('addItemTitle')} intro={t('addItemIntro', { n: d.items.length + 1 })} />
      <ItemForm
        action={addItemAction.bind(null, d.id)}
        values={{ originCountry: d.dispatchCountry }}
        successHref={`/trader/declarations/${d.id}/items`}
        submitLabel={t('saveItem')}
      />
    </>
  );
}
