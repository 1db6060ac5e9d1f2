// The statement of a personal account as CSV: the opening balance, every line with its running
// balance, then the closing balance with the period's debits and credits. Summary and lines come
// from one snapshot (exportStatement), so the closing line is always the opening plus the lines.
// Moments are Tashkent time with their offset (the opening and closing rows too); movements and
// payment types are in words, as on the statement page (the `payments` catalogue).
import type { StatementPeriod } from '@/lib/payments/queries';
import { csvLine } from '@/lib/csv';
import { serviceIsoMoment, startOfServiceDate } from '@/lib/time';
import type { Actor } from '../actor';
import type { Translate } from '../documents/pdf';
import { exportStatement, MAX_EXPORT_LINES } from './read';

export const STATEMENT_CSV_HEADER = [
  'date_time',
  'kind',
  'payment_type',
  'reference',
  'receipt_number',
  'debit',
  'credit',
  'balance',
] as const;

/**
 * The trader's statement for a period, as CSV text (refused past `max` lines: choose a shorter period).
 * `t` reads the `payments` catalogue.
 */
export async function statementCsv(args: {
  actor: Actor;
  period: StatementPeriod;
  t: Translate;
  max?: number;
}): Promise<{ text: string; filename: string }> {
  const { period, t } = args;
  const { summary, lines } = await exportStatement({ actor: args.actor, period, max: args.max ?? MAX_EXPORT_LINES });
  // The period's first moment, and its last second.
  const opensAt = serviceIsoMoment(startOfServiceDate(period.from));
  const closesAt = serviceIsoMoment(new Date(startOfServiceDate(period.to).getTime() + 86_400_000 - 1000));
  const out: string[] = [
    csvLine(STATEMENT_CSV_HEADER),
    csvLine([opensAt, t('statement.opening'), '', '', '', '', '', summary.opening]),
  ];
  for (const l of lines) {
    const isDebit = l.amount.startsWith('-');
    out.push(
      csvLine([
        serviceIsoMoment(l.at),
        t(`kind.${l.kind}`),
        l.paymentType ? t(`paymentTypeShort.${l.paymentType}`) : '',
        l.reference,
        l.receiptNumber,
        isDebit ? l.amount.slice(1) : '',
        isDebit ? '' : l.amount,
        l.balanceAfter,
      ]),
    );
  }
  out.push(csvLine([closesAt, t('statement.closing'), '', '', '', summary.debits, summary.credits, summary.closing]));
  return { text: out.join(''), filename: `statement-${period.from}-${period.to}.csv` };
}
