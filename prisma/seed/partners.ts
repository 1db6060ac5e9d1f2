// Foreign trading partners (consignors of imports, consignees of exports), where goods come from,
// and which invoice currency a partner country usually bills in.
import type { Rng } from './random.ts';

type Partner = { name: string; address: string };

const PARTNERS: Record<string, readonly Partner[]> = {
  CN: [
    { name: 'Yiwu Huaxin Trading Co., Ltd.', address: 'Yiwu, Zhejiang, Futian Road 188' },
    { name: 'Shenzhen Brightstar Electronics Co., Ltd.', address: 'Shenzhen, Nanshan District, Keji Road 9' },
    { name: 'Urumqi Tianshan Import & Export Co., Ltd.', address: 'Urumqi, Xinjiang, Hetan North Road 35' },
    { name: 'Guangzhou Meilin Garments Co., Ltd.', address: 'Guangzhou, Baiyun District, Jichang Road 77' },
    { name: 'Chongqing Changhe Motor Trading Co., Ltd.', address: 'Chongqing, Yubei District, Jinkai Avenue 1200' },
  ],
  RU: [
    { name: 'OOO Volga Trade', address: 'Samara, Moskovskoye Shosse 41' },
    { name: 'OOO Sibir Agro', address: 'Novosibirsk, Krasny Prospekt 86' },
    { name: 'AO Ural Industrial Supply', address: 'Yekaterinburg, Lenina Prospekt 24' },
    { name: 'OOO Moskva Food Distribution', address: 'Moscow, Leningradsky Prospekt 39' },
  ],
  KZ: [
    { name: 'TOO Almaty Trade House', address: 'Almaty, Abay Avenue 52' },
    { name: 'TOO Shymkent Grain', address: 'Shymkent, Tauke Khan Avenue 31' },
    { name: 'TOO Astana Logistics', address: 'Astana, Kabanbay Batyr Avenue 11' },
  ],
  TR: [
    { name: 'Anadolu Tekstil San. ve Tic. A.Ş.', address: 'Bursa, Nilüfer, Organize Sanayi Bölgesi 14' },
    { name: 'İstanbul Dış Ticaret Ltd. Şti.', address: 'Istanbul, Bağcılar, Mahmutbey Cad. 27' },
    { name: 'Ege Gıda İhracat A.Ş.', address: 'Izmir, Bornova, Ankara Cad. 81' },
  ],
  KR: [
    { name: 'Hanil Electronics Co., Ltd.', address: 'Suwon, Gyeonggi-do, Samsung-ro 129' },
    { name: 'Daehan Motors Trading Co., Ltd.', address: 'Ulsan, Buk-gu, Yeompo-ro 700' },
  ],
  DE: [
    { name: 'Rhein Maschinenbau GmbH', address: 'Düsseldorf, Königsallee 60' },
    { name: 'Nordpharma Handels GmbH', address: 'Hamburg, Spaldingstraße 64' },
  ],
  IT: [{ name: 'Vini e Tessuti Italia S.r.l.', address: 'Milan, Via Torino 48' }],
  FR: [{ name: 'Société Lyonnaise d’Exportation SAS', address: 'Lyon, Rue de la République 25' }],
  PL: [{ name: 'Baltic Trade Sp. z o.o.', address: 'Gdańsk, ul. Grunwaldzka 102' }],
  NL: [{ name: 'Holland Seeds B.V.', address: 'Enkhuizen, Westeinde 62' }],
  FI: [{ name: 'Suomi Paper Oy', address: 'Kotka, Satamakatu 5' }],
  CH: [{ name: 'Alpina Tobacco Trading SA', address: 'Lausanne, Avenue de Rhodanie 40' }],
  BY: [{ name: 'OAO Minsk Agromash Export', address: 'Minsk, Partizansky Avenue 150' }],
  GE: [{ name: 'Kakheti Wine Export LLC', address: 'Telavi, Rustaveli Street 12' }],
  AZ: [{ name: 'Baku Auto Trade MMC', address: 'Baku, Heydar Aliyev Avenue 115' }],
  KG: [{ name: 'OsOO Bishkek Trade Group', address: 'Bishkek, Chui Avenue 155' }],
  TJ: [{ name: 'OOO Dushanbe Import', address: 'Dushanbe, Rudaki Avenue 84' }],
  TM: [{ name: 'Ashgabat Söwda HJ', address: 'Ashgabat, Magtymguly Avenue 73' }],
  AF: [
    { name: 'Balkh Trading Company', address: 'Mazar-i-Sharif, Hairatan Road 3' },
    { name: 'Kabul Bazaar Import Co.', address: 'Kabul, Jade Maiwand 17' },
  ],
  IR: [{ name: 'Pars Commerce Co.', address: 'Tehran, Valiasr Street 1020' }],
  IN: [{ name: 'Hyderabad Generic Pharma Pvt. Ltd.', address: 'Hyderabad, HITEC City, Madhapur 42' }],
  BD: [{ name: 'Dhaka Knit Garments Ltd.', address: 'Gazipur, Dhaka, BSCIC Road 7' }],
  VN: [{ name: 'Saigon Footwear & Electronics JSC', address: 'Ho Chi Minh City, District 7, Nguyen Van Linh 15' }],
  JP: [{ name: 'Nippon Precision Trading K.K.', address: 'Osaka, Kita-ku, Umeda 2-4' }],
  US: [{ name: 'Pacific Medical Supply Inc.', address: 'San Diego, CA, Harbor Drive 400' }],
  AE: [
    { name: 'Jebel Ali General Trading FZE', address: 'Dubai, Jebel Ali Free Zone, LOB 16' },
    { name: 'Gulf Auto & Electronics LLC', address: 'Dubai, Deira, Al Maktoum Road 22' },
  ],
  BR: [{ name: 'Frigorífico Paulista Exportação Ltda.', address: 'São Paulo, Avenida Paulista 1500' }],
  PK: [{ name: 'Karachi Commodities Pvt. Ltd.', address: 'Karachi, Shahrah-e-Faisal 88' }],
};

