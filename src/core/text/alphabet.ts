/**
 * The Vietnamese alphabet as data: 12 vowels × 6 tones, đ, and both cases. The legacy tables (TCVN3, VNI)
 * and the syllable check are built from it, so every table covers exactly the same letters.
 */

/** Tone marks in the order the legacy tables list them: huyền, hỏi, ngã, sắc, nặng. Index + 1 is the tone number. */
export const TONE_MARKS = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

/** 0 = no tone (ngang), 1 grave, 2 hook, 3 tilde, 4 acute, 5 dot. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;
export const TONES: readonly Tone[] = [0, 1, 2, 3, 4, 5];

/** The twelve vowels, toneless, lower case. */
export const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
export type Vowel = (typeof VOWELS)[number];

/** A vowel with a tone, precomposed (NFC), lower case. */
export function toned(vowel: Vowel, tone: Tone): string {
  return tone === 0 ? vowel : (vowel + TONE_MARKS[tone - 1]).normalize('NFC');
}

export interface LetterInfo {
  /** Lower-case toneless base: one of VOWELS, or 'đ'. */
  readonly base: string;
  readonly tone: Tone;
  readonly upper: boolean;
}

function buildLetters(): { lower: string[]; info: Map<string, LetterInfo> } {
  const lower: string[] = [];
  const info = new Map<string, LetterInfo>();
  const add = (ch: string, base: string, tone: Tone): void => {
    info.set(ch, { base, tone, upper: false });
    info.set(ch.toUpperCase(), { base, tone, upper: true });
    if (ch.charCodeAt(0) >= 0x80) lower.push(ch);
  };
  for (const v of VOWELS) for (const t of TONES) add(toned(v, t), v, t);
  add('đ', 'đ', 0);
  return { lower, info };
}

const BUILT = buildLetters();

/** The 67 lower-case letters beyond ASCII (ă â ê ô ơ ư, 60 toned vowels, đ); with upper case, 134. */
export const LOWER_EXTRA_LETTERS: readonly string[] = BUILT.lower;

/** Every vowel (toned or not, both cases) and đ/Đ, NFC, with its base and tone. ASCII vowels are included. */
export const LETTER_INFO: ReadonlyMap<string, LetterInfo> = BUILT.info;

/** True for a letter of the Vietnamese alphabet beyond ASCII (one UTF-16 unit, NFC). */
export function isExtraLetter(ch: string): boolean {
  return ch.charCodeAt(0) >= 0x80 && LETTER_INFO.has(ch);
}

/** True for any letter of the Vietnamese alphabet, ASCII a–z included (f, j, w, z too: loanwords use them). */
export function isAlphabetLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isExtraLetter(ch);
}
