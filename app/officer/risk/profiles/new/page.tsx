import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { now } from '@/src/server/clock';
import { PageHeader } from '@/components/ui/page';
import { ProfileEditor } from '@/components/risk/profile-editor';
import { serviceDate } from '@/lib/time';
import { saveProfileAction, backtestProfileAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('risk');
  return { title: t('newProfile') };
}

export default async function NewProfilePage() {
  await requirePageActor(['SUPERVISOR']);
  const t = await getTranslations('risk');
  return (
    <>
      <PageHeader title={t('newProfile')} intro={t('editorIntro')} />
      <ProfileEditor
        save={saveProfileAction.bind(null, null)}
        runBacktest={backtestProfileAction.bind(null, null)}
        values={{ validFrom: serviceDate(now()), isShadow: 'yes', isActive: 'yes' }}
        successHref="/officer/risk"
      />
    </>
  );
}
