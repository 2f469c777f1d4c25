/**
 * Numbers stored as text ("42", "1.247" with dot thousands, "12,5") in a column of numbers: SUM skips them and
 * arithmetic either fails (#VALUE!) or reads "1.247" as 1,247. Only where the column (or, for tables laid across,
 * the row) is clearly numeric: at least three numbers, twice as many numbers as texts, a number or a text header
 * before the cell (so it is not the header itself), and not a code column (TT, STT, Mã), years, or a serial sequence.
 */
import { cellAddress } from '../../grid/address';
import { fold } from '../../text/fold';
import type { AuditContext } from '../context';
import { finding, type Finding } from '../finding';
import type { CellInfo, SheetView } from '../view';
import { addressOf, readersOf } from '../workbook';

const CODE_HEADER = /^(s?tt|so tt|so thu tu|thu tu|ma|ma so|ky hieu|so hieu|dien thoai|sdt|so dien thoai)\b/;

/** A column (vertical) or a row through a cell, as positions 1…length. */
interface Line { readonly length: number; at(p: number): CellInfo; readonly pos: number }

function lineThrough(view: SheetView, info: CellInfo, vertical: boolean): Line {
  return vertical
    ? { length: view.sheet.rowCount, at: p => view.info(p, info.col), pos: info.row }
    : { length: view.sheet.colCount, at: p => view.info(info.row, p), pos: info.col };
}

/** The cells around the position (itself excluded), up to three empty cells in a row, in order. */
function stretchOf(line: Line): { before: CellInfo[]; after: CellInfo[] } {
  const walk = (step: number): CellInfo[] => {
    const out: CellInfo[] = [];
    let empties = 0;
    for (let p = line.pos + step; p >= 1 && p <= line.length; p += step) {
      const info = line.at(p);
      if (info.kind === 'empty') { if (++empties >= 3) break; continue; }
      empties = 0;
      out.push(info);
    }
    return out;
  };
  return { before: walk(-1).reverse(), after: walk(1) };
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

/** Is the line through the cell clearly a line of quantities in which this text stands out? */
function numericLine(info: CellInfo, line: Line): boolean {
  const { before, after } = stretchOf(line);
  const all = [...before, ...after];
  const numbers = all.filter(isNumeric);
  const firstNumber = numbers[0];
  const texts = all.filter(i => i.kind === 'textnum' || (i.kind === 'text' && firstNumber !== undefined && all.indexOf(i) > all.indexOf(firstNumber))).length;
  if (numbers.length < 3 || numbers.length < texts * 2) return false;
  // The start of a line may be its header ("2025" over a year's figures): without a number before it, the cell
  // must follow a text header and not read as a year.
  if (!before.some(isNumeric) && (isYear(info.number) || !before.some(i => i.kind === 'text'))) return false;
  const header = before.find(i => i.kind === 'text') ?? all.find(i => i.kind === 'text');
  if (header && CODE_HEADER.test(textOf(header))) return false;
  const values = numbers.map(i => i.number ?? 0);
  return !values.every(v => isYear(v)) && !isSerial(values);
}

/** A line made of codes or labels ("1", "2", "1.1" typed as text; names): text numbers there are not quantities. */
function codeOrTextLine(line: Line): boolean {
  const { before, after } = stretchOf(line);
  const all = [...before, ...after];
  const header = before.find(i => i.kind === 'text');
  if (header && CODE_HEADER.test(textOf(header))) return true;
  return all.filter(i => i.kind === 'textnum').length * 2 >= all.length;
}

/** The cells of the sheet that hold a number as text in a column (or a row) of numbers. */
export function textNumberCells(view: SheetView): CellInfo[] {
  const out: CellInfo[] = [];
  for (let r = 1; r <= view.sheet.rowCount; r++) {
    for (let c = 1; c <= view.sheet.colCount; c++) {
      const info = view.info(r, c);
      if (info.kind !== 'textnum') continue;
      const column = lineThrough(view, info, true);
      const row = lineThrough(view, info, false);
      if (numericLine(info, column) || (numericLine(info, row) && !codeOrTextLine(column))) out.push(info);
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
    out.push(finding(view.sheet.name, at, 'text-number',
      `Ô ${at} chứa "${text}"${dotted} dạng văn bản giữa một cột số.${used} Hãy nhập lại thành số ${value} / a number stored as text in a column of numbers`, null));
    for (const f of readersOf(ctx.book, ctx.formulas, view.sheet, info.row, info.col, 'direct')) {
      const fAt = addressOf(f);
      const sheetName = f.sheet.name;
      out.push(finding(sheetName, fAt, 'text-number-used',
        `Công thức ${fAt} (=${f.formula}) đọc ô ${at} chứa "${text}" là số lưu dạng văn bản: kết quả có thể sai hoặc lỗi. Hãy nhập lại ${at} thành số / the formula reads a number stored as text`, f.formula));
    }
  }
  return out;
}
