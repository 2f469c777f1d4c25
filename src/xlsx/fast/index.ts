import type { Cell, SheetGrid, WorkbookGrid } from '../../core/grid/types';
import { DEFAULT_LIMITS, ReadBudget, TooLargeError, type ReadLimits, type SheetTruncation } from './limits';
import { readSheet } from './sheet';
import { readSharedStrings } from './strings';
import { readStyles } from './styles';
import { MissingPartError, readWorkbookParts } from './workbook';
import type { PartMemo } from './part-memo';
import { inflateEntry, readDirectory, type Archive, type RawInflate } from './zip';

/**
 * The streaming .xlsx reader: fflate (or the platform's zlib) inflates only the parts the grid needs, the
 * tokenizer (./tokenizer.ts) parses them as they inflate.
 * Produces the same WorkbookGrid as the exceljs reader (src/xlsx/read-exceljs.ts) in a fraction of the time and
 * memory, and enforces the limits of ./limits.ts. Throws on anything structurally wrong; read.ts decides what then.
 */

export { DEFAULT_LIMITS, TooLargeError, truncationMessage, type ReadLimits, type SheetTruncation } from './limits';
export type { RawInflate } from './zip';

export interface FastRead {
  readonly grid: WorkbookGrid;
  /** Sheets that held values outside the kept window (empty when nothing was dropped). */
  readonly truncated: readonly SheetTruncation[];
  /** _rels/.rels was unreadable and xl/workbook.xml was read where it usually is. */
  readonly brokenRootRels: boolean;
  /** Texts longer than Excel's cell limit, cut to it. */
  readonly longTexts: number;
}

export interface FastOptions {
  /** The platform's inflate for parts read whole. */
  readonly inflateRaw?: RawInflate;
  /** Only the sheets it accepts are read (the others are not even inflated). */
  readonly sheets?: (name: string) => boolean;
  /** Rows of the sheets read are handed over as they come instead of kept in the grid (see RowVisitor). */
  readonly onRow?: (sheet: string, row: number, cells: readonly (Cell | undefined)[]) => void;
  /** Small parts read before, reused when a workbook holds the very same bytes (see part-memo.ts). */
  readonly memo?: PartMemo;
}

export function readXlsxFast(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS, options: FastOptions = {}): FastRead {
  const { inflateRaw, sheets, onRow, memo } = options;
  const zip: Archive = { bytes, ...(inflateRaw ? { inflateRaw } : {}), ...(memo ? { memo } : {}) };
  const entries = readDirectory(bytes);
  const budget = new ReadBudget(limits.maxInflatedBytes, limits.maxParsedBytes, limits.maxParsedTotalBytes);
  const parts = readWorkbookParts(zip, entries, budget);
  const entry = (part: string) => {
    const e = entries.get(part.toLowerCase());
    if (!e) throw new MissingPartError(`missing part ${part}`);
    return e;
  };

  // Refuse early on what the directory declares; inflating enforces the same budget on what really comes out.
  const read = sheets ? parts.sheets.filter(s => sheets(s.name)) : parts.sheets;
  const wanted = [parts.sharedStrings, parts.styles, ...read.map(s => s.part)].filter((p): p is string => p !== null);
  const declared = budget.spent + wanted.reduce((n, p) => n + entry(p).size, 0);
  if (declared > limits.maxInflatedBytes) throw new TooLargeError('declared', declared, limits.maxInflatedBytes);

  const tally = { long: 0 };
  const strings = parts.sharedStrings ? readSharedStrings(zip, entry(parts.sharedStrings), budget, tally) : [];
  const styles = parts.styles === null ? null : entry(parts.styles);
  const xfs = styles === null ? [] : zip.memo ? zip.memo.read('styles', '', zip, styles, budget, () => readStyles(zip, styles, budget)) : readStyles(zip, styles, budget);
  const grids: SheetGrid[] = [];
  const truncated: SheetTruncation[] = [];
  for (const s of read) {
    const visit = onRow;
    const r = readSheet(zip, entry(s.part), budget, s.name, s.hidden, {
      strings, xfs, limits, date1904: parts.date1904, tally,
      ...(visit ? { onRow: (row: number, cells: readonly (Cell | undefined)[]) => { visit(s.name, row, cells); } } : {}),
    });
    grids.push(r.grid);
    if (r.truncation) truncated.push(r.truncation);
  }
  return { grid: { sheets: grids }, truncated, brokenRootRels: parts.brokenRootRels, longTexts: tally.long };
}

/**
 * Inflates every entry without keeping anything, to prove the archive stays within `limit` bytes before a reader
 * without limits (exceljs) gets it. Throws TooLargeError or ZipFormatError.
 */
export function checkInflatedSize(bytes: Uint8Array, limit: number): void {
  const entries = readDirectory(bytes);
  let declared = 0;
  for (const e of entries.values()) declared += e.size;
  if (declared > limit) throw new TooLargeError('declared', declared, limit);
  const budget = new ReadBudget(limit);
  for (const e of entries.values()) if (!e.name.endsWith('/')) inflateEntry({ bytes }, e, budget, () => undefined);
}
