/**
 * Writes plans as a workbook file with our own writer (src/xlsx/write): rows are pulled from the plans and deflated
 * to disk as they are made, so a national rollup (millions of cells) never holds a sheet in memory, and exceljs is
 * not even loaded. An existing workbook gains the sheets with its own parts copied as stored (write/append.ts);
 * only one shaped otherwise than that expects goes through write-plan.ts (exceljs) instead.
 */
import { closeSync, openSync, promises as fs, writeSync } from 'node:fs';
import type { SheetPlan } from '../core/plan/types';
import { threadedDeflate } from './deflate-thread';
import { nodeDeflate } from './node-deflate';
import { writeWorkbook, type SegmentDeflate, type Sink } from './write';
import { appendWorkbook } from './write/append';
import { readExisting } from './write/existing';

export type StreamWrite =
  | { readonly ok: true; readonly sheets: readonly string[] }
  | { readonly ok: false; readonly error: string };

/** What the file is written in at a time. */
const WRITE_BYTES = 256 << 10;

/** Written beside the target and renamed at the end: a failed write never leaves half a workbook under its name. */
async function writeThrough(file: string, write: (sink: Sink) => string[]): Promise<StreamWrite> {
  const partial = `${file}.partial-${process.pid}`;
  let fd: number | null = null;
  try {
    fd = openSync(partial, 'w');
    const out = fd;
    // Synchronous writes: the CLI has nothing else to do meanwhile, and nothing queues up in memory. The zip comes in
    // pieces of a few kilobytes (a deflated segment, a header): gathered into WRITE_BYTES first, a national rollup's
    // 11 MB take 45 system calls instead of 2,800.
    const pending = new Uint8Array(WRITE_BYTES);
    let held = 0;
    const put = (bytes: Uint8Array): void => {
      for (let at = 0; at < bytes.length;) at += writeSync(out, bytes, at);
    };
    const sheets = write(chunk => {
      if (held + chunk.length > WRITE_BYTES) { put(pending.subarray(0, held)); held = 0; }
      if (chunk.length >= WRITE_BYTES) { put(chunk); return; }
      pending.set(chunk, held);
      held += chunk.length;
    });
    put(pending.subarray(0, held));
    closeSync(fd);
    fd = null;
    await fs.rename(partial, file);
    return { ok: true, sheets };
  } catch (e) {
    if (fd !== null) closeSync(fd);
    await fs.rm(partial, { force: true });
    return { ok: false, error: `Không ghi được sổ tính / cannot write the workbook: ${(e as Error).message}` };
  }
}

/** The deflate of one write: on a second thread once the output is large (deflate-thread.ts), else Node's zlib here. */
function withDeflate<T>(write: (options: { deflate?: SegmentDeflate }) => T): T {
  const threaded = threadedDeflate();
  try {
    return write(threaded ? { deflate: threaded } : nodeDeflate ? { deflate: nodeDeflate } : {});
  } finally {
    threaded?.close();
  }
}

export async function streamPlansToFile(plans: readonly SheetPlan[], file: string): Promise<StreamWrite> {
  return writeThrough(file, sink => withDeflate(deflate => writeWorkbook(plans, sink, deflate)));
}

/**
 * `existing` (the bytes of `file`) with the plans' sheets added, never replacing one; `unsupported` (nothing written)
 * when the file is not shaped as write/existing.ts expects, for the caller to take the general path.
 */
export async function appendPlansToFile(existing: Uint8Array, plans: readonly SheetPlan[], file: string): Promise<StreamWrite | { readonly ok: 'unsupported'; readonly reason: string }> {
  const read = readExisting(existing);
  if (!read.ok) return { ok: 'unsupported', reason: read.reason };
  return writeThrough(file, sink => withDeflate(deflate => appendWorkbook(read.pkg, plans, sink, deflate)));
}
