// The national tariff: 10-digit lines extending real HS 2022 subheadings, over all 21 sections,
// plus what the history generator needs to invent plausible goods (a typical unit price in USD,
// the mass of one supplementary unit, how popular the line is).
import type { HsRow } from './reference.ts';
import { Rng } from './random.ts';

export type DutyTypeName = 'AD_VALOREM' | 'SPECIFIC' | 'COMBINED' | 'EXEMPT';
export type ExciseTypeName = 'NONE' | 'AD_VALOREM' | 'SPECIFIC';

export type TariffLineRow = {
  hsCode: string;
  description: string;
  section: string;
  chapter: string;
  supplementaryUnit: string;
  dutyType: DutyTypeName;
  adValoremRate: string;
  specificRate: string;
  specificCurrency: string;
  specificUnit: string;
  exciseType: ExciseTypeName;
  exciseRate: string;
  exciseUnit: string | null;
  vatRate: string;
  exportDutyRate: string;
  validFrom: Date;
  validTo: Date | null;
};

/** A tariff line with what the history generator needs to invent goods under it. */
export type Goods = {
  line: TariffLineRow;
  /** Typical price in USD per supplementary unit. */
  priceUsd: number;
  /** Net mass in kg of one supplementary unit. */
  massKg: number;
  /** Relative weight when picking a line of its chapter. */
  popularity: number;
};

type Profile = readonly [unit: string, priceUsd: number, massKg: number];

// Chapter defaults: supplementary unit, typical USD price per unit, kg per unit.
const CHAPTER: Record<string, Profile> = {
  '01': ['PCS', 1000, 300],
  '02': ['KG', 5.5, 1],
  '03': ['KG', 6, 1],
  '04': ['KG', 3.5, 1],
  '05': ['KG', 2.5, 1],
  '06': ['KG', 4, 1],
  '07': ['KG', 0.8, 1],
  '08': ['KG', 1.3, 1],
  '09': ['KG', 5, 1],
  '10': ['KG', 0.28, 1],
  '11': ['KG', 0.4, 1],
  '12': ['KG', 1.1, 1],
  '13': ['KG', 9, 1],
  '14': ['KG', 1.5, 1],
  '15': ['KG', 1.3, 1],
  '16': ['KG', 4.5, 1],
  '17': ['KG', 0.65, 1],
  '18': ['KG', 5.5, 1],
  '19': ['KG', 2.8, 1],
  '20': ['KG', 1.9, 1],
  '21': ['KG', 4.2, 1],
  '22': ['L', 1.5, 1.05],
  '23': ['KG', 0.4, 1],
  '24': ['KG', 9, 1],
  '25': ['KG', 0.09, 1],
  '26': ['KG', 0.6, 1],
  '27': ['KG', 0.55, 1],
  '28': ['KG', 1.1, 1],
  '29': ['KG', 3.2, 1],
  '30': ['KG', 45, 1],
  '31': ['KG', 0.38, 1],
  '32': ['KG', 3.4, 1],
  '33': ['KG', 14, 1],
  '34': ['KG', 1.6, 1],
  '35': ['KG', 4.5, 1],
  '36': ['KG', 5, 1],
  '37': ['KG', 22, 1],
  '38': ['KG', 3, 1],
  '39': ['KG', 1.7, 1],
  '40': ['KG', 2.6, 1],
  '41': ['KG', 4.5, 1],
  '42': ['PCS', 14, 0.8],
  '43': ['KG', 60, 1],
  '44': ['KG', 0.6, 1],
  '45': ['KG', 3.5, 1],
  '46': ['KG', 4, 1],
  '47': ['KG', 0.55, 1],
  '48': ['KG', 1.1, 1],
  '49': ['KG', 6, 1],
  '50': ['KG', 42, 1],
  '51': ['KG', 9, 1],
  '52': ['KG', 2.6, 1],
  '53': ['KG', 2.2, 1],
  '54': ['KG', 3.2, 1],
  '55': ['KG', 2.6, 1],
  '56': ['KG', 3.2, 1],
  '57': ['M2', 8, 2.5],
  '58': ['KG', 11, 1],
  '59': ['KG', 5, 1],
  '60': ['KG', 6, 1],
  '61': ['PCS', 4, 0.22],
  '62': ['PCS', 7.5, 0.35],
  '63': ['KG', 4.5, 1],
  '64': ['PAIR', 12, 0.8],
  '65': ['PCS', 3, 0.15],
  '66': ['PCS', 4, 0.5],
  '67': ['KG', 15, 1],
  '68': ['KG', 0.45, 1],
  '69': ['KG', 0.85, 1],
  '70': ['KG', 1.2, 1],
  '71': ['KG', 800, 1],
  '72': ['KG', 0.75, 1],
  '73': ['KG', 1.9, 1],
  '74': ['KG', 8.8, 1],
  '75': ['KG', 16, 1],
  '76': ['KG', 2.9, 1],
  '78': ['KG', 2.3, 1],
  '79': ['KG', 3, 1],
  '80': ['KG', 26, 1],
  '81': ['KG', 20, 1],
  '82': ['KG', 8, 1],
  '83': ['KG', 6, 1],
  '84': ['KG', 12, 1],
  '85': ['KG', 15, 1],
  '86': ['KG', 4, 1],
  '87': ['KG', 8, 1],
  '88': ['KG', 250, 1],
  '89': ['PCS', 20000, 1500],
  '90': ['KG', 80, 1],
  '91': ['PCS', 40, 0.1],
  '92': ['PCS', 250, 10],
  '93': ['PCS', 600, 3.5],
  '94': ['PCS', 80, 20],
  '95': ['PCS', 6, 0.5],
  '96': ['KG', 5, 1],
  '97': ['PCS', 2500, 8],
};

