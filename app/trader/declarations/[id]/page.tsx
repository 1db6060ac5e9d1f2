import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getDeclarationForTrader } from '@/src/server/declarations/read';
import { isAppError } from '@/lib/errors';
import { ZUuidParam } from '@/lib/pagination';
import { formatAmount } from '@/lib/money';
import { PageHeader, Section, SummaryList } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { StatusBadge } from '@/components/ui/status';
import { SubmitDeclaration } from '@/components/declaration/submit-declaration';
import { submitDeclarationAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('declaration');
  return { title: t('draftTitle') };
}

async function load(id: string) {
  const actor = await requirePageActor(['TRADER']);
  const parsed = ZUuidParam.safeParse({ id });
  if (!parsed.success) notFound();
  try {
    return await getDeclarationForTrader({ actor, declarationId: parsed.data.id });
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

export default async function TraderDeclarationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const d = await load(id);
  const t = await getTranslations('declaration');
  const ts = await getTranslations('status');
  const tr = await getTranslations('roles');
  const format = await getFormatter();
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  return (
    <>
      <p className="mb-4">
        <Link href="/trader" className="text-blue-800 underline">
          {t('back')}
        </Link>
      </p>
      <PageHeader title={d.registrationNumber ? t('viewTitle', { number: d.registrationNumber }) : t('draftTitle')} />
      <Section title={t('summary')}>
        <SummaryList
          rows={[
            { label: t('status'), value: <StatusBadge status={d.status} label={ts(d.status)} /> },
            { label: t('registrationNumber'), value: <span className="font-mono">{d.registrationNumber ?? '—'}</span> },
            { label: t('regime'), value: d.regime },
            { label: t('post'), value: d.post ? `${d.post.code} ${d.post.name}` : '—' },
            { label: t('consignorName'), value: `${d.consignorName ?? ''} (${d.consignorCountry ?? ''})` },
            { label: t('consigneeName'), value: `${d.consigneeName ?? ''} (${d.consigneeCountry ?? ''})` },
            { label: t('invoiceTotal'), value: d.invoiceTotal ? `${formatAmount(d.invoiceTotal.toString())} ${d.invoiceCurrency}` : '—' },
            { label: t('created'), value: when(d.createdAt) },
            { label: t('registered'), value: when(d.registeredAt) },
          ]}
        />
      </Section>
      <Section title={t('items')}>
        <Table caption={t('items')} head={[t('line'), t('hsCode'), t('description'), t('originCountry'), t('netMass'), t('value')]}>
          {d.items.map((i) => (
            <tr key={i.id}>
              <Td>{i.lineNo}</Td>
              <Td className="font-mono">{i.hsCode}</Td>
              <Td>{i.description}</Td>
              <Td>{i.originCountry}</Td>
              <Td>{i.netMass.toString()}</Td>
              <Td>{formatAmount(i.invoiceValue.toString())}</Td>
            </tr>
          ))}
        </Table>
      </Section>
      {d.status === 'DRAFT' ? (
        <Section title={t('submitTitle')}>
          <p className="mb-4">{t('submitIntro')}</p>
          <SubmitDeclaration submit={submitDeclarationAction.bind(null, d.id)} />
        </Section>
      ) : null}
      <Section title={t('timeline')}>
        <Table caption={t('timeline')} head={[t('timelineWhen'), t('timelineWhat'), t('timelineWho')]}>
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
