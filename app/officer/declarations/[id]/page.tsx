import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getDeclarationForOfficer } from '@/src/server/officer/queue';
import { now } from '@/src/server/clock';
import { isAppError } from '@/lib/errors';
import { ZUuidParam } from '@/lib/pagination';
import { D, formatAmount } from '@/lib/money';
import { INCOTERM_ADDITIONS } from '@/lib/duties';
import { canTransition } from '@/lib/declaration/lifecycle';
import { readStoredReasons, type RiskReason } from '@/lib/risk/engine';
import { BackLink, PageHeader, Section, SummaryList } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Badge } from '@/components/ui/badge';
import { StatusBadge, ChannelBadge } from '@/components/ui/status';
import { LiveStatus } from '@/components/declaration/live-status';
import { DeclarationTimeline } from '@/components/declaration/timeline';
import { ActionButton } from '@/components/declaration/item-actions';
import { RequestAmendmentForm, DocumentCheckForm, ExaminationForm, AdjustmentForm, ReasonForm, ReassignForm } from '@/components/officer/decision-forms';
import { ValueChart } from '@/components/officer/value-chart';
import { requestAmendmentAction, documentCheckAction, examinationAction, adjustmentAction, releaseAction, refuseAction, holdAction, resumeAction, reassignAction, decideAdjustmentAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('officer');
  return { title: t('declarationPageTitle') };
}

