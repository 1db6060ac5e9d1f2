// The countries as a person chooses them: by name in their own language (Intl.DisplayNames, from
// the ISO 3166 codes of ./countries.ts), searchable by that name, the English name or the code.
// What is stored is always the code; a name is only ever shown.
import { COUNTRIES } from './countries';

export type CountryOption = { code: string; name: string };

/** Lower case without accents: "Åland" and "aland", "Côte" and "cote" match. */
export function foldForSearch(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Every country with its name in `locale` (the CLDR English name where the runtime has none),
 * sorted by that name as the locale sorts.
 */
export function countryOptions(locale: string): CountryOption[] {
  let names: Intl.DisplayNames | null = null;
  let collator = new Intl.Collator('en');
  try {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    collator = new Intl.Collator(locale);
  } catch {
    names = null; // a malformed locale: the English names, in English order
  }
  return COUNTRIES.map(([code, english]) => ({ code, name: names?.of(code) ?? english })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}

/** The option of a code (any case), or undefined when the code is not a country. */
export function findCountryOption(options: readonly CountryOption[], code: string): CountryOption | undefined {
  const wanted = code.trim().toUpperCase();
  return options.find((o) => o.code === wanted);
}

/** What a chosen country shows in its field: "Germany (DE)". */
export const countryLabel = (option: CountryOption) => `${option.name} (${option.code})`;

const ENGLISH = new Map(COUNTRIES.map(([code, name]) => [code, foldForSearch(name)]));

/**
 * The countries matching what was typed, best first: the code itself ("de"), then names starting
 * with it ("Germ"), then names with a word starting with it ("Kingdom"), then names containing it.
 * The English name counts too, whatever the language. Nothing typed: every country.
 */
export function matchCountries(options: readonly CountryOption[], query: string): CountryOption[] {
  const q = foldForSearch(query.trim());
  if (!q) return [...options];
  const rank = (o: CountryOption): number => {
    const names = [foldForSearch(o.name), ENGLISH.get(o.code) ?? ''];
    if (o.code.toLowerCase() === q) return 0;
    if (names.some((n) => n.startsWith(q))) return 1;
    if (names.some((n) => n.split(/[\s\-&.,()’']+/).some((word) => word.startsWith(q)))) return 2;
    if (names.some((n) => n.includes(q))) return 3;
    return 4;
  };
  return options
    .map((option, index) => ({ option, index, rank: rank(option) }))
    .filter((m) => m.rank < 4)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((m) => m.option);
}
