// A year of past declarations: goods, parties and routes that follow each company's trade, the
// risk channel the engine gave, the officers' work and findings, the assessed payments, and every
// status change with realistic times. All terminal (released, refused or withdrawn), none in the
// last hour.
//
// Violations are learnable on purpose: they are far likelier for a few risky companies, for
// apparel and footwear from certain origins, electronics and cars, and undervalued items carry
// unit prices far below the usual — so a model trained on this history has signal to find.
import { D, round2 } from '../../lib/money.ts';
import { formatRegistrationNumber, registrationDate } from '../../lib/declaration/registration-number.ts';
import { Rng } from './random.ts';
import { seedUuid } from './ids.ts';
import { DAY, HOUR, MINUTE, addMs, isoDate, utcDay } from './dates.ts';
import type { CompanySpec, Staff, Weighted } from './people.ts';
import type { Goods } from './tariff.ts';
import type { RateTable } from './reference.ts';
import {
  assessDeclaration,
  incotermAdds,
  REGIME_DIRECTION,
  SECURED_REGIMES,
  type Direction,
  type RegimeCode,
} from './assess.ts';
import { currencyFor, exportCurrencyFor, originFor, ORIGIN_PRICE, partnerIn } from './partners.ts';

type Channel = 'GREEN' | 'YELLOW' | 'RED' | 'BLUE';
type Status =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'REGISTERED'
  | 'ASSIGNED'
  | 'AMENDMENT_REQUESTED'
  | 'ASSESSED'
  | 'PAID'
  | 'RELEASED'
  | 'REFUSED'
  | 'WITHDRAWN';
type Mode = 'SEA' | 'RAIL' | 'ROAD' | 'AIR' | 'POST';
export type DiscrepancyType = 'UNDERVALUATION' | 'MISCLASSIFICATION' | 'ORIGIN' | 'QUANTITY' | 'PROHIBITED_GOODS';

export type HistoryItem = {
  id: string;
  lineNo: number;
  goods: Goods;
  origin: string;
  quantity: D;
  netMass: string;
  grossMass: string;
  invoiceValue: D;
  /** Declared price ÷ the usual price (below ~0.6 is suspicious). */
  priceFactor: number;
  customsValue: D;
};

export type HistoryEvent = {
  declarationId: string;
  fromStatus: Status | null;
  toStatus: Status;
  actorId: string | null;
  actorRole: string;
  reason: string | null;
  at: Date;
};

export type HistoryDeclaration = {
  index: number;
  id: string;
  company: CompanySpec;
  regime: RegimeCode;
  direction: Direction;
  postCode: string;
  partnerCountry: string;
  consignor: { name: string; country: string; address: string };
  consignee: { name: string; country: string; address: string };
  dispatchCountry: string;
  destinationCountry: string;
  transportMode: Mode;
  transportDocument: string;
  incoterm: string;
  currency: string;
  freight: D | null;
  insurance: D | null;
  items: HistoryItem[];
  invoiceTotal: D;
  // Hidden truth and the engine's view.
  propensity: number;
  violation: DiscrepancyType | null;
  violationItem: number;
  engineRisk: number;
  // Outcome.
  channel: Channel;
  isRandomPick: boolean;
  score: number;
  reasons: { kind: string; code: string; message: string; weight: number }[];
  outcome: 'RELEASED' | 'REFUSED' | 'WITHDRAWN';
  isHit: boolean;
  isCritical: boolean;
  hasAmendment: boolean;
  inspectorId: string | null;
  // Times.
  createdAt: Date;
  registeredAt: Date;
  endAt: Date;
  registrationNumber: string;
  events: HistoryEvent[];
  assessedAt: Date | null;
  paidAt: Date | null;
  inspection: {
    kind: 'DOCUMENT_CHECK' | 'PHYSICAL_EXAMINATION' | 'POST_CLEARANCE_AUDIT';
    at: Date;
    isHit: boolean;
    isCritical: boolean;
    discrepancyType: string | null;
    additionalRevenue: D;
    findings: string;
  } | null;
  currentReason: string | null;
  // Money (UZS), when assessed.
  assessment: ReturnType<typeof assessDeclaration> | null;
  usdRate: D;
  invoiceRate: D;
};

const HISTORY_DAYS = 365;

const RISKY_ORIGINS_APPAREL = new Set(['CN', 'TR', 'BD', 'VN', 'IN']);

/** How much a line raises the odds of a violation (the "risk profiles" of this history). */
function goodsRisk(chapter: string, origin: string): number {
  if ((chapter === '61' || chapter === '62' || chapter === '64') && RISKY_ORIGINS_APPAREL.has(origin)) return 2.2;
  if (chapter === '87') return 2.0;
  if (chapter === '85') return 1.8;
  if (chapter === '22' || chapter === '24') return 1.4;
  if (chapter === '33') return 1.3;
  return 1;
}

function violationTypeFor(chapter: string, direction: Direction, rng: Rng): DiscrepancyType {
  if (direction === 'EXPORT')
    return rng.weighted<DiscrepancyType>([
      ['QUANTITY', 4],
      ['MISCLASSIFICATION', 2],
      ['UNDERVALUATION', 2],
      ['ORIGIN', 1],
      ['PROHIBITED_GOODS', 0.3],
    ]);
  if (chapter === '61' || chapter === '62' || chapter === '64')
    return rng.weighted<DiscrepancyType>([
      ['UNDERVALUATION', 5],
      ['ORIGIN', 3],
      ['QUANTITY', 2],
      ['MISCLASSIFICATION', 1],
    ]);
  if (chapter === '84' || chapter === '85')
    return rng.weighted<DiscrepancyType>([
      ['MISCLASSIFICATION', 4],
      ['UNDERVALUATION', 4],
      ['QUANTITY', 2],
      ['ORIGIN', 1],
    ]);
  if (chapter === '87')
    return rng.weighted<DiscrepancyType>([
      ['UNDERVALUATION', 5],
      ['ORIGIN', 2],
      ['MISCLASSIFICATION', 2],
      ['QUANTITY', 1],
    ]);
  if (chapter === '22' || chapter === '24')
    return rng.weighted<DiscrepancyType>([
      ['QUANTITY', 4],
      ['UNDERVALUATION', 3],
      ['PROHIBITED_GOODS', 1.5],
      ['MISCLASSIFICATION', 1],
    ]);
  return rng.weighted<DiscrepancyType>([
    ['QUANTITY', 4],
    ['MISCLASSIFICATION', 3],
    ['UNDERVALUATION', 3],
    ['ORIGIN', 2],
    ['PROHIBITED_GOODS', 1],
  ]);
}

