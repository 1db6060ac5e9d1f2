// Tariff search, the pure part: how a query is read and how tariff lines are matched and ranked.
//
// QUERY. Digits (2–10, spaces and dots allowed: "8471 30", "0805.40") narrow by code prefix (alone,
//   they also find the lines whose text refers to the code, after the lines under it); words
//   are matched as whole words, plurals folded ("oranges" = "orange", "batteries" = "battery"), so
//   "wine" finds wine, never "swine" or "twine". Every word must match (AND); words that carry no
//   meaning in a tariff ("and", "of", "other") are ignored.
// COMMON NAMES. The nomenclature names goods the customs way ("automatic data processing machines",
//   "citrus fruit"); COMMON_NAMES says which nomenclature words a common name stands for. A word
//   matches a line when it, or one of its alternatives (all of whose words are then required), is
//   in the line's own description or in its heading's (the 4-digit HS heading).
// RANKING. An exact code first; then lines whose heading carries the word itself, then its common-
//   name alternative in the heading, then the word in the line's own description, then an
//   alternative there; ties by code. So "wine" lists heading 2204 (wine of fresh grapes) first, and
//   "oranges" lists heading 0805 (citrus fruit) before orange juice and orange oil.
// The server (src/server/reference/tariff.ts) narrows candidates in SQL with `sqlPatterns` (a
// superset: substrings) and ranks them here.

export type TariffCandidate = { hsCode: string; description: string; headingDescription: string };

/** Words that mean nothing on their own in a tariff description. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'or',
  'of',
  'the',
  'for',
  'in',
  'on',
  'with',
  'without',
  'to',
  'by',
  'not',
  'other',
  'than',
  'whether',
  'nec',
]);

/**
 * Common names → the nomenclature's words for them (each alternative: words that must all be present).
 * Keys and words are folded (`fold`). Keep it short and obvious: a name belongs here when traders
 * search for it and the HS 2022 text does not use it. Documented in docs/decisions.md.
 */
export const COMMON_NAMES: Readonly<Record<string, readonly string[]>> = {
  laptop: ['automatic data processing machine portable'],
  notebook: ['automatic data processing machine portable'],
  computer: ['automatic data processing machine'],
  pc: ['automatic data processing machine'],
  orange: ['citrus'],
  mandarin: ['citrus'],
  tangerine: ['citrus'],
  lemon: ['citrus'],
  lime: ['citrus'],
  grapefruit: ['citrus'],
  smartphone: ['telephone'],
  phone: ['telephone'],
  mobile: ['telephone'],
  tv: ['television'],
  fridge: ['refrigerator'],
  car: ['motor car', 'vehicle'],
  shoe: ['footwear'],
  sneaker: ['footwear'],
  boot: ['footwear'],
  tire: ['tyre'],
  beef: ['bovine'],
  pork: ['swine'],
  chicken: ['gallus domesticus', 'poultry'],
  mutton: ['sheep'],
  lamb: ['sheep'],
  medicine: ['medicament'],
  drug: ['medicament'],
  candy: ['sugar confectionery'],
  sweet: ['sugar confectionery'],
  petrol: ['motor spirit'],
  gasoline: ['motor spirit'],
  diesel: ['gas oil'],
  vodka: ['spirit'],
  whisky: ['spirit'],
  cognac: ['spirit'],
};

/** Fold a word for matching: lower case, plural endings removed ("oranges" → "orange", "boxes" → "box", "batteries" → "battery"). */
export function fold(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('oes') && w.length > 5) return w.slice(0, -2);
  if (/(ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** The folded words of a text (letters and digits; one-letter words dropped). */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1).map(fold);
}

export type QueryTerm = {
  /** The word as folded. */
  word: string;
  /** The nomenclature's words for it (each alternative all required). */
  alternatives: string[][];
};
export type TariffQuery = { codePrefix: string | null; terms: QueryTerm[] };

/** Read a query: digit groups (joined) narrow by code prefix, the other words are terms. */
export function parseTariffQuery(query: string): TariffQuery {
  const tokens = query.toLowerCase().match(/[\p{L}\p{N}.]+/gu) ?? [];
  const digits = tokens
    .filter((t) => /^[\d.]+$/.test(t))
    .join('')
    .replace(/\./g, '');
  const terms: QueryTerm[] = [];
  for (const token of tokens) {
    if (/^[\d.]+$/.test(token)) continue;
    for (const raw of token.split('.').filter(Boolean)) {
      const word = fold(raw);
      if (raw.length < 2 || STOP_WORDS.has(word) || terms.some((t) => t.word === word)) continue;
      terms.push({ word, alternatives: (COMMON_NAMES[word] ?? []).map((a) => a.split(' ').map(fold)) });
    }
  }
  return { codePrefix: /^\d{2,10}$/.test(digits) ? digits : null, terms: terms.slice(0, 6) };
}

/** Substrings (SQL ILIKE patterns) of which a matching line's text holds at least one per term: a superset to narrow candidates. */
export function sqlPatterns(term: QueryTerm): string[] {
  // The folded word is a substring of every spelling that folds to it, but for "…ies" → "…y": drop the y.
  const root = (w: string) => (w.endsWith('y') && w.length > 3 ? w.slice(0, -1) : w);
  const longest = (words: string[]) => words.reduce((a, b) => (b.length > a.length ? b : a));
  return [...new Set([term.word, ...term.alternatives.map(longest)].map((w) => `%${root(w)}%`))];
}

/** How well a term matches (higher is better; 0: no match). */
function termScore(term: QueryTerm, line: ReadonlySet<string>, heading: ReadonlySet<string>): number {
  const hasAll = (words: readonly string[], set: ReadonlySet<string>) => words.every((w) => set.has(w));
  const both = new Set([...line, ...heading]);
  if (heading.has(term.word)) return 4;
  if (term.alternatives.some((a) => hasAll(a, heading))) return 3;
  if (line.has(term.word)) return 2;
  if (term.alternatives.some((a) => hasAll(a, line) || hasAll(a, both))) return 1;
  return 0;
}

/**
 * The candidates that match the query, best first (at most `limit`). With words, every word must
 * match, and a code narrows to the lines under it (the exact code first). A code alone finds the
 * lines under it — the exact code first, then by code — and after them the lines whose text refers
 * to it ("heading no. 2009", "item no. 8471.30").
 */
export function rankTariffLines<T extends TariffCandidate>(
  query: TariffQuery,
  candidates: readonly T[],
  limit = 20,
): T[] {
  const { codePrefix: code, terms } = query;
  const scored: Array<{ line: T; score: number }> = [];
  for (const line of candidates) {
    const isUnder = code !== null && line.hsCode.startsWith(code);
    const codeScore = code === null ? 0 : line.hsCode === code ? 2000 : isUnder ? 1000 : 0;
    const lineWords = new Set(wordsOf(line.description));
    const headingWords = new Set(wordsOf(line.headingDescription));
    if (terms.length === 0) {
      if (code === null) continue;
      if (isUnder) scored.push({ line, score: codeScore });
      else if (lineWords.has(code) || headingWords.has(code)) scored.push({ line, score: 1 });
      continue;
    }
    if (code !== null && !isUnder) continue;
    let score = codeScore;
    for (const term of terms) {
      const s = termScore(term, lineWords, headingWords);
      if (s === 0) {
        score = -1;
        break;
      }
      score += s;
    }
    if (score >= 0) scored.push({ line, score });
  }
  scored.sort((a, b) => b.score - a.score || a.line.hsCode.localeCompare(b.line.hsCode));
  return scored.slice(0, limit).map((s) => s.line);
}
