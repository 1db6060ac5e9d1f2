// Customs payments of one declaration: customs value, duty, excise, VAT and the processing fee.
// Pure and deterministic; all arithmetic in D (decimal.js, half-up), never binary floating point.
// The rules are shared/DOMAIN.md "Money" and its worked example. Decisions this module makes:
//
// EXCHANGE RATES. The caller passes the table of the date that applies — the registration date, or,
//   for an estimate on a draft, the draft date (see `exchangeRateDate`) — as UZS per ONE unit of each
//   currency (divide a central-bank rate quoted per 100 or 1,000 units by its `units` first). UZS is
//   always 1 and need not be listed. Only the currencies actually needed are looked up: the invoice
//   currency and the currency of each specific duty rate that is computed. A missing or non-positive
//   rate is an error naming the currency, never a silent 0 or 1.
//
// CUSTOMS VALUE. Σ item invoice values (the items, not the header's invoice total), plus freight and
//   insurance up to the border where the Incoterm does not include them (EXW/FCA/FOB: both; CFR/CPT:
//   insurance; CIF/CIP/DAP/DPU/DDP: neither — a freight or insurance figure declared with those terms
//   is already in the price and is not added again; null counts as 0). The declaration's total
//   customs value is (Σ invoice + additions) × rate, rounded half-up to 2 decimals. Because freight
//   and insurance are spread in proportion to invoice value, each item's customs value is that total
//   in proportion to its invoice value; it is spread by LARGEST REMAINDER (spread.ts), so the items sum
//   EXACTLY to the total (which is also the fee base) and each item is its exact share rounded half-up,
//   except that when half-up rounding would not add up, the fewest items nearest the rounding boundary
//   move by one cent (equal remainders: the earlier line first). The same rule applies to every regime
//   (exports too: a simplification — no deduction of freight beyond the border on CIF exports).
//
// DUTY, EXCISE, VAT per item. Every item gets exactly three payments, DUTY, EXCISE and VAT, in that
//   order, each rounded half-up to 2 decimals on its own; totals are sums of the rounded amounts.
//   Import direction (IM40, IM31, IM70, and TR80 — transit goods are foreign goods, so the import
//   duties and taxes are what is at stake):
//   - duty AD_VALOREM = rate% × customs value; SPECIFIC = rate × quantity in the tariff's unit ×
//     exchange rate of the rate's currency; COMBINED = the higher of the two (a tie → ad valorem);
//     EXEMPT = 0.
//   - quantity in a unit: 'KG' is the net mass; any other unit is the item's quantity, which must be
//     declared in that very unit (supplementary unit === tariff unit) — otherwise an error, never a
//     silent default or conversion.
//   - excise AD_VALOREM = rate% × customs value; SPECIFIC = rate (UZS) × quantity in exciseUnit
//     (a SPECIFIC excise without a unit is an error in the tariff line).
//   - VAT = vatRate% × (customs value + duty + excise), the duty and excise taken as assessed
//     (already rounded), as they appear on the declaration.
//   Export direction (EK10, EK31): duty = exportDutyRate% × customs value (usually 0); no excise;
//   VAT zero-rated (0%).
//
// SECURED REGIMES. TR80 (transit), IM31 (temporary import), IM70 (customs warehouse: duties suspended
//   until the goods are released for free circulation) and EK31 (temporary export: any export duty
//   is suspended until the goods come back) compute the same payments as their direction but
//   `isSecured` is true: DUTY, EXCISE and VAT are a guarantee to secure, not a payment. The processing
//   fee is charged for the declaration itself and is payable under every regime. `payable` and
//   `secured` split the total accordingly.
//
// FEE. percent% × total customs value, clamped to [floor, cap], rounded half-up, once per declaration;
//   `fee.method` says which applied (PERCENT, FLOOR or CAP), `fee.rate` is the percent.
//
// PAYMENT FIELDS. `base` is what the rate applies to: a UZS amount for AD_VALOREM (and VAT), the
//   quantity for SPECIFIC (in `unit`'s denominator), the customs value for EXEMPT, '0.00' for
//   NOT_APPLICABLE. `rate` is the percent for AD_VALOREM/ZERO_RATED/EXEMPT (unit '%') or the amount per
//   unit for SPECIFIC (unit like 'USD/L', 'UZS/L').
//
// ERRORS. Every problem found (missing rate, unit mismatch, malformed number, empty declaration,
//   freight to spread over items all worth 0, floor above cap) is collected and thrown at once as a
//   DutyCalculationError (an AppError 'VALIDATION' with field paths like `items.1.supplementaryUnit`,
//   the index into `items`), so a refusal names every failing field.
import { D, round2 } from '../money';
import { AppError } from '../errors';
import { NATIONAL_CURRENCY, REGIME_DIRECTION, type Incoterm, type Regime } from '../reference/customs';
import { spreadByWeight } from './spread';