const REGIME_MIX: Record<CompanySpec['kind'], ReadonlyArray<readonly [RegimeCode, number]>> = {
  importer: [
    ['IM40', 93],
    ['IM70', 2],
    ['IM31', 2],
    ['EK10', 3],
  ],
  exporter: [
    ['EK10', 84],
    ['EK31', 3],
    ['IM40', 13],
  ],
  mixed: [
    ['IM40', 65],
    ['EK10', 31],
    ['IM31', 2],
    ['EK31', 2],
  ],
  logistics: [
    ['TR80', 30],
    ['IM40', 40],
    ['IM70', 12],
    ['EK10', 18],
  ],
};

const ITEM_COUNTS: ReadonlyArray<readonly [number, number]> = [
  [1, 45],
  [2, 25],
  [3, 15],
  [4, 9],
  [5, 6],
];

const TRANSIT_ROUTES: ReadonlyArray<readonly [string, string, number]> = [
  ['CN', 'AF', 4],
  ['KZ', 'AF', 3],
  ['RU', 'AF', 2],
  ['CN', 'TM', 1],
  ['TR', 'KZ', 1],
  ['IR', 'KZ', 1],
  ['CN', 'TJ', 1],
  ['RU', 'TJ', 1],
  ['KZ', 'TM', 1],
];

/** Mode and post by the partner country (where the goods cross the border). */
function routeFor(partner: string, rng: Rng): [Mode, string] {
  switch (partner) {
    case 'AF':
      return rng.weighted<[Mode, string]>([
        [['ROAD', '30001'], 7],
        [['RAIL', '30001'], 3],
      ]);
    case 'KG':
      return [
        ['ROAD', '12001'],
        ['ROAD', '26003'],
      ][rng.chance(0.8) ? 0 : 1] as [Mode, string];
    case 'TJ':
      return rng.weighted<[Mode, string]>([
        [['ROAD', '23001'], 6],
        [['ROAD', '30001'], 2],
        [['RAIL', '26001'], 2],
      ]);
    case 'TM':
      return rng.weighted<[Mode, string]>([
        [['ROAD', '18001'], 5],
        [['ROAD', '23001'], 3],
        [['RAIL', '23001'], 2],
      ]);
    case 'KZ':
    case 'RU':
    case 'BY':
      return rng.weighted<[Mode, string]>([
        [['ROAD', '26003'], 5],
        [['RAIL', '26001'], 3],
        [['ROAD', '18001'], 2],
        [['AIR', '26002'], 0.5],
      ]);
    case 'CN':
      return rng.weighted<[Mode, string]>([
        [['RAIL', '26001'], 4],
        [['ROAD', '12001'], 2.5],
        [['AIR', '26002'], 1.5],
        [['ROAD', '26003'], 1],
        [['ROAD', '23001'], 1],
      ]);
    case 'TR':
    case 'IR':
    case 'GE':
    case 'AZ':
      return rng.weighted<[Mode, string]>([
        [['ROAD', '26003'], 3],
        [['ROAD', '23001'], 3],
        [['ROAD', '18001'], 1],
        [['AIR', '26002'], 1.5],
        [['RAIL', '26001'], 1.5],
      ]);
    default:
      return rng.weighted<[Mode, string]>([
        [['AIR', '26002'], 4],
        [['RAIL', '26001'], 3.5],
        [['ROAD', '23001'], 1.5],
        [['SEA', '26001'], 1],
      ]);
  }
}

function incotermFor(mode: Mode, direction: Direction, rng: Rng): string {
  if (mode === 'SEA')
    return rng.weighted([
      ['FOB', 4],
      ['CFR', 2],
      ['CIF', 3],
      ['EXW', 1],
      ['FCA', 1],
    ]);
  if (direction === 'EXPORT')
    return rng.weighted([
      ['FCA', 30],
      ['DAP', 30],
      ['CPT', 15],
      ['EXW', 10],
      ['CIP', 5],
      ['DDP', 3],
      ['DPU', 2],
    ]);
  return rng.weighted([
    ['FCA', 25],
    ['EXW', 12],
    ['CPT', 15],
    ['CIP', 6],
    ['DAP', 32],
    ['DPU', 3],
    ['DDP', 3],
  ]);
}

function transportDocumentFor(mode: Mode, rng: Rng): string {
  switch (mode) {
    case 'ROAD':
      return `CMR ${rng.digits(7)}`;
    case 'RAIL':
      return `SMGS ${rng.digits(8)}`;
    case 'AIR':
      return `AWB ${rng.pick(['176', '250', '607', '784', '999'])}-${rng.digits(8)}`;
    case 'SEA':
      return `B/L ${rng.pick(['MSKU', 'MEDU', 'CMAU', 'COSU'])}${rng.digits(7)}`;
    case 'POST':
      return `CN23 RR${rng.digits(9)}UZ`;
  }
}

