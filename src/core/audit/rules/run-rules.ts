/**
 * The rules read off runs of agreeing formulas: a typed number among them (hard-coded), a formula whose references
 * point elsewhere (inconsistent), a literal where the others read a cell (constant in formula).
 */
import { cellAddress } from '../../grid/address';
import type { AuditContext } from '../context';
import { finding, groupId, type Finding } from '../finding';
import { runAnomalies, runSpan, type RunAnomaly } from '../runs';
import { shown } from '../view';

function where(a: RunAnomaly): string {
  return a.run.direction === 'down' ? 'cùng cột' : 'cùng hàng';
}

function message(a: RunAnomaly): string {
  const at = cellAddress(a.at.row, a.at.col);
  const span = runSpan(a.run);
  const first = a.run.cells[0];
  const example = first ? ` (như ${cellAddress(first.row, first.col)}: =${a.run.formula})` : '';
  const peers = `${a.run.cells.length} ô ${where(a)} trong vùng ${span} tính theo cùng một công thức${example}`;
  switch (a.kind) {
    case 'hard-coded':
      return `Ô ${at} chứa số ${shown(a.at.cell)} gõ tay trong khi ${peers}. `
        + `Hãy thay bằng công thức =${a.expected} để kết quả tự cập nhật theo số liệu / a typed number where the neighbours compute =${a.expected}`;
    case 'shifted': {
      const what = a.pairs.map(p => `${p.got} thay vì ${p.want}`).join(', ');
      return `Công thức ${at} đọc ${what}, khác ${peers}. `
        + `Có lẽ tham chiếu bị lệch; sửa thành =${a.expected} / the formula reads other cells than its neighbours; expected =${a.expected}`;
    }
    case 'variant':
      return `Công thức ${at} (=${a.at.cell?.f ?? ''}) gần giống nhưng khác ${peers}. `
        + `Có lẽ bị sửa nhầm (toán tử, hàm, hằng số hoặc vùng); kiểm tra và sửa thành =${a.expected} / a near copy of its neighbours' formula that differs; expected =${a.expected}`;
    case 'empty-input': {
      const cells = a.empty.join(', ');
      return `Công thức ${at} (=${a.at.cell?.f ?? ''}) đọc ${cells} đang trống, trong khi ${peers} và các hàng khác đều có số liệu ở đó: `
        + `kết quả ${shown(a.at.cell)} không phản ánh thực tế. Hãy nhập số liệu cho ${cells} / the formula reads an empty cell where its neighbours read figures`;
    }
    case 'constant': {
      const what = a.constants.map(p => `số ${p.literal} gõ thẳng vào công thức thay cho ô ${p.want}`).join(', ');
      return `Công thức ${at} có ${what}, trong khi ${peers}. `
        + `Khi ${a.constants.map(p => p.want).join(', ')} thay đổi, kết quả sẽ sai; sửa thành =${a.expected} / a literal where the neighbours read a cell; expected =${a.expected}`;
    }
  }
}

const RULE = {
  'hard-coded': 'hard-coded', shifted: 'inconsistent-formula', variant: 'inconsistent-formula', constant: 'constant-in-formula', 'empty-input': 'empty-reference',
} as const;

export function runRules(ctx: AuditContext): Finding[] {
  return runAnomalies(ctx.view).map(a =>
    // One group per run and rule: the odd cells of one block share a cause.
    finding(ctx.view.sheet.name, cellAddress(a.at.row, a.at.col), RULE[a.kind], message(a), a.at.cell?.f ?? null, { group: groupId(RULE[a.kind], ctx.view.sheet.name, runSpan(a.run)) }));
}
