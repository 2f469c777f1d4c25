/**
 * Periods and dates in headers and captions: "Kết quả tháng 4/2026", "Ước thực hiện 6 tháng đầu năm
 * 2026", "(Kèm theo Báo cáo số /BC-UBND ngày 24/4/2026 của UBND xã Phú Thịnh)".
 * Matching runs on folded text (no diacritics, single spaces), with bounded patterns only.
 */
import { fold } from '../text/fold';
import { memoText } from '../text/memo';
import { isoDate } from './date';
import type { NumberSpan } from './number';
import { type Token, tokens, wordMatches } from './words';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const YEAR = /(?<![0-9])[0-9]{4}(?![0-9])/g;

function isYearNumber(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR;
}

/** Four-digit years 2000–2100 standing alone in the text, in order of appearance, without repeats. */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(YEAR)) {
    const y = Number(m[0]);
    if (isYearNumber(y) && !out.includes(y)) out.push(y);
  }
  return out;
}

export function isYearToken(t: Token): boolean {
  return /^[0-9]{4}$/.test(t.raw) && isYearNumber(Number(t.raw));
}

const NAM: Token = { raw: 'năm', key: 'nam' };

/** A number that is the year of "năm 2030": a horizon, not a level. */
export function isYearMention(text: string, n: NumberSpan): boolean {
  if (n.percent || n.value === null || !isYearNumber(n.value)) return false;
  const before = tokens(text.slice(Math.max(0, n.start - 12), n.start));
  const last = before[before.length - 1];
  return last !== undefined && wordMatches(last, NAM);
}

export interface PeriodHeader {
  readonly year: number | null;
  /** The last month the period covers: "tháng 4" → 4, "6 tháng đầu năm" → 6, "Quý II" → 6. */
  readonly month: number | null;
}

const MONTHS_OF_YEAR = /(?<![0-9]|ngay ?)([0-9]{1,2}) ?thang ?(dau|cuoi)?/;
const MONTH_WORD = /thang ?([0-9]{1,2})(?![0-9])/;
const QUARTER = /quy ?(iv|iii|ii|i|[1-4])(?![a-z0-9])/;
const DAY_MONTH_YEAR = /(?<![0-9])([0-9]{1,2}) ?[/.-] ?([0-9]{1,2}) ?[/.-] ?([0-9]{4})(?![0-9])/;
const MONTH_YEAR = /(?<![0-9/.-])([0-9]{1,2}) ?[/-] ?([0-9]{4})(?![0-9])/;
const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

export function parsePeriodHeader(text: string): PeriodHeader {
  const f = fold(text);
  const years = yearsIn(f);
  const year = years[years.length - 1] ?? null;
  return { year, month: monthOf(f) };
}

function monthOf(f: string): number | null {
  const span = MONTHS_OF_YEAR.exec(f);
  if (span) {
    const n = Number(span[1]);
    // "6 tháng cuối năm" ends in December; "6 tháng (đầu năm)" after n months.
    if (n >= 1 && n <= 12) return span[2] === 'cuoi' ? 12 : n;
  }
  const month = MONTH_WORD.exec(f);
  if (month) {
    const n = Number(month[1]);
    if (n >= 1 && n <= 12) return n;
  }
  const quarter = QUARTER.exec(f);
  if (quarter) {
    const q = ROMAN[quarter[1] ?? ''] ?? Number(quarter[1]);
    if (q >= 1 && q <= 4) return q * 3;
  }
  const dmy = DAY_MONTH_YEAR.exec(f);
  if (dmy) {
    const n = Number(dmy[2]);
    if (n >= 1 && n <= 12) return n;
  }
  const my = MONTH_YEAR.exec(f);
  if (my) {
    const n = Number(my[1]);
    if (n >= 1 && n <= 12 && isYearNumber(Number(my[2]))) return n;
  }
  return null;
}

/** A document number ("số 39/KH-UBND", "số 57-NQ/TW", "số      /BC-UBND") shortly before a date. */
const DOCUMENT_NUMBER = /\bso:? ?[0-9]*\s*[-/][a-z0-9/.-]*\s*$/;
/** "(Kèm theo Báo cáo số … ngày …)": the document this appendix belongs to, whose date is the report's. */
const ATTACHED_TO = /\b(kem theo|ban hanh kem|cua bao cao)\b/;

/**
 * "Thực hiện Kế hoạch số 39/KH-UBND ngày 30/01/2026 …": a date right after another document's number is when that
 * document was issued, not when this report was made; the document an appendix is attached to is the exception.
 */
function citesOtherDocument(f: string, at: number): boolean {
  const before = f.slice(Math.max(0, at - 40), at);
  if (!DOCUMENT_NUMBER.test(before)) return false;
  return !ATTACHED_TO.test(f.slice(Math.max(0, at - 80), at));
}

/** "Phú Thịnh, ngày 24 tháng 4 năm 2026": the line that dates the document itself, under the national motto. */
const PLACE_DATE_LINE = /^[a-z][a-z .-]{1,40}, ngay ?[0-9]{1,2} ?(thang ?[0-9]{1,2} ?nam ?[0-9]{4}|[/.-] ?[0-9]{1,2} ?[/.-] ?[0-9]{4})\s*$/;

export function isPlaceDateLine(text: string): boolean {
  return PLACE_DATE_LINE.test(fold(text));
}

const CAPTION_NUMERIC = /ngay ?([0-9]{1,2}) ?[/.-] ?([0-9]{1,2}) ?[/.-] ?([0-9]{4})(?![0-9])/g;
const CAPTION_WORDS = /ngay ?([0-9]{1,2}) thang ?([0-9]{1,2}) nam ?([0-9]{4})(?![0-9])/g;
const WHOLE_DATE = /^([0-9]{1,2}) ?[/.-] ?([0-9]{1,2}) ?[/.-] ?([0-9]{4})$/;

/**
 * The date a caption or signature line gives ("ngày 24/4/2026", "ngày 24 tháng 4 năm 2026"),
 * as "yyyy-mm-dd"; the first filled-in one wins. Blank placeholders ("ngày      /11/2025") are null. Remembered per
 * text: a province's files repeat the same captions, and each file's are asked three times over.
 */
export const parseReportDate = memoText(parseReportDateOf);

function parseReportDateOf(text: string): string | null {
  const f = fold(text);
  let best: { at: number; iso: string } | null = null;
  for (const re of [CAPTION_NUMERIC, CAPTION_WORDS]) {
    for (const m of f.matchAll(re)) {
      if (citesOtherDocument(f, m.index)) continue;
      const iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
      if (iso !== null && isYearNumber(Number(m[3])) && (best === null || m.index < best.at)) {
        best = { at: m.index, iso };
        break;
      }
    }
  }
  if (best !== null) return best.iso;
  const whole = WHOLE_DATE.exec(f);
  if (whole && isYearNumber(Number(whole[3]))) return isoDate(Number(whole[3]), Number(whole[2]), Number(whole[1]));
  return null;
}