/** A registration moment on business-like days and hours (Tashkent time), as a UTC Date. */
function registrationMoment(from: number, to: number, rng: Rng): Date {
  for (let attempt = 0; attempt < 50; attempt++) {
    const t = from + rng.next() * (to - from);
    const local = new Date(t + 5 * HOUR);
    const weekday = local.getUTCDay();
    if (weekday === 0 && !rng.chance(0.3)) continue;
    if (weekday === 6 && !rng.chance(0.65)) continue;
    const hour = rng.weighted<number>([
      [0, 0.2],
      [1, 0.1],
      [2, 0.1],
      [3, 0.1],
      [4, 0.1],
      [5, 0.2],
      [6, 0.6],
      [7, 1.5],
      [8, 4],
      [9, 7],
      [10, 8],
      [11, 8],
      [12, 6],
      [13, 7],
      [14, 8],
      [15, 8],
      [16, 7],
      [17, 5],
      [18, 3],
      [19, 2],
      [20, 1.2],
      [21, 0.8],
      [22, 0.5],
      [23, 0.3],
    ]);
    const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
    const moment = day + hour * HOUR + rng.int(0, 3599) * 1000 - 5 * HOUR;
    if (moment >= from && moment <= to) return new Date(moment);
  }
  return new Date(from + rng.next() * (to - from));
}

function pickGoods(chapters: Weighted, goodsByChapter: Map<string, Goods[]>, rng: Rng): Goods {
  const usable = chapters.filter(([ch]) => goodsByChapter.has(ch));
  const chapter = rng.weighted(usable);
  const list = goodsByChapter.get(chapter)!;
  return rng.weighted(list.map((g) => [g, g.popularity] as const));
}

function quantize(quantity: number, unit: string): number {
  if (unit === 'PCS' || unit === 'PAIR' || unit === '1000PCS') return Math.max(1, Math.round(quantity));
  if (unit === 'CT') return Math.max(0.01, Math.round(quantity * 100) / 100);
  return quantity >= 50 ? Math.round(quantity) : Math.max(0.5, Math.round(quantity * 10) / 10);
}

const PERCENT_FORMAT = (x: number) => `${Math.round(x * 100)}%`;

// ───────────────────────────── Generation ─────────────────────────────

