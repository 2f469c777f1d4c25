/**
 * A key for comparing names that keeps their diacritics: "Thành Xuyên" and "Thanh Xuyên" are two places, as are
 * "Đồng Hà" and "Đông Hà". What does not tell places apart is dropped: case, spacing, punctuation, NFC or NFD, and
 * where a syllable's tone mark sits (old style "hoà", "thuỷ" and new style "hòa", "thủy" are one spelling, see
 * syllable.ts). Each syllable's tone mark is moved to its end, so the key is the same wherever the mark was written.
 */
import { fold, INVISIBLE } from './fold';
import { memoText } from './memo';

/** The five tone marks in NFD: grave, acute, tilde, hook above, dot below. Vowel marks (â ă ơ ư ê ô) stay in place. */
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Letters (with their combining marks) and digits make words; anything else separates them. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

function syllableKey(word: string): string {
  const tones = word.match(TONE);
  return tones === null ? word : word.replace(TONE, '') + tones.join('');
}

/** The words of `text`, lower case, each with its tone mark at its end, joined by single spaces. */
export const toneKey = memoText((text: string): string => {
  const words = text.normalize('NFD').replace(INVISIBLE, '').toLowerCase().match(WORD);
  return words === null ? '' : words.map(syllableKey).join(' ');
});

/** Whether a key has no diacritic at all: a name typed without marks, or one that has none ("An Giang"). */
export function isUnmarked(key: string): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The key without its marks, đ as d (its fold): what two spellings of one name share whatever marks were typed. */
export function unmarked(key: string): string {
  return fold(key);
}
