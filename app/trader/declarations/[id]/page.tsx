import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDeclarationOverview } from '@/src/server/declarations/read';
import { BackLink, PageHeader, Section, SummaryList } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { StatusBadge, ChannelBadge } from '@/components/ui/status';
import { LinkButton } from '@/components/ui/link-button';
import { NextActionPanel } from '@/components/declaration/next-action-panel';
import { PermitBlockerList } from '@/components/declaration/permit-blockers';
import { LiveStatus } from '@/components/declaration/live-status';
import { DeclarationTimeline } from '@/components/declaration/timeline';
import { ActionButton } from '@/components/declaration/item-actions';
import { WithdrawForm } from '@/components/declaration/step-forms';
import { formatAmount } from '@/lib/money';
import { canTransition } from '@/lib/declaration/lifecycle';
import { describeNextAction } from '@/lib/declaration/next-action';
import { copyDeclarationAction, withdrawDeclarationAction } from '../actions';
import { getDeclarationPayments } from '@/src/server/payments/read';
import { DeclarationPayControl, DeclarationPaymentsDetails } from '../../account/declaration-payment';
import { CopiedFromNotice } from '@/components/declaration/copied-from-notice';
import { loadTraderDeclaration, copiedFromNotice } from './load';
import { DocumentRequestsSection } from './document-requests-section';
import { now } from '@/src/server/clock';
import { getExpectedNextStep } from '@/src/server/declarations/expected-time';
import { getAppliedRates } from '@/src/server/declarations/applied-rates';
import { ExpectedNextStepNote } from '@/components/declaration/expected-next-step';
import { AppliedRates } from '@/components/declaration/applied-rates';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('declaration');
  return { title: t('overviewTitle') };
}

