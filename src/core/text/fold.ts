/**
 * Folding for comparison: Vietnamese text written with or without diacritics, in NFC or NFD,
 * in any case and spacing, folds to the same key. "Tỷ lệ  PHỦ sóng" → "ty le phu song".
 */

const COMBINING = /[\u0300-\u036f]/g;
/** Invisible characters inside words (soft hyphen, zero-width (non-)joiners, word joiner, byte order mark): dropped. */
const INVISIBLE = /\u00ad|\u180e|\u200c|\u200d|\u2060|\ufeff/g;
/** Any run of white space, including no-break and zero-width spaces: one space. */
const SPACES = /[\s\u00a0\u200b]+/g;

/**
 * Long texts are often one string shown in thousands of cells (a shared string) and asked for again and again by
 * the rules: their results are kept, so each costs one pass. Short texts are cheaper to redo than to look up.
 */
function remembered(f: (text: string) => string): (text: string) => string {
  const kept = new Map<string, string>();
  return text => {
    if (text.length < 256) return f(text);
    let r = kept.get(text);
    if (r === undefined) {
      if (kept.size >= 512) kept.clear();
      r = f(text);
      kept.set(text, r);
    }
    return r;
  };
}

/** NFC with invisible characters removed and spaces collapsed; keeps diacritics and case. */
export const clean = remembered(text => text.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim());

/** Lower case, no diacritics, đ → d, spaces collapsed. */
export const fold = remembered(text => text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .trim());

/** Folded, with punctuation turned into spaces: for word-level matching. */
export function foldWords(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}%]+/gu, ' ').replace(/ +/g, ' ').trim();
}
