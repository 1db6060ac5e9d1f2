import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getDeclarationForOfficer } from '@/src/server/officer/queue';
import { now } from '@/src/server/clock';
import { isAppError } from '@/lib/errors';
import { ZUuidParam } from '@/lib/pagination';
import { availableDecisions, releaseWaits } from '@/lib/officer/declaration-view';
import { BackLink, PageHeader } from '@/components/ui/page';
import { LiveStatus } from '@/components/declaration/live-status';
import { DeclarationTimeline } from '@/components/declaration/timeline';
import { DeclarationSummary } from '@/components/officer/declaration-summary';
import { RiskSection } from '@/components/officer/risk-section';
import { ItemsSection } from '@/components/officer/items-section';
import { ReleaseSection } from '@/components/officer/release-section';
import {
  AdjustmentsSection,
  DocumentsSection,
  InspectionsSection,
  PaymentsSection,
} from '@/components/officer/record-sections';
import { DecisionSections, PendingAdjustmentSection } from '@/components/officer/decision-sections';
import {
  requestAmendmentAction,
  documentCheckAction,
  examinationAction,
  adjustmentAction,
  releaseAction,
  refuseAction,
  holdAction,
  resumeAction,
  reassignAction,
  decideAdjustmentAction,
} from '../actions';
import { OfficerDocumentRequests } from './document-requests-section';
import { serviceDate } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('officer');
  return { title: t('declarationPageTitle') };
}

export default async function OfficerDeclarationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(['INSPECTOR', 'SUPERVISOR']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  let view;
  const at = now();
  try {
    view = await getDeclarationForOfficer({ actor, declarationId: parsed.data.id, now: at });
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const {
    declaration: d,
    assignment,
    isAssignedToMe,
    canDecide,
    risk,
    traderHistory,
    valueControl,
    formalities,
    payments,
    pendingAdjustment,
    inspectors,
    sla,
  } = view;
  const t = await getTranslations('officer');
  const td = await getTranslations('declaration');
  const ts = await getTranslations('status');
  const tr = await getTranslations('roles');
  const tq = await getTranslations('nav');
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  const available = availableDecisions({
    role: actor.role,
    userId: actor.userId,
    status: d.status,
    channel: d.channel,
    canDecide,
    hasAssignment: assignment !== null,
    pendingAdjustment,
  });
  const waits = releaseWaits({
    status: d.status,
    channel: d.channel,
    inspections: d.inspections.map((i) => i.kind),
    amountDue: payments.due,
    formalities,
  });
  // Every decision is bound to the version the page shows: a decision on a stale page is refused (409).
  const v = d.version;
  return (
    <>
      <LiveStatus url={`/api/officer/declarations/${d.id}/status`} version={d.version} />
      <BackLink href="/officer">{tq('queue')}</BackLink>
      <PageHeader
        title={t('declarationTitle', { number: d.registrationNumber ?? '' })}
        actions={
          <span className="flex flex-wrap gap-3">
            <a
              href={`/officer/declarations/${d.id}/pdf`}
              target="_blank"
              rel="noreferrer"
              className="text-blue-800 underline"
            >
              {td('printPdf')}
            </a>
            {d.status === 'RELEASED' ? (
              <a
                href={`/officer/declarations/${d.id}/release-note`}
                target="_blank"
                rel="noreferrer"
                className="text-blue-800 underline"
              >
                {td('releaseNotePdf')}
              </a>
            ) : null}
          </span>
        }
      />
      {!canDecide ? <p className="mb-4 border-l-4 border-amber-500 bg-amber-50 p-3">{t('readOnly')}</p> : null}

      <DeclarationSummary
        declaration={d}
        sla={sla}
        traderHistory={traderHistory}
        assignee={assignment?.inspector ?? null}
        isAssignedToMe={isAssignedToMe}
      />
      <ReleaseSection waits={waits} />
      <RiskSection risk={risk} />
      <ItemsSection
        items={d.items}
        invoiceCurrency={d.invoiceCurrency}
        formalities={formalities}
        valueControl={valueControl}
      />
      <DocumentsSection documents={d.documents} />
      <OfficerDocumentRequests
        declarationId={d.id}
        version={d.version}
        status={d.status}
        canDecide={canDecide}
        requests={d.documentRequests}
        today={serviceDate(at)}
      />
      <PaymentsSection payments={payments} />
      <InspectionsSection inspections={d.inspections} />
      <AdjustmentsSection adjustments={d.adjustments} invoiceCurrency={d.invoiceCurrency} />
      <PendingAdjustmentSection
        adjustment={pendingAdjustment}
        canDecide={available.canDecideAdjustment}
        approve={pendingAdjustment ? decideAdjustmentAction.bind(null, pendingAdjustment.id, v, true) : null}
        reject={pendingAdjustment ? decideAdjustmentAction.bind(null, pendingAdjustment.id, v, false) : null}
      />
      <DecisionSections
        available={available}
        items={d.items}
        invoiceCurrency={d.invoiceCurrency}
        inspectors={inspectors.filter((i) => i.id !== assignment?.inspector?.id)}
        actions={{
          documentCheck: documentCheckAction.bind(null, d.id, v),
          examination: examinationAction.bind(null, d.id, v),
          adjustment: adjustmentAction.bind(null, d.id, v),
          release: releaseAction.bind(null, d.id, v),
          requestAmendment: requestAmendmentAction.bind(null, d.id, v),
          hold: holdAction.bind(null, d.id, v),
          refuse: refuseAction.bind(null, d.id, v),
          resume: resumeAction.bind(null, d.id, v),
          reassign: reassignAction.bind(null, d.id),
        }}
      />

      <DeclarationTimeline
        events={d.events.map((e) => ({
          id: e.id.toString(),
          when: when(e.at),
          status: ts(e.toStatus),
          reason: e.reason,
          who: tr(e.actorRole as 'TRADER'),
        }))}
        labels={{ title: td('timeline'), when: td('timelineWhen'), what: td('timelineWhat'), who: td('timelineWho') }}
      />
    </>
  );
}
