// The rate a payment was computed with, as the trader reads it: a method and a rate, for the
// estimate on check-your-answers (computed now) and for the stored assessment on the declaration
// and its printed copy alike. Pure; the words are the `rates` catalogue's (`method.<METHOD>`,
// `rate.<form>`), the values formatted here.
import { formatAmount } from '../money';
import type { DutyAssessment, FeeMethod, PaymentMethod } from './calculate';

export type AppliedMethod = PaymentMethod | FeeMethod;
export const APPLIED_METHODS: readonly AppliedMethod[] = [
  'AD_VALOREM',
  'SPECIFIC',
  'EXEMPT',
  'ZERO_RATED',
  'NOT_APPLICABLE',
  'PERCENT',
  'FLOOR',
  'CAP',
];

export type AppliedPaymentType = 'DUTY' | 'EXCISE' | 'VAT' | 'FEE';

/** One assessed payment with how it was computed (method and rate null: stored before they were kept). */
export type AppliedPayment = {
  /** The item's line, or null for the declaration's processing fee. */
  lineNo: number | null;
  type: AppliedPaymentType;
  method: AppliedMethod | null;
  /** A percent, or an amount per unit for SPECIFIC. */
  rate: string | null;
  /** '%' or e.g. 'USD/L'. */
  unit: string | null;
  /** What the rate applied to: UZS, or the quantity for SPECIFIC. */
  base: string;
  amount: string;
};

export function isAppliedMethod(value: string | null | undefined): value is AppliedMethod {
  return (APPLIED_METHODS as readonly string[]).includes(value ?? '');
}

/** Every payment of an estimate or assessment, items first (by line, DUTY, EXCISE, VAT), then the fee. */
export function appliedPaymentsOf(assessment: DutyAssessment): AppliedPayment[] {
  return [
    ...assessment.items.flatMap((item) =>
      item.payments.map((p) => ({
        lineNo: item.lineNo,
        type: p.type,
        method: p.method,
        rate: p.rate,
        unit: p.unit,
        base: p.base,
        amount: p.amount,
      })),
    ),
    {
      lineNo: null,
      type: 'FEE',
      method: assessment.fee.method,
      rate: assessment.fee.rate,
      unit: '%',
      base: assessment.fee.base,
      amount: assessment.fee.amount,
    },
  ];
}

/** A rate in figures: "12%", "0.5 USD/L" — or null when the method has none to show (exempt, not applicable, unknown). */
export function rateText(p: Pick<AppliedPayment, 'method' | 'rate' | 'unit'>): string | null {
  if (!p.method || p.rate === null) return null;
  switch (p.method) {
    case 'AD_VALOREM':
    case 'ZERO_RATED':
    case 'PERCENT':
    case 'FLOOR':
    case 'CAP':
      return `${p.rate}%`;
    case 'SPECIFIC':
      return `${p.rate} ${p.unit ?? ''}`.trim();
    case 'EXEMPT':
    case 'NOT_APPLICABLE':
      return null;
    default: {
      const never: never = p.method;
      return never;
    }
  }
}

/** The catalogue message of a payment's method and rate, e.g. `{ key: 'SPECIFIC', values: { rate: '0.5 USD/L' } }`. */
export function describeAppliedRate(p: Pick<AppliedPayment, 'method' | 'rate' | 'unit' | 'amount'>): {
  key: AppliedMethod | 'UNKNOWN';
  values: { rate: string; amount: string };
} {
  return {
    key: p.method ?? 'UNKNOWN',
    values: { rate: rateText(p) ?? '', amount: formatAmount(p.amount) },
  };
}
