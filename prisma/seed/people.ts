// Companies (declarants), their personal accounts, and every demo user. Each company carries a
// trading profile the history generator follows (what it imports and exports, with whom, how
// much), and ~5 of them are "risky": their inspections find violations far more often.
import { seedUuid } from './ids.ts';
import { Rng } from './random.ts';
import { DAY, HOUR, utcDay } from './dates.ts';
import { POSTS, postId, authorityId } from './reference.ts';
import { AUTHORITIES } from './permit-catalogue.ts';

export type CompanyKind = 'importer' | 'exporter' | 'mixed' | 'logistics';
export type Weighted = ReadonlyArray<readonly [string, number]>;

export type CompanySpec = {
  id: string;
  tin: string;
  name: string;
  address: string;
  city: string;
  isAuthorisedEconomicOperator: boolean;
  registeredAt: Date;
  kind: CompanyKind;
  isRisky: boolean;
  importChapters: Weighted;
  exportChapters: Weighted;
  importPartners: Weighted;
  exportPartners: Weighted;
  /** Declarations in the year of history. */
  declarationCount: number;
  traderId: string;
  traderEmail: string;
  traderName: string;
  traderCreatedAt: Date;
  accountId: string;
};

/** "84:3 85:2" → [['84', 3], ['85', 2]] */
const w = (s: string): Weighted =>
  s
    .split(' ')
    .filter(Boolean)
    .map((part) => {
      const [k, v] = part.split(':');
      return [k, Number(v ?? 1)] as const;
    });

type Row = {
  name: string;
  city: string;
  kind: CompanyKind;
  aeo?: boolean;
  risky?: boolean;
  /** Age of the company in days before `now`. */
  age: number;
  imp: string;
  exp: string;
  impFrom: string;
  expTo: string;
  /** Relative declaration volume. */
  volume: number;
};

