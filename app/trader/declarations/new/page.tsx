import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listActivePosts } from '@/src/server/reference/posts';
import { getOwnCompanyAsParty } from '@/src/server/companies/own-company';
import { PageHeader } from '@/components/ui/page';
import { PartiesForm } from '@/components/declaration/step-forms';
import { startDeclarationAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('journey');
  return { title: t('partiesTitle') };
}

export default async function NewDeclarationPage() {
  const actor = await requirePageActor(['TRADER']);
  const t = await getTranslations('journey');
  const [posts, ownCompany] = await Promise.all([listActivePosts(), getOwnCompanyAsParty({ actor })]);
  return (
    <>
      <PageHeader title={t('partiesTitle')} intro={t('newIntro')} />
      <PartiesForm
        action={startDeclarationAction}
        posts={posts}
        values={{}}
        ownCompany={ownCompany}
        successHref="/trader/declarations/{id}/transport"
      />
    </>
  );
}
