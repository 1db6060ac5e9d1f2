import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getPermitForTrader } from '@/src/server/permits/held';
import { now } from '@/src/server/clock';
import { PermitDetails } from '@/components/permits/permit-details';
import { isAppError } from '@/lib/errors';
import { ZUuidParam } from '@/lib/pagination';
import { serviceDate } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('permit.title') };
}

export default async function TraderPermitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(['TRADER']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  const permit = await getPermitForTrader({ actor, permitId: parsed.data.id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const t = await getTranslations('permits');
  return (
    <PermitDetails
      permit={permit}
      today={serviceDate(now())}
      back={{ href: '/trader/permits', label: t('backToPermits') }}
      intro={`${permit.permitType.code} — ${permit.permitType.name}, ${permit.permitType.authority.name}`}
      pdfHref={`/trader/permits/${permit.id}/pdf`}
      firstRows={[{ label: t('col.permit'), value: <span className="font-mono">{permit.number}</span> }]}
      scope={t(`scope.${permit.permitType.scope}`)}
      applicationHref={(id) => `/trader/permits/applications/${id}`}
      declarationHref={(id) => `/trader/declarations/${id}/permits`}
    />
  );
}