// The two demo companies first, then the others (fictional names).
const COMPANY_ROWS: readonly Row[] = [
  {
    name: 'Silk Road Trading LLC',
    city: 'Tashkent',
    kind: 'mixed',
    age: 2200,
    imp: '84:3 85:4 95:2 33:1 94:1 22:1',
    exp: '08:3 07:2 20:1',
    impFrom: 'CN:6 TR:2 KR:2 DE:1',
    expTo: 'RU:4 KZ:3 CN:1',
    volume: 0,
  },
  {
    name: 'Orient Logistics JSC',
    city: 'Tashkent',
    kind: 'logistics',
    aeo: true,
    age: 4400,
    imp: '84:2 85:2 87:1 39:1 73:1 61:1 22:1',
    exp: '52:2 08:1 39:1',
    impFrom: 'CN:4 RU:2 KZ:2 TR:2 DE:1',
    expTo: 'RU:3 KZ:2 AF:2 TR:1',
    volume: 0,
  },
  {
    name: 'Fergana Textile Export LLC',
    city: 'Fergana',
    kind: 'exporter',
    age: 3300,
    imp: '84:1 55:1',
    exp: '61:4 62:3 63:2 52:1',
    impFrom: 'CN:2 TR:1',
    expTo: 'RU:5 KZ:2 TR:1 PL:1 DE:1',
    volume: 5,
  },
  {
    name: 'Bukhara Cotton Yarn JSC',
    city: 'Bukhara',
    kind: 'exporter',
    aeo: true,
    age: 5200,
    imp: '84:1',
    exp: '52:6 63:1',
    impFrom: 'DE:1 CN:1',
    expTo: 'CN:3 TR:3 RU:2 BD:1 IT:1',
    volume: 5,
  },
  {
    name: 'Samarkand Fruit Export LLC',
    city: 'Samarkand',
    kind: 'exporter',
    age: 2600,
    imp: '48:1 39:1',
    exp: '08:6 07:3 20:1',
    impFrom: 'CN:1 TR:1',
    expTo: 'RU:5 KZ:3 CN:1 AE:1',
    volume: 7,
  },
  {
    name: 'Namangan Agro Export LLC',
    city: 'Namangan',
    kind: 'exporter',
    age: 1900,
    imp: '31:1',
    exp: '07:5 08:5',
    impFrom: 'RU:1',
    expTo: 'RU:4 KZ:3 KG:1 AF:1',
    volume: 6,
  },
  {
    name: 'Tashkent Pharma Import LLC',
    city: 'Tashkent',
    kind: 'importer',
    aeo: true,
    age: 4000,
    imp: '30:8 90:2',
    exp: '30:1',
    impFrom: 'IN:4 DE:3 TR:2 RU:2 FR:1',
    expTo: 'KG:1 TJ:1',
    volume: 5,
  },
  {
    name: 'Chirchiq Chemical Trade LLC',
    city: 'Chirchiq',
    kind: 'mixed',
    age: 3500,
    imp: '28:3 29:3 38:3 32:1',
    exp: '31:5 28:1',
    impFrom: 'CN:3 RU:3 DE:1 KZ:1',
    expTo: 'AF:3 KG:2 TJ:2 TR:1 CN:1',
    volume: 5,
  },
  {
    name: 'Navoi Metals Trading LLC',
    city: 'Navoi',
    kind: 'exporter',
    age: 3000,
    imp: '84:2 85:1',
    exp: '72:3 74:2 73:2 76:1',
    impFrom: 'CN:2 DE:1 RU:1',
    expTo: 'AF:3 KZ:2 TR:2 CN:2 RU:1',
    volume: 4,
  },
  {
    name: 'Andijan Auto Parts LLC',
    city: 'Andijan',
    kind: 'importer',
    age: 2300,
    imp: '87:5 40:3 85:1 84:1',
    exp: '87:1',
    impFrom: 'KR:3 CN:4 RU:1 TR:1 DE:1',
    expTo: 'KZ:1 KG:1',
    volume: 6,
  },
  {
    name: 'Uzbek Motors Export LLC',
    city: 'Andijan',
    kind: 'mixed',
    aeo: true,
    age: 4800,
    imp: '87:5 84:2 85:1 40:1',
    exp: '87:6',
    impFrom: 'KR:5 CN:2 DE:1',
    expTo: 'KZ:4 RU:3 AZ:1 KG:1 TJ:1',
    volume: 6,
  },
  {
    name: 'Khorezm Melon Export LLC',
    city: 'Urgench',
    kind: 'exporter',
    age: 1500,
    imp: '39:1',
    exp: '08:6 07:2',
    impFrom: 'TR:1',
    expTo: 'RU:4 KZ:3 TM:1',
    volume: 3,
  },
  {
    name: 'Tashkent Build Materials LLC',
    city: 'Tashkent',
    kind: 'mixed',
    age: 2900,
    imp: '25:2 68:2 69:2 70:2 72:2 73:3 44:2 94:1',
    exp: '25:4 68:1',
    impFrom: 'CN:4 TR:3 RU:2 KZ:1 IR:1',
    expTo: 'AF:4 KG:2 TJ:2',
    volume: 6,
  },
  {
    name: 'Zamin Food Import LLC',
    city: 'Tashkent',
    kind: 'importer',
    age: 2500,
    imp: '02:3 04:2 15:3 17:3 09:2 19:2 21:2 10:1 11:1 03:1',
    exp: '20:1',
    impFrom: 'RU:4 KZ:3 BR:1 TR:2 IR:1 BY:1',
    expTo: 'AF:1 KG:1',
    volume: 6,
  },
  {
    name: 'Mega Electronics Distribution LLC',
    city: 'Tashkent',
    kind: 'importer',
    aeo: true,
    age: 3600,
    imp: '85:6 84:4',
    exp: '85:1',
    impFrom: 'CN:6 KR:2 VN:1 JP:1 DE:1',
    expTo: 'KG:1 TJ:1',
    volume: 6,
  },
  {
    name: 'Grand Beverage Import LLC',
    city: 'Tashkent',
    kind: 'importer',
    age: 2100,
    imp: '22:8 21:1 20:1',
    exp: '22:1',
    impFrom: 'RU:3 DE:2 IT:2 FR:2 GE:2 TR:1',
    expTo: 'KZ:1 KG:1',
    volume: 4,
  },
  {
    name: 'Navruz Tobacco Trading LLC',
    city: 'Tashkent',
    kind: 'importer',
    age: 2700,
    imp: '24:8 48:1',
    exp: '24:1',
    impFrom: 'TR:2 RU:2 AE:2 CH:1 DE:1',
    expTo: 'KG:1 TJ:1',
    volume: 3,
  },
  {
    name: 'Petrol Trade Asia LLC',
    city: 'Karshi',
    kind: 'importer',
    age: 3100,
    imp: '27:9 38:1',
    exp: '27:1',
    impFrom: 'RU:5 KZ:3 TM:2 BY:1',
    expTo: 'AF:3 TJ:1',
    volume: 5,
  },
  {
    name: 'Kokand Furniture LLC',
    city: 'Kokand',
    kind: 'importer',
    age: 2000,
    imp: '94:6 44:3 48:1 83:1',
    exp: '94:2',
    impFrom: 'CN:4 TR:3 RU:2 BY:1 IT:1',
    expTo: 'KZ:2 KG:1 TJ:1',
    volume: 4,
  },
  {
    name: 'Sogdiana Cosmetics LLC',
    city: 'Samarkand',
    kind: 'importer',
    age: 1700,
    imp: '33:7 34:3',
    exp: '33:1',
    impFrom: 'TR:3 KR:3 FR:2 RU:2 PL:1 CN:1',
    expTo: 'KG:1 TJ:1',
    volume: 4,
  },
  {
    name: 'Turon Toys LLC',
    city: 'Tashkent',
    kind: 'importer',
    age: 330,
    imp: '95:7 39:2 49:1',
    exp: '95:1',
    impFrom: 'CN:8 TR:1 DE:1',
    expTo: 'KG:1',
    volume: 3,
  },
  {
    name: 'Amudarya Agro Machinery LLC',
    city: 'Termez',
    kind: 'importer',
    age: 2800,
    imp: '84:6 87:3 73:1 40:1',
    exp: '84:1',
    impFrom: 'BY:3 DE:2 CN:3 RU:2 TR:1',
    expTo: 'AF:2 TJ:1',
    volume: 4,
  },
  {
    name: 'Jizzakh Polymer LLC',
    city: 'Jizzakh',
    kind: 'mixed',
    age: 2400,
    imp: '39:6 38:1 84:1',
    exp: '39:5',
    impFrom: 'CN:3 RU:2 KR:1 TR:1 IR:1',
    expTo: 'AF:2 KZ:2 KG:2 TJ:1 TR:1',
    volume: 5,
  },
  {
    name: 'Surkhan Trade House LLC',
    city: 'Termez',
    kind: 'exporter',
    age: 2200,
    imp: '08:1 09:1',
    exp: '10:3 11:4 17:2 25:3 72:2 73:2 07:2 87:1',
    impFrom: 'AF:1 IN:1',
    expTo: 'AF:9 TJ:1',
    volume: 7,
  },
  {
    name: 'Karakalpak Leather LLC',
    city: 'Nukus',
    kind: 'exporter',
    age: 1800,
    imp: '32:1 84:1',
    exp: '41:6 42:2 43:1',
    impFrom: 'TR:1 IT:1',
    expTo: 'TR:3 CN:3 IT:2 RU:1',
    volume: 3,
  },
  {
    name: 'Margilan Silk LLC',
    city: 'Margilan',
    kind: 'exporter',
    age: 3900,
    imp: '84:1 32:1',
    exp: '50:5 62:2 58:2 63:1',
    impFrom: 'CN:1 IT:1',
    expTo: 'IT:2 FR:2 TR:2 RU:2 JP:1 KR:1',
    volume: 3,
  },
  {
    name: 'Qashqadaryo Energy Supply LLC',
    city: 'Karshi',
    kind: 'importer',
    age: 2600,
    imp: '27:4 84:3 85:2 73:3',
    exp: '27:1',
    impFrom: 'RU:3 KZ:2 CN:3 TR:1 DE:1',
    expTo: 'AF:1',
    volume: 4,
  },
  {
    name: 'Asia Medical Devices LLC',
    city: 'Tashkent',
    kind: 'importer',
    age: 1600,
    imp: '90:7 30:3',
    exp: '90:1',
    impFrom: 'DE:3 CN:3 KR:1 US:1 TR:1 JP:1',
    expTo: 'KG:1',
    volume: 3,
  },
  {
    name: 'Samarqand Paper LLC',
    city: 'Samarkand',
    kind: 'importer',
    age: 3400,
    imp: '47:4 48:5 49:2',
    exp: '48:1',
    impFrom: 'RU:4 FI:1 CN:2 KZ:1',
    expTo: 'AF:1 TJ:1',
    volume: 3,
  },
  {
    name: 'Green Garden Seeds LLC',
    city: 'Gulistan',
    kind: 'importer',
    age: 1400,
    imp: '12:5 06:3 31:3 38:1',
    exp: '12:2',
    impFrom: 'NL:3 TR:2 RU:2 CN:1 DE:1',
    expTo: 'KZ:1 KG:1',
    volume: 3,
  },
  {
    name: 'Tashkent Shoe Trade LLC',
    city: 'Tashkent',
    kind: 'importer',
    age: 2300,
    imp: '64:8 42:2',
    exp: '64:1',
    impFrom: 'CN:5 TR:3 VN:1 IT:1',
    expTo: 'KG:1',
    volume: 4,
  },
  {
    name: 'Fashion Line Import LLC',
    city: 'Tashkent',
    kind: 'importer',
    risky: true,
    age: 900,
    imp: '61:5 62:5 64:2 42:1',
    exp: '61:1',
    impFrom: 'CN:6 TR:3 BD:2 VN:1',
    expTo: 'KG:1',
    volume: 6,
  },
  {
    name: 'Sharq Electronics LLC',
    city: 'Tashkent',
    kind: 'importer',
    risky: true,
    age: 1100,
    imp: '85:8 84:2',
    exp: '85:1',
    impFrom: 'CN:7 AE:2 KR:1',
    expTo: 'KG:1',
    volume: 6,
  },
  {
    name: 'Baraka Global Import LLC',
    city: 'Andijan',
    kind: 'importer',
    risky: true,
    age: 270,
    imp: '87:5 85:3 84:1',
    exp: '87:1',
    impFrom: 'CN:4 AE:3 KR:2 DE:1',
    expTo: 'KG:1',
    volume: 5,
  },
  {
    name: 'Qoraqum Trade LLC',
    city: 'Urgench',
    kind: 'importer',
    risky: true,
    age: 210,
    imp: '61:5 62:4 63:2 64:1',
    exp: '63:1',
    impFrom: 'CN:5 TR:3 BD:2 IN:1',
    expTo: 'TM:1',
    volume: 4,
  },
  {
    name: 'Zarafshan Import Group LLC',
    city: 'Navoi',
    kind: 'importer',
    risky: true,
    age: 1300,
    imp: '87:4 84:3 85:3',
    exp: '84:1',
    impFrom: 'CN:5 AE:2 TR:1 RU:1',
    expTo: 'AF:1',
    volume: 5,
  },
  {
    name: 'Olmaliq Copper Trading LLC',
    city: 'Almalyk',
    kind: 'exporter',
    aeo: true,
    age: 4600,
    imp: '84:2 28:1 38:1',
    exp: '74:7 72:1 79:1',
    impFrom: 'DE:2 RU:2 CN:2',
    expTo: 'CN:4 TR:3 RU:2 IT:1 DE:1',
    volume: 5,
  },
  {
    name: 'Central Asia Grain LLC',
    city: 'Gulistan',
    kind: 'importer',
    age: 2900,
    imp: '10:6 11:4 23:2',
    exp: '11:2',
    impFrom: 'KZ:7 RU:3',
    expTo: 'AF:3 TJ:1',
    volume: 5,
  },
  {
    name: 'Caravan Freight Forwarding LLC',
    city: 'Tashkent',
    kind: 'logistics',
    age: 2700,
    imp: '84:2 85:2 39:1 87:1 94:1 95:1 61:1',
    exp: '52:1 08:1 07:1',
    impFrom: 'CN:5 TR:2 RU:2 KZ:1 DE:1',
    expTo: 'RU:2 KZ:2 AF:2 TR:1',
    volume: 5,
  },
  {
    name: 'Termez Trade Bridge LLC',
    city: 'Termez',
    kind: 'exporter',
    age: 1200,
    imp: '08:1 13:1',
    exp: '11:3 17:2 25:2 07:2 08:1 15:1 39:1 72:1',
    impFrom: 'AF:2 PK:1',
    expTo: 'AF:10',
    volume: 5,
  },
];

