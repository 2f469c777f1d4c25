/**
 * Writes the core's sheet plans into an xlsx workbook with exceljs (the CLI's output). Sheets are only ever
 * added: a name already in the workbook gets a suffix ("Tổng hợp (2)"). Text is written as a string value, so
 * "=HYPERLINK(…)" from a commune file stays text; only the core's own PlanValue 'formula' becomes a formula.
 */
import ExcelJS from 'exceljs';
import type { CellStyle, PlanValue, SheetPlan } from '../core/plan/types';

const MAX_SHEET_NAME = 31;
const BAD_NAME_CHARS = /[\\/?*[\]:]/g;

/** A name Excel accepts that the workbook does not use yet (compared case-insensitively, as Excel does). */
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

function cellValue(v: PlanValue, sheetNames: ReadonlyMap<string, string>): ExcelJS.CellValue {
  switch (v.t) {
    case 'n': return v.n;
    case 's': return v.s;
    case 'empty': return null;
    case 'link': return { text: v.text, hyperlink: `#${quoteSheet(sheetNames.get(v.sheet) ?? v.sheet)}!${v.cell}` };
    case 'formula': return v.cached === null ? { formula: v.f, date1904: false } : { formula: v.f, result: v.cached, date1904: false };
  }
}

function argb(hex: string): string {
  return `FF${hex.toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  const style: Partial<ExcelJS.Style> = {};
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.fontColor || s.bold) style.font = { ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}), ...(s.bold ? { bold: true } : {}) };
  if (s.wrap || s.align) {
    style.alignment = { ...(s.wrap ? { wrapText: true, vertical: 'top' as const } : {}), ...(s.align ? { horizontal: s.align } : {}) };
  }
  if (s.numFmt) style.numFmt = s.numFmt;
  cell.style = style;
}

/** Adds one sheet per plan to the workbook and returns the names used, in plan order. */
export function addPlans(wb: ExcelJS.Workbook, plans: readonly SheetPlan[]): string[] {
  const taken = new Set(wb.worksheets.map(w => w.name));
  const used: string[] = [];
  // Links name the plan's sheet; they must point at the name it actually got.
  const names = new Map<string, string>();
  for (const plan of plans) {
    const name = freeSheetName(plan.name, taken);
    taken.add(name);
    used.push(name);
    if (!names.has(plan.name)) names.set(plan.name, name);
  }
  plans.forEach((plan, i) => {
    const ws = wb.addWorksheet(used[i] ?? plan.name);
    for (const c of plan.cells) {
      const cell = ws.getCell(c.row, c.col);
      cell.value = cellValue(c.value, names);
      if (c.style) applyStyle(cell, c.style);
    }
    plan.columnWidths?.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
    if (plan.freezeRows) ws.views = [{ state: 'frozen', ySplit: plan.freezeRows, xSplit: 0 }];
    for (const m of plan.merges ?? []) ws.mergeCells(m);
  });
  return used;
}

export type PlanWrite =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly sheets: readonly string[] }
  | { readonly ok: false; readonly error: string };

/**
 * The plans as xlsx bytes: a new workbook, or the given workbook with the sheets added (never replacing one).
 * Never throws: an existing file that is not a workbook comes back as an error rather than being overwritten.
 */
export async function writePlans(plans: readonly SheetPlan[], existing?: Uint8Array): Promise<PlanWrite> {
  const wb = new ExcelJS.Workbook();
  if (existing) {
    try {
      await wb.xlsx.load(existing as unknown as ArrayBuffer);
    } catch {
      return { ok: false, error: 'Tệp đích đã có và không phải sổ tính Excel, không ghi đè / the output exists and is not an xlsx workbook; not overwritten' };
    }
  } else {
    wb.creator = 'Phụ lục 57';
  }
  try {
    const sheets = addPlans(wb, plans);
    const buffer = await wb.xlsx.writeBuffer();
    return { ok: true, bytes: new Uint8Array(buffer as ArrayBuffer), sheets };
  } catch (e) {
    return { ok: false, error: `Không ghi được sổ tính / cannot write the workbook: ${(e as Error).message}` };
  }
}
