/**
 * Formulas that read empty cells where no data can be: outside the sheet's used area, in a row or column with
 * nothing in it, or inside a merged area (only its top-left cell holds a value). An empty input in a data row that
 * simply has not been filled in yet is not reported: that is pending data, not a wrong formula.
 */
import { cellAt, isEmptyCell, mergeCovering } from '../../grid/access';
import { cellAddress } from '../../grid/address';
import type { SheetGrid } from '../../grid/types';
import type { AuditContext } from '../context';
import { finding, groupId, type Finding } from '../finding';
import { refA1, toR1C1 } from '../r1c1';
import type { Ref } from '../tokens';
import { targetSheet } from '../workbook';

function rowEmpty(sheet: SheetGrid, row: number): boolean {
  return (sheet.rows[row - 1] ?? []).every(c => isEmptyCell(c));
}

/** Columns with nothing in them, per sheet, computed once: formulas ask about the same columns again and again. */
const emptyColumns = new WeakMap<SheetGrid, Set<number>>();

function colEmpty(sheet: SheetGrid, col: number): boolean {
  let used = emptyColumns.get(sheet);
  if (!used) {
    used = new Set<number>();
    for (const cells of sheet.rows) cells?.forEach((c, i) => { if (!isEmptyCell(c)) used?.add(i + 1); });
    emptyColumns.set(sheet, used);
  }
  return !used.has(col);
}

/** Why a single empty cell cannot be an input, or null when it may simply be waiting for data. */
export function deadCell(sheet: SheetGrid, row: number, col: number): string | null {
  if (!isEmptyCell(cellAt(sheet, row, col))) return null;
  if (row > sheet.rowCount || col > sheet.colCount) return 'nằm ngoài vùng có dữ liệu';
  const merge = mergeCovering(sheet, row, col);
  if (merge && (merge.top !== row || merge.left !== col)) return 'nằm trong ô gộp (chỉ ô đầu của vùng gộp có giá trị)';
  if (colEmpty(sheet, col)) return 'thuộc cột không có dữ liệu';
  if (rowEmpty(sheet, row)) return 'thuộc hàng trống';
  return null;
}

const MAX_CELLS = 4000;

export function deadRef(sheet: SheetGrid, ref: Ref): string | null {
  if (ref.kind === 'cell') return deadCell(sheet, ref.from.row, ref.from.col);
  if (ref.kind !== 'area') return null;
  const size = (ref.to.row - ref.from.row + 1) * (ref.to.col - ref.from.col + 1);
  if (size > MAX_CELLS) return null;
  let reason: string | null = null;
  for (let r = ref.from.row; r <= ref.to.row; r++) {
    for (let c = ref.from.col; c <= ref.to.col; c++) {
      const why = deadCell(sheet, r, c);
      if (why === null) return null;
      reason ??= why;
    }
  }
  return reason === null ? null : `toàn bộ vùng ${reason}`;
}

export function emptyRefRules(ctx: AuditContext): Finding[] {
  const { view } = ctx;
  const hits: { at: string; formula: string; dead: string[]; key: string }[] = [];
  for (const f of ctx.formulas) {
    if (f.sheet !== view.sheet) continue;
    const dead: string[] = [];
    for (const ref of f.refs) {
      const sheet = targetSheet(ctx.book, f.sheet, ref);
      if (!sheet) continue;
      const why = deadRef(sheet, ref);
      if (why !== null) dead.push(`${sheet === f.sheet ? '' : `'${sheet.name}'!`}${refA1(ref)} (${why})`);
    }
    if (dead.length > 0) hits.push({ at: cellAddress(f.row, f.col), formula: f.formula, dead, key: toR1C1(f.formula, f.row, f.col) });
  }
  // One formula copied over a block whose inputs are not filled in yet is a template, not a wrong reference.
  const copies = new Map<string, number>();
  for (const h of hits) copies.set(h.key, (copies.get(h.key) ?? 0) + 1);
  return hits.map(h => {
    const template = (copies.get(h.key) ?? 0) >= 3;
    return finding(view.sheet.name, h.at, 'empty-reference',
      `Công thức ${h.at} (=${h.formula}) đọc ô trống: ${[...new Set(h.dead)].join(', ')}. `
      + (template
        ? `${copies.get(h.key) ?? 0} ô chép cùng công thức này đều đọc ô trống: có lẽ là mẫu chưa nhập số liệu / a copied formula whose inputs are all empty`
        : 'Có lẽ tham chiếu trỏ nhầm chỗ; hãy sửa cho đúng ô chứa số liệu / the formula reads empty cells where no data can be'),
      h.formula, template ? { severity: 'info', group: groupId('empty-reference', view.sheet.name, h.key) } : {});
  });
}
