/**
 * Targets ("Mục tiêu", "Chỉ tiêu năm 2026", a milestone year column): what a result is compared to.
 *
 * A single number, with an optional comparator before it (symbol or words) and anything after it
 * ("≥ 90% dân số"), is numeric; a plain number means "at least". Words before the number must all
 * be comparator or filler words ("Phấn đấu đạt", "Duy trì", "Tối thiểu", "Đến năm 2030 đạt"), so a
 * relative goal such as "Tăng 10%" is not mistaken for an absolute one. Two numbers joined by a
 * dash or "đến" are a range (met from the lower bound); other multi-number texts are compound.
 */
import type { Cell } from '../grid/types';
import { clean } from '../text/fold';
import { readNumberCell } from './format';
import { type NumberSpan, numbersIn } from './number';
import { isYearMention, isYearToken } from './period';
import { type Token, allWordsIn, hasPhrase, isPhrase, startPhrase, tokens } from './words';
import { memoText } from '../text/memo';

export type TargetOp = '>=' | '>' | '<=' | '<';

export type Target =
  | { readonly kind: 'numeric'; readonly op: TargetOp; readonly value: number; readonly percent: boolean; readonly upper?: number }
  | { readonly kind: 'binary' }
  | { readonly kind: 'compound' }
  | { readonly kind: 'descriptive' }
  | { readonly kind: 'report' }
  | { readonly kind: 'none' };

const NONE: Target = { kind: 'none' };
const BINARY: Target = { kind: 'binary' };
const COMPOUND: Target = { kind: 'compound' };
const DESCRIPTIVE: Target = { kind: 'descriptive' };
const REPORT: Target = { kind: 'report' };

/** Whole-text markers of "no target here" (a trailing year is allowed: "(Chưa có chỉ tiêu 2025)"). */
const NONE_PHRASES = [
  'chưa có chỉ tiêu', 'không có chỉ tiêu', 'chưa giao chỉ tiêu', 'không giao chỉ tiêu', 'không đặt chỉ tiêu',
  'chưa xác định', 'không áp dụng', 'chưa có', 'không có',
];
const BINARY_PHRASES = ['đạt', 'hoàn thành', 'có', 'đạt chuẩn'];
const REPORT_PHRASES = ['báo cáo'];

/** Words allowed before a target number. */
const PREFIX_WORDS = [
  'phấn', 'đấu', 'đạt', 'được', 'duy', 'trì', 'giữ', 'vững', 'ổn', 'định', 'ít', 'nhất', 'tối', 'thiểu', 'đa',
  'không', 'thấp', 'hơn', 'dưới', 'từ', 'trên', 'quá', 'vượt', 'cao', 'lớn', 'nhỏ', 'bằng', 'kém', 'nhiều',
  'mức', 'tỷ', 'tỉ', 'lệ', 'bảo', 'đảm', 'hoàn', 'thành', 'năm', 'đến', 'hết', 'cuối', 'vào', 'trong', 'giai',
  'đoạn', 'là', 'ở', 'tiếp', 'tục', 'khoảng', 'chỉ', 'tiêu', 'mục', 'và', 'có', 'số',
];

const GE_WORDS = ['không thấp hơn', 'không dưới', 'không ít hơn', 'không nhỏ hơn', 'không kém', 'tối thiểu', 'ít nhất'];
const LE_WORDS = [
  'không vượt quá', 'không quá', 'không vượt', 'không cao hơn', 'không lớn hơn', 'không hơn', 'tối đa', 'nhiều nhất',
];
const LT_WORDS = ['dưới', 'thấp hơn', 'nhỏ hơn', 'ít hơn'];
const GT_WORDS = ['trên', 'lớn hơn', 'cao hơn', 'hơn', 'vượt'];

const SYMBOL = />=|=>|≥|⩾|≧|<=|=<|≤|⩽|≦|>|<|=/g;
const RANGE_DASHES = new Set(['-', '–', '—', '~', '÷']);
const DATE_TEXT = /^[0-9]{1,2}[/.-](?:[0-9]{1,2}[/.-])?[0-9]{4}$/;

/** Remembered per distinct text (see memoText): the same wording recurs in every commune's file. */
export const parseTarget = memoText(parseTargetOf);

