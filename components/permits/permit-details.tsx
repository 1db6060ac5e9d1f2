// One issued permit, as its holder (the trader) and its authority (the agency) read it: its state,
// its details and the declarations that draw on it. The page loads the permit and says where the
// links go and which rows only its reader sees; anything after the uses (a form) comes as children.
import type { ReactNode } from 'react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { BackLink, PageHeader, Section, SummaryList } from '../ui/page';
import { Table, Td } from '../ui/table';
import { PermitStateBadge } from './badges';
import { formatAmount } from '@/lib/money';
import { dateColumnDay } from '@/lib/time';
import { permitState, type PermitStatus } from '@/lib/permits';

type Amount = { toString(): string };
type Row = { label: string; value: ReactNode };

export type PermitDetailsData = {
  id: string;
  number: string;
  direction: 'IMPORT' | 'EXPORT' | 'TRANSIT';
  status: PermitStatus;
  validFrom: Date;
  validTo: Date;
  quantity: Amount;
  remainingQuantity: Amount;
  unit: string;
  hsCodes: readonly string[];
  conditions: string | null;
  revokedReason: string | null;
  application: { id: string; number: string | null } | null;
  links: ReadonlyArray<{
    id: string;
    quantity: Amount;
    writtenOffAt: Date | null;
    item: { lineNo: number; declaration: { id?: string; registrationNumber: string | null; status: string } };
  }>;
};

export function PermitDetails({
  permit,
  today,
  back,
  intro,
  pdfHref,
  firstRows,
  scope,
  applicationHref,
  declarationHref,
  children,
}: {
  permit: PermitDetailsData;
  /** The service's calendar date (YYYY-MM-DD): the permit's state depends on it. */
  today: string;
  back: { href: string; label: string };
  intro: string;
  pdfHref: string;
  /** The rows before the validity: who holds it (for the authority) or its number (for the holder). */
  firstRows: Row[];
  /** The permit type's scope, already translated; the row is left out without it. */
  scope?: string;
  applicationHref: (applicationId: string) => string;
  /** Where a declaration that uses the permit opens; without it the number is plain text. */
  declarationHref?: (declarationId: string) => string;
  children?: ReactNode;
}) {
  const t = useTranslations('permits');
  const ts = useTranslations('status');
  const format = useFormatter();
  const validFrom = dateColumnDay(permit.validFrom);
  const validTo = dateColumnDay(permit.validTo);
  const state = permitState({ status: permit.status, validFrom, validTo }, today);
  const amount = (quantity: Amount) => `${formatAmount(quantity.toString(), 3)} ${permit.unit}`;
  return (
    <>
      <BackLink href={back.href}>{back.label}</BackLink>
      <PageHeader
        title={t('permit.heading', { number: permit.number })}
        intro={intro}
        actions={
          <a href={pdfHref} target="_blank" rel="noreferrer" className="text-blue-800 underline">
            {t('permit.pdf')}
          </a>
        }
      />
      <p className="mb-4 flex flex-wrap items-center gap-3">
        <span className="font-medium">{t('col.status')}:</span>{' '}
        <PermitStateBadge state={state} label={t(`state.${state}`)} />
      </p>
      <Section title={t('permit.details')}>
        <SummaryList
          rows={[
            ...firstRows,
            { label: t('col.direction'), value: t(`direction.${permit.direction}`) },
            { label: t('col.validity'), value: t('validRange', { from: validFrom, to: validTo }) },
            ...(scope !== undefined ? [{ label: t('col.scope'), value: scope }] : []),
            { label: t('permit.granted'), value: amount(permit.quantity) },
            { label: t('col.remaining'), value: amount(permit.remainingQuantity) },
            { label: t('permit.hsCodes'), value: <span className="font-mono">{permit.hsCodes.join(' ')}</span> },
            { label: t('permit.conditions'), value: permit.conditions ?? '—' },
            ...(permit.revokedReason ? [{ label: t('permit.revokedReason'), value: permit.revokedReason }] : []),
            ...(permit.application
              ? [
                  {
                    label: t('col.application'),
                    value: (
                      <Link href={applicationHref(permit.application.id)} className="font-mono text-blue-800 underline">
                        {permit.application.number}
                      </Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Section>
      <Section title={t('permit.usesTitle')}>
        {permit.links.length === 0 ? (
          <p>{t('permit.noUses')}</p>
        ) : (
          <Table
            caption={t('permit.usesTitle')}
            head={[t('permit.declaration'), t('permit.item'), t('permit.declarationStatus'), t('permit.writtenOff')]}
          >
            {permit.links.map((l) => {
              const { id, registrationNumber, status } = l.item.declaration;
              const number = registrationNumber ?? t('permit.draftDeclaration');
              return (
                <tr key={l.id}>
                  {declarationHref && id ? (
                    <Td>
                      <Link href={declarationHref(id)} className="font-mono text-blue-800 underline">
                        {number}
                      </Link>
                    </Td>
                  ) : (
                    <Td className="font-mono">{number}</Td>
                  )}
                  <Td>{l.item.lineNo}</Td>
                  <Td>{ts(status)}</Td>
                  <Td>
                    {l.writtenOffAt
                      ? t('permit.writtenOffOn', {
                          quantity: amount(l.quantity),
                          date: format.dateTime(l.writtenOffAt, { dateStyle: 'medium' }),
                        })
                      : t('permit.notYet')}
                  </Td>
                </tr>
              );
            })}
          </Table>
        )}
      </Section>
      {children}
    </>
  );
}
