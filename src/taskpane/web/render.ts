/**
 * Renders the core's plans into an exceljs workbook (web mode). Every text stays a value: exceljs only makes a
 * formula from { formula }, and only the core's own PlanValue 'formula' takes that path.
 */
import type ExcelJS from 'exceljs';
import type { CellStyle, PlanValue, SheetPlan } from '../../core/plan/types';

const MAX_SHEET_NAME = 31;
const BAD_NAME_CHARS = /[\\/?*[\]:]/g;

/** A sheet name Excel accepts that no sheet of the workbook has yet: "Tổng hợp", "Tổng hợp (2)", … */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = wanted.replace(BAD_NAME_CHARS, ' ').replace(/^'+|'+$/g, '').trim().slice(0, MAX_SHEET_NAME) || 'Sheet';
  const lower = new Set([...taken].map(n => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function cellValue(v: PlanValue): ExcelJS.CellValue {
  switch (v.t) {
    case 'n': return v.n;
    case 's': return v.s;
    case 'empty': return null;
    case 'link': return { text: v.text, hyperlink: `#${quoteSheet(v.sheet)}!${v.cell}` };
    case 'formula': return v.cached === null ? { formula: v.f, date1904: false } : { formula: v.f, result: v.cached, date1904: false };
  }
}

export function argb(hex: string): string {
  return `FF${hex.toUpperCase()}`;
}

export function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  // A fresh style object per cell: exceljs shares loaded style objects between cells.
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.fontColor || s.bold) {
    style.font = { ...style.font, ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}), ...(s.bold ? { bold: true } : {}) };
  }
  if (s.wrap || s.align) {
    style.alignment = { ...style.alignment, ...(s.wrap ? { wrapText: true, vertical: 'top' as const } : {}), ...(s.align ? { horizontal: s.align } : {}) };
  }
  if (s.numFmt) style.numFmt = s.numFmt;
  cell.style = style;
}

/** Adds one sheet per plan, never replacing a sheet; returns the names used. */
export function writePlans(wb: ExcelJS.Workbook, plans: readonly SheetPlan[]): string[] {
  const taken = new Set(wb.worksheets.map(w => w.name));
  const names: string[] = [];
  for (const plan of plans) {
    const name = freeSheetName(plan.name, taken);
    taken.add(name);
    names.push(name);
    const ws = wb.addWorksheet(name);
    for (const c of plan.cells) {
      const cell = ws.getCell(c.row, c.col);
      cell.value = cellValue(c.value);
      if (c.style) applyStyle(cell, c.style);
    }
    plan.columnWidths?.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
    if (plan.freezeRows) ws.views = [{ state: 'frozen', ySplit: plan.freezeRows, xSplit: 0 }];
    for (const m of plan.merges ?? []) ws.mergeCells(m);
  }
  return names;
}
