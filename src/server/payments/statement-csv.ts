// The statement of a personal account as CSV: the opening balance, every line with its running
// balance, then the closing balance with the period's debits and credits. Summary and lines come
// from one snapshot (exportStatement), so the closing line is always the opening plus the lines.
import type { StatementPeriod } from '@/lib/payments/queries';
import { csvLine } from '@/lib/csv';
import type { Actor } from '../actor';
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

/** The trader's statement for a period, as CSV text (refused past `max` lines: choose a shorter period). */
export async function statementCsv(args: {
  actor: Actor;
  period: StatementPeriod;
  max?: number;
}): Promise<{ text: string; filename: string }> {
  const { period } = args;
  const { summary, lines } = await exportStatement({ actor: args.actor, period, max: args.max ?? MAX_EXPORT_LINES });
  const out: string[] = [
    csvLine(STATEMENT_CSV_HEADER),
    csvLine([`${period.from}T00:00:00+05:00`, 'OPENING_BALANCE', '', '', '', '', '', summary.opening]),
  ];
  for (const l of lines) {
    const isDebit = l.amount.startsWith('-');
    out.push(
      csvLine([
        l.at.toISOString(),
        l.kind,
        l.paymentType,
        l.reference,
        l.receiptNumber,
        isDebit ? l.amount.slice(1) : '',
        isDebit ? '' : l.amount,
        l.balanceAfter,
      ]),
    );
  }
  out.push(
    csvLine([
      `${period.to}T23:59:59+05:00`,
      'CLOSING_BALANCE',
      '',
      '',
      '',
      summary.debits,
      summary.credits,
      summary.closing,
    ]),
  );
  return { text: out.join(''), filename: `statement-${period.from}-${period.to}.csv` };
}
