import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { listCompanyDeclarations } from '@/src/server/declarations/read';
import { listActivePosts } from '@/src/server/reference/posts';
import { getOwnCompany } from '@/src/server/companies/own-company';
import { PageHeader } from '@/components/ui/page';
import { LinkButton } from '@/components/ui/link-button';
import { Table, Td, type Column } from '@/components/ui/table';
import { StatusBadge } from '@/components/ui/status';
import { Pagination } from '@/components/ui/pagination';
import { ListFilters } from '@/components/declaration/list-filters';
import { DeleteDraft } from '@/components/declaration/delete-draft';
import { deleteDraftAction } from './declarations/draft-actions';
import { formatAmount } from '@/lib/money';
import { ZDraftDeletedNotice, goodsSummary } from '@/lib/declaration/drafts';
import { pageCount } from '@/lib/pagination';
import {
  DEFAULT_SORT,
  listQueryParams,
  parseDeclarationListQuery,
  type DeclarationSort,
} from '@/lib/declaration/list-query';
import { DECLARATION_STATUSES } from '@/lib/declaration/lifecycle';
import { REGIMES } from '@/lib/reference/customs';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const firstValues = async (searchParams: SearchParams) =>
  Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const t = await getTranslations('trader');
  const tc = await getTranslations('common');
  const { fieldErrors } = parseDeclarationListQuery(await firstValues(searchParams));
  return { title: fieldErrors.length ? `${tc('errorPrefix')} ${t('accountTitle')}` : t('accountTitle') };
}

