/**
 * Numbers stored as text ("42", "1.247" with dot thousands, "12,5") in a column of numbers: SUM skips them and
 * arithmetic either fails (#VALUE!) or reads "1.247" as 1,247. Only where the column (or, for tables laid across,
 * the row) is clearly numeric: at least three numbers, twice as many numbers as texts, a number or a text header
 * before the cell (so it is not the header itself), and not a code column (TT, STT, Mã), years, or a serial sequence.
 */
import { cellAddress } from '../../grid/address';
import { fold } from '../../text/fold';
import type { AuditContext } from '../context';
import { finding, groupId, type Finding } from '../finding';
import type { CellInfo, SheetView } from '../view';
import { addressOf, readersOf } from '../workbook';

const CODE_HEADER = /^(s?tt|so tt|so thu tu|thu tu|ma|ma so|ky hieu|so hieu|dien thoai|sdt|so dien thoai)\b/;

/**
 * One stretch of a column or row (no three empty cells in a row inside it), with the figures every text number in
 * it is judged by, computed once: asking per cell would be quadratic on long code columns.
 */
interface Stretch {
  /** Position of each cell along the line → its index in the stretch. */
  readonly index: ReadonlyMap<number, number>;
  readonly size: number;
  readonly numbers: number;
  readonly textnums: number;
  /** Texts after the first number (labels among the figures, not the header above them). */
  readonly textsAmongNumbers: number;
  readonly firstNumber: number;
  readonly firstText: number;
  /** The first text of the stretch, folded: the column's (or row's) header. */
  readonly header: string;
  /** The figures look like years or a serial sequence (1, 2, 3…), not quantities. */
  readonly labels: boolean;
}

function textOf(info: CellInfo): string {
  return info.cell?.v.t === 's' ? fold(info.cell.v.s) : '';
}

function isSerial(values: readonly number[]): boolean {
  if (values.length < 3 || !values.every(Number.isInteger)) return false;
  let steps = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) - (values[i - 1] ?? 0) === 1) steps++;
  return steps * 3 >= (values.length - 1) * 2;
}

function isNumeric(i: CellInfo): boolean {
  return (i.kind === 'num' || i.kind === 'formula') && i.number !== null;
}

function isYear(n: number | null): boolean {
  return n !== null && Number.isInteger(n) && n >= 1900 && n <= 2100;
}

function stretchOf(cells: readonly CellInfo[], pos: (i: CellInfo) => number): Stretch {
  const index = new Map<number, number>();
  cells.forEach((c, i) => index.set(pos(c), i));
  const firstNumber = cells.findIndex(isNumeric);
  const firstText = cells.findIndex(i => i.kind === 'text');
  const values = cells.filter(isNumeric).map(i => i.number ?? 0);
  const header = cells[firstText];
  return {
    index, size: cells.length, numbers: values.length,
    textnums: cells.filter(i => i.kind === 'textnum').length,
    textsAmongNumbers: firstNumber < 0 ? 0 : cells.filter((i, k) => k > firstNumber && i.kind === 'text').length,
    firstNumber, firstText,
    header: header ? textOf(header) : '',
    labels: (values.length > 0 && values.every(isYear)) || isSerial(values),
  };
}

/** The stretches of every column and row of a sheet, built on first use. */
function stretches(view: SheetView): (vertical: boolean, info: CellInfo) => Stretch | null {
  const cache = new Map<string, Stretch[]>();
  return (vertical, info) => {
    const line = vertical ? info.col : info.row;
    const key = `${vertical ? 'c' : 'r'}${line}`;
    let list = cache.get(key);
    if (!list) {
      list = [];
      const length = vertical ? view.sheet.rowCount : view.sheet.colCount;
      const at = (p: number): CellInfo => (vertical ? view.info(p, line) : view.info(line, p));
      const pos = (i: CellInfo): number => (vertical ? i.row : i.col);
      let current: CellInfo[] = [];
      let last = -10;
      for (let p = 1; p <= length; p++) {
        const c = at(p);
        if (c.kind === 'empty') continue;
        if (p - last > 3 && current.length > 0) { list.push(stretchOf(current, pos)); current = []; }
        current.push(c);
        last = p;
      }
      if (current.length > 0) list.push(stretchOf(current, pos));
      cache.set(key, list);
    }
    const p = vertical ? info.row : info.col;
    return list.find(s => s.index.has(p)) ?? null;
  };
}

