/**
 * A cell's value as the sheet shows it, for the web mode's "Ô đang chọn" line: 0.725 formatted "0.0%" is 72,5%, a
 * date serial is 24/04/2026, 1234.5 formatted "#,##0.00" is 1.234,50 (Vietnamese separators, as Excel shows them with
 * Vietnamese regional settings). Only the common codes are followed; anything else falls back to the number as the
 * grammar reads it. Number format codes: https://support.microsoft.com/office/review-guidelines-for-customizing-a-number-format-c0a1d1fa-d3f4-4018-96b7-9c9354dd99f5
 */
import { scalarText } from '../../core/grid/access';
import { readNumberCell } from '../../core/grammar/format';
import type { Cell } from '../../core/grid/types';

/** Decimals and grouping of the first section of a format code ("#,##0.00;[Red]-#,##0.00" → 2, grouped). */
function shape(fmt: string): { decimals: number | null; grouped: boolean } {
  const first = (fmt.split(';')[0] ?? '').replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  const m = /[0#?]+(?:[.]([0#?]+))?/.exec(first.replace(/,(?=[0#?])/g, ''));
  if (!m) return { decimals: null, grouped: false };
  return { decimals: m[1] ? m[1].length : 0, grouped: /[#0],[#0]/.test(first) };
}

function vnNumber(n: number, decimals: number | null, grouped: boolean): string {
  // General format: up to 10 significant digits, as Excel shows in a normal-width column.
  const text = decimals === null ? String(Number(n.toPrecision(10))) : n.toFixed(decimals);
  const [int = '', frac] = text.split('.');
  const body = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
  return frac === undefined ? body : `${body},${frac}`;
}

export function displayedValue(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.v.t !== 'n') return scalarText(cell.v).trim();
  const fmt = cell.fmt;
  const reading = readNumberCell(cell.v.n, fmt);
  if (reading.kind !== 'number') return reading.text;
  const { decimals, grouped } = fmt ? shape(fmt) : { decimals: null, grouped: false };
  return `${vnNumber(reading.value, decimals, grouped)}${reading.percent ? '%' : ''}`;
}