export function generateHistory(args: {
  now: Date;
  companies: readonly CompanySpec[];
  goods: readonly Goods[];
  rates: RateTable;
  staff: Staff;
}): HistoryDeclaration[] {
  const { now, companies, goods, rates, staff } = args;
  const goodsByChapter = new Map<string, Goods[]>();
  for (const g of goods) {
    const list = goodsByChapter.get(g.line.chapter) ?? [];
    list.push(g);
    goodsByChapter.set(g.line.chapter, list);
  }

  const windowStart = utcDay(now).getTime() - HISTORY_DAYS * DAY + DAY;
  const windowEnd = now.getTime() - HOUR - 2 * MINUTE;
  const declarations: HistoryDeclaration[] = [];

  // Pass 1: the declarations as filed (parties, goods, prices) and the hidden truth.
  for (const company of companies) {
    for (let k = 0; k < company.declarationCount; k++) {
      const rng = new Rng(`declaration:${company.tin}:${k}`);
      const id = seedUuid(`declaration:${company.tin}:${k}`);
      const regime = rng.weighted(REGIME_MIX[company.kind]);
      const direction = REGIME_DIRECTION[regime];
      const from = Math.max(windowStart, company.traderCreatedAt.getTime() + DAY);
      const registeredAt = registrationMoment(from, windowEnd, rng);

      // Parties and route.
      let partnerCountry: string;
      let dispatchCountry: string;
      let destinationCountry: string;
      if (direction === 'TRANSIT') {
        const [a, b] = rng.weighted(TRANSIT_ROUTES.map(([x, y, wt]) => [[x, y] as const, wt] as const));
        partnerCountry = b;
        dispatchCountry = a;
        destinationCountry = b;
      } else if (direction === 'IMPORT') {
        partnerCountry = rng.weighted(company.importPartners);
        dispatchCountry = partnerCountry;
        destinationCountry = 'UZ';
      } else {
        partnerCountry = rng.weighted(company.exportPartners);
        dispatchCountry = 'UZ';
        destinationCountry = partnerCountry;
      }
      const foreign = partnerIn(partnerCountry, rng);
      const home = { name: company.name, country: 'UZ', address: company.address };
      let consignor: HistoryDeclaration['consignor'];
      let consignee: HistoryDeclaration['consignee'];
      if (direction === 'IMPORT') {
        consignor = { ...foreign, country: partnerCountry };
        consignee = home;
      } else if (direction === 'EXPORT') {
        consignor = home;
        consignee = { ...foreign, country: partnerCountry };
      } else {
        consignor = { ...partnerIn(dispatchCountry, rng), country: dispatchCountry };
        consignee = { ...foreign, country: destinationCountry };
      }

      // Goods (lines and origins first; quantities and prices once the truth is known).
      const chapters = direction === 'EXPORT' ? company.exportChapters : company.importChapters;
      const itemCount =
        regime === 'TR80' || regime === 'IM31' || regime === 'EK31' ? rng.int(1, 2) : rng.weighted(ITEM_COUNTS);
      const picked: { goods: Goods; origin: string }[] = [];
      const used = new Set<string>();
      for (let n = 0; n < itemCount; n++) {
        const g = pickGoods(regime === 'IM31' || regime === 'EK31' ? [['84', 1]] : chapters, goodsByChapter, rng);
        if (used.has(g.line.hsCode)) continue;
        used.add(g.line.hsCode);
        const origin =
          direction === 'EXPORT' ? 'UZ' : direction === 'TRANSIT' ? dispatchCountry : originFor(partnerCountry, rng);
        picked.push({ goods: g, origin });
      }

      // The hidden truth: is something wrong with this declaration?
      const ageDays = (registeredAt.getTime() - company.registeredAt.getTime()) / DAY;
      const isYoung = ageDays < 365;
      let propensity = company.isRisky ? 0.3 : company.isAuthorisedEconomicOperator ? 0.015 : 0.05;
      if (isYoung) propensity *= 1.4;
      const itemRisks = picked.map((p) => goodsRisk(p.goods.line.chapter, p.origin));
      const maxRisk = Math.max(...itemRisks);
      propensity *= maxRisk;
      if (direction === 'EXPORT') propensity *= 0.35;
      if (direction === 'TRANSIT') propensity *= 0.5;
      propensity = Math.min(0.85, propensity);
      const violationItem = itemRisks.indexOf(maxRisk);
      const violation = rng.chance(propensity)
        ? violationTypeFor(picked[violationItem].goods.line.chapter, direction, rng)
        : null;

      // Currency and rates of the registration date.
      const currency =
        direction === 'EXPORT'
          ? exportCurrencyFor(partnerCountry, rng)
          : currencyFor(direction === 'TRANSIT' ? dispatchCountry : partnerCountry, rng);
      const day = registrationDate(registeredAt);
      const usdRate = rates.rate('USD', day);
      const invoiceRate = rates.rate(currency, day);

      // Quantities, masses and prices.
      const items: HistoryItem[] = picked.map((p, n) => {
        const { goods: g, origin } = p;
        const unit = g.line.supplementaryUnit;
        let priceFactor = Math.exp(0.18 * rng.normal());
        if (
          violation === 'UNDERVALUATION' &&
          (n === violationItem || (g.line.chapter === picked[violationItem].goods.line.chapter && rng.chance(0.5)))
        )
          priceFactor = rng.float(0.3, 0.55);
        else if (!violation && rng.chance(0.02)) priceFactor = rng.float(0.5, 0.75); // honest discounts: false alarms for value control
        const unitPriceUsd = g.priceUsd * (ORIGIN_PRICE[origin] ?? 1) * priceFactor;
        const targetValueUsd = Math.min(250_000, Math.max(400, rng.lognormal(14_000, 0.9)));
        let quantity = quantize(targetValueUsd / (g.priceUsd * (ORIGIN_PRICE[origin] ?? 1)), unit);
        if (unit === 'PCS' && g.priceUsd >= 5000) quantity = Math.min(quantity, rng.int(1, 12));
        const unitPrice = new D(unitPriceUsd.toPrecision(6))
          .mul(usdRate)
          .div(invoiceRate)
          .toDecimalPlaces(4, D.ROUND_HALF_UP);
        const invoiceValue = D.max(new D('0.01'), round2(unitPrice.mul(quantity)));
        const net = unit === 'KG' ? quantity : quantity * g.massKg * (unit === 'L' ? 1 : rng.float(0.97, 1.03));
        const gross = net * (g.priceUsd >= 5000 && unit === 'PCS' ? 1 : rng.float(1.02, 1.1));
        return {
          id: seedUuid(`item:${id}:${n + 1}`),
          lineNo: n + 1,
          goods: g,
          origin,
          quantity: new D(quantity),
          netMass: Math.max(0.001, net).toFixed(3),
          grossMass: Math.max(0.001, gross, net).toFixed(3),
          invoiceValue,
          priceFactor,
          customsValue: new D(0),
        };
      });
      const invoiceTotal = items.reduce((s, i) => s.plus(i.invoiceValue), new D(0));
      const totalGross = items.reduce((s, i) => s + Number(i.grossMass), 0);
      const valueUsd = Number(invoiceTotal.mul(invoiceRate).div(usdRate).toFixed(2));

      // Route: heavy or cheap goods never fly.
      let [transportMode, postCode] =
        direction === 'TRANSIT' ? routeFor(destinationCountry, rng) : routeFor(partnerCountry, rng);
      if (transportMode === 'AIR' && (totalGross > 3000 || valueUsd / Math.max(1, totalGross) < 15))
        [transportMode, postCode] = ['RAIL', '26001'];
      if (transportMode === 'AIR' && totalGross < 30 && rng.chance(0.3)) transportMode = 'POST';
      const incoterm = incotermFor(transportMode, direction, rng);
      const adds = incotermAdds(incoterm);
      const freightUsd = Math.min(9000, Math.max(300, valueUsd * rng.float(0.03, 0.1)));
      const insuranceUsd = Math.max(20, valueUsd * rng.float(0.001, 0.004));
      const inCurrency = (usd: number) => round2(new D(usd.toFixed(2)).mul(usdRate).div(invoiceRate));
      const freight = adds.freight ? inCurrency(freightUsd) : null;
      const insurance = adds.insurance ? inCurrency(insuranceUsd) : null;

      // What the engine can see: trader history, profiles, value control — plus noise.
      const minPriceFactor = Math.min(...items.map((i) => i.priceFactor));
      let engineRisk = company.isRisky ? 2.5 : company.isAuthorisedEconomicOperator ? 0.4 : 1;
      if (isYoung) engineRisk *= 1.3;
      engineRisk *= maxRisk;
      if (minPriceFactor < 0.6) engineRisk *= 3;
      if (direction === 'EXPORT') engineRisk *= 0.5;
      engineRisk *= Math.exp(0.6 * rng.normal());

      declarations.push({
        index: declarations.length,
        id,
        company,
        regime,
        direction,
        postCode,
        partnerCountry,
        consignor,
        consignee,
        dispatchCountry,
        destinationCountry,
        transportMode,
        transportDocument: transportDocumentFor(transportMode, rng),
        incoterm,
        currency,
        freight,
        insurance,
        items,
        invoiceTotal,
        propensity,
        violation,
        violationItem,
        engineRisk,
        channel: 'GREEN',
        isRandomPick: false,
        score: 0,
        reasons: [],
        outcome: 'RELEASED',
        isHit: false,
        isCritical: false,
        hasAmendment: false,
        inspectorId: null,
        createdAt: registeredAt,
        registeredAt,
        endAt: registeredAt,
        registrationNumber: '',
        events: [],
        assessedAt: null,
        paidAt: null,
        inspection: null,
        currentReason: null,
        assessment: null,
        usdRate,
        invoiceRate,
      });
    }
  }

  assignChannels(declarations);
  decideOutcomes(declarations, staff);
  scheduleAndRecord(declarations, now, rates);
  return declarations;
}

