/**
 * The record of the fills and font colours cells had before the add-in coloured them, kept inside the workbook
 * so "Xóa màu" restores them even after the file is saved, closed and reopened. Pure: (de)serialisation,
 * run-length compression per column, and merging with an earlier record.
 */
import { areaAddress, parseArea } from '../core/grid/address';

/** Namespace of our custom XML part. */
export const RECORD_NAMESPACE = 'urn:phuluc57:colour-originals:1';
/** Settings key used where custom XML parts are unavailable (ExcelApi < 1.5). */
export const RECORD_SETTING = 'phuluc57.colourOriginals';

/** A cell's look before colouring. `fill: null` means no fill at all, which differs from a white fill. */
export interface OriginalStyle {
  /** "#RRGGBB", or null for no fill. */
  readonly fill: string | null;
  /** Fill pattern when neither none nor solid (e.g. "Gray25"), with its colour. */
  readonly pattern?: string;
  readonly patternColor?: string;
  /** "#RRGGBB", null when Excel did not say. */
  readonly font: string | null;
  /** Theme tints (tintAndShade, -1…1) of the fill and the font, kept when not 0. */
  readonly tint?: number;
  readonly fontTint?: number;
}

/** A vertical run of cells in one column that shared the same original style. */
export interface StyleRun {
  readonly address: string;
  readonly style: OriginalStyle;
}

export interface SheetRecord {
  /** Worksheet id, so a renamed sheet is still found. */
  readonly id: string | null;
  readonly name: string;
  readonly runs: readonly StyleRun[];
}

export interface ColourRecord {
  readonly version: 1;
  readonly sheets: readonly SheetRecord[];
}

export const EMPTY_RECORD: ColourRecord = { version: 1, sheets: [] };

/** "row,col" → style, for one sheet. */
export type CellStyles = Map<string, OriginalStyle>;

export const cellKey = (row: number, col: number): string => `${row},${col}`;

function sameStyle(a: OriginalStyle, b: OriginalStyle): boolean {
  return a.fill === b.fill && a.font === b.font && a.pattern === b.pattern && a.patternColor === b.patternColor && a.tint === b.tint && a.fontTint === b.fontTint;
}

/** Compresses cells into vertical runs of equal style (originals are usually uniform: a few runs per table). */
export function cellsToRuns(cells: CellStyles): StyleRun[] {
  const list = [...cells].map(([k, style]) => {
    const [r, c] = k.split(',').map(Number);
    return { row: r ?? 0, col: c ?? 0, style };
  }).filter(x => x.row > 0 && x.col > 0);
  list.sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: StyleRun[] = [];
  let cur: { col: number; top: number; bottom: number; style: OriginalStyle } | null = null;
  const flush = (): void => {
    if (cur) runs.push({ address: areaAddress({ top: cur.top, left: cur.col, bottom: cur.bottom, right: cur.col }), style: cur.style });
  };
  for (const x of list) {
    if (cur && cur.col === x.col && cur.bottom + 1 === x.row && sameStyle(cur.style, x.style)) {
      cur.bottom = x.row;
      continue;
    }
    flush();
    cur = { col: x.col, top: x.row, bottom: x.row, style: x.style };
  }
  flush();
  return runs;
}

export function runsToCells(runs: readonly StyleRun[]): CellStyles {
  const out: CellStyles = new Map();
  for (const run of runs) {
    const a = parseArea(run.address);
    if (!a) continue;
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.set(cellKey(r, c), run.style);
  }
  return out;
}

/**
 * Adds newly coloured cells to a record. A cell already recorded keeps its first original: colouring twice
 * must not make our own colour the "original".
 */
export function addOriginals(record: ColourRecord, sheet: { id: string | null; name: string }, fresh: CellStyles): ColourRecord {
  const index = record.sheets.findIndex(s => (sheet.id !== null && s.id === sheet.id) || s.name === sheet.name);
  const existing = index >= 0 ? runsToCells((record.sheets[index] as SheetRecord).runs) : new Map<string, OriginalStyle>();
  for (const [k, style] of fresh) if (!existing.has(k)) existing.set(k, style);
  const updated: SheetRecord = { id: sheet.id, name: sheet.name, runs: cellsToRuns(existing) };
  const sheets = [...record.sheets];
  if (index >= 0) sheets[index] = updated;
  else sheets.push(updated);
  return { version: 1, sheets };
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** [address, fill, font, pattern, patternColor, tint, fontTint], trailing empty entries left out. */
type RunTuple = [string, string | null, string | null, ...(string | number | null)[]];

export function recordToJson(record: ColourRecord): string {
  return JSON.stringify({
    version: 1,
    sheets: record.sheets.map(s => ({
      id: s.id,
      name: s.name,
      runs: s.runs.map((r): RunTuple => {
        const t: RunTuple = [r.address, r.style.fill, r.style.font, r.style.pattern ?? null, r.style.patternColor ?? null, r.style.tint ?? null, r.style.fontTint ?? null];
        while (t.length > 3 && t[t.length - 1] === null) t.pop();
        return t;
      }),
    })),
  });
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const tintOf = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v !== 0 && v >= -1 && v <= 1 ? v : null);

/** Parses what recordToJson wrote; null for anything else (a damaged or foreign record is ignored, never thrown). */
export function recordFromJson(text: string): ColourRecord | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object' || (data as { version?: unknown }).version !== 1) return null;
  const sheetsRaw = (data as { sheets?: unknown }).sheets;
  if (!Array.isArray(sheetsRaw)) return null;
  const sheets: SheetRecord[] = [];
  for (const s of sheetsRaw) {
    if (!s || typeof s !== 'object') continue;
    const name = str((s as { name?: unknown }).name);
    const runsRaw = (s as { runs?: unknown }).runs;
    if (name === null || !Array.isArray(runsRaw)) continue;
    const runs: StyleRun[] = [];
    for (const t of runsRaw) {
      if (!Array.isArray(t)) continue;
      const address = str(t[0]);
      if (address === null || !parseArea(address)) continue;
      const pattern = str(t[3]);
      const patternColor = str(t[4]);
      const tint = tintOf(t[5]);
      const fontTint = tintOf(t[6]);
      runs.push({
        address,
        style: {
          fill: str(t[1]),
          font: str(t[2]),
          ...(pattern !== null ? { pattern } : {}),
          ...(pattern !== null && patternColor ? { patternColor } : {}),
          ...(tint !== null ? { tint } : {}),
          ...(fontTint !== null ? { fontTint } : {}),
        },
      });
    }
    sheets.push({ id: str((s as { id?: unknown }).id), name, runs });
  }
  return { version: 1, sheets };
}

export function recordToXml(record: ColourRecord): string {
  return `<?xml version="1.0" encoding="UTF-8"?><colourOriginals xmlns="${RECORD_NAMESPACE}">${escapeXml(recordToJson(record))}</colourOriginals>`;
}

export function recordFromXml(xml: string): ColourRecord | null {
  const m = /<colourOriginals\b[^>]*>([\s\S]*)<\/colourOriginals>/.exec(xml);
  if (!m || m[1] === undefined) return null;
  return recordFromJson(unescapeXml(m[1]));
}

export function recordIsEmpty(record: ColourRecord): boolean {
  return record.sheets.every(s => s.runs.length === 0);
}
