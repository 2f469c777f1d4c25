/**
 * "Tô màu theo trạng thái" and "Xóa màu" on the open workbook.
 * Colouring: sync 1 lists sheets (ids, protection) and finds the record, sync 2 reads the record and the current
 * fills / font colours of the target cells, sync 3 writes the record and the colours together.
 * Clearing: the same two reads, then one sync restoring the originals and removing the record.
 * The count never depends on rows; only a write over the ~4 MB request budget is split into more syncs.
 */
import { parseArea } from '../core/grid/address';
import type { FormatChange } from '../core/plan/types';
import { DEFAULT_REQUEST_BUDGET, runOps, type Op } from './budget';
import { addOriginals, cellKey, EMPTY_RECORD, runsToCells, type CellStyles, type ColourRecord, type OriginalStyle, type SheetRecord } from './colour-record';
import { runBatch, type OfficeEnv } from './env';
import type { Features } from './features';
import { settingsStore, xmlPartStore, type RecordStore } from './record-store';
import {
  CELL_PROPERTIES_TO_READ, columnBlocks, maxBlockRows, normalizeColour, runAddress, runsOf, styleFromLoaded, styleOps,
  type CellRef, type StyledCell,
} from './styles';

export interface ColourOutcome {
  /** Cells coloured. */
  readonly coloured: number;
  /** Sheets left alone: protected or no longer there. */
  readonly skippedSheets: readonly string[];
}

export interface ClearOutcome {
  readonly restored: number;
  readonly skippedSheets: readonly string[];
}

interface SheetMeta {
  readonly name: string;
  readonly id: string | null;
  readonly protected: boolean;
  readonly proxy: Excel.Worksheet;
}

function storeFor(env: OfficeEnv, f: Features, context: Excel.RequestContext): RecordStore {
  return f.customXml ? xmlPartStore(context) : settingsStore(env.settings);
}

function queueSheetList(context: Excel.RequestContext, f: Features): Excel.WorksheetCollection {
  const sheets = context.workbook.worksheets;
  sheets.load(f.api12 ? 'items/name,items/id,items/protection/protected' : 'items/name,items/id');
  return sheets;
}

function sheetMetas(sheets: Excel.WorksheetCollection, f: Features): SheetMeta[] {
  return sheets.items.map(ws => ({
    name: ws.name,
    id: typeof ws.id === 'string' ? ws.id : null,
    protected: f.api12 ? ws.protection.protected === true : false,
    proxy: ws,
  }));
}

interface Target extends CellRef {
  readonly fill: string;
  readonly font: string;
}

/** FormatChange rectangles → single cells per sheet, first change winning on overlaps. */
function targetsBySheet(changes: readonly FormatChange[]): Map<string, Target[]> {
  const out = new Map<string, Map<string, Target>>();
  for (const ch of changes) {
    const a = parseArea(ch.address);
    const fill = normalizeColour(ch.fill);
    const font = normalizeColour(ch.fontColor);
    if (!a || !fill || !font) continue;
    let cells = out.get(ch.sheet);
    if (!cells) out.set(ch.sheet, (cells = new Map()));
    for (let r = a.top; r <= a.bottom; r++) {
      for (let c = a.left; c <= a.right; c++) {
        const k = cellKey(r, c);
        if (!cells.has(k)) cells.set(k, { row: r, col: c, fill, font });
      }
    }
  }
  return new Map([...out].map(([s, m]) => [s, [...m.values()]]));
}

/** A pending read of the current look of some target cells. */
interface OriginalsRead {
  /** Styles known after the read sync, or the cells that still need a per-cell read (older Excel, mixed run). */
  collect(): { known: CellStyles; mixed: CellRef[] };
}

function queueOriginals(ws: Excel.Worksheet, cells: readonly CellRef[], f: Features, budget: number): OriginalsRead {
  if (f.cellProperties) {
    const reads = columnBlocks(cells, maxBlockRows(budget)).map(block => {
      const address = runAddress([{ row: block.top, col: block.col }, { row: block.bottom, col: block.col }]);
      return { block, result: ws.getRange(address).getCellProperties(CELL_PROPERTIES_TO_READ) };
    });
    return {
      collect() {
        const known: CellStyles = new Map();
        for (const { block, result } of reads) {
          const rows = Array.isArray(result.value) ? result.value : [];
          for (const c of block.cells) {
            const props = rows[c.row - block.top]?.[0];
            known.set(cellKey(c.row, c.col), styleFromLoaded(props?.format?.fill, props?.format?.font, true));
          }
        }
        return { known, mixed: [] };
      },
    };
  }
  // Older Excel: one range per run of adjacent cells; a run whose cells differ (null colour) is read cell by cell.
  const reads = runsOf(cells).map(run => {
    const format = ws.getRange(runAddress(run)).format;
    format.fill.load('color');
    format.font.load('color');
    return { run, format };
  });
  return {
    collect() {
      const known: CellStyles = new Map();
      const mixed: CellRef[] = [];
      for (const { run, format } of reads) {
        const fill = normalizeColour(format.fill.color);
        const font = normalizeColour(format.font.color);
        if (fill === null || font === null) {
          mixed.push(...run);
          continue;
        }
        const style = styleFromLoaded({ color: fill }, { color: font }, false);
        for (const c of run) known.set(cellKey(c.row, c.col), style);
      }
      return { known, mixed };
    },
  };
}

