import type { Area } from './types';

/** Letters of the columns asked for so far (a workbook uses a few dozen; Excel has 16,384). */
const letters: string[] = [];

/** 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
  if (Number.isInteger(col) && col > 0 && col <= 16_384) return letters[col] ??= lettersOf(col);
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "AA" → 27; 0 when the text is not a column name. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return 0;
    n = n * 26 + (code - 64);
  }
  return n;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function areaAddress(a: Area): string {
  const tl = cellAddress(a.top, a.left);
  const br = cellAddress(a.bottom, a.right);
  return tl === br ? tl : `${tl}:${br}`;
}

/** Parses "B7" into { row: 7, col: 2 }; null when it is not a cell address. `$` signs are ignored. */
export function parseCellAddress(text: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (col < 1 || row < 1) return null;
  return { row, col };
}

/** Parses "A5:E24" (or a single cell) into an area; null when malformed. */
export function parseArea(text: string): Area | null {
  const [a, b] = text.split(':');
  if (a === undefined) return null;
  const p = parseCellAddress(a);
  const q = b === undefined ? p : parseCellAddress(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}
