import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getDeclarationForOfficer } from '@/src/server/officer/queue';
import { isAppError } from '@/lib/errors';
import { ZUuidParam } from '@/lib/pagination';
import { formatAmount } from '@/lib/money';
import { PageHeader, Section, SummaryList } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { StatusBadge, ChannelBadge } from '@/components/ui/status';
import { RequestAmendmentForm } from '@/components/officer/decision-forms';
import { canTransition } from '@/lib/declaration/lifecycle';
import { requestAmendmentAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('officer');
  return { title: t('queueTitle') };
}

export default async function OfficerDeclarationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(['INSPECTOR', 'SUPERVISOR']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  let view;
  try {
    view = await getDeclarationForOfficer({ actor, declarationId: parsed.data.id });
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const { declaration: d, assignment, isAssignedToMe } = view;
  const t = await getTranslations('officer');
  const td = await getTranslations('declaration');
  const ts = await getTranslations('status');
  const tch = await getTranslations('channel');
  const tr = await getTranslations('roles');
  const tq = await getTranslations('nav');
  const format = await getFormatter();
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  return (
    <>
      <p className="mb-4">
        <Link href="/officer" className="text-blue-800 underline">
          {tq('queue')}
        </Link>
      </p>
      <PageHeader
        title={t('declarationTitle', { number: d.registrationNumber ?? '' })}
        actions={
          <a href={`/officer/declarations/${d.id}/pdf`} target="_blank" rel="noreferrer" className="text-blue-800 underline">
            {td('printPdf')}
          </a>
        }
      />
      {!isAssignedToMe && actor.role === 'INSPECTOR' ? <p className="mb-4 border-l-4 border-amber-500 bg-amber-50 p-3">{t('readOnly')}</p> : null}
      <Section title={td('summary')}>
        <SummaryList
          rows={[
            { label: td('status'), value: <StatusBadge status={d.status} label={ts(d.status)} /> },
            { label: td('channel'), value: <ChannelBadge channel={d.channel} label={d.channel ? tch(d.channel) : tch('none')} /> },
            { label: t('trader'), value: `${d.company.name} (TIN ${d.company.tin})` },
            { label: td('regime'), value: d.regime },
            { label: td('post'), value: d.post ? `${d.post.code} ${d.post.name}` : '—' },
            { label: t('assignedTo'), value: assignment?.inspector ? (isAssignedToMe ? t('assignedToYou') : `${assignment.inspector.officerNumber ?? ''} ${assignment.inspector.name}`) : t('pool') },
            { label: td('consignorName'), value: `${d.consignorName ?? ''} (${d.consignorCountry ?? ''}), ${d.consignorAddress ?? ''}` },
            { label: td('consigneeName'), value: `${d.consigneeName ?? ''} (${d.consigneeCountry ?? ''}), ${d.consigneeAddress ?? ''}` },
            { label: td('transportDocument'), value: `${d.transportMode ?? ''} ${d.transportDocument ?? ''}` },
            { label: td('incoterm'), value: d.incoterm ?? '—' },
            { label: td('invoiceTotal'), value: d.invoiceTotal ? `${formatAmount(d.invoiceTotal.toString())} ${d.invoiceCurrency}` : '—' },
            { label: td('registered'), value: when(d.registeredAt) },
          ]}
        />
      </Section>
      <Section title={td('items')}>
        <Table caption={td('items')} head={[td('line'), td('hsCode'), td('description'), td('originCountry'), td('grossMass'), td('netMass'), td('quantity'), td('value')]}>
          {d.items.map((i) => (
            <tr key={i.id}>
              <Td>{i.lineNo}</Td>
              <Td className="font-mono">{i.hsCode}</Td>
              <Td>{i.description}</Td>
              <Td>{i.originCountry}</Td>
              <Td>{i.grossMass.toString()}</Td>
              <Td>{i.netMass.toString()}</Td>
              <Td>{`${i.quantity.toString()} ${i.supplementaryUnit}`}</Td>
              <Td>{formatAmount(i.invoiceValue.toString())}</Td>
            </tr>
          ))}
        </Table>
      </Section>
      {isAssignedToMe && canTransition(d.status, 'AMENDMENT_REQUESTED', 'OFFICER') ? (
        <Section title={t('requestAmendmentTitle')}>
          <RequestAmendmentForm action={requestAmendmentAction.bind(null, d.id, d.version)} />
        </Section>
      ) : null}
      <Section title={td('timeline')}>
        <Table caption={td('timeline')} head={[td('timelineWhen'), td('timelineWhat'), td('timelineWho')]}>
          {d.events.map((e) => (
            <tr key={e.id.toString()}>
              <Td>{when(e.at)}</Td>
              <Td>
                {ts(e.toStatus)}
                {e.reason ? <span className="block text-sm text-slate-700">{e.reason}</span> : null}
              </Td>
              <Td>{tr(e.actorRole as 'TRADER')}</Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
