/**
 * The record of what cells looked like before the add-in coloured them, and what it painted, kept inside the
 * workbook so "Xóa màu" restores them even after the file is saved, closed and reopened. Pure: (de)serialisation,
 * run-length compression per column, and merging.
 *
 * A sheet is found again by a key kept in its worksheet custom properties (ExcelApi 1.12; worksheet ids are new in
 * every session, office-js-docs #297), else by its name, else by a sketch of its text (sheet-identity.ts).
 * Each cell carries the colour we applied, so a cell is restored only while it still shows it.
 */
import { areaAddress, parseArea } from '../core/grid/address';

/** Namespace of our custom XML part. */
export const RECORD_NAMESPACE = 'urn:phuluc57:colour-originals:1';
/** Settings key, written on every host so an Excel without custom XML parts (2016) finds the record too. */
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

/** What the add-in painted: a fill, and a font colour unless it left the font alone (null). */
export interface AppliedLook {
  readonly fill: string;
  readonly font: string | null;
}

export interface RecordedCell {
  readonly original: OriginalStyle;
  /** Absent in records written before version 2: then any status colour counts as ours. */
  readonly applied?: AppliedLook;
}

/** A vertical run of cells in one column that shared the same original and applied look. */
export interface StyleRun {
  readonly address: string;
  readonly style: OriginalStyle;
  readonly applied?: AppliedLook;
}

export interface SheetRecord {
  /** Our key in the sheet's custom properties, null where the host has none. */
  readonly key: string | null;
  readonly name: string;
  /** A sketch of the sheet's text when coloured (sheet-identity.ts), null when not taken. */
  readonly sketch: readonly number[] | null;
  readonly runs: readonly StyleRun[];
}

export interface ColourRecord {
  readonly version: 2;
  readonly sheets: readonly SheetRecord[];
}

export const EMPTY_RECORD: ColourRecord = { version: 2, sheets: [] };

/** "row,col" → recorded cell, for one sheet. */
export type CellRecords = Map<string, RecordedCell>;

export const cellKey = (row: number, col: number): string => `${row},${col}`;

export function parseCellKey(k: string): { row: number; col: number } {
  const [r, c] = k.split(',').map(Number);
  return { row: r ?? 0, col: c ?? 0 };
}

export function sameStyle(a: OriginalStyle, b: OriginalStyle): boolean {
  return a.fill === b.fill && a.font === b.font && a.pattern === b.pattern && a.patternColor === b.patternColor && a.tint === b.tint && a.fontTint === b.fontTint;
}

const sameApplied = (a: AppliedLook | undefined, b: AppliedLook | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.fill === b.fill && a.font === b.font);

/** Compresses cells into vertical runs of equal looks (originals are usually uniform: a few runs per table). */
export function cellsToRuns(cells: CellRecords): StyleRun[] {
  const list = [...cells].map(([k, cell]) => ({ ...parseCellKey(k), cell })).filter(x => x.row > 0 && x.col > 0);
  list.sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: StyleRun[] = [];
  let cur: { col: number; top: number; bottom: number; cell: RecordedCell } | null = null;
  const flush = (): void => {
    if (!cur) return;
    const address = areaAddress({ top: cur.top, left: cur.col, bottom: cur.bottom, right: cur.col });
    runs.push({ address, style: cur.cell.original, ...(cur.cell.applied ? { applied: cur.cell.applied } : {}) });
  };
  for (const x of list) {
    if (cur && cur.col === x.col && cur.bottom + 1 === x.row && sameStyle(cur.cell.original, x.cell.original) && sameApplied(cur.cell.applied, x.cell.applied)) {
      cur.bottom = x.row;
      continue;
    }
    flush();
    cur = { col: x.col, top: x.row, bottom: x.row, cell: x.cell };
  }
  flush();
  return runs;
}

export function runsToCells(runs: readonly StyleRun[]): CellRecords {
  const out: CellRecords = new Map();
  for (const run of runs) {
    const a = parseArea(run.address);
    if (!a) continue;
    const cell: RecordedCell = { original: run.style, ...(run.applied ? { applied: run.applied } : {}) };
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.set(cellKey(r, c), cell);
  }
  return out;
}

