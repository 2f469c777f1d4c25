import type { Area, Cell, SheetGrid } from '../../core/grid/types';
import { parseArea, parseCellRef } from './address';
import { buildCell, type CellContext, type RawCell } from './cell';
import type { ReadBudget, ReadLimits, SheetTruncation } from './limits';
import { applyMerges } from './merges';
import { shiftFormula } from './shift-formula';
import { ownString, TextCollector } from './strings';
import type { XfInfo } from './styles';
import { parsePart, STOP, type XmlHandler } from './xml';
import type { ZipEntry, Archive } from './zip';

export interface SheetContext extends CellContext {
  readonly xfs: readonly XfInfo[];
  readonly limits: ReadLimits;
  /** Rows handed over as they are read instead of kept (the grid then has none); merges are not applied to them. */
  readonly onRow?: RowVisitor;
}

/** One row of a sheet, as soon as it is complete: its number (from 1) and its cells (index 0 is column A). */
export type RowVisitor = (row: number, cells: readonly (Cell | undefined)[]) => void;

export interface SheetRead {
  readonly grid: SheetGrid;
  readonly truncation: SheetTruncation | null;
}

const NONE = 0;
const IN_V = 1;
const IN_F = 2;

/** Parses one worksheet part into a grid, keeping cells inside the limits' window. */
export function readSheet(zip: Archive, e: ZipEntry, budget: ReadBudget, name: string, hidden: boolean, ctx: SheetContext): SheetRead {
  const { maxRows, maxCols } = ctx.limits;
  const rows: ((Cell | undefined)[] | undefined)[] = [];
  const mergeRefs: string[] = [];
  const masters = new Map<string, { text: string; row: number; col: number }>();
  let isProtected = false;
  let inSheetData = false;
  let dataDone = false;
  // Position: the row and column of the current cell, also for writers that omit r="…".
  let rowNo = 0;
  let colNo = 0;
  // The cell being parsed.
  let inCell = false;
  let target = NONE;
  let vText = '';
  let fText = '';
  let fType: string | undefined;
  let fSi: string | undefined;
  let inInline = false;
  const inline = new TextCollector();
  const raw: RawCell = { t: undefined, v: undefined, inline: undefined, formula: undefined, hasF: false };
  let style = 0;
  // Values beyond the window.
  let lastRow = 0;
  let lastCol = 0;
  let beyond = false;
  let skipRest = false;
  /** The parse budget ran out inside this sheet's data: rows after the last one read are unknown. */
  let cutShort = false;
  let lastKeptRow = 0;
  let dimension: Area | null = null;

  // Streaming: the row being read, handed over when a cell of another row arrives and at the end.
  let streamed: (Cell | undefined)[] = [];
  let streamedNo = 0;
  const handOver = (): void => {
    if (streamed.length > 0 && ctx.onRow) ctx.onRow(streamedNo, streamed);
    streamed = [];
  };

  const formulaOf = (): string | undefined => {
    if (!raw.hasF) return undefined;
    if (fType === 'shared' && fSi !== undefined) {
      if (fText !== '') { masters.set(fSi, { text: fText, row: rowNo, col: colNo }); return fText; }
      const m = masters.get(fSi);
      return m ? shiftFormula(m.text, rowNo - m.row, colNo - m.col) : undefined;
    }
    return fText !== '' ? fText : undefined;
  };

  const endCell = (): void => {
    inCell = false;
    const hasValue = raw.hasF || !!raw.v || !!raw.inline;
    if (!hasValue) return;
    if (rowNo > maxRows || colNo > maxCols) {
      beyond = true;
      if (rowNo > lastRow) lastRow = rowNo;
      if (colNo > lastCol) lastCol = colNo;
      if (rowNo > maxRows) skipRest = true;
      // A shared formula's master may sit right of the window while cells it fills are inside: keep its text.
      if (fType === 'shared' && fSi !== undefined && fText !== '') masters.set(fSi, { text: fText, row: rowNo, col: colNo });
      return;
    }
    raw.formula = formulaOf();
    const cell = buildCell(raw, ctx.xfs[style], ctx);
    if (!cell) return;
    if (ctx.onRow) {
      if (rowNo !== streamedNo) { handOver(); streamedNo = rowNo; }
      streamed[colNo - 1] = cell;
    } else {
      const row = rows[rowNo - 1] ?? (rows[rowNo - 1] = []);
      row[colNo - 1] = cell;
    }
    lastKeptRow = rowNo;
    if (rowNo > lastRow) lastRow = rowNo;
    if (colNo > lastCol) lastCol = colNo;
  };

  const h: XmlHandler = {
    open(tag, a) {
      if (inInline) { inline.open(tag); return; }
      switch (tag) {
        case 'c': {
          const ref = a['r'] === undefined ? null : parseCellRef(a['r']);
          if (ref) { rowNo = ref.row; colNo = ref.col; } else { rowNo = Math.max(rowNo, 1); colNo++; }
          inCell = true;
          raw.t = a['t'];
          raw.v = undefined;
          raw.inline = undefined;
          raw.hasF = false;
          fText = '';
          const s = a['s'];
          style = s === undefined ? 0 : parseInt(s, 10) || 0;
          break;
        }
        case 'row': {
          const r = a['r'] === undefined ? NaN : parseInt(a['r'], 10);
          rowNo = Number.isFinite(r) && r > 0 ? r : rowNo + 1;
          colNo = 0;
          break;
        }
        case 'v': if (inCell) { target = IN_V; vText = ''; } break;
        case 'f':
          if (inCell) { target = IN_F; raw.hasF = true; fText = ''; fType = a['t']; fSi = a['si']; }
          break;
        case 'is': if (inCell) { inInline = true; inline.reset(); } break;
        case 'sheetData': inSheetData = true; break;
        case 'dimension': dimension = a['ref'] === undefined ? null : parseArea(a['ref']); break;
        case 'mergeCell': if (a['ref'] !== undefined) mergeRefs.push(a['ref']); break;
        case 'sheetProtection': isProtected = a['sheet'] === '1' || a['sheet'] === 'true'; break;
      }
    },
    close(tag) {
      if (inInline) {
        if (tag === 'is') { inInline = false; raw.inline = inline.value; } else inline.close(tag);
        return;
      }
      switch (tag) {
        // Texts the grid keeps are owned copies (see ownString); a number's or a shared string's index is not kept.
        case 'v': if (target === IN_V) { raw.v = raw.t === undefined || raw.t === 'n' || raw.t === 's' ? vText : ownString(vText); target = NONE; } break;
        case 'f': if (target === IN_F) { fText = ownString(fText); target = NONE; } break;
        case 'c': if (inCell) endCell(); break;
        case 'sheetData': inSheetData = false; dataDone = true; break;
      }
    },
    text(t) {
      if (target === IN_V) vText += t;
      else if (target === IN_F) fText += t;
      else if (inInline) inline.text(t);
    },
    skipTo(state) {
      if (state !== 'ok' && inSheetData && !skipRest) { skipRest = true; cutShort = true; beyond = true; }
      if (state === 'spent' && !inSheetData) {
        // What follows the data (merges, protection) is read while the budget allows; past that the part ends here.
        if (!dataDone) { cutShort = true; beyond = true; }
        return STOP;
      }
      return skipRest && inSheetData ? 'sheetData' : null;
    },
  };
  parsePart(zip, e, budget, h);
  handOver();

  const window: Area = { top: 1, left: 1, bottom: maxRows, right: maxCols };
  const merges = mergeRefs.map(parseArea).filter((m): m is Area => m !== null);
  const kept = applyMerges(rows, merges, window);
  let rowCount = 0;
  let colCount = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    let last = row.length;
    while (last > 0 && row[last - 1] === undefined) last--;
    if (last === 0) { rows[r] = undefined; continue; }
    row.length = last;
    rowCount = r + 1;
    if (last > colCount) colCount = last;
  }
  rows.length = rowCount;
  const grid: SheetGrid = {
    name, rowCount, colCount, rows, merges: kept,
    ...(hidden ? { hidden: true } : {}),
    ...(isProtected ? { protected: true } : {}),
  };
  // After skipping, the declared used range is the best guess of how far the values went.
  const dim = skipRest ? dimension as Area | null : null;
  const truncation = beyond ? {
    sheet: name, keptRows: cutShort ? Math.min(lastKeptRow, maxRows) : maxRows, keptCols: maxCols,
    lastRow: Math.max(lastRow, dim?.bottom ?? 0), lastCol: Math.max(lastCol, dim?.right ?? 0),
  } : null;
  return { grid, truncation };
}
