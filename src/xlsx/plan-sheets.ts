/**
 * Renders the core's sheet plans into an exceljs workbook: the CLI's output file and the web mode's download share
 * this. Sheets are only ever added: a taken name gets a suffix ("Tổng hợp (2)"). Text is written as a string value,
 * so "=HYPERLINK(…)" from a commune file stays text; only the core's own PlanValue 'formula' becomes a formula.
 * Charts in a plan are skipped: exceljs cannot write them (the add-in draws them natively).
 */
import type ExcelJS from 'exceljs';
import { freeSheetName } from '../core/plan/sheet-name';
import type { CellStyle, PlanValue, SheetPlan } from '../core/plan/types';
import { absoluteRef, centredHeader, linkLocation, linkTarget, titleColumnsSpan, titleRowsSpan } from './plan-layout';

export { freeSheetName };

export function cellValue(v: PlanValue, sheetNames: ReadonlyMap<string, string>): ExcelJS.CellValue {
  switch (v.t) {
    case 'n': return v.n;
    case 's': return v.s;
    case 'empty': return null;
    // A link into another workbook names that workbook's sheet as it is; only this batch's sheets may be renamed.
    // Its cell is written absolute ($B$7): exceljs takes any "x!B7" for an internal link and would write the whole
    // target as a location inside this workbook; "file#'Sheet'!$B$7" goes out as an external relationship instead.
    case 'link': return v.file !== undefined
      ? { text: v.text, hyperlink: `${linkTarget(v.file)}#${linkLocation(v.sheet, absoluteRef(v.cell))}` }
      : { text: v.text, hyperlink: `#${linkLocation(sheetNames.get(v.sheet) ?? v.sheet, v.cell)}` };
    case 'formula': return v.cached === null ? { formula: v.f, date1904: false } : { formula: v.f, result: v.cached, date1904: false };
  }
}

const argb = (hex: string) => `FF${hex.toUpperCase()}`;

/** Gives a cell the planned looks on top of what it has (colouring an existing cell keeps its borders and font). */
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

/**
 * exceljs 4.4.0 writes a hyperlink cell's value as text only (exceljs#586: its hyperlink value is `{ text,
 * hyperlink }`, and xlsx/xform/sheet/cell-xform.js renders it as a shared string). In SpreadsheetML the link is a
 * separate `<hyperlink ref>` element, so the cell may hold a number: between exceljs's prepare step (which lists
 * the sheet's hyperlinks and their relationships from the Hyperlink cells) and its render step, a linked cell whose
 * value is a number is turned back into a Number cell. The number comes from the plan (`numbers`, by sheet id and
 * address) or from a loaded file (exceljs reads a numeric cell under a link as `{ text: <number>, hyperlink }`).
 * The cell models are fresh objects each write, so the workbook itself is untouched and can be written again.
 */
type CellModel = { type: number; address: string; text?: unknown; value?: unknown; ssId?: unknown };
type SheetModel = { id: number; rows?: { cells?: CellModel[] }[] };
type PreparingXlsx = { prepareModel: (model: { worksheets: SheetModel[] }, options: unknown) => void };
const linkedNumbers = new WeakMap<ExcelJS.Workbook, Map<number, Map<string, number>>>();
// exceljs's Enums.ValueType (lib/doc/enums.js).
const NUMBER_TYPE = 2;
const HYPERLINK_TYPE = 5;

function keepLinkedNumbers(wb: ExcelJS.Workbook): Map<number, Map<string, number>> {
  let bySheet = linkedNumbers.get(wb);
  if (bySheet) return bySheet;
  const numbers = new Map<number, Map<string, number>>();
  bySheet = numbers;
  linkedNumbers.set(wb, bySheet);
  const xlsx = wb.xlsx as unknown as Partial<PreparingXlsx>;
  // Another exceljs without this step (the version is pinned): the linked cells then keep their text.
  if (typeof xlsx.prepareModel !== 'function') return bySheet;
  const prepare = xlsx.prepareModel.bind(xlsx);
  xlsx.prepareModel = (model, options) => {
    prepare(model, options);
    for (const sheet of model.worksheets) {
      const planned = numbers.get(sheet.id);
      for (const row of sheet.rows ?? []) {
        const cells = row.cells ?? [];
        cells.forEach((c, i) => {
          if (c.type !== HYPERLINK_TYPE) return;
          const n = planned?.get(c.address) ?? (typeof c.text === 'number' ? c.text : undefined);
          if (n === undefined || !Number.isFinite(n)) return;
          const { ssId: _unused, text: _text, ...rest } = c;
          cells[i] = { ...rest, type: NUMBER_TYPE, value: n };
        });
      }
    }
  };
  return bySheet;
}

/** Adds one sheet per plan to the workbook and returns the names used, in plan order. */
export function addPlans(wb: ExcelJS.Workbook, plans: readonly SheetPlan[]): string[] {
  const numbers = keepLinkedNumbers(wb);
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
    // A sheet id freed by a removed sheet may come back: what was noted under it is not this sheet's.
    numbers.delete(ws.id);
    let linked: Map<string, number> | undefined;
    for (const row of plan.rows()) {
      for (const c of row) {
        const cell = ws.getCell(c.row, c.col);
        cell.value = cellValue(c.value, names);
        if (c.value.t === 'link' && c.value.n !== undefined && Number.isFinite(c.value.n)) {
          if (!linked) { linked = new Map(); numbers.set(ws.id, linked); }
          linked.set(cell.address, c.value.n);
        }
        if (c.style) applyStyle(cell, c.style);
      }
    }
    layOut(ws, plan);
    for (const m of plan.merges ?? []) ws.mergeCells(m);
  });
  return used;
}

/** Frozen panes, the filter, column widths and hidden columns, print setup. */
function layOut(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.columnWidths?.forEach((w, col) => { ws.getColumn(col + 1).width = w; });
  for (const col of plan.hiddenColumns ?? []) ws.getColumn(col).hidden = true;
  const ySplit = plan.freezeRows ?? 0;
  const xSplit = plan.freezeColumns ?? 0;
  if (ySplit > 0 || xSplit > 0) ws.views = [{ state: 'frozen', ySplit, xSplit }];
  if (plan.autoFilter) ws.autoFilter = plan.autoFilter;
  const p = plan.print;
  if (!p) return;
  if (p.landscape) ws.pageSetup.orientation = 'landscape';
  if (p.fitToWidth) Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  const rows = titleRowsSpan(p);
  const cols = titleColumnsSpan(p);
  if (rows) ws.pageSetup.printTitlesRow = rows;
  if (cols) ws.pageSetup.printTitlesColumn = cols;
  if (p.header) ws.headerFooter.oddHeader = centredHeader(p.header);
}
