import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getApplicationForTrader } from '@/src/server/permits/applications';
import { getCompanyBalance } from '@/src/server/permits/fees';
import { BackLink, PageHeader, Section, SummaryList } from '@/components/ui/page';
import { LiveStatus } from '@/components/declaration/live-status';
import { ActionButton } from '@/components/declaration/item-actions';
import { NextActionPanel } from '@/components/declaration/next-action-panel';
import { ApplicationStatusBadge } from '@/components/permits/badges';
import { ApplicationDocumentForm, ButtonForm, ProductForm, TextForm } from '@/components/permits/forms';
import { MessageThread } from '@/components/permits/message-thread';
import { ReceiptLink } from '@/components/payments/ledger';
import { Table, Td } from '@/components/ui/table';
import {
  ApplicationDocumentsTable,
  ApplicationProductsTable,
  DocumentChecklist,
  IssuedPermitSummary,
} from '@/components/permits/application-details';
import { isAppError } from '@/lib/errors';
import { formatAmount } from '@/lib/money';
import { ZUuidParam } from '@/lib/pagination';
import {
  OTHER_DOCUMENT,
  applicationTransition,
  feeShortfall,
  isFeeCharged,
  isApplicationEditable,
  missingDocuments,
  productCountryRole,
} from '@/lib/permits';
import {
  addDocumentAction,
  addProductAction,
  answerAction,
  removeDocumentAction,
  removeProductAction,
  submitApplicationAction,
  withdrawAction,
} from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('application.title') };
}

async function load(params: Promise<{ id: string }>) {
  const actor = await requirePageActor(['TRADER']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  try {
    const [application, balance] = await Promise.all([
      getApplicationForTrader({ actor, applicationId: parsed.data.id }),
      getCompanyBalance({ actor }),
    ]);
    return { ...application, balance };
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

export default async function TraderApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const a = await load(params);
  const t = await getTranslations('permits');
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  const type = a.permitType;
  const isEditable = isApplicationEditable(a.status);
  const countryRole = productCountryRole([a.direction]);
  const missing = missingDocuments(
    type.requiredDocuments,
    a.documents.map((d) => d.type),
  );
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
      <BackLink href="/trader/permits">{t('backToPermits')}</BackLink>
      <PageHeader
        title={
          a.number ? t('application.heading', { number: a.number }) : t('application.draftHeading', { type: type.code })
        }
        intro={`${type.code} — ${type.name}, ${type.authority.name}`}
      />
      <p className="mb-4 flex flex-wrap items-center gap-3" aria-live="polite">
        <span className="font-medium">{t('col.status')}:</span>{' '}
        <ApplicationStatusBadge status={a.status} label={t(`status.${a.status}`)} />
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
            { label: t('col.direction'), value: t(`direction.${a.direction}`) },
            { label: t('application.purpose'), value: a.purpose },
            { label: t('col.validity'), value: t('days', { count: type.validityDays }) },
            { label: t('col.scope'), value: t(`scope.${type.scope}`) },
            { label: t('col.fee'), value: `${formatAmount(type.fee.toString())} UZS` },
            ...(a.declarationLineNo !== null
              ? [{ label: t('application.appliedFor'), value: <AppliedFor application={a} /> }]
              : []),
            { label: t('application.created'), value: when(a.createdAt) },
            { label: t('col.submitted'), value: when(a.submittedAt) },
            { label: t('application.decided'), value: when(a.decidedAt) },
          ]}
        />
      </Section>

      <FeeSection application={a} />

      {a.permit ? (
        <IssuedPermitSummary
          permit={a.permit}
          href={`/trader/permits/${a.permit.id}`}
          lastRow={{ label: t('permit.conditions'), value: a.permit.conditions ?? '—' }}
        />
      ) : null}

      <Section title={t('messages.title')}>
        <MessageThread
          messages={a.messages.map((m) => ({
            id: m.id,
            who:
              m.authorRole === 'TRADER'
                ? t('messages.you')
                : t('messages.authority', { authority: type.authority.code }),
            body: m.body,
            at: when(m.at),
          }))}
          empty={t('messages.none')}
          label={t('messages.title')}
        />
        {a.status === 'INFO_REQUESTED' ? (
          <div className="mt-4 max-w-3xl">
            <TextForm
              action={answerAction.bind(null, a.id)}
              name="message"
              label={t('messages.answer')}
              hint={t('messages.answerHint')}
              submitLabel={t('messages.sendAnswer')}
              busyLabel={t('working')}
            />
          </div>
        ) : null}
      </Section>

      <Section title={t('application.productsTitle')}>
        {a.products.length === 0 ? (
          <p className="mb-4">{t('application.noProducts')}</p>
        ) : (
          <div className="mb-4">
            <ApplicationProductsTable
              products={a.products}
              countryLabel={t(`country.${countryRole}`)}
              actions={
                isEditable
                  ? {
                      label: t('actions'),
                      cell: (p) => (
                        <ActionButton
                          action={removeProductAction.bind(null, a.id, p.id)}
                          label={t('application.removeProduct', { code: p.hsCode })}
                          busyLabel={t('working')}
                          variant="danger"
                        />
                      ),
                    }
                  : undefined
              }
            />
          </div>
        )}
        {isEditable ? (
          <>
            <h3 className="mb-2 text-lg font-semibold">{t('application.addProductTitle')}</h3>
            <p className="mb-3 text-sm text-slate-700">
              {t('application.covers', { type: type.code, prefixes: type.hsPrefixes.join(' ') })}
            </p>
            <ProductForm action={addProductAction.bind(null, a.id)} countryLabel={t(`country.${countryRole}`)} />
          </>
        ) : null}
      </Section>

      <Section title={t('application.documentsTitle')}>
        <DocumentChecklist required={type.requiredDocuments} missing={missing} />
        {a.documents.length > 0 ? (
          <div className="mb-4">
            <ApplicationDocumentsTable
              documents={a.documents}
              actions={
                isEditable
                  ? {
                      label: t('actions'),
                      cell: (d) => (
                        <ActionButton
                          action={removeDocumentAction.bind(null, a.id, d.id)}
                          label={t('application.removeDocument', { name: d.file.fileName })}
                          busyLabel={t('working')}
                          variant="danger"
                        />
                      ),
                    }
                  : undefined
              }
            />
          </div>
        ) : null}
        {isEditable ? (
          <>
            <h3 className="mb-2 text-lg font-semibold">{t('application.attachTitle')}</h3>
            <ApplicationDocumentForm
              action={addDocumentAction.bind(null, a.id)}
              documentTypes={[...type.requiredDocuments, OTHER_DOCUMENT]}
            />
          </>
        ) : null}
      </Section>

      {a.status === 'DRAFT' ? (
        <Section title={t('application.submitTitle')}>
          <p className="mb-3">{t('application.submitIntro', { authority: type.authority.name })}</p>
          {/* Keyed by the version: once a document or product changes, the last attempt's problems are stale. */}
          <ButtonForm
            key={a.version}
            action={submitApplicationAction.bind(null, a.id)}
            label={t('application.submit')}
            busyLabel={t('working')}
          />
        </Section>
      ) : null}

      {canWithdraw ? (
        <Section title={t('application.withdrawTitle')}>
          <p className="mb-3">{t('application.withdrawIntro')}</p>
          <div className="max-w-3xl">
            <TextForm
              action={withdrawAction.bind(null, a.id)}
              name="reason"
              label={t('application.withdrawReason')}
              submitLabel={t('application.withdraw')}
              busyLabel={t('working')}
            />
          </div>
        </Section>
      ) : null}
    </>
  );
}

