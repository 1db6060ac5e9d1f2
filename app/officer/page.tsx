import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listWorkQueue } from '@/src/server/officer/queue';
import { PageHeader } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { StatusBadge, ChannelBadge } from '@/components/ui/status';
import { Pagination } from '@/components/ui/pagination';
import { ZPageQuery, pageCount } from '@/lib/pagination';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('officer');
  return { title: t('queueTitle') };
}

export default async function OfficerQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor(['INSPECTOR', 'SUPERVISOR']);
  const { page } = ZPageQuery.parse(await searchParams);
  const t = await getTranslations('officer');
  const ts = await getTranslations('status');
  const tch = await getTranslations('channel');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const queue = await listWorkQueue({ actor, page });
  const pages = pageCount(queue.total, queue.pageSize);
  const isSupervisor = actor.role === 'SUPERVISOR';
  return (
    <>
      <PageHeader title={t('queueTitle')} intro={isSupervisor ? t('queueIntroSupervisor') : t('queueIntroInspector')} />
      {queue.total === 0 ? (
        <p>{t('emptyQueue')}</p>
      ) : (
        <>
          <Table
            caption={t('queueTitle')}
            head={[t('colNumber'), t('colTrader'), t('colRegime'), t('colChannel'), t('colStatus'), t('colRegistered'), ...(isSupervisor ? [t('colInspector')] : [])]}
          >
            {queue.rows.map((row) => (
              <tr key={row.id}>
                <Td>
                  <Link href={`/officer/declarations/${row.declaration.id}`} className="font-mono text-blue-800 underline">
                    {row.declaration.registrationNumber}
                  </Link>
                </Td>
                <Td>
                  {row.declaration.company.name} <span className="text-sm text-slate-600">({row.declaration.company.tin})</span>
                </Td>
                <Td>{row.declaration.regime}</Td>
                <Td>
                  <ChannelBadge channel={row.declaration.channel} label={row.declaration.channel ? tch(row.declaration.channel) : tch('none')} />
                </Td>
                <Td>
                  <StatusBadge status={row.declaration.status} label={ts(row.declaration.status)} />
                </Td>
                <Td>{row.declaration.registeredAt ? format.dateTime(row.declaration.registeredAt, { dateStyle: 'medium', timeStyle: 'short' }) : '—'}</Td>
                {isSupervisor ? <Td>{row.inspector ? `${row.inspector.officerNumber ?? ''} ${row.inspector.name}` : t('pool')}</Td> : null}
              </tr>
            ))}
          </Table>
          <Pagination page={page} pages={pages} hrefFor={(p) => `/officer?page=${p}`} labels={{ previous: tc('previous'), next: tc('next'), pageOf: tc('pageOf', { page, pages }), navLabel: tc('pagination') }} />
        </>
      )}
    </>
  );
}