// ───────────────────────────── Pass 2: channels ─────────────────────────────

// Shares sent to an officer by the engine (random picks and ~2% blue come on top), so that about
// 62% of imports and 83% of exports end green.
const NON_GREEN_TARGET: Record<Direction, number> = { IMPORT: 0.348, EXPORT: 0.125, TRANSIT: 0.25 };
const RANDOM_PICK_SHARE = 0.012;
const BLUE_SHARE = 0.02;

/** The scale s with Σ min(cap, s·wᵢ) = target·n (bisection), so capping does not shrink the share. */
function scaleForShare(weights: readonly number[], target: number, cap: number): number {
  let lo = 0;
  let hi = 1;
  const share = (s: number) => weights.reduce((sum, w) => sum + Math.min(cap, s * w), 0) / weights.length;
  while (share(hi) < target && hi < 1e9) hi *= 2;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (share(mid) < target) lo = mid;
    else hi = mid;
  }
  return hi;
}

function assignChannels(declarations: HistoryDeclaration[]): void {
  const rng = new Rng('channels');
  for (const direction of ['IMPORT', 'EXPORT', 'TRANSIT'] as const) {
    const group = declarations.filter((d) => d.direction === direction);
    if (group.length === 0) continue;
    const weights = group.map((d) => Math.pow(d.engineRisk, 0.8));
    const scale = scaleForShare(weights, NON_GREEN_TARGET[direction], 0.95);
    const nonGreen: HistoryDeclaration[] = [];
    group.forEach((d, i) => {
      if (rng.chance(Math.min(0.95, scale * weights[i]))) nonGreen.push(d);
    });
    const meanRisk = nonGreen.reduce((s, d) => s + d.engineRisk, 0) / Math.max(1, nonGreen.length);
    for (const d of nonGreen) {
      // Of the declarations sent to an officer, about a quarter get a document check only.
      const pRed = Math.min(0.97, Math.max(0.25, 0.75 * Math.pow(d.engineRisk / meanRisk, 0.35)));
      d.channel = rng.chance(pRed) ? 'RED' : 'YELLOW';
    }
    const greenShare = 1 - nonGreen.length / group.length;
    for (const d of group) {
      if (d.channel !== 'GREEN') continue;
      if (rng.chance(BLUE_SHARE / greenShare)) d.channel = 'BLUE';
      else if (rng.chance(RANDOM_PICK_SHARE / greenShare)) {
        d.channel = 'YELLOW';
        d.isRandomPick = true;
      }
    }
  }

  // Score in the channel's band, ordered by the engine's risk, and the reasons behind it.
  const sorted = [...declarations].sort((a, b) => a.engineRisk - b.engineRisk || a.index - b.index);
  const rank = new Map(sorted.map((d, i) => [d.id, i / Math.max(1, sorted.length - 1)]));
  const BANDS: Record<Channel, readonly [number, number]> = {
    GREEN: [2, 39],
    BLUE: [25, 45],
    YELLOW: [40, 69],
    RED: [70, 99],
  };
  for (const d of declarations) {
    const [lo, hi] = d.isRandomPick ? BANDS.GREEN : BANDS[d.channel];
    d.score = Math.round(lo + (hi - lo) * rank.get(d.id)!);
    d.reasons = reasonsFor(d);
  }
}

function reasonsFor(d: HistoryDeclaration): HistoryDeclaration['reasons'] {
  const reasons: HistoryDeclaration['reasons'] = [];
  const c = d.company;
  if (c.isRisky)
    reasons.push({
      kind: 'TRADER',
      code: 'TRADER-HISTORY',
      message: 'Earlier inspections of this trader found violations',
      weight: 25,
    });
  if (c.isAuthorisedEconomicOperator)
    reasons.push({ kind: 'TRADER', code: 'AEO', message: 'Authorised economic operator', weight: -20 });
  if ((d.registeredAt.getTime() - c.registeredAt.getTime()) / DAY < 365)
    reasons.push({
      kind: 'TRADER',
      code: 'TRADER-NEW',
      message: 'Company registered less than a year ago',
      weight: 10,
    });
  const seen = new Set<string>();
  for (const item of d.items) {
    const ch = item.goods.line.chapter;
    const risk = goodsRisk(ch, item.origin);
    if (risk <= 1) continue;
    const code = ch === '87' ? `HS-${item.goods.line.hsCode.slice(0, 4)}` : `HS-${ch}`;
    if (seen.has(code)) continue;
    seen.add(code);
    const message =
      ch === '61' || ch === '62' || ch === '64'
        ? `Apparel and footwear from ${item.origin}: undervaluation risk`
        : ch === '87'
          ? 'Vehicles: undervaluation and origin risk'
          : ch === '85'
            ? 'Electronics: misclassification and undervaluation risk'
            : ch === '33'
              ? 'Cosmetics: counterfeit and valuation risk'
              : 'Excise goods: quantity and valuation risk';
    reasons.push({ kind: 'PROFILE', code, message, weight: Math.round((risk - 1) * 25) });
  }
  for (const item of d.items) {
    if (item.priceFactor < 0.6) {
      reasons.push({
        kind: 'VALUE',
        code: 'PRICE-BELOW-REFERENCE',
        message: `Item ${item.lineNo}: declared unit price is ${PERCENT_FORMAT(item.priceFactor)} of the usual price for ${item.goods.line.hsCode} from ${item.origin}`,
        weight: 30,
      });
    }
  }
  if (d.isRandomPick)
    reasons.push({ kind: 'RANDOM', code: 'RANDOM', message: 'Random selection for inspection', weight: 0 });
  else if ((d.channel === 'YELLOW' || d.channel === 'RED') && !reasons.some((r) => r.weight > 0)) {
    reasons.push({
      kind: 'MODEL',
      code: 'MODEL-SCORE',
      message: 'Combined route, value and commodity indicators above the channel threshold',
      weight: 20,
    });
  }
  if (d.channel === 'BLUE')
    reasons.push({ kind: 'PROFILE', code: 'POST-AUDIT', message: 'Listed for post-clearance audit', weight: 0 });
  return reasons;
}

