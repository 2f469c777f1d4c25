import type { PartMemo } from './part-memo';
import { Inflate, inflateSync } from 'fflate';
import type { ReadBudget } from './limits';

/**
 * Random access to the parts of a zip held in memory, through its central directory. The parts of an .xlsx come in
 * any order (exceljs writes the sheets before the shared strings the sheets need), so a front-to-back stream would
 * have to buffer; reading the directory lets each part be inflated when it is wanted, chunk by chunk.
 */

export interface ZipEntry {
  /** The name as stored, with "\" turned into "/". */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** The uncompressed size the directory declares; it may lie, so inflating enforces limits itself. */
  readonly size: number;
  /** The CRC-32 of the uncompressed bytes, as the directory declares it (an entry copied as stored keeps it). */
  readonly crc: number;
  readonly localOffset: number;
}

export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
/** Compressed bytes pushed per step: deflate expands at most ~1032×, so one step yields at most ~8 MB. */
const STEP = 8 * 1024;
/**
 * Parts declared up to ONE_SHOT bytes are inflated in one go into a buffer of the declared size (plus one byte, to
 * catch a part longer than declared): streaming costs fflate a fresh 128 KB window per block, which dominates on the
 * small parts of ordinary workbooks. fflate decodes a lying stream to its end even into a full buffer, so only
 * entries whose compressed size bounds that work (~1032× at most) go this way.
 */
const ONE_SHOT = 4 * 1024 * 1024;
const ONE_SHOT_COMPRESSED = 64 * 1024;

/**
 * A zip file's bytes and, where the platform has one, a native inflate for parts decoded in one go (Node's zlib in
 * the CLI: about a seventh of the read of a province, measured; fflate's JavaScript elsewhere).
 */
export interface Archive {
  readonly bytes: Uint8Array;
  readonly inflateRaw?: RawInflate;
  /** Small parts read before, by their bytes (see part-memo.ts). */
  readonly memo?: PartMemo;
}

/** Inflates a whole raw deflate stream into at most `maxBytes`; null when it is longer (the part is then streamed). */
export type RawInflate = (data: Uint8Array, maxBytes: number) => Uint8Array | null;

/** Decoded bytes aimed at per streamed step (see streamStep). */
const STEP_OUTPUT = 64 * 1024;

/**
 * Compressed bytes per step of a streamed part, from its declared ratio: about STEP_OUTPUT decoded bytes each. A fixed
 * 8 KB step made half-megabyte chunks of a part compressed 65 to 1 (SheetJS's large_strings.xlsx), and fflate grows
 * its output buffer by doubling; allocations that size go to mmap and, once freed, raise glibc's mmap threshold, so
 * the process kept ~35 MB it no longer used (measured with MALLOC_MMAP_THRESHOLD_ pinned).
 */
function streamStep(e: ZipEntry): number {
  if (e.size <= 0 || e.compressedSize <= 0) return STEP;
  return Math.max(128, Math.min(STEP, Math.floor(STEP_OUTPUT * e.compressedSize / e.size)));
}

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (u16(b, i) + u16(b, i + 2) * 0x10000);
}

function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === EOCD) return i;
  throw new ZipFormatError('no end of central directory');
}

/** Where the central directory is and how many entries it has, ZIP64 included. */
function directory(b: Uint8Array): { offset: number; count: number } {
  const e = findEocd(b);
  let count = u16(b, e + 10);
  let offset = u32(b, e + 16);
  const loc = e - 20;
  if ((count === 0xffff || offset === MAX32) && loc >= 0 && u32(b, loc) === EOCD64_LOCATOR) {
    const z = u64(b, loc + 8);
    if (u32(b, z) !== EOCD64) throw new ZipFormatError('bad ZIP64 directory');
    count = u64(b, z + 32);
    offset = u64(b, z + 48);
  }
  return { offset, count };
}

/** Reads ZIP64 sizes and offset from an entry's extra field, for the fields the fixed header left at 0xFFFFFFFF. */
function zip64Extra(b: Uint8Array, start: number, end: number, fields: { size: number; comp: number; offset: number }): void {
  for (let i = start; i + 4 <= end;) {
    const id = u16(b, i);
    const len = u16(b, i + 2);
    if (id === 0x0001) {
      let p = i + 4;
      if (fields.size === MAX32) { fields.size = u64(b, p); p += 8; }
      if (fields.comp === MAX32) { fields.comp = u64(b, p); p += 8; }
      if (fields.offset === MAX32) fields.offset = u64(b, p);
      return;
    }
    i += 4 + len;
  }
}

