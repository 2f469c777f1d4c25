/**
 * Reading the open workbook into the core's grid with a constant number of round trips:
 * one sync to list the sheets, one to load every used range (values, formulas, number formats, value types,
 * merged areas) at once. Only when Excel refuses that (too large a response on the web, too many cells on desktop)
 * does it fall back to reading the used ranges in row blocks, a few megabytes per sync.
 */
import { areaAddress } from '../core/grid/address';
import type { SheetGrid, WorkbookGrid } from '../core/grid/types';
import { DEFAULT_REQUEST_BUDGET } from './budget';
import { toSheetGrid, type LoadedSheet } from './convert';
import { runBatch, type OfficeEnv } from './env';
import { officeErrorCode } from './errors';
import type { Features } from './features';

export interface WorkbookRead {
  readonly grid: WorkbookGrid;
  /** Name of the active worksheet, null when Excel did not say. */
  readonly activeSheet: string | null;
}

const RANGE_DATA = 'values,formulas,numberFormat,valueTypes';
const RANGE_SHAPE = 'address,rowIndex,columnIndex,rowCount,columnCount';

/** Generous bytes per cell across the four loaded arrays, used only to size the fallback blocks. */
const BYTES_PER_CELL = 120;

/**
 * Most cells read from one sheet in the fallback: a stray value in XFD1048576 must not turn into thousands of
 * round trips. Appendix tables are a few hundred rows; the rows beyond this are left unread.
 */
const MAX_CELLS_PER_SHEET = 2_000_000;

interface SheetInfo {
  readonly name: string;
  readonly hidden: boolean;
  readonly protected: boolean;
}

function usedRangeOf(ws: Excel.Worksheet, f: Features): Excel.Range {
  // valuesOnly keeps a sheet formatted down to row 10,000 from loading 10,000 empty rows.
  return f.api12 ? ws.getUsedRange(true) : ws.getUsedRange();
}

async function listSheets(context: Excel.RequestContext, f: Features): Promise<{ infos: SheetInfo[]; active: string | null }> {
  const queue = (): Excel.WorksheetCollection => {
    const sheets = context.workbook.worksheets;
    sheets.load(f.api12 ? 'items/name,items/visibility,items/protection/protected' : 'items/name,items/visibility');
    return sheets;
  };
  let sheets = queue();
  const active = sheets.getActiveWorksheet();
  active.load('name');
  let activeName: string | null = null;
  try {
    await context.sync();
    activeName = typeof active.name === 'string' ? active.name : null;
  } catch (e) {
    // A chart sheet as the active tab makes getActiveWorksheet fail the whole batch (office-js #2444): list the
    // sheets again without it; "no active worksheet" is then an answer, not an error.
    if (officeErrorCode(e) === 'InvalidOperationInCellEditMode') throw e;
    sheets = queue();
    await context.sync();
  }
  const infos = sheets.items.map(ws => ({
    name: ws.name,
    hidden: ws.visibility !== 'Visible',
    protected: f.api12 ? ws.protection.protected === true : false,
  }));
  return { infos, active: activeName };
}

interface Pending {
  readonly info: SheetInfo;
  readonly used: Excel.Range;
  readonly merged: Excel.RangeAreas | null;
  readonly font: Excel.RangeFont;
  readonly lastRowFont: Excel.RangeFont;
}

function queueShape(context: Excel.RequestContext, info: SheetInfo, f: Features, withData: boolean): Pending {
  const ws = context.workbook.worksheets.getItem(info.name);
  const used = usedRangeOf(ws, f);
  used.load(withData ? `${RANGE_SHAPE},${RANGE_DATA}` : RANGE_SHAPE);
  const merged = f.mergedAreas ? used.getMergedAreasOrNullObject() : null;
  merged?.load('address');
  // One font per sheet (uniform, else the last row's): a hint for legacy encodings, not per-cell truth.
  const font = used.format.font;
  font.load('name');
  const lastRowFont = used.getLastRow().format.font;
  lastRowFont.load('name');
  return { info, used, merged, font, lastRowFont };
}

function fontOf(p: Pending): string | null {
  const a = p.font.name;
  if (typeof a === 'string' && a !== '' && !a.startsWith('Error')) return a;
  const b = p.lastRowFont.name;
  return typeof b === 'string' && b !== '' && !b.startsWith('Error') ? b : null;
}