export default async function TraderHome({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor(['TRADER']);
  const raw = await firstValues(searchParams);
  // Bad parameters are left out of the list and named beside their fields, showing what was typed.
  const { query, fieldErrors } = parseDeclarationListQuery(raw);
  const { deleted } = ZDraftDeletedNotice.parse(raw);
  const shown = (key: 'status' | 'regime' | 'post' | 'from' | 'to' | 'number') =>
    fieldErrors.some((e) => e.path === key) ? raw[key] : query[key];
  const t = await getTranslations('trader');
  const ts = await getTranslations('status');
  const tc = await getTranslations('common');
  const tRegime = await getTranslations('regime');
  const td = await getTranslations('drafts');
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  const [company, list, posts] = await Promise.all([
    getOwnCompany({ actor }),
    listCompanyDeclarations({ actor, query }),
    listActivePosts(),
  ]);
  const pages = pageCount(list.total, list.pageSize);
  const from = list.total === 0 ? 0 : (query.page - 1) * list.pageSize + 1;
  // A sortable column's header: a link that sorts by it; aria-sort sits on the <th> (an <a> cannot carry it).
  const sortable = (column: 'number' | 'created' | 'registered', label: string): Column => {
    const isAsc = query.sort === `${column}-asc`;
    const isDesc = query.sort === `${column}-desc`;
    const next: DeclarationSort = isDesc ? `${column}-asc` : `${column}-desc`;
    return {
      sort: isAsc ? 'ascending' : isDesc ? 'descending' : undefined,
      label: (
        <Link href={`/trader${listQueryParams(query, { sort: next, page: 1 })}`} className="text-blue-800 underline">
          {label}
          <span aria-hidden="true">{isAsc ? ' ▲' : isDesc ? ' ▼' : ''}</span>
          <span className="sr-only">
            {isAsc ? t('sortedAscending') : isDesc ? t('sortedDescending') : t('sortable')}
          </span>
        </Link>
      ),
    };
  };
  const columns: Column[] = [
    sortable('number', t('colNumber')),
    { label: t('colRegime') },
    { label: t('colPost') },
    { label: td('colConsignor') },
    { label: td('colGoods') },
    { label: td('colTotal') },
    { label: t('colStatus') },
    sortable('created', t('colCreated')),
    { label: td('colChanged') },
    sortable('registered', t('colRegistered')),
    { label: td('colActions') },
  ];
  return (
    <>
      <PageHeader
        title={t('accountTitle')}
        intro={t('accountIntro', { company: company.name })}
        actions={<LinkButton href="/trader/declarations/new">{t('newDeclaration')}</LinkButton>}
      />
      {deleted ? (
        <p role="status" className="mb-6 border-l-4 border-emerald-600 bg-emerald-50 p-3">
          {td('deletedNotice')}
        </p>
      ) : null}
      <ListFilters
        labels={{
          legend: t('filters'),
          note: t('dateFilterNote'),
          status: t('colStatus'),
          regime: t('colRegime'),
          post: t('colPost'),
          from: t('registeredFrom'),
          to: t('registeredTo'),
          number: t('colNumber'),
          any: t('any'),
          apply: t('applyFilters'),
          clear: t('clearFilters'),
          dateHint: t('dateHint'),
          errorTitle: t('filterProblemsTitle'),
        }}
        values={{
          status: shown('status'),
          regime: shown('regime'),
          post: shown('post'),
          from: shown('from'),
          to: shown('to'),
          number: shown('number'),
          sort: query.sort === DEFAULT_SORT ? undefined : query.sort,
        }}
        errors={fieldErrors}
        statuses={DECLARATION_STATUSES.map((s) => ({ value: s, label: ts(s) }))}
        regimes={REGIMES.map((r) => ({ value: r, label: tRegime(r) }))}
        posts={posts.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
        clearHref="/trader"
      />
      <div className="mb-2 flex flex-wrap items-center justify-between gap-4">
        <h2 id="declarations-heading" tabIndex={-1} className="text-xl font-semibold">
          {t('declarationsHeading')}
        </h2>
        <a
          href={`/trader/declarations/export${listQueryParams({ ...query, page: 1 })}`}
          className="text-blue-800 underline"
        >
          {t('exportCsv')}
        </a>
      </div>
      {list.total === 0 ? (
        <p>{t('noDeclarations')}</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700" role="status">
            {tc('showing', { from, to: from + list.rows.length - 1, total: list.total })}
          </p>
          <Table caption={t('declarationsHeading')} head={columns}>
            {list.rows.map((d) => {
              const goods = goodsSummary(d.items, d._count.items);
              const consignor = d.consignorName
                ? `${d.consignorName}${d.consignorCountry ? ` (${d.consignorCountry})` : ''}`
                : null;
              const draftName = td('draftName', {
                consignor: d.consignorName ?? td('noConsignor'),
                created: when(d.createdAt),
              });
              return (
                <tr key={d.id}>
                  <Td>
                    <Link
                      href={
                        d.status === 'DRAFT' ? `/trader/declarations/${d.id}/check` : `/trader/declarations/${d.id}`
                      }
                      className="font-mono text-blue-800 underline"
                      aria-label={d.registrationNumber ? undefined : `${t('draftLabel')}: ${draftName}`}
                    >
                      {d.registrationNumber ?? t('draftLabel')}
                    </Link>
                  </Td>
                  <Td>{d.regime}</Td>
                  <Td>{d.post ? `${d.post.code} ${d.post.name}` : '—'}</Td>
                  <Td>{consignor ?? '—'}</Td>
                  <Td>
                    {goods.first ? (
                      <>
                        <span className="block">{goods.first.description}</span>
                        <span className="block font-mono text-sm text-slate-700">{goods.first.hsCode}</span>
                        {goods.more > 0 ? (
                          <span className="block text-sm text-slate-700">{td('moreItems', { count: goods.more })}</span>
                        ) : null}
                      </>
                    ) : (
                      td('noItems')
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {d.invoiceTotal ? `${formatAmount(d.invoiceTotal.toString())} ${d.invoiceCurrency ?? ''}` : '—'}
                  </Td>
                  <Td>
                    <StatusBadge status={d.status} label={ts(d.status)} />
                  </Td>
                  <Td>{when(d.createdAt)}</Td>
                  <Td>{when(d.updatedAt)}</Td>
                  <Td>{d.registeredAt ? when(d.registeredAt) : '—'}</Td>
                  <Td>
                    {d.status === 'DRAFT' ? (
                      <DeleteDraft
                        action={deleteDraftAction.bind(null, d.id)}
                        name={draftName}
                        question={td('deleteQuestion', { name: draftName })}
                        successHref="/trader?deleted=1"
                      />
                    ) : null}
                  </Td>
                </tr>
              );
            })}
          </Table>
          <Pagination
            page={query.page}
            pages={pages}
            hrefFor={(p) => `/trader${listQueryParams(query, { page: p })}`}
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
