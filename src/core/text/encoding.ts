/**
 * Which encoding a workbook's text is in: Unicode, TCVN3 (ABC), VNI, or Vietnamese typed without diacritics.
 *
 * The evidence is word by word: each word with a character beyond ASCII is read three ways (as it is, as TCVN3,
 * as VNI) and each reading that gives a plausible Vietnamese syllable scores, a frequent syllable more (see
 * syllable.ts). Real text in one encoding reads as real words only in that encoding: "Tû lÖ phñ sãng" is nonsense
 * as Unicode and "Tỷ lệ phủ sóng" cannot even occur in TCVN3. Punctuation such as “ ” – ≥ … ° never forms a
 * word, so it cannot tip the balance.
 * Font names (.VnTime, VNI-Times) only break ties: many Unicode workbooks still carry a .VnTime default font.
 */

import type { Encoding } from '../check/report';
import { isAlphabetLetter, isExtraLetter } from './alphabet';
import { fontEncoding, type LegacyEncoding } from './fonts';
import { syllableWeight } from './syllable';
import { decodeTcvn3, type Tcvn3Options } from './tcvn3';
import { decodeVni } from './vni';

/** Points per reading (1 per plausible syllable, 2 per frequent one), over the words with a character beyond ASCII. */
export interface EncodingScores {
  readonly unicode: number;
  readonly tcvn3: number;
  readonly vni: number;
  /** Words that read as Vietnamese in at least one encoding. */
  readonly evidence: number;
  /** A Vietnamese letter beyond ASCII was seen as such (ă, ệ, đ …, or á, ô … inside a Unicode syllable). */
  readonly vietnamese: boolean;
  /** An ASCII letter was seen. */
  readonly asciiLetters: boolean;
  /** Distinct words with a Latin-1 character beyond ASCII, by what each legacy reading makes of them. */
  readonly tcvn3Words: LegacyWords;
  readonly vniWords: LegacyWords;
}

/**
 * What one legacy reading makes of the distinct words that could be legacy bytes: `good`, a Vietnamese syllable that
 * the text as it stands is not ("Tû" → "Tỷ"); `neutral`, a syllable either way ("Có" / "Cú") or a capital
 * abbreviation ("H§ND" → "HĐND"); `bad`, no Vietnamese at all ("Données" → "Donnộes").
 */
export interface LegacyWords {
  readonly good: number;
  readonly neutral: number;
  readonly bad: number;
}

type WordVerdict = 'good' | 'neutral' | 'bad';

class WordCount implements LegacyWords {
  good = 0;
  neutral = 0;
  bad = 0;
  add(v: WordVerdict): void { this[v]++; }
}

/** Enough words to decide; bounds the cost on huge workbooks. */
const MAX_WORDS = 4000;

/** Characters that can be part of a word in some encoding: letters, Latin-1 high half, combining marks. */
function isWordChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ||
    (c >= 0xa1 && c <= 0xff) || (c >= 0x100 && c <= 0x24f) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)
  );
}

class Tally {
  unicode = 0;
  tcvn3 = 0;
  vni = 0;
  evidence = 0;
  words = 0;
  vietnamese = false;
  asciiLetters = false;
  readonly tcvn3Words = new WordCount();
  readonly vniWords = new WordCount();
  private readonly seen = new Set<string>();

  /** Weighs one word (a run of word characters). */
  word(w: string): void {
    let high = false;
    let ascii = false;
    let beyondLatin1 = false;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (c < 0x80) ascii = true;
      else {
        high = true;
        if (c > 0xff) beyondLatin1 = true;
      }
    }
    if (ascii) this.asciiLetters = true;
    if (!high) return;
    if (beyondLatin1) {
      for (const ch of w.normalize('NFC')) if (isExtraLetter(ch)) this.vietnamese = true;
    }
    // A lone symbol such as "×" or "·" between spaces says nothing.
    if (!ascii && !beyondLatin1) return;
    this.words++;
    const asUnicode = syllableWeight(beyondLatin1 ? w.normalize('NFC') : w);
    // Legacy text is bytes: a character beyond Latin-1 inside a word rules both legacy readings out.
    const symbol = !beyondLatin1 && hasLatin1Symbol(w);
    const tcvn3 = beyondLatin1 ? null : decodeTcvn3(w, 'auto');
    const vni = beyondLatin1 ? null : decodeVni(w);
    const asTcvn3 = tcvn3 === null ? 0 : readsAs(tcvn3, symbol);
    const asVni = vni === null ? 0 : readsAs(vni, symbol);
    if (tcvn3 !== null && vni !== null && !this.seen.has(w)) {
      this.seen.add(w);
      this.tcvn3Words.add(verdictOf(tcvn3, asUnicode > 0));
      this.vniWords.add(verdictOf(vni, asUnicode > 0));
    }
    if (asUnicode > 0 && !beyondLatin1) this.vietnamese = true;
    this.unicode += asUnicode;
    this.tcvn3 += asTcvn3;
    this.vni += asVni;
    if (asUnicode + asTcvn3 + asVni > 0) this.evidence++;
  }

  text(s: string): void {
    let i = 0;
    while (i < s.length && this.words < MAX_WORDS) {
      if (!isWordChar(s.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < s.length && isWordChar(s.charCodeAt(j))) j++;
      this.word(s.slice(i, j));
      i = j;
    }
  }
}

