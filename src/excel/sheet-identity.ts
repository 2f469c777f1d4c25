/**
 * Finding a recorded sheet again in a later session. Worksheet ids are per session (new and positional after
 * reopening: office-js-docs #297, office-js #1390, #552), so they are never stored. In order:
 * 1. our key in the sheet's custom properties (ExcelApi 1.12), which survives reopening, renaming and reordering;
 * 2. the sheet's name, unless that sheet carries a different key of ours;
 * 3. a sketch of the sheet's text: the smallest hashes of its distinct labels, which survives rows and columns
 *    inserted, a renamed sheet and new figures typed into result cells.
 * A record that matches nothing is kept, never deleted: the sheet may come back (undo, another copy of the file).
 */
import type { SheetRecord } from './colour-record';

/** Custom property holding our key (case-insensitive, at most 255 characters). */
export const SHEET_KEY_PROPERTY = 'phuluc57.sheetKey';

/** The fixed area the sketch is read from: small enough for any host (5,200 cells), large enough for headers and labels. */
export const SKETCH_AREA = 'A1:Z200';

const SKETCH_SIZE = 32;

/** A fresh key; uniqueness within one workbook is all that matters. */
export function newSheetKey(random: () => number = Math.random): string {
  let s = '';
  for (let i = 0; i < 4; i++) s += Math.floor(random() * 0x100000000).toString(36).padStart(7, '0');
  return s;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Labels only: numbers, dates and short codes change or repeat too much to identify a sheet. */
function label(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim().normalize('NFC').toLocaleLowerCase('vi');
  if (t.length < 4 || /^[\d\s.,%/+-]*$/.test(t)) return null;
  return t;
}

/** Bottom-k sketch of the distinct labels in a block of values (null when it holds fewer than 3 labels). */
export function sketchOf(values: unknown): number[] | null {
  if (!Array.isArray(values)) return null;
  const hashes = new Set<number>();
  for (const row of values) {
    if (!Array.isArray(row)) continue;
    for (const v of row) {
      const l = label(v);
      if (l !== null) hashes.add(fnv1a(l));
    }
  }
  if (hashes.size < 3) return null;
  return [...hashes].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
}

/** Share of the smaller sketch found in the other, 0…1. */
export function sketchSimilarity(a: readonly number[], b: readonly number[]): number {
  const set = new Set(a);
  const common = b.filter(x => set.has(x)).length;
  return common / Math.max(1, Math.min(a.length, b.length));
}

/** Sketches at least this similar are taken to be the same sheet. */
const SAME_SHEET = 0.5;

export interface LiveSheet {
  readonly name: string;
  /** Our key read from its custom properties; null when absent or unreadable. */
  readonly key: string | null;
  /** Null when not read. */
  readonly sketch: readonly number[] | null;
}

/**
 * For each record, the index of the live sheet it belongs to, or -1. Each live sheet is claimed once.
 * `needSketches` is true when a record could be placed only with sketches that were not read yet.
 */
export function matchRecords(records: readonly SheetRecord[], live: readonly LiveSheet[]): { match: number[]; needSketches: boolean } {
  const match = records.map(() => -1);
  const claimed = new Set<number>();
  const claim = (r: number, l: number): void => {
    match[r] = l;
    claimed.add(l);
  };
  records.forEach((rec, r) => {
    if (rec.key === null) return;
    const l = live.findIndex(s => s.key === rec.key);
    if (l >= 0 && !claimed.has(l)) claim(r, l);
  });
  records.forEach((rec, r) => {
    if (match[r] !== -1) return;
    const l = live.findIndex((s, i) => !claimed.has(i) && s.name === rec.name && (s.key === null || rec.key === null || s.key === rec.key));
    if (l >= 0) claim(r, l);
  });
  let needSketches = false;
  records.forEach((rec, r) => {
    if (match[r] !== -1 || rec.sketch === null) return;
    let best = -1;
    let bestScore = SAME_SHEET;
    live.forEach((s, i) => {
      if (claimed.has(i)) return;
      // A sheet with another key of ours is another coloured sheet, never this one.
      if (s.key !== null && rec.key !== null && s.key !== rec.key) return;
      if (s.sketch === null) {
        needSketches = true;
        return;
      }
      const score = sketchSimilarity(rec.sketch as readonly number[], s.sketch);
      if (score >= bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best >= 0) claim(r, best);
  });
  return { match, needSketches };
}
