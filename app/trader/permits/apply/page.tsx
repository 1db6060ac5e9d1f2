import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePageActor } from '@/src/server/auth/session';
import { getLineApplicationPrefill, listApplicableTypes } from '@/src/server/permits/applications';
import { getCompanyBalance } from '@/src/server/permits/fees';
import { BackLink, PageHeader, Section } from '@/components/ui/page';
import { Table, Td } from '@/components/ui/table';
import { StartApplicationForLineForm, StartApplicationForm, type TypeOption } from '@/components/permits/forms';
import { formatAmount } from '@/lib/money';
import { isFeeCharged, productCountryRole, ZApplyQuery } from '@/lib/permits';
import { startApplicationAction, startApplicationForLineAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('permits');
  return { title: t('apply.title') };
}

/**
 * The application form, and the catalogue. With `?declaration=<id>&line=<n>` (the "Apply for a
 * permit" links of a declaration's items; optionally `&type=<code>`) the form is prefilled from that
 * line: the types it needs, its direction and its goods as the first product.
 */
export default async function ApplyForPermitPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['TRADER']);
  const t = await getTranslations('permits');
  const query = ZApplyQuery.parse(await searchParams);
  const [types, balance, fromLine] = await Promise.all([
    listApplicableTypes({ actor }),
    getCompanyBalance({ actor }),
    query.declaration && query.line
      ? getLineApplicationPrefill({ actor, declarationId: query.declaration, lineNo: query.line, typeCode: query.type })
      : Promise.resolve(null),
  ]);
  const options: TypeOption[] = types.map((type) => ({
    value: type.code,
    label: `${type.code} — ${type.name} (${type.authority.name})`,
    directions: type.directions,
    fee: isFeeCharged(type.fee.toFixed(2)) ? formatAmount(type.fee.toFixed(2)) : null,
    isFeeRefundable: type.isFeeRefundable,
  }));
  const declarationWords = (d: { registrationNumber: string | null }) =>
    d.registrationNumber
      ? t('apply.fromLine.declaration', { number: d.registrationNumber })
      : t('apply.fromLine.draftDeclaration');

  const prefilled = fromLine && fromLine.problem === null && fromLine.prefill.typeCode ? fromLine : null;
  const notice = (() => {
    if (!fromLine) return null;
    if (fromLine.problem === 'NOT_FOUND') return t('apply.fromLine.notFound');
    if (fromLine.problem === 'FINAL')
      return t('apply.fromLine.final', {
        declaration: declarationWords(fromLine.declaration),
        status: fromLine.declaration.status,
      });
    const { prefill, declaration } = fromLine;
    if (!prefill.typeCode)
      return t('apply.fromLine.noneNeeded', {
        line: declaration.lineNo,
        hsCode: prefill.product.hsCode,
        direction: t(`direction.${prefill.direction}`).toLowerCase(),
      });
    return null;
  })();

  return (
    <>
      <BackLink href="/trader/permits">{t('backToPermits')}</BackLink>
      <PageHeader title={t('apply.title')} intro={prefilled ? undefined : t('apply.intro')} />
      <p className="mb-4">
        {t('apply.balance', { balance: formatAmount(balance) })}{' '}
        <Link href="/trader/account" className="text-blue-800 underline">
          {t('apply.topUp')}
        </Link>
      </p>
      {notice ? (
        <p className="mb-6 max-w-3xl border-l-4 border-amber-600 bg-amber-50 p-3" role="status">
          {notice}
        </p>
      ) : null}
      <div className="mb-8 max-w-3xl">
        {prefilled ? (
          <LineApplication
            fromLine={prefilled}
            options={options}
            declaration={declarationWords(prefilled.declaration)}
          />
        ) : (
          <StartApplicationForm action={startApplicationAction} types={options} />
        )}
      </div>
      <Section title={t('apply.catalogueTitle')}>
        <Table
          caption={t('apply.catalogueTitle')}
          head={[
            t('col.type'),
            t('col.authority'),
            t('col.direction'),
            t('col.hsPrefixes'),
            t('col.validity'),
            t('col.scope'),
            t('col.requiredDocuments'),
            t('col.fee'),
          ]}
        >
          {types.map((type) => (
            <tr key={type.code}>
              <Td>
                <span className="font-mono">{type.code}</span> <span className="block text-sm">{type.name}</span>
              </Td>
              <Td>{type.authority.name}</Td>
              <Td>{type.directions.map((d) => t(`direction.${d}`)).join(', ')}</Td>
              <Td className="font-mono text-sm">{type.hsPrefixes.join(' ')}</Td>
              <Td>{t('days', { count: type.validityDays })}</Td>
              <Td>{t(`scope.${type.scope}`)}</Td>
              <Td className="text-sm">{type.requiredDocuments.join('; ') || '—'}</Td>
              <Td>
                {`${formatAmount(type.fee.toString())} UZS`}
                {isFeeCharged(type.fee.toFixed(2)) ? (
                  <span className="block text-sm text-slate-700">
                    {t(type.isFeeRefundable ? 'feeRule.refundable' : 'feeRule.notRefundable')}
                  </span>
                ) : null}
              </Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}

type Prefilled = Extract<NonNullable<Awaited<ReturnType<typeof getLineApplicationPrefill>>>, { problem: null }>;

async function LineApplication({
  fromLine,
  options,
  declaration,
}: {
  fromLine: Prefilled;
  options: TypeOption[];
  declaration: string;
}) {
  const t = await getTranslations('permits');
  const { prefill } = fromLine;
  const { lineNo } = fromLine.declaration;
  const product = prefill.product;
  const needed = new Set(prefill.typeCodes);
  const types = options.filter((o) => needed.has(o.value));
  const quantityHint = (() => {
    switch (prefill.quantity.kind) {
      case 'AS_DECLARED':
        return t('apply.fromLine.quantityHint', { unit: product.unit });
      case 'CONVERTED':
        return t('apply.fromLine.quantityConverted', {
          quantity: formatAmount(prefill.quantity.declared, 3),
          from: prefill.quantity.declaredUnit,
          unit: product.unit,
        });
      case 'UNKNOWN':
        return t('apply.fromLine.quantityUnknown', {
          quantity: formatAmount(prefill.quantity.declared, 3),
          from: prefill.quantity.declaredUnit,
          unit: product.unit,
        });
      default: {
        const never: never = prefill.quantity;
        return never;
      }
    }
  })();
  return (
    <>
      <p className="mb-2">{t('apply.fromLine.intro', { line: lineNo, declaration })}</p>
      <p className="mb-6">
        {t('apply.fromLine.needs', {
          line: lineNo,
          hsCode: product.hsCode,
          types: prefill.requirements
            .map((r) =>
              r.alternatives.map((code) => options.find((o) => o.value === code)?.label ?? code).join(` ${t('or')} `),
            )
            .join('; '),
        })}
      </p>
      <StartApplicationForLineForm
        action={startApplicationForLineAction.bind(null, fromLine.declaration.id, lineNo)}
        types={types}
        values={{
          typeCode: prefill.typeCode ?? '',
          direction: prefill.direction,
          purpose: t('apply.fromLine.purpose', { direction: prefill.direction, line: lineNo, declaration }),
          ...product,
        }}
        countryLabel={t(`country.${productCountryRole([prefill.direction])}`)}
        quantityHint={quantityHint}
      />
    </>
  );
}
