/**
 * Spelling-insensitive text, for every search in Tiekeeper. German names come in several
 * spellings ("Müller", "Mueller", "Muller"): terms are folded (lower case, without diacritics,
 * ß as ss) and, when they have an umlaut, also transcribed (ae/oe/ue).
 */

/** Letters that NFD does not decompose into a base letter and a mark. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const SPECIAL_PATTERN = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'gu');
const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue' };
const MARKS = /\p{M}+/gu;
const ASCII = /^[\x21-\x7e]+$/;
/** Anything but letters, digits and combining marks separates terms ("Müller-Lüdenscheidt"). */
const SEPARATOR = /[^\p{L}\p{N}\p{M}]+/u;

/** Lower case, ß as ss, diacritics removed: "Jürgen" -> "jurgen", "Straße" -> "strasse". */
export function foldTerm(term: string): string {
  return term
    .normalize('NFC')
    .toLowerCase()
    .replace(SPECIAL_PATTERN, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .normalize('NFD')
    .replace(MARKS, '');
}

/**
 * The spellings a term is indexed (and queried) under: the folded one and, for a word with an
 * umlaut, the transcribed one ("müller" -> ["muller", "mueller"]). Never empty for a non-empty
 * term made of letters or digits.
 */
export function termVariants(term: string): string[] {
  // Most terms are plain ASCII: nothing to fold (a fast path, this runs for every word indexed).
  if (ASCII.test(term)) return [term.toLowerCase()];
  const lower = term.normalize('NFC').toLowerCase();
  const folded = foldTerm(lower);
  if (!/[äöü]/.test(lower)) return folded ? [folded] : [];
  const transcribed = foldTerm(lower.replace(/[äöü]/g, (umlaut) => UMLAUTS[umlaut] ?? umlaut));
  return transcribed === folded ? [folded] : [folded, transcribed];
}

export function tokenize(text: string): string[] {
  return text.normalize('NFC').split(SEPARATOR).filter((token) => token !== '');
}

/** What the index holds about one contact. */
