import { describe, expect, it } from 'vitest';
import {
  fold,
  parseTariffQuery,
  rankTariffLines,
  sqlPatterns,
  type TariffCandidate,
} from '@/lib/reference/tariff-search';
import { readHsNomenclature } from '@/prisma/seed/reference';
import { buildTariff } from '@/prisma/seed/tariff';

// The national tariff as seeded (421 lines over the HS 2022 nomenclature), each line with its
// heading's description, as the server reads them.
const hs = readHsNomenclature();
const headings = new Map(hs.filter((h) => h.level === 4).map((h) => [h.code, h.description]));
const tariff: TariffCandidate[] = buildTariff(hs).map((g) => ({
  hsCode: g.line.hsCode,
  description: g.line.description,
  headingDescription: headings.get(g.line.hsCode.slice(0, 4)) ?? '',
}));

const search = (q: string, limit = 20) => rankTariffLines(parseTariffQuery(q), tariff, limit).map((l) => l.hsCode);
const headingOf = (code: string) => code.slice(0, 4);

describe('tariff search: common names find their headings', () => {
  it.each([
    ['laptops', '8471'],
    ['laptop', '8471'],
    ['computers', '8471'],
    ['oranges', '0805'],
    ['citrus', '0805'],
    ['milk', '0402'],
    ['wine', '2204'],
  ])('"%s" lists heading %s first', (query, heading) => {
    const found = search(query);
    expect(found.length).toBeGreaterThan(0);
    expect(headingOf(found[0])).toBe(heading);
  });

  it('matches whole words: "wine" never finds swine offal or twine, and lists heading 2204 first', () => {
    const found = search('wine');
    expect(headingOf(found[0])).toBe('2204');
    expect(found).not.toContain('0206300000'); // Offal, edible; of swine
    expect(found.some((c) => c.startsWith('5607') || c.startsWith('6310'))).toBe(false); // twine
    // Spirits of grape wine mention the word but their heading is not wine: after 2204.
    expect(found.indexOf('2208200009')).toBeGreaterThan(found.indexOf('2204210000'));
  });

  it('ranks the heading that carries the word before lines that only mention it', () => {
    // "milk": heading 0402 (milk and cream) before 1901 (food preparations … of milk products).
    const milk = search('milk');
    expect(milk.indexOf('0402109000')).toBeLessThan(milk.indexOf('1901900000'));
    // "oranges": citrus fruit (0805) before orange juice (2009) and essential oil of orange (3301).
    const oranges = search('oranges');
    expect(oranges.slice(0, 3)).toEqual(['0805400000', '2009110000', '3301129000']);
  });

  it('needs every word, and ignores words that say nothing', () => {
    expect(search('portable computers')).toEqual(['8471300000']);
    expect(search('wine of grapes').every((c) => c.startsWith('2204') || c.startsWith('2208'))).toBe(true);
    expect(search('orange juice')).toEqual(['2009110000']);
    expect(search('and of other')).toEqual([]);
  });
});

describe('tariff search by code', () => {
  it('puts the exact code first, then the lines under the prefix in code order', () => {
    expect(search('8471300000')[0]).toBe('8471300000');
    const wines = search('2204');
    expect(wines.length).toBeGreaterThan(0);
    expect(wines.every((c) => c.startsWith('2204'))).toBe(true);
    expect(wines).toEqual([...wines].sort());
  });

  it('a code alone also finds the lines whose text refers to it, after the lines under it', () => {
    const found = search('2009');
    const under = found.filter((c) => c.startsWith('2009'));
    expect(under.length).toBeGreaterThan(0);
    expect(found.slice(0, under.length)).toEqual(under);
    // Wine: "grape must other than that of heading no. 2009".
    expect(found).toContain('2204210000');
  });

  it('reads spaces and dots in a code, and a code with words narrows to it', () => {
    expect(search('8471 30')).toEqual(search('847130'));
    expect(search('0805.40')[0]).toBe('0805400000');
    expect(search('22 wine').every((c) => c.startsWith('22'))).toBe(true);
    expect(search('08 wine')).toEqual([]);
  });
});

describe('folding words', () => {
  it.each([
    ['oranges', 'orange'],
    ['batteries', 'battery'],
    ['tomatoes', 'tomato'],
    ['shoes', 'shoe'],
    ['boxes', 'box'],
    ['watches', 'watch'],
    ['glasses', 'glass'],
    ['citrus', 'citrus'],
    ['wine', 'wine'],
    ['gas', 'gas'],
  ])('%s → %s', (word, folded) => {
    expect(fold(word)).toBe(folded);
  });

  it('narrows candidates in SQL with substrings every matching spelling contains', () => {
    const [batteries] = parseTariffQuery('batteries').terms;
    expect(sqlPatterns(batteries)).toEqual(['%batter%']);
    const [laptops] = parseTariffQuery('laptops').terms;
    expect(sqlPatterns(laptops)).toEqual(['%laptop%', '%processing%']);
  });
});
