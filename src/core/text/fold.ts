/**
 * Folding for comparison: Vietnamese text written with or without diacritics, in NFC or NFD,
 * in any case and spacing, folds to the same key. "Tỷ lệ  PHỦ sóng" → "ty le phu song".
 */

const COMBINING = /[\u0300-\u036f]/g;
const SPACES = /[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g;

/** NFC with zero-width characters removed and spaces collapsed; keeps diacritics and case. */
export function clean(text: string): string {
  return text.normalize('NFC').replace(SPACES, ' ').trim();
}

/** Lower case, no diacritics, đ → d, spaces collapsed. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}

/** Folded, with punctuation turned into spaces: for word-level matching. */
export function foldWords(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}%]+/gu, ' ').replace(/ +/g, ' ').trim();
}
