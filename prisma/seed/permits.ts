// The single window at work: permit applications on every authority's desk and permits the demo
// companies hold. Every authority has three applications waiting (their SLA clocks on time, due
// soon and overdue at `now`) and one waiting for the trader's answer to a question; the demo
// companies hold issued permits (one part used by their past declarations, one expired by date,
// one revoked), have applications waiting and one question to answer. Times are working times
// counted back from `now`, so the clocks show the same states whatever day the seed runs.
//
// What must stay true: numbers follow lib/permits/numbering.ts and run 000001, 000002, … per type
// and year in the order of submission (applications) or issue (permits), so the portal's next
// number follows on; every product's code is in the seeded tariff and covered by its type; every
// issued permit but the expired one is valid on `now`. No signed documents: the portal issues a
// seeded permit's document on its first print (src/server/permits/document.ts).
import { createHash } from 'node:crypto';
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { addDays } from '../../lib/permits/issue.ts';
import { serviceDate, startOfServiceDate } from '../../lib/time.ts';
import { seedUuid } from './ids.ts';
import { DAY, HOUR, MINUTE } from './dates.ts';
import { PERMIT_CATALOGUE, type CatalogueDirection } from './permit-catalogue.ts';
import { REGIME_DIRECTION } from './assess.ts';
import type { CompanySpec, UserRow } from './people.ts';
import type { Goods } from './tariff.ts';
import type { HistoryDeclaration } from './history.ts';

type Unit = 'KG' | 'L' | 'PCS';
type Product = { hsCode: string; description: string; quantity: string; unit: Unit; country: string };

type State =
  | { status: 'DRAFT' }
  /** Waiting on the desk for this much working time. */
  | { status: 'SUBMITTED'; waitedHours: number }
  /** Asked `askedHoursAgo` working hours ago, after `waitedHours` on the desk. */
  | { status: 'INFO_REQUESTED'; waitedHours: number; askedHoursAgo: number; question: string }
  | { status: 'REFUSED'; decidedDaysAgo: number; reason: string }
  | {
      status: 'ISSUED';
      issuedDaysAgo: number;
      conditions?: string;
      /** A question and its answer before the decision. */
      exchange?: { question: string; answer: string };
      revoked?: { daysAgo: number; reason: string };
      /** Issued long enough ago that its validity ended before `now` (checked). */
      isExpired?: boolean;
      /** Write off the company's past released declarations of these goods (QUANTITY scope only). */
      isUsedByHistory?: boolean;
    };

type Spec = {
  key: string;
  company: string;
  type: string;
  direction?: CatalogueDirection;
  purpose: string;
  products: Product[];
  state: State;
};

const SILK = 'Silk Road Trading LLC';
const ORIENT = 'Orient Logistics JSC';