export default async function TraderDeclarationPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, declaration: loaded } = await loadTraderDeclaration(params);
  const d = await getDeclarationOverview({ actor, declarationId: loaded.id });
  const payments = d.registrationNumber ? await getDeclarationPayments({ actor, declarationId: d.id }) : null;
  const expected = await getExpectedNextStep({ declaration: d, now: now() });
  const appliedRates = d.assessment ? await getAppliedRates({ actor, declarationId: d.id }) : [];
  const tRates = await getTranslations('rates');
  const t = await getTranslations('declaration');
  const tj = await getTranslations('journey');
  const tn = await getTranslations('nextAction');
  const ts = await getTranslations('status');
  const tch = await getTranslations('channel');
  const tr = await getTranslations('roles');
  const tRegime = await getTranslations('regime');
  const tPay = await getTranslations('paymentType');
  const tPermits = await getTranslations('permits');
  const tBlockers = await getTranslations('permitBlockers');
  const format = await getFormatter();
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  const base = `/trader/declarations/${d.id}`;

  const view = describeNextAction(d.nextAction);
  const next = {
    tone: view.tone,
    text: tn(view.message.key, view.message.values),
    link: view.link ? { href: `${base}/${view.link.step}`, label: tn(view.link.labelKey) } : null,
  };

  const canWithdraw = canTransition(d.status, 'WITHDRAWN', 'TRADER');
  const copied = await copiedFromNotice(d);

  return (
    <>
      <LiveStatus
        url={`/api/declarations/${d.id}/status`}
        version={d.version}
        also={{ accountVersion: d.accountVersion }}
      />
      <BackLink href="/trader">{t('back')}</BackLink>
      <PageHeader
        title={d.registrationNumber ? t('viewTitle', { number: d.registrationNumber }) : t('draftTitle')}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Link href={`${base}/permits`} className="text-blue-800 underline">
              {tPermits('link.fromDeclaration')}
            </Link>
            {d.registrationNumber ? (
              <a href={`${base}/pdf`} target="_blank" rel="noreferrer" className="text-blue-800 underline">
                {t('printPdf')}
              </a>
            ) : null}
            {d.status === 'RELEASED' ? (
              <a href={`${base}/release-note`} target="_blank" rel="noreferrer" className="text-blue-800 underline">
                {t('releaseNotePdf')}
              </a>
            ) : null}
            <ActionButton
              action={copyDeclarationAction.bind(null, d.id)}
              label={t('copyAsDraft')}
              busyLabel={tj('working')}
              successHref="/trader/declarations/{id}/parties"
            />
          </div>
        }
      />
      <p className="mb-4 flex flex-wrap items-center gap-3" aria-live="polite">
        <span className="font-medium">{t('status')}:</span> <StatusBadge status={d.status} label={ts(d.status)} />
        {d.channel ? (
          <>
            <span className="font-medium">{t('channel')}:</span>{' '}
            <ChannelBadge channel={d.channel} label={tch(d.channel)} />
          </>
        ) : null}
      </p>
      {copied ? <CopiedFromNotice {...copied} /> : null}
      <NextActionPanel title={tn('title')} tone={next.tone}>
        <p>{next.text}</p>
        {next.link ? (
          <p className="mt-3">
            <LinkButton href={next.link.href}>{next.link.label}</LinkButton>
          </p>
        ) : null}
        {d.nextAction.code === 'PAY' ? <DeclarationPayControl declarationId={d.id} payments={payments} /> : null}
        {d.permitBlockers.length > 0 ? (
          <div className="mt-4">
            <h3 className="font-semibold">{tBlockers('traderTitle')}</h3>
            <PermitBlockerList declarationId={d.id} blockers={d.permitBlockers} items={d.items} />
          </div>
        ) : null}
      </NextActionPanel>
      {d.registrationNumber ? <DocumentRequestsSection actor={actor} declarationId={d.id} status={d.status} /> : null}
      <ExpectedNextStepNote expected={expected} />

      <Section title={t('summary')}>
        <SummaryList
          rows={[
            { label: t('registrationNumber'), value: <span className="font-mono">{d.registrationNumber ?? '—'}</span> },
            { label: t('regime'), value: tRegime(d.regime) },
            { label: t('post'), value: d.post ? `${d.post.code} ${d.post.name}` : '—' },
            { label: t('consignorName'), value: `${d.consignorName ?? ''} (${d.consignorCountry ?? ''})` },
            { label: t('consigneeName'), value: `${d.consigneeName ?? ''} (${d.consigneeCountry ?? ''})` },
            {
              label: t('invoiceTotal'),
              value: d.invoiceTotal ? `${formatAmount(d.invoiceTotal.toString())} ${d.invoiceCurrency}` : '—',
            },
            { label: t('created'), value: when(d.createdAt) },
            { label: t('registered'), value: when(d.registeredAt) },
            { label: t('released'), value: when(d.releasedAt) },
          ]}
        />
      </Section>

      {d.assessment ? (
        <Section title={t('payments')}>
          <SummaryList
            rows={[
              ...(['DUTY', 'EXCISE', 'VAT', 'FEE'] as const).map((type) => ({
                label:
                  d.assessment!.isSecured && type !== 'FEE' ? t('securedPayment', { payment: tPay(type) }) : tPay(type),
                value: `${formatAmount(d.assessment!.totals[type])} UZS`,
              })),
              { label: t('amountDue'), value: <strong>{`${formatAmount(d.amountDue)} UZS`}</strong> },
            ]}
          />
          <DeclarationPaymentsDetails declarationId={d.id} payments={payments} />
          <AppliedRates items={d.items} payments={appliedRates} intro={tRates('introAssessed')} />
        </Section>
      ) : null}

      <Section title={t('items')}>
        <Table
          caption={t('items')}
          head={[
            t('line'),
            t('hsCode'),
            t('description'),
            t('originCountry'),
            t('netMass'),
            t('value'),
            t('customsValue'),
          ]}
        >
          {d.items.map((i) => (
            <tr key={i.id}>
              <Td>{i.lineNo}</Td>
              <Td className="font-mono">{i.hsCode}</Td>
              <Td>{i.description}</Td>
              <Td>{i.originCountry}</Td>
              <Td>{i.netMass.toString()}</Td>
              <Td>{formatAmount(i.invoiceValue.toString())}</Td>
              <Td>{i.customsValue ? formatAmount(i.customsValue.toString()) : '—'}</Td>
            </tr>
          ))}
        </Table>
      </Section>

      <DeclarationTimeline
        events={d.events.map((e) => ({
          id: e.id.toString(),
          when: when(e.at),
          status: ts(e.toStatus),
          reason: e.reason,
          who: tr(e.actorRole as 'TRADER'),
        }))}
        labels={{ title: t('timeline'), when: t('timelineWhen'), what: t('timelineWhat'), who: t('timelineWho') }}
      />

      {canWithdraw ? (
        <Section title={tj('withdrawTitle')}>
          <p className="mb-3">{tj('withdrawIntro')}</p>
          <WithdrawForm action={withdrawDeclarationAction.bind(null, d.id)} successHref={base} />
        </Section>
      ) : null}
    </>
  );
}