// Heading overrides (counted goods, liquids, bulky goods).
const HEADING: Record<string, Profile> = {
  '0101': ['PCS', 3000, 450],
  '0102': ['PCS', 1500, 450],
  '0103': ['PCS', 300, 100],
  '0104': ['PCS', 150, 40],
  '0105': ['PCS', 3, 2],
  '0106': ['PCS', 50, 5],
  '2201': ['L', 0.3, 1.05],
  '2202': ['L', 0.8, 1.05],
  '2203': ['L', 1.6, 1.05],
  '2204': ['L', 4, 1.3],
  '2205': ['L', 3, 1.3],
  '2206': ['L', 2, 1.1],
  '2207': ['L', 1.2, 0.85],
  '2208': ['L', 9, 1.3],
  '2209': ['L', 1, 1.05],
  '2402': ['1000PCS', 25, 1.3],
  '2709': ['KG', 0.55, 1],
  '2710': ['L', 0.75, 0.8],
  '4011': ['PCS', 60, 9],
  '4012': ['PCS', 25, 8],
  '4403': ['M3', 180, 700],
  '4407': ['M3', 300, 600],
  '4412': ['M3', 400, 550],
  '4202': ['PCS', 15, 0.8],
  '6406': ['KG', 6, 1],
  '7102': ['CT', 300, 0.0002],
  '7106': ['KG', 800, 1],
  '7108': ['KG', 60000, 1],
  '7113': ['KG', 20000, 1],
  '7117': ['KG', 30, 1],
  '8407': ['PCS', 1500, 150],
  '8408': ['PCS', 2500, 300],
  '8414': ['PCS', 80, 8],
  '8415': ['PCS', 320, 35],
  '8418': ['PCS', 280, 60],
  '8422': ['PCS', 350, 50],
  '8424': ['PCS', 40, 4],
  '8426': ['PCS', 120000, 25000],
  '8427': ['PCS', 18000, 3500],
  '8429': ['PCS', 90000, 16000],
  '8433': ['PCS', 60000, 9000],
  '8443': ['PCS', 180, 10],
  '8450': ['PCS', 230, 65],
  '8451': ['PCS', 2000, 300],
  '8452': ['PCS', 150, 12],
  '8467': ['PCS', 60, 3],
  '8471': ['PCS', 550, 2.5],
  '8501': ['PCS', 300, 30],
  '8502': ['PCS', 8000, 900],
  '8507': ['PCS', 90, 15],
  '8508': ['PCS', 120, 5],
  '8509': ['PCS', 40, 3],
  '8510': ['PCS', 25, 0.4],
  '8516': ['PCS', 45, 5],
  '8517': ['PCS', 230, 0.35],
  '8518': ['PCS', 15, 0.3],
  '8519': ['PCS', 60, 2],
  '8521': ['PCS', 80, 2],
  '8525': ['PCS', 120, 0.5],
  '8527': ['PCS', 30, 1],
  '8528': ['PCS', 260, 12],
  '8539': ['PCS', 1.5, 0.1],
  '8601': ['PCS', 900000, 90000],
  '8602': ['PCS', 700000, 80000],
  '8603': ['PCS', 500000, 40000],
  '8604': ['PCS', 200000, 30000],
  '8605': ['PCS', 300000, 40000],
  '8606': ['PCS', 60000, 22000],
  '8701': ['PCS', 28000, 4200],
  '8702': ['PCS', 65000, 9500],
  '8703': ['PCS', 14000, 1400],
  '8704': ['PCS', 38000, 6500],
  '8705': ['PCS', 90000, 14000],
  '8709': ['PCS', 15000, 2000],
  '8711': ['PCS', 1400, 140],
  '8712': ['PCS', 110, 15],
  '8716': ['PCS', 9000, 3200],
  '8806': ['PCS', 800, 2],
  '9006': ['PCS', 300, 1],
  '9015': ['PCS', 2000, 10],
  '9016': ['PCS', 300, 3],
  '9019': ['PCS', 600, 15],
  '9022': ['PCS', 80000, 800],
  '9025': ['PCS', 60, 1.5],
  '9026': ['PCS', 60, 1.5],
  '9028': ['PCS', 60, 1.5],
  '9030': ['PCS', 400, 3],
  '9105': ['PCS', 15, 1],
  '9306': ['KG', 20, 1],
  '9401': ['PCS', 90, 18],
  '9403': ['PCS', 120, 30],
  '9404': ['PCS', 80, 15],
  '9405': ['PCS', 18, 1.5],
  '9406': ['KG', 2, 1],
  '9504': ['PCS', 30, 1.5],
  '9505': ['PCS', 4, 0.3],
  '9506': ['PCS', 25, 2],
  '9603': ['PCS', 1.5, 0.1],
  '9608': ['PCS', 0.3, 0.02],
  '9619': ['KG', 3, 1],
};

