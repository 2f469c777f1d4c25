/**
 * What the audit rules see of a sheet: each cell classified once (constant number, number typed as text, text,
 * formula…), plus the row facts the rules keep asking (is this a total row? which unit does it state?).
 */
import { cellAt, scalarText } from '../grid/access';
import type { Cell, SheetGrid, WorkbookGrid } from '../grid/types';
import { parseVnNumber } from '../grammar/number';
import { clean } from '../text/fold';
import { memoText } from '../text/memo';

export type CellKind = 'empty' | 'num' | 'textnum' | 'text' | 'formula' | 'error' | 'bool';

export interface CellInfo {
  readonly row: number;
  readonly col: number;
  readonly kind: CellKind;
  readonly cell: Cell | undefined;
  /** The number the cell shows (cached result for formulas, parsed text for `textnum`), or null. */
  readonly number: number | null;
}

export interface SheetView {
  readonly sheet: SheetGrid;
  readonly book: WorkbookGrid;
  info(row: number, col: number): CellInfo;
  /** True when the row reads as a total / subtotal / average line rather than one item. */
  isTotalRow(row: number): boolean;
  /** The same for a column of a table laid across (a "Tổng cộng" column). */
  isTotalColumn(col: number): boolean;
  /** The row's label: its longest text cell, cleaned (for messages and row tests). */
  label(row: number): string;
  /** True when the row states a percentage unit ("%", "% tổng chi…") in a cell of its own. */
  percentUnit(row: number): boolean;
}

/** Texts that are numbers: "42", "1.247", "12,5", "-3", "85%". Codes ("1.1.", "I"), phone numbers are not. */
export function textNumber(text: string): number | null {
  const s = clean(text);
  if (s === '' || !/^[+\-−]?[0-9]/.test(s)) return null;
  // Leading zeros ("0912 345 678", "007") are identifiers, not quantities.
  if (/^0[0-9]/.test(s)) return null;
  const n = parseVnNumber(s);
  return n ? (n.percent ? n.value / 100 : n.value) : null;
}

function classify(cell: Cell | undefined): { kind: CellKind; number: number | null } {
  if (!cell) return { kind: 'empty', number: null };
  if (cell.f !== undefined) return { kind: 'formula', number: cell.v.t === 'n' ? cell.v.n : null };
  switch (cell.v.t) {
    case 'n': return { kind: 'num', number: cell.v.n };
    case 'b': return { kind: 'bool', number: null };
    case 'e': return { kind: 'error', number: null };
    case 's': {
      if (cell.v.s.trim() === '') return { kind: 'empty', number: null };
      const n = textNumber(cell.v.s);
      return n === null ? { kind: 'text', number: null } : { kind: 'textnum', number: n };
    }
  }
}

/** Labels of total lines: "Tổng cộng", "Cộng I", "Tổng số:", "Bình quân"… but not "Cộng đồng số". */
const TOTAL_START = /^(tổng cộng|tổng số|tổng|cộng(?! đồng| tác)|total|sum|bình quân|trung bình|toàn xã|toàn phường)(?=$|[\s:.,;(\-–])/u;

/**
 * Cell lookups made by the audit rules, for the near-linearity property (operations counted, not time). Every rule
 * reads cells through a view, so this is the audit's work up to a constant.
 */
export const auditMeter = { lookups: 0 };

/** Whether a text labels a total line. Remembered: one long shared string may fill thousands of cells. */
const totalLabel = memoText((text: string): boolean => {
  const t = clean(text).toLowerCase();
  return (t.length <= 30 && TOTAL_START.test(t)) || t.includes('tổng cộng');
});

export function makeView(sheet: SheetGrid, book: WorkbookGrid): SheetView {
  const cache = new Map<number, CellInfo>();
  const totals = new Map<number, boolean>();
  const info = (row: number, col: number): CellInfo => {
    auditMeter.lookups++;
    const key = row * 20000 + col;
    const hit = cache.get(key);
    if (hit) return hit;
    const cell = row >= 1 && col >= 1 ? cellAt(sheet, row, col) : undefined;
    const c = classify(cell);
    const made: CellInfo = { row, col, cell, ...c };
    cache.set(key, made);
    return made;
  };
  const isText = (cell: Cell | undefined): cell is Cell & { v: { t: 's'; s: string } } =>
    cell !== undefined && cell.f === undefined && cell.v.t === 's' && cell.v.s.trim() !== '';
  const texts = (row: number): string[] => {
    const out: string[] = [];
    for (const cell of sheet.rows[row - 1] ?? []) if (isText(cell)) out.push(clean(cell.v.s));
    return out;
  };
  const totalColumns = new Map<number, boolean>();
  const isTotalColumn = (col: number): boolean => {
    const known = totalColumns.get(col);
    if (known !== undefined) return known;
    let total = false;
    for (const cells of sheet.rows) {
      const cell = cells?.[col - 1];
      if (isText(cell) && totalLabel(cell.v.s)) { total = true; break; }
    }
    totalColumns.set(col, total);
    return total;
  };
  const label = (row: number): string => texts(row).reduce((a, b) => (b.length > a.length ? b : a), '');
  const isTotalRow = (row: number): boolean => {
    const known = totals.get(row);
    if (known !== undefined) return known;
    let total = (sheet.rows[row - 1] ?? []).some(c => isText(c) && totalLabel(c.v.s));
    if (!total) {
      // A row whose formulas aggregate (SUM, SUBTOTAL, AVERAGE) is a total line whatever its label says.
      total = (sheet.rows[row - 1] ?? []).some(c => c?.f !== undefined && /^\s*(SUM|SUBTOTAL|AVERAGE|_xlfn\.AGGREGATE)\s*\(/i.test(c.f));
    }
    totals.set(row, total);
    return total;
  };
  const percentUnit = (row: number): boolean => texts(row).some(t => /^%(\s|$)/u.test(t));
  return { sheet, book, info, isTotalRow, isTotalColumn, label, percentUnit };
}

/** Display text of a cell for messages: numbers with a decimal comma, at most 2 decimals. */
export function shown(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.v.t === 'n') return formatNumber(cell.v.n);
  return scalarText(cell.v);
}

export function formatNumber(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return String(rounded).replace('.', ',');
}
