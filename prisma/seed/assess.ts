// Customs value and payments of a declaration (shared/DOMAIN.md "Money"), in decimals only:
// customs value = (invoice value + freight/insurance the Incoterm leaves out, spread by value)
// × the rate of the registration date; duty, excise, VAT per item rounded half-up to 2 decimals;
// the processing fee on the total customs value, between a floor and a cap.
import { D, round2 } from '../../lib/money.ts';
import type { TariffLineRow } from './tariff.ts';
import { FEE } from './reference.ts';

export type Direction = 'IMPORT' | 'EXPORT' | 'TRANSIT';
export type RegimeCode = 'IM40' | 'EK10' | 'TR80' | 'IM31' | 'EK31' | 'IM70';

export const REGIME_DIRECTION: Record<RegimeCode, Direction> = {
  IM40: 'IMPORT',
  IM31: 'IMPORT',
  IM70: 'IMPORT',
  EK10: 'EXPORT',
  EK31: 'EXPORT',
  TR80: 'TRANSIT',
};

/** Transit and temporary import: duties are secured, not paid. */
export const SECURED_REGIMES: ReadonlySet<RegimeCode> = new Set(['TR80', 'IM31']);

/** Which of freight and insurance the Incoterm leaves out of the price (to be added to the value). */
export function incotermAdds(incoterm: string): { freight: boolean; insurance: boolean } {
  if (incoterm === 'EXW' || incoterm === 'FCA' || incoterm === 'FOB') return { freight: true, insurance: true };
  if (incoterm === 'CFR' || incoterm === 'CPT') return { freight: false, insurance: true };
  return { freight: false, insurance: false };
}

export type AssessItem = { line: TariffLineRow; quantity: D; invoiceValue: D };
/** How a payment was computed, as AssessedPayment stores it (the same words as lib/duties). */
export type AppliedRate = { method: string; rate: string; unit: string };
export type AssessedItem = {
  customsValue: D;
  duty: D;
  excise: D;
  vat: D;
  vatBase: D;
  applied: { duty: AppliedRate; excise: AppliedRate; vat: AppliedRate };
};
export type Assessment = { items: AssessedItem[]; totalCustomsValue: D; fee: D; feeApplied: AppliedRate; total: D };

const applied = (method: string, rate: string | number, unit = '%'): AppliedRate => ({
  method,
  rate: new D(rate).toFixed(),
  unit,
});

const ZERO = new D(0);

export function assessDeclaration(args: {
  regime: RegimeCode;
  incoterm: string;
  freight: D | null;
  insurance: D | null;
  /** UZS per unit of the invoice currency on the registration date. */
  invoiceRate: D;
  /** UZS per unit of any currency on the registration date (for specific rates). */
  rateOf: (currency: string) => D;
  items: readonly AssessItem[];
}): Assessment {
  const direction = REGIME_DIRECTION[args.regime];
  const adds = incotermAdds(args.incoterm);
  const addition = (adds.freight ? (args.freight ?? ZERO) : ZERO).plus(
    adds.insurance ? (args.insurance ?? ZERO) : ZERO,
  );
  const invoiceTotal = args.items.reduce((s, i) => s.plus(i.invoiceValue), ZERO);
  const uplift = invoiceTotal.isZero() ? new D(1) : invoiceTotal.plus(addition).div(invoiceTotal);

  const items = args.items.map((item): AssessedItem => {
    const { line } = item;
    const customsValue = round2(item.invoiceValue.mul(uplift).mul(args.invoiceRate));
    if (direction === 'EXPORT') {
      const duty = args.regime === 'EK10' ? round2(customsValue.mul(line.exportDutyRate).div(100)) : ZERO;
      return {
        customsValue,
        duty,
        excise: ZERO,
        vat: ZERO,
        vatBase: customsValue.plus(duty),
        applied: {
          duty: args.regime === 'EK10' ? applied('AD_VALOREM', line.exportDutyRate) : applied('NOT_APPLICABLE', 0),
          excise: applied('NOT_APPLICABLE', 0),
          vat: applied('ZERO_RATED', 0),
        },
      };
    }
    const adValorem = round2(customsValue.mul(line.adValoremRate).div(100));
    const specific = round2(new D(line.specificRate).mul(item.quantity).mul(args.rateOf(line.specificCurrency)));
    const duty =
      line.dutyType === 'AD_VALOREM'
        ? adValorem
        : line.dutyType === 'SPECIFIC'
          ? specific
          : line.dutyType === 'COMBINED'
            ? D.max(adValorem, specific)
            : ZERO;
    const excise =
      line.exciseType === 'AD_VALOREM'
        ? round2(customsValue.mul(line.exciseRate).div(100))
        : line.exciseType === 'SPECIFIC'
          ? round2(new D(line.exciseRate).mul(item.quantity))
          : ZERO;
    const vatBase = customsValue.plus(duty).plus(excise);
    const vat = round2(vatBase.mul(line.vatRate).div(100));
    const adValoremDuty = applied('AD_VALOREM', line.adValoremRate);
    const specificDuty = applied('SPECIFIC', line.specificRate, `${line.specificCurrency}/${line.specificUnit}`);
    return {
      customsValue,
      duty,
      excise,
      vat,
      vatBase,
      applied: {
        duty:
          line.dutyType === 'AD_VALOREM'
            ? adValoremDuty
            : line.dutyType === 'SPECIFIC'
              ? specificDuty
              : line.dutyType === 'COMBINED'
                ? specific.gt(adValorem)
                  ? specificDuty
                  : adValoremDuty
                : applied('EXEMPT', 0),
        excise:
          line.exciseType === 'AD_VALOREM'
            ? applied('AD_VALOREM', line.exciseRate)
            : line.exciseType === 'SPECIFIC'
              ? applied('SPECIFIC', line.exciseRate, `UZS/${line.exciseUnit ?? ''}`)
              : applied('NOT_APPLICABLE', 0),
        vat: applied('AD_VALOREM', line.vatRate),
      },
    };
  });

  const totalCustomsValue = items.reduce((s, i) => s.plus(i.customsValue), ZERO);
  const percentFee = round2(totalCustomsValue.mul(FEE.percent).div(100));
  const fee = D.min(new D(FEE.cap), D.max(new D(FEE.floor), percentFee));
  const feeApplied = applied(
    percentFee.lt(FEE.floor) ? 'FLOOR' : percentFee.gt(FEE.cap) ? 'CAP' : 'PERCENT',
    FEE.percent,
  );
  const total = items.reduce((s, i) => s.plus(i.duty).plus(i.excise).plus(i.vat), fee);
  return { items, totalCustomsValue, fee, feeApplied, total };
}