/** A Latin-1 symbol (§ ¶ · µ ® « …) inside a word: no real word has one, but TCVN3 letters are coded as them. */
function hasLatin1Symbol(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0xa1 && c <= 0xbf) return true;
  }
  return false;
}

/**
 * Points for a legacy reading. A reading that is not a syllable but turns symbols into letters of the alphabet
 * ("H§ND" → "HĐND", an abbreviation) still earns a little.
 */
function readsAs(decoded: { readonly text: string; readonly stray: number }, symbol: boolean): number {
  if (decoded.stray !== 0) return 0;
  const weight = syllableWeight(decoded.text);
  if (weight > 0 || !symbol) return weight;
  for (const ch of decoded.text) if (!isAlphabetLetter(ch)) return 0;
  return 0.25;
}

/** Toneless capitals a legacy abbreviation may decode to (HĐND, ĐT …). */
const ABBREVIATION = /^[A-ZĂÂÊÔƠƯĐ]{2,8}$/;

/** What a legacy reading of one word is worth as evidence (see LegacyWords). */
function verdictOf(decoded: { readonly text: string; readonly stray: number }, unicodeSyllable: boolean): WordVerdict {
  if (decoded.stray !== 0) return 'bad';
  if (syllableWeight(decoded.text) > 0) return unicodeSyllable ? 'neutral' : 'good';
  return ABBREVIATION.test(decoded.text) ? 'neutral' : 'bad';
}

/** Scores of the three readings over some texts (stops early after enough words). */
export function scoreTexts(texts: readonly string[]): EncodingScores {
  const tally = new Tally();
  for (const t of texts) {
    if (tally.words >= MAX_WORDS) break;
    tally.text(t);
  }
  return tally;
}

/**
 * The encoding the scores point to. `prior` (from fonts, or from the rest of the workbook) wins ties;
 * `fallback` is the answer when no word read as Vietnamese at all (default: 'ascii' or 'unicode').
 */
export function decideEncoding(scores: EncodingScores, prior: Encoding | null = null, fallback?: Encoding): Encoding {
  if (scores.evidence === 0) {
    if (fallback !== undefined) return fallback;
    return !scores.vietnamese && scores.asciiLetters ? 'ascii' : 'unicode';
  }
  const bonus = (e: Encoding): number => (prior === e || (prior === 'ascii' && e === 'unicode') ? 0.5 : 0);
  const u = scores.unicode + bonus('unicode');
  const t = scores.tcvn3 + bonus('tcvn3');
  const v = scores.vni + bonus('vni');
  if (u >= t && u >= v) return 'unicode';
  return t >= v ? 'tcvn3' : 'vni';
}

/** The legacy encoding most of the fonts imply, or null when no font is a legacy one. */
export function fontHint(fonts: readonly string[]): LegacyEncoding | null {
  let tcvn3 = 0;
  let vni = 0;
  for (const f of fonts) {
    const e = fontEncoding(f);
    if (e === 'tcvn3') tcvn3++;
    else if (e === 'vni') vni++;
  }
  if (tcvn3 === 0 && vni === 0) return null;
  return tcvn3 >= vni ? 'tcvn3' : 'vni';
}

/**
 * The encoding of a set of texts (typically every text cell of a workbook) and the fonts they are shown in.
 * 'ascii' when no word has a Vietnamese letter beyond ASCII (Vietnamese typed without diacritics), whatever the font.
 */
export function detectEncoding(texts: readonly string[], fonts: readonly string[]): Encoding {
  return decideEncoding(scoreTexts(texts), fontHint(fonts));
}

/** Text in the given encoding → NFC Unicode. Identity (but NFC) for 'unicode' and 'ascii'. */
export function decodeText(s: string, enc: Encoding, options: Tcvn3Options = {}): string {
  switch (enc) {
    case 'unicode':
    case 'ascii':
      return s.normalize('NFC');
    case 'tcvn3':
      return decodeTcvn3(s, options.caps ?? 'auto').text;
    case 'vni':
      return decodeVni(s).text;
  }
}