export function partnerIn(country: string, rng: Rng): Partner {
  const list = PARTNERS[country];
  if (!list) return { name: `${country} General Trading Ltd.`, address: 'Main Street 1' };
  return rng.pick(list);
}

/** Hubs re-sell goods made elsewhere: the origin differs from the country of dispatch. */
const HUB_ORIGINS: Record<string, ReadonlyArray<readonly [string, number]>> = {
  AE: [
    ['CN', 5],
    ['KR', 2],
    ['JP', 1],
    ['IN', 1],
    ['VN', 1],
  ],
  CH: [
    ['DE', 1],
    ['TR', 1],
  ],
  PK: [
    ['PK', 2],
    ['CN', 1],
  ],
};

/** Country of origin of an imported item dispatched from `partner`. */
export function originFor(partner: string, rng: Rng): string {
  const hub = HUB_ORIGINS[partner];
  if (hub && rng.chance(0.75)) return rng.weighted(hub);
  if (rng.chance(0.9)) return partner;
  return rng.weighted([
    ['CN', 4],
    ['TR', 2],
    ['RU', 2],
    ['DE', 1],
    ['KR', 1],
    ['IN', 1],
  ]);
}

const EUROZONE = new Set(['DE', 'IT', 'FR', 'NL', 'FI']);

/** The invoice currency a partner in `country` usually bills in (only the currencies with rates). */
export function currencyFor(country: string, rng: Rng): string {
  if (country === 'CN')
    return rng.weighted([
      ['CNY', 35],
      ['USD', 65],
    ]);
  if (country === 'RU' || country === 'BY')
    return rng.weighted([
      ['RUB', 60],
      ['USD', 40],
    ]);
  if (country === 'KZ')
    return rng.weighted([
      ['KZT', 40],
      ['USD', 60],
    ]);
  if (country === 'TR')
    return rng.weighted([
      ['TRY', 20],
      ['USD', 55],
      ['EUR', 25],
    ]);
  if (EUROZONE.has(country) || country === 'PL' || country === 'CH')
    return rng.weighted([
      ['EUR', 80],
      ['USD', 20],
    ]);
  return 'USD';
}

/** Price level of goods by origin (Chinese and Bangladeshi goods cheaper, German dearer). */
export const ORIGIN_PRICE: Record<string, number> = {
  CN: 0.85,
  BD: 0.75,
  VN: 0.85,
  IN: 0.85,
  PK: 0.85,
  TR: 1.0,
  RU: 1.0,
  KZ: 0.95,
  BY: 0.95,
  IR: 0.9,
  AF: 0.8,
  UZ: 1.0,
  KR: 1.1,
  JP: 1.3,
  DE: 1.35,
  IT: 1.4,
  FR: 1.4,
  NL: 1.25,
  FI: 1.2,
  CH: 1.4,
  US: 1.25,
  GE: 1.0,
  BR: 0.9,
  AE: 1.0,
  PL: 1.1,
  AZ: 1.0,
};

/** The invoice currency of an export to `country`. */
export function exportCurrencyFor(country: string, rng: Rng): string {
  if (country === 'RU')
    return rng.weighted([
      ['RUB', 45],
      ['USD', 55],
    ]);
  if (country === 'KZ')
    return rng.weighted([
      ['KZT', 30],
      ['USD', 70],
    ]);
  if (EUROZONE.has(country) || country === 'PL')
    return rng.weighted([
      ['EUR', 70],
      ['USD', 30],
    ]);
  if (country === 'CN')
    return rng.weighted([
      ['USD', 80],
      ['CNY', 20],
    ]);
  if (country === 'TR')
    return rng.weighted([
      ['USD', 75],
      ['EUR', 15],
      ['TRY', 10],
    ]);
  return 'USD';
}
