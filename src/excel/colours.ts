/**
 * "Tô màu theo trạng thái" and "Xóa màu" on the open workbook, built so that neither can damage the user's own
 * formatting:
 * - the original look of every coloured cell is recorded in the workbook (custom XML part and document settings,
 *   so Excel 2016 finds a record written by Microsoft 365 and the other way round), with the colour we applied;
 * - a sheet is found again by its key, name or text sketch (sheet-identity.ts), never by its per-session id;
 * - a cell is restored only while it still shows the colour we applied: rows inserted, tables moved and the user's
 *   own recolouring are left alone and counted;
 * - a cell whose look cannot be given back (a gradient) is not coloured at all; a black or Automatic font is not
 *   touched (styles.ts keepsFont);
 * - records that match no sheet are kept.
 * Syncs: colouring 3 (list; read originals, keys, sketches and the record; write), clearing 4 (list; read record
 * and keys; read current looks; write), 2 more per round when the table moved (probe a window, re-read at the moved
 * addresses; at most 3 rounds). Only Excel without cell properties (before ExcelApi 1.9) adds one for cells
 * whose run has mixed looks, and a request over the ~4 MB budget is split.
 */
import { parseArea } from '../core/grid/address';
import { STATUS_COLOURS } from '../core/plan/palette';
import type { FormatChange } from '../core/plan/types';
import { DEFAULT_REQUEST_BUDGET, runOps, type Op } from './budget';
import {
  cellKey, cellsToRuns, EMPTY_RECORD, mergeRecords, parseCellKey, runsToCells, withSheet,
  type AppliedLook, type CellRecords, type ColourRecord, type OriginalStyle, type RecordedCell, type SheetRecord,
} from './colour-record';
import { runBatch, type OfficeEnv } from './env';
import type { Features } from './features';
import { settingsStore, xmlPartStore, type RecordStore } from './record-store';
import type { ClearSummary, ColourSummary } from '../host/workbook-host';
import { bestOffset, movedPairs, probeWindow, sampleOf } from './shift';
import { matchRecords, newSheetKey, SHEET_KEY_PROPERTY, SKETCH_AREA, sketchOf, type LiveSheet } from './sheet-identity';
import {
  CELL_PROPERTIES_TO_READ, columnBlocks, isGradient, keepsFont, maxBlockRows, normalizeColour, runAddress, runsOf, styleFromLoaded, styleOps,
  type CellRef, type LoadedLook, type StyledCell,
} from './styles';

/** What colouring and clearing did: the port's summaries, which the pane reports. */
export type ColourOutcome = ColourSummary;
export type ClearOutcome = ClearSummary;

interface SheetMeta {
  readonly name: string;
  /** Null where the host cannot say (ExcelApi 1.1). */
  readonly protected: boolean | null;
  readonly proxy: Excel.Worksheet;
}

function openStores(env: OfficeEnv, f: Features, context: Excel.RequestContext): RecordStore[] {
  const stores: RecordStore[] = [];
  if (f.customXml) stores.push(xmlPartStore(context));
  if (env.settings) stores.push(settingsStore(env.settings));
  return stores;
}

const writeOpsOf = (stores: readonly RecordStore[], record: ColourRecord | null): Op[] =>
  stores.map(s => s.writeOp(record)).filter((op): op is Op => op !== null);

const storedRecord = (stores: readonly RecordStore[]): ColourRecord | null =>
  stores.reduce<ColourRecord | null>((acc, s) => mergeRecords(acc, s.record()), null);

function queueSheetList(context: Excel.RequestContext, f: Features): Excel.WorksheetCollection {
  const sheets = context.workbook.worksheets;
  sheets.load(f.api12 ? 'items/name,items/protection/protected' : 'items/name');
  return sheets;
}

function sheetMetas(sheets: Excel.WorksheetCollection, f: Features): SheetMeta[] {
  return sheets.items.map(ws => ({ name: ws.name, protected: f.api12 ? ws.protection.protected === true : null, proxy: ws }));
}

/** Our key in a sheet's custom properties (ExcelApi 1.12), read after the next sync. */
function queueKey(ws: Excel.Worksheet, f: Features): () => string | null {
  if (!f.customProperties) return () => null;
  const item = ws.customProperties.getItemOrNullObject(SHEET_KEY_PROPERTY);
  item.load('value');
  return () => (item.isNullObject === true || typeof item.value !== 'string' || item.value === '' ? null : item.value);
}