export const DEMO_COMPANY_TINS = { silkRoad: '301234567', orient: '302345678' } as const;

const CITIES_STREETS = [
  'Amir Temur Avenue',
  'Mustaqillik Avenue',
  'Alisher Navoi Street',
  'Bobur Street',
  'Buyuk Ipak Yuli Street',
  'Shota Rustaveli Street',
  'Mirzo Ulugbek Avenue',
  'Furqat Street',
  'Uzbekistan Avenue',
  'Istiqlol Street',
  'Mukimiy Street',
  'Bunyodkor Avenue',
];

const MALE = [
  'Aziz',
  'Bobur',
  'Doniyor',
  'Farrukh',
  'Jasur',
  'Javlon',
  'Otabek',
  'Rustam',
  'Sardor',
  'Sherzod',
  'Timur',
  'Ulugbek',
  'Anvar',
  'Akmal',
  'Jamshid',
  'Nodir',
  'Shavkat',
  'Sanjar',
  'Islom',
  'Kamol',
];
const FEMALE = [
  'Dilnoza',
  'Gulnora',
  'Kamola',
  'Madina',
  'Nigora',
  'Nilufar',
  'Sevara',
  'Shahnoza',
  'Zarina',
  'Feruza',
  'Lola',
  'Munisa',
  'Dildora',
  'Barno',
  'Mohira',
];
const SURNAMES = [
  'Abdullayev',
  'Alimov',
  'Azimov',
  'Ergashev',
  'Hamidov',
  'Ismoilov',
  'Jurayev',
  'Karimov',
  'Mirzayev',
  'Nazarov',
  'Normatov',
  'Qodirov',
  'Rakhimov',
  'Saidov',
  'Sobirov',
  'Tursunov',
  'Umarov',
  'Usmonov',
  'Yusupov',
  'Zokirov',
  'Rasulov',
  'Tashkentov',
  'Xolmatov',
  'Sultanov',
];

