import { Encodings } from '@pdf-lib/standard-fonts';
import { describe, expect, it } from 'vitest';
import { toWinAnsi, isWinAnsi } from '@/lib/documents/win-ansi';
import { declarationDocumentPayload, type DeclarationDocumentSource } from '@/lib/documents/declaration';
import { documentView } from '@/lib/documents/view';
import { formatServiceMoment } from '@/lib/documents/format';
import { parsePayload, ZDeclarationDocumentPayload, DOCUMENT_KINDS } from '@/lib/documents/payloads';
import { canonicalJson } from '@/lib/documents/canonical-json';

describe('text for the standard PDF fonts (WinAnsi)', () => {
  it.each([
    ['keeps what WinAnsi has', 'Côte d’Ivoire — “Müller” €5 • ½', 'Côte d’Ivoire — “Müller” €5 • ½'],
    ['transliterates Russian Cyrillic', 'Ташкент, улица Щорса', 'Tashkent, ulitsa Shchorsa'],
    ['transliterates Uzbek Cyrillic', 'Ўзбекистон, Қўқон, Ғалаба', "O'zbekiston, Qo'qon, G'alaba"],
    ['drops marks WinAnsi lacks', 'İstanbul Şişli, Łódź, Ħal, Nguyễn', 'Istanbul Sisli, Lódz, Hal, Nguyen'],
    ['maps Uzbek Latin apostrophes and the numero sign', 'Oʻzbekiston № 5', "O'zbekiston No. 5"],
    ['turns line breaks and tabs into spaces', 'a\nb\tc\r\nd', 'a b c  d'],
    ['replaces what it cannot spell', '北京 😀', '?? ?'],
  ])('%s', (_name, input, expected) => {
    expect(toWinAnsi(input)).toBe(expected);
  });

  it('only ever produces characters pdf-lib can encode with Helvetica', () => {
    expect(
      [...'€ŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›™'].every((c) => Encodings.WinAnsi.canEncodeUnicodeCodePoint(c.codePointAt(0)!)),
    ).toBe(true);
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      expect(isWinAnsi(cp)).toBe(Encodings.WinAnsi.canEncodeUnicodeCodePoint(cp) && cp >= 0x20);
      for (const out of toWinAnsi(String.fromCodePoint(cp))) {
        if (!Encodings.WinAnsi.canEncodeUnicodeCodePoint(out.codePointAt(0)!))
          throw new Error(`U+${cp.toString(16)} became unencodable ${JSON.stringify(out)}`);
      }
    }
  });
});

