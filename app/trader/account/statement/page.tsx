import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getStatementPage } from '@/src/server/payments/read';
import { now } from '@/src/server/clock';
import { BackLink, PageHeader, Section, SummaryList } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { SignedAmount } from '@/components/payments/badges';
import { StatementPeriodForm } from '@/components/payments/filters';
import { LedgerMovement, ReceiptLink } from '@/components/payments/ledger';
import { formatAmount } from '@/lib/money';
import { pageCount } from '@/lib/pagination';
import { ZStatementPage, ZStatementPeriod, defaultStatementPeriod } from '@/lib/payments/queries';
import { fieldErrorsOf } from '@/lib/validation';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations('payments');
  const tc = await getTranslations('common');
  const raw = await searchParams;
  const isInvalid =
    (raw.from !== undefined || raw.to !== undefined) &&
    !ZStatementPeriod.safeParse({ from: first(raw.from) ?? '', to: first(raw.to) ?? '' }).success;
  return { title: isInvalid ? `${tc('errorPrefix')} ${t('statement.title')}` : t('statement.title') };
}

export default async function StatementPage({ searchParams }: Props) {
  const actor = await requirePageActor(['TRADER']);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, first(v)]));
  const t = await getTranslations('payments');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const isAsked = raw.from !== undefined || raw.to !== undefined;
  const parsed = isAsked
    ? ZStatementPeriod.safeParse({ from: raw.from ?? '', to: raw.to ?? '' })
    : { success: true as const, data: defaultStatementPeriod(now()) };
  const errors = parsed.success ? [] : fieldErrorsOf(parsed.error);
  const { page } = ZStatementPage.parse(raw);
  const statement = parsed.success ? await getStatementPage({ actor, period: parsed.data, page }) : null;
  const uzs = (v: string) => `${formatAmount(v)} UZS`;
  const query = statement
    ? new URLSearchParams({ from: statement.summary.period.from, to: statement.summary.period.to }).toString()
    : '';
  const pages = statement ? pageCount(statement.summary.count, statement.pageSize) : 1;
  return (
    <>
      <BackLink href="/trader/account">{t('back')}</BackLink>
      <PageHeader title={t('statement.title')} intro={t('statement.intro')} />
      <StatementPeriodForm
        labels={{
          legend: t('statement.period'),
          from: t('statement.from'),
          to: t('statement.to'),
          show: t('statement.show'),
          dateHint: t('dateHint'),
          errorTitle: tc('errorSummaryTitle'),
        }}
        values={{
          from: raw.from ?? statement?.summary.period.from ?? '',
          to: raw.to ?? statement?.summary.period.to ?? '',
        }}
        errors={errors}
      />
      {statement ? (
        <>
          <Section
            title={t('statement.summary', { from: statement.summary.period.from, to: statement.summary.period.to })}
          >
            <SummaryList
              rows={[
                {
                  label: t('statement.opening'),
                  value: <span className="font-mono">{uzs(statement.summary.opening)}</span>,
                },
                {
                  label: t('statement.credits'),
                  value: <span className="font-mono">{uzs(statement.summary.credits)}</span>,
                },
                {
                  label: t('statement.debits'),
                  value: <span className="font-mono">{uzs(statement.summary.debits)}</span>,
                },
                {
                  label: t('statement.closing'),
                  value: <strong className="font-mono">{uzs(statement.summary.closing)}</strong>,
                },
              ]}
            />
            <p className="mt-3 flex flex-wrap gap-4">
              <a href={`/trader/account/statement/csv?${query}`} className="text-blue-800 underline">
                {t('statement.downloadCsv')}
              </a>
              <a
                href={`/trader/account/statement/pdf?${query}`}
                target="_blank"
                rel="noreferrer"
                className="text-blue-800 underline"
              >
                {t('statement.downloadPdf')}
              </a>
            </p>
          </Section>
          <Section title={t('statement.lines')}>
            {statement.rows.length === 0 ? (
              <p>{t('statement.empty')}</p>
            ) : (
              <>
                <Table
                  caption={t('statement.lines')}
                  head={[
                    t('col.date'),
                    t('col.movement'),
                    t('col.reference'),
                    t('col.amount'),
                    t('col.balance'),
                    t('col.receipt'),
                  ]}
                >
                  {statement.rows.map((m) => (
                    <tr key={m.id}>
                      <Td>{format.dateTime(m.at, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
                      <Td>
                        <LedgerMovement kind={m.kind} paymentType={m.paymentType} />
                      </Td>
                      <Td className="font-mono">{m.reference}</Td>
                      <Td>
                        <SignedAmount amount={m.amount} formatted={formatAmount(m.amount)} />
                      </Td>
                      <Td className="font-mono whitespace-nowrap">{formatAmount(m.balanceAfter)}</Td>
                      <Td>
                        <ReceiptLink number={m.receiptNumber} />
                      </Td>
                    </tr>
                  ))}
                </Table>
                <Pagination
                  page={page}
                  pages={pages}
                  hrefFor={(p) => `/trader/account/statement?${query}${p > 1 ? `&page=${p}` : ''}`}
                  labels={{
                    previous: tc('previous'),
                    next: tc('next'),
                    pageOf: tc('pageOf', { page, pages }),
                    navLabel: tc('pagination'),
                  }}
                />
              </>
            )}
          </Section>
        </>
      ) : null}
    </>
  );
}
