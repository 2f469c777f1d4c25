import { formatVnDate, serialToIso } from './date';

/**
 * Excel number formats, as far as the grammar needs them: does a number cell show a date or a
 * percentage? Only the visible codes count: quoted literals, [..] sections (locale, colour; elapsed-time [h] kept) and
 * escaped or padding characters are dropped first.
 */

function codesOf(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[([^\]]*)\]/g, (_m, inner: string) => (/^[hms]+$/i.test(inner) ? inner : ''))
    .replace(/[\\_*]./g, '')
    .toLowerCase();
}

export function isDateFormat(fmt: string | undefined): boolean {
  if (fmt === undefined || fmt === '') return false;
  const codes = codesOf(fmt);
  if (codes === 'general') return false;
  if (/[dy]/.test(codes)) return true;
  // "mmm" alone is a month; next to h or s it is minutes.
  return codes.includes('m') && !/[hs]/.test(codes);
}

export function isPercentFormat(fmt: string | undefined): boolean {
  if (fmt === undefined || fmt === '') return false;
  return codesOf(fmt).includes('%');
}

/** A percent-formatted fraction as the percentage it shows: 0.725 → 72.5 (binary noise rounded off). */
export function fractionToPercent(n: number): number {
  return Number((n * 100).toPrecision(12));
}

/** What a number cell shows: a date (as dd/mm/yyyy), a number (a percent-formatted fraction as its percentage), or nothing usable. */
export type NumberCellReading =
  | { readonly kind: 'date'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly percent: boolean; readonly text: string }
  | { readonly kind: 'unusable'; readonly text: string };

export function readNumberCell(n: number, fmt: string | undefined): NumberCellReading {
  if (!Number.isFinite(n)) return { kind: 'unusable', text: String(n) };
  if (isDateFormat(fmt)) {
    const iso = serialToIso(n);
    return iso === null ? { kind: 'unusable', text: String(n) } : { kind: 'date', text: formatVnDate(iso) };
  }
  if (isPercentFormat(fmt)) {
    const value = fractionToPercent(n);
    return Number.isFinite(value) ? { kind: 'number', value, percent: true, text: `${value}%` } : { kind: 'unusable', text: String(n) };
  }
  return { kind: 'number', value: n, percent: false, text: String(n) };
}
