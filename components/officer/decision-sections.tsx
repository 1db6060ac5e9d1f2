// The decisions the page offers the reader: the pending adjustment's approval, the inspector's work
// on an open declaration, refusal, resumption and reassignment. Which ones show is decided by
// lib/officer/declaration-view `availableDecisions`; the server actions come bound from the page.
import { useTranslations } from 'next-intl';
import { Section } from '../ui/page';
import { ActionButton } from '../declaration/item-actions';
import type { FormActionResult } from '../form/action-form';
import {
  RequestAmendmentForm,
  DocumentCheckForm,
  ExaminationForm,
  AdjustmentForm,
  ReasonForm,
  ReassignForm,
} from './decision-forms';
import { formatAmount } from '@/lib/money';
import type { availableDecisions } from '@/lib/officer/declaration-view';

type Amount = { toString(): string };
type FormAction = (formData: FormData) => Promise<FormActionResult<unknown>>;
type ButtonAction = () => Promise<FormActionResult<unknown>>;

export type DecisionActions = {
  documentCheck: FormAction;
  examination: FormAction;
  adjustment: FormAction;
  release: ButtonAction;
  requestAmendment: FormAction;
  hold: FormAction;
  refuse: FormAction;
  resume: ButtonAction;
  reassign: FormAction;
};

export function PendingAdjustmentSection({
  adjustment,
  canDecide,
  approve,
  reject,
}: {
  adjustment: { amountDelta: Amount; reason: string } | null;
  canDecide: boolean;
  approve: ButtonAction | null;
  reject: ButtonAction | null;
}) {
  const t = useTranslations('officer');
  if (!adjustment) return null;
  return (
    <Section title={t('pendingAdjustmentTitle')}>
      <p className="mb-3">
        {t('pendingAdjustmentText', {
          delta: formatAmount(adjustment.amountDelta.toString()),
          reason: adjustment.reason,
        })}
      </p>
      {canDecide && approve && reject ? (
        <div className="flex gap-3">
          <ActionButton action={approve} label={t('approve')} busyLabel={t('sending')} variant="primary" />
          <ActionButton action={reject} label={t('reject')} busyLabel={t('sending')} variant="danger" />
        </div>
      ) : (
        <p className="text-sm">{t('waitingForSupervisor')}</p>
      )}
    </Section>
  );
}

type Props = {
  available: ReturnType<typeof availableDecisions>;
  actions: DecisionActions;
  /** The items the adjustment form offers. */
  items: readonly { lineNo: number; hsCode: string; description: string; invoiceValue: Amount }[];
  invoiceCurrency: string | null;
  /** The post's inspectors a supervisor may reassign to (the current one left out by the caller). */
  inspectors: readonly { id: string; officerNumber: string | null; name: string; isOnDuty: boolean }[];
};

export function DecisionSections({ available, actions, items, invoiceCurrency, inspectors }: Props) {
  const t = useTranslations('officer');
  return (
    <>
      {available.canAct ? (
        <>
          <Section title={t('documentCheckTitle')}>
            <DocumentCheckForm action={actions.documentCheck} />
          </Section>
          {available.canExamine ? (
            <Section title={t('examinationTitle')}>
              <ExaminationForm action={actions.examination} />
            </Section>
          ) : null}
          <Section title={t('adjustmentTitle')}>
            <p className="mb-3 text-sm text-slate-700">{t('adjustmentIntro')}</p>
            <AdjustmentForm
              action={actions.adjustment}
              items={items.map((i) => ({
                lineNo: i.lineNo,
                label: `${i.lineNo}. ${i.hsCode} ${i.description} — ${formatAmount(i.invoiceValue.toString())} ${invoiceCurrency ?? ''}`,
              }))}
            />
          </Section>
          <Section title={t('releaseTitle')}>
            <p className="mb-3">{t('releaseIntro')}</p>
            <ActionButton action={actions.release} label={t('release')} busyLabel={t('sending')} variant="primary" />
          </Section>
          <Section title={t('requestAmendmentTitle')}>
            <RequestAmendmentForm action={actions.requestAmendment} />
          </Section>
          <Section title={t('holdTitle')}>
            <ReasonForm action={actions.hold} submitLabel={t('hold')} label={t('holdReason')} idPrefix="hold-" />
          </Section>
        </>
      ) : null}
      {available.canRefuse ? (
        <Section title={t('refuseTitle')}>
          <ReasonForm action={actions.refuse} submitLabel={t('refuse')} label={t('refuseReason')} idPrefix="refuse-" />
        </Section>
      ) : null}
      {available.canResume ? (
        <Section title={t('resumeTitle')}>
          <ActionButton action={actions.resume} label={t('resume')} busyLabel={t('sending')} />
        </Section>
      ) : null}
      {available.canReassign ? (
        <Section title={t('reassignTitle')}>
          <ReassignForm
            action={actions.reassign}
            inspectors={inspectors.map((i) => ({
              id: i.id,
              label: `${i.officerNumber ?? ''} ${i.name}${i.isOnDuty ? '' : ` (${t('offDuty')})`}`,
            }))}
          />
        </Section>
      ) : null}
    </>
  );
}