export function personName(rng: Rng): string {
  const isFemale = rng.chance(0.4);
  const surname = rng.pick(SURNAMES);
  return isFemale ? `${rng.pick(FEMALE)} ${surname}a` : `${rng.pick(MALE)} ${surname}`;
}

/** Declarations in the year of history: the demo companies ~40 each, the rest shared by volume. */
export const HISTORY_DECLARATIONS = 2400;
const DEMO_DECLARATIONS = 40;

export function buildCompanies(now: Date): CompanySpec[] {
  const rng = new Rng('companies');
  const today = utcDay(now);
  const tins = new Set<string>([DEMO_COMPANY_TINS.silkRoad, DEMO_COMPANY_TINS.orient]);
  const others = COMPANY_ROWS.slice(2);
  const totalVolume = others.reduce((s, r) => s + r.volume, 0);
  const remaining = HISTORY_DECLARATIONS - 2 * DEMO_DECLARATIONS;
  // Shares by volume, with the rounding remainder handed out from the first company on.
  const counts = others.map((r) => Math.floor((remaining * r.volume) / totalVolume));
  let left = remaining - counts.reduce((s, c) => s + c, 0);
  for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[i]++;

  return COMPANY_ROWS.map((row, index) => {
    let tin: string;
    let address: string;
    if (index === 0) {
      tin = DEMO_COMPANY_TINS.silkRoad;
      address = 'Tashkent, Amir Temur Avenue 107';
    } else if (index === 1) {
      tin = DEMO_COMPANY_TINS.orient;
      address = 'Tashkent, Mustaqillik Avenue 59';
    } else {
      do tin = `${rng.int(2, 3)}${rng.digits(8)}`;
      while (tins.has(tin));
      tins.add(tin);
      address = `${row.city}, ${rng.pick(CITIES_STREETS)} ${rng.int(1, 180)}`;
    }
    const registeredAt = new Date(today.getTime() - row.age * DAY + rng.int(9, 17) * HOUR);
    const traderEmail =
      index === 0 ? 'trader@silkroad.uz' : index === 1 ? 'trader@orient.uz' : `trader.${tin}@example.uz`;
    const traderName = index === 0 ? 'Dilshod Karimov' : index === 1 ? 'Malika Yusupova' : personName(rng);
    // The trader user exists from the company's first days on the portal (which went live ~2 years ago).
    const traderCreatedAt = new Date(
      Math.max(registeredAt.getTime() + 2 * DAY, today.getTime() - 730 * DAY + rng.int(0, 30) * DAY),
    );
    return {
      id: seedUuid(`company:${tin}`),
      tin,
      name: row.name,
      address,
      city: row.city,
      isAuthorisedEconomicOperator: row.aeo ?? false,
      registeredAt,
      kind: row.kind,
      isRisky: row.risky ?? false,
      importChapters: w(row.imp),
      exportChapters: w(row.exp),
      importPartners: w(row.impFrom),
      exportPartners: w(row.expTo),
      declarationCount: index < 2 ? DEMO_DECLARATIONS : counts[index - 2],
      traderId: seedUuid(`user:${traderEmail}`),
      traderEmail,
      traderName,
      traderCreatedAt,
      accountId: seedUuid(`account:${tin}`),
    };
  });
}

