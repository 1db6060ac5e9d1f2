// The account's declarations list as CSV (the export of the filtered list): one row per declaration,
// the status in words (as the page shows it, from the `status` catalogue the caller passes), moments
// in Tashkent time with their offset, amounts as plain decimals.
import { serviceIsoMoment } from '../time';
import type { DeclarationStatus } from './lifecycle';

export const DECLARATIONS_CSV_HEADER = [
  'registration_number',
  'status',
  'regime',
  'post',
  'items',
  'invoice_currency',
  'invoice_total',
  'created_at',
  'registered_at',
  'released_at',
] as const;

export type DeclarationsCsvSource = {
  registrationNumber: string | null;
  status: DeclarationStatus;
  regime: string;
  post: { code: string } | null;
  _count: { items: number };
  invoiceCurrency: string | null;
  invoiceTotal: { toFixed(n: number): string } | null;
  createdAt: Date;
  registeredAt: Date | null;
  releasedAt: Date | null;
};

const moment = (at: Date | null) => (at ? serviceIsoMoment(at) : '');

export function declarationCsvRow(
  d: DeclarationsCsvSource,
  statusLabel: (status: DeclarationStatus) => string,
): Array<string | number | null | undefined> {
  return [
    d.registrationNumber,
    statusLabel(d.status),
    d.regime,
    d.post?.code,
    d._count.items,
    d.invoiceCurrency,
    d.invoiceTotal?.toFixed(2),
    moment(d.createdAt),
    moment(d.registeredAt),
    moment(d.releasedAt),
  ];
}
