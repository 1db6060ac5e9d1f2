import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getPostClearanceAudit } from '@/src/server/audits/post-clearance';
import { BackLink, PageHeader, Section, SummaryList } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Badge } from '@/components/ui/badge';
import { PostClearanceAuditForm } from '@/components/audits/audit-form';
import { formatAmount } from '@/lib/money';
import { ZUuidParam } from '@/lib/pagination';
import { isAppError } from '@/lib/errors';
import { recordPostClearanceAuditAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audits');
  return { title: t('title') };
}

export default async function PostClearanceAuditPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(['INSPECTOR', 'SUPERVISOR']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  const d = await getPostClearanceAudit({ actor, declarationId: parsed.data.id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const t = await getTranslations('audits');
  const tDoc = await getTranslations('documentType');
  const td = await getTranslations('discrepancy');
  const format = await getFormatter();
  const when = (at: Date | null) => (at ? format.dateTime(at, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  return (
    <>
      <BackLink href={`/officer/audits${d.audit ? '?filter=DONE' : ''}`}>{t('back')}</BackLink>
      <PageHeader title={t('auditTitle', { number: d.registrationNumber ?? '' })} />
      <Section title={t('declaration')}>
        <SummaryList
          rows={[
            { label: t('colTrader'), value: `${d.company.name} (${d.company.tin})` },
            { label: t('colRegime'), value: d.regime },
            { label: t('registered'), value: when(d.registeredAt) },
            { label: t('released'), value: when(d.releasedAt) },
            {
              label: t('invoiceTotal'),
              value: d.invoiceTotal ? `${formatAmount(d.invoiceTotal.toFixed(2))} ${d.invoiceCurrency ?? ''}` : '—',
            },
            { label: t('paid'), value: `${formatAmount(d.paidTotal)} UZS` },
          ]}
        />
      </Section>
      <Section title={t('items')}>
        <Table
          caption={t('items')}
          head={[
            t('colLine'),
            t('colHsCode'),
            t('colDescription'),
            t('colOrigin'),
            t('colNetMass'),
            t('colQuantity'),
            t('colInvoiceValue'),
            t('colCustomsValue'),
          ]}
        >
          {d.items.map((i) => (
            <tr key={i.lineNo}>
              <Td>{i.lineNo}</Td>
              <Td className="font-mono">{i.hsCode}</Td>
              <Td>{i.description}</Td>
              <Td>{i.originCountry}</Td>
              <Td className="font-mono">{formatAmount(i.netMass.toFixed(3), 3)}</Td>
              <Td className="font-mono">{`${formatAmount(i.quantity.toFixed(3), 3)} ${i.supplementaryUnit}`}</Td>
              <Td className="font-mono">{`${formatAmount(i.invoiceValue.toFixed(2))} ${d.invoiceCurrency ?? ''}`}</Td>
              <Td className="font-mono">{i.customsValue ? formatAmount(i.customsValue.toFixed(2)) : '—'}</Td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section title={t('documents')}>
        <ul className="list-disc space-y-1 pl-6">
          {d.documents.map((doc) => (
            <li key={doc.id}>
              {`${tDoc(doc.type)} ${doc.number}, ${format.dateTime(doc.date, { dateStyle: 'medium', timeZone: 'UTC' })}`}{' '}
              {doc.file ? (
                <a href={`/files/${doc.file.id}`} target="_blank" rel="noreferrer" className="text-blue-800 underline">
                  {t('open', { number: doc.file.fileName })}
                </a>
              ) : (
                <span className="text-slate-600">({t('noFile')})</span>
              )}
            </li>
          ))}
        </ul>
      </Section>
      {d.audit ? (
        <Section title={t('result')}>
          <SummaryList
            rows={[
              {
                label: t('outcome'),
                value: d.audit.isHit ? (
                  <Badge tone="danger">{t('outcomeHit')}</Badge>
                ) : (
                  <Badge tone="success">{t('outcomeClean')}</Badge>
                ),
              },
              ...(d.audit.discrepancyType ? [{ label: t('discrepancyType'), value: td(d.audit.discrepancyType) }] : []),
              { label: t('critical'), value: d.audit.isCritical ? t('yes') : t('no') },
              { label: t('additionalRevenue'), value: `${formatAmount(d.audit.additionalRevenue.toFixed(2))} UZS` },
              { label: t('findings'), value: d.audit.findings },
              { label: t('recordedAt'), value: when(d.audit.at) },
            ]}
          />
        </Section>
      ) : (
        <Section title={t('recordTitle')}>
          <PostClearanceAuditForm action={recordPostClearanceAuditAction.bind(null, d.id)} />
        </Section>
      )}
    </>
  );
}
