// The declaration's record as the officer reads it: documents, payments, inspections and the
// adjustments already decided. Presentational; the data and the view models come in as props.
import { useFormatter, useTranslations } from 'next-intl';
import { Section, SummaryList } from '../ui/page';
import { Table, Td } from '../ui/table';
import { Badge } from '../ui/badge';
import { formatAmount } from '@/lib/money';
import {
  adjustmentBadge,
  adjustmentChange,
  decidedAdjustments,
  inspectionKindKey,
} from '@/lib/officer/declaration-view';
import type { InspectionKind } from '@/lib/officer/decisions';

type Amount = { toString(): string };
const dateTime = { dateStyle: 'medium', timeStyle: 'short' } as const;

export function DocumentsSection({
  documents,
}: {
  documents: readonly {
    id: string;
    type: string;
    number: string;
    date: Date;
    file: { id: string; fileName: string } | null;
  }[];
}) {
  const t = useTranslations('officer');
  const tDoc = useTranslations('documentType');
  const format = useFormatter();
  return (
    <Section title={t('documents')}>
      {documents.length === 0 ? (
        <p>{t('noDocuments')}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-6">
          {documents.map((doc) => (
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
  );
}

export function PaymentsSection({
  payments,
}: {
  payments: { byType: Record<string, string>; paid: string; due: string };
}) {
  const t = useTranslations('officer');
  const tPay = useTranslations('paymentType');
  return (
    <Section title={t('payments')}>
      <SummaryList
        rows={[
          ...(['DUTY', 'EXCISE', 'VAT', 'FEE'] as const).map((type) => ({
            label: tPay(type),
            value: `${formatAmount(payments.byType[type] ?? '0')} UZS`,
          })),
          { label: t('paid'), value: `${formatAmount(payments.paid)} UZS` },
          {
            label: t('due'),
            value:
              payments.due === '0.00' ? (
                <Badge tone="success">{t('settled')}</Badge>
              ) : (
                <Badge tone="warning">{`${formatAmount(payments.due)} UZS`}</Badge>
              ),
          },
        ]}
      />
    </Section>
  );
}

type Inspection = {
  id: string;
  at: Date;
  kind: InspectionKind;
  isHit: boolean;
  isCritical: boolean;
  discrepancyType: string | null;
  findings: string;
};

/** Nothing when no control has been recorded. */
export function InspectionsSection({ inspections }: { inspections: readonly Inspection[] }) {
  const t = useTranslations('officer');
  const tDisc = useTranslations('discrepancy');
  const format = useFormatter();
  if (inspections.length === 0) return null;
  return (
    <Section title={t('inspections')}>
      <Table
        caption={t('inspections')}
        head={[t('inspectionWhen'), t('inspectionKind'), t('inspectionOutcome'), t('findings')]}
      >
        {inspections.map((i) => (
          <tr key={i.id}>
            <Td>{format.dateTime(i.at, dateTime)}</Td>
            <Td>{t(inspectionKindKey(i.kind))}</Td>
            <Td>
              {i.isHit ? (
                <Badge tone="danger">{`${t('hit')}${i.discrepancyType ? ` — ${tDisc(i.discrepancyType)}` : ''}${i.isCritical ? ` (${t('critical')})` : ''}`}</Badge>
              ) : (
                <Badge tone="success">{t('noHit')}</Badge>
              )}
            </Td>
            <Td>{i.findings}</Td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}

type Adjustment = {
  id: string;
  status: string;
  decidedById: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  changes: unknown;
  amountDelta: Amount;
  reason: string;
};

/** The adjustments already decided (a pending one has its own section); nothing when there are none. */
export function AdjustmentsSection({
  adjustments,
  invoiceCurrency,
}: {
  adjustments: readonly Adjustment[];
  invoiceCurrency: string | null;
}) {
  const t = useTranslations('officer');
  const format = useFormatter();
  const decided = decidedAdjustments(adjustments);
  if (decided.length === 0) return null;
  return (
    <Section title={t('adjustmentsTitle')}>
      <Table
        caption={t('adjustmentsTitle')}
        head={[
          t('adjustmentWhen'),
          t('adjustItem'),
          t('adjustmentChange'),
          t('adjustmentDelta'),
          t('adjustmentStatus'),
          t('adjustmentReason'),
        ]}
      >
        {decided.map((a) => {
          const change = adjustmentChange(a.changes);
          const badge = adjustmentBadge(a);
          const parts = [
            change.value
              ? t('adjustmentValueChange', {
                  from: formatAmount(change.value.from),
                  to: formatAmount(change.value.to),
                  currency: invoiceCurrency ?? '',
                })
              : null,
            change.hsCode ? t('adjustmentCodeChange', { from: change.hsCode.from, to: change.hsCode.to }) : null,
          ].filter((x): x is string => x !== null);
          return (
            <tr key={a.id}>
              <Td>{format.dateTime(a.decidedAt ?? a.createdAt, dateTime)}</Td>
              <Td>{change.lineNo}</Td>
              <Td>{parts.join('; ')}</Td>
              <Td>{`${formatAmount(a.amountDelta.toString())} UZS`}</Td>
              <Td>
                <Badge tone={badge.tone}>{t(badge.key)}</Badge>
              </Td>
              <Td>{a.reason}</Td>
            </tr>
          );
        })}
      </Table>
    </Section>
  );
}
