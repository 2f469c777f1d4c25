/**
 * VNI Windows (VNI-Times, VNI-Helve …) ⇄ Unicode.
 *
 * VNI writes a toned vowel as its base letter followed by one mark byte; in an Excel cell both arrive as
 * Latin-1/cp1252 characters: "Tyû leä" is "Tỷ lệ", "aù" is "á", "oâ" is "ô", "aê" is "ă". Some letters are a
 * single byte: ơ "ô", ư "ö", đ "ñ", the toned i's "ì æ ó í ò" (ì and í are their Latin-1 selves) and ỵ "î".
 * Capitals use the capital base and the capital mark ("AÙ" is "Á"), so unlike TCVN3 the case survives. The decoder
 * also accepts a mark of the other case ("Aù"), which some keyboard drivers produce.
 */

import { TONES, VOWELS, toned, type Tone, type Vowel } from './alphabet';

/** Marks after a, e, o, u, y, ơ, ư: [huyền, hỏi, ngã, sắc, nặng]. */
const TONE_MARKS = 'øûõùï';
/** Marks after a, e, o for â, ê, ô: [toneless, huyền, hỏi, ngã, sắc, nặng]. */
const CIRCUMFLEX_MARKS = 'âàåãáä';
/** Marks after a for ă: [toneless, huyền, hỏi, ngã, sắc, nặng]. */
const BREVE_MARKS = 'êèúüéë';
/** Toned i: [huyền, hỏi, ngã, sắc, nặng]; ỵ is also a single byte. */
const I_CODES = 'ìæóíò';

/** How each lower-case vowel is spelled: base character + the mark row it takes. */
const SPELLING: Readonly<Record<Vowel, { readonly base: string; readonly marks: string; readonly toneless: boolean }>> = {
  a: { base: 'a', marks: TONE_MARKS, toneless: false },
  ă: { base: 'a', marks: BREVE_MARKS, toneless: true },
  â: { base: 'a', marks: CIRCUMFLEX_MARKS, toneless: true },
  e: { base: 'e', marks: TONE_MARKS, toneless: false },
  ê: { base: 'e', marks: CIRCUMFLEX_MARKS, toneless: true },
  i: { base: 'i', marks: '', toneless: false },
  o: { base: 'o', marks: TONE_MARKS, toneless: false },
  ô: { base: 'o', marks: CIRCUMFLEX_MARKS, toneless: true },
  ơ: { base: 'ô', marks: TONE_MARKS, toneless: false },
  u: { base: 'u', marks: TONE_MARKS, toneless: false },
  ư: { base: 'ö', marks: TONE_MARKS, toneless: false },
  y: { base: 'y', marks: TONE_MARKS, toneless: false },
};

/** The VNI spelling of a lower-case toned vowel. */
function spell(v: Vowel, tone: Tone): string {
  if (v === 'i') return tone === 0 ? 'i' : I_CODES.charAt(tone - 1);
  if (v === 'y' && tone === 5) return 'î';
  const { base, marks, toneless } = SPELLING[v];
  if (toneless) return base + marks.charAt(tone);
  return tone === 0 ? base : base + marks.charAt(tone - 1);
}

function buildTables(): { encode: Map<string, string>; single: Map<string, string>; pairs: Map<string, string> } {
  const encode = new Map<string, string>();
  const single = new Map<string, string>();
  const pairs = new Map<string, string>();
  const add = (letter: string, code: string): void => {
    if (code.charCodeAt(0) < 0x80 && code.length === 1) return; // a plain ASCII vowel
    const upperCode = code.toUpperCase();
    if (code !== letter) {
      encode.set(letter, code);
      encode.set(letter.toUpperCase(), upperCode);
    }
    const table = code.length === 1 ? single : pairs;
    table.set(code, letter);
    table.set(upperCode, letter.toUpperCase());
  };
  for (const v of VOWELS) for (const t of TONES) add(toned(v, t), spell(v, t));
  add('đ', 'ñ');
  // Tolerated on input only: a mark in the other case than its base, and y + dot.
  for (const [code, letter] of [...pairs]) {
    const base = code.charAt(0);
    const mark = code.charAt(1);
    const flipped = base + (mark === mark.toLowerCase() ? mark.toUpperCase() : mark.toLowerCase());
    if (!pairs.has(flipped)) pairs.set(flipped, letter);
  }
  for (const [code, letter] of [['yï', 'ỵ'], ['yÏ', 'ỵ'], ['Yï', 'Ỵ'], ['YÏ', 'Ỵ']] as const) pairs.set(code, letter);
  return { encode, single, pairs };
}

const TABLES = buildTables();
const ENCODE: ReadonlyMap<string, string> = TABLES.encode;
/** One-character VNI letters (ô → ơ, ñ → đ, æ → ỉ …). */
export const VNI_SINGLE: ReadonlyMap<string, string> = TABLES.single;
/** Base + mark → letter ("aù" → "á"), both cases. */
export const VNI_PAIRS: ReadonlyMap<string, string> = TABLES.pairs;

export interface VniDecoded {
  readonly text: string;
  /** Characters ≥ U+0080 that were neither part of a VNI letter nor punctuation: evidence against VNI. */
  readonly stray: number;
}

/** Decoding with a count of stray characters; the core of vniToUnicode, also used to weigh evidence. */
export function decodeVni(input: string): VniDecoded {
  const s = input.normalize('NFC');
  let out = '';
  let stray = 0;
  let i = 0;
  while (i < s.length) {
    const ch = s.charAt(i);
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      // An ASCII base may take the next character as its mark.
      if (i + 1 < s.length && s.charCodeAt(i + 1) >= 0xc0) {
        const letter = VNI_PAIRS.get(s.slice(i, i + 2));
        if (letter !== undefined) {
          out += letter;
          i += 2;
          continue;
        }
      }
      out += ch;
      i++;
      continue;
    }
    if (i + 1 < s.length) {
      const letter = VNI_PAIRS.get(s.slice(i, i + 2)); // ơ, ư with a tone
      if (letter !== undefined) {
        out += letter;
        i += 2;
        continue;
      }
    }
    const letter = VNI_SINGLE.get(ch);
    if (letter !== undefined) out += letter;
    else {
      if (c <= 0xff || !(c >= 0x2000 && c <= 0x2bff)) stray++;
      out += ch;
    }
    i++;
  }
  return { text: out.normalize('NFC'), stray };
}

/** VNI text (as it arrives in a cell) → NFC Unicode. Never throws; characters it does not know pass through. */
export function vniToUnicode(s: string): string {
  return decodeVni(s).text;
}

/** Unicode → VNI, for fixtures and round-trip tests. Characters outside the Vietnamese alphabet pass through. */
export function unicodeToVni(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) out += ENCODE.get(ch) ?? ch;
  return out;
}
