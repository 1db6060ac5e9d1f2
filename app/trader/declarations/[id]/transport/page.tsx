import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page';
import { JourneyNav } from '@/components/declaration/journey-nav';
import { TransportForm } from '@/components/declaration/step-forms';
import { saveTransportAction } from '../../actions';
import { autosaveStepAction } from '../../draft-actions';
import { loadEditableDeclaration, journeySteps } from '../load';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('journey');
  return { title: t('transportTitle') };
}

export default async function TransportPage({ params }: { params: Promise<{ id: string }> }) {
  const { declaration: d } = await loadEditableDeclaration(params);
  const t = await getTranslations('journey');
  return (
    <>
      <JourneyNav steps={await journeySteps(d.id)} current="transport" label={t('stepsLabel')} />
      <PageHeader title={t('transportTitle')} />
      <TransportForm
        action={saveTransportAction.bind(null, d.id)}
        values={{
          dispatchCountry: d.dispatchCountry,
          destinationCountry: d.destinationCountry,
          transportMode: d.transportMode,
          transportDocument: d.transportDocument,
          incoterm: d.incoterm,
          invoiceCurrency: d.invoiceCurrency,
          invoiceTotal: d.invoiceTotal?.toFixed(2),
          freight: d.freight?.toFixed(2),
          insurance: d.insurance?.toFixed(2),
        }}
        successHref={`/trader/declarations/${d.id}/items`}
        autosave={d.status === 'DRAFT' ? autosaveStepAction.bind(null, d.id, 'transport') : undefined}
      />
    </>
  );
}