// Never generated: electricity (no mass), aircraft and ships too big for a demo consignment,
// military arms, coins and banknotes.
const EXCLUDED_HEADINGS = new Set([
  '2716',
  '8801',
  '8802',
  '8901',
  '8902',
  '8904',
  '8905',
  '8906',
  '8908',
  '9301',
  '8710',
  '7118',
  '4907',
]);

/** How many generated lines per chapter (3 unless listed). */
const LINES_PER_CHAPTER: Record<string, number> = {
  '03': 4,
  '07': 5,
  '08': 5,
  '20': 4,
  '28': 4,
  '29': 6,
  '30': 4,
  '38': 4,
  '39': 6,
  '44': 4,
  '48': 4,
  '52': 5,
  '61': 6,
  '62': 6,
  '72': 5,
  '73': 5,
  '84': 14,
  '85': 12,
  '87': 8,
  '90': 6,
  '94': 4,
  '95': 4,
};

function adValoremChoices(chapter: number): number[] {
  if (chapter <= 5) return [5, 10, 15];
  if (chapter <= 14) return [0, 5, 10];
  if (chapter === 15) return [5, 10];
  if (chapter <= 21) return [10, 15, 20];
  if (chapter === 22) return [10, 20];
  if (chapter === 23) return [0, 5];
  if (chapter === 24) return [30];
  if (chapter <= 29) return [0, 5];
  if (chapter <= 31) return [0];
  if (chapter <= 40) return [5, 10, 15];
  if (chapter <= 43) return [0, 10, 20];
  if (chapter <= 56) return [0, 5, 10];
  if (chapter <= 60) return [10, 15];
  if (chapter <= 63) return [20, 30];
  if (chapter <= 67) return [15, 20];
  if (chapter <= 70) return [10, 15, 20];
  if (chapter === 71) return [10, 20];
  if (chapter <= 85) return [0, 5, 10];
  if (chapter <= 89) return [0, 5, 15];
  if (chapter <= 92) return [0, 5, 10];
  if (chapter === 93) return [20];
  if (chapter <= 96) return [10, 20, 30];
  return [0];
}

/** Export duties (%), only for these listed goods. */
const EXPORT_DUTY_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['5201', '10'],
  ['7204', '20'],
  ['7404', '15'],
  ['4101', '10'],
];

