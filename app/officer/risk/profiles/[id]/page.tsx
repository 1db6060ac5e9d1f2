import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getProfile } from '@/src/server/risk/profiles';
import { PageHeader } from '@/components/ui/page';
import { ProfileEditor, type ProfileValues } from '@/components/risk/profile-editor';
import { isAppError } from '@/lib/errors';
import { ZUuidParam } from '@/lib/pagination';
import { profileFormValues } from '@/lib/risk/profile-form';
import { dateColumnDay } from '@/lib/time';
import { saveProfileAction, backtestProfileAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('risk');
  return { title: t('editProfile') };
}

export default async function EditProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(['SUPERVISOR']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  let p;
  try {
    p = await getProfile({ actor, profileId: parsed.data.id });
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const t = await getTranslations('risk');
  // Every condition the engine matches on has a field: re-saving must not drop one.
  const values: ProfileValues = profileFormValues({
    ...p,
    validFrom: dateColumnDay(p.validFrom),
    validTo: p.validTo ? dateColumnDay(p.validTo) : null,
  });
  return (
    <>
      <PageHeader title={t('editProfile')} intro={t('editorIntro')} />
      <ProfileEditor
        save={saveProfileAction.bind(null, p.id)}
        runBacktest={backtestProfileAction.bind(null, p.id)}
        values={values}
        successHref="/officer/risk"
      />
    </>
  );
}
