// Text for the PDF's standard fonts (Helvetica, WinAnsi encoding): every character WinAnsi cannot
// encode is replaced, so a name like "Côte d’Ivoire" prints as is, "Ташкент" prints as
// "Tashkent" and nothing a trader typed can make rendering fail. The signed content itself keeps
// the original text; only its printed form is transliterated.

const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const EXTRA = new Set([...WIN_ANSI_EXTRA].map((c) => c.codePointAt(0)!));

export function isWinAnsi(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || EXTRA.has(codePoint);
}

// Cyrillic as used in Uzbek, Russian, Kazakh and Ukrainian text (a simple, readable
// transliteration — not a legal one).
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ў: "o'",
  қ: 'q',
  ғ: "g'",
  ҳ: 'h',
  ә: 'a',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
};

const PUNCTUATION: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '—',
  '\u2032': "'",
  '\u2033': '"',
  '\u02bb': "'",
  '\u02bc': "'",
  '\u2116': 'No.',
  '\u2212': '-',
  '\u2044': '/',
  // Latin letters with a stroke have no decomposition to strip.
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
};

function cyrillic(ch: string): string | null {
  const lower = ch.toLowerCase();
  const mapped = CYRILLIC[lower];
  if (mapped === undefined) return null;
  if (ch === lower || mapped === '') return mapped;
  return mapped.charAt(0).toUpperCase() + mapped.slice(1);
}

function replacement(ch: string): string {
  const cp = ch.codePointAt(0)!;
  // Line breaks, tabs and other controls become a space; zero-width characters vanish.
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0x2028 || cp === 0x2029) return ' ';
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff || cp === 0x00ad) return '';
  if (cp >= 0x2000 && cp <= 0x200a) return ' ';
  if (PUNCTUATION[ch] !== undefined) return PUNCTUATION[ch];
  const translit = cyrillic(ch);
  if (translit !== null) return translit;
  // Letters with diacritics WinAnsi lacks (ş, ğ, ő, ā…) lose the mark; ligatures split (ﬁ → fi).
  const decomposed = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  if (decomposed.length > 0 && [...decomposed].every((c) => isWinAnsi(c.codePointAt(0)!))) return decomposed;
  return '?';
}

/** The text with every character WinAnsi cannot encode replaced (never throws, never grows unboundedly). */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) out += isWinAnsi(ch.codePointAt(0)!) ? ch : replacement(ch);
  return out;
}
