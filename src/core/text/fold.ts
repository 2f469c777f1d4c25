/**
 * Folding for comparison: Vietnamese text written with or without diacritics, in NFC or NFD,
 * in any case and spacing, folds to the same key. "Tỷ lệ  PHỦ sóng" → "ty le phu song".
 * A province's files repeat the same headers, names and labels thousands of times, and recognition folds each of
 * them several times: every function here remembers its answers for recent distinct strings.
 */

import { memoText } from './memo';

const COMBINING = /[\u0300-\u036f]/g;
/** Invisible characters inside words (soft hyphen, zero-width (non-)joiners, word joiner, byte order mark): dropped. */
export const INVISIBLE = /\u00ad|\u180e|\u200c|\u200d|\u2060|\ufeff/g;
/** Any run of white space, including no-break and zero-width spaces: one space. */
const SPACES = /[\s\u00a0\u200b]+/g;
/** Only plain ASCII letters, digits and single inner spaces: folding changes nothing but the case. */
const PLAIN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** NFC with invisible characters removed and spaces collapsed; keeps diacritics and case. */
export const clean = memoText(text => text.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim());

/** Lower case, no diacritics, đ → d, spaces collapsed. */
export const fold = memoText(text => {
  if (PLAIN.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .trim();
});

/** Folded, with punctuation turned into spaces: for word-level matching. */
export const foldWords = memoText(text => fold(text).replace(/[^\p{L}\p{N}%]+/gu, ' ').replace(/ +/g, ' ').trim());

/**
 * The first character of foldWords(text) when the text shows it without folding: the first ASCII letter, digit or "%"
 * of a text that starts in ASCII (lower-cased), '' for ASCII punctuation and spaces alone; undefined once a non-ASCII
 * character comes first (a diacritic, an invisible character: folding must decide). A recogniser comparing thousands
 * of cells with a few folded labels rejects most of them on this, without a lookup in foldWords's memory.
 */
export function wordsInitial(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return undefined;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x25) return text.charAt(i);
    if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 0x20);
  }
  return '';
}
