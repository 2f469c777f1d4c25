/**
 * Reading and writing cell fills and font colours in bulk. With ExcelApi 1.9 a whole column block is one
 * getCellProperties / setCellProperties call; before that, one range per run of equal cells.
 */
import { areaAddress } from '../core/grid/address';
import { ACTION_BYTES, jsonSize, type Op } from './budget';
import type { OriginalStyle } from './colour-record';
import type { Features } from './features';

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

export interface StyledCell extends CellRef {
  readonly style: OriginalStyle;
}

/** Rows of one column, close enough to be read or written as one rectangle. */
export interface ColumnBlock<T extends CellRef> {
  readonly col: number;
  readonly top: number;
  readonly bottom: number;
  readonly cells: readonly T[];
}

/** Rows of untouched cells a block may span: an empty `{}` costs 3 bytes, a new block ~250. */
const MAX_GAP = 50;

export function columnBlocks<T extends CellRef>(cells: readonly T[], maxRows: number): ColumnBlock<T>[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const blocks: ColumnBlock<T>[] = [];
  let cur: { col: number; top: number; bottom: number; cells: T[] } | null = null;
  for (const c of sorted) {
    if (cur && cur.col === c.col && c.row === cur.bottom) continue; // duplicate cell: the first wins
    if (cur && cur.col === c.col && c.row - cur.bottom <= MAX_GAP && c.row - cur.top < maxRows) {
      cur.bottom = c.row;
      cur.cells.push(c);
      continue;
    }
    if (cur) blocks.push(cur);
    cur = { col: c.col, top: c.row, bottom: c.row, cells: [c] };
  }
  if (cur) blocks.push(cur);
  return blocks;
}

/** Maximal runs of consecutive rows in one column (optionally also of equal style). */
export function runsOf<T extends CellRef>(cells: readonly T[], same: (a: T, b: T) => boolean = () => true): T[][] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: T[][] = [];
  let cur: T[] = [];
  for (const c of sorted) {
    const last = cur[cur.length - 1];
    if (last && last.col === c.col && last.row + 1 === c.row && same(last, c)) {
      cur.push(c);
      continue;
    }
    if (last && last.col === c.col && last.row === c.row) continue;
    if (cur.length > 0) runs.push(cur);
    cur = [c];
  }
  if (cur.length > 0) runs.push(cur);
  return runs;
}

export const runAddress = (run: readonly CellRef[]): string => {
  const first = run[0] as CellRef;
  const last = run[run.length - 1] as CellRef;
  return areaAddress({ top: first.row, left: first.col, bottom: last.row, right: last.col });
};

const sameStyle = (a: StyledCell, b: StyledCell): boolean =>
  a.style.fill === b.style.fill && a.style.font === b.style.font && a.style.pattern === b.style.pattern &&
  a.style.patternColor === b.style.patternColor && a.style.tint === b.style.tint && a.style.fontTint === b.style.fontTint;

/** "C6EFCE" / "#c6efce" → "#C6EFCE"; null for anything that is not a hex colour. */
export function normalizeColour(c: unknown): string | null {
  if (typeof c !== 'string') return null;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(c.trim());
  return m && m[1] ? `#${m[1].toUpperCase()}` : null;
}

const tintOf = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v !== 0 ? v : undefined);

/** Fill patterns that can be read but not written back (FillPattern in the API reference). */
const GRADIENTS = new Set(['LinearGradient', 'RectangularGradient']);

export function isGradient(style: OriginalStyle): boolean {
  return style.pattern !== undefined && GRADIENTS.has(style.pattern);
}

/** A cell's look as read: the style to restore later, and the raw colours to compare with what we applied. */
export interface LoadedLook {
  readonly style: OriginalStyle;
  /** The fill colour Excel reported (null for no fill where Excel says so), and the font colour. */
  readonly fill: string | null;
  readonly font: string | null;
}

/**
 * What a loaded fill says about the cell. No fill and white both read as #FFFFFF; with ExcelApi 1.9 tintAndShade
 * tells them apart, being null for no fill (office-js #4900, RangeFill.tintAndShade). Without it (older Excel) a
 * white fill reads as no fill, by far the likelier original.
 */
