/**
 * Writes plans as a new workbook file with our own writer (src/xlsx/write): rows are pulled from the plans and
 * deflated to disk as they are made, so a national rollup (millions of cells) never holds a sheet in memory, and
 * exceljs is not even loaded. An existing workbook, which must only gain sheets, goes through write-plan.ts instead.
 */
import { closeSync, openSync, promises as fs, writeSync } from 'node:fs';
import type { SheetPlan } from '../core/plan/types';
import { nodeDeflate } from './node-deflate';
import { writeWorkbook } from './write';

export type StreamWrite =
  | { readonly ok: true; readonly sheets: readonly string[] }
  | { readonly ok: false; readonly error: string };

export async function streamPlansToFile(plans: readonly SheetPlan[], file: string): Promise<StreamWrite> {
  // Written beside the target and renamed at the end: a failed write never leaves half a workbook under its name.
  const partial = `${file}.partial-${process.pid}`;
  let fd: number | null = null;
  try {
    fd = openSync(partial, 'w');
    const out = fd;
    // Synchronous writes: the CLI has nothing else to do meanwhile, and nothing queues up in memory.
    const sheets = writeWorkbook(plans, chunk => {
      for (let at = 0; at < chunk.length;) at += writeSync(out, chunk, at);
    }, nodeDeflate ? { deflate: nodeDeflate } : {});
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