// ───────────────────────────── Pass 3: outcomes ─────────────────────────────

const HIT_TARGET = { YELLOW: 0.12, RED: 0.3 } as const;

function decideOutcomes(declarations: HistoryDeclaration[], staff: Staff): void {
  const rng = new Rng('outcomes');
  // Withdrawals first: traders withdraw more often once an officer is involved.
  for (const d of declarations) {
    const officer = d.channel === 'YELLOW' || d.channel === 'RED';
    if (rng.chance(officer ? 0.065 : 0.016)) d.outcome = 'WITHDRAWN';
  }
  // Detection: an inspection finds a violation with the probability that gives the target hit rates.
  const detect: Record<'YELLOW' | 'RED', number> = { YELLOW: 0, RED: 0 };
  for (const ch of ['YELLOW', 'RED'] as const) {
    const inspected = declarations.filter((d) => d.channel === ch && d.outcome !== 'WITHDRAWN');
    const violated = inspected.filter((d) => d.violation).length;
    detect[ch] = Math.min(1, (HIT_TARGET[ch] * inspected.length) / Math.max(1, violated));
  }
  for (const d of declarations) {
    if (d.channel === 'YELLOW' || d.channel === 'RED') {
      const inspectors = staff.inspectorsByPost.get(d.postCode) ?? [];
      d.inspectorId = rng.pick(inspectors);
      d.hasAmendment = d.outcome !== 'WITHDRAWN' && rng.chance(0.08);
      if (d.outcome === 'WITHDRAWN') continue;
      d.isHit = d.violation !== null && rng.chance(detect[d.channel]);
      if (d.isHit) d.isCritical = d.violation === 'PROHIBITED_GOODS' || rng.chance(0.08);
      const pRefuse = d.isHit ? (d.violation === 'PROHIBITED_GOODS' ? 1 : d.isCritical ? 0.6 : 0.3) : 0.05;
      if (rng.chance(pRefuse)) d.outcome = 'REFUSED';
    } else if (d.channel === 'BLUE') {
      d.inspectorId = rng.pick(staff.inspectorsByPost.get(d.postCode) ?? []);
    }
  }
}

// ───────────────────────────── Pass 4: times, events, money ─────────────────────────────

function durationFor(d: HistoryDeclaration, rng: Rng): number {
  if (d.channel === 'GREEN' || d.channel === 'BLUE') return rng.float(1, 10) * MINUTE;
  if (d.channel === 'YELLOW') return Math.min(240, Math.max(10, rng.lognormal(55, 0.7))) * MINUTE;
  return Math.min(48, Math.max(1, rng.lognormal(7, 0.8))) * HOUR;
}

const REFUSAL_REASON: Record<DiscrepancyType | 'NONE', string> = {
  UNDERVALUATION: 'Refused: the declared customs value is not supported by the documents (undervaluation).',
  MISCLASSIFICATION: 'Refused: the goods are misclassified; file a new declaration under the correct commodity code.',
  ORIGIN: 'Refused: the country of origin is not confirmed by the goods or the certificate of origin.',
  QUANTITY: 'Refused: the quantity found differs substantially from the declared quantity.',
  PROHIBITED_GOODS: 'Refused: goods subject to prohibition were found in the consignment.',
  NONE: 'Refused: a required permit was not presented for the goods.',
};

const WITHDRAWAL_REASONS = [
  'Withdrawn by the declarant: the contract was cancelled.',
  'Withdrawn by the declarant: a data entry error, a corrected declaration will follow.',
  'Withdrawn by the declarant: the goods are returned to the consignor.',
];

function findingsFor(
  d: HistoryDeclaration,
  kind: 'DOCUMENT_CHECK' | 'PHYSICAL_EXAMINATION' | 'POST_CLEARANCE_AUDIT',
  isHit: boolean,
  rng: Rng,
): string {
  if (!isHit) {
    if (kind === 'DOCUMENT_CHECK')
      return 'Documents checked: invoice, contract and transport document are consistent with the declaration. No discrepancies.';
    if (kind === 'PHYSICAL_EXAMINATION')
      return 'Physical examination: goods, quantity, marking and packaging correspond to the declaration. No discrepancies.';
    return 'Post-clearance audit: accounting records and payment documents are consistent with the declaration.';
  }
  const item = d.items[d.violationItem];
  const ref = `item ${item.lineNo} (${item.goods.line.hsCode})`;
  switch (d.violation) {
    case 'UNDERVALUATION':
      return `The declared value of ${ref} is ${PERCENT_FORMAT(item.priceFactor)} of the usual price for goods of this origin; the price paid is not supported by payment records. Customs value adjusted.`;
    case 'MISCLASSIFICATION':
      return `The goods of ${ref} fall under a different heading with a higher duty rate. Reclassified and reassessed.`;
    case 'ORIGIN':
      return `The marking of the goods of ${ref} does not match the declared origin ${item.origin}; the certificate of origin is not accepted.`;
    case 'QUANTITY':
      return `The quantity of ${ref} found exceeds the declared quantity by ${rng.int(10, 35)}%.`;
    case 'PROHIBITED_GOODS':
      return `Goods subject to prohibition (counterfeit trademark goods) found with ${ref}.`;
    default:
      return 'Discrepancy found.';
  }
}