export function companyRows(companies: readonly CompanySpec[]) {
  return companies.map((c) => ({
    id: c.id,
    tin: c.tin,
    name: c.name,
    address: c.address,
    isAuthorisedEconomicOperator: c.isAuthorisedEconomicOperator,
    registeredAt: c.registeredAt,
    isActive: true,
  }));
}

// ───────────── Users ─────────────

export type UserRow = {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  role: 'TRADER' | 'INSPECTOR' | 'SUPERVISOR' | 'AGENCY_OFFICER' | 'ADMIN';
  companyId: string | null;
  postId: string | null;
  authorityId: string | null;
  officerNumber: string | null;
  hasFinancePermission: boolean;
  isActive: boolean;
  isOnDuty: boolean;
  createdAt: Date;
};

/** Inspectors per post code (the ones history assignments go to). */
export type Staff = { inspectorsByPost: Map<string, string[]>; supervisorByPost: Map<string, string> };

export function buildUsers(
  now: Date,
  companies: readonly CompanySpec[],
  passwordHash: string,
): { users: UserRow[]; staff: Staff } {
  const rng = new Rng('users');
  const today = utcDay(now);
  const staffSince = new Date(today.getTime() - 760 * DAY + 9 * HOUR);
  const users: UserRow[] = [];
  const staff: Staff = { inspectorsByPost: new Map(), supervisorByPost: new Map() };
  const base = {
    passwordHash,
    companyId: null,
    postId: null,
    authorityId: null,
    officerNumber: null,
    hasFinancePermission: false,
    isActive: true,
    isOnDuty: false,
    createdAt: staffSince,
  };
  const add = (u: Partial<UserRow> & Pick<UserRow, 'email' | 'name' | 'role'>) => {
    const row: UserRow = { ...base, ...u, id: seedUuid(`user:${u.email}`) };
    users.push(row);
    if (row.role === 'INSPECTOR' && row.postId) {
      const code = POSTS.find((p) => postId(p.code) === row.postId)!.code;
      staff.inspectorsByPost.set(code, [...(staff.inspectorsByPost.get(code) ?? []), row.id]);
    }
    if (row.role === 'SUPERVISOR' && row.postId) {
      const code = POSTS.find((p) => postId(p.code) === row.postId)!.code;
      staff.supervisorByPost.set(code, row.id);
    }
  };

  // Demo traders.
  for (const c of companies.slice(0, 2))
    add({ email: c.traderEmail, name: c.traderName, role: 'TRADER', companyId: c.id, createdAt: c.traderCreatedAt });

  // Demo officers of post 26001.
  const main = postId('26001');
  add({
    email: 'inspector@customs.uz',
    name: 'Bekzod Rakhimov',
    role: 'INSPECTOR',
    postId: main,
    officerNumber: 'INS-26001-01',
    isOnDuty: true,
  });
  add({
    email: 'inspector2@customs.uz',
    name: 'Nodira Ismoilova',
    role: 'INSPECTOR',
    postId: main,
    officerNumber: 'INS-26001-02',
    isOnDuty: false,
  });
  add({
    email: 'supervisor@customs.uz',
    name: 'Sherzod Tursunov',
    role: 'SUPERVISOR',
    postId: main,
    officerNumber: 'SUP-26001-01',
    hasFinancePermission: true,
  });

  // Agency officers, one per authority.
  const agencyNames: Record<string, string> = {
    PQ: 'Anvar Qodirov',
    SES: 'Gulnora Azimova',
    VET: 'Rustam Normatov',
    STD: 'Kamola Saidova',
    PH: 'Feruza Alimova',
    ECO: 'Timur Zokirov',
  };
  for (const code of ['PQ', 'SES', 'VET', 'STD', 'PH', 'ECO']) {
    if (!AUTHORITIES.some((a) => a.code === code)) throw new Error(`Unknown authority ${code}`);
    add({
      email: `${code.toLowerCase()}.officer@agency.uz`,
      name: agencyNames[code],
      role: 'AGENCY_OFFICER',
      authorityId: authorityId(code),
      officerNumber: `${code}-01`,
    });
  }

  add({ email: 'admin@customs.uz', name: 'Portal Administrator', role: 'ADMIN' });

  // Every other post: two inspectors on duty and a supervisor.
  for (const post of POSTS) {
    if (post.code === '26001') continue;
    for (const n of [1, 2]) {
      add({
        email: `inspector.${post.code}.${n}@customs.uz`,
        name: personName(rng),
        role: 'INSPECTOR',
        postId: postId(post.code),
        officerNumber: `INS-${post.code}-0${n}`,
        isOnDuty: true,
      });
    }
    add({
      email: `supervisor.${post.code}@customs.uz`,
      name: personName(rng),
      role: 'SUPERVISOR',
      postId: postId(post.code),
      officerNumber: `SUP-${post.code}-01`,
    });
  }

  // One trader per other company.
  for (const c of companies.slice(2))
    add({ email: c.traderEmail, name: c.traderName, role: 'TRADER', companyId: c.id, createdAt: c.traderCreatedAt });

  return { users, staff };
}
