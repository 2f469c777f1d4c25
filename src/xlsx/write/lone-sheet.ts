/**
 * One worksheet part written apart from its workbook (on another thread), deflated as the zip will store it: the
 * workbook's writer then copies it in as stored (ZipWriter.stored). Its cells can point into the workbook's shared
 * strings and styles because both sides start from one seed, the strings and styles given their indices first; a
 * string outside the seed is written in its cell, a style outside it fails the sheet (the caller writes it itself).
 */
import type { CellStyle, SheetPlan } from '../../core/plan/types';
import { writeSheet } from './sheet';
import { SharedStrings } from './strings';
import { StyleTable } from './styles';
import type { PartWriter, SegmentDeflate, StoredData } from './zip';

/** What both sides number first, in this order. */
export interface SheetSeed {
  readonly strings: readonly string[];
  readonly styles: readonly CellStyle[];
}

/** Seeds a workbook's (or a lone sheet's) tables: every seeded string and style gets the same index on both sides. */
export function seedTables(strings: SharedStrings, styles: StyleTable, seed: SheetSeed): void {
  strings.seed(seed.strings);
  for (const s of seed.styles) styles.id(s);
}

export type LoneSheet =
  | { readonly ok: true; readonly stored: StoredData; readonly references: number }
  | { readonly ok: false; readonly error: string };

const encoder = new TextEncoder();
const CHUNK = 1 << 16;

/** `plan` as the part `xl/worksheets/sheetN.xml`; it may link nowhere and keep no projection (it has no rels part). */
export function writeLoneSheet(plan: SheetPlan, seed: SheetSeed, codec: SegmentDeflate, first = false): LoneSheet {
  const strings = new SharedStrings();
  const styles = new StyleTable();
  seedTables(strings, styles, seed);
  const seeded = { strings: strings.size, styles: styles.size };
  const out: Uint8Array[] = [];
  let crc = 0;
  let size = 0;
  const push = (chunk: Uint8Array, final: boolean): void => {
    if (chunk.length > 0) crc = codec.crc32(chunk, crc);
    size += chunk.length;
    out.push(codec.deflate(chunk, final));
  };
  let parts: string[] = [];
  let pending = 0;
  const flush = (final: boolean): void => {
    push(encoder.encode(parts.join('')), final);
    parts = [];
    pending = 0;
  };
  const part: PartWriter = {
    emit: xml => {
      parts.push(xml);
      pending += xml.length;
      if (pending >= CHUNK) flush(false);
    },
    // The writer reuses the buffer it hands over: deflated (and so copied) during the call.
    emitBytes: bytes => {
      if (parts.length > 0) flush(false);
      push(bytes, false);
    },
    end: () => {
      flush(true);
      return { crc: crc >>> 0, size };
    },
  };
  const rels = writeSheet(plan, { strings, styles, renamed: new Map(), first, inlineUnknown: true }, part);
  const stamp = part.end();
  if (rels.targets.length > 0 || rels.projection !== null) return { ok: false, error: 'a lone sheet cannot link or project' };
  if (strings.size !== seeded.strings || styles.size !== seeded.styles) return { ok: false, error: 'the sheet used a style or string outside its seed' };
  let length = 0;
  for (const c of out) length += c.length;
  const data = new Uint8Array(length);
  let at = 0;
  for (const c of out) { data.set(c, at); at += c.length; }
  return { ok: true, stored: { method: 8, crc: stamp.crc, size: stamp.size, data }, references: strings.references };
}