type Loaded = Awaited<ReturnType<typeof load>>;

/** The declaration line the application was started from ("Apply for a permit" on an item). */
async function AppliedFor({ application: a }: { application: Loaded }) {
  const t = await getTranslations('permits');
  const line = a.declarationLineNo ?? 0;
  if (!a.declaration) return t('application.appliedForGone', { line });
  return (
    <Link href={`/trader/declarations/${a.declaration.id}/permits`} className="text-blue-800 underline">
      {a.declaration.registrationNumber
        ? t('application.appliedForDeclaration', { number: a.declaration.registrationNumber, line })
        : t('application.appliedForDraft', { line })}
    </Link>
  );
}

/**
 * The fee: before submission, what submitting will charge and the balance it comes from (and what is
 * missing); after, each movement with its receipt.
 */
async function FeeSection({ application: a }: { application: Loaded }) {
  const t = await getTranslations('permits');
  const format = await getFormatter();
  const fee = a.permitType.fee.toFixed(2);
  const rule = t(a.permitType.isFeeRefundable ? 'feeRule.refundable' : 'feeRule.notRefundable');
  if (a.status === 'DRAFT') {
    const shortfall = isFeeCharged(fee) ? feeShortfall(fee, a.balance) : null;
    return (
      <Section title={t('fee.title')}>
        {isFeeCharged(fee) ? (
          <>
            <p>{t('fee.toPay', { fee: formatAmount(fee), balance: formatAmount(a.balance) })}</p>
            <p className="mt-1 text-sm text-slate-700">{t('fee.rule', { rule })}</p>
            {shortfall ? (
              <p className="mt-2 border-l-4 border-amber-600 bg-amber-50 p-3 font-medium text-amber-900">
                {t('fee.short', { shortfall: formatAmount(shortfall) })}{' '}
                <Link href="/trader/account" className="text-blue-800 underline">
                  {t('apply.topUp')}
                </Link>
              </p>
            ) : null}
          </>
        ) : (
          <p>{t('fee.none')}</p>
        )}
      </Section>
    );
  }
  return (
    <Section title={t('fee.title')}>
      {a.fees.length === 0 ? (
        <p>{isFeeCharged(fee) ? t('fee.notCharged') : t('fee.none')}</p>
      ) : (
        <Table
          caption={t('fee.tableCaption')}
          head={[t('fee.colMovement'), t('fee.colDate'), t('fee.colAmount'), t('fee.colReceipt')]}
        >
          {a.fees.map((f) => (
            <tr key={f.id}>
              <Td>
                {t(`fee.${f.kind}`)}
                {f.kind === 'CHARGE' ? (
                  <span className="block text-sm text-slate-700">
                    {t(f.isRefundable ? 'feeRule.refundable' : 'feeRule.notRefundable')}
                  </span>
                ) : null}
              </Td>
              <Td>{format.dateTime(f.at, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
              <Td>{`${f.kind === 'CHARGE' ? '−' : '+'}${formatAmount(f.amount.toFixed(2))} UZS`}</Td>
              <Td>
                <ReceiptLink number={f.receiptNumber} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
