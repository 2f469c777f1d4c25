import ExcelJS from 'exceljs';
import type { Area, Cell, Scalar, SheetGrid, WorkbookGrid } from '../core/grid/types';

/** Days between Excel's epoch (1899-12-30) and the Unix epoch. */
const EXCEL_EPOCH_DAYS = 25569;

function dateToSerial(d: Date): number {
  return d.getTime() / 86400000 + EXCEL_EPOCH_DAYS;
}

function richText(v: unknown): string | null {
  if (v && typeof v === 'object' && 'richText' in v && Array.isArray((v as { richText: unknown }).richText)) {
    return (v as { richText: { text?: string }[] }).richText.map(r => r.text ?? '').join('');
  }
  return null;
}

/**
 * An exceljs cell value as a scalar. exceljs hands over objects for many cells ({ richText }, { text, hyperlink },
 * { result, shareType } for data tables, {} for an empty shared string); none of them may ever become the text
 * "[object Object]": an object it does not know is read through its text or result, else as empty.
 */
function toScalar(v: unknown, depth = 0): Scalar {
  if (v === null || v === undefined) return { t: 's', s: '' };
  if (typeof v === 'number') return Number.isFinite(v) ? { t: 'n', n: v } : { t: 'e', e: '#NUM!' };
  if (typeof v === 'string') return { t: 's', s: v };
  if (typeof v === 'boolean') return { t: 'b', b: v };
  if (v instanceof Date) return { t: 'n', n: dateToSerial(v) };
  if (typeof v === 'object' && depth < 3) {
    if ('error' in v) return { t: 'e', e: String((v as { error: unknown }).error) };
    const rt = richText(v);
    if (rt !== null) return { t: 's', s: rt };
    // A hyperlink's text may itself be rich text; a formula or data table carries its cached result.
    if ('text' in v) return toScalar((v as { text: unknown }).text, depth + 1);
    if ('result' in v) return toScalar((v as { result: unknown }).result, depth + 1);
  }
  return { t: 's', s: '' };
}

/** The formula of a cell, also when exceljs shows it as a hyperlink ({ text, hyperlink }) and keeps it only in the model. */
function formulaOf(c: ExcelJS.Cell): string | undefined {
  const model = c.model as { formula?: unknown; sharedFormula?: unknown };
  const f = c.formula || (typeof model.formula === 'string' ? model.formula : undefined);
  return f || undefined;
}

function convertCell(c: ExcelJS.Cell): Cell | undefined {
  const raw = c.value;
  let v: Scalar;
  let f: string | undefined;
  if (raw && typeof raw === 'object' && ('formula' in raw || 'sharedFormula' in raw)) {
    f = formulaOf(c);
    // exceljs drops a cached result of 0 from `value`; `result` keeps it.
    v = toScalar(c.result);
  } else {
    f = formulaOf(c);
    v = toScalar(raw);
  }
  if (v.t === 's' && v.s === '' && f === undefined) return undefined;
  const fmt = c.numFmt && c.numFmt !== 'General' ? c.numFmt : undefined;
  const font = c.font?.name;
  return {
    v,
    ...(f !== undefined ? { f } : {}),
    ...(fmt !== undefined ? { fmt } : {}),
    ...(font !== undefined ? { font } : {}),
  };
}

function parseRange(ref: string): Area | null {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1] ?? ''), bottom: Number(m[4]), right: col(m[3] ?? '') };
}

function convertSheet(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: (Cell | undefined)[][] = [];
  let rowCount = 0;
  let colCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (c, col) => {
      if (c.isMerged && c.master !== c) return;
      const cell = convertCell(c);
      if (!cell) return;
      cells[col - 1] = cell;
      if (col > colCount) colCount = col;
    });
    if (cells.length > 0) {
      rows[r - 1] = cells;
      rowCount = r;
    }
  });
  const mergeRefs: string[] = (ws.model as { merges?: string[] }).merges ?? [];
  const merges = mergeRefs.map(parseRange).filter((a): a is Area => a !== null);
  const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return {
    name: ws.name,
    rowCount,
    colCount,
    rows,
    merges,
    ...(ws.state && ws.state !== 'visible' ? { hidden: true } : {}),
    ...(prot?.sheet ? { protected: true } : {}),
  };
}

/** Reads an .xlsx already known to be a zip. Throws on corrupt content; the caller turns that into a value. */
export async function readWithExceljs(data: Uint8Array): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const sheets: SheetGrid[] = [];
  wb.eachSheet(ws => { sheets.push(convertSheet(ws)); });
  return { sheets };
}