export type TariffRates = {
  /** One national tariff line (10-digit HS code). */
  hsCode: string;
  dutyType: 'AD_VALOREM' | 'SPECIFIC' | 'COMBINED' | 'EXEMPT';
  /** Percent, e.g. '30'. */
  adValoremRate: string;
  /** Amount of specificCurrency per specificUnit. */
  specificRate: string;
  specificCurrency: string;
  /** 'KG' (net mass) or the supplementary unit ('L', 'PCS', '1000PCS', ...). */
  specificUnit: string;
  exciseType: 'NONE' | 'AD_VALOREM' | 'SPECIFIC';
  /** Percent for AD_VALOREM; UZS per exciseUnit for SPECIFIC. */
  exciseRate: string;
  exciseUnit: string | null;
  /** Percent, usually '12'. */
  vatRate: string;
  /** Percent, export duty (usually 0). */
  exportDutyRate: string;
};

export type DutyItemInput = {
  lineNo: number;
  /** In the invoice currency. */
  invoiceValue: string;
  /** Kilograms. */
  netMass: string;
  /** In supplementaryUnit. */
  quantity: string;
  supplementaryUnit: string;
  tariff: TariffRates;
};

export type DutyInput = {
  regime: Regime;
  incoterm: Incoterm;
  invoiceCurrency: string;
  /** In the invoice currency; null = none declared. */
  freight: string | null;
  insurance: string | null;
  items: DutyItemInput[];
  /** UZS per 1 unit of currency, for the date that applies; UZS is 1 and may be omitted. */
  rates: Record<string, string>;
  /** The customs processing fee: percent of the total customs value, floor and cap in UZS. */
  fee: { percent: string; floor: string; cap: string };
};

export type PaymentType = 'DUTY' | 'EXCISE' | 'VAT';
export type PaymentMethod = 'AD_VALOREM' | 'SPECIFIC' | 'EXEMPT' | 'ZERO_RATED' | 'NOT_APPLICABLE';

export type Payment = {
  type: PaymentType;
  method: PaymentMethod;
  /** UZS amount (AD_VALOREM, ZERO_RATED, EXEMPT, NOT_APPLICABLE) or quantity (SPECIFIC). */
  base: string;
  /** Percent, or amount per unit for SPECIFIC. */
  rate: string;
  /** '%', or e.g. 'USD/L', 'UZS/KG' for SPECIFIC. */
  unit: string;
  /** UZS, 2 decimals. */
  amount: string;
};

/** How the processing fee was set: the percentage, or the floor or cap it was clamped to. */
export type FeeMethod = 'PERCENT' | 'FLOOR' | 'CAP';

export type ItemAssessment = { lineNo: number; customsValue: string; payments: Payment[] };

export type DutyAssessment = {
  items: ItemAssessment[];
  /** The total customs value in UZS (= Σ item customs values). */
  customsValue: string;
  /**
   * The processing fee: `rate`% of `base` (the total customs value), or the floor or the cap when the
   * percentage falls outside them (`method` says which applied).
   */
  fee: { base: string; amount: string; rate: string; method: FeeMethod };
  totals: { DUTY: string; EXCISE: string; VAT: string; FEE: string; total: string };
  /** TR80, IM31, IM70, EK31: DUTY + EXCISE + VAT are secured by a guarantee, not paid. */
  isSecured: boolean;
  /** What the trader pays now: total, or only the fee when secured. */
  payable: string;
  /** What must be secured by a guarantee: DUTY + EXCISE + VAT when secured, else 0.00. */
  secured: string;
};

export type DutyIssueCode =
  | 'MISSING_RATE'
  | 'UNIT_MISMATCH'
  | 'MISSING_UNIT'
  | 'INVALID_NUMBER'
  | 'NO_ITEMS'
  | 'NOTHING_TO_SPREAD'
  | 'INVALID_FEE'
  | 'INVALID_INPUT';

export type DutyIssue = { code: DutyIssueCode; path: string; message: string; lineNo?: number; currency?: string };

/** The duties could not be calculated; `issues` names every problem found. */
export class DutyCalculationError extends AppError {
  readonly issues: DutyIssue[];

  constructor(issues: DutyIssue[]) {
    super(
      'VALIDATION',
      `The customs payments cannot be calculated: ${issues.map((i) => i.message).join(' ')}`,
      issues.map(({ path, message }) => ({ path, message })),
    );
    this.name = 'DutyCalculationError';
    this.issues = issues;
  }
}

