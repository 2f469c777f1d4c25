import type { Area } from '../../core/grid/types';

/** A1 addresses as the worksheet XML writes them (r="AB12", ref="A1:F1"), parsed without regular expressions. */

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** Column and row of "AB12" (a "$" before either part is allowed), or null. */
export function parseCellRef(s: string): { row: number; col: number } | null {
  let i = 0;
  if (s.charCodeAt(i) === 36) i++;
  let col = 0;
  for (; i < s.length; i++) {
    const ch = s.charCodeAt(i) | 0x20;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + ch - 96;
  }
  if (col === 0 || col > MAX_COL) return null;
  if (s.charCodeAt(i) === 36) i++;
  let row = 0;
  const start = i;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  if (i === start || row < 1 || row > MAX_ROW) return null;
  return { row, col };
}

/** "A1:F3" (either corner first) or a single "B2" as an area, or null. */
export function parseArea(ref: string): Area | null {
  const [a, b, extra] = ref.trim().split(':');
  if (a === undefined || extra !== undefined) return null;
  const p = parseCellRef(a);
  const q = b === undefined ? p : parseCellRef(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row), left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col),
  };
}
