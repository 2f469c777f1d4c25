import type { Notice } from '../core/check/report';
import type { WorkbookGrid } from '../core/grid/types';
import { checkInflatedSize, DEFAULT_LIMITS, readXlsxFast, TooLargeError, truncationMessage, type FastOptions, type RawInflate, type ReadLimits, type SheetTruncation } from './fast';
import { MAX_CELL_TEXT, megabytes } from './fast/limits';
import { ZipFormatError } from './fast/zip';
import { unreadableMessage } from './messages';
import { sniffFile } from './sniff';

export type { SheetTruncation } from './fast';

export type ReadResult =
  | {
    readonly ok: true;
    readonly grid: WorkbookGrid;
    /** Sheets too large to keep whole: only their top-left window is in the grid (see truncationMessage). */
    readonly truncated?: readonly SheetTruncation[];
    /** What was odd about the package but did not stop the read (a broken _rels/.rels …), as notices. */
    readonly notices?: readonly Notice[];
  }
  | { readonly ok: false; readonly error: string };

export interface ReadOptions {
  readonly limits?: ReadLimits;
  /** 'exceljs' skips the streaming reader (comparisons, benchmarks); the default tries it first. */
  readonly reader?: 'fast' | 'exceljs';
  /** The platform's inflate for parts decoded whole (the CLI passes Node's zlib); fflate's otherwise. */
  readonly inflateRaw?: RawInflate;
  /** Only these sheets, by name (the streaming reader skips the others unread; the exceljs fallback reads all). */
  readonly sheets?: (name: string) => boolean;
  /**
   * The rows of the sheets read, handed over as they come instead of kept (streaming reader only: when the exceljs
   * fallback reads the file, the grid holds them as usual and this is never called).
   */
  readonly onRow?: FastOptions['onRow'];
  /** Small parts of earlier workbooks, reused where this one holds the same bytes (streaming reader only). */
  readonly memo?: FastOptions['memo'];
}

function tooLarge(e: TooLargeError): ReadResult {
  const detail = e.kind === 'run' ? `phần ${e.part} chứa hơn ${megabytes(e.limit)} liền không thẻ XML`
    : e.kind === 'parse' ? `phần ${e.part} vượt ${megabytes(e.limit)} XML cần đọc`
      : `giải nén vượt ${megabytes(e.limit)}`;
  return { ok: false, error: unreadableMessage('too-large', detail) };
}

const BROKEN_ROOT_RELS: Notice = {
  sheet: null, cell: null, code: 'broken-package',
  message: 'Phần _rels/.rels của tệp bị hỏng; đã đọc sổ tính từ xl/workbook.xml / the package relationships (_rels/.rels) are broken: the workbook was read from xl/workbook.xml',
};

function longTexts(n: number): Notice {
  return {
    sheet: null, cell: null, code: 'long-text',
    message: `${n} văn bản dài hơn ${MAX_CELL_TEXT} ký tự (giới hạn một ô của Excel) chỉ được đọc ${MAX_CELL_TEXT} ký tự đầu / ${n} texts longer than Excel's ${MAX_CELL_TEXT}-character cell limit were cut to it`,
  };
}

/**
 * Every notice a read gives, in one list (sheets cut to the window, a damaged package), for the CLI, the pane and
 * the worker alike.
 */
export function readNotices(r: Extract<ReadResult, { ok: true }>): Notice[] {
  const cut = (r.truncated ?? []).map((t): Notice => ({ sheet: t.sheet, cell: null, code: 'truncated', message: truncationMessage(t) }));
  return [...cut, ...(r.notices ?? [])];
}

function noSheets(): ReadResult {
  return { ok: false, error: unreadableMessage('corrupt', 'không có trang tính nào / no worksheet in the archive') };
}

function corrupt(e: unknown): ReadResult {
  const detail = e instanceof Error ? e.message.slice(0, 120) : undefined;
  return { ok: false, error: unreadableMessage('corrupt', detail) };
}

/**
 * A workbook file's bytes → grid, or the reason it cannot be read. Never throws.
 * The streaming reader (src/xlsx/fast) reads; when it fails on a structurally odd file, exceljs gets a second try,
 * but only after the archive has been proved to inflate within the limit (exceljs has no limits of its own).
 */
export async function readWorkbook(data: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const kind = sniffFile(data);
  if (kind !== 'xlsx') return { ok: false, error: unreadableMessage(kind) };
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (options.reader !== 'exceljs') {
    try {
      const r = readXlsxFast(data, limits, {
        ...(options.inflateRaw ? { inflateRaw: options.inflateRaw } : {}), ...(options.sheets ? { sheets: options.sheets } : {}),
        ...(options.onRow ? { onRow: options.onRow } : {}), ...(options.memo ? { memo: options.memo } : {}),
      });
      // With a sheet filter, finding none of its sheets is the caller's to say.
      if (r.grid.sheets.length === 0 && !options.sheets) return noSheets();
      const notices: Notice[] = [];
      if (r.brokenRootRels) notices.push(BROKEN_ROOT_RELS);
      if (r.longTexts > 0) notices.push(longTexts(r.longTexts));
      return {
        ok: true, grid: r.grid,
        ...(r.truncated.length > 0 ? { truncated: r.truncated } : {}),
        ...(notices.length > 0 ? { notices } : {}),
      };
    } catch (e) {
      if (e instanceof TooLargeError) return tooLarge(e);
      // No central directory: exceljs could not read it either.
      if (e instanceof ZipFormatError) return corrupt(e);
    }
  }
  try {
    checkInflatedSize(data, limits.maxInflatedBytes);
    // Loaded on demand: bundles that only ever take the streaming path (the web worker) do not carry exceljs.
    const { readWithExceljs } = await import('./read-exceljs');
    const grid = await readWithExceljs(data);
    // A zip with no workbook in it (a .docx renamed, an empty archive) is no spreadsheet, whatever exceljs makes of it.
    return grid.sheets.length === 0 ? noSheets() : { ok: true, grid };
  } catch (e) {
    return e instanceof TooLargeError ? tooLarge(e) : corrupt(e);
  }
}