/** Per-cell reads for older Excel, packed within the budget: one more sync, more only past ~4 MB. */
async function readMixedCells(context: Excel.RequestContext, wanted: ReadonlyArray<{ ws: Excel.Worksheet; cells: readonly CellRef[] }>, budget: number): Promise<CellStyles[]> {
  const loaded: { sheet: number; cell: CellRef; format: Excel.RangeFormat }[] = [];
  const ops: Op[] = wanted.flatMap(({ ws, cells }, sheet) => cells.map(cell => ({
    bytes: 800,
    queue: () => {
      const format = ws.getRange(runAddress([cell])).format;
      format.fill.load('color');
      format.font.load('color');
      loaded.push({ sheet, cell, format });
    },
  })));
  await runOps(context, ops, budget);
  const out: CellStyles[] = wanted.map(() => new Map());
  for (const { sheet, cell, format } of loaded) {
    out[sheet]?.set(cellKey(cell.row, cell.col), styleFromLoaded({ color: format.fill.color }, { color: format.font.color }, false));
  }
  return out;
}

export async function applyColourChanges(env: OfficeEnv, f: Features, changes: readonly FormatChange[]): Promise<ColourOutcome> {
  const budget = env.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET;
  const wanted = targetsBySheet(changes);
  if (wanted.size === 0) return { coloured: 0, skippedSheets: [] };
  return runBatch(env, async context => {
    const store = storeFor(env, f, context);
    const list = queueSheetList(context, f);
    store.queueLocate();
    await context.sync();

    const metas = new Map(sheetMetas(list, f).map(m => [m.name, m]));
    const skippedSheets: string[] = [];
    const work: { meta: SheetMeta; targets: Target[]; read: OriginalsRead }[] = [];
    for (const [name, targets] of wanted) {
      const meta = metas.get(name);
      if (!meta || meta.protected) {
        skippedSheets.push(name);
        continue;
      }
      work.push({ meta, targets, read: queueOriginals(meta.proxy, targets, f, budget) });
    }
    store.queueRead();
    if (work.length === 0) return { coloured: 0, skippedSheets };
    await context.sync();

    let record: ColourRecord = store.record() ?? EMPTY_RECORD;
    const collected = work.map(w => w.read.collect());
    if (collected.some(c => c.mixed.length > 0)) {
      const extra = await readMixedCells(context, work.map((w, i) => ({ ws: w.meta.proxy, cells: collected[i]?.mixed ?? [] })), budget);
      extra.forEach((styles, i) => { for (const [k, v] of styles) collected[i]?.known.set(k, v); });
    }
    const ops: Op[] = [];
    let coloured = 0;
    work.forEach(({ meta, targets }, i) => {
      record = addOriginals(record, { id: meta.id, name: meta.name }, collected[i]?.known ?? new Map());
      const cells: StyledCell[] = targets.map(t => ({ row: t.row, col: t.col, style: { fill: t.fill, font: t.font } }));
      ops.push(...styleOps(() => meta.proxy, cells, f, budget));
      coloured += targets.length;
    });
    // The record goes first, in the same request as the colours (or before them when settings are the store).
    await store.save(record);
    await runOps(context, [store.writeOp(record), ...ops], budget);
    return { coloured, skippedSheets };
  });
}

function findSheet(metas: readonly SheetMeta[], rec: SheetRecord): SheetMeta | undefined {
  return (rec.id !== null ? metas.find(m => m.id === rec.id) : undefined) ?? metas.find(m => m.name === rec.name);
}

export async function clearColourChanges(env: OfficeEnv, f: Features): Promise<ClearOutcome> {
  const budget = env.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET;
  return runBatch(env, async context => {
    const store = storeFor(env, f, context);
    const list = queueSheetList(context, f);
    store.queueLocate();
    await context.sync();
    if (store.queueRead()) await context.sync();
    const record = store.record();
    if (!record) return { restored: 0, skippedSheets: [] };

    const metas = sheetMetas(list, f);
    const kept: SheetRecord[] = [];
    const skippedSheets: string[] = [];
    const ops: Op[] = [];
    let restored = 0;
    for (const rec of record.sheets) {
      const meta = findSheet(metas, rec);
      if (!meta) {
        skippedSheets.push(rec.name); // the sheet is gone: nothing left to restore
        continue;
      }
      if (meta.protected) {
        skippedSheets.push(meta.name);
        kept.push(rec); // keep it so a later "Xóa màu" after unprotecting still works
        continue;
      }
      const cells: StyledCell[] = [...runsToCells(rec.runs)].map(([k, style]: [string, OriginalStyle]) => {
        const [row, col] = k.split(',').map(Number);
        return { row: row ?? 0, col: col ?? 0, style };
      });
      ops.push(...styleOps(() => meta.proxy, cells, f, budget));
      restored += cells.length;
    }
    const remaining: ColourRecord | null = kept.length > 0 ? { version: 1, sheets: kept } : null;
    // The record is removed last, so a restore cut short can be run again.
    await runOps(context, [...ops, store.writeOp(remaining)], budget);
    await store.save(remaining);
    return { restored, skippedSheets };
  });
}
