import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getApplicationForOfficer } from '@/src/server/permits/desk';
import { now } from '@/src/server/clock';
import { PageHeader, Section, SummaryList } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Badge } from '@/components/ui/badge';
import { LiveStatus } from '@/components/declaration/live-status';
import { ApplicationStatusBadge, SlaBadge } from '@/components/permits/badges';
import { IssuePermitForm, TextForm } from '@/components/permits/forms';
import { MessageThread } from '@/components/permits/message-thread';
import { isAppError } from '@/lib/errors';
import { formatAmount } from '@/lib/money';
import { ZUuidParam } from '@/lib/pagination';
import { serviceDate } from '@/lib/time';
import { defaultValidity, isApplicationPending, missingDocuments, productCountryRole, requestedTotal, splitDuration } from '@/lib/permits';
import { issuePermitAction, refuseApplicationAction, requestInformationAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('review.title') };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function ReviewApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(['AGENCY_OFFICER']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  const at = now();
  const { application: a, sla, targetWorkingDays } = await getApplicationForOfficer({ actor, applicationId: parsed.data.id, now: at }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    if (isAppError(e) && e.code === 'FORBIDDEN') forbidden();
    throw e;
  });
  const t = await getTranslations('permits');
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  const type = a.permitType;
  const isPending = isApplicationPending(a.status);
  const missing = missingDocuments(type.requiredDocuments, a.documents.map((d) => d.type));
  const validity = defaultValidity(serviceDate(at), type.validityDays);
  const total = requestedTotal(a.products.map((p) => ({ quantity: p.quantity.toString(), unit: p.unit })));
  const elapsed = sla ? splitDuration(sla.elapsedMs) : null;
  const countryRole = productCountryRole(type.directions);

  return (
    <>
      <LiveStatus url={`/api/permits/applications/${a.id}/status`} version={a.version} />
      <p className="mb-4">
        <Link href="/agency" className="text-blue-800 underline">
          {t('review.back')}
        </Link>
      </p>
      <PageHeader title={t('application.heading', { number: a.number ?? '' })} intro={`${type.code} — ${type.name}`} />
      <p className="mb-6 flex flex-wrap items-center gap-3" aria-live="polite">
        <span className="font-medium">{t('col.status')}:</span> <ApplicationStatusBadge status={a.status} label={t(`status.${a.status}`)} />
        {sla && elapsed ? (
          <>
            <span className="font-medium">{t('desk.colSla')}:</span> <SlaBadge state={sla.state} label={t(`sla.state.${sla.state}`)} />
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
            { label: t('application.purpose'), value: a.purpose },
            { label: t('col.submitted'), value: when(a.submittedAt) },
            { label: t('application.decided'), value: when(a.decidedAt) },
            ...(a.refusalReason ? [{ label: t('review.refusalReason'), value: a.refusalReason }] : []),
          ]}
        />
      </Section>

      <Section title={t('application.productsTitle')}>
        <Table caption={t('application.productsTitle')} head={[t('application.hsCode'), t('application.description'), t('application.quantity'), t(`country.${countryRole}`)]}>
          {a.products.map((p) => (
            <tr key={p.id}>
              <Td className="font-mono">{p.hsCode}</Td>
              <Td>{p.description}</Td>
              <Td>{`${formatAmount(p.quantity.toString(), 3)} ${p.unit}`}</Td>
              <Td>{p.country}</Td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section title={t('application.documentsTitle')}>
        <ul className="mb-4 space-y-1" aria-label={t('application.checklist')}>
          {type.requiredDocuments.map((name) => {
            const isMissing = missing.includes(name);
            return (
              <li key={name} className="flex flex-wrap items-center gap-2">
                <Badge tone={isMissing ? 'warning' : 'success'}>{isMissing ? t('application.missingDocument') : t('application.attached')}</Badge> {name}
              </li>
            );
          })}
        </ul>
        {a.documents.length === 0 ? (
          <p>{t('application.noDocuments')}</p>
        ) : (
          <Table caption={t('application.documentsTitle')} head={[t('application.documentType'), t('application.file'), t('application.added')]}>
            {a.documents.map((d) => (
              <tr key={d.id}>
                <Td>{d.type}</Td>
                <Td>
                  <a href={`/api/permits/files/${d.file.id}`} target="_blank" rel="noreferrer" className="text-blue-800 underline">
                    {t('openFile', { name: d.file.fileName })}
                  </a>
                </Td>
                <Td>{when(d.createdAt)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section title={t('messages.title')}>
        <MessageThread messages={a.messages.map((m) => ({ id: m.id, who: m.authorRole === 'TRADER' ? t('messages.trader', { company: a.company.name }) : t('messages.authority', { authority: type.authority.code }), body: m.body, at: when(m.at) }))} empty={t('messages.none')} label={t('messages.title')} />
      </Section>

      {a.permit ? (
        <Section title={t('application.permitTitle')}>
          <SummaryList
            rows={[
              { label: t('col.permit'), value: <Link href={`/agency/permits/${a.permit.id}`} className="font-mono text-blue-800 underline">{a.permit.number}</Link> },
              { label: t('col.validity'), value: t('validRange', { from: day(a.permit.validFrom), to: day(a.permit.validTo) }) },
              { label: t('col.remaining'), value: t('remainingOf', { remaining: formatAmount(a.permit.remainingQuantity.toString(), 3), quantity: formatAmount(a.permit.quantity.toString(), 3), unit: a.permit.unit }) },
              { label: t('col.status'), value: t(`permitStatus.${a.permit.status}`) },
            ]}
          />
        </Section>
      ) : null}

      {isPending ? (
        <>
          <Section title={t('review.askTitle')}>
            <p className="mb-3">{t('review.askIntro')}</p>
            <div className="max-w-3xl">
              <TextForm action={requestInformationAction.bind(null, a.id)} name="message" label={t('review.question')} submitLabel={t('review.ask')} busyLabel={t('working')} />
            </div>
          </Section>
          <Section title={t('review.issueTitle')}>
            <p className="mb-3">{t('review.issueIntro', { type: type.code, days: type.validityDays, scope: t(`scope.${type.scope}`) })}</p>
            <div className="max-w-3xl">
              <IssuePermitForm action={issuePermitAction.bind(null, a.id)} defaults={{ ...validity, quantity: total?.quantity ?? '', unit: total?.unit ?? a.products[0]?.unit ?? 'KG' }} />
            </div>
          </Section>
          <Section title={t('review.refuseTitle')}>
            <div className="max-w-3xl">
              <TextForm action={refuseApplicationAction.bind(null, a.id)} name="reason" label={t('review.refusalReason')} submitLabel={t('review.refuse')} busyLabel={t('working')} />
            </div>
          </Section>
        </>
      ) : null}
    </>
  );
}
