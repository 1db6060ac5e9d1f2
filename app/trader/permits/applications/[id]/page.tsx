import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getApplicationForTrader } from '@/src/server/permits/applications';
import { PageHeader, Section, SummaryList } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Badge } from '@/components/ui/badge';
import { LiveStatus } from '@/components/declaration/live-status';
import { ActionButton } from '@/components/declaration/item-actions';
import { NextActionPanel } from '@/components/declaration/next-action-panel';
import { ApplicationStatusBadge } from '@/components/permits/badges';
import { ApplicationDocumentForm, ButtonForm, ProductForm, TextForm } from '@/components/permits/forms';
import { MessageThread } from '@/components/permits/message-thread';
import { isAppError } from '@/lib/errors';
import { formatAmount } from '@/lib/money';
import { ZUuidParam } from '@/lib/pagination';
import { OTHER_DOCUMENT, applicationTransition, isApplicationEditable, missingDocuments, productCountryRole } from '@/lib/permits';
import { addDocumentAction, addProductAction, answerAction, removeDocumentAction, removeProductAction, submitApplicationAction, withdrawAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('application.title') };
}

async function load(params: Promise<{ id: string }>) {
  const actor = await requirePageActor(['TRADER']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  try {
    return await getApplicationForTrader({ actor, applicationId: parsed.data.id });
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function TraderApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const a = await load(params);
  const t = await getTranslations('permits');
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  const type = a.permitType;
  const isEditable = isApplicationEditable(a.status);
  const countryRole = productCountryRole(type.directions);
  const missing = missingDocuments(type.requiredDocuments, a.documents.map((d) => d.type));
  const canWithdraw = applicationTransition(a.status, 'WITHDRAW') !== null;
  const lastQuestion = [...a.messages].reverse().find((m) => m.authorRole === 'AGENCY_OFFICER');

  const next = (() => {
    switch (a.status) {
      case 'DRAFT':
        return { tone: 'action' as const, text: t('next.DRAFT') };
      case 'SUBMITTED':
        return { tone: 'info' as const, text: t('next.SUBMITTED', { authority: type.authority.name }) };
      case 'INFO_REQUESTED':
        return { tone: 'action' as const, text: t('next.INFO_REQUESTED', { question: lastQuestion?.body ?? '' }) };
      case 'ISSUED':
        return { tone: 'done' as const, text: t('next.ISSUED', { number: a.permit?.number ?? '' }) };
      case 'REFUSED':
        return { tone: 'done' as const, text: t('next.REFUSED', { reason: a.refusalReason ?? '' }) };
      case 'WITHDRAWN':
        return { tone: 'done' as const, text: t('next.WITHDRAWN') };
      default: {
        const never: never = a.status;
        return never;
      }
    }
  })();

  return (
    <>
      <LiveStatus url={`/api/permits/applications/${a.id}/status`} version={a.version} />
      <p className="mb-4">
        <Link href="/trader/permits" className="text-blue-800 underline">
          {t('backToPermits')}
        </Link>
      </p>
      <PageHeader title={a.number ? t('application.heading', { number: a.number }) : t('application.draftHeading', { type: type.code })} intro={`${type.code} — ${type.name}, ${type.authority.name}`} />
      <p className="mb-4 flex flex-wrap items-center gap-3" aria-live="polite">
        <span className="font-medium">{t('col.status')}:</span> <ApplicationStatusBadge status={a.status} label={t(`status.${a.status}`)} />
      </p>
      <NextActionPanel title={t('next.title')} tone={next.tone}>
        <p>{next.text}</p>
        {a.permit ? (
          <p className="mt-3">
            <Link href={`/trader/permits/${a.permit.id}`} className="text-blue-800 underline">
              {t('application.viewPermit', { number: a.permit.number })}
            </Link>
          </p>
        ) : null}
      </NextActionPanel>

      <Section title={t('application.summary')}>
        <SummaryList
          rows={[
            { label: t('application.number'), value: <span className="font-mono">{a.number ?? '—'}</span> },
            { label: t('col.type'), value: `${type.code} — ${type.name}` },
            { label: t('col.authority'), value: type.authority.name },
            { label: t('application.purpose'), value: a.purpose },
            { label: t('col.validity'), value: t('days', { count: type.validityDays }) },
            { label: t('col.scope'), value: t(`scope.${type.scope}`) },
            { label: t('col.fee'), value: `${formatAmount(type.fee.toString())} UZS` },
            { label: t('application.created'), value: when(a.createdAt) },
            { label: t('col.submitted'), value: when(a.submittedAt) },
            { label: t('application.decided'), value: when(a.decidedAt) },
          ]}
        />
      </Section>

      {a.permit ? (
        <Section title={t('application.permitTitle')}>
          <SummaryList
            rows={[
              { label: t('col.permit'), value: <Link href={`/trader/permits/${a.permit.id}`} className="font-mono text-blue-800 underline">{a.permit.number}</Link> },
              { label: t('col.validity'), value: t('validRange', { from: day(a.permit.validFrom), to: day(a.permit.validTo) }) },
              { label: t('col.remaining'), value: t('remainingOf', { remaining: formatAmount(a.permit.remainingQuantity.toString(), 3), quantity: formatAmount(a.permit.quantity.toString(), 3), unit: a.permit.unit }) },
              { label: t('review.conditions'), value: a.permit.conditions ?? '—' },
            ]}
          />
        </Section>
      ) : null}

      <Section title={t('messages.title')}>
        <MessageThread messages={a.messages.map((m) => ({ id: m.id, who: m.authorRole === 'TRADER' ? t('messages.you') : t('messages.authority', { authority: type.authority.code }), body: m.body, at: when(m.at) }))} empty={t('messages.none')} label={t('messages.title')} />
        {a.status === 'INFO_REQUESTED' ? (
          <div className="mt-4 max-w-3xl">
            <TextForm action={answerAction.bind(null, a.id)} name="message" label={t('messages.answer')} hint={t('messages.answerHint')} submitLabel={t('messages.sendAnswer')} busyLabel={t('working')} />
          </div>
        ) : null}
      </Section>

      <Section title={t('application.productsTitle')}>
        {a.products.length === 0 ? (
          <p className="mb-4">{t('application.noProducts')}</p>
        ) : (
          <div className="mb-4">
            <Table caption={t('application.productsTitle')} head={[t('application.hsCode'), t('application.description'), t('application.quantity'), t(`country.${countryRole}`), ...(isEditable ? [t('actions')] : [])]}>
              {a.products.map((p) => (
                <tr key={p.id}>
                  <Td className="font-mono">{p.hsCode}</Td>
                  <Td>{p.description}</Td>
                  <Td>{`${formatAmount(p.quantity.toString(), 3)} ${p.unit}`}</Td>
                  <Td>{p.country}</Td>
                  {isEditable ? (
                    <Td>
                      <ActionButton action={removeProductAction.bind(null, a.id, p.id)} label={t('application.removeProduct', { code: p.hsCode })} busyLabel={t('working')} variant="danger" />
                    </Td>
                  ) : null}
                </tr>
              ))}
            </Table>
          </div>
        )}
        {isEditable ? (
          <>
            <h3 className="mb-2 text-lg font-semibold">{t('application.addProductTitle')}</h3>
            <p className="mb-3 text-sm text-slate-700">{t('application.covers', { type: type.code, prefixes: type.hsPrefixes.join(' ') })}</p>
            <ProductForm action={addProductAction.bind(null, a.id)} countryLabel={t(`country.${countryRole}`)} />
          </>
        ) : null}
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
        {a.documents.length > 0 ? (
          <div className="mb-4">
            <Table caption={t('application.documentsTitle')} head={[t('application.documentType'), t('application.file'), t('application.added'), ...(isEditable ? [t('actions')] : [])]}>
              {a.documents.map((d) => (
                <tr key={d.id}>
                  <Td>{d.type}</Td>
                  <Td>
                    <a href={`/api/permits/files/${d.file.id}`} target="_blank" rel="noreferrer" className="text-blue-800 underline">
                      {t('openFile', { name: d.file.fileName })}
                    </a>
                  </Td>
                  <Td>{when(d.createdAt)}</Td>
                  {isEditable ? (
                    <Td>
                      <ActionButton action={removeDocumentAction.bind(null, a.id, d.id)} label={t('application.removeDocument', { name: d.file.fileName })} busyLabel={t('working')} variant="danger" />
                    </Td>
                  ) : null}
                </tr>
              ))}
            </Table>
          </div>
        ) : null}
        {isEditable ? (
          <>
            <h3 className="mb-2 text-lg font-semibold">{t('application.attachTitle')}</h3>
            <ApplicationDocumentForm action={addDocumentAction.bind(null, a.id)} documentTypes={[...type.requiredDocuments, OTHER_DOCUMENT]} />
          </>
        ) : null}
      </Section>

      {a.status === 'DRAFT' ? (
        <Section title={t('application.submitTitle')}>
          <p className="mb-3">{t('application.submitIntro', { authority: type.authority.name })}</p>
          <ButtonForm action={submitApplicationAction.bind(null, a.id)} label={t('application.submit')} busyLabel={t('working')} />
        </Section>
      ) : null}

      {canWithdraw ? (
        <Section title={t('application.withdrawTitle')}>
          <p className="mb-3">{t('application.withdrawIntro')}</p>
          <div className="max-w-3xl">
            <TextForm action={withdrawAction.bind(null, a.id)} name="reason" label={t('application.withdrawReason')} submitLabel={t('application.withdraw')} busyLabel={t('working')} />
          </div>
        </Section>
      ) : null}
    </>
  );
}
