import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getRefundForFinance } from '@/src/server/payments/refunds';
import { BackLink, PageHeader, SummaryList } from '@/components/ui/page';
import { RefundBadge } from '@/components/payments/badges';
import { RefundDecisionForms } from '@/components/payments/forms';
import { formatAmount } from '@/lib/money';
import { ZUuidParam } from '@/lib/pagination';
import { isAppError } from '@/lib/errors';
import { approveRefundAction, refuseRefundAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('finance.decideTitle') };
}

export default async function RefundDecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(['SUPERVISOR']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  const refund = await getRefundForFinance({ actor, refundId: parsed.data.id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'FORBIDDEN') forbidden();
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const t = await getTranslations('payments');
  const format = await getFormatter();
  const uzs = (v: string) => `${formatAmount(v)} UZS`;
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  return (
    <>
      <BackLink href="/officer/refunds">{t('finance.back')}</BackLink>
      <PageHeader title={t('finance.decideTitle')} />
      <div className="mb-8">
        <SummaryList
          rows={[
            { label: t('finance.colCompany'), value: `${refund.company?.name ?? ''} (${refund.company?.tin ?? ''})` },
            { label: t('finance.colAmount'), value: <strong className="font-mono">{uzs(refund.amount)}</strong> },
            { label: t('finance.colBalance'), value: <span className="font-mono">{uzs(refund.balance)}</span> },
            { label: t('finance.pendingTotal'), value: <span className="font-mono">{uzs(refund.pendingTotal)}</span> },
            { label: t('refunds.colReason'), value: refund.reason },
            { label: t('finance.colRequested'), value: when(refund.createdAt) },
            {
              label: t('finance.colStatus'),
              value: <RefundBadge status={refund.status} label={t(`refundStatus.${refund.status}`)} />,
            },
            ...(refund.decidedAt ? [{ label: t('refunds.colDecided'), value: when(refund.decidedAt) }] : []),
            ...(refund.decisionNote ? [{ label: t('finance.note'), value: refund.decisionNote }] : []),
            ...(refund.receiptNumber
              ? [{ label: t('col.receipt'), value: <span className="font-mono">{refund.receiptNumber}</span> }]
              : []),
          ]}
        />
      </div>
      {refund.status === 'PENDING' ? (
        <RefundDecisionForms
          approve={approveRefundAction.bind(null, refund.id)}
          refuse={refuseRefundAction.bind(null, refund.id)}
        />
      ) : null}
    </>
  );
}
