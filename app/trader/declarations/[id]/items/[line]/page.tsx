import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { PageHeader } from '@/components/ui/page';
import { JourneyNav } from '@/components/declaration/journey-nav';
import { ItemForm } from '@/components/declaration/step-forms';
import { updateItemAction } from '../../../actions';
import { loadEditableDeclaration, journeySteps } from '../../load';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('journey');
  return { title: t('changeItemTitle') };
}

const ZLineParam = z.object({ line: z.coerce.number().int().min(1).max(999) });

export default async function ChangeItemPage({ params }: { params: Promise<{ id: string; line: string }> }) {
  const { line: rawLine } = await params;
  const parsed = ZLineParam.safeParse({ line: rawLine });
  if (!parsed.success) notFound();
  const { declaration: d } = await loadEditableDeclaration(params);
  const item = d.items.find((i) => i.lineNo === parsed.data.line);
  if (!item) notFound();
  const t = await getTranslations('journey');
  return (
    <>
      <JourneyNav steps={await journeySteps(d.id)} current="items" label={t('stepsLabel')} />
      <PageHeader title={t('changeItemTitle')} intro={t('changeItemIntro', { n: item.lineNo })} />
      <ItemForm
        action={updateItemAction.bind(null, d.id, item.id, d.version)}
        values={{
          hsCode: item.hsCode,
          description: item.description,
          originCountry: item.originCountry,
          grossMass: item.grossMass.toString(),
          netMass: item.netMass.toString(),
          quantity: item.quantity.toString(),
          supplementaryUnit: item.supplementaryUnit,
          invoiceValue: item.invoiceValue.toFixed(2),
        }}
        successHref={`/trader/declarations/${d.id}/items`}
        submitLabel={t('saveItem')}
      />
    </>
  );
}