/** Extra duties and taxes an inspection hit brings (UZS). */
function additionalRevenueFor(d: HistoryDeclaration, rng: Rng): D {
  const item = d.items[d.violationItem];
  const line = item.goods.line;
  const cv = item.customsValue;
  const dutyRate = new D(d.direction === 'EXPORT' ? line.exportDutyRate : line.adValoremRate).div(100);
  const exciseRate =
    d.direction === 'IMPORT' && line.exciseType === 'AD_VALOREM' ? new D(line.exciseRate).div(100) : new D(0);
  const vatRate = d.direction === 'IMPORT' ? new D(line.vatRate).div(100) : new D(0);
  const taxOn = (base: D) =>
    base.mul(dutyRate.plus(exciseRate).plus(vatRate.mul(new D(1).plus(dutyRate).plus(exciseRate))));
  let extra: D;
  if (d.violation === 'UNDERVALUATION') {
    const diff = cv.div(new D(item.priceFactor.toFixed(4))).minus(cv);
    extra = D.max(taxOn(diff), diff.mul('0.05'));
  } else if (d.violation === 'MISCLASSIFICATION') {
    extra = cv.mul(new D(rng.float(0.04, 0.15).toFixed(4))).mul(new D(1).plus(vatRate));
  } else if (d.violation === 'QUANTITY') {
    const share = cv.mul(new D(rng.float(0.1, 0.35).toFixed(4)));
    extra = D.max(taxOn(share), share.mul('0.05'));
  } else {
    extra = new D(0);
  }
  return round2(extra);
}

function scheduleAndRecord(declarations: HistoryDeclaration[], now: Date, rates: RateTable): void {
  const latest = now.getTime() - HOUR - MINUTE;
  for (const d of declarations) {
    const rng = new Rng(`timeline:${d.id}`);
    const total = durationFor(d, rng);
    // Nothing may end in the last hour: move the registration earlier when needed.
    if (d.registeredAt.getTime() + total > latest)
      d.registeredAt = new Date(latest - total - rng.float(1, 30) * MINUTE);
    const reg = d.registeredAt;
    d.createdAt = addMs(reg, -rng.float(3, 360) * MINUTE);
    d.endAt = addMs(reg, total);

    // Money at the rate of the registration date.
    const day = registrationDate(reg);
    d.usdRate = rates.rate('USD', day);
    d.invoiceRate = rates.rate(d.currency, day);
    d.assessment = assessDeclaration({
      regime: d.regime,
      incoterm: d.incoterm,
      freight: d.freight,
      insurance: d.insurance,
      invoiceRate: d.invoiceRate,
      rateOf: (code) => rates.rate(code, day),
      items: d.items.map((i) => ({ line: i.goods.line, quantity: i.quantity, invoiceValue: i.invoiceValue })),
    });
    d.items.forEach((item, n) => (item.customsValue = d.assessment!.items[n].customsValue));
  }

  // Registration numbers: per post and Tashkent day, in registration order.
  const ordered = [...declarations].sort(
    (a, b) => a.registeredAt.getTime() - b.registeredAt.getTime() || a.index - b.index,
  );
  const sequences = new Map<string, number>();
  for (const d of ordered) {
    const key = `${d.postCode}:${isoDate(registrationDate(d.registeredAt))}`;
    const seq = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, seq);
    d.registrationNumber = formatRegistrationNumber(d.postCode, d.registeredAt, seq);
  }

  for (const d of declarations) recordTimeline(d, now);
  keepRecentBlueUnaudited(declarations);
}

/** How many of each post's latest released blue declarations are left for the demo's post-clearance audit. */
const UNAUDITED_BLUE_PER_POST = 3;

/**
 * The newest released blue-channel declarations of every post wait for their post-clearance audit,
 * whatever day the seed runs: the demo (and its end-to-end test) always has audits to record.
 */
function keepRecentBlueUnaudited(declarations: HistoryDeclaration[]): void {
  const byPost = new Map<string, HistoryDeclaration[]>();
  for (const d of declarations) {
    if (d.channel !== 'BLUE' || d.outcome !== 'RELEASED') continue;
    byPost.set(d.postCode, [...(byPost.get(d.postCode) ?? []), d]);
  }
  for (const list of byPost.values()) {
    for (const d of list
      .sort((a, b) => b.endAt.getTime() - a.endAt.getTime() || a.index - b.index)
      .slice(0, UNAUDITED_BLUE_PER_POST)) {
      if (d.inspection?.kind !== 'POST_CLEARANCE_AUDIT') continue;
      d.inspection = null;
      d.isHit = false;
    }
  }
}

