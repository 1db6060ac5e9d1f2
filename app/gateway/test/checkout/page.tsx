import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getActor } from '@/src/server/auth/session';
import {
  isTestGatewayEnabled,
  requireOrderOwnerPage,
  readCheckoutRequest,
} from '@/src/server/payments/gateway/test-bank';
import { TestCheckoutButtons } from '@/components/payments/test-gateway';
import { formatAmount } from '@/lib/money';
import { payAtTestGatewayAction } from '../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('testGateway');
  return { title: t('checkoutTitle'), robots: { index: false, follow: false } };
}

/** The test bank's checkout page: reached from the portal with a signed payment request. Only the trader whose company started the top-up may use it. */
export default async function TestCheckoutPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!isTestGatewayEnabled()) notFound();
  const query = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
  );
  const reading = readCheckoutRequest(query);
  await requireOrderOwnerPage(
    await getActor(),
    reading.isValid ? reading.request.order : null,
    `/gateway/test/checkout?${new URLSearchParams(query)}`,
  );
  const t = await getTranslations('testGateway');
  return (
    <div className="mx-auto max-w-2xl rounded-lg border-4 border-indigo-700 bg-white p-6">
      <p className="mb-4 rounded bg-amber-100 px-3 py-2 text-sm font-medium text-amber-950">{t('banner')}</p>
      <h1 className="text-2xl font-bold text-indigo-900">{t('checkoutTitle')}</h1>
      {!reading.isValid ? (
        <div role="alert" className="mt-4 border-4 border-red-700 p-4">
          <p className="font-bold">{t('invalidRequest')}</p>
          <p className="mt-1">{reading.problem}</p>
        </div>
      ) : (
        <>
          <dl className="my-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
            <dt className="font-medium text-slate-700">{t('merchant')}</dt>
            <dd>{t('merchantName')}</dd>
            <dt className="font-medium text-slate-700">{t('order')}</dt>
            <dd className="font-mono text-sm">{reading.request.order}</dd>
            <dt className="font-medium text-slate-700">{t('amount')}</dt>
            <dd className="text-xl font-bold">{`${formatAmount(reading.request.amount)} UZS`}</dd>
          </dl>
          <p className="mb-4 text-sm text-slate-700">{t('scenarios')}</p>
          <TestCheckoutButtons
            action={payAtTestGatewayAction.bind(null, query)}
            labels={{
              pay: t('pay', { amount: formatAmount(reading.request.amount) }),
              decline: t('decline'),
              delayed: t('delayed'),
              duplicate: t('duplicate'),
              busy: t('busy'),
              errorTitle: t('errorTitle'),
            }}
          />
        </>
      )}
    </div>
  );
}
