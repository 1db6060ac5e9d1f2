// Parts of a permit application that the trader and the authority both read: its products, its
// document checklist and attached files, and the permit issued on it. The page loads the
// application; a column of actions (the trader's "remove" buttons) comes in from the page.
import type { ReactNode } from 'react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { Section, SummaryList } from '../ui/page';
import { Table, Td } from '../ui/table';
import { Badge } from '../ui/badge';
import { formatAmount } from '@/lib/money';
import { dateColumnDay } from '@/lib/time';

type Amount = { toString(): string };
/** An extra last column: its heading and its cell for each row. */
type ActionsColumn<T> = { label: string; cell: (row: T) => ReactNode };

export type ApplicationProduct = {
  id: string;
  hsCode: string;
  description: string;
  quantity: Amount;
  unit: string;
  country: string;
};

export function ApplicationProductsTable({
  products,
  countryLabel,
  actions,
}: {
  products: readonly ApplicationProduct[];
  countryLabel: string;
  actions?: ActionsColumn<ApplicationProduct>;
}) {
  const t = useTranslations('permits');
  return (
    <Table
      caption={t('application.productsTitle')}
      head={[
        t('application.hsCode'),
        t('application.description'),
        t('application.quantity'),
        countryLabel,
        ...(actions ? [actions.label] : []),
      ]}
    >
      {products.map((p) => (
        <tr key={p.id}>
          <Td className="font-mono">{p.hsCode}</Td>
          <Td>{p.description}</Td>
          <Td>{`${formatAmount(p.quantity.toString(), 3)} ${p.unit}`}</Td>
          <Td>{p.country}</Td>
          {actions ? <Td>{actions.cell(p)}</Td> : null}
        </tr>
      ))}
    </Table>
  );
}

/** Each document the permit type requires, marked attached or missing (text and colour). */
export function DocumentChecklist({ required, missing }: { required: readonly string[]; missing: readonly string[] }) {
  const t = useTranslations('permits');
  return (
    <ul className="mb-4 space-y-1" aria-label={t('application.checklist')}>
      {required.map((name) => {
        const isMissing = missing.includes(name);
        return (
          <li key={name} className="flex flex-wrap items-center gap-2">
            <Badge tone={isMissing ? 'warning' : 'success'}>
              {isMissing ? t('application.missingDocument') : t('application.attached')}
            </Badge>{' '}
            {name}
          </li>
        );
      })}
    </ul>
  );
}

export type ApplicationDocument = { id: string; type: string; createdAt: Date; file: { id: string; fileName: string } };

export function ApplicationDocumentsTable({
  documents,
  actions,
}: {
  documents: readonly ApplicationDocument[];
  actions?: ActionsColumn<ApplicationDocument>;
}) {
  const t = useTranslations('permits');
  const format = useFormatter();
  return (
    <Table
      caption={t('application.documentsTitle')}
      head={[
        t('application.documentType'),
        t('application.file'),
        t('application.added'),
        ...(actions ? [actions.label] : []),
      ]}
    >
      {documents.map((d) => (
        <tr key={d.id}>
          <Td>{d.type}</Td>
          <Td>
            <a
              href={`/api/permits/files/${d.file.id}`}
              target="_blank"
              rel="noreferrer"
              className="text-blue-800 underline"
            >
              {t('openFile', { name: d.file.fileName })}
            </a>
          </Td>
          <Td>{format.dateTime(d.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
          {actions ? <Td>{actions.cell(d)}</Td> : null}
        </tr>
      ))}
    </Table>
  );
}

export type IssuedPermit = {
  id: string;
  number: string;
  validFrom: Date;
  validTo: Date;
  quantity: Amount;
  remainingQuantity: Amount;
  unit: string;
};

/** The permit issued on the application: number (a link), validity and what is left; `lastRow` is the reader's own. */
export function IssuedPermitSummary({
  permit,
  href,
  lastRow,
}: {
  permit: IssuedPermit;
  href: string;
  lastRow: { label: string; value: ReactNode };
}) {
  const t = useTranslations('permits');
  return (
    <Section title={t('application.permitTitle')}>
      <SummaryList
        rows={[
          {
            label: t('col.permit'),
            value: (
              <Link href={href} className="font-mono text-blue-800 underline">
                {permit.number}
              </Link>
            ),
          },
          {
            label: t('col.validity'),
            value: t('validRange', { from: dateColumnDay(permit.validFrom), to: dateColumnDay(permit.validTo) }),
          },
          {
            label: t('col.remaining'),
            value: t('remainingOf', {
              remaining: formatAmount(permit.remainingQuantity.toString(), 3),
              quantity: formatAmount(permit.quantity.toString(), 3),
              unit: permit.unit,
            }),
          },
          lastRow,
        ]}
      />
    </Section>
  );
}