// Waiting times on the desk (working hours), with the default target of 2 working days (48 h):
// on time below 36 h, due soon from 36 h to 48 h, overdue beyond.
const SPECS: readonly Spec[] = [
  // ───── Plant quarantine (PQ) ─────
  {
    key: 'pq-grapes',
    company: SILK,
    type: 'PQ-IMP',
    purpose: 'Fresh grapes for retail chains in Tashkent',
    products: [
      {
        hsCode: '0806101000',
        description: 'Fresh table grapes, Sultana',
        quantity: '18000',
        unit: 'KG',
        country: 'TR',
      },
    ],
    state: {
      status: 'ISSUED',
      issuedDaysAgo: 9,
      conditions: 'Phytosanitary inspection at the border post; fumigation certificate to travel with the consignment',
      exchange: {
        question: 'Which region of Turkey do the grapes come from? The phytosanitary certificate does not say.',
        answer: 'Manisa province; the exporter has added the region to the certificate, attached again.',
      },
    },
  },
  {
    key: 'pq-tomatoes-2',
    company: SILK,
    type: 'PQ-IMP',
    purpose: 'Greenhouse tomatoes for the spring season',
    products: [
      { hsCode: '0702000000', description: 'Fresh tomatoes, greenhouse', quantity: '20000', unit: 'KG', country: 'IR' },
    ],
    state: { status: 'ISSUED', issuedDaysAgo: 236, isExpired: true },
  },
  {
    key: 'pq-cherries',
    company: ORIENT,
    type: 'PQ-PHYTO',
    purpose: 'Sweet cherries for a buyer in Moscow',
    products: [
      { hsCode: '0809290000', description: 'Fresh sweet cherries', quantity: '12000', unit: 'KG', country: 'RU' },
    ],
    state: { status: 'ISSUED', issuedDaysAgo: 3 },
  },
  {
    key: 'pq-samarkand-grapes',
    company: 'Samarkand Fruit Export LLC',
    type: 'PQ-PHYTO',
    purpose: 'Table grapes for Kazakhstan',
    products: [
      {
        hsCode: '0806101000',
        description: 'Fresh table grapes, Husayne',
        quantity: '20000',
        unit: 'KG',
        country: 'KZ',
      },
    ],
    state: { status: 'ISSUED', issuedDaysAgo: 6 },
  },
  {
    key: 'pq-grapefruit',
    company: SILK,
    type: 'PQ-IMP',
    purpose: 'Grapefruit for supermarkets',
    products: [{ hsCode: '0805400000', description: 'Fresh grapefruit', quantity: '15000', unit: 'KG', country: 'TR' }],
    state: { status: 'SUBMITTED', waitedHours: 2.5 },
  },
  {
    key: 'pq-cuttings',
    company: 'Green Garden Seeds LLC',
    type: 'PQ-IMP',
    purpose: 'Rose cuttings for our nursery',
    products: [
      { hsCode: '0602100000', description: 'Unrooted rose cuttings', quantity: '1500', unit: 'KG', country: 'NL' },
    ],
    state: { status: 'SUBMITTED', waitedHours: 40 },
  },
  {
    key: 'pq-onions',
    company: 'Namangan Agro Export LLC',
    type: 'PQ-PHYTO',
    purpose: 'Dried onions for a buyer in Russia',
    products: [
      { hsCode: '0712200000', description: 'Dried onions, whole', quantity: '40000', unit: 'KG', country: 'RU' },
    ],
    state: { status: 'SUBMITTED', waitedHours: 58 },
  },
  {
    key: 'pq-apricots',
    company: 'Samarkand Fruit Export LLC',
    type: 'PQ-PHYTO',
    purpose: 'Dried apricots for Kazakhstan',
    products: [{ hsCode: '0813100000', description: 'Dried apricots', quantity: '25000', unit: 'KG', country: 'KZ' }],
    state: {
      status: 'INFO_REQUESTED',
      waitedHours: 20,
      askedHoursAgo: 3,
      question:
        'Attach the laboratory report on pesticide residues for lot 3; the report attached covers lots 1 and 2 only.',
    },
  },

  // ───── Sanitary-epidemiological service (SES) ─────
  {
    key: 'ses-drinks',
    company: SILK,
    type: 'SES-FOOD',
    purpose: 'Mineral water and wine for retail over the year',
    products: [
      {
        hsCode: '2201100000',
        description: 'Mineral water, still and sparkling',
        quantity: '90000',
        unit: 'L',
        country: 'GE',
      },
      {
        hsCode: '2204210000',
        description: 'Wine of fresh grapes, in bottles',
        quantity: '15000',
        unit: 'L',
        country: 'GE',
      },
    ],
    state: { status: 'ISSUED', issuedDaysAgo: 351, isUsedByHistory: true },
  },
  {
    key: 'ses-cosmetics',
    company: SILK,
    type: 'SES-COSM',
    purpose: 'Face creams for pharmacies',
    products: [{ hsCode: '3304990000', description: 'Face creams', quantity: '2000', unit: 'KG', country: 'KR' }],
    state: {
      status: 'ISSUED',
      issuedDaysAgo: 75,
      revoked: {
        daysAgo: 12,
        reason: 'A laboratory re-test of the batch found preservative content above the permitted limit',
      },
    },
  },
  {
    key: 'ses-sugar',
    company: 'Zamin Food Import LLC',
    type: 'SES-FOOD',
    purpose: 'White sugar for confectioners',
    products: [
      { hsCode: '1701990000', description: 'White cane sugar', quantity: '500000', unit: 'KG', country: 'BR' },
    ],
    state: { status: 'ISSUED', issuedDaysAgo: 120 },
  },
  {
    key: 'ses-oil',
    company: 'Zamin Food Import LLC',
    type: 'SES-FOOD',
    purpose: 'Sunflower oil for bottling',
    products: [
      { hsCode: '1512110000', description: 'Crude sunflower oil', quantity: '60000', unit: 'KG', country: 'RU' },
    ],
    state: { status: 'SUBMITTED', waitedHours: 5 },
  },
  {
    key: 'ses-toys',
    company: 'Turon Toys LLC',
    type: 'SES-CHILD',
    purpose: 'Scooters and tricycles for the New Year season',
    products: [
      {
        hsCode: '9503009900',
        description: 'Children’s scooters and tricycles',
        quantity: '12000',
        unit: 'PCS',
        country: 'CN',
      },
    ],
    state: { status: 'SUBMITTED', waitedHours: 38.5 },
  },
  {
    key: 'ses-milk',
    company: ORIENT,
    type: 'SES-FOOD',
    purpose: 'Milk powder for a dairy client',
    products: [
      { hsCode: '0402109000', description: 'Skimmed milk powder', quantity: '20000', unit: 'KG', country: 'BY' },
    ],
    state: { status: 'SUBMITTED', waitedHours: 62 },
  },
  {
    key: 'ses-shampoo',
    company: 'Sogdiana Cosmetics LLC',
    type: 'SES-COSM',
    purpose: 'Shampoos for our shops',
    products: [{ hsCode: '3305100000', description: 'Shampoos', quantity: '8000', unit: 'KG', country: 'TR' }],
    state: {
      status: 'INFO_REQUESTED',
      waitedHours: 26,
      askedHoursAgo: 5,
      question:
        'The product composition lists a preservative by trade name only. Give its INCI name and concentration.',
    },
  },

  // ───── Veterinary committee (VET) ─────
  {
    key: 'vet-beef',
    company: ORIENT,
    type: 'VET-IMP',
    purpose: 'Frozen boneless beef for a meat processor',
    products: [
      { hsCode: '0201300000', description: 'Boneless beef, chilled', quantity: '24000', unit: 'KG', country: 'BR' },
    ],
    state: {
      status: 'ISSUED',
      issuedDaysAgo: 41,
      conditions: 'Veterinary inspection at the border post; storage at −18 °C or below',
    },
  },
  {
    key: 'vet-milk',
    company: 'Zamin Food Import LLC',
    type: 'VET-IMP',
    purpose: 'Milk powder for our bakeries',
    products: [
      { hsCode: '0402109000', description: 'Whole milk powder', quantity: '30000', unit: 'KG', country: 'KZ' },
    ],
    state: { status: 'ISSUED', issuedDaysAgo: 97 },
  },
  {
    key: 'vet-beef-zamin',
    company: 'Zamin Food Import LLC',
    type: 'VET-IMP',
    purpose: 'Beef for the winter season',
    products: [
      { hsCode: '0201300000', description: 'Boneless beef, chilled', quantity: '24000', unit: 'KG', country: 'BR' },
    ],
    state: { status: 'SUBMITTED', waitedHours: 1.5 },
  },
  {
    key: 'vet-hake',
    company: 'Caravan Freight Forwarding LLC',
    type: 'VET-IMP',
    purpose: 'Frozen hake for a retail client',
    products: [{ hsCode: '0303660000', description: 'Frozen hake', quantity: '18000', unit: 'KG', country: 'RU' }],
    state: { status: 'SUBMITTED', waitedHours: 42 },
  },
  {
    key: 'vet-cattle',
    company: ORIENT,
    type: 'VET-TRN',
    purpose: 'Breeding cattle in transit from Kazakhstan to Afghanistan',
    products: [
      { hsCode: '0102290000', description: 'Live cattle for breeding', quantity: '120', unit: 'PCS', country: 'KZ' },
    ],
    state: { status: 'SUBMITTED', waitedHours: 55 },
  },
  {
    key: 'vet-cheese',
    company: ORIENT,
    type: 'VET-IMP',
    purpose: 'Fresh cheese for a retail client',
    products: [{ hsCode: '0406100000', description: 'Fresh cheese', quantity: '5000', unit: 'KG', country: 'BY' }],
    state: {
      status: 'INFO_REQUESTED',
      waitedHours: 30,
      askedHoursAgo: 2,
      question:
        'The veterinary certificate names another dairy plant than the invoice. Attach the certificate of the plant that made this cheese.',
    },
  },

  // ───── Standards and certification (STD) ─────
  {
    key: 'std-electronics',
    company: SILK,
    type: 'STD-COC',
    purpose: 'Smartphones and television sets for our shops',
    products: [
      { hsCode: '8517130000', description: 'Smartphones', quantity: '1000', unit: 'PCS', country: 'CN' },
      { hsCode: '8528720000', description: 'LED television sets', quantity: '400', unit: 'PCS', country: 'KR' },
    ],
    state: { status: 'ISSUED', issuedDaysAgo: 310, isUsedByHistory: true },
  },
  {
    key: 'std-tshirts',
    company: ORIENT,
    type: 'STD-DOC',
    purpose: 'Cotton T-shirts for retail clients',
    products: [{ hsCode: '6109100000', description: 'Cotton T-shirts', quantity: '20000', unit: 'PCS', country: 'CN' }],
    state: { status: 'ISSUED', issuedDaysAgo: 400, isUsedByHistory: true },
  },
  {
    key: 'std-aircon',
    company: 'Mega Electronics Distribution LLC',
    type: 'STD-COC',
    purpose: 'Split air conditioners',
    products: [
      { hsCode: '8415101000', description: 'Split air conditioners', quantity: '3000', unit: 'PCS', country: 'CN' },
    ],
    state: { status: 'ISSUED', issuedDaysAgo: 180 },
  },
  {
    key: 'std-cars',
    company: ORIENT,
    type: 'STD-COC',
    purpose: 'Passenger cars for a dealer',
    products: [
      { hsCode: '8703231990', description: 'Passenger cars, 1.6 l petrol', quantity: '40', unit: 'PCS', country: 'KR' },
    ],
    state: { status: 'REFUSED', decidedDaysAgo: 15, reason: 'The test report is not from an accredited laboratory' },
  },
  {
    key: 'std-fridges',
    company: 'Mega Electronics Distribution LLC',
    type: 'STD-COC',
    purpose: 'Household refrigerators',
    products: [
      { hsCode: '8418102000', description: 'Refrigerators with freezers', quantity: '600', unit: 'PCS', country: 'CN' },
    ],
    state: { status: 'SUBMITTED', waitedHours: 4 },
  },
  {
    key: 'std-trousers',
    company: 'Fashion Line Import LLC',
    type: 'STD-DOC',
    purpose: 'Women’s trousers for the spring collection',
    products: [
      { hsCode: '6204620000', description: 'Women’s cotton trousers', quantity: '15000', unit: 'PCS', country: 'CN' },
    ],
    state: { status: 'SUBMITTED', waitedHours: 41 },
  },
  {
    key: 'std-meters',
    company: 'Qashqadaryo Energy Supply LLC',
    type: 'STD-MET',
    purpose: 'Electricity meters for a regional grid',
    products: [
      {
        hsCode: '9028300000',
        description: 'Single-phase electricity meters',
        quantity: '3000',
        unit: 'PCS',
        country: 'CN',
      },
    ],
    state: { status: 'SUBMITTED', waitedHours: 75 },
  },
  {
    key: 'std-microwaves',
    company: SILK,
    type: 'STD-COC',
    purpose: 'Microwave ovens for our shops',
    products: [
      { hsCode: '8516500000', description: 'Microwave ovens, 20 l', quantity: '400', unit: 'PCS', country: 'CN' },
    ],
    state: {
      status: 'INFO_REQUESTED',
      waitedHours: 22,
      askedHoursAgo: 4,
      question:
        'The test report attached is from a laboratory that is not accredited. Attach a report of an accredited laboratory.',
    },
  },
  {
    key: 'ses-scooters-draft',
    company: SILK,
    type: 'SES-CHILD',
    purpose: 'Children’s scooters',
    products: [
      { hsCode: '9503009900', description: 'Children’s scooters', quantity: '3000', unit: 'PCS', country: 'CN' },
    ],
    state: { status: 'DRAFT' },
  },

  // ───── Pharmaceutical agency (PH) ─────
  {
    key: 'ph-medicines',
    company: 'Tashkent Pharma Import LLC',
    type: 'PH-MED',
    purpose: 'Medicines for pharmacy chains',
    products: [
      { hsCode: '3004900009', description: 'Paracetamol tablets 500 mg', quantity: '2000', unit: 'KG', country: 'IN' },
    ],
    state: { status: 'ISSUED', issuedDaysAgo: 88 },
  },
  {
    key: 'ph-instruments',
    company: 'Asia Medical Devices LLC',
    type: 'PH-DEV',
    purpose: 'Surgical instruments for hospitals',
    products: [
      {
        hsCode: '9018390000',
        description: 'Sterile catheters and cannulae',
        quantity: '800',
        unit: 'KG',
        country: 'DE',
      },
    ],
    state: { status: 'ISSUED', issuedDaysAgo: 150 },
  },
  {
    key: 'ph-vitamins',
    company: 'Tashkent Pharma Import LLC',
    type: 'PH-MED',
    purpose: 'Vitamin preparations',
    products: [
      { hsCode: '3004500000', description: 'Multivitamin tablets', quantity: '1200', unit: 'KG', country: 'IN' },
    ],
    state: { status: 'SUBMITTED', waitedHours: 3 },
  },
  {
    key: 'ph-catheters',
    company: 'Asia Medical Devices LLC',
    type: 'PH-DEV',
    purpose: 'Catheters for a regional hospital',
    products: [{ hsCode: '9018390000', description: 'Urinary catheters', quantity: '500', unit: 'KG', country: 'KR' }],
    state: { status: 'SUBMITTED', waitedHours: 37 },
  },
  {
    key: 'ph-gel',
    company: 'Tashkent Pharma Import LLC',
    type: 'PH-DEV',
    purpose: 'Ultrasound gel for clinics',
    products: [{ hsCode: '3006700000', description: 'Ultrasound gel', quantity: '600', unit: 'KG', country: 'TR' }],
    state: { status: 'SUBMITTED', waitedHours: 66 },
  },
  {
    key: 'ph-antimalarials',
    company: 'Asia Medical Devices LLC',
    type: 'PH-MED',
    purpose: 'Antimalarial medicines for a humanitarian programme',
    products: [
      {
        hsCode: '3004600000',
        description: 'Artemether and lumefantrine tablets',
        quantity: '300',
        unit: 'KG',
        country: 'IN',
      },
    ],
    state: {
      status: 'INFO_REQUESTED',
      waitedHours: 18,
      askedHoursAgo: 6,
      question: 'The registration certificate attached expired in March. Attach the current one.',
    },
  },

  // ───── Ecology committee (ECO) ─────
  {
    key: 'eco-furskins',
    company: 'Karakalpak Leather LLC',
    type: 'ECO-CITES',
    direction: 'EXPORT',
    purpose: 'Raw furskins for a tannery in Turkey',
    products: [{ hsCode: '4301800000', description: 'Raw furskins', quantity: '2000', unit: 'KG', country: 'TR' }],
    state: { status: 'ISSUED', issuedDaysAgo: 60 },
  },
  {
    key: 'eco-scrap',
    company: 'Olmaliq Copper Trading LLC',
    type: 'ECO-WASTE',
    direction: 'EXPORT',
    purpose: 'Precious-metal scrap for a refinery',
    products: [
      { hsCode: '7112920000', description: 'Waste and scrap of platinum', quantity: '1500', unit: 'KG', country: 'DE' },
    ],
    state: { status: 'SUBMITTED', waitedHours: 6 },
  },
  {
    key: 'eco-parrots',
    company: 'Caravan Freight Forwarding LLC',
    type: 'ECO-CITES',
    direction: 'IMPORT',
    purpose: 'Parrots for the Tashkent zoo',
    products: [{ hsCode: '0106390000', description: 'Live parrots', quantity: '40', unit: 'PCS', country: 'AE' }],
    state: { status: 'SUBMITTED', waitedHours: 39 },
  },
  {
    key: 'eco-cuttings',
    company: 'Green Garden Seeds LLC',
    type: 'ECO-WILD',
    purpose: 'Cuttings of wild roses for a nursery in Kazakhstan',
    products: [
      {
        hsCode: '0602100000',
        description: 'Unrooted cuttings of wild roses',
        quantity: '500',
        unit: 'KG',
        country: 'KZ',
      },
    ],
    state: { status: 'SUBMITTED', waitedHours: 70 },
  },
  {
    key: 'eco-furskins-2',
    company: 'Karakalpak Leather LLC',
    type: 'ECO-CITES',
    direction: 'EXPORT',
    purpose: 'Raw furskins, second lot',
    products: [{ hsCode: '4301800000', description: 'Raw furskins', quantity: '1500', unit: 'KG', country: 'TR' }],
    state: {
      status: 'INFO_REQUESTED',
      waitedHours: 28,
      askedHoursAgo: 1,
      question: 'Attach the proof of legal acquisition for this lot (the hunting licences of the 2026 season).',
    },
  },
];

