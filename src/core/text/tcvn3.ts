/**
 * TCVN3 (TCVN 5712:1993 "VN3", the ABC fonts .VnTime, .VnArial …) ⇄ Unicode.
 *
 * TCVN3 is one byte per letter. Text typed in those fonts reaches an Excel cell as the Latin-1/cp1252 character with
 * the same code: "Tû lÖ phñ sãng" is "Tỷ lệ phủ sóng", "x·" is "xã", "ng\u00adêi" is "người" (ư is 0xAD, a soft hyphen).
 *
 * Upper case: VN3 has codes only for the lower-case letters plus the seven toneless capitals Ă Â Ê Ô Ơ Ư Đ
 * (0xA1–0xA7). An upper-case toned letter is typed with the lower-case code and shown upper case by a companion
 * "H" font (.VnTimeH, .VnArialH …) whose glyphs are all capitals. So the bytes alone cannot tell "Ệ" from "ệ":
 * the encoder writes the lower-case code for both, and the decoder takes the case from a `caps` option
 * (see Tcvn3Caps). The combining tone marks of the fuller VN1 set (0xB0–0xB4) and its capitals in control
 * positions are not decoded: ABC fonts do not have them and 0xB0 is far more often a real "°".
 */

import { TONES, VOWELS, toned, type Vowel } from './alphabet';

/** Per vowel: the codes of [toneless, huyền, hỏi, ngã, sắc, nặng], lower case. */
const VOWEL_CODES: Readonly<Record<Vowel, string>> = {
  a: 'aµ¶·¸¹',
  ă: '¨»¼½¾Æ',
  â: '©ÇÈÉÊË',
  e: 'eÌÎÏÐÑ',
  ê: 'ªÒÓÔÕÖ',
  i: 'i×ØÜÝÞ',
  o: 'oßáâãä',
  ô: '«åæçèé',
  ơ: '¬êëìíî',
  u: 'uïñòóô',
  ư: '\u00adõö÷øù',
  y: 'yúûüýþ',
};

/** The only capitals VN3 encodes. */
const UPPER_CODES: Readonly<Record<string, string>> = { Ă: '¡', Â: '¢', Ê: '£', Ô: '¤', Ơ: '¥', Ư: '¦', Đ: '§' };

function buildTables(): { encode: Map<string, string>; decode: Map<string, string> } {
  const encode = new Map<string, string>();
  const decode = new Map<string, string>();
  const pair = (letter: string, code: string): void => {
    if (code.charCodeAt(0) < 0x80) return; // plain ASCII vowel: nothing to convert
    encode.set(letter, code);
    if (!decode.has(code)) decode.set(code, letter);
  };
  for (const v of VOWELS) {
    const codes = VOWEL_CODES[v];
    for (const t of TONES) {
      const letter = toned(v, t);
      const code = codes.charAt(t);
      pair(letter, code);
      // Upper-case toned letters share the lower-case code (the H fonts draw it as a capital).
      const up = letter.toUpperCase();
      if (!(up in UPPER_CODES)) encode.set(up, encode.get(letter) ?? up);
    }
  }
  pair('đ', '®');
  for (const [letter, code] of Object.entries(UPPER_CODES)) {
    encode.set(letter, code);
    decode.set(code, letter);
  }
  return { encode, decode };
}

const TABLES = buildTables();
const ENCODE: ReadonlyMap<string, string> = TABLES.encode;
/** TCVN3 code character → Unicode letter (lower case except the seven capitals). */
export const TCVN3_DECODE: ReadonlyMap<string, string> = TABLES.decode;

/**
 * How the decoder chooses the case of toned letters, which TCVN3 does not record:
 * - 'auto': upper case inside words (or whole cells) whose other letters are all capitals, e.g. "UBND X· PHó THÞNH"
 *   → "UBND XÃ PHÚ THỊNH", while "Tû lÖ" stays "Tỷ lệ". A word needs two capitals to count as upper case.
 * - 'upper': the text was shown in an H font: everything is upper case.
 * - 'keep': as coded, i.e. lower case.
 */
export type Tcvn3Caps = 'auto' | 'upper' | 'keep';

export interface Tcvn3Options {
  readonly caps?: Tcvn3Caps;
}

/** The decoded text and how many characters ≥ U+0080 were not TCVN3 letters (evidence against TCVN3). */
export interface LegacyDecoded {
  readonly text: string;
  readonly stray: number;
}

const isAsciiUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isAsciiLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isUpperCode = (c: number): boolean => c >= 0xa1 && c <= 0xa7;

/** True when no lower-case ASCII letter and at least two capitals (ASCII or Ă…Đ codes) occur in s[from, to). */
function looksUpper(s: string, from: number, to: number): boolean {
  let capitals = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isAsciiLower(c)) return false;
    if (isAsciiUpper(c) || isUpperCode(c)) capitals++;
  }
  return capitals >= 2;
}

/** Decoding with a count of stray characters; the core of tcvn3ToUnicode, also used to weigh evidence. */
export function decodeTcvn3(input: string, caps: Tcvn3Caps = 'auto'): LegacyDecoded {
  const s = input.normalize('NFC');
  let out = '';
  let stray = 0;
  const cellUpper = caps === 'upper' || (caps === 'auto' && looksUpper(s, 0, s.length));
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const isWordChar = isAsciiUpper(c) || isAsciiLower(c) || TCVN3_DECODE.has(s.charAt(i));
    if (!isWordChar) {
      if (c >= 0x80 && c <= 0xff) stray++;
      else if (c > 0xff && !(c >= 0x2000 && c <= 0x2bff)) stray++; // legacy text holds no letters beyond Latin-1
      out += s.charAt(i);
      i++;
      continue;
    }
    // A word: ASCII letters and TCVN3 codes; its case is decided as a whole.
    let j = i + 1;
    while (j < s.length) {
      const d = s.charCodeAt(j);
      if (!(isAsciiUpper(d) || isAsciiLower(d) || TCVN3_DECODE.has(s.charAt(j)))) break;
      j++;
    }
    const upper = cellUpper || (caps === 'auto' && looksUpper(s, i, j));
    for (let k = i; k < j; k++) {
      const ch = s.charAt(k);
      const letter = TCVN3_DECODE.get(ch);
      if (letter === undefined) out += ch;
      else out += upper ? letter.toUpperCase() : letter;
    }
    i = j;
  }
  if (caps === 'upper') out = out.toUpperCase();
  return { text: out.normalize('NFC'), stray };
}

/** TCVN3 text (as it arrives in a cell) → NFC Unicode. Never throws; characters it does not know pass through. */
export function tcvn3ToUnicode(s: string, options: Tcvn3Options = {}): string {
  return decodeTcvn3(s, options.caps ?? 'auto').text;
}

/**
 * Unicode → TCVN3, for fixtures and round-trip tests. Upper-case toned letters become the lower-case code
 * (see the module comment); characters outside the Vietnamese alphabet pass through unchanged.
 */
export function unicodeToTcvn3(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) out += ENCODE.get(ch) ?? ch;
  return out;
}