export function isDutyCalculationError(e: unknown): e is DutyCalculationError {
  return e instanceof DutyCalculationError;
}

/** Which of freight and insurance up to the border each Incoterm leaves out of the price (so they are added). */
export const INCOTERM_ADDITIONS: Record<Incoterm, { freight: boolean; insurance: boolean }> = {
  EXW: { freight: true, insurance: true },
  FCA: { freight: true, insurance: true },
  FOB: { freight: true, insurance: true },
  CFR: { freight: false, insurance: true },
  CPT: { freight: false, insurance: true },
  CIF: { freight: false, insurance: false },
  CIP: { freight: false, insurance: false },
  DAP: { freight: false, insurance: false },
  DPU: { freight: false, insurance: false },
  DDP: { freight: false, insurance: false },
};

/** Regimes whose duties and taxes are secured (a guarantee), not paid. */
export const SECURED_REGIMES: ReadonlySet<Regime> = new Set<Regime>(['TR80', 'IM31', 'IM70', 'EK31']);

/**
 * The date whose exchange rates apply: the registration date once the declaration is registered;
 * before that, an estimate at the draft's date (e.g. today when the trader looks at the draft).
 */
export function exchangeRateDate(
  registrationDate: string | null | undefined,
  draftDate: string,
): { date: string; isEstimate: boolean } {
  return registrationDate ? { date: registrationDate, isEstimate: false } : { date: draftDate, isEstimate: true };
}

const ZERO = new D(0);
const ONE = new D(1);
const HUNDRED = new D(100);
const money = (v: D) => v.toFixed(2);

