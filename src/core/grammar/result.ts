/**
 * Results ("Kết quả tháng 4/2026", "Thực hiện", "Kết quả thực hiện năm 2026"): what was achieved.
 *
 * Numbers come as numbers, as percent-formatted fractions (0.725 shown as 72.5%), or as text with a
 * decimal comma and maybe "%". A text with one number and a few neutral words ("Đạt 95%",
 * "95% (ước)") reads as that number; words that make the number something else than the result
 * ("Chưa đạt 80%", "95% kế hoạch", "≥ 95") make it unreadable instead, so a person looks.
 */
import type { Cell } from '../grid/types';
import { clean } from '../text/fold';
import { type Verdict, verdictOf } from './evaluation';
import { readNumberCell } from './format';
import { numbersIn, parseVnNumber } from './number';
import { isYearMention, isYearToken } from './period';
import { type Token, allWordsIn, hasPhrase, isPhrase, tokens } from './words';
import { memoText } from '../text/memo';

export type Result =
  /** `of`: the total of a count written out of it ("19/20 thôn"): a rate where the indicator is a percentage. */
  | { readonly kind: 'number'; readonly value: number; readonly percent: boolean; readonly text: string; readonly of?: number }
  | { readonly kind: 'not_applicable'; readonly text: string }
  | { readonly kind: 'verdict'; readonly verdict: Verdict; readonly text: string }
  | { readonly kind: 'error'; readonly code: string; readonly text: string }
  | { readonly kind: 'unreadable'; readonly text: string }
  | { readonly kind: 'empty' };

const EMPTY: Result = { kind: 'empty' };

const NOT_APPLICABLE_PHRASES = [
  'không phát sinh', 'không có phát sinh', 'chưa phát sinh', 'không áp dụng', 'không thuộc đối tượng',
];
const NOT_APPLICABLE_WHOLE = ['n/a', 'na', 'kps'];

/** Words allowed before a number for it to be the result. */
const PREFIX_WORDS = [
  'đạt', 'được', 'đã', 'ước', 'tính', 'thực', 'hiện', 'kết', 'quả', 'khoảng', 'tỷ', 'tỉ', 'lệ', 'mức', 'là',
  'lũy', 'luỹ', 'kế', 'tổng', 'cộng', 'nay', 'tại', 'năm', 'đến', 'trong', 'kỳ', 'tháng',
];
/** Words after a number that make it something else than the achieved level. */
const SUFFIX_DENY = ['chưa', 'không', 'kế hoạch', 'mục tiêu', 'chỉ tiêu', 'so với', 'trên', 'dưới', 'tăng', 'giảm'];
const COMPARATOR = /[<>≥≤⩾⩽≧≦=]/;

/**
 * "Không phát sinh …", "Không áp dụng", "N/A": nothing to measure in the period. Remembered per text: it is asked of
 * every row's evaluation cell, a handful of distinct wordings over a province.
 */
export const isNotApplicableText = memoText((text: string): boolean => notApplicable(tokens(text)));

function notApplicable(toks: readonly Token[]): boolean {
  return hasPhrase(toks, NOT_APPLICABLE_PHRASES) || isPhrase(toks, NOT_APPLICABLE_WHOLE);
}

/** Remembered per distinct text (see memoText): the same wording recurs in every commune's file. */
export const parseResultText = memoText(parseResultTextOf);

function parseResultTextOf(text: string): Result {
  const s = clean(text);
  if (s === '') return EMPTY;
  const whole = parseVnNumber(s);
  if (whole !== null) return { kind: 'number', value: whole.value, percent: whole.percent, text: s };
  const toks = tokens(s);
  if (toks.length === 0) return EMPTY; // "-", "–", "…": nothing entered
  if (notApplicable(toks)) return { kind: 'not_applicable', text: s };
  const ratio = countOutOf(s);
  if (ratio !== null) return ratio;
  const embedded = numberWithWords(s);
  if (embedded !== null) return embedded;
  const verdict = verdictOf(toks);
  if (verdict !== null) return { kind: 'verdict', verdict, text: s };
  return { kind: 'unreadable', text: s };
}

/** "19/20 thôn", "45/48 người", "1.247/1.484": a count out of a total, a unit word allowed after. */
const OUT_OF = /^([0-9][0-9., ]*?)\s*\/\s*([0-9][0-9.,]*)(\s+[\p{L}\p{M} ]{1,30})?$/u;

function countOutOf(s: string): Result | null {
  const m = OUT_OF.exec(s);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const a = parseVnNumber(m[1]);
  const b = parseVnNumber(m[2]);
  if (a === null || b === null || b.value <= 0 || a.value > b.value) return null;
  // "4/2026" is a month, "12/2025" too: a year-like total after a month-like count is a date.
  if (Number.isInteger(b.value) && b.value >= 1990 && b.value <= 2100 && a.value <= 12) return null;
  return { kind: 'number', value: a.value, percent: false, text: s, of: b.value };
}

/** A count out of a total as the percentage it is: 19 of 20 → 95 (two decimals). */
export function asRate(r: Extract<Result, { kind: 'number' }>): Extract<Result, { kind: 'number' }> {
  if (r.of === undefined) return r;
  return { kind: 'number', value: Math.round((r.value / r.of) * 10000) / 100, percent: true, text: r.text };
}

function numberWithWords(s: string): Result | null {
  const nums = numbersIn(s).filter(n => !isYearMention(s, n));
  const n = nums[0];
  if (nums.length !== 1 || n === undefined || n.value === null) return null;
  const prefix = s.slice(0, n.start);
  if (COMPARATOR.test(prefix)) return null;
  if (!tokens(prefix).every(t => isYearToken(t) || allWordsIn([t], PREFIX_WORDS))) return null;
  if (hasPhrase(tokens(s.slice(n.end)), SUFFIX_DENY)) return null;
  return { kind: 'number', value: n.value, percent: n.percent, text: s };
}

/**
 * A result cell. Numeric cells keep their value; percent-formatted ones are turned into the
 * percentage shown (text "72.5%"), plain ones have text String(value). Error values (#DIV/0!)
 * are errors; dates and booleans are unreadable as results.
 */
export function parseResultCell(cell: Cell | undefined): Result {
  if (cell === undefined) return EMPTY;
  const v = cell.v;
  switch (v.t) {
    case 's': return parseResultText(v.s);
    case 'e': return { kind: 'error', code: v.e, text: v.e };
    case 'b': return { kind: 'unreadable', text: v.b ? 'TRUE' : 'FALSE' };
    case 'n': {
      const r = readNumberCell(v.n, cell.fmt);
      return r.kind === 'number' ? { kind: 'number', value: r.value, percent: r.percent, text: r.text } : { kind: 'unreadable', text: r.text };
    }
  }
}