function recordTimeline(d: HistoryDeclaration, now: Date): void {
  const rng = new Rng(`events:${d.id}`);
  const reg = d.registeredAt.getTime();
  const total = d.endAt.getTime() - reg;
  const trader = d.company.traderId;
  const events: HistoryEvent[] = [];
  const push = (
    from: Status | null,
    to: Status,
    at: number,
    actorId: string | null,
    actorRole: string,
    reason: string | null = null,
  ) =>
    events.push({
      declarationId: d.id,
      fromStatus: from,
      toStatus: to,
      actorId,
      actorRole,
      reason,
      at: new Date(Math.round(at)),
    });
  const isSecured = SECURED_REGIMES.has(d.regime);

  push('DRAFT', 'SUBMITTED', reg, trader, 'TRADER');
  push('SUBMITTED', 'REGISTERED', reg, null, 'SYSTEM', `Registered as ${d.registrationNumber}`);

  if (d.channel === 'GREEN' || d.channel === 'BLUE') {
    const assessedAt = reg + rng.float(2, 20) * 1000;
    push(
      'REGISTERED',
      'ASSESSED',
      assessedAt,
      null,
      'SYSTEM',
      d.channel === 'BLUE' ? 'Blue channel: assessed automatically' : 'Green channel: assessed automatically',
    );
    d.assessedAt = new Date(Math.round(assessedAt));
    if (d.outcome === 'WITHDRAWN') {
      push(
        'ASSESSED',
        'WITHDRAWN',
        assessedAt + (d.endAt.getTime() - assessedAt) * rng.float(0.3, 0.9),
        trader,
        'TRADER',
        rng.pick(WITHDRAWAL_REASONS),
      );
    } else if (isSecured) {
      push('ASSESSED', 'RELEASED', d.endAt.getTime(), null, 'SYSTEM', 'Released; payments secured by a guarantee');
    } else {
      const paidAt = assessedAt + (d.endAt.getTime() - assessedAt) * rng.float(0.3, 0.9);
      d.paidAt = new Date(Math.round(paidAt));
      push('ASSESSED', 'PAID', paidAt, null, 'SYSTEM', 'Paid from the personal account');
      push(
        'PAID',
        'RELEASED',
        d.endAt.getTime(),
        null,
        'SYSTEM',
        d.channel === 'BLUE' ? 'Released; listed for post-clearance audit' : 'Released (green channel)',
      );
    }
    if (d.channel === 'BLUE' && d.outcome === 'RELEASED') {
      const auditAt = d.endAt.getTime() + rng.float(10, 60) * DAY;
      if (auditAt <= now.getTime() - HOUR) {
        const isHit = d.violation !== null && rng.chance(0.3);
        d.inspection = {
          kind: 'POST_CLEARANCE_AUDIT',
          at: new Date(Math.round(auditAt)),
          isHit,
          isCritical: false,
          discrepancyType: isHit ? d.violation : null,
          additionalRevenue: isHit ? additionalRevenueFor(d, rng) : new D(0),
          findings: findingsFor(d, 'POST_CLEARANCE_AUDIT', isHit, rng),
        };
        d.isHit = isHit;
      }
    }
  } else {
    const inspector = d.inspectorId!;
    push('REGISTERED', 'ASSIGNED', reg, null, 'SYSTEM', 'Distributed to an inspector');
    let t = reg;
    if (d.hasAmendment) {
      t = reg + total * rng.float(0.08, 0.2);
      push(
        'ASSIGNED',
        'AMENDMENT_REQUESTED',
        t,
        inspector,
        'INSPECTOR',
        rng.pick([
          'Attach the signed contract and the packing list.',
          'Attach the certificate of origin for the goods.',
          'The invoice total differs from the payment order; attach the corrected invoice.',
        ]),
      );
      t += total * rng.float(0.05, 0.15);
      push('AMENDMENT_REQUESTED', 'ASSIGNED', t, trader, 'TRADER', 'Documents added by the declarant');
    }
    if (d.outcome === 'WITHDRAWN') {
      push(
        'ASSIGNED',
        'WITHDRAWN',
        t + (d.endAt.getTime() - t) * rng.float(0.2, 0.8),
        trader,
        'TRADER',
        rng.pick(WITHDRAWAL_REASONS),
      );
    } else {
      const kind = d.channel === 'RED' ? 'PHYSICAL_EXAMINATION' : 'DOCUMENT_CHECK';
      const inspectedAt = t + (d.endAt.getTime() - t) * rng.float(0.4, 0.8);
      d.inspection = {
        kind,
        at: new Date(Math.round(inspectedAt)),
        isHit: d.isHit,
        isCritical: d.isCritical,
        discrepancyType: d.isHit ? d.violation : null,
        additionalRevenue: d.isHit ? additionalRevenueFor(d, rng) : new D(0),
        findings: findingsFor(d, kind, d.isHit, rng),
      };
      if (d.outcome === 'REFUSED') {
        const reason = REFUSAL_REASON[d.isHit && d.violation ? d.violation : 'NONE'];
        push(
          'ASSIGNED',
          'REFUSED',
          inspectedAt + (d.endAt.getTime() - inspectedAt) * rng.float(0.2, 1),
          inspector,
          'INSPECTOR',
          reason,
        );
        d.currentReason = reason;
      } else {
        const assessedAt = inspectedAt + (d.endAt.getTime() - inspectedAt) * rng.float(0.05, 0.3);
        d.assessedAt = new Date(Math.round(assessedAt));
        push(
          'ASSIGNED',
          'ASSESSED',
          assessedAt,
          inspector,
          'INSPECTOR',
          d.isHit
            ? 'Inspection completed with findings; reassessed'
            : kind === 'PHYSICAL_EXAMINATION'
              ? 'Physical examination completed'
              : 'Document check completed',
        );
        if (isSecured) {
          push(
            'ASSESSED',
            'RELEASED',
            d.endAt.getTime(),
            inspector,
            'INSPECTOR',
            'Released; payments secured by a guarantee',
          );
        } else {
          const paidAt = assessedAt + (d.endAt.getTime() - assessedAt) * rng.float(0.3, 0.9);
          d.paidAt = new Date(Math.round(paidAt));
          push('ASSESSED', 'PAID', paidAt, null, 'SYSTEM', 'Paid from the personal account');
          push('PAID', 'RELEASED', d.endAt.getTime(), inspector, 'INSPECTOR', 'Released by the inspector');
        }
      }
    }
  }
  if (d.outcome === 'WITHDRAWN') d.currentReason = events[events.length - 1].reason;
  // The last event is when the declaration ended.
  d.endAt = events[events.length - 1].at;
  d.events = events;
}
