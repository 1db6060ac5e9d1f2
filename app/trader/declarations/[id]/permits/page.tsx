import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getDeclarationPermitLinks } from '@/src/server/permits/links';
import { now } from '@/src/server/clock';
import { PageHeader } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { ActionButton } from '@/components/declaration/item-actions';
import { LinkPermitForm } from '@/components/permits/forms';
import { isAppError } from '@/lib/errors';
import { formatAmount } from '@/lib/money';
import { ZPageQuery, ZUuidParam, pageCount } from '@/lib/pagination';
import { linkPermitAction, unlinkPermitAction } from './actions';
import { ItemFormalities } from '@/components/declaration/item-formalities';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('link.title') };
}

const ITEMS_PER_PAGE = 25;

export default async function DeclarationPermitsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['TRADER']);
  const parsed = ZUuidParam.safeParse(await params);
  if (!parsed.success) notFound();
  const { page } = ZPageQuery.parse(await searchParams);
  const data = await getDeclarationPermitLinks({ actor, declarationId: parsed.data.id, now: now() }).catch(
    (e: unknown) => {
      if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
      throw e;
    },
  );
  const t = await getTranslations('permits');
  const tj = await getTranslations('journey');
  const tc = await getTranslations('common');
  const d = data.declaration;
  const base = `/trader/declarations/${d.id}`;
  const needing = data.items.filter((i) => i.requirements.length > 0);
  const satisfiedCount = needing.filter((i) => i.formalities?.isSatisfied).length;
  const pages = pageCount(data.items.length, ITEMS_PER_PAGE);
  const shown = data.items.slice((page - 1) * ITEMS_PER_PAGE, page * ITEMS_PER_PAGE);

  return (
    <>
      <p className="mb-4 flex flex-wrap gap-4">
        <Link href={base} className="text-blue-800 underline">
          {t('link.backToDeclaration')}
        </Link>
        {d.status === 'DRAFT' || d.status === 'AMENDMENT_REQUESTED' ? (
          <Link href={`${base}/check`} className="text-blue-800 underline">
            {t('link.backToCheck')}
          </Link>
        ) : null}
      </p>
      <PageHeader
        title={d.registrationNumber ? t('link.heading', { number: d.registrationNumber }) : t('link.draftHeading')}
        intro={t('link.intro', { date: data.date })}
      />
      {data.isLinkingAllowed ? (
        <p className="mb-6 rounded border border-slate-300 bg-white p-3" role="status">
          {needing.length === 0
            ? t('link.noneNeeded')
            : t('link.summary', { satisfied: satisfiedCount, total: needing.length })}
        </p>
      ) : (
        <p className="mb-6 border-l-4 border-slate-500 bg-slate-50 p-3">{t('link.frozen')}</p>
      )}
      <Table
        caption={t('link.tableCaption')}
        head={[
          t('link.colLine'),
          t('link.colGoods'),
          t('link.colFormalities'),
          t('link.colLinked'),
          ...(data.isLinkingAllowed ? [t('link.colLink')] : []),
        ]}
      >
        {shown.map((item) => (
          <tr key={item.id}>
            <Td>{item.lineNo}</Td>
            <Td>
              <span className="font-mono">{item.hsCode}</span>
              <span className="block text-sm">{item.description}</span>
              <span className="block text-sm text-slate-700">{`${formatAmount(item.quantity.toString(), 3)} ${item.supplementaryUnit}`}</span>
            </Td>
            <Td>
              {item.requirements.length === 0 ? (
                <span className="text-sm">{tj('noPermitsNeeded')}</span>
              ) : item.formalities ? (
                <ItemFormalities
                  requirements={item.formalities.requirements}
                  labels={{
                    satisfied: tj('satisfied'),
                    missing: tj('missing'),
                    none: tj('noPermitsNeeded'),
                    or: tj('or'),
                  }}
                  permitText={(number) => tj('byPermit', { number })}
                />
              ) : (
                <span className="text-sm">
                  {item.requirements.map((r) => r.alternatives.join(tj('or'))).join(', ')}
                </span>
              )}
            </Td>
            <Td>
              {item.permitLinks.length === 0 ? (
                <span className="text-sm">{t('link.noneLinked')}</span>
              ) : (
                <ul className="space-y-2">
                  {item.permitLinks.map((l) => (
                    <li key={l.id}>
                      <span className="font-mono text-sm">{l.permit.number}</span>
                      {l.writtenOffAt ? (
                        <span className="block text-sm text-slate-700">
                          {t('link.writtenOff', { quantity: formatAmount(l.quantity.toString(), 3) })}
                        </span>
                      ) : null}
                      {data.isLinkingAllowed ? (
                        <span className="mt-1 block">
                          <ActionButton
                            action={unlinkPermitAction.bind(null, d.id, l.id)}
                            label={t('link.unlink', { number: l.permit.number, n: item.lineNo })}
                            busyLabel={t('working')}
                            variant="danger"
                          />
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </Td>
            {data.isLinkingAllowed ? (
              <Td>
                {item.requirements.length === 0 ? (
                  '—'
                ) : item.candidates.length === 0 ? (
                  <span className="text-sm">
                    {t('link.noCandidates')}{' '}
                    <Link
                      href={`/trader/permits/apply?declaration=${d.id}&line=${item.lineNo}`}
                      className="text-blue-800 underline"
                    >
                      {t('link.applyLink')}
                    </Link>
                  </span>
                ) : (
                  <LinkPermitForm
                    action={linkPermitAction.bind(null, d.id, item.lineNo)}
                    lineNo={item.lineNo}
                    options={item.candidates.map((c) => ({
                      value: c.id,
                      label: t('link.option', {
                        number: c.number,
                        type: c.typeCode,
                        remaining: formatAmount(c.remainingQuantity, 3),
                        unit: c.unit,
                        until: c.validTo,
                      }),
                    }))}
                  />
                )}
              </Td>
            ) : null}
          </tr>
        ))}
      </Table>
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(p) => `${base}/permits?page=${p}`}
        labels={{
          previous: tc('previous'),
          next: tc('next'),
          pageOf: tc('pageOf', { page, pages }),
          navLabel: tc('pagination'),
        }}
      />
    </>
  );
}
