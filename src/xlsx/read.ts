import type { WorkbookGrid } from '../core/grid/types';
import { unreadableMessage } from './messages';
import { readWithExceljs } from './read-exceljs';
import { sniffFile } from './sniff';

export type ReadResult =
  | { readonly ok: true; readonly grid: WorkbookGrid }
  | { readonly ok: false; readonly error: string };

/** A workbook file's bytes → grid, or the reason it cannot be read. Never throws. */
export async function readWorkbook(data: Uint8Array): Promise<ReadResult> {
  const kind = sniffFile(data);
  if (kind !== 'xlsx') return { ok: false, error: unreadableMessage(kind) };
  try {
    const grid = await readWithExceljs(data);
    return { ok: true, grid };
  } catch (e) {
    const detail = e instanceof Error ? e.message.slice(0, 120) : undefined;
    return { ok: false, error: unreadableMessage('corrupt', detail) };
  }
}