const utf8 = new TextDecoder('utf-8');

/** The entries of the zip by lower-cased name (OPC part names are case-insensitive). Throws ZipFormatError, also on names equal but for case. */
export function readDirectory(b: Uint8Array): Map<string, ZipEntry> {
  const { offset, count } = directory(b);
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL) throw new ZipFormatError('bad central directory entry');
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const name = utf8.decode(b.subarray(p + 46, p + 46 + nameLen)).replace(/\\/g, '/').replace(/^\//, '');
    const fields = { size: u32(b, p + 24), comp: u32(b, p + 20), offset: u32(b, p + 42) };
    zip64Extra(b, p + 46 + nameLen, p + 46 + nameLen + extraLen, fields);
    const key = name.toLowerCase();
    // OPC part names are compared case-insensitively (ECMA-376 Part 2, §6.3.5): two entries equal or differing only in case
    // make an invalid package, and silently taking one of them would read content nobody can see in Excel.
    const twin = entries.get(key);
    if (twin !== undefined && !name.endsWith('/')) {
      throw new ZipFormatError(twin.name === name ? `two entries named ${name}` : `two entries named ${twin.name} and ${name} (differing only in case)`);
    }
    entries.set(key, {
      name, method: u16(b, p + 10), flags: u16(b, p + 8),
      compressedSize: fields.comp, size: fields.size, crc: u32(b, p + 16), localOffset: fields.offset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The compressed bytes of an entry, located through its local header. */
export function compressedData(b: Uint8Array, e: ZipEntry): Uint8Array {
  const h = e.localOffset;
  if (h + 30 > b.length || u32(b, h) !== LOCAL) throw new ZipFormatError(`bad local header for ${e.name}`);
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  if (start > b.length) throw new ZipFormatError(`truncated entry ${e.name}`);
  return b.subarray(start, Math.min(b.length, start + e.compressedSize));
}

/** How an entry may be inflated. */
export interface InflateOptions {
  /**
   * In one go through the platform's inflate whatever its compressed size, up to ONE_SHOT declared bytes (the platform's
   * inflate stops at the declared size, so a lying stream costs no more than that): for a part its reader wants whole.
   */
  readonly whole?: boolean;
}

/**
 * Inflates one entry, handing the output to `sink` chunk by chunk and charging every byte to `budget`
 * (TooLargeError past it, whatever the directory declared). `sink` returning false stops early.
 */
export function inflateEntry(zip: Archive, e: ZipEntry, budget: ReadBudget, sink: (chunk: Uint8Array) => boolean | void, options: InflateOptions = {}): void {
  if (e.flags & 1) throw new ZipFormatError(`encrypted entry ${e.name}`);
  const data = compressedData(zip.bytes, e);
  let stopped = false;
  const take = (chunk: Uint8Array): void => {
    if (stopped || chunk.length === 0) return;
    budget.spend(e.name, chunk.length);
    if (sink(chunk) === false) stopped = true;
  };
  if (e.method === 0) {
    for (let i = 0; i < data.length && !stopped; i += STEP * 8) take(data.subarray(i, Math.min(data.length, i + STEP * 8)));
    return;
  }
  if (e.method !== 8) throw new ZipFormatError(`unsupported compression ${e.method} for ${e.name}`);
  if (e.size <= ONE_SHOT && (data.length <= ONE_SHOT_COMPRESSED || (options.whole === true && zip.inflateRaw !== undefined))) {
    const out = oneShot(zip, data, e.size + 1);
    // Longer than declared: the directory lies, so stream it under the budget instead.
    if (out !== null && out.length <= e.size) { take(out); return; }
  }
  const inflater = new Inflate(chunk => take(chunk));
  const step = streamStep(e);
  for (let i = 0; i < data.length && !stopped; i += step) {
    const end = Math.min(data.length, i + step);
    inflater.push(data.subarray(i, end), end === data.length);
  }
}

/** A whole part inflated into at most `max` bytes (fflate cuts a longer one there), or null when found longer. */
function oneShot(zip: Archive, data: Uint8Array, max: number): Uint8Array | null {
  return zip.inflateRaw ? zip.inflateRaw(data, max) : inflateSync(data, { out: new Uint8Array(max) });
}

/** Inflates an entry whole (the small parts: workbook, relationships; a projection, see ../projection.ts). */
export function inflateWhole(zip: Archive, e: ZipEntry, budget: ReadBudget, options: InflateOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  inflateEntry(zip, e, budget, c => { chunks.push(c); total += c.length; }, options);
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) { out.set(c, p); p += c.length; }
  return out;
}
