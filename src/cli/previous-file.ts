/**
 * Last month's rollup workbook for --previous, read into the snapshot the comparison needs: through the projection
 * our writer keeps beside its "Dữ liệu" sheet when the sheet is unchanged, else from the sheet's rows as they are read
 * (the sheet itself is never built: a million cells for 3,321 communes). Shared by the main thread and the comparison
 * thread (compare-worker.ts), so it says what went wrong as lines, never printing them itself.
 */
import { defaultCatalog } from '../core/catalog/catalog';
import type { Cell } from '../core/grid/types';
import { isDataSheetName, PreviousRows, previousFromGrid, type MonthSnapshot } from '../core/rollup/previous';
import { DEFAULT_LIMITS, type ReadLimits } from '../xlsx/fast';
import { previousFromProjection } from '../xlsx/previous';
import { loadWorkbook, nodeInflate, readFileBytes } from './load';

/**
 * Last month's rollup is read for its "Dữ liệu" sheet alone, which a national rollup fills past the window kept for
 * commune files (20,000 rows, 32 MB of XML): 3,321 communes make 59,842 rows and 44 MB. Excel's own row limit, and a
 * parse budget with room for that sheet three times over; only the 18 columns (and a few more) the sheet has.
 */
export const PREVIOUS_LIMITS: ReadLimits = { ...DEFAULT_LIMITS, maxRows: 1_048_576, maxCols: 64, maxParsedBytes: 128 * 1024 * 1024 };

/** The snapshot with what was noticed on the way (each line for stderr), or only why it could not be read. */
export type PreviousFile =
  | { readonly ok: true; readonly snapshot: MonthSnapshot; readonly notices: readonly string[] }
  | { readonly ok: false; readonly messages: readonly string[] };

export async function readPreviousFile(source: string): Promise<PreviousFile> {
  const say = (m: string): string => `--previous ${source}: ${m}`;
  const catalog = defaultCatalog();
  const bytes = readFileBytes(source);
  if (!(bytes instanceof Uint8Array)) return { ok: false, messages: [say(bytes.error)] };
  const projected = previousFromProjection(bytes, catalog, { limits: PREVIOUS_LIMITS, inflateRaw: nodeInflate });
  if (projected !== null) return projected.ok ? { ok: true, snapshot: projected.snapshot, notices: [] } : { ok: false, messages: [say(projected.error)] };
  const bySheet = new Map<string, PreviousRows>();
  const onRow = (sheet: string, row: number, cells: readonly (Cell | undefined)[]): void => {
    let rows = bySheet.get(sheet);
    if (!rows) { rows = new PreviousRows(catalog); bySheet.set(sheet, rows); }
    rows.row(row, cells);
  };
  const loaded = await loadWorkbook(source, { limits: PREVIOUS_LIMITS, sheets: isDataSheetName, onRow }, bytes);
  if (!loaded.ok) return { ok: false, messages: [say(loaded.error)] };
  // A comparison against part of last month would call every missing value "newly reported": never silently.
  const notices = loaded.notices.map(n => say(n.message));
  // The newest copy of the sheet is the last one; a file the exceljs fallback read has its rows in the grid instead.
  const last = [...bySheet].pop();
  const read = last ? last[1].result(last[0]) : previousFromGrid(loaded.grid, catalog);
  if (!read.ok) return { ok: false, messages: [...notices, say(read.error)] };
  return { ok: true, snapshot: read.snapshot, notices };
}
