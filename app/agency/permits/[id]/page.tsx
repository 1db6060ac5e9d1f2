import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getPermitForOfficer } from '@/src/server/permits/desk';
import { now } from '@/src/server/clock';
import { Section } from '@/components/ui/page';
import { PermitDetails } from '@/components/permits/permit-details';
import { TextForm } from '@/components/permits/forms';
import { isAppError } from '@/lib/errors';
import { ZUuidParam } from '@/lib/pagination';
import { serviceDate } from '@/lib/time';
import { revokePermitAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('permit.title') };
}

export default async function AuthorityPermitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(['AGENCY_OFFICER']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  const permit = await getPermitForOfficer({ actor, permitId: parsed.data.id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    if (isAppError(e) && e.code === 'FORBIDDEN') forbidden();
    throw e;
  });
  const t = await getTranslations('permits');
  return (
    <PermitDetails
      permit={permit}
      today={serviceDate(now())}
      back={{ href: '/agency/permits', label: t('desk.backToPermits') }}
      intro={`${permit.permitType.code} — ${permit.permitType.name}`}
      pdfHref={`/agency/permits/${permit.id}/pdf`}
      firstRows={[{ label: t('review.company'), value: `${permit.company.name} (TIN ${permit.company.tin})` }]}
      applicationHref={(id) => `/agency/applications/${id}`}
    >
      {permit.status !== 'REVOKED' ? (
        <Section title={t('review.revokeTitle')}>
          <p className="mb-3">{t('review.revokeIntro')}</p>
          <div className="max-w-3xl">
            <TextForm
              action={revokePermitAction.bind(null, permit.id)}
              name="reason"
              label={t('review.revocationReason')}
              submitLabel={t('review.revoke')}
              busyLabel={t('working')}
            />
          </div>
        </Section>
      ) : null}
    </PermitDetails>
  );
}
