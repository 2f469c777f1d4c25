/**
 * Numbers stored as text ("42", "1.247" with dot thousands, "12,5") in a column of numbers: SUM skips them and
 * arithmetic either fails (#VALUE!) or reads "1.247" as 1,247. Only where the column is clearly numeric: at least
 * three numbers, twice as many numbers as texts, a number above the cell (so it is not the header), and the column
 * is not a code column (TT, STT, Mã), a list of years, or a serial-number sequence.
 */
import { cellAddress } from '../../grid/address';
import { fold } from '../../text/fold';
import type { AuditContext } from '../context';
import { finding, type Finding } from '../finding';
import type { CellInfo, SheetView } from '../view';
import { addressOf, readersOf } from '../workbook';

const CODE_HEADER = /^(s?tt|so tt|so thu tu|thu tu|ma|ma so|ky hieu|so hieu|dien thoai|sdt|so dien thoai)\b/;

/** The stretch of the column around `row` without three empty cells in a row. */
function columnStretch(view: SheetView, row: number, col: number): CellInfo[] {
  const out: CellInfo[] = [];
  const walk = (step: number): void => {
    let empties = 0;
    for (let r = row + step; r >= 1 && r <= view.sheet.rowCount; r += step) {
      const info = view.info(r, col);
      if (info.kind === 'empty') { if (++empties >= 3) return; continue; }
      empties = 0;
      out.push(info);
    }
  };
  walk(-1);
  walk(1);
  return out.sort((a, b) => a.row - b.row);
}

/** The nearest text above the stretch: the column's header. */
function headerOf(view: SheetView, stretch: readonly CellInfo[], col: number): string {
  const texts = stretch.filter(i => i.kind === 'text');
  const top = texts[0];
  if (top) return fold(String(top.cell?.v.t === 's' ? top.cell.v.s : ''));
  const first = stretch[0];
  for (let r = (first?.row ?? 1) - 1; r >= 1; r--) {
    const info = view.info(r, col);
    if (info.kind === 'text' && info.cell?.v.t === 's') return fold(info.cell.v.s);
  }
  return '';
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

/** The cells of the sheet that hold a number as text in a numeric column. */
export function textNumberCells(view: SheetView): CellInfo[] {
  const out: CellInfo[] = [];
  for (let r = 1; r <= view.sheet.rowCount; r++) {
    for (let c = 1; c <= view.sheet.colCount; c++) {
      const info = view.info(r, c);
      if (info.kind !== 'textnum') continue;
      const stretch = columnStretch(view, r, c);
      const numbers = stretch.filter(isNumeric);
      const texts = stretch.filter(i => i.kind === 'text' && i.row > (numbers[0]?.row ?? Infinity)).length
        + stretch.filter(i => i.kind === 'textnum').length;
      if (numbers.length < 3 || numbers.length < texts * 2) continue;
      // The top of a numeric column may be its header ("2025" over a year's figures): without a number above,
      // the cell must sit under a text header and not read as a year.
      const yearLike = info.number !== null && Number.isInteger(info.number) && info.number >= 1900 && info.number <= 2100;
      if (!numbers.some(i => i.row < r) && (yearLike || !stretch.some(i => i.kind === 'text' && i.row < r))) continue;
      if (CODE_HEADER.test(headerOf(view, stretch, c))) continue;
      const values = numbers.map(i => i.number ?? 0);
      if (values.every(v => Number.isInteger(v) && v >= 1900 && v <= 2100)) continue;
      if (isSerial(values)) continue;
      out.push(info);
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