// ───────────── Working time (Mon–Fri in Tashkent, as lib/permits/sla.ts counts it) ─────────────

const OFFSET = 5 * HOUR;

/** The moment `ms` of working time before `end`. */
function workingBefore(end: Date, ms: number): Date {
  let t = end.getTime();
  let left = ms;
  for (;;) {
    const dayStart = Math.floor((t - 1 + OFFSET) / DAY) * DAY - OFFSET;
    const weekday = new Date(dayStart + OFFSET).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      if (t - dayStart >= left) return new Date(t - left);
      left -= t - dayStart;
    }
    t = dayStart;
  }
}

/** `hour`:`minute` in Tashkent on the weekday `daysAgo` days before `now` (a weekend moves to the Friday before). */
function workdayAt(now: Date, daysAgo: number, hour: number, minute: number): Date {
  let day = addDays(serviceDate(now), -daysAgo);
  while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, -1);
  const at = new Date(startOfServiceDate(day).getTime() + hour * HOUR + minute * MINUTE);
  if (at >= now) throw new Error(`seed permits: ${daysAgo} days ago at ${hour}:${minute} is not in the past`);
  return at;
}

// ───────────── Demo files: a one-page PDF per attached document ─────────────

function pdfText(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
}

/** A small valid PDF (one page of Helvetica text), so a seeded document opens in the browser. */
export function demoPdf(lines: readonly string[]): Uint8Array<ArrayBuffer> {
  const content = `BT /F1 12 Tf 72 770 Td 16 TL ${lines.map((l) => `(${pdfText(l)}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

// ───────────── Rows ─────────────

export type PermitRows = {
  storedFiles: Prisma.StoredFileCreateManyInput[];
  applications: Prisma.PermitApplicationCreateManyInput[];
  products: Prisma.PermitApplicationProductCreateManyInput[];
  documents: Prisma.PermitApplicationDocumentCreateManyInput[];
  messages: Prisma.PermitApplicationMessageCreateManyInput[];
  permits: Prisma.PermitCreateManyInput[];
  links: Prisma.PermitLinkCreateManyInput[];
};

/** Give each row the next number of its prefix, in the order of `at`. */
function numberInOrder<T>(
  rows: T[],
  prefixOf: (row: T) => string,
  at: (row: T) => Date,
  set: (row: T, number: string) => void,
): void {
  const sorted = [...rows].sort((a, b) => at(a).getTime() - at(b).getTime());
  const next = new Map<string, number>();
  for (const row of sorted) {
    const prefix = prefixOf(row);
    const n = (next.get(prefix) ?? 0) + 1;
    next.set(prefix, n);
    set(row, `${prefix}${String(n).padStart(6, '0')}`);
  }
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function buildPermits(args: {
  now: Date;
  companies: readonly CompanySpec[];
  users: readonly UserRow[];
  goods: readonly Goods[];
  history: readonly HistoryDeclaration[];
}): PermitRows {
  const { now, companies, users, history } = args;
  const tariff = new Set(args.goods.map((g) => g.line.hsCode));
  const today = serviceDate(now);
  const rows: PermitRows = {
    storedFiles: [],
    applications: [],
    products: [],
    documents: [],
    messages: [],
    permits: [],
    links: [],
  };

  SPECS.forEach((spec, index) => {
    const fail = (why: string): never => {
      throw new Error(`seed permits: ${spec.key}: ${why}`);
    };
    const company = companies.find((c) => c.name === spec.company) ?? fail(`no company named ${spec.company}`);
    const type = PERMIT_CATALOGUE.find((t) => t.code === spec.type) ?? fail(`no permit type ${spec.type}`);
    const direction =
      spec.direction ?? (type.directions.length === 1 ? type.directions[0] : fail('choose the direction'));
    if (!type.directions.includes(direction)) fail(`${type.code} is not for ${direction}`);
    const officer =
      users.find((u) => u.email === `${type.authority.toLowerCase()}.officer@agency.uz`) ??
      fail(`no officer of ${type.authority}`);
    for (const p of spec.products) {
      if (!tariff.has(p.hsCode)) fail(`${p.hsCode} is not in the seeded tariff`);
      if (!type.hsPrefixes.some((prefix) => p.hsCode.startsWith(prefix)))
        fail(`${type.code} does not cover ${p.hsCode}`);
    }

    // When it happened: submitted, asked and answered, decided.
    const { state } = spec;
    const minute = (index * 17) % 60;
    let submittedAt: Date | null = null;
    let decidedAt: Date | null = null;
    let version = 0;
    const talk: Array<{ by: 'AUTHORITY' | 'TRADER'; body: string; at: Date }> = [];
    switch (state.status) {
      case 'DRAFT':
        break;
      case 'SUBMITTED':
        submittedAt = workingBefore(now, state.waitedHours * HOUR);
        version = 1;
        break;
      case 'INFO_REQUESTED': {
        const askedAt = workingBefore(now, state.askedHoursAgo * HOUR);
        submittedAt = workingBefore(askedAt, state.waitedHours * HOUR);
        talk.push({ by: 'AUTHORITY', body: state.question, at: askedAt });
        version = 2;
        break;
      }
      case 'REFUSED':
        decidedAt = workdayAt(now, state.decidedDaysAgo, 11 + (index % 5), minute);
        submittedAt = workingBefore(decidedAt, 26 * HOUR);
        version = 2;
        break;
      case 'ISSUED':
        decidedAt = workdayAt(now, state.issuedDaysAgo, 10 + (index % 6), minute);
        submittedAt = workingBefore(decidedAt, 20 * HOUR);
        version = 2;
        if (state.exchange) {
          talk.push({ by: 'AUTHORITY', body: state.exchange.question, at: workingBefore(decidedAt, 12 * HOUR) });
          talk.push({ by: 'TRADER', body: state.exchange.answer, at: workingBefore(decidedAt, 6 * HOUR) });
          version += 2;
        }
        if (state.revoked) version += 1;
        break;
      default: {
        const never: never = state;
        return never;
      }
    }
    const createdAt = new Date(
      (submittedAt ?? new Date(now.getTime() - 5 * HOUR)).getTime() - (90 + index * 7) * MINUTE,
    );

    const applicationId = seedUuid(`permit-application:${spec.key}`);
    rows.applications.push({
      id: applicationId,
      number: null,
      companyId: company.id,
      permitTypeCode: type.code,
      direction,
      status: state.status,
      purpose: spec.purpose,
      version,
      createdById: company.traderId,
      decidedById: decidedAt ? officer.id : null,
      refusalReason: state.status === 'REFUSED' ? state.reason : null,
      createdAt,
      submittedAt,
      decidedAt,
    });
    spec.products.forEach((p, i) => {
      rows.products.push({
        id: seedUuid(`permit-product:${spec.key}:${i}`),
        applicationId,
        hsCode: p.hsCode,
        description: p.description,
        quantity: p.quantity,
        unit: p.unit,
        country: p.country,
      });
    });
    // Every required document is attached (a submission needs them all), each a one-page PDF.
    type.requiredDocuments.forEach((documentType, i) => {
      const fileId = seedUuid(`stored-file:${spec.key}:${i}`);
      const bytes = demoPdf([
        documentType,
        `${company.name} (TIN ${company.tin})`,
        `${type.code}: ${spec.purpose}`,
        'Demo document of the seeded data.',
      ]);
      const at = new Date(createdAt.getTime() + (i + 1) * 5 * MINUTE);
      rows.storedFiles.push({
        id: fileId,
        companyId: company.id,
        uploadedById: company.traderId,
        fileName: `${slug(documentType)}.pdf`,
        mimeType: 'application/pdf',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        content: bytes,
        createdAt: at,
      });
      rows.documents.push({
        id: seedUuid(`permit-document:${spec.key}:${i}`),
        applicationId,
        type: documentType,
        fileId,
        createdAt: at,
      });
    });
    talk.forEach((m, i) => {
      rows.messages.push({
        id: seedUuid(`permit-message:${spec.key}:${i}`),
        applicationId,
        authorId: m.by === 'TRADER' ? company.traderId : officer.id,
        authorRole: m.by === 'TRADER' ? 'TRADER' : 'AGENCY_OFFICER',
        body: m.body,
        at: m.at,
      });
    });

    if (state.status !== 'ISSUED') return;
    const issuedAt = decidedAt!;
    const unit = spec.products[0].unit;
    if (spec.products.some((p) => p.unit !== unit)) fail('the products of an issued permit share one unit');
    const quantity = spec.products.reduce((sum, p) => sum + Number(p.quantity), 0);
    const validFrom = serviceDate(issuedAt);
    const validTo = addDays(validFrom, type.validityDays - 1);
    if (validTo < today !== (state.isExpired ?? false))
      fail(state.isExpired ? 'it is still valid on now' : 'it expired before now');
    const permitId = seedUuid(`permit:${spec.key}`);
    const hsCodes = [...new Set(spec.products.map((p) => p.hsCode))];

    // Part used: the company's released declarations of these goods since the issue, written off
    // as release would have (item quantity, in the permit's unit), up to four fifths of it.
    let used = 0;
    if (state.isUsedByHistory) {
      if (type.scope !== 'QUANTITY') fail('only a QUANTITY permit is written off per declaration');
      const candidates = history
        .filter(
          (d) =>
            d.company.id === company.id &&
            d.outcome === 'RELEASED' &&
            REGIME_DIRECTION[d.regime] === direction &&
            d.endAt >= issuedAt &&
            d.endAt < now,
        )
        .sort((a, b) => a.endAt.getTime() - b.endAt.getTime());
      for (const d of candidates) {
        for (const item of d.items) {
          const q = Number(item.quantity.toFixed(3));
          if (
            !hsCodes.some((code) => item.goods.line.hsCode.startsWith(code)) ||
            item.goods.line.supplementaryUnit !== unit
          )
            continue;
          if (used + q > quantity * 0.8) continue;
          used += q;
          rows.links.push({
            id: seedUuid(`permit-link:${spec.key}:${item.id}`),
            permitId,
            declarationItemId: item.id,
            quantity: item.quantity.toFixed(3),
            writtenOffAt: d.endAt,
          });
        }
      }
    }

    rows.permits.push({
      id: permitId,
      number: '',
      applicationId,
      companyId: company.id,
      permitTypeCode: type.code,
      direction,
      status: state.revoked ? 'REVOKED' : 'ISSUED',
      hsCodes,
      validFrom: new Date(`${validFrom}T00:00:00Z`),
      validTo: new Date(`${validTo}T00:00:00Z`),
      quantity: quantity.toFixed(3),
      remainingQuantity: (quantity - used).toFixed(3),
      unit,
      conditions: state.conditions ?? null,
      issuedById: officer.id,
      issuedAt,
      revokedReason: state.revoked?.reason ?? null,
      revokedAt: state.revoked ? workdayAt(now, state.revoked.daysAgo, 15, minute) : null,
    });
  });

  // Numbers in the portal's format, consecutive per type and year (lib/permits/numbering.ts).
  const submitted = rows.applications.filter((a) => a.submittedAt);
  numberInOrder(
    submitted,
    (a) => `A/${a.permitTypeCode}/${serviceDate(a.submittedAt as Date).slice(0, 4)}/`,
    (a) => a.submittedAt as Date,
    (a, n) => (a.number = n),
  );
  numberInOrder(
    rows.permits,
    (p) => `${p.permitTypeCode}/${serviceDate(p.issuedAt as Date).slice(0, 4)}/`,
    (p) => p.issuedAt as Date,
    (p, n) => (p.number = n),
  );
  return rows;
}