const source: DeclarationDocumentSource = {
  registrationNumber: '26001/261128/0000042',
  registeredAt: new Date('2026-11-28T09:30:00Z'),
  regime: 'IM40',
  post: { code: '26001', name: 'Tashkent — Chukursay railway' },
  company: { tin: '302345678', name: 'Orient Logistics JSC' },
  consignorName: 'Shenzhen Tech Ltd',
  consignorCountry: 'CN',
  consignorAddress: 'Shenzhen, Nanshan district 1',
  consigneeName: 'Orient Logistics JSC',
  consigneeCountry: 'UZ',
  consigneeAddress: 'Tashkent, Mustaqillik 59',
  dispatchCountry: 'CN',
  destinationCountry: 'UZ',
  transportMode: 'ROAD',
  transportDocument: 'CMR 4471023',
  incoterm: 'FOB',
  invoiceCurrency: 'USD',
  invoiceTotal: { toString: () => '10000' },
  freight: '800',
  insurance: { toString: () => '50.00' },
  items: [
    {
      lineNo: 2,
      hsCode: '2203000900',
      description: 'Beer',
      originCountry: 'DE',
      netMass: '2000',
      quantity: '2000',
      supplementaryUnit: 'L',
      invoiceValue: '4000',
      customsValue: '54901000.00',
    },
    {
      lineNo: 1,
      hsCode: '8471300000',
      description: 'Laptops',
      originCountry: 'CN',
      netMass: { toString: () => '100.5' },
      quantity: '50',
      supplementaryUnit: 'PCS',
      invoiceValue: '6000.5',
      customsValue: { toString: () => '82351500' },
    },
  ],
  // The worked example's assessment (shared/DOMAIN.md), and one permit of the beer.
  payments: [
    { lineNo: 1, type: 'DUTY', method: 'AD_VALOREM', rate: '0', unit: '%', base: '82351500.00', amount: '0.00' },
    { lineNo: 1, type: 'EXCISE', method: 'NOT_APPLICABLE', rate: '0', unit: '%', base: '0.00', amount: '0.00' },
    { lineNo: 1, type: 'VAT', method: 'AD_VALOREM', rate: '12', unit: '%', base: '82351500.00', amount: '9882180.00' },
    {
      lineNo: 2,
      type: 'DUTY',
      method: 'AD_VALOREM',
      rate: '30',
      unit: '%',
      base: '54901000.00',
      amount: '16470300.00',
    },
    { lineNo: 2, type: 'EXCISE', method: 'SPECIFIC', rate: '5000', unit: 'UZS/L', base: '2000', amount: '10000000.00' },
    { lineNo: 2, type: 'VAT', method: 'AD_VALOREM', rate: '12', unit: '%', base: '81371300.00', amount: '9764556.00' },
    { lineNo: null, type: 'FEE', method: 'PERCENT', rate: '0.2', unit: '%', base: '137252500.00', amount: '274505.00' },
  ],
  isSecured: false,
  permits: [{ lineNo: 2, number: 'SES-FOOD/2026/000007', type: 'SES-FOOD', quantity: '2000', unit: 'L' }],
  documents: [
    { type: 'INVOICE', number: 'INV-2026-001', date: new Date('2026-11-20T00:00:00Z') },
    { type: 'TRANSPORT_DOCUMENT', number: 'CMR 4471023', date: new Date('2026-11-21T00:00:00Z') },
  ],
};

