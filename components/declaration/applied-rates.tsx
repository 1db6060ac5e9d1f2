// The rates a declaration's payments are (or would be) computed with: one row per item with the
// method and rate of its duty, excise and VAT, then the processing fee. Used by check-your-answers
// (the estimate) and the declaration's page (the latest assessment).
import { useTranslations } from 'next-intl';
import { describeAppliedRate, type AppliedPayment } from '@/lib/duties/applied-rate';
import { Table, Td } from '../ui/table';

const ITEM_TYPES = ['DUTY', 'EXCISE', 'VAT'] as const;

export function AppliedRates({
  items,
  payments,
  intro,
}: {
  items: ReadonlyArray<{ lineNo: number; hsCode: string }>;
  payments: readonly AppliedPayment[];
  intro: string;
}) {
  const t = useTranslations('rates');
  if (payments.length === 0) return null;
  const describe = (p: AppliedPayment | undefined) => {
    if (!p) return '—';
    const { key, values } = describeAppliedRate(p);
    return t(`method.${key}`, values);
  };
  const byLine = new Map<number, AppliedPayment[]>();
  for (const p of payments) if (p.lineNo !== null) byLine.set(p.lineNo, [...(byLine.get(p.lineNo) ?? []), p]);
  const fee = payments.find((p) => p.type === 'FEE');
  return (
    <div className="mt-6">
      <h3 className="mb-2 text-lg font-semibold">{t('title')}</h3>
      <p className="mb-3 text-slate-700">{intro}</p>
      <Table caption={t('title')} head={[t('col.line'), t('col.hsCode'), t('col.DUTY'), t('col.EXCISE'), t('col.VAT')]}>
        {items.map((i) => (
          <tr key={i.lineNo}>
            <Td>{i.lineNo}</Td>
            <Td className="font-mono">{i.hsCode}</Td>
            {ITEM_TYPES.map((type) => (
              <Td key={type}>{describe(byLine.get(i.lineNo)?.find((p) => p.type === type))}</Td>
            ))}
          </tr>
        ))}
      </Table>
      {fee ? (
        <p className="mt-3">{t('fee', { method: describe(fee), amount: describeAppliedRate(fee).values.amount })}</p>
      ) : null}
    </div>
  );
}
