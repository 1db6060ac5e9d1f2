import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getApplicationForOfficer } from '@/src/server/permits/desk';
import { now } from '@/src/server/clock';
import { BackLink, PageHeader, Section, SummaryList } from '@/components/ui/page';
import { LiveStatus } from '@/components/declaration/live-status';
import { ApplicationStatusBadge, SlaBadge } from '@/components/permits/badges';
import { IssuePermitForm, TextForm } from '@/components/permits/forms';
import { MessageThread } from '@/components/permits/message-thread';
import {
  ApplicationDocumentsTable,
  ApplicationProductsTable,
  DocumentChecklist,
  IssuedPermitSummary,
} from '@/components/permits/application-details';
import { isAppError } from '@/lib/errors';
import { ZUuidParam } from '@/lib/pagination';
import { serviceDate } from '@/lib/time';
import {
  defaultValidity,
  isApplicationPending,
  missingDocuments,
  productCountryRole,
  requestedTotal,
  splitDuration,
} from '@/lib/permits';
import { issuePermitAction, refuseApplicationAction, requestInformationAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('review.title') };
}

export default async function ReviewApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(['AGENCY_OFFICER']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  const at = now();
  const {
    application: a,
    sla,
    targetWorkingDays,
  } = await getApplicationForOfficer({ actor, applicationId: parsed.data.id, now: at }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    if (isAppError(e) && e.code === 'FORBIDDEN') forbidden();
    throw e;
  });
  const t = await getTranslations('permits');
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  const type = a.permitType;
  const isPending = isApplicationPending(a.status);
  const missing = missingDocuments(
    type.requiredDocuments,
    a.documents.map((d) => d.type),
  );
  const validity = defaultValidity(serviceDate(at), type.validityDays);
  const total = requestedTotal(a.products.map((p) => ({ quantity: p.quantity.toString(), unit: p.unit })));
  const elapsed = sla ? splitDuration(sla.elapsedMs) : null;
  const countryRole = productCountryRole([a.direction]);

  return (
    <>
      <LiveStatus url={`/api/permits/applications/${a.id}/status`} version={a.version} />
      <BackLink href="/agency">{t('review.back')}</BackLink>
      <PageHeader title={t('application.heading', { number: a.number ?? '' })} intro={`${type.code} — ${type.name}`} />
      <p className="mb-6 flex flex-wrap items-center gap-3" aria-live="polite">
        <span className="font-medium">{t('col.status')}:</span>{' '}
        <ApplicationStatusBadge status={a.status} label={t(`status.${a.status}`)} />
        {sla && elapsed ? (
          <>
            <span className="font-medium">{t('desk.colSla')}:</span>{' '}
            <SlaBadge state={sla.state} label={t(`sla.state.${sla.state}`)} />
            <span>{t('sla.ofTarget', { ...elapsed, target: targetWorkingDays })}</span>
          </>
        ) : null}
      </p>

      <Section title={t('review.applicant')}>
        <SummaryList
          rows={[
            { label: t('review.company'), value: `${a.company.name} (TIN ${a.company.tin})` },
            { label: t('review.address'), value: a.company.address },
            { label: t('review.aeo'), value: a.company.isAuthorisedEconomicOperator ? t('yes') : t('no') },
            { label: t('col.direction'), value: t(`direction.${a.direction}`) },
            { label: t('application.purpose'), value: a.purpose },
            { label: t('col.submitted'), value: when(a.submittedAt) },
            { label: t('application.decided'), value: when(a.decidedAt) },
            ...(a.refusalReason ? [{ label: t('review.refusalReason'), value: a.refusalReason }] : []),
          ]}
        />
      </Section>

      <Section title={t('application.productsTitle')}>
        <ApplicationProductsTable products={a.products} countryLabel={t(`country.${countryRole}`)} />
      </Section>

      <Section title={t('application.documentsTitle')}>
        <DocumentChecklist required={type.requiredDocuments} missing={missing} />
        {a.documents.length === 0 ? (
          <p>{t('application.noDocuments')}</p>
        ) : (
          <ApplicationDocumentsTable documents={a.documents} />
        )}
      </Section>

      <Section title={t('messages.title')}>
        <MessageThread
          messages={a.messages.map((m) => ({
            id: m.id,
            who:
              m.authorRole === 'TRADER'
                ? t('messages.trader', { company: a.company.name })
                : t('messages.authority', { authority: type.authority.code }),
            body: m.body,
            at: when(m.at),
          }))}
          empty={t('messages.none')}
          label={t('messages.title')}
        />
      </Section>

      {a.permit ? (
        <IssuedPermitSummary
          permit={a.permit}
          href={`/agency/permits/${a.permit.id}`}
          lastRow={{ label: t('col.status'), value: t(`permitStatus.${a.permit.status}`) }}
        />
      ) : null}

      {isPending ? (
        <>
          <Section title={t('review.askTitle')}>
            <p className="mb-3">{t('review.askIntro')}</p>
            <div className="max-w-3xl">
              <TextForm
                action={requestInformationAction.bind(null, a.id)}
                name="message"
                label={t('review.question')}
                submitLabel={t('review.ask')}
                busyLabel={t('working')}
              />
            </div>
          </Section>
          <Section title={t('review.issueTitle')}>
            <p className="mb-3">
              {t('review.issueIntro', { type: type.code, days: type.validityDays, scope: t(`scope.${type.scope}`) })}
            </p>
            <div className="max-w-3xl">
              <IssuePermitForm
                action={issuePermitAction.bind(null, a.id)}
                defaults={{
                  ...validity,
                  quantity: total?.quantity ?? '',
                  unit: total?.unit ?? a.products[0]?.unit ?? 'KG',
                }}
              />
            </div>
          </Section>
          <Section title={t('review.refuseTitle')}>
            <div className="max-w-3xl">
              <TextForm
                action={refuseApplicationAction.bind(null, a.id)}
                name="reason"
                label={t('review.refusalReason')}
                submitLabel={t('review.refuse')}
                busyLabel={t('working')}
              />
            </div>
          </Section>
        </>
      ) : null}
    </>
  );
}