describe('the declaration document', () => {
  it('takes what the printed declaration shows, amounts as strings at a fixed scale, items by line', () => {
    const payload = declarationDocumentPayload(source);
    expect(ZDeclarationDocumentPayload.parse(payload)).toEqual(payload);
    expect(payload.registeredAt).toBe('2026-11-28T09:30:00.000Z');
    expect(payload.transport).toEqual({ modeCode: '30', document: 'CMR 4471023' });
    expect(payload.invoice).toEqual({ currency: 'USD', total: '10000.00' });
    expect(payload.items.map((i) => [i.line, i.netMassKg, i.quantity, i.invoiceValue])).toEqual([
      [1, '100.500', '50.000', '6000.50'],
      [2, '2000.000', '2000.000', '4000.00'],
    ]);
    expect(payload.declarant).toEqual({ tin: '302345678', name: 'Orient Logistics JSC' });
    // Serialisable exactly, with no internal ids.
    expect(canonicalJson(payload)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('is the same for the same declaration, whatever Decimal spelling the database used', () => {
    const again = declarationDocumentPayload({
      ...source,
      invoiceTotal: '10000.00',
      items: source.items.map((i) => ({ ...i, quantity: `${i.quantity}.000` })),
    });
    expect(canonicalJson(again)).toBe(canonicalJson(declarationDocumentPayload(source)));
  });

  it('refuses a declaration that is not registered', () => {
    expect(() => declarationDocumentPayload({ ...source, registrationNumber: null })).toThrow(/registered/);
  });

  it('shows as labelled rows and a goods table, times in Tashkent', () => {
    const view = documentView({ kind: 'DECLARATION', payload: declarationDocumentPayload(source) });
    const field = (key: string) => view.fields.find((f) => f.key === key)?.value;
    expect(field('registeredAt')).toBe('2026-11-28 14:30 (UTC+5)');
    expect(field('invoiceTotal')).toBe('10 000.00 USD');
    expect(field('post')).toBe('26001 Tashkent — Chukursay railway');
    const goods = view.tables.find((t) => t.key === 'goods')!;
    expect(goods.rows[0]).toEqual([
      '1',
      '8471300000',
      'Laptops',
      'CN',
      '100.500',
      '50.000 PCS',
      '6 000.50',
      '82 351 500.00',
    ]);
    for (const table of view.tables) expect(table.columns).toHaveLength(table.rows[0].length);
  });

  it('carries the customs value, freight and insurance, the assessed payments per line, permits and documents', () => {
    const payload = declarationDocumentPayload(source);
    expect(ZDeclarationDocumentPayload.parse(payload)).toEqual(payload);
    const view = documentView({ kind: 'DECLARATION', payload });
    const field = (key: string) => view.fields.find((f) => f.key === key)?.value;
    expect(field('freight')).toBe('800.00 USD');
    expect(field('insurance')).toBe('50.00 USD');
    expect(field('customsValue')).toBe('137 252 500.00 UZS');
    expect(field('paymentsTotal')).toBe('46 391 541.00 UZS');
    const table = (key: string) => view.tables.find((t) => t.key === key)!.rows;
    expect(table('assessedPayments')).toEqual([
      ['1', 'Duty', 'Ad valorem', '0%', '82 351 500.00', '0.00'],
      ['1', 'Excise', 'Not applicable', '—', '0.00', '0.00'],
      ['1', 'VAT', 'Ad valorem', '12%', '82 351 500.00', '9 882 180.00'],
      ['2', 'Duty', 'Ad valorem', '30%', '54 901 000.00', '16 470 300.00'],
      ['2', 'Excise', 'Specific', '5000 UZS/L', '2 000.00', '10 000 000.00'],
      ['2', 'VAT', 'Ad valorem', '12%', '81 371 300.00', '9 764 556.00'],
      ['—', 'Customs processing fee', 'Percentage of the customs value', '0.2%', '137 252 500.00', '274 505.00'],
    ]);
    expect(table('permits')).toEqual([['2', 'SES-FOOD/2026/000007', 'SES-FOOD', '2 000.000 L']]);
    expect(table('documents')).toEqual([
      ['Commercial invoice', 'INV-2026-001', '2026-11-20'],
      ['Transport document', 'CMR 4471023', '2026-11-21'],
    ]);
    // Secured regimes say so beside the total; nothing declared reads as a dash.
    const secured = documentView({
      kind: 'DECLARATION',
      payload: declarationDocumentPayload({ ...source, isSecured: true, freight: null }),
    });
    expect(secured.fields.find((f) => f.key === 'paymentsTotalSecured')?.value).toBe('46 391 541.00 UZS');
    expect(secured.fields.find((f) => f.key === 'freight')?.value).toBe('—');
  });

  it('still reads and shows a document issued before those were printed', () => {
    const {
      freight: _f,
      insurance: _i,
      customsValue: _c,
      payments: _p,
      isSecured: _s,
      permits: _pe,
      documents: _d,
      ...older
    } = declarationDocumentPayload(source);
    const olderPayload = { ...older, items: older.items.map(({ customsValue: _cv, ...i }) => i) };
    const parsed = parsePayload('DECLARATION', olderPayload);
    expect(parsed?.kind).toBe('DECLARATION');
    const view = documentView(parsed!);
    expect(view.fields.map((f) => f.key)).not.toContain('freight');
    expect(view.tables.filter((t) => t.rows.length > 0).map((t) => t.key)).toEqual(['goods']);
  });

  it('reads back only payloads of the right shape', () => {
    expect(parsePayload('DECLARATION', declarationDocumentPayload(source))?.kind).toBe('DECLARATION');
    expect(parsePayload('DECLARATION', { ...declarationDocumentPayload(source), internalId: 'x' })).toBeNull();
    expect(parsePayload('PERMIT', declarationDocumentPayload(source))).toBeNull();
    expect(DOCUMENT_KINDS).toEqual(['DECLARATION', 'RELEASE_NOTE', 'PERMIT', 'RECEIPT']);
  });

  it('formats moments in the service time zone across midnight', () => {
    expect(formatServiceMoment('2026-11-28T19:05:00Z')).toBe('2026-11-29 00:05 (UTC+5)');
    expect(formatServiceMoment('not a date')).toBe('not a date');
  });
});