/** Is the line through the cell clearly a line of quantities in which this text number stands out? */
function numericLine(info: CellInfo, s: Stretch, at: number): boolean {
  // Counts leave the cell itself out (it is a text number, never a number).
  const texts = s.textnums - 1 + s.textsAmongNumbers;
  if (s.numbers < 3 || s.numbers < texts * 2) return false;
  // The start of a line may be its header ("2025" over a year's figures): without a number before it, the cell
  // must follow a text header and not read as a year.
  const numberBefore = s.firstNumber >= 0 && s.firstNumber < at;
  const textBefore = s.firstText >= 0 && s.firstText < at;
  if (!numberBefore && (isYear(info.number) || !textBefore)) return false;
  return !CODE_HEADER.test(s.header) && !s.labels;
}

/** A line made of codes or labels ("1", "2", "1.1" typed as text; names): text numbers there are not quantities. */
function codeOrTextLine(s: Stretch, at: number): boolean {
  if (s.firstText >= 0 && s.firstText < at && CODE_HEADER.test(s.header)) return true;
  return (s.textnums - 1) * 2 >= s.size - 1;
}

/** The cells of the sheet that hold a number as text in a column (or a row) of numbers. */
export function textNumberCells(view: SheetView): CellInfo[] {
  const out: CellInfo[] = [];
  const stretchAt = stretches(view);
  for (let r = 1; r <= view.sheet.rowCount; r++) {
    for (let c = 1; c <= view.sheet.colCount; c++) {
      const info = view.info(r, c);
      if (info.kind !== 'textnum') continue;
      const column = stretchAt(true, info);
      const row = stretchAt(false, info);
      const inColumn = column?.index.get(r) ?? -1;
      const inRow = row?.index.get(c) ?? -1;
      if ((column && numericLine(info, column, inColumn))
        || (row && column && numericLine(info, row, inRow) && !codeOrTextLine(column, inColumn))) out.push(info);
    }
  }
  return out;
}

export function textNumberRules(ctx: AuditContext): Finding[] {
  const { view } = ctx;
  const out: Finding[] = [];
  for (const info of textNumberCells(view)) {
    const at = cellAddress(info.row, info.col);
    const text = info.cell?.v.t === 's' ? info.cell.v.s.trim() : '';
    const value = String(info.number ?? '').replace('.', ',');
    const dotted = /^\d{1,3}(\.\d{3})+$/.test(text) ? ' (dấu chấm phân cách hàng nghìn)' : '';
    const readers = readersOf(ctx.book, ctx.formulas, view.sheet, info.row, info.col, 'any');
    const used = readers.length > 0
      ? ` Công thức đọc ô này (${readers.slice(0, 5).map(addressOf).join(', ')}) sẽ bỏ qua nó hoặc báo lỗi.`
      : '';
    // Read by a formula it spoils a figure (warning); read by nothing it is a property of the sheet (info).
    out.push(finding(view.sheet.name, at, 'text-number',
      `Ô ${at} chứa "${text}"${dotted} dạng văn bản giữa một cột số.${used} Hãy nhập lại thành số ${value} / a number stored as text in a column of numbers`, null,
      { severity: readers.length > 0 ? 'warning' : 'info' }));
    for (const f of readersOf(ctx.book, ctx.formulas, view.sheet, info.row, info.col, 'direct')) {
      const fAt = addressOf(f);
      const sheetName = f.sheet.name;
      out.push(finding(sheetName, fAt, 'text-number-used',
        `Công thức ${fAt} (=${f.formula}) đọc ô ${at} chứa "${text}" là số lưu dạng văn bản: kết quả có thể sai hoặc lỗi. Hãy nhập lại ${at} thành số / the formula reads a number stored as text`, f.formula,
        { group: groupId('text-number-used', view.sheet.name, at) }));
    }
  }
  return out;
}
