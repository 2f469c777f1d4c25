/**
 * Task deadlines ("Thời gian thực hiện", "Thời hạn hoàn thành"): a day, a month, a quarter or a
 * year (due on its last day), or a recurring duty ("Hằng năm", "Thường xuyên").
 * A recurring word wins over dates in the same text ("Hằng năm, trước 31/12"); among several
 * dates the latest is the deadline ("2025-2030" → 2030-12-31, "từ 7/2025 đến 12/2026").
 */
import type { Cell } from '../grid/types';
import { fold } from '../text/fold';
import { endOfMonth, isoDate, serialToIso } from './date';
import { isDateFormat } from './format';
import { type Token, findPhrase, tokens } from './words';

export type Recurrence = 'year' | 'month' | 'quarter' | 'continuous';

export type Deadline =
  | { readonly kind: 'date'; /** ISO yyyy-mm-dd, the last day of the period named. */ readonly due: string }
  | { readonly kind: 'recurring'; readonly every: Recurrence }
  | { readonly kind: 'none' }
  | { readonly kind: 'unreadable' };

const NONE: Deadline = { kind: 'none' };
const UNREADABLE: Deadline = { kind: 'unreadable' };

const RECURRING: ReadonlyArray<readonly [Recurrence, readonly string[]]> = [
  ['year', ['hằng năm', 'hàng năm', 'mỗi năm']],
  ['quarter', ['hằng quý', 'hàng quý', 'mỗi quý']],
  ['month', ['hằng tháng', 'hàng tháng', 'mỗi tháng']],
  ['continuous', ['thường xuyên', 'liên tục', 'hằng ngày', 'hàng ngày', 'hằng tuần', 'hàng tuần']],
];

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

type Extract = (m: RegExpMatchArray) => string | null;

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

function year(s: string | undefined): number | null {
  const y = Number(s);
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

/** Date patterns on folded text, most specific first; each match is blanked before the next pattern runs. */
const PATTERNS: ReadonlyArray<readonly [RegExp, Extract]> = [
  [/ngay ?([0-9]{1,2}) thang ?([0-9]{1,2}) nam ?([0-9]{4})(?![0-9])/g, m => dayOf(m[3], m[2], m[1])],
  [/(?<![0-9])([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?![0-9])/g, m => dayOf(m[1], m[2], m[3])],
  [/(?<![0-9])([0-9]{1,2}) ?[/.-] ?([0-9]{1,2}) ?[/.-] ?([0-9]{4})(?![0-9])/g, m => dayOf(m[3], m[2], m[1])],
  [/quy ?(iv|iii|ii|i|[1-4])(?![a-z0-9]) ?(?:[/-] ?|nam ?)?([0-9]{4})(?![0-9])/g, m => {
    const y = year(m[2]);
    const q = ROMAN[m[1] ?? ''] ?? Number(m[1]);
    return y === null ? null : endOfMonth(y, q * 3);
  }],
  [/(?<![0-9])([0-9]{1,2}) thang (dau|cuoi) nam ?([0-9]{4})(?![0-9])/g, m => {
    const y = year(m[3]);
    const n = Number(m[1]);
    if (y === null || n < 1 || n > 12) return null;
    return m[2] === 'cuoi' ? endOfMonth(y, 12) : endOfMonth(y, n);
  }],
  [/thang ?([0-9]{1,2}) ?(?:[/-] ?|nam ?)([0-9]{4})(?![0-9])/g, m => monthOf(m[2], m[1])],
  [/(?<![0-9/.-])([0-9]{1,2}) ?[/-] ?([0-9]{4})(?![0-9])/g, m => monthOf(m[2], m[1])],
  [/(?<![0-9])([0-9]{4})(?![0-9])/g, m => {
    const y = year(m[1]);
    return y === null ? null : endOfMonth(y, 12);
  }],
];

function dayOf(y: string | undefined, m: string | undefined, d: string | undefined): string | null {
  const yy = year(y);
  return yy === null ? null : isoDate(yy, Number(m), Number(d));
}

function monthOf(y: string | undefined, m: string | undefined): string | null {
  const yy = year(y);
  return yy === null ? null : endOfMonth(yy, Number(m));
}

export function parseDeadline(text: string, cell?: Cell): Deadline {
  if (cell?.v.t === 'n') return numericDeadline(cell.v.n, cell.fmt);
  const toks = tokens(text);
  if (toks.length === 0) return NONE; // empty, "-", "…"
  const recurring = recurrenceOf(toks);
  if (recurring !== null) return { kind: 'recurring', every: recurring };
  const due = latestDate(fold(text));
  return due === null ? UNREADABLE : { kind: 'date', due };
}

function recurrenceOf(toks: readonly Token[]): Recurrence | null {
  let best: Recurrence | null = null;
  let bestAt = Infinity;
  for (const [every, phrases] of RECURRING) {
    const at = findPhrase(toks, phrases);
    if (at >= 0 && at < bestAt) {
      best = every;
      bestAt = at;
    }
  }
  return best;
}

function latestDate(folded: string): string | null {
  let rest = folded;
  let latest: string | null = null;
  for (const [re, extract] of PATTERNS) {
    let masked = '';
    let last = 0;
    for (const m of rest.matchAll(re)) {
      const due = extract(m);
      if (due !== null && (latest === null || due > latest)) latest = due;
      masked += rest.slice(last, m.index) + ' '.repeat(m[0].length);
      last = m.index + m[0].length;
    }
    rest = masked + rest.slice(last);
  }
  return latest;
}

/** A number in a deadline cell: an Excel date, or a bare year such as 2026. */
function numericDeadline(n: number, fmt: string | undefined): Deadline {
  if (isDateFormat(fmt)) {
    const iso = serialToIso(n);
    return iso === null ? UNREADABLE : { kind: 'date', due: iso };
  }
  const y = year(String(n));
  if (y !== null) {
    const due = endOfMonth(y, 12);
    if (due !== null) return { kind: 'date', due };
  }
  return UNREADABLE;
}
