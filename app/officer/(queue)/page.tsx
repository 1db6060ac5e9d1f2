import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listWorkQueue, listPendingAdjustments, getOfficerDutyStatus } from '@/src/server/officer/queue';
import { now } from '@/src/server/clock';
import { PageHeader, Section } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Badge } from '@/components/ui/badge';
import { StatusBadge, ChannelBadge } from '@/components/ui/status';
import { Pagination } from '@/components/ui/pagination';
import { SelectField } from '@/components/ui/field';
import { ActionButton } from '@/components/declaration/item-actions';
import { pageCount } from '@/lib/pagination';
import { formatAmount } from '@/lib/money';
import { ZQueueQuery, QUEUE_POOL, queueQueryParams, type QueueQuery } from '@/lib/officer/queue-query';
import { CHANNELS } from '@/lib/risk/profiles';
import { OPEN_OFFICER_STATUSES } from '@/lib/declaration/lifecycle';
import { setOnDutyAction } from '../declarations/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('officer');
  return { title: t('queueTitle') };
}

export default async function OfficerQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['INSPECTOR', 'SUPERVISOR']);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = ZQueueQuery.parse(raw);
  const t = await getTranslations('officer');
  const ts = await getTranslations('status');
  const tch = await getTranslations('channel');
  const tc = await getTranslations('common');
  const tdr = await getTranslations('documentRequests');
  const format = await getFormatter();
  const [queue, pending, me] = await Promise.all([
    listWorkQueue({ actor, query, now: now() }),
    listPendingAdjustments({ actor }),
    getOfficerDutyStatus({ actor }),
  ]);
  // The use case's query: an inspector filter it did not accept is dropped from links too.
  const shown = queue.query;
  const pages = pageCount(queue.total, queue.pageSize);
  const isSupervisor = actor.role === 'SUPERVISOR';
  const sortLink = (next: QueueQuery['sort'], label: string) => (
    <Link
      href={`/officer${queueQueryParams(shown, { sort: next, page: 1 })}`}
      className="text-blue-800 underline"
      aria-current={query.sort === next ? 'true' : undefined}
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader title={t('queueTitle')} intro={isSupervisor ? t('queueIntroSupervisor') : t('queueIntroInspector')} />
      {actor.role === 'INSPECTOR' ? (
        <p className="mb-6 flex flex-wrap items-center gap-3">
          <span>{t('dutyStatus')}</span>{' '}
          {me?.isOnDuty ? <Badge tone="success">{t('onDuty')}</Badge> : <Badge tone="neutral">{t('offDuty')}</Badge>}
          <ActionButton
            action={setOnDutyAction.bind(null, !me?.isOnDuty)}
            label={me?.isOnDuty ? t('goOffDuty') : t('goOnDuty')}
            busyLabel={t('sending')}
          />
        </p>
      ) : null}
      {isSupervisor && pending.length > 0 ? (
        <Section title={t('approvalsTitle')}>
          <ul className="list-disc space-y-1 pl-6">
            {pending.map((a) => (
              <li key={a.id}>
                <Link href={`/officer/declarations/${a.declaration.id}`} className="font-mono text-blue-800 underline">
                  {a.declaration.registrationNumber}
                </Link>{' '}
                — {t('approvalLine', { delta: formatAmount(a.amountDelta.toString()), reason: a.reason })}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <form method="get" className="mb-6 rounded border border-slate-300 bg-white p-4">
        <fieldset>
          <legend className="mb-3 text-lg font-semibold">{t('filters')}</legend>
          <div className={`grid gap-4 ${isSupervisor ? 'sm:grid-cols-4' : 'sm:grid-cols-3'}`}>
            <SelectField
              id="filter-status"
              name="status"
              label={t('colStatus')}
              placeholder={t('any')}
              options={OPEN_OFFICER_STATUSES.map((s) => ({ value: s, label: ts(s) }))}
              defaultValue={query.status ?? ''}
            />
            <SelectField
              id="filter-channel"
              name="channel"
              label={t('colChannel')}
              placeholder={t('any')}
              options={CHANNELS.map((c) => ({ value: c, label: tch(c) }))}
              defaultValue={query.channel ?? ''}
            />
            <SelectField
              id="filter-overdue"
              name="overdue"
              label={t('slaFilter')}
              placeholder={t('any')}
              options={[{ value: 'yes', label: t('overdueOnly') }]}
              defaultValue={query.overdue ?? ''}
            />
            {isSupervisor ? (
              <SelectField
                id="filter-inspector"
                name="inspector"
                label={t('colInspector')}
                placeholder={t('any')}
                options={[
                  { value: QUEUE_POOL, label: t('pool') },
                  ...queue.inspectors.map((i) => ({ value: i.id, label: `${i.officerNumber ?? ''} ${i.name}`.trim() })),
                ]}
                defaultValue={queue.query.inspector ?? ''}
              />
            ) : null}
          </div>
          {query.sort !== 'registered-asc' ? <input type="hidden" name="sort" value={query.sort} /> : null}
          <div className="mt-4 flex gap-4">
            <button type="submit" className="rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-900">
              {t('applyFilters')}
            </button>
            <a href="/officer" className="self-center text-blue-800 underline">
              {t('clearFilters')}
            </a>
          </div>
        </fieldset>
      </form>
      <p className="mb-2 text-sm">
        {t('sortBy')} {sortLink('registered-asc', t('oldestFirst'))} · {sortLink('registered-desc', t('newestFirst'))} ·{' '}
        {sortLink('channel', t('byChannel'))} · {sortLink('sla', t('mostUrgentFirst'))}
      </p>
      {queue.total === 0 ? (
        <p>{t('emptyQueue')}</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700" role="status">
            {tc('showing', {
              from: (query.page - 1) * queue.pageSize + 1,
              to: (query.page - 1) * queue.pageSize + queue.rows.length,
              total: queue.total,
            })}
          </p>
          <Table
            caption={t('queueTitle')}
            head={[
              t('colNumber'),
              t('colTrader'),
              t('colRegime'),
              t('colChannel'),
              t('colStatus'),
              t('colRegistered'),
              t('colSla'),
              ...(isSupervisor ? [t('colInspector')] : []),
            ]}
          >
            {queue.rows.map((row) => (
              <tr key={row.id}>
                <Td>
                  <Link
                    href={`/officer/declarations/${row.declaration.id}`}
                    className="font-mono text-blue-800 underline"
                  >
                    {row.declaration.registrationNumber}
                  </Link>
                </Td>
                <Td>
                  {row.declaration.company.name}{' '}
                  <span className="text-sm text-slate-600">({row.declaration.company.tin})</span>
                </Td>
                <Td>{row.declaration.regime}</Td>
                <Td>
                  <ChannelBadge
                    channel={row.declaration.channel}
                    label={row.declaration.channel ? tch(row.declaration.channel) : tch('none')}
                  />
                </Td>
                <Td>
                  <StatusBadge status={row.declaration.status} label={ts(row.declaration.status)} />
                </Td>
                <Td>
                  {row.declaration.registeredAt
                    ? format.dateTime(row.declaration.registeredAt, { dateStyle: 'medium', timeStyle: 'short' })
                    : '—'}
                </Td>
                <Td>
                  {row.sla.targetMinutes === null ? (
                    t('slaNone', { elapsed: row.sla.elapsedMinutes })
                  ) : (
                    <span>
                      {t('slaClock', { elapsed: row.sla.elapsedMinutes, target: row.sla.targetMinutes })}{' '}
                      {row.sla.isOverdue ? <Badge tone="danger">{t('overdue')}</Badge> : null}{' '}
                      {row.sla.isPaused ? <Badge tone="info">{tdr('slaPaused')}</Badge> : null}
                    </span>
                  )}
                </Td>
                {isSupervisor ? (
                  <Td>{row.inspector ? `${row.inspector.officerNumber ?? ''} ${row.inspector.name}` : t('pool')}</Td>
                ) : null}
              </tr>
            ))}
          </Table>
          <Pagination
            page={query.page}
            pages={pages}
            hrefFor={(p) => `/officer${queueQueryParams(shown, { page: p })}`}
            labels={{
              previous: tc('previous'),
              next: tc('next'),
              pageOf: tc('pageOf', { page: query.page, pages }),
              navLabel: tc('pagination'),
            }}
          />
        </>
      )}
    </>
  );
}
