/**
 * Word-level matching of Vietnamese phrases that tolerates missing diacritics without confusing
 * words that only differ by them: "dat" matches "đạt", but "đất" (land) and "đặt" (place) do not,
 * and "đang" (in progress) is not "đáng" or "dạng". A written mark must be one the phrase has;
 * an absent mark is forgiven. Case, NFD input, NBSP and spacing do not matter.
 */
import { clean, fold } from '../text/fold';

export interface Token {
  /** Lower case NFC form as written. */
  readonly raw: string;
  /** Folded form (no diacritics, đ → d). */
  readonly key: string;
}

/** One word of a phrase to look for. */
type PatternWord = Token;

const TOKEN = /[\p{L}\p{M}]+|[0-9]+/gu;
const ASCII = /^[a-z0-9]+$/;

/** Words and digit runs of a text, in order; punctuation and symbols are dropped. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  const lower = clean(text).toLowerCase();
  for (const m of lower.matchAll(TOKEN)) {
    const raw = m[0];
    out.push({ raw, key: ASCII.test(raw) ? raw : fold(raw) });
  }
  return out;
}

const phraseCache = new Map<string, readonly PatternWord[]>();

function compile(phrase: string): readonly PatternWord[] {
  let words = phraseCache.get(phrase);
  if (!words) {
    words = tokens(phrase);
    phraseCache.set(phrase, words);
  }
  return words;
}

function isMark(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return c >= 0x300 && c <= 0x36f;
}

/** True when `tok` is `pat` with zero or more of its diacritics left out (đ may be written d). */
function marksSubset(tok: string, pat: string): boolean {
  const a = tok.normalize('NFD');
  const b = pat.normalize('NFD');
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a[i];
    const cb = b[j];
    if (ca !== cb && !(ca === 'd' && cb === 'đ')) return false;
    i++;
    j++;
    const marks: string[] = [];
    while (isMark(b[j])) marks.push(b[j++] as string);
    while (isMark(a[i])) {
      if (!marks.includes(a[i] as string)) return false;
      i++;
    }
  }
  return i === a.length && j === b.length;
}

export function wordMatches(tok: Token, pat: Token): boolean {
  if (tok.key !== pat.key) return false;
  return tok.raw === pat.raw || marksSubset(tok.raw, pat.raw);
}

/** Does the phrase occur at token index `at`? */
export function phraseAt(toks: readonly Token[], phrase: string, at: number): boolean {
  const words = compile(phrase);
  if (words.length === 0 || at < 0 || at + words.length > toks.length) return false;
  for (let k = 0; k < words.length; k++) {
    if (!wordMatches(toks[at + k] as Token, words[k] as Token)) return false;
  }
  return true;
}

/** Index of the first occurrence of any of the phrases at or after `from`, or -1. */
export function findPhrase(toks: readonly Token[], phrases: readonly string[], from = 0): number {
  for (let i = Math.max(0, from); i < toks.length; i++) {
    for (const p of phrases) if (phraseAt(toks, p, i)) return i;
  }
  return -1;
}

export function hasPhrase(toks: readonly Token[], phrases: readonly string[]): boolean {
  return findPhrase(toks, phrases) >= 0;
}

/** The phrase (of those given) the tokens start with, or null. Longer phrases should come first. */
export function startPhrase(toks: readonly Token[], phrases: readonly string[]): string | null {
  for (const p of phrases) if (phraseAt(toks, p, 0)) return p;
  return null;
}

/** The tokens are exactly one of the phrases. */
export function isPhrase(toks: readonly Token[], phrases: readonly string[]): boolean {
  return phrases.some(p => compile(p).length === toks.length && phraseAt(toks, p, 0));
}

/** Every token is one of the given words (loosely). */
export function allWordsIn(toks: readonly Token[], vocabulary: readonly string[]): boolean {
  return toks.every(t => vocabulary.some(v => {
    const w = compile(v)[0];
    return w !== undefined && wordMatches(t, w);
  }));
}
