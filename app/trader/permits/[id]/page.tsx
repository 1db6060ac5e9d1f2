import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getPermitForTrader } from '@/src/server/permits/held';
import { now } from '@/src/server/clock';
import { PageHeader, Section, SummaryList } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { PermitStateBadge } from '@/components/permits/badges';
import { isAppError } from '@/lib/errors';
import { formatAmount } from '@/lib/money';
import { ZUuidParam } from '@/lib/pagination';
import { serviceDate } from '@/lib/time';
import { permitState } from '@/lib/permits';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('permit.title') };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function TraderPermitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(['TRADER']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  const permit = await getPermitForTrader({ actor, permitId: parsed.data.id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const t = await getTranslations('permits');
  const ts = await getTranslations('status');
  const format = await getFormatter();
  const state = permitState({ status: permit.status, validFrom: day(permit.validFrom), validTo: day(permit.validTo) }, serviceDate(now()));
  return (
    <>
      <p className="mb-4">
        <Link href="/trader/permits" className="text-blue-800 underline">
          {t('backToPermits')}
        </Link>
      </p>
      <PageHeader
        title={t('permit.heading', { number: permit.number })}
        intro={`${permit.permitType.code} — ${permit.permitType.name}, ${permit.permitType.authority.name}`}
        actions={
          <a href={`/trader/permits/${permit.id}/pdf`} target="_blank" rel="noreferrer" className="text-blue-800 underline">
            {t('permit.pdf')}
          </a>
        }
      />
      <p className="mb-4 flex flex-wrap items-center gap-3">
        <span className="font-medium">{t('col.status')}:</span> <PermitStateBadge state={state} label={t(`state.${state}`)} />
      </p>
      <PermitSummary
        rows={[
          { label: t('col.permit'), value: <span className="font-mono">{permit.number}</span> },
          { label: t('col.validity'), value: t('validRange', { from: day(permit.validFrom), to: day(permit.validTo) }) },
          { label: t('col.scope'), value: t(`scope.${permit.permitType.scope}`) },
          { label: t('permit.granted'), value: `${formatAmount(permit.quantity.toString(), 3)} ${permit.unit}` },
          { label: t('col.remaining'), value: `${formatAmount(permit.remainingQuantity.toString(), 3)} ${permit.unit}` },
          { label: t('permit.hsCodes'), value: <span className="font-mono">{permit.hsCodes.join(' ')}</span> },
          { label: t('review.conditions'), value: permit.conditions ?? '—' },
          ...(permit.revokedReason ? [{ label: t('permit.revokedReason'), value: permit.revokedReason }] : []),
          ...(permit.application ? [{ label: t('col.application'), value: <Link href={`/trader/permits/applications/${permit.application.id}`} className="font-mono text-blue-800 underline">{permit.application.number}</Link> }] : []),
        ]}
        title={t('permit.details')}
      />
      <Section title={t('permit.usesTitle')}>
        {permit.links.length === 0 ? (
          <p>{t('permit.noUses')}</p>
        ) : (
          <Table caption={t('permit.usesTitle')} head={[t('permit.declaration'), t('permit.item'), t('permit.declarationStatus'), t('permit.writtenOff')]}>
            {permit.links.map((l) => (
              <tr key={l.id}>
                <Td>
                  <Link href={`/trader/declarations/${l.item.declaration.id}/permits`} className="font-mono text-blue-800 underline">
                    {l.item.declaration.registrationNumber ?? t('permit.draftDeclaration')}
                  </Link>
                </Td>
                <Td>{l.item.lineNo}</Td>
                <Td>{ts(l.item.declaration.status)}</Td>
                <Td>{l.writtenOffAt ? t('permit.writtenOffOn', { quantity: `${formatAmount(l.quantity.toString(), 3)} ${permit.unit}`, date: format.dateTime(l.writtenOffAt, { dateStyle: 'medium' }) }) : t('permit.notYet')}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}

function PermitSummary({ rows, title }: { rows: Array<{ label: string; value: React.ReactNode }>; title: string }) {
  return (
    <Section title={title}>
      <SummaryList rows={rows} />
    </Section>
  );
}