export function styleFromLoaded(
  fill: { color?: unknown; pattern?: unknown; patternColor?: unknown; tintAndShade?: unknown } | undefined,
  font: { color?: unknown; tintAndShade?: unknown } | undefined,
  withTint: boolean,
): LoadedLook {
  const colour = normalizeColour(fill?.color);
  const pattern = typeof fill?.pattern === 'string' ? fill.pattern : null;
  const fontColour = normalizeColour(font?.color);
  let fillOut: string | null = colour;
  let extra: { pattern?: string; patternColor?: string } = {};
  if (withTint) {
    if (fill?.tintAndShade === null || pattern === 'None') fillOut = null;
    else if (pattern !== null && pattern !== 'Solid') {
      const pc = normalizeColour(fill?.patternColor);
      extra = pc ? { pattern, patternColor: pc } : { pattern };
    }
  } else if (colour === '#FFFFFF') {
    fillOut = null;
  }
  // Theme colours come back as their base colour plus a tint; both are needed to restore them.
  const tint = fillOut !== null && withTint ? tintOf(fill?.tintAndShade) : undefined;
  const fontTint = withTint ? tintOf(font?.tintAndShade) : undefined;
  const style: OriginalStyle = { fill: fillOut, font: fontColour, ...extra, ...(tint !== undefined ? { tint } : {}), ...(fontTint !== undefined ? { fontTint } : {}) };
  return { style, fill: withTint && fillOut === null ? null : colour, font: fontColour };
}

/**
 * A black font is left alone when colouring: Excel reports an Automatic font as #000000 and the API cannot set
 * Automatic back, so not touching it is the only way to give it back unchanged. Black text stays readable on
 * every status fill.
 */
export function keepsFont(original: OriginalStyle): boolean {
  return original.font === null || (original.font === '#000000' && original.fontTint === undefined);
}

export const CELL_PROPERTIES_TO_READ: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true }, font: { color: true, tintAndShade: true } },
};

/** Rows per block so one setCellProperties stays far below the request budget. */
export function maxBlockRows(budget: number): number {
  return Math.max(1, Math.floor(budget / 4 / 120));
}

type SheetGetter = () => Excel.Worksheet;

function settable(style: OriginalStyle, withFill: boolean): Excel.SettableCellProperties {
  const fill: Excel.CellPropertiesFill = {};
  if (withFill && style.fill !== null) {
    fill.color = style.fill;
    if (style.pattern) {
      fill.pattern = style.pattern as Excel.FillPattern;
      if (style.patternColor) fill.patternColor = style.patternColor;
    } else {
      fill.pattern = 'Solid';
    }
    // Always explicit: a tint left over from a theme colour would otherwise lighten the colour written.
    fill.tintAndShade = style.tint ?? 0;
  }
  const format: Excel.CellPropertiesFormat = {};
  if (Object.keys(fill).length > 0) format.fill = fill;
  if (style.font !== null) format.font = { color: style.font, tintAndShade: style.fontTint ?? 0 };
  // Only the look is set; a cell without anything to set gets {} and stays as it is.
  return Object.keys(format).length > 0 ? { format } : {};
}

/**
 * Ops that give each cell its style: "no fill" is a range-level fill.clear(), colours go through
 * setCellProperties per column block (1.9) or per run of equal cells (older Excel).
 */
export function styleOps(sheet: SheetGetter, cells: readonly StyledCell[], f: Features, budget: number): Op[] {
  const ops: Op[] = [];
  const noFill = cells.filter(c => c.style.fill === null);
  for (const run of runsOf(noFill)) {
    const address = runAddress(run);
    ops.push({ bytes: ACTION_BYTES * 2 + address.length, queue: () => sheet().getRange(address).format.fill.clear() });
  }
  if (f.cellProperties) {
    for (const block of columnBlocks(cells, maxBlockRows(budget))) {
      const byRow = new Map(block.cells.map(c => [c.row, c]));
      const data: Excel.SettableCellProperties[][] = [];
      for (let r = block.top; r <= block.bottom; r++) {
        const c = byRow.get(r);
        data.push([c ? settable(c.style, true) : {}]);
      }
      const address = areaAddress({ top: block.top, left: block.col, bottom: block.bottom, right: block.col });
      ops.push({ bytes: ACTION_BYTES * 2 + jsonSize(data), queue: () => sheet().getRange(address).setCellProperties(data) });
    }
    return ops;
  }
  for (const run of runsOf(cells, sameStyle)) {
    const style = (run[0] as StyledCell).style;
    const address = runAddress(run);
    ops.push({
      bytes: ACTION_BYTES * 3 + address.length + 20,
      queue: () => {
        const format = sheet().getRange(address).format;
        if (style.fill !== null) format.fill.color = style.fill;
        if (style.font !== null) format.font.color = style.font;
      },
    });
  }
  return ops;
}