function queueSketch(ws: Excel.Worksheet): () => number[] | null {
  const range = ws.getRange(SKETCH_AREA);
  range.load('values');
  return () => sketchOf(range.values);
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

/** A pending read of the current look of some cells. */
interface LooksRead {
  /** Looks known after the read sync, and the cells that still need a per-cell read (older Excel, mixed run). */
  collect(): { known: Map<string, LoadedLook>; mixed: CellRef[] };
}

function queueLooks(ws: Excel.Worksheet, cells: readonly CellRef[], f: Features, budget: number): LooksRead {
  if (f.cellProperties) {
    const reads = columnBlocks(cells, maxBlockRows(budget)).map(block => {
      const address = runAddress([{ row: block.top, col: block.col }, { row: block.bottom, col: block.col }]);
      return { block, result: ws.getRange(address).getCellProperties(CELL_PROPERTIES_TO_READ) };
    });
    return {
      collect() {
        const known = new Map<string, LoadedLook>();
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
  // Older Excel: one range per run of adjacent cells; a run whose cells differ reads null and is read cell by cell.
  const reads = runsOf(cells).map(run => {
    const format = ws.getRange(runAddress(run)).format;
    format.fill.load('color');
    format.font.load('color');
    return { run, format };
  });
  return {
    collect() {
      const known = new Map<string, LoadedLook>();
      const mixed: CellRef[] = [];
      for (const { run, format } of reads) {
        if (normalizeColour(format.fill.color) === null || normalizeColour(format.font.color) === null) {
          mixed.push(...run);
          continue;
        }
        const look = styleFromLoaded({ color: format.fill.color }, { color: format.font.color }, false);
        for (const c of run) known.set(cellKey(c.row, c.col), look);
      }
      return { known, mixed };
    },
  };
}

/** Per-cell reads for older Excel, packed within the budget: one more sync, more only past ~4 MB. */
async function readMixedCells(context: Excel.RequestContext, wanted: ReadonlyArray<{ ws: Excel.Worksheet; cells: readonly CellRef[] }>, budget: number): Promise<Map<string, LoadedLook>[]> {
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
  const out = wanted.map(() => new Map<string, LoadedLook>());
  for (const { sheet, cell, format } of loaded) {
    out[sheet]?.set(cellKey(cell.row, cell.col), styleFromLoaded({ color: format.fill.color }, { color: format.font.color }, false));
  }
  return out;
}

/** Reads queued looks, completing mixed runs with per-cell reads. */
async function collectLooks(context: Excel.RequestContext, reads: ReadonlyArray<{ ws: Excel.Worksheet; read: LooksRead }>, budget: number): Promise<Map<string, LoadedLook>[]> {
  const collected = reads.map(r => r.read.collect());
  if (collected.some(c => c.mixed.length > 0)) {
    const extra = await readMixedCells(context, reads.map((r, i) => ({ ws: r.ws, cells: collected[i]?.mixed ?? [] })), budget);
    extra.forEach((looks, i) => { for (const [k, v] of looks) collected[i]?.known.set(k, v); });
  }
  return collected.map(c => c.known);
}

const PALETTE_FILLS = new Set(Object.values(STATUS_COLOURS).map(c => `#${c.fill}`));

/** Whether a cell still shows what we painted (records before version 2 did not say: any status fill counts). */
function stillOurs(look: LoadedLook | undefined, cell: RecordedCell): boolean {
  if (!look) return false;
  if (!cell.applied) return look.fill !== null && PALETTE_FILLS.has(look.fill);
  return look.fill === cell.applied.fill && (cell.applied.font === null || look.font === cell.applied.font);
}

/** Rounds of move detection when clearing: a table split by one insertion needs two. */
const MAX_MOVE_ROUNDS = 3;

/** What a restore writes: the original, with the font only where we changed it. */
function restoreStyle(cell: RecordedCell): OriginalStyle {
  const font = cell.applied && cell.applied.font === null ? null : cell.original.font;
  return { ...cell.original, font };
}

/**
 * The original of a cell coloured before: the first original where the cell still shows what we applied; where the
 * user changed only the fill (or only the font), the new part is theirs and the part still ours keeps its original.
 */
function originalAfter(look: LoadedLook, earlier: RecordedCell): OriginalStyle {
  if (stillOurs(look, earlier)) return earlier.original;
  const applied = earlier.applied;
  if (!applied) return look.style;
  const fillOurs = look.fill === applied.fill;
  const fontOurs = applied.font !== null && look.font === applied.font;
  const { fill, pattern, patternColor, tint } = fillOurs ? earlier.original : look.style;
  const { font, fontTint } = fontOurs ? earlier.original : look.style;
  return {
    fill, font,
    ...(pattern !== undefined ? { pattern } : {}), ...(patternColor !== undefined ? { patternColor } : {}),
    ...(tint !== undefined ? { tint } : {}), ...(fontTint !== undefined ? { fontTint } : {}),
  };
}

/**
 * Runs each sheet's writes. Where protection can be read (ExcelApi 1.2) protected sheets were left out already and
 * everything goes in one request; on ExcelApi 1.1 each sheet gets its own sync, so a sheet Excel refuses is
 * reported instead of failing the rest (one sync per coloured sheet, never per row).
 */
async function writeSheets(context: Excel.RequestContext, f: Features, common: Op[], perSheet: ReadonlyArray<{ name: string; ops: Op[] }>, budget: number): Promise<string[]> {
  if (f.api12) {
    await runOps(context, [...common, ...perSheet.flatMap(s => s.ops)], budget);
    return [];
  }
  const refused: string[] = [];
  for (const s of perSheet) {
    try {
      await runOps(context, s.ops, budget);
    } catch (e) {
      if ((e as { code?: unknown } | null)?.code === 'InvalidOperationInCellEditMode') throw e;
      refused.push(s.name);
    }
  }
  await runOps(context, common, budget);
  return refused;
}

export async function applyColourChanges(env: OfficeEnv, f: Features, changes: readonly FormatChange[]): Promise<ColourOutcome> {
  const budget = env.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET;
  const wanted = targetsBySheet(changes);
  if (wanted.size === 0) return { coloured: 0, skippedSheets: [], skippedCells: 0 };
  return runBatch(env, async context => {
    const stores = openStores(env, f, context);
    const list = queueSheetList(context, f);
    for (const s of stores) s.queueLocate();
    await context.sync();

    const metas = new Map(sheetMetas(list, f).map(m => [m.name, m]));
    const skippedSheets: string[] = [];
    const work: { meta: SheetMeta; targets: Target[]; read: LooksRead; key: () => string | null; sketch: () => number[] | null }[] = [];
    for (const [name, targets] of wanted) {
      const meta = metas.get(name);
      if (!meta || meta.protected === true) {
        skippedSheets.push(name);
        continue;
      }
      work.push({ meta, targets, read: queueLooks(meta.proxy, targets, f, budget), key: queueKey(meta.proxy, f), sketch: queueSketch(meta.proxy) });
    }
    for (const s of stores) s.queueRead();
    if (work.length === 0) return { coloured: 0, skippedSheets, skippedCells: 0 };
    await context.sync();

    const before: ColourRecord = storedRecord(stores) ?? EMPTY_RECORD;
    let record = before;
    const looks = await collectLooks(context, work.map(w => ({ ws: w.meta.proxy, read: w.read })), budget);
    const perSheet: { name: string; ops: Op[]; cells: number }[] = [];
    let skippedCells = 0;
    work.forEach(({ meta, targets, key, sketch }, i) => {
      const liveKey = key();
      const live: LiveSheet = { name: meta.name, key: liveKey, sketch: sketch() };
      // By key or name; by sketch only a record whose sheet name is gone (renamed), never another listed sheet's.
      const candidates = record.sheets.map((rec, r) => ({ rec, r }))
        .filter(x => x.rec.name === meta.name || (x.rec.key !== null && x.rec.key === liveKey) || !metas.has(x.rec.name));
      const found = matchRecords(candidates.map(x => x.rec), [live]).match.indexOf(0);
      const index = found >= 0 ? (candidates[found] as { r: number }).r : -1;
      const previous = index >= 0 ? record.sheets[index] : undefined;
      const sheetKey = liveKey ?? previous?.key ?? (f.customProperties ? newSheetKey() : null);
      const cells: CellRecords = previous ? runsToCells(previous.runs) : new Map();
      const paint: StyledCell[] = [];
      const current = looks[i] ?? new Map<string, LoadedLook>();
      for (const t of targets) {
        const k = cellKey(t.row, t.col);
        const look = current.get(k);
        if (!look) continue;
        const earlier = cells.get(k);
        // Coloured before and still showing it: the first original stays. Otherwise what the cell shows now is its original.
        const original = earlier ? originalAfter(look, earlier) : look.style;
        if (isGradient(original)) {
          skippedCells++;
          continue;
        }
        const applied: AppliedLook = { fill: t.fill, font: keepsFont(original) ? null : t.font };
        cells.set(k, { original, applied });
        paint.push({ row: t.row, col: t.col, style: { fill: applied.fill, font: applied.font } });
      }
      const ops = styleOps(() => meta.proxy, paint, f, budget);
      if (f.customProperties && liveKey === null && sheetKey !== null) {
        ops.unshift({ bytes: 400, queue: () => { meta.proxy.customProperties.add(SHEET_KEY_PROPERTY, sheetKey); } });
      }
      const updated: SheetRecord = { key: sheetKey, name: meta.name, sketch: live.sketch ?? previous?.sketch ?? null, runs: cellsToRuns(cells) };
      record = withSheet(record, index, updated);
      perSheet.push({ name: meta.name, ops, cells: paint.length });
    });
    // The record is saved before the colours (settings) or in the same request (custom XML part): colours never
    // exist without their originals.
    for (const s of stores) await s.save(record);
    const refused = await writeSheets(context, f, writeOpsOf(stores, record), perSheet, budget);
    if (refused.length > 0) {
      // Excel refused these sheets (protected, on an Excel that cannot say so beforehand): their record goes back.
      for (const name of refused) {
        const i = record.sheets.findIndex(s => s.name === name);
        const old = before.sheets.find(s => s.name === name);
        record = old ? withSheet(record, i, old) : withSheet(record, i, { key: null, name, sketch: null, runs: [] });
      }
      for (const s of stores) await s.save(record);
    }
    const coloured = perSheet.filter(s => !refused.includes(s.name)).reduce((n, s) => n + s.cells, 0);
    return { coloured, skippedSheets: [...skippedSheets, ...refused], skippedCells };
  });
}

export async function clearColourChanges(env: OfficeEnv, f: Features): Promise<ClearOutcome> {
  const budget = env.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET;
  const none: ClearOutcome = { restored: 0, leftAlone: 0, skippedSheets: [], unmatched: [] };
  return runBatch(env, async context => {
    const stores = openStores(env, f, context);
    const list = queueSheetList(context, f);
    for (const s of stores) s.queueLocate();
    await context.sync();

    const metas = sheetMetas(list, f);
    const keys = metas.map(m => queueKey(m.proxy, f));
    const reading = stores.map(s => s.queueRead()).some(Boolean);
    if (reading || f.customProperties) await context.sync();
    const record = storedRecord(stores);
    if (!record || record.sheets.length === 0) return none;

    let live: LiveSheet[] = metas.map((m, i) => ({ name: m.name, key: keys[i]?.() ?? null, sketch: null }));
    const first = matchRecords(record.sheets, live);
    let match = first.match;
    if (first.needSketches) {
      // Rare: a sheet renamed on an Excel without custom properties. One more read, of a small fixed area per sheet.
      const claimed = new Set(match);
      const sketches = metas.map((m, i) => (claimed.has(i) ? null : queueSketch(m.proxy)));
      await context.sync();
      live = live.map((s, i) => ({ ...s, sketch: sketches[i]?.() ?? null }));
      match = matchRecords(record.sheets, live).match;
    }

    const kept: SheetRecord[] = [];
    const skippedSheets: string[] = [];
    const unmatched: string[] = [];
    const todo: { rec: SheetRecord; meta: SheetMeta; cells: CellRecords; read: LooksRead }[] = [];
    record.sheets.forEach((rec, r) => {
      const meta = metas[match[r] ?? -1];
      if (!meta) {
        unmatched.push(rec.name);
        kept.push(rec); // the sheet may come back (undo, another copy): never delete what we cannot restore yet
        return;
      }
      if (meta.protected === true) {
        skippedSheets.push(meta.name);
        kept.push(rec);
        return;
      }
      const cells = runsToCells(rec.runs);
      const refs = [...cells.keys()].map(parseCellKey);
      todo.push({ rec, meta, cells, read: queueLooks(meta.proxy, refs, f, budget) });
    });
    if (todo.length > 0) await context.sync();
    const looks = await collectLooks(context, todo.map(t => ({ ws: t.meta.proxy, read: t.read })), budget);

    // Per sheet: the recorded cells confirmed at an address (still showing our colour there), and those pending.
    const state = todo.map((t, i) => {
      const current = looks[i] ?? new Map<string, LoadedLook>();
      const confirmed: StyledCell[] = [];
      const pending: CellRecords = new Map();
      for (const [k, cell] of t.cells) {
        if (stillOurs(current.get(k), cell)) confirmed.push({ ...parseCellKey(k), style: restoreStyle(cell) });
        else pending.set(k, cell);
      }
      return { confirmed, pending, taken: new Set(confirmed.map(c => cellKey(c.row, c.col))) };
    });
    // Cells that no longer show our colour may have moved (rows or columns inserted or deleted, above or inside the
    // table): a window around a sample of them finds the move, the looks at the moved addresses confirm it. A few
    // rounds follow a table split by an insertion inside it; each round costs 2 syncs, never one per row.
    for (let round = 0; round < MAX_MOVE_ROUNDS; round++) {
      const probes = state.map((st, i) => {
        if (st.pending.size === 0) return null;
        const sample = sampleOf(st.pending);
        return { i, sample, read: queueLooks((todo[i] as (typeof todo)[number]).meta.proxy, probeWindow(sample), f, budget) };
      }).filter((p): p is NonNullable<typeof p> => p !== null);
      if (probes.length === 0) break;
      await context.sync();
      const windows = await collectLooks(context, probes.map(p => ({ ws: (todo[p.i] as (typeof todo)[number]).meta.proxy, read: p.read })), budget);
      const rereads: { i: number; pairs: ReturnType<typeof movedPairs>; read: LooksRead }[] = [];
      probes.forEach((p, j) => {
        const st = state[p.i] as (typeof state)[number];
        const by = bestOffset(st.pending, p.sample, windows[j] ?? new Map(), stillOurs);
        if (by.rows === 0 && by.cols === 0) return;
        const pairs = movedPairs(st.pending, by);
        rereads.push({ i: p.i, pairs, read: queueLooks((todo[p.i] as (typeof todo)[number]).meta.proxy, pairs.map(x => parseCellKey(x.to)), f, budget) });
      });
      if (rereads.length === 0) break;
      await context.sync();
      const again = await collectLooks(context, rereads.map(r => ({ ws: (todo[r.i] as (typeof todo)[number]).meta.proxy, read: r.read })), budget);
      rereads.forEach((r, j) => {
        const st = state[r.i] as (typeof state)[number];
        const current = again[j] ?? new Map<string, LoadedLook>();
        const pending: CellRecords = new Map(st.pending);
        for (const { from, to, cell } of r.pairs) {
          if (!stillOurs(current.get(to), cell) || st.taken.has(to)) continue;
          st.confirmed.push({ ...parseCellKey(to), style: restoreStyle(cell) });
          st.taken.add(to);
          pending.delete(from);
        }
        st.pending = pending;
      });
    }

    let restored = 0;
    let leftAlone = 0;
    const perSheet: { name: string; ops: Op[]; cells: number; rec: SheetRecord }[] = [];
    todo.forEach(({ rec, meta }, i) => {
      const st = state[i] as (typeof state)[number];
      leftAlone += st.pending.size;
      perSheet.push({ name: meta.name, ops: styleOps(() => meta.proxy, st.confirmed, f, budget), cells: st.confirmed.length, rec });
    });
    const finish = (keptSheets: SheetRecord[]): ColourRecord | null => (keptSheets.length > 0 ? { version: 2, sheets: keptSheets } : null);
    const remaining = finish(kept);
    // The record is removed after the restore (custom XML part: same request, last), so a restore cut short can run again.
    const refused = await writeSheets(context, f, writeOpsOf(stores, remaining), perSheet, budget);
    const after = refused.length > 0 ? finish([...kept, ...perSheet.filter(s => refused.includes(s.name)).map(s => s.rec)]) : remaining;
    if (refused.length > 0) await runOps(context, writeOpsOf(stores, after), budget);
    for (const s of stores) await s.save(after);
    for (const s of perSheet) if (!refused.includes(s.name)) restored += s.cells;
    return { restored, leftAlone, skippedSheets: [...skippedSheets, ...refused], unmatched };
  });
}
