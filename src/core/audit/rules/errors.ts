/**
 * Error values (#DIV/0!, #VALUE!, #REF!…): reported where they start, with the cause when the cells show it
 * (an empty or zero denominator, a text operand, a deleted reference). A formula that only passes on an error from
 * a cell it reads is not reported again: the message of the cell where the error starts names it.
 */
import { cellAt } from '../../grid/access';
import { cellAddress } from '../../grid/address';
import type { Cell } from '../../grid/types';
import type { AuditContext } from '../context';
import { finding, groupId, type Finding } from '../finding';
import { refA1, toR1C1 } from '../r1c1';
import { tokenize, type Ref, type Token } from '../tokens';
import { textNumber } from '../view';
import { addressOf, readersOf, targetSheet } from '../workbook';
import { deadCell } from './empty-refs';

function refCell(ctx: AuditContext, ref: Ref): Cell | undefined | null {
  const sheet = targetSheet(ctx.book, ctx.view.sheet, ref);
  return sheet ? cellAt(sheet, ref.from.row, ref.from.col) : null;
}

function isBlank(cell: Cell | undefined): boolean {
  return !cell || (cell.f === undefined && cell.v.t === 's' && cell.v.s.trim() === '');
}

/** Does any cell this formula reads hold an error already? */
function readsError(ctx: AuditContext, tokens: readonly Token[]): boolean {
  for (const t of tokens) {
    if (t.k !== 'ref') continue;
    const sheet = targetSheet(ctx.book, ctx.view.sheet, t.ref);
    if (!sheet) continue;
    const bottom = Math.min(t.ref.to.row, sheet.rowCount);
    const right = Math.min(t.ref.to.col, sheet.colCount);
    for (let r = t.ref.from.row; r <= bottom; r++) {
      for (let c = t.ref.from.col; c <= right; c++) {
        if (cellAt(sheet, r, c)?.v.t === 'e') return true;
      }
    }
  }
  return false;
}

/** The denominators: what follows each "/" (a single cell reference, or something more complex). */
function divisionCause(ctx: AuditContext, tokens: readonly Token[]): string | null {
  const causes: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.k !== 'op' || tokens[i]?.text !== '/') continue;
    const next = tokens[i + 1];
    if (next?.k === 'num' && next.value === 0) { causes.push('chia cho số 0 viết trong công thức'); continue; }
    if (next?.k !== 'ref' || next.ref.kind !== 'cell') continue;
    const cell = refCell(ctx, next.ref);
    const at = refA1(next.ref);
    if (cell === null) continue;
    const sheet = targetSheet(ctx.book, ctx.view.sheet, next.ref);
    const dead = sheet ? deadCell(sheet, next.ref.from.row, next.ref.from.col) : null;
    if (isBlank(cell)) causes.push(`mẫu số ${at} đang trống${dead ? ` (${dead})` : ''}`);
    else if (cell?.v.t === 'n' && cell.v.n === 0) causes.push(`mẫu số ${at} bằng 0`);
  }
  if (causes.length > 0) return causes.join('; ');
  if (tokens.some(t => t.k === 'func' && t.name === 'AVERAGE')) return 'vùng lấy trung bình không có số nào';
  return null;
}

/** Cells read directly that hold text where a number is needed. */
function textOperands(ctx: AuditContext, tokens: readonly Token[]): string | null {
  const found: string[] = [];
  for (const t of tokens) {
    if (t.k !== 'ref' || t.ref.kind !== 'cell') continue;
    const cell = refCell(ctx, t.ref);
    if (!cell || cell.f !== undefined || cell.v.t !== 's' || cell.v.s.trim() === '') continue;
    const asNumber = textNumber(cell.v.s) !== null;
    found.push(`${refA1(t.ref)} chứa "${cell.v.s.trim()}" là văn bản${asNumber ? ' (số lưu dạng văn bản)' : ''}`);
  }
  return found.length > 0 ? found.join('; ') : null;
}

function causeOf(ctx: AuditContext, code: string, tokens: readonly Token[]): string | null {
  switch (code.toUpperCase()) {
    case '#DIV/0!': return divisionCause(ctx, tokens);
    case '#VALUE!': return textOperands(ctx, tokens);
    case '#REF!': return tokens.some(t => t.k === 'err' && t.text.toUpperCase() === '#REF!')
      ? 'công thức trỏ tới ô hoặc trang đã bị xoá' : null;
    case '#NAME?': {
      const names = tokens.flatMap(t => (t.k === 'name' ? [t.text] : []));
      return names.length > 0 ? `tên không có trong sổ tính: ${names.join(', ')}` : null;
    }
    case '#N/A': return 'hàm tra cứu không tìm thấy giá trị';
    default: return null;
  }
}

const FIX: Readonly<Record<string, string>> = {
  '#DIV/0!': 'Nhập mẫu số khác 0, hoặc bọc công thức bằng IF khi chưa có số liệu',
  '#VALUE!': 'Nhập lại các ô dữ liệu dạng số',
  '#REF!': 'Viết lại công thức với tham chiếu đúng',
  '#NAME?': 'Sửa tên hàm hoặc tên vùng cho đúng',
  '#N/A': 'Kiểm tra giá trị tra cứu',
};

export function errorValues(ctx: AuditContext): Finding[] {
  const { view } = ctx;
  const out: Finding[] = [];
  for (let r = 1; r <= view.sheet.rowCount; r++) {
    for (let c = 1; c <= view.sheet.colCount; c++) {
      const cell = cellAt(view.sheet, r, c);
      if (cell?.v.t !== 'e') continue;
      const code = cell.v.e;
      const at = cellAddress(r, c);
      if (cell.f === undefined) {
        out.push(finding(view.sheet.name, at, 'error-value',
          `Ô ${at} chứa giá trị lỗi ${code} (không phải công thức, có lẽ dán từ nơi khác). Hãy nhập số liệu đúng / the cell holds a pasted error value`, null));
        continue;
      }
      const tokens = tokenize(cell.f).filter(t => t.k !== 'space');
      // An error passed on from a cell it reads is reported at its source.
      if (readsError(ctx, tokens)) continue;
      const cause = causeOf(ctx, code, tokens);
      const spread = readersOf(ctx.book, ctx.formulas, view.sheet, r, c, 'any')
        .filter(f => !(f.sheet === view.sheet && f.row === r && f.col === c) && cellAt(f.sheet, f.row, f.col)?.v.t === 'e')
        .map(f => (f.sheet === view.sheet ? addressOf(f) : `'${f.sheet.name}'!${addressOf(f)}`));
      const fix = cause?.includes('ngoài vùng có dữ liệu') || cause?.includes('không có dữ liệu')
        ? 'Công thức trỏ ra ngoài bảng số liệu: hãy sửa tham chiếu cho đúng ô'
        : FIX[code.toUpperCase()] ?? 'Kiểm tra lại công thức và các ô nó đọc';
      const parts = [
        `Công thức ${at} (=${cell.f}) trả về lỗi ${code}`,
        cause ? `: ${cause}` : '',
        `. ${fix}`,
        spread.length > 0 ? `; lỗi này lan sang ${spread.slice(0, 5).join(', ')}${spread.length > 5 ? '…' : ''}` : '',
        ` / the formula returns ${code}`,
      ];
      // The same formula copied down failing the same way is one cause.
      out.push(finding(view.sheet.name, at, 'error-value', parts.join(''), cell.f,
        { group: groupId('error-value', view.sheet.name, `${code} ${toR1C1(cell.f, r, c)}`) }));
    }
  }
  return out;
}

