import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getActor } from '@/src/server/auth/session';
import { isTestGatewayEnabled, requireOrderOwnerPage, readHeldPayment } from '@/src/server/payments/gateway/test-bank';
import { SendNotificationButton } from '@/components/payments/test-gateway';
import { formatAmount } from '@/lib/money';
import { sendHeldNotificationAction } from '../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('testGateway');
  return { title: t('pendingTitle'), robots: { index: false, follow: false } };
}

/** The test bank took the payment but has not notified the merchant yet (the "delayed callback" scenario). */
export default async function TestPendingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!isTestGatewayEnabled()) notFound();
  const query = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
  );
  const held = readHeldPayment(query);
  await requireOrderOwnerPage(
    await getActor(),
    held?.order ?? null,
    `/gateway/test/pending?${new URLSearchParams(query)}`,
  );
  const t = await getTranslations('testGateway');
  return (
    <div className="mx-auto max-w-2xl rounded-lg border-4 border-indigo-700 bg-white p-6">
      <p className="mb-4 rounded bg-amber-100 px-3 py-2 text-sm font-medium text-amber-950">{t('banner')}</p>
      <h1 className="text-2xl font-bold text-indigo-900">{t('pendingTitle')}</h1>
      {!held ? (
        <p role="alert" className="mt-4 border-4 border-red-700 p-4">
          {t('invalidPending')}
        </p>
      ) : (
        <>
          <p className="my-4">{t('pendingIntro', { amount: `${formatAmount(held.amount)} UZS` })}</p>
          <dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
            <dt className="font-medium text-slate-700">{t('transaction')}</dt>
            <dd className="font-mono text-sm">{held.transactionId}</dd>
          </dl>
          <SendNotificationButton
            action={sendHeldNotificationAction.bind(null, query)}
            labels={{
              send: t('sendNow'),
              busy: t('busy'),
              sent: t('sent'),
              back: t('backToMerchant'),
              errorTitle: t('errorTitle'),
            }}
          />
          <p className="mt-6">
            <a href={held.returnPath} className="text-blue-800 underline">
              {t('backToMerchant')}
            </a>
          </p>
        </>
      )}
    </div>
  );
}
