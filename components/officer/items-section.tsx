// The declared goods as the officer checks them: each item with its values, its permit formalities
// and customs value control (the declared unit price against the reference distribution).
import { useTranslations } from 'next-intl';
import { Section } from '../ui/page';
import { Table, Td } from '../ui/table';
import { ItemFormalities } from '../declaration/item-formalities';
import { ValueChart } from './value-chart';
import { formatAmount } from '@/lib/money';
import type { ItemFormalities as Formalities } from '@/lib/permits';

type Amount = { toString(): string };

export type OfficerItem = {
  id: string;
  lineNo: number;
  hsCode: string;
  description: string;
  originCountry: string;
  netMass: Amount;
  quantity: Amount;
  supplementaryUnit: string;
  invoiceValue: Amount;
  customsValue: Amount | null;
};

export type ValueControl = {
  lineNo: number;
  unitPriceUsd: number | null;
  unit: string;
  reference: {
    q05: number;
    q10: number;
    q25: number;
    q50: number;
    q75: number;
    q90: number;
    sampleSize: number;
  } | null;
};

export function ItemsSection({
  items,
  invoiceCurrency,
  formalities,
  valueControl,
}: {
  items: readonly OfficerItem[];
  invoiceCurrency: string | null;
  formalities: readonly Formalities[];
  valueControl: readonly ValueControl[];
}) {
  const t = useTranslations('officer');
  const td = useTranslations('declaration');
  const formalityLabels = {
    satisfied: t('permitSatisfied'),
    missing: t('permitMissing'),
    none: t('noPermitsNeeded'),
    or: ' / ',
  };
  return (
    <Section title={td('items')}>
      <Table
        caption={td('items')}
        head={[
          td('line'),
          td('hsCode'),
          td('description'),
          td('originCountry'),
          td('netMass'),
          td('quantity'),
          t('itemInvoiceValue', { currency: invoiceCurrency ?? '' }),
          t('itemCustomsValue'),
          t('permits'),
          t('valueControl'),
        ]}
      >
        {items.map((i) => {
          const vc = valueControl.find((x) => x.lineNo === i.lineNo)!;
          return (
            <tr key={i.id}>
              <Td>{i.lineNo}</Td>
              <Td className="font-mono">{i.hsCode}</Td>
              <Td>{i.description}</Td>
              <Td>{i.originCountry}</Td>
              <Td>{i.netMass.toString()}</Td>
              <Td>{`${i.quantity.toString()} ${i.supplementaryUnit}`}</Td>
              <Td>{formatAmount(i.invoiceValue.toString())}</Td>
              <Td>{i.customsValue ? formatAmount(i.customsValue.toString()) : t('notAssessed')}</Td>
              <Td>
                <ItemFormalities
                  requirements={formalities.find((x) => x.lineNo === i.lineNo)?.requirements}
                  labels={formalityLabels}
                  permitText={(number) => number}
                />
              </Td>
              <Td>
                {vc.reference && vc.unitPriceUsd !== null ? (
                  <div>
                    <ValueChart
                      reference={vc.reference}
                      declared={vc.unitPriceUsd}
                      markerLabels={{ declared: t('valueChartDeclared'), declaredLow: t('valueChartDeclaredLow') }}
                      label={t('valueChartLabel', {
                        price: vc.unitPriceUsd.toFixed(2),
                        unit: vc.unit,
                        q10: vc.reference.q10.toFixed(2),
                        median: vc.reference.q50.toFixed(2),
                        q90: vc.reference.q90.toFixed(2),
                      })}
                    />
                    <p className="text-sm">
                      {t('valueControlText', {
                        price: vc.unitPriceUsd.toFixed(2),
                        unit: vc.unit,
                        q10: vc.reference.q10.toFixed(2),
                        median: vc.reference.q50.toFixed(2),
                        q90: vc.reference.q90.toFixed(2),
                        n: vc.reference.sampleSize,
                      })}
                    </p>
                  </div>
                ) : (
                  <span className="text-sm">{t('noReference')}</span>
                )}
              </Td>
            </tr>
          );
        })}
      </Table>
    </Section>
  );
}