export default async function OfficerDeclarationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(['INSPECTOR', 'SUPERVISOR']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  let view;
  try {
    view = await getDeclarationForOfficer({ actor, declarationId: parsed.data.id, now: now() });
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const { declaration: d, assignment, isAssignedToMe, canDecide, risk, traderHistory, valueControl, formalities, payments, pendingAdjustment, inspectors, sla } = view;
  const t = await getTranslations('officer');
  const td = await getTranslations('declaration');
  const ts = await getTranslations('status');
  const tch = await getTranslations('channel');
  const tr = await getTranslations('roles');
  const tq = await getTranslations('nav');
  const tDoc = await getTranslations('documentType');
  const tPay = await getTranslations('paymentType');
  const tDisc = await getTranslations('discrepancy');
  const format = await getFormatter();
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  const stored = readStoredReasons(risk?.reasons);
  const reasons = stored.reasons.filter((r) => r.kind !== 'PROFILE' || !r.isShadow);
  const shadow = stored.reasons.filter((r) => r.kind === 'PROFILE' && r.isShadow);
  const isOpen = d.status === 'ASSIGNED';
  // Freight and insurance are in the invoice currency; the Incoterm says whether they are added to the customs value.
  const additions = d.incoterm ? INCOTERM_ADDITIONS[d.incoterm] : null;
  const costLine = (amount: { toString(): string } | null, isAdded: boolean | undefined) =>
    `${amount ? `${formatAmount(amount.toString())} ${d.invoiceCurrency ?? ''}` : '—'}${isAdded === undefined ? '' : ` (${isAdded ? t('addedToValue') : t('inPrice', { incoterm: d.incoterm ?? '' })})`}`;
  const totalCustomsValue = d.items.every((i) => i.customsValue) && d.items.length > 0 ? d.items.reduce((sum, i) => sum.plus(i.customsValue!.toString()), new D(0)).toFixed(2) : null;
  const decidedAdjustments = d.adjustments.filter((a) => a.status !== 'PENDING');
  // A cancelled adjustment (the amendment, refusal or withdrawal ended it) is REJECTED with no deciding supervisor.
  const adjustmentBadge = (a: { status: string; decidedById: string | null }) => {
    switch (a.status) {
      case 'APPLIED':
        return <Badge tone="success">{t('adjustmentApplied')}</Badge>;
      case 'APPROVED':
        return <Badge tone="info">{t('adjustmentApproved')}</Badge>;
      case 'REJECTED':
        return a.decidedById ? <Badge tone="danger">{t('adjustmentRejected')}</Badge> : <Badge tone="neutral">{t('adjustmentCancelled')}</Badge>;
      default:
        return <Badge tone="warning">{t('adjustmentPending')}</Badge>;
    }
  };
  const canAct = canDecide && isOpen;
  const v = d.version;
  const reasonText = (r: RiskReason): string => {
    switch (r.kind) {
      case 'PROFILE':
        return t('reasonProfile', { name: r.name, weight: r.weight, forced: r.forcedChannel ? tch(r.forcedChannel) : '—', lines: r.lines.join(', ') });
      case 'MODEL':
        return t('reasonModel', { probability: (r.probability * 100).toFixed(1), line: r.lineNo, features: r.topFeatures.map((f) => `${f.feature} ${(f.value * 100).toFixed(0)}%`).join('; ') || '—' });
      case 'VALUE_CONTROL':
        return t('reasonValue', { line: r.lineNo, price: r.unitPriceUsd.toFixed(2), threshold: r.threshold.toFixed(2), quantile: r.quantile, median: r.median.toFixed(2) });
      case 'RANDOM':
        return t('reasonRandom', { share: r.sharePercent });
      case 'AEO':
        return t('reasonAeo', { reduction: r.reduction });
      case 'FALLBACK':
        return r.message;
      default:
        return '';
    }
  };
  return (
    <>
      <LiveStatus url={`/api/officer/declarations/${d.id}/status`} version={d.version} />
      <BackLink href="/officer">{tq('queue')}</BackLink>
      <PageHeader
        title={t('declarationTitle', { number: d.registrationNumber ?? '' })}
        actions={
          <span className="flex flex-wrap gap-3">
            <a href={`/officer/declarations/${d.id}/pdf`} target="_blank" rel="noreferrer" className="text-blue-800 underline">
              {td('printPdf')}
            </a>
            {d.status === 'RELEASED' ? (
              <a href={`/officer/declarations/${d.id}/release-note`} target="_blank" rel="noreferrer" className="text-blue-800 underline">
                {td('releaseNotePdf')}
              </a>
            ) : null}
          </span>
        }
      />
      {!canDecide ? <p className="mb-4 border-l-4 border-amber-500 bg-amber-50 p-3">{t('readOnly')}</p> : null}

      <Section title={td('summary')}>
        <SummaryList
          rows={[
            { label: td('status'), value: <StatusBadge status={d.status} label={ts(d.status)} /> },
            { label: td('channel'), value: <ChannelBadge channel={d.channel} label={d.channel ? tch(d.channel) : tch('none')} /> },
            { label: t('sla'), value: sla.targetMinutes === null ? t('slaNone', { elapsed: sla.elapsedMinutes }) : <span>{t('slaClock', { elapsed: sla.elapsedMinutes, target: sla.targetMinutes })} {sla.isOverdue ? <Badge tone="danger">{t('overdue')}</Badge> : <Badge tone="success">{t('onTime')}</Badge>}</span> },
            { label: t('trader'), value: `${d.company.name} (TIN ${d.company.tin})${d.company.isAuthorisedEconomicOperator ? ` — ${t('aeo')}` : ''}` },
            { label: t('traderHistory'), value: t('traderHistoryValue', traderHistory) },
            { label: td('regime'), value: d.regime },
            { label: td('post'), value: d.post ? `${d.post.code} ${d.post.name}` : '—' },
            { label: t('assignedTo'), value: assignment?.inspector ? (isAssignedToMe ? t('assignedToYou') : `${assignment.inspector.officerNumber ?? ''} ${assignment.inspector.name}`) : t('pool') },
            { label: td('consignorName'), value: `${d.consignorName ?? ''} (${d.consignorCountry ?? ''}), ${d.consignorAddress ?? ''}` },
            { label: td('consigneeName'), value: `${d.consigneeName ?? ''} (${d.consigneeCountry ?? ''}), ${d.consigneeAddress ?? ''}` },
            { label: td('transportDocument'), value: `${d.transportMode ?? ''} ${d.transportDocument ?? ''} · ${d.dispatchCountry ?? ''} → ${d.destinationCountry ?? ''}` },
            { label: td('incoterm'), value: d.incoterm ?? '—' },
            { label: td('invoiceTotal'), value: d.invoiceTotal ? `${formatAmount(d.invoiceTotal.toString())} ${d.invoiceCurrency}` : '—' },
            { label: t('freight'), value: costLine(d.freight, additions?.freight) },
            { label: t('insurance'), value: costLine(d.insurance, additions?.insurance) },
            { label: t('totalCustomsValue'), value: totalCustomsValue ? `${formatAmount(totalCustomsValue)} UZS` : t('notAssessed') },
            { label: td('registered'), value: when(d.registeredAt) },
          ]}
        />
      </Section>

      <Section title={t('riskTitle')}>
        {risk ? (
          <>
            <p className="mb-2">{t('riskSummary', { score: risk.score, model: risk.modelVersion ?? t('noModel') })}</p>
            <ul className="mb-2 list-disc space-y-1 pl-6">
              {reasons.map((r, i) => (
                <li key={i}>{reasonText(r)}</li>
              ))}
              {stored.others.map((message, i) => (
                <li key={`other-${i}`}>{message}</li>
              ))}
            </ul>
            {reasons.filter((r): r is Extract<RiskReason, { kind: 'PROFILE' }> => r.kind === 'PROFILE' && Boolean(r.instructions)).map((r) => (
              <p key={r.profileId} className="mb-2 border-l-4 border-blue-500 bg-blue-50 p-3">
                <strong>{t('instructions')}:</strong> {r.instructions}
              </p>
            ))}
            {shadow.length > 0 ? <p className="text-sm text-slate-600">{t('shadowHits', { count: shadow.length })}</p> : null}
          </>
        ) : (
          <p>{t('noRisk')}</p>
        )}
      </Section>

      <Section title={td('items')}>
        <Table caption={td('items')} head={[td('line'), td('hsCode'), td('description'), td('originCountry'), td('netMass'), td('quantity'), t('itemInvoiceValue', { currency: d.invoiceCurrency ?? '' }), t('itemCustomsValue'), t('permits'), t('valueControl')]}>
          {d.items.map((i) => {
            const vc = valueControl.find((x) => x.lineNo === i.lineNo)!;
            const f = formalities.find((x) => x.lineNo === i.lineNo);
            return (
              <tr key={i.id}>
                <Td>{i.lineNo}</Td>
                <Td className="font-mono">{i.hsCode}</Td>
                <Td>{i.description}</Td>
                <Td>{i.originCountry}</Td>
                <Td>{i.netMass.toString()}</Td>
                <Td>{`${i.quantity.toString()} ${i.supplementaryUnit}`}</Td>
                <Td>{formatAmount(i.invoiceValue.toString())}</Td>
                <Td>{i.customsValue ? formatAmount(i.customsValue.toString()) : t('notAssessed')}</Td>
                <Td>
                  {f && f.requirements.length > 0 ? (
                    <ul className="space-y-1">
                      {f.requirements.map((r, k) => (
                        <li key={k}>
                          <Badge tone={r.status === 'SATISFIED' ? 'success' : 'danger'}>{r.status === 'SATISFIED' ? t('permitSatisfied') : t('permitMissing')}</Badge> <span className="text-sm">{r.requirement.alternatives.join(' / ')}</span>
                          {r.permit ? <span className="block text-sm">{r.permit.number}</span> : r.reason ? <span className="block text-sm text-slate-700">{r.reason}</span> : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-sm">{t('noPermitsNeeded')}</span>
                  )}
                </Td>
                <Td>
                  {vc.reference && vc.unitPriceUsd !== null ? (
                    <div>
                      <ValueChart reference={vc.reference} declared={vc.unitPriceUsd} markerLabels={{ declared: t('valueChartDeclared'), declaredLow: t('valueChartDeclaredLow') }} label={t('valueChartLabel', { price: vc.unitPriceUsd.toFixed(2), unit: vc.unit, q10: vc.reference.q10.toFixed(2), median: vc.reference.q50.toFixed(2), q90: vc.reference.q90.toFixed(2) })} />
                      <p className="text-sm">{t('valueControlText', { price: vc.unitPriceUsd.toFixed(2), unit: vc.unit, q10: vc.reference.q10.toFixed(2), median: vc.reference.q50.toFixed(2), q90: vc.reference.q90.toFixed(2), n: vc.reference.sampleSize })}</p>
                    </div>
                  ) : (
                    <span className="text-sm">{t('noReference')}</span>
                  )}
                </Td>
              </tr>
            );
          })}
        </Table>
      </Section>

      <Section title={t('documents')}>
        {d.documents.length === 0 ? (
          <p>{t('noDocuments')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {d.documents.map((doc) => (
              <li key={doc.id}>
                {`${tDoc(doc.type)} ${doc.number}, ${format.dateTime(doc.date, { dateStyle: 'medium', timeZone: 'UTC' })}`}{' '}
                {doc.file ? (
                  <a href={`/files/${doc.file.id}`} target="_blank" rel="noreferrer" className="text-blue-800 underline">
                    {t('openFile', { name: doc.file.fileName })}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('payments')}>
        <SummaryList
          rows={[
            ...(['DUTY', 'EXCISE', 'VAT', 'FEE'] as const).map((type) => ({ label: tPay(type), value: `${formatAmount(payments.byType[type] ?? '0')} UZS` })),
            { label: t('paid'), value: `${formatAmount(payments.paid)} UZS` },
            { label: t('due'), value: payments.due === '0.00' ? <Badge tone="success">{t('settled')}</Badge> : <Badge tone="warning">{`${formatAmount(payments.due)} UZS`}</Badge> },
          ]}
        />
      </Section>

      {d.inspections.length > 0 ? (
        <Section title={t('inspections')}>
          <Table caption={t('inspections')} head={[t('inspectionWhen'), t('inspectionKind'), t('inspectionOutcome'), t('findings')]}>
            {d.inspections.map((i) => (
              <tr key={i.id}>
                <Td>{when(i.at)}</Td>
                <Td>{t(i.kind === 'DOCUMENT_CHECK' ? 'kindDocumentCheck' : i.kind === 'PHYSICAL_EXAMINATION' ? 'kindExamination' : 'kindAudit')}</Td>
                <Td>{i.isHit ? <Badge tone="danger">{`${t('hit')}${i.discrepancyType ? ` — ${tDisc(i.discrepancyType as 'OTHER')}` : ''}${i.isCritical ? ` (${t('critical')})` : ''}`}</Badge> : <Badge tone="success">{t('noHit')}</Badge>}</Td>
                <Td>{i.findings}</Td>
              </tr>
            ))}
          </Table>
        </Section>
      ) : null}

      {decidedAdjustments.length > 0 ? (
        <Section title={t('adjustmentsTitle')}>
          <Table caption={t('adjustmentsTitle')} head={[t('adjustmentWhen'), t('adjustItem'), t('adjustmentChange'), t('adjustmentDelta'), t('adjustmentStatus'), t('adjustmentReason')]}>
            {decidedAdjustments.map((a) => {
              const change = a.changes as { lineNo: number; from: { invoiceValue: string; hsCode: string }; to: { invoiceValue: string; hsCode: string } };
              const parts = [
                change.from.invoiceValue !== change.to.invoiceValue ? t('adjustmentValueChange', { from: formatAmount(change.from.invoiceValue), to: formatAmount(change.to.invoiceValue), currency: d.invoiceCurrency ?? '' }) : null,
                change.from.hsCode !== change.to.hsCode ? t('adjustmentCodeChange', { from: change.from.hsCode, to: change.to.hsCode }) : null,
              ].filter((x): x is string => x !== null);
              return (
                <tr key={a.id}>
                  <Td>{when(a.decidedAt ?? a.createdAt)}</Td>
                  <Td>{change.lineNo}</Td>
                  <Td>{parts.join('; ')}</Td>
                  <Td>{`${formatAmount(a.amountDelta.toString())} UZS`}</Td>
                  <Td>{adjustmentBadge(a)}</Td>
                  <Td>{a.reason}</Td>
                </tr>
              );
            })}
          </Table>
        </Section>
      ) : null}

      {pendingAdjustment ? (
        <Section title={t('pendingAdjustmentTitle')}>
          <p className="mb-3">{t('pendingAdjustmentText', { delta: formatAmount(pendingAdjustment.amountDelta.toString()), reason: pendingAdjustment.reason })}</p>
          {actor.role === 'SUPERVISOR' && pendingAdjustment.requestedById !== actor.userId ? (
            <div className="flex gap-3">
              <ActionButton action={decideAdjustmentAction.bind(null, pendingAdjustment.id, v, true)} label={t('approve')} busyLabel={t('sending')} variant="primary" />
              <ActionButton action={decideAdjustmentAction.bind(null, pendingAdjustment.id, v, false)} label={t('reject')} busyLabel={t('sending')} variant="danger" />
            </div>
          ) : (
            <p className="text-sm">{t('waitingForSupervisor')}</p>
          )}
        </Section>
      ) : null}

      {canAct ? (
        <>
          <Section title={t('documentCheckTitle')}>
            <DocumentCheckForm action={documentCheckAction.bind(null, d.id, v)} />
          </Section>
          {d.channel === 'RED' ? (
            <Section title={t('examinationTitle')}>
              <ExaminationForm action={examinationAction.bind(null, d.id, v)} />
            </Section>
          ) : null}
          <Section title={t('adjustmentTitle')}>
            <p className="mb-3 text-sm text-slate-700">{t('adjustmentIntro')}</p>
            <AdjustmentForm action={adjustmentAction.bind(null, d.id, v)} items={d.items.map((i) => ({ lineNo: i.lineNo, label: `${i.lineNo}. ${i.hsCode} ${i.description} — ${formatAmount(i.invoiceValue.toString())} ${d.invoiceCurrency ?? ''}` }))} />
          </Section>
          <Section title={t('releaseTitle')}>
            <p className="mb-3">{t('releaseIntro')}</p>
            <ActionButton action={releaseAction.bind(null, d.id, v)} label={t('release')} busyLabel={t('sending')} variant="primary" />
          </Section>
          <Section title={t('requestAmendmentTitle')}>
            <RequestAmendmentForm action={requestAmendmentAction.bind(null, d.id, v)} />
          </Section>
          <Section title={t('holdTitle')}>
            <ReasonForm action={holdAction.bind(null, d.id, v)} submitLabel={t('hold')} label={t('holdReason')} idPrefix="hold-" />
          </Section>
        </>
      ) : null}
      {canDecide && canTransition(d.status, 'REFUSED', 'OFFICER') ? (
        <Section title={t('refuseTitle')}>
          <ReasonForm action={refuseAction.bind(null, d.id, v)} submitLabel={t('refuse')} label={t('refuseReason')} idPrefix="refuse-" />
        </Section>
      ) : null}
      {canDecide && d.status === 'ON_HOLD' && canTransition('ON_HOLD', 'ASSIGNED', 'OFFICER') ? (
        <Section title={t('resumeTitle')}>
          <ActionButton action={resumeAction.bind(null, d.id, v)} label={t('resume')} busyLabel={t('sending')} />
        </Section>
      ) : null}
      {actor.role === 'SUPERVISOR' && assignment ? (
        <Section title={t('reassignTitle')}>
          <ReassignForm action={reassignAction.bind(null, d.id)} inspectors={inspectors.filter((i) => i.id !== assignment.inspector?.id).map((i) => ({ id: i.id, label: `${i.officerNumber ?? ''} ${i.name}${i.isOnDuty ? '' : ` (${t('offDuty')})`}` }))} />
        </Section>
      ) : null}

      <DeclarationTimeline
        events={d.events.map((e) => ({ id: e.id.toString(), when: when(e.at), status: ts(e.toStatus), reason: e.reason, who: tr(e.actorRole as 'TRADER') }))}
        labels={{ title: td('timeline'), when: td('timelineWhen'), what: td('timelineWhat'), who: td('timelineWho') }}
      />
    </>
  );
}
