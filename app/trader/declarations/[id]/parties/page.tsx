import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { listActivePosts } from '@/src/server/reference/posts';
import { getOwnCompanyAsParty } from '@/src/server/companies/own-company';
import { PageHeader } from '@/components/ui/page';
import { JourneyNav } from '@/components/declaration/journey-nav';
import { PartiesForm } from '@/components/declaration/step-forms';
import { savePartiesAction } from '../../actions';
import { CopiedFromNotice } from '@/components/declaration/copied-from-notice';
import { loadEditableDeclaration, journeySteps, copiedFromNotice } from '../load';
import { autosaveStepAction } from '../../draft-actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('journey');
  return { title: t('partiesTitle') };
}

export default async function PartiesPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, declaration: d } = await loadEditableDeclaration(params);
  const t = await getTranslations('journey');
  const [posts, ownCompany] = await Promise.all([listActivePosts(), getOwnCompanyAsParty({ actor })]);
  const copied = await copiedFromNotice(d);
  return (
    <>
      <JourneyNav steps={await journeySteps(d.id)} current="parties" label={t('stepsLabel')} />
      <PageHeader title={t('partiesTitle')} />
      {copied ? <CopiedFromNotice {...copied} /> : null}
      <PartiesForm
        action={savePartiesAction.bind(null, d.id)}
        posts={posts}
        values={{
          regime: d.regime,
          postCode: d.post?.code,
          consignorName: d.consignorName,
          consignorCountry: d.consignorCountry,
          consignorAddress: d.consignorAddress,
          consigneeName: d.consigneeName,
          consigneeCountry: d.consigneeCountry,
          consigneeAddress: d.consigneeAddress,
        }}
        successHref={`/trader/declarations/${d.id}/transport`}
        isRegistered={d.status !== 'DRAFT'}
        autosave={d.status === 'DRAFT' ? autosaveStepAction.bind(null, d.id, 'parties') : undefined}
        ownCompany={ownCompany}
      />
    </>
  );
}
