// The officer's summary of a declaration: status, channel, SLA clock, the trader and their record,
// parties, route, terms and values. What to show is decided in lib/officer/declaration-view.
import { useFormatter, useTranslations } from 'next-intl';
import { Section, SummaryList } from '../ui/page';
import { Badge } from '../ui/badge';
import { StatusBadge, ChannelBadge } from '../ui/status';
import { formatAmount } from '@/lib/money';
import { totalCustomsValue, transportCosts } from '@/lib/officer/declaration-view';
import type { DeclarationStatus } from '@/lib/declaration/lifecycle';
import type { Channel } from '@/lib/risk/profiles';
import type { Incoterm } from '@/lib/reference/customs';

type Amount = { toString(): string };

export type SummaryDeclaration = {
  status: DeclarationStatus;
  channel: Channel | null;
  regime: string;
  company: { name: string; tin: string; isAuthorisedEconomicOperator: boolean };
  post: { code: string; name: string } | null;
  consignorName: string | null;
  consignorCountry: string | null;
  consignorAddress: string | null;
  consigneeName: string | null;
  consigneeCountry: string | null;
  consigneeAddress: string | null;
  transportMode: string | null;
  transportDocument: string | null;
  dispatchCountry: string | null;
  destinationCountry: string | null;
  incoterm: Incoterm | null;
  invoiceTotal: Amount | null;
  invoiceCurrency: string | null;
  freight: Amount | null;
  insurance: Amount | null;
  registeredAt: Date | null;
  items: readonly { customsValue: Amount | null }[];
};

type Props = {
  declaration: SummaryDeclaration;
  sla: { elapsedMinutes: number; targetMinutes: number | null; isOverdue: boolean; isPaused: boolean };
  traderHistory: { declarations: number; inspections: number; hits: number };
  /** The inspector it is assigned to (null: the post's pool), and whether that is the reader. */
  assignee: { officerNumber: string | null; name: string } | null;
  isAssignedToMe: boolean;
};

export function DeclarationSummary({ declaration: d, sla, traderHistory, assignee, isAssignedToMe }: Props) {
  const t = useTranslations('officer');
  const td = useTranslations('declaration');
  const ts = useTranslations('status');
  const tch = useTranslations('channel');
  const tdr = useTranslations('documentRequests');
  const format = useFormatter();
  const costs = transportCosts(d);
  // Freight and insurance are in the invoice currency; the Incoterm says whether they are added to the customs value.
  const costLine = ({ amount, isAdded }: { amount: string | null; isAdded: boolean | undefined }) =>
    `${amount ? `${formatAmount(amount)} ${d.invoiceCurrency ?? ''}` : '—'}${isAdded === undefined ? '' : ` (${isAdded ? t('addedToValue') : t('inPrice', { incoterm: d.incoterm ?? '' })})`}`;
  const total = totalCustomsValue(d.items);
  return (
    <Section title={td('summary')}>
      <SummaryList
        rows={[
          { label: td('status'), value: <StatusBadge status={d.status} label={ts(d.status)} /> },
          {
            label: td('channel'),
            value: <ChannelBadge channel={d.channel} label={d.channel ? tch(d.channel) : tch('none')} />,
          },
          {
            label: t('sla'),
            value:
              sla.targetMinutes === null ? (
                t('slaNone', { elapsed: sla.elapsedMinutes })
              ) : (
                <span>
                  {t('slaClock', { elapsed: sla.elapsedMinutes, target: sla.targetMinutes })}{' '}
                  {sla.isOverdue ? (
                    <Badge tone="danger">{t('overdue')}</Badge>
                  ) : (
                    <Badge tone="success">{t('onTime')}</Badge>
                  )}{' '}
                  {sla.isPaused ? <Badge tone="info">{tdr('slaPaused')}</Badge> : null}
                </span>
              ),
          },
          {
            label: t('trader'),
            value: `${d.company.name} (TIN ${d.company.tin})${d.company.isAuthorisedEconomicOperator ? ` — ${t('aeo')}` : ''}`,
          },
          { label: t('traderHistory'), value: t('traderHistoryValue', traderHistory) },
          { label: td('regime'), value: d.regime },
          { label: td('post'), value: d.post ? `${d.post.code} ${d.post.name}` : '—' },
          {
            label: t('assignedTo'),
            value: assignee
              ? isAssignedToMe
                ? t('assignedToYou')
                : `${assignee.officerNumber ?? ''} ${assignee.name}`
              : t('pool'),
          },
          {
            label: td('consignorName'),
            value: `${d.consignorName ?? ''} (${d.consignorCountry ?? ''}), ${d.consignorAddress ?? ''}`,
          },
          {
            label: td('consigneeName'),
            value: `${d.consigneeName ?? ''} (${d.consigneeCountry ?? ''}), ${d.consigneeAddress ?? ''}`,
          },
          {
            label: td('transportDocument'),
            value: `${d.transportMode ?? ''} ${d.transportDocument ?? ''} · ${d.dispatchCountry ?? ''} → ${d.destinationCountry ?? ''}`,
          },
          { label: td('incoterm'), value: d.incoterm ?? '—' },
          {
            label: td('invoiceTotal'),
            value: d.invoiceTotal ? `${formatAmount(d.invoiceTotal.toString())} ${d.invoiceCurrency}` : '—',
          },
          { label: t('freight'), value: costLine(costs.freight) },
          { label: t('insurance'), value: costLine(costs.insurance) },
          { label: t('totalCustomsValue'), value: total ? `${formatAmount(total)} UZS` : t('notAssessed') },
          {
            label: td('registered'),
            value: d.registeredAt ? format.dateTime(d.registeredAt, { dateStyle: 'medium', timeStyle: 'short' }) : '—',
          },
        ]}
      />
    </Section>
  );
}