/** Replaces (or adds) one sheet's record; an empty one is dropped. */
export function withSheet(record: ColourRecord, index: number, sheet: SheetRecord): ColourRecord {
  const sheets = [...record.sheets];
  if (index >= 0) sheets.splice(index, 1);
  if (sheet.runs.length > 0) sheets.push(sheet);
  return { version: 2, sheets };
}

/**
 * The union of two records (one per store). A sheet present in both is merged cell by cell, the first record's
 * cell winning; sheets match by key, or by name where neither has a key.
 */
export function mergeRecords(a: ColourRecord | null, b: ColourRecord | null): ColourRecord | null {
  if (!a) return b;
  if (!b) return a;
  const sheets = [...a.sheets];
  for (const s of b.sheets) {
    const i = sheets.findIndex(x => (x.key !== null && x.key === s.key) || (x.key === null && s.key === null && x.name === s.name));
    const existing = i >= 0 ? sheets[i] : undefined;
    if (!existing) {
      sheets.push(s);
      continue;
    }
    const cells = runsToCells(existing.runs);
    for (const [k, v] of runsToCells(s.runs)) if (!cells.has(k)) cells.set(k, v);
    sheets[i] = { ...existing, sketch: existing.sketch ?? s.sketch, runs: cellsToRuns(cells) };
  }
  return { version: 2, sheets };
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** [address, fill, font, pattern, patternColor, tint, fontTint, appliedFill, appliedFont], trailing nulls left out. */
type RunTuple = [string, string | null, string | null, ...(string | number | null)[]];

export function recordToJson(record: ColourRecord): string {
  return JSON.stringify({
    version: 2,
    sheets: record.sheets.map(s => ({
      key: s.key,
      name: s.name,
      sketch: s.sketch,
      runs: s.runs.map((r): RunTuple => {
        const t: RunTuple = [
          r.address, r.style.fill, r.style.font, r.style.pattern ?? null, r.style.patternColor ?? null, r.style.tint ?? null, r.style.fontTint ?? null,
          r.applied?.fill ?? null, r.applied?.font ?? null,
        ];
        while (t.length > 3 && t[t.length - 1] === null) t.pop();
        return t;
      }),
    })),
  });
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const tintOf = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v !== 0 && v >= -1 && v <= 1 ? v : null);
const sketchOf = (v: unknown): number[] | null =>
  (Array.isArray(v) && v.length <= 256 && v.every(x => Number.isInteger(x) && x >= 0 && x < 2 ** 32) ? (v as number[]) : null);

function runOf(t: unknown): StyleRun | null {
  if (!Array.isArray(t)) return null;
  const address = str(t[0]);
  if (address === null || !parseArea(address)) return null;
  const pattern = str(t[3]);
  const patternColor = str(t[4]);
  const tint = tintOf(t[5]);
  const fontTint = tintOf(t[6]);
  const appliedFill = str(t[7]);
  return {
    address,
    style: {
      fill: str(t[1]),
      font: str(t[2]),
      ...(pattern !== null ? { pattern } : {}),
      ...(pattern !== null && patternColor ? { patternColor } : {}),
      ...(tint !== null ? { tint } : {}),
      ...(fontTint !== null ? { fontTint } : {}),
    },
    ...(appliedFill !== null ? { applied: { fill: appliedFill, font: str(t[8]) } } : {}),
  };
}

/** Parses what recordToJson wrote (version 2, or version 1 from earlier releases); null for anything else. */
export function recordFromJson(text: string): ColourRecord | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const version = (data as { version?: unknown }).version;
  if (version !== 1 && version !== 2) return null;
  const sheetsRaw = (data as { sheets?: unknown }).sheets;
  if (!Array.isArray(sheetsRaw)) return null;
  const sheets: SheetRecord[] = [];
  for (const s of sheetsRaw) {
    if (!s || typeof s !== 'object') continue;
    const o = s as { name?: unknown; runs?: unknown; key?: unknown; sketch?: unknown };
    const name = str(o.name);
    if (name === null || !Array.isArray(o.runs)) continue;
    const runs = o.runs.map(runOf).filter((r): r is StyleRun => r !== null);
    // Version 1 kept the session's worksheet id, which means nothing after reopening: only the name is kept.
    sheets.push({ key: version === 2 ? str(o.key) : null, name, sketch: version === 2 ? sketchOf(o.sketch) : null, runs });
  }
  return { version: 2, sheets };
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
