import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getTopUp } from '@/src/server/payments/top-ups';
import { BackLink, PageHeader, SummaryList } from '@/components/ui/page';
import { NextActionPanel } from '@/components/declaration/next-action-panel';
import { LiveStatus } from '@/components/declaration/live-status';
import { TopUpBadge } from '@/components/payments/badges';
import { ReceiptLink } from '@/components/payments/ledger';
import { formatAmount } from '@/lib/money';
import { ZUuidParam } from '@/lib/pagination';
import { isAppError } from '@/lib/errors';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('topUpPage.title') };
}

/** Where the gateway sends the trader back: the top-up's status, kept current while the bank has not confirmed. */
export default async function TopUpPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(['TRADER']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  const topUp = await getTopUp({ actor, topUpId: parsed.data.id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const t = await getTranslations('payments');
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  const amount = `${formatAmount(topUp.amount)} UZS`;
  return (
    <>
      {topUp.status === 'PENDING' ? <LiveStatus url={`/api/payments/top-ups/${topUp.id}`} version={0} /> : null}
      <BackLink href="/trader/account">{t('back')}</BackLink>
      <PageHeader title={t('topUpPage.title')} />
      <p className="mb-4 flex items-center gap-3" aria-live="polite">
        <span className="font-medium">{t('topUpPage.status')}:</span>{' '}
        <TopUpBadge status={topUp.status} label={t(`topUpStatus.${topUp.status}`)} />
      </p>
      <NextActionPanel
        title={t('topUpPage.nextTitle')}
        tone={topUp.status === 'SUCCEEDED' ? 'done' : topUp.status === 'DECLINED' ? 'action' : 'info'}
      >
        <p>{t(`topUpPage.next.${topUp.status}`, { amount })}</p>
        {topUp.status === 'PENDING' && topUp.checkoutUrl ? (
          <p className="mt-3">
            <a href={topUp.checkoutUrl} className="text-blue-800 underline">
              {t('topUpPage.continue')}
            </a>
          </p>
        ) : null}
        {topUp.status === 'DECLINED' ? (
          <p className="mt-3">
            <Link href="/trader/account" className="text-blue-800 underline">
              {t('topUpPage.tryAgain')}
            </Link>
          </p>
        ) : null}
      </NextActionPanel>
      <SummaryList
        rows={[
          { label: t('topUpPage.amount'), value: <span className="font-mono">{amount}</span> },
          { label: t('topUpPage.started'), value: when(topUp.createdAt) },
          { label: t('topUpPage.completed'), value: when(topUp.completedAt) },
          {
            label: t('topUpPage.gatewayTransaction'),
            value: <span className="font-mono">{topUp.gatewayTransactionId ?? '—'}</span>,
          },
          {
            label: t('topUpPage.receipt'),
            value: <ReceiptLink number={topUp.receiptNumber} />,
          },
        ]}
      />
    </>
  );
}
