/**
 * Safety limits of the streaming reader. A workbook comes from anyone's inbox: a zip bomb must be refused before it
 * exhausts memory, and a sheet with a million rows or 16,384 columns must read in bounded time. Recognition only
 * needs the top-left of a sheet, so cells beyond the kept window are dropped and the caller is told.
 */

export interface ReadLimits {
  /** Most bytes inflated in total from the parts the reader opens (declared sizes and actual output both count). */
  readonly maxInflatedBytes: number;
  /**
   * Most XML bytes parsed per part (each sheet, the shared strings …). Parsing costs far more than inflating, and
   * what is parsed is what is kept in memory: past this, the rest of a sheet's data
   * is skipped (the sheet is reported truncated, the other sheets are still read), and any other part is refused.
   */
  readonly maxParsedBytes: number;
  /**
   * Most XML bytes parsed in the whole workbook (default: 3 × maxParsedBytes), so that many large sheets stay bounded
   * too: past it, each further sheet keeps what its first chunk held and is reported truncated.
   */
  readonly maxParsedTotalBytes?: number;
  /** Cells are kept only in rows 1 … maxRows and columns 1 … maxCols. */
  readonly maxRows: number;
  readonly maxCols: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxInflatedBytes: 200 * 1024 * 1024,
  maxParsedBytes: 32 * 1024 * 1024,
  maxRows: 20_000,
  maxCols: 200,
};

/** A sheet that held values outside what was kept: what was kept and how far the values went. */
export interface SheetTruncation {
  readonly sheet: string;
  /** Rows and columns kept: the window, or fewer rows when the parse budget ran out first. */
  readonly keptRows: number;
  readonly keptCols: number;
  /** The farthest row and column seen holding a value (a lower bound when the rest of the sheet was skipped). */
  readonly lastRow: number;
  readonly lastCol: number;
}

/**
 * Excel keeps at most 32,767 characters in a cell (Excel specifications and limits), so a longer text cannot come
 * from Excel: it is cut to that length, which also bounds the cost of everything done per cell downstream.
 */
export const MAX_CELL_TEXT = 32_767;

/** A text cut to MAX_CELL_TEXT (not splitting a surrogate pair), counting the cut in `tally`. */
export function capText(s: string, tally: { long: number }): string {
  if (s.length <= MAX_CELL_TEXT) return s;
  tally.long++;
  const end = (s.charCodeAt(MAX_CELL_TEXT - 1) & 0xfc00) === 0xd800 ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT;
  return s.slice(0, end);
}

/**
 * Excel keeps at most 32,767 characters in a cell, so megabytes of XML without a single tag can only be an attack:
 * a parser would buffer all of it as one text node.
 */
export const MAX_TEXT_RUN = 4 * 1024 * 1024;

/**
 * Thrown inside the reader when a limit is hit: the inflated total ('total'), the parsed total outside sheet data
 * ('parse') or a run of XML without a tag ('run'). read.ts turns it into a 'too-large' value.
 */
export class TooLargeError extends Error {
  constructor(readonly part: string, readonly bytes: number, readonly limit: number, readonly kind: 'total' | 'parse' | 'run' = 'total') {
    super(`${part}: ${megabytes(bytes)} > ${megabytes(limit)}`);
    this.name = 'TooLargeError';
  }
}

export function megabytes(n: number): string {
  return `${Math.ceil(n / (1024 * 1024))} MB`;
}

/**
 * Where the parse budget stands for the part being parsed: 'over' its own share (a sheet skips the rest of its data,
 * another part is refused), 'spent' twice over or past the workbook's total (a sheet stops where it is).
 */
export type BudgetState = 'ok' | 'over' | 'spent';

/** Counts inflated bytes across every part of one workbook, parsed bytes per part and in total. */
export class ReadBudget {
  private inflated = 0;
  private parsedBytes = 0;
  private partBytes = 0;
  readonly maxParsedTotal: number;
  constructor(readonly maxInflated: number, readonly maxParsed: number = Infinity, maxParsedTotal?: number) {
    this.maxParsedTotal = maxParsedTotal ?? maxParsed * 3;
  }

  /** A new part starts: its own parse budget is whole again. */
  startPart(): void {
    this.partBytes = 0;
  }

  /** Records `n` more inflated bytes from `part`; throws TooLargeError past the limit. */
  spend(part: string, n: number): void {
    this.inflated += n;
    if (this.inflated > this.maxInflated) throw new TooLargeError(part, this.inflated, this.maxInflated);
  }

  /** Records `n` more parsed bytes. */
  parse(n: number): void {
    this.parsedBytes += n;
    this.partBytes += n;
  }

  get spent(): number {
    return this.inflated;
  }

  /** Bytes parsed in all parts so far. */
  get parsedTotal(): number {
    return this.parsedBytes;
  }

  /** Whether a part that inflates to `inflated` bytes and parses `parsed` would be read whole within the budget. */
  fits(inflated: number, parsed: number): boolean {
    return this.inflated + inflated <= this.maxInflated && parsed <= this.maxParsed && this.parsedBytes + parsed <= this.maxParsedTotal;
  }

  /** Charges a part read earlier, which `fits`, as reading it again would have (see part-memo.ts). */
  charge(part: string, inflated: number, parsed: number): void {
    this.spend(part, inflated);
    this.parse(parsed);
  }

  /** Bytes parsed in the current part. */
  get parsed(): number {
    return this.partBytes;
  }

  get state(): BudgetState {
    if (this.partBytes > 2 * this.maxParsed || this.parsedBytes > this.maxParsedTotal) return 'spent';
    return this.partBytes > this.maxParsed ? 'over' : 'ok';
  }
}

/** The notice for a truncated sheet, in Vietnamese with the English after a slash like src/xlsx/messages.ts. */
export function truncationMessage(t: SheetTruncation): string {
  const beyond = `dữ liệu tới dòng ${t.lastRow}, cột ${t.lastCol}`;
  return `Trang "${t.sheet}" quá lớn (${beyond}): chỉ đọc ${t.keptRows} dòng × ${t.keptCols} cột đầu`
    + ` / sheet too large: only the first ${t.keptRows} rows × ${t.keptCols} columns were read`;
}