function parseTargetOf(text: string): Target {
  const s = clean(text);
  if (s === '') return NONE;
  const toks = tokens(s);
  if (toks.length === 0) return NONE; // "-", "–", "…" and other bare punctuation
  if (startPhrase(toks, NONE_PHRASES) !== null && toks.every(t => !isDigits(t) || isYearToken(t))) return NONE;
  if (startPhrase(toks, REPORT_PHRASES) !== null) return REPORT;
  if (DATE_TEXT.test(s)) return DESCRIPTIVE;

  const nums = numbersIn(s).filter(n => !isYearMention(s, n));
  if (nums.length === 0) return isPhrase(toks, BINARY_PHRASES) ? BINARY : DESCRIPTIVE;
  const [first, second] = nums;
  if (first === undefined) return DESCRIPTIVE;
  if (nums.length === 2 && second !== undefined && isRange(s, first, second)) {
    return rangeTarget(s, first, second);
  }
  if (nums.length >= 2) return COMPOUND;
  return singleTarget(s, first);
}

function singleTarget(s: string, n: NumberSpan): Target {
  if (n.value === null) return DESCRIPTIVE;
  const prefix = s.slice(0, n.start);
  const suffixToks = tokens(s.slice(n.end));
  const op = prefixOp(prefix);
  if (op === null) return DESCRIPTIVE;
  // A goal relative to something else ("10% so với năm 2025") is not a level to reach.
  if (hasPhrase(suffixToks, ['so với'])) return DESCRIPTIVE;
  let finalOp = op;
  if (op === '>=' && hasPhrase(suffixToks, ['trở xuống', 'trở lại'])) finalOp = '<=';
  return { kind: 'numeric', op: finalOp, value: n.value, percent: n.percent };
}

function rangeTarget(s: string, a: NumberSpan, b: NumberSpan): Target {
  if (a.value === null || b.value === null) return DESCRIPTIVE;
  if (prefixOp(s.slice(0, a.start)) === null) return DESCRIPTIVE;
  const low = Math.min(a.value, b.value);
  const high = Math.max(a.value, b.value);
  return { kind: 'numeric', op: '>=', value: low, percent: a.percent || b.percent, upper: high };
}

/** Two numbers separated only by a dash or "đến"/"tới": "80-90%", "80 – 90 %", "từ 80% đến 90%". */
function isRange(s: string, a: NumberSpan, b: NumberSpan): boolean {
  const between = s.slice(a.end, b.start).trim();
  if (RANGE_DASHES.has(between)) return true;
  return isPhrase(tokens(between), ['đến', 'tới']) && /^[\p{L}\p{M} ]+$/u.test(between);
}

/** The comparator a prefix states, or null when the prefix says something else than a comparison. */
function prefixOp(prefix: string): TargetOp | null {
  const toks = tokens(prefix);
  if (!toks.every(t => isYearToken(t) || allWordsIn([t], PREFIX_WORDS))) return null;
  let symbol: string | null = null;
  for (const m of prefix.matchAll(SYMBOL)) symbol = m[0];
  if (symbol !== null) return symbolOp(symbol);
  if (hasPhrase(toks, GE_WORDS)) return '>=';
  if (hasPhrase(toks, LE_WORDS)) return '<=';
  if (hasPhrase(toks, LT_WORDS)) return '<';
  if (hasPhrase(toks, GT_WORDS)) return '>';
  return '>=';
}

function symbolOp(symbol: string): TargetOp {
  switch (symbol) {
    case '>': return '>';
    case '<': return '<';
    case '<=': case '=<': case '≤': case '⩽': case '≦': return '<=';
    default: return '>=';
  }
}

function isDigits(t: Token): boolean {
  return /^[0-9]+$/.test(t.raw);
}

export type TargetWithText = Target & { readonly text: string };

/** A text cell's target with its cleaned text, remembered per text: one object shared by every row that writes it. */
const targetOfText = memoText((text: string): TargetWithText => ({ ...parseTarget(text), text: clean(text) }));

/**
 * A target cell: text is parsed, a number is "at least" that number. A percent-formatted fraction
 * (0.8 shown as 80%) becomes 80 percent. A date cell is descriptive, its text the date (dd/mm/yyyy).
 * An error value is descriptive too, its text the error code: callers that care check the cell.
 */
export function parseTargetCell(cell: Cell | undefined): TargetWithText {
  if (cell === undefined) return { kind: 'none', text: '' };
  const v = cell.v;
  switch (v.t) {
    case 's': return targetOfText(v.s);
    case 'b': return { kind: 'binary', text: v.b ? 'TRUE' : 'FALSE' };
    case 'e': return { kind: 'descriptive', text: v.e };
    case 'n': {
      // A date typed in a target cell is descriptive, never a huge number.
      const r = readNumberCell(v.n, cell.fmt);
      return r.kind === 'number' ? { kind: 'numeric', op: '>=', value: r.value, percent: r.percent, text: r.text } : { kind: 'descriptive', text: r.text };
    }
  }
}
