import { describe, expect, it } from 'vitest';
import {
  countryLabel,
  countryOptions,
  findCountryOption,
  foldForSearch,
  matchCountries,
} from '@/lib/reference/country-options';
import { COUNTRY_CODES } from '@/lib/reference/countries';

const en = countryOptions('en');
const codes = (query: string, options = en) => matchCountries(options, query).map((o) => o.code);

describe('the country list', () => {
  it('has every ISO 3166 code once, named in the locale and sorted by that name', () => {
    expect(en.map((o) => o.code).sort()).toEqual([...COUNTRY_CODES].sort());
    expect(findCountryOption(en, 'de')).toEqual({ code: 'DE', name: 'Germany' });
    const names = en.map((o) => o.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('en').compare));
    expect(countryLabel({ code: 'DE', name: 'Germany' })).toBe('Germany (DE)');
  });

  it('names countries in the reader’s language (the locale is passed in, never assumed)', () => {
    const ru = countryOptions('ru');
    expect(findCountryOption(ru, 'DE')?.name).toBe('Германия');
    // Searchable by the local name, and by the English one whatever the language.
    expect(codes('Герм', ru)[0]).toBe('DE');
    expect(codes('Germany', ru)[0]).toBe('DE');
  });

  it('an unknown locale falls back to the English names instead of failing', () => {
    expect(findCountryOption(countryOptions('not a locale!'), 'DE')?.name).toBe('Germany');
  });
});

describe('searching it', () => {
  it('finds Germany by its name or code, never Georgia', () => {
    expect(codes('Germany')).toEqual(['DE']);
    expect(codes('germ')).toEqual(['DE']);
    expect(codes('de')[0]).toBe('DE');
    expect(codes('Germany')).not.toContain('GE');
    expect(codes('ge')[0]).toBe('GE'); // typing a code means that code
  });

  it('ranks names that start with the text before names that only contain it', () => {
    const found = codes('uz');
    expect(found[0]).toBe('UZ');
    expect(codes('united')).toEqual(expect.arrayContaining(['AE', 'GB', 'US']));
    expect(codes('kingdom')).toContain('GB');
  });

  it('ignores case and accents', () => {
    expect(codes('aland')).toContain('AX');
    expect(codes('CÔTE')).toContain('CI');
    expect(foldForSearch('Åland')).toBe('aland');
  });

  it('nothing typed lists every country; nothing matching lists none', () => {
    expect(matchCountries(en, '  ')).toHaveLength(en.length);
    expect(matchCountries(en, 'Atlantis')).toEqual([]);
  });
});
