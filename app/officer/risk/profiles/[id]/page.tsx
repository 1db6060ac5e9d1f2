import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getProfile } from '@/src/server/risk/admin';
import { PageHeader } from '@/components/ui/page';
import { ProfileEditor, type ProfileValues } from '@/components/risk/profile-editor';
import { isAppError } from '@/lib/errors';
import { ZUuidParam } from '@/lib/pagination';
import { ZProfileConditions } from '@/lib/risk/profiles';
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
  const c = ZProfileConditions.safeParse(p.conditions);
  const conditions = c.success ? c.data : {};
  const join = (v?: readonly string[]) => (v ? v.join(', ') : undefined);
  const values: ProfileValues = {
    name: p.name,
    hsPrefixes: join(conditions.hsPrefixes),
    originCountries: join(conditions.originCountries),
    dispatchCountries: join(conditions.dispatchCountries),
    traderTins: join(conditions.traderTins),
    sellerNames: join(conditions.sellerNames),
    postCodes: join(conditions.postCodes),
    transportModes: conditions.transportModes ? [...conditions.transportModes] : [],
    regimes: conditions.regimes ? [...conditions.regimes] : [],
    minCustomsValue: conditions.minCustomsValue,
    maxCustomsValue: conditions.maxCustomsValue,
    minUnitPriceUsd: conditions.minUnitPriceUsd,
    maxUnitPriceUsd: conditions.maxUnitPriceUsd,
    isFirstShipment: conditions.isFirstShipment === undefined ? '' : conditions.isFirstShipment ? 'yes' : 'no',
    weight: String(p.weight),
    forcedChannel: p.forcedChannel ?? '',
    instructions: p.instructions ?? '',
    validFrom: dateColumnDay(p.validFrom),
    validTo: p.validTo ? dateColumnDay(p.validTo) : '',
    isShadow: p.isShadow ? 'yes' : 'no',
    isActive: p.isActive ? 'yes' : 'no',
  };
  return (
    <>
      <PageHeader title={t('editProfile')} intro={t('editorIntro')} />
      <ProfileEditor save={saveProfileAction.bind(null, p.id)} runBacktest={backtestProfileAction.bind(null, p.id)} values={values} successHref="/officer/risk" />
    </>
  );
}
