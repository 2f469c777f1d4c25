/**
 * Numbers as Vietnamese officials type them: decimal comma ("72,5"), dot thousands ("1.484"),
 * but also English forms pasted from elsewhere ("1,484.5", "0.5").
 *
 * Separator rules, for a string holding only digits and separators:
 * - both "." and ",": the last one to appear is the decimal mark, the other groups thousands;
 * - "," alone, once: a decimal comma whatever follows ("1,484" → 1.484), the Vietnamese convention;
 * - "," alone, several times: thousands ("1,234,567");
 * - "." alone, once: thousands when exactly 3 digits follow and the integer part is 1–3 digits
 *   not starting with 0 ("1.484" → 1484), else a decimal point ("72.5", "0.125");
 * - "." alone, several times: thousands ("1.234.567");
 * - single spaces may group thousands ("1 484,5").
 * Thousands groups must be well formed (1–3 digits, then groups of exactly 3), otherwise no number.
 */
import { memoNumber } from '../text/memo';
import { clean } from '../text/fold';

export interface VnNumber {
  readonly value: number;
  readonly percent: boolean;
}

/** Longer strings are never a number: cheap rejection of whole paragraphs. */
const MAX_LENGTH = 64;

const BODY = /^[0-9][0-9., ]*$/;

export function parseVnNumber(text: string): VnNumber | null {
  if (text.length > MAX_LENGTH * 4) return null;
  let s = clean(text);
  if (s.length === 0 || s.length > MAX_LENGTH) return null;
  let percent = false;
  if (s.endsWith('%') || s.endsWith('％')) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
  }
  let negative = false;
  const first = s[0];
  if (first === '-' || first === '−' || first === '+') {
    negative = first !== '+';
    s = s.slice(1);
  }
  if (!BODY.test(s)) return null;
  const value = parseBody(s);
  if (value === null) return null;
  return { value: negative && value !== 0 ? -value : value, percent };
}

/** Digits and separators (already checked) → value, or null when the grouping is malformed. */
function parseBody(s: string): number | null {
  if (s.endsWith('.') || s.endsWith(',') || s.endsWith(' ')) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimalMark: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalMark = lastDot > lastComma ? '.' : ',';
  } else if (lastComma >= 0) {
    if (s.indexOf(',') === lastComma) decimalMark = ',';
  } else if (lastDot >= 0 && s.indexOf('.') === lastDot) {
    const intPart = s.slice(0, lastDot);
    const frac = s.slice(lastDot + 1);
    const thousands = frac.length === 3 && /^[1-9][0-9]{0,2}$/.test(intPart);
    if (!thousands) decimalMark = '.';
  }
  let intPart = s;
  let frac = '';
  if (decimalMark !== null) {
    const at = s.lastIndexOf(decimalMark);
    intPart = s.slice(0, at);
    frac = s.slice(at + 1);
    if (!/^[0-9]+$/.test(frac)) return null;
  }
  const digits = groupedDigits(intPart);
  if (digits === null) return null;
  return Number(frac === '' ? digits : `${digits}.${frac}`);
}

/** "1.234.567" / "1,234" / "1 234" / "1234" → "1234567"…, or null when the groups are malformed. */
function groupedDigits(s: string): string | null {
  if (/^[0-9]+$/.test(s)) return s;
  const groups = s.split(/[., ]/);
  const separators = s.replace(/[0-9]/g, '');
  // One kind of thousands separator per number.
  if (new Set(separators).size !== 1) return null;
  const [head, ...rest] = groups;
  if (head === undefined || !/^[0-9]{1,3}$/.test(head)) return null;
  if (!rest.every(g => /^[0-9]{3}$/.test(g))) return null;
  return groups.join('');
}

/** A non-integer's text for formatVnNumber, remembered per value (see memoNumber). */
const fractionText = memoNumber((value: number): string => {
  // toPrecision first drops binary noise (1.005 is 1.00499…), so halves round away from zero as written.
  const clean = Number(value.toPrecision(12));
  const rounded = Math.sign(clean) * Math.round(Math.abs(clean) * 100) / 100;
  return String(rounded === 0 ? 0 : Number(rounded.toPrecision(15))).replace('.', ',');
});

/**
 * A number written the Vietnamese way for people: decimal comma, no thousands grouping, at most two decimals (the
 * precision rows are compared at). 72.5 → "72,5", 84.0296495957 → "84,03".
 */
export function formatVnNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  // Whole numbers of up to 12 digits come out as they are; toPrecision is slow (a reason is written for every row).
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return String(value === 0 ? 0 : value);
  return fractionText(value);
}

/** A number found inside a text: its span in the (cleaned) text and its value, null when malformed. */
export interface NumberSpan {
  readonly value: number | null;
  readonly percent: boolean;
  readonly start: number;
  /** End of the number, past a following "%" when there is one. */
  readonly end: number;
}

const NUMBER_IN_TEXT = /[0-9]+(?:[.,][0-9]+)*/g;
const LETTER = /[\p{L}\p{M}]/u;

/**
 * Numbers standing on their own in a cleaned text. Digits glued to letters ("5G", "VB2", "1Gb")
 * belong to a word and are skipped; a "%" right after (one space allowed) marks a percentage.
 */
export function numbersIn(text: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (const m of text.matchAll(NUMBER_IN_TEXT)) {
    const start = m.index;
    let end = start + m[0].length;
    const before = text[start - 1];
    const after = text[end];
    if ((before !== undefined && LETTER.test(before)) || (after !== undefined && LETTER.test(after))) continue;
    let percent = false;
    if (after === '%' || after === '％') {
      percent = true;
      end += 1;
    } else if (after === ' ' && (text[end + 1] === '%' || text[end + 1] === '％')) {
      percent = true;
      end += 2;
    }
    const parsed = parseVnNumber(m[0]);
    out.push({ value: parsed?.value ?? null, percent, start, end });
  }
  return out;
}