function mergedAddressOf(p: Pending): string | null {
  if (!p.merged || p.merged.isNullObject === true) return null;
  return typeof p.merged.address === 'string' ? p.merged.address : null;
}

function loaded(p: Pending, data: { values: unknown; formulas: unknown; numberFormat: unknown; valueTypes: unknown }): LoadedSheet {
  return {
    name: p.info.name,
    hidden: p.info.hidden,
    protected: p.info.protected,
    rowIndex: p.used.rowIndex,
    columnIndex: p.used.columnIndex,
    ...data,
    mergedAddress: mergedAddressOf(p),
    font: fontOf(p),
  };
}

/** Row blocks of each used range, packed into syncs of about `budget` bytes of response. */
async function readInBlocks(context: Excel.RequestContext, shapes: Pending[], budget: number): Promise<LoadedSheet[]> {
  interface Block { readonly sheet: number; readonly range: Excel.Range | null; readonly top: number; readonly rows: number; readonly left: number; readonly cols: number }
  const blocks: Block[] = [];
  shapes.forEach((p, sheet) => {
    const cols = p.used.columnCount;
    const rows = Math.min(p.used.rowCount, Math.max(1, Math.floor(MAX_CELLS_PER_SHEET / Math.max(1, cols))));
    const perBlock = Math.max(1, Math.floor(budget / (Math.max(1, cols) * BYTES_PER_CELL)));
    for (let r = 0; r < rows; r += perBlock) {
      blocks.push({ sheet, range: null, top: p.used.rowIndex + r, rows: Math.min(perBlock, rows - r), left: p.used.columnIndex, cols });
    }
  });
  const data = shapes.map(() => ({ values: [] as unknown[], formulas: [] as unknown[], numberFormat: [] as unknown[], valueTypes: [] as unknown[] }));
  let i = 0;
  while (i < blocks.length) {
    const batch: { block: Block; range: Excel.Range }[] = [];
    let bytes = 0;
    while (i < blocks.length) {
      const b = blocks[i] as Block;
      const cost = b.rows * b.cols * BYTES_PER_CELL;
      if (batch.length > 0 && bytes + cost > budget) break;
      const p = shapes[b.sheet] as Pending;
      const address = areaAddress({ top: b.top + 1, left: b.left + 1, bottom: b.top + b.rows, right: b.left + b.cols });
      const range = context.workbook.worksheets.getItem(p.info.name).getRange(address);
      range.load(RANGE_DATA);
      batch.push({ block: b, range });
      bytes += cost;
      i++;
    }
    await context.sync();
    for (const { block, range } of batch) {
      const d = data[block.sheet];
      if (!d) continue;
      for (const key of ['values', 'formulas', 'numberFormat', 'valueTypes'] as const) {
        const part = range[key] as unknown;
        if (Array.isArray(part)) d[key].push(...(part as unknown[]));
      }
    }
  }
  return shapes.map((p, k) => loaded(p, data[k] ?? { values: [], formulas: [], numberFormat: [], valueTypes: [] }));
}

/** Every worksheet of the open workbook as a grid. */
export async function readOpenWorkbook(env: OfficeEnv, f: Features): Promise<WorkbookRead> {
  const budget = env.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET;
  const first = await runBatch(env, async context => {
    const { infos, active } = await listSheets(context, f);
    const pending = infos.map(info => queueShape(context, info, f, true));
    try {
      await context.sync();
    } catch (e) {
      // Too much for one response: Excel on the web says so by code, desktop fails differently above five million
      // cells (resource limits: https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
      // Any failure but cell editing gets the bounded block read; if that fails too, its error is the answer.
      if (officeErrorCode(e) === 'InvalidOperationInCellEditMode') throw e;
      return { infos, active, sheets: null };
    }
    return { infos, active, sheets: pending.map(p => loaded(p, { values: p.used.values, formulas: p.used.formulas, numberFormat: p.used.numberFormat, valueTypes: p.used.valueTypes })) };
  });
  let sheets: LoadedSheet[];
  if (first.sheets) {
    sheets = first.sheets;
  } else {
    // The whole workbook in one response was too much for this Excel: shapes first, then bounded row blocks.
    sheets = await runBatch(env, async context => {
      const shapes = first.infos.map(info => queueShape(context, info, f, false));
      await context.sync();
      return readInBlocks(context, shapes, budget);
    });
  }
  const grids: SheetGrid[] = sheets.map(toSheetGrid);
  return { grid: { sheets: grids }, activeSheet: first.active };
}
