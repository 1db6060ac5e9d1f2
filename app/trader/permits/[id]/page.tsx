import type { Metadata } from 'next';
import Link from 'next/link';
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
  // The declaration (and item) the permit was applied for, when its application was started from one.
  const application = permit.application;
  const appliedFor =
    application?.declaration && application.declarationLineNo !== null
      ? { ...application.declaration, lineNo: application.declarationLineNo }
      : null;
  return (
    <PermitDetails
      permit={permit}
      today={serviceDate(now())}
      back={{ href: '/trader/permits', label: t('backToPermits') }}
      intro={`${permit.permitType.code} — ${permit.permitType.name}, ${permit.permitType.authority.name}`}
      pdfHref={`/trader/permits/${permit.id}/pdf`}
      firstRows={[
        { label: t('col.permit'), value: <span className="font-mono">{permit.number}</span> },
        ...(appliedFor
          ? [
              {
                label: t('permit.appliedFor'),
                value: (
                  <Link href={`/trader/declarations/${appliedFor.id}`} className="text-blue-800 underline">
                    {appliedFor.registrationNumber
                      ? t('permit.appliedForDeclaration', {
                          number: appliedFor.registrationNumber,
                          line: appliedFor.lineNo,
                        })
                      : t('permit.appliedForDraft', { line: appliedFor.lineNo })}
                  </Link>
                ),
              },
            ]
          : []),
      ]}
      scope={t(`scope.${permit.permitType.scope}`)}
      applicationHref={(id) => `/trader/permits/applications/${id}`}
      declarationHref={(id) => `/trader/declarations/${id}/permits`}
    />
  );
}