function exportDutyOf(hsCode: string): string {
  return EXPORT_DUTY_PREFIXES.find(([p]) => hsCode.startsWith(p))?.[1] ?? '0';
}

/** Two significant digits, as a decimal string (a specific rate derived from a typical price). */
function twoSignificant(x: number): string {
  const v = Number(x.toPrecision(2));
  return v >= 1 ? String(v) : v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

type Duty = readonly ['AV', number] | readonly ['SP', number] | readonly ['CB', number, number] | readonly ['EX'];
type Excise = readonly ['AV', number] | readonly ['SP', number];
type Curated = {
  code: string;
  unit: string;
  price: number;
  mass: number;
  pop: number;
  duty: Duty;
  excise?: Excise;
  vat?: string;
};

// Lines used by tests, the worked example of DOMAIN.md and the bulk of the demo trade.
const CURATED: readonly Curated[] = [
  { code: '8471300000', unit: 'PCS', price: 550, mass: 2.5, pop: 10, duty: ['AV', 0] },
  { code: '2203000900', unit: 'L', price: 1.6, mass: 1.05, pop: 8, duty: ['CB', 30, 0.5], excise: ['SP', 5000] },
  { code: '0808108000', unit: 'KG', price: 0.9, mass: 1, pop: 10, duty: ['AV', 10] },
  { code: '0702000000', unit: 'KG', price: 0.8, mass: 1, pop: 10, duty: ['AV', 10] },
  { code: '9503009900', unit: 'PCS', price: 6, mass: 0.5, pop: 8, duty: ['AV', 10] },
  { code: '6109100000', unit: 'PCS', price: 3.5, mass: 0.2, pop: 10, duty: ['CB', 30, 1] },
  { code: '8703231990', unit: 'PCS', price: 16000, mass: 1450, pop: 8, duty: ['AV', 15], excise: ['AV', 10] },
  { code: '2402200000', unit: '1000PCS', price: 25, mass: 1.3, pop: 5, duty: ['AV', 30], excise: ['SP', 250000] },
  { code: '2710124100', unit: 'L', price: 0.75, mass: 0.74, pop: 6, duty: ['AV', 5], excise: ['SP', 400] },
  { code: '3004900009', unit: 'KG', price: 45, mass: 1, pop: 8, duty: ['EX'], vat: '0' },
  { code: '0201300000', unit: 'KG', price: 6.5, mass: 1, pop: 5, duty: ['AV', 10] },
  { code: '8517130000', unit: 'PCS', price: 240, mass: 0.35, pop: 10, duty: ['AV', 5] },
  { code: '3304990000', unit: 'KG', price: 15, mass: 1, pop: 6, duty: ['AV', 20] },
  // Goods with an export duty.
  { code: '5201000000', unit: 'KG', price: 1.75, mass: 1, pop: 4, duty: ['AV', 0] },
  { code: '7204100000', unit: 'KG', price: 0.3, mass: 1, pop: 2, duty: ['AV', 0] },
  { code: '7204490000', unit: 'KG', price: 0.35, mass: 1, pop: 3, duty: ['AV', 0] },
  { code: '7404000000', unit: 'KG', price: 6.5, mass: 1, pop: 2, duty: ['AV', 0] },
  { code: '4101200000', unit: 'KG', price: 1.8, mass: 1, pop: 2, duty: ['AV', 0] },
  // Vehicles.
  { code: '8703800000', unit: 'PCS', price: 28000, mass: 1900, pop: 6, duty: ['EX'] },
  { code: '8703221090', unit: 'PCS', price: 11000, mass: 1200, pop: 4, duty: ['AV', 15], excise: ['AV', 5] },
  { code: '8703241990', unit: 'PCS', price: 45000, mass: 2100, pop: 2, duty: ['AV', 15], excise: ['AV', 15] },
  { code: '8703401000', unit: 'PCS', price: 26000, mass: 1600, pop: 3, duty: ['AV', 5], excise: ['AV', 5] },
  { code: '8704210000', unit: 'PCS', price: 38000, mass: 6500, pop: 3, duty: ['AV', 15] },
  { code: '8708299000', unit: 'KG', price: 8, mass: 1, pop: 5, duty: ['AV', 5] },
  { code: '8711200000', unit: 'PCS', price: 1400, mass: 140, pop: 2, duty: ['AV', 10], excise: ['AV', 5] },
  { code: '8701930000', unit: 'PCS', price: 28000, mass: 3500, pop: 2, duty: ['AV', 0] },
  { code: '4011100000', unit: 'PCS', price: 60, mass: 9, pop: 5, duty: ['AV', 15] },
  // Household appliances and electronics.
  { code: '8528720000', unit: 'PCS', price: 260, mass: 12, pop: 6, duty: ['AV', 10] },
  { code: '8418102000', unit: 'PCS', price: 300, mass: 60, pop: 5, duty: ['AV', 10] },
  { code: '8450111000', unit: 'PCS', price: 230, mass: 65, pop: 4, duty: ['AV', 10] },
  { code: '8415101000', unit: 'PCS', price: 320, mass: 35, pop: 4, duty: ['AV', 5] },
  { code: '8516500000', unit: 'PCS', price: 70, mass: 13, pop: 3, duty: ['AV', 10] },
  { code: '8544429000', unit: 'KG', price: 6, mass: 1, pop: 3, duty: ['AV', 10] },
  // Textiles and footwear.
  { code: '6204620000', unit: 'PCS', price: 8, mass: 0.35, pop: 7, duty: ['CB', 30, 2] },
  { code: '6203420000', unit: 'PCS', price: 9, mass: 0.4, pop: 7, duty: ['CB', 30, 2] },
  { code: '6110300000', unit: 'PCS', price: 6, mass: 0.3, pop: 5, duty: ['CB', 30, 1.5] },
  { code: '6403990000', unit: 'PAIR', price: 14, mass: 0.8, pop: 6, duty: ['CB', 20, 2] },
  { code: '5205120000', unit: 'KG', price: 3.2, mass: 1, pop: 8, duty: ['AV', 5] },
  { code: '6302310000', unit: 'KG', price: 6, mass: 1, pop: 5, duty: ['AV', 20] },
  { code: '5002000000', unit: 'KG', price: 45, mass: 1, pop: 3, duty: ['AV', 5] },
  // Food and agriculture.
  { code: '0806101000', unit: 'KG', price: 1.2, mass: 1, pop: 6, duty: ['AV', 10] },
  { code: '0813100000', unit: 'KG', price: 3.5, mass: 1, pop: 6, duty: ['AV', 10] },
  { code: '0809290000', unit: 'KG', price: 2.2, mass: 1, pop: 5, duty: ['AV', 10] },
  { code: '1701990000', unit: 'KG', price: 0.6, mass: 1, pop: 5, duty: ['EX'] },
  { code: '1512110000', unit: 'KG', price: 1.2, mass: 1, pop: 4, duty: ['AV', 5] },
  { code: '1507100000', unit: 'KG', price: 1.1, mass: 1, pop: 3, duty: ['AV', 5] },
  { code: '1001990000', unit: 'KG', price: 0.26, mass: 1, pop: 6, duty: ['EX'] },
  { code: '1101001500', unit: 'KG', price: 0.38, mass: 1, pop: 5, duty: ['EX'] },
  { code: '0402109000', unit: 'KG', price: 3.2, mass: 1, pop: 3, duty: ['AV', 10] },
  { code: '0902300000', unit: 'KG', price: 4.5, mass: 1, pop: 4, duty: ['AV', 5] },
  { code: '0303890000', unit: 'KG', price: 2.5, mass: 1, pop: 2, duty: ['AV', 10] },
  { code: '1905310000', unit: 'KG', price: 3, mass: 1, pop: 3, duty: ['AV', 15] },
  { code: '2106909800', unit: 'KG', price: 5, mass: 1, pop: 3, duty: ['AV', 10] },
  // Beverages, tobacco, fuel.
  { code: '2204210000', unit: 'L', price: 4, mass: 1.3, pop: 4, duty: ['CB', 20, 1], excise: ['SP', 9000] },
  { code: '2208300000', unit: 'L', price: 11, mass: 1.3, pop: 3, duty: ['SP', 5], excise: ['SP', 40000] },
  { code: '2208600000', unit: 'L', price: 6, mass: 1.3, pop: 2, duty: ['SP', 4], excise: ['SP', 40000] },
  { code: '2202100000', unit: 'L', price: 0.7, mass: 1.05, pop: 5, duty: ['AV', 20] },
  { code: '2201100000', unit: 'L', price: 0.35, mass: 1.05, pop: 3, duty: ['AV', 10] },
  { code: '2403110000', unit: 'KG', price: 12, mass: 1, pop: 2, duty: ['AV', 30], excise: ['SP', 100000] },
  { code: '2710194500', unit: 'L', price: 0.8, mass: 0.84, pop: 5, duty: ['AV', 5], excise: ['SP', 300] },
  { code: '2711120000', unit: 'KG', price: 0.55, mass: 1, pop: 3, duty: ['AV', 0], excise: ['SP', 200] },
  // Industry and construction.
  { code: '7403110000', unit: 'KG', price: 8.9, mass: 1, pop: 4, duty: ['AV', 0] },
  { code: '3102100000', unit: 'KG', price: 0.38, mass: 1, pop: 4, duty: ['AV', 0] },
  { code: '3901100000', unit: 'KG', price: 1.2, mass: 1, pop: 5, duty: ['AV', 10] },
  { code: '2523290000', unit: 'KG', price: 0.07, mass: 1, pop: 5, duty: ['AV', 10] },
  { code: '7308900000', unit: 'KG', price: 1.6, mass: 1, pop: 4, duty: ['AV', 10] },
  { code: '3923210000', unit: 'KG', price: 2.2, mass: 1, pop: 3, duty: ['AV', 15] },
  { code: '4802569000', unit: 'KG', price: 1, mass: 1, pop: 2, duty: ['AV', 5] },
  { code: '8429510000', unit: 'PCS', price: 90000, mass: 16000, pop: 2, duty: ['AV', 0] },
  { code: '8433510000', unit: 'PCS', price: 120000, mass: 12000, pop: 2, duty: ['AV', 0] },
  // Furniture and consumer goods.
  { code: '9403600000', unit: 'PCS', price: 120, mass: 30, pop: 4, duty: ['AV', 20] },
  { code: '9401610000', unit: 'PCS', price: 90, mass: 18, pop: 3, duty: ['AV', 20] },
  { code: '3401110000', unit: 'KG', price: 1.8, mass: 1, pop: 3, duty: ['AV', 15] },
  { code: '3305100000', unit: 'KG', price: 4, mass: 1, pop: 3, duty: ['AV', 20] },
];

const VALID_FROM = new Date(Date.UTC(2025, 0, 1));

function makeLine(
  hs: HsRow,
  hsCode: string,
  unit: string,
  duty: Duty,
  excise: Excise | undefined,
  vat: string,
  excisableUnit: string,
): TariffLineRow {
  const [kind] = duty;
  const line: TariffLineRow = {
    hsCode,
    description: hs.description,
    section: hs.section,
    chapter: hsCode.slice(0, 2),
    supplementaryUnit: unit,
    dutyType: kind === 'AV' ? 'AD_VALOREM' : kind === 'SP' ? 'SPECIFIC' : kind === 'CB' ? 'COMBINED' : 'EXEMPT',
    adValoremRate: duty[0] === 'AV' || duty[0] === 'CB' ? String(duty[1]) : '0',
    specificRate: duty[0] === 'SP' ? String(duty[1]) : duty[0] === 'CB' ? String(duty[2]) : '0',
    specificCurrency: 'USD',
    // Specific rates are always per supplementary unit, so quantity × rate is the specific duty.
    specificUnit: unit,
    exciseType: excise ? (excise[0] === 'AV' ? 'AD_VALOREM' : 'SPECIFIC') : 'NONE',
    exciseRate: excise ? String(excise[1]) : '0',
    exciseUnit: excise && excise[0] === 'SP' ? excisableUnit : null,
    vatRate: vat,
    exportDutyRate: exportDutyOf(hsCode),
    validFrom: VALID_FROM,
    validTo: null,
  };
  return line;
}

/** Excise for a generated line: only in chapters 22, 24, 27 and 87, and only for excisable headings. */
function generatedExcise(hsCode: string, rng: Rng): Excise | undefined {
  const heading = hsCode.slice(0, 4);
  if (heading === '2203' || heading === '2206') return ['SP', 5000];
  if (heading === '2204' || heading === '2205') return ['SP', 9000];
  if (heading === '2207' || heading === '2208') return ['SP', 40000];
  if (heading === '2402') return ['SP', 250000];
  if (heading === '2403') return ['SP', 100000];
  if (heading === '2404') return ['SP', 200000];
  if (heading === '2710') return ['SP', rng.pick([250, 300, 400])];
  if (heading === '2711') return ['SP', 200];
  if (heading === '8703' && !hsCode.startsWith('870380')) return ['AV', rng.pick([5, 10, 15])];
  if (heading === '8711') return ['AV', 5];
  return undefined;
}

function profileOf(code6: string): Profile {
  return HEADING[code6.slice(0, 4)] ?? CHAPTER[code6.slice(0, 2)];
}

export function buildTariff(hs: readonly HsRow[]): Goods[] {
  const byCode = new Map(hs.map((h) => [h.code, h]));
  const goods: Goods[] = [];
  const usedSubheadings = new Set<string>();

  for (const c of CURATED) {
    const sub = byCode.get(c.code.slice(0, 6));
    if (!sub || sub.level !== 6)
      throw new Error(`Curated tariff line ${c.code}: HS subheading ${c.code.slice(0, 6)} not in the nomenclature`);
    goods.push({
      line: makeLine(sub, c.code, c.unit, c.duty, c.excise, c.vat ?? '12', c.unit),
      priceUsd: c.price,
      massKg: c.mass,
      popularity: c.pop,
    });
    usedSubheadings.add(c.code.slice(0, 6));
  }

  const rng = new Rng('tariff');
  const subheadingsByChapter = new Map<string, HsRow[]>();
  for (const h of hs) {
    if (h.level !== 6 || h.code.startsWith('99')) continue;
    const list = subheadingsByChapter.get(h.code.slice(0, 2)) ?? [];
    list.push(h);
    subheadingsByChapter.set(h.code.slice(0, 2), list);
  }

  for (const [chapter, subs] of subheadingsByChapter) {
    const ch = Number(chapter);
    const candidates = rng.shuffle(
      subs.filter((s) => !usedSubheadings.has(s.code) && !EXCLUDED_HEADINGS.has(s.code.slice(0, 4))),
    );
    const wanted = LINES_PER_CHAPTER[chapter] ?? 3;
    const chosen = candidates.slice(0, wanted).sort((a, b) => a.code.localeCompare(b.code));
    for (const sub of chosen) {
      const [unit, basePrice, mass] = profileOf(sub.code);
      const national = rng.weighted<string>([
        ['0000', 7],
        ['1000', 1],
        ['9000', 1],
        ['0009', 1],
      ]);
      const hsCode = sub.code + national;
      // Each line has its own typical price around its chapter's.
      const priceUsd = Number(rng.lognormal(basePrice, 0.35).toPrecision(3));
      const av = rng.pick(adValoremChoices(ch));
      const t = rng.next();
      let duty: Duty;
      if (ch === 97 || (ch === 30 && ['3002', '3003', '3004'].includes(sub.code.slice(0, 4)))) duty = ['EX'];
      else if (ch === 22 && ['2203', '2204', '2205', '2206', '2207', '2208'].includes(sub.code.slice(0, 4)))
        duty =
          t < 0.5 ? ['CB', 30, Number(twoSignificant(priceUsd * 0.3))] : ['SP', Number(twoSignificant(priceUsd * 0.4))];
      else if ((ch === 61 || ch === 62) && t < 0.5) duty = ['CB', av, Number(twoSignificant(priceUsd * 0.25))];
      else if (t < 0.05) duty = ['EX'];
      else if (t < 0.11 && av > 0) duty = ['SP', Number(twoSignificant((priceUsd * av) / 100))];
      else if (t < 0.18 && av > 0) duty = ['CB', av, Number(twoSignificant((priceUsd * av * 0.8) / 100))];
      else duty = ['AV', av];
      const excise = generatedExcise(hsCode, rng);
      const vat = ['3002', '3003', '3004', '3006'].includes(sub.code.slice(0, 4)) ? '0' : '12';
      goods.push({ line: makeLine(sub, hsCode, unit, duty, excise, vat, unit), priceUsd, massKg: mass, popularity: 1 });
    }
  }

  goods.sort((a, b) => a.line.hsCode.localeCompare(b.line.hsCode));
  return goods;
}