/** Calculate the customs payments of a declaration. Throws DutyCalculationError listing every problem. */
export function assessDuties(input: DutyInput): DutyAssessment {
  const issues: DutyIssue[] = [];

  // Parsed numbers, their canonical text and their percent fractions are cached by text: a
  // 999-line declaration repeats the same few rates (D values are immutable, so sharing is safe).
  const parsed = new Map<string, D | null>();
  const num = (value: string | null | undefined, path: string, label: string, lineNo?: number): D => {
    const key = typeof value === 'string' ? value : '';
    let result = parsed.get(key);
    if (result === undefined) {
      try {
        const candidate = key.trim() === '' ? null : new D(key.trim());
        result = candidate && candidate.isFinite() && !candidate.isNegative() ? candidate : null;
      } catch {
        result = null;
      }
      parsed.set(key, result);
    }
    if (result === null) {
      issues.push({
        code: 'INVALID_NUMBER',
        path,
        lineNo,
        message: `${lineNo !== undefined ? `Line ${lineNo}: ` : ''}the ${label} must be a non-negative number (got ${JSON.stringify(value)}).`,
      });
      return ZERO;
    }
    return result;
  };

  const rates = new Map<string, D | null>();
  const rateOf = (currency: string, path: string, lineNo?: number): D => {
    let rate = rates.get(currency);
    if (rate === undefined) {
      const given = input.rates[currency];
      try {
        rate = given !== undefined && given.trim() !== '' ? new D(given.trim()) : null;
      } catch {
        rate = null;
      }
      if (currency === NATIONAL_CURRENCY)
        rate = given === undefined || (rate !== null && rate.eq(1)) ? ONE : null; // UZS is 1, listed or not
      else if (rate && (!rate.isFinite() || !rate.gt(0))) rate = null;
      rates.set(currency, rate);
      if (rate === null) {
        issues.push({
          code: 'MISSING_RATE',
          path,
          lineNo,
          currency,
          message:
            currency === NATIONAL_CURRENCY
              ? `The rate of ${NATIONAL_CURRENCY} must be 1 (got ${given}).`
              : `There is no exchange rate for ${currency || '(no currency)'} on the date that applies.`,
        });
      }
    }
    return rate ?? ZERO;
  };

  const direction = REGIME_DIRECTION[input.regime];
  if (!direction)
    throw new DutyCalculationError([
      { code: 'INVALID_INPUT', path: 'regime', message: `Unknown customs regime ${JSON.stringify(input.regime)}.` },
    ]);
  const additions = INCOTERM_ADDITIONS[input.incoterm];
  if (!additions)
    throw new DutyCalculationError([
      {
        code: 'INVALID_INPUT',
        path: 'incoterm',
        message: `Unknown delivery terms (Incoterm) ${JSON.stringify(input.incoterm)}.`,
      },
    ]);
  const isExport = direction === 'EXPORT';
  const isSecured = SECURED_REGIMES.has(input.regime);

  // Fee parameters.
  const feePercent = num(input.fee.percent, 'fee.percent', 'fee percent');
  const feeFloor = num(input.fee.floor, 'fee.floor', 'fee floor');
  const feeCap = num(input.fee.cap, 'fee.cap', 'fee cap');
  if (feeFloor.gt(feeCap))
    issues.push({
      code: 'INVALID_FEE',
      path: 'fee',
      message: `The fee floor ${feeFloor.toFixed()} is above its cap ${feeCap.toFixed()}.`,
    });

  // Customs value of the declaration, then per item.
  if (input.items.length === 0)
    issues.push({ code: 'NO_ITEMS', path: 'items', message: 'A declaration needs at least one item.' });
  const invoiceRate = rateOf(input.invoiceCurrency, 'invoiceCurrency');
  const weights = input.items.map((item, i) =>
    num(item.invoiceValue, `items.${i}.invoiceValue`, 'item invoice value', item.lineNo),
  );
  const freight = additions.freight && input.freight !== null ? num(input.freight, 'freight', 'freight cost') : ZERO;
  const insurance =
    additions.insurance && input.insurance !== null ? num(input.insurance, 'insurance', 'insurance cost') : ZERO;
  const invoiceSum = weights.reduce((a, b) => a.plus(b), ZERO);
  const added = freight.plus(insurance);
  if (input.items.length > 0 && invoiceSum.isZero() && added.gt(0)) {
    issues.push({
      code: 'NOTHING_TO_SPREAD',
      path: 'items',
      message: 'Freight and insurance cannot be spread over items whose invoice values are all 0.',
    });
  }
  const totalCustomsValue = round2(invoiceSum.plus(added).times(invoiceRate));
  let itemValues = weights.map(() => ZERO);
  if (issues.length === 0) {
    try {
      itemValues = spreadByWeight(totalCustomsValue, weights);
    } catch (e) {
      issues.push({ code: 'INVALID_INPUT', path: 'items', message: e instanceof Error ? e.message : String(e) });
    }
  }

  const quantityIn = (item: DutyItemInput, i: number, unit: string | null, what: string): D => {
    if (!unit) {
      issues.push({
        code: 'MISSING_UNIT',
        path: `items.${i}.hsCode`,
        lineNo: item.lineNo,
        message: `Line ${item.lineNo}: the tariff line ${item.tariff.hsCode} has a specific ${what} without a unit.`,
      });
      return ZERO;
    }
    if (unit === 'KG') return num(item.netMass, `items.${i}.netMass`, 'net mass', item.lineNo);
    if (item.supplementaryUnit !== unit) {
      issues.push({
        code: 'UNIT_MISMATCH',
        path: `items.${i}.supplementaryUnit`,
        lineNo: item.lineNo,
        message: `Line ${item.lineNo}: the ${what} on ${item.tariff.hsCode} is charged per ${unit}, so the quantity must be declared in ${unit} (it is in ${item.supplementaryUnit || 'no unit'}).`,
      });
      return ZERO;
    }
    return num(item.quantity, `items.${i}.quantity`, 'quantity', item.lineNo);
  };

  const texts = new Map<D, string>();
  const text = (d: D): string => {
    let t = texts.get(d);
    if (t === undefined) texts.set(d, (t = d.toFixed()));
    return t;
  };
  const fractions = new Map<D, D>();
  const fraction = (percent: D): D => {
    let f = fractions.get(percent);
    if (f === undefined) fractions.set(percent, (f = percent.dividedBy(HUNDRED)));
    return f;
  };

  const totals = { DUTY: ZERO, EXCISE: ZERO, VAT: ZERO };
  const items: ItemAssessment[] = new Array(input.items.length);
  for (let i = 0; i < input.items.length; i++) {
    const item = input.items[i];
    const t = item.tariff;
    const path = `items.${i}.hsCode`;
    const cv = itemValues[i];
    const cvText = money(cv);

    const adValorem = (type: PaymentType, percentText: string, label: string): Assessed => {
      const rate = num(percentText, path, label, item.lineNo);
      return assessed(type, 'AD_VALOREM', cvText, text(rate), '%', round2(cv.times(fraction(rate))));
    };
    const specific = (
      type: PaymentType,
      rateText: string,
      label: string,
      currency: string,
      unit: string | null,
    ): Assessed => {
      const rate = num(rateText, path, label, item.lineNo);
      const quantity = quantityIn(item, i, unit, type === 'DUTY' ? 'specific duty' : 'excise');
      const fx = currency === NATIONAL_CURRENCY ? ONE : rateOf(currency, path, item.lineNo);
      return assessed(
        type,
        'SPECIFIC',
        quantity.toFixed(),
        text(rate),
        `${currency}/${unit ?? ''}`,
        round2(rate.times(quantity).times(fx)),
      );
    };

    let duty: Assessed;
    let excise: Assessed;
    let vat: Assessed;
    if (isExport) {
      duty = adValorem('DUTY', t.exportDutyRate, 'export duty rate');
      excise = assessed('EXCISE', 'NOT_APPLICABLE', '0.00', '0', '%', ZERO);
      vat = assessed('VAT', 'ZERO_RATED', money(cv.plus(duty.value)), '0', '%', ZERO);
    } else {
      switch (t.dutyType) {
        case 'EXEMPT':
          duty = assessed('DUTY', 'EXEMPT', cvText, '0', '%', ZERO);
          break;
        case 'AD_VALOREM':
          duty = adValorem('DUTY', t.adValoremRate, 'ad valorem duty rate');
          break;
        case 'SPECIFIC':
          duty = specific('DUTY', t.specificRate, 'specific duty rate', t.specificCurrency, t.specificUnit);
          break;
        case 'COMBINED': {
          const a = adValorem('DUTY', t.adValoremRate, 'ad valorem duty rate');
          const s = specific('DUTY', t.specificRate, 'specific duty rate', t.specificCurrency, t.specificUnit);
          duty = s.value.gt(a.value) ? s : a; // the higher; a tie is reported as ad valorem
          break;
        }
        default:
          throw unknownType(item.lineNo, path, 'duty', t.dutyType);
      }
      switch (t.exciseType) {
        case 'NONE':
          excise = assessed('EXCISE', 'NOT_APPLICABLE', '0.00', '0', '%', ZERO);
          break;
        case 'AD_VALOREM':
          excise = adValorem('EXCISE', t.exciseRate, 'excise rate');
          break;
        case 'SPECIFIC':
          excise = specific('EXCISE', t.exciseRate, 'excise rate', NATIONAL_CURRENCY, t.exciseUnit);
          break;
        default:
          throw unknownType(item.lineNo, path, 'excise', t.exciseType);
      }
      const vatBase = excise.value.isZero() ? cv.plus(duty.value) : cv.plus(duty.value).plus(excise.value);
      const rate = num(t.vatRate, path, 'VAT rate', item.lineNo);
      vat = assessed('VAT', 'AD_VALOREM', money(vatBase), text(rate), '%', round2(vatBase.times(fraction(rate))));
    }

    totals.DUTY = totals.DUTY.plus(duty.value);
    if (!excise.value.isZero()) totals.EXCISE = totals.EXCISE.plus(excise.value);
    totals.VAT = totals.VAT.plus(vat.value);
    items[i] = { lineNo: item.lineNo, customsValue: cvText, payments: [duty.payment, excise.payment, vat.payment] };
  }

  if (issues.length > 0) throw new DutyCalculationError(issues);

  const feeRaw = totalCustomsValue.times(feePercent).dividedBy(HUNDRED);
  const feeAmount = round2(D.min(feeCap, D.max(feeFloor, feeRaw)));
  const feeMethod: FeeMethod = feeRaw.lt(feeFloor) ? 'FLOOR' : feeRaw.gt(feeCap) ? 'CAP' : 'PERCENT';
  const taxes = totals.DUTY.plus(totals.EXCISE).plus(totals.VAT);
  const total = taxes.plus(feeAmount);

  return {
    items,
    customsValue: money(totalCustomsValue),
    fee: { base: money(totalCustomsValue), amount: money(feeAmount), rate: text(feePercent), method: feeMethod },
    totals: {
      DUTY: money(totals.DUTY),
      EXCISE: money(totals.EXCISE),
      VAT: money(totals.VAT),
      FEE: money(feeAmount),
      total: money(total),
    },
    isSecured,
    payable: money(isSecured ? feeAmount : total),
    secured: money(isSecured ? taxes : ZERO),
  };
}

/** A payment as reported, with its rounded amount kept as a decimal for the totals. */
type Assessed = { payment: Payment; value: D };

function assessed(
  type: PaymentType,
  method: PaymentMethod,
  base: string,
  rate: string,
  unit: string,
  value: D,
): Assessed {
  return { payment: { type, method, base, rate, unit, amount: value.isZero() ? '0.00' : money(value) }, value };
}

function unknownType(lineNo: number, path: string, what: string, value: never): DutyCalculationError {
  return new DutyCalculationError([
    { code: 'INVALID_INPUT', path, lineNo, message: `Line ${lineNo}: unknown ${what} type ${JSON.stringify(value)}.` },
  ]);
}
