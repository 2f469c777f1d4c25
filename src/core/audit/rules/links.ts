/**
 * Links to other workbooks ("[1]Sheet1!A1", "'C:\dir\[x.xlsx]S'!A1"): the figure depends on a file the reader of
 * the report does not have, and silently keeps a stale value. A property of the workbook (info), one group per linked
 * workbook; a DDE link that starts a program is an error.
 */
import { cellAddress } from '../../grid/address';
import type { AuditContext } from '../context';
import { finding, type Finding } from '../finding';
import { externalWorkbooks } from '../tokens';

const DDE = /(^|[=+\-*/(,;&\s])[A-Za-z][\w.]*\|\s*'?[^'!|]*'?!/;

export function linkRules(ctx: AuditContext): Finding[] {
  const { view } = ctx;
  const out: Finding[] = [];
  for (const f of ctx.formulas) {
    if (f.sheet !== view.sheet) continue;
    const at = cellAddress(f.row, f.col);
    // DDE ("cmd|' /C calc'!A0"): the formula asks Excel to start another program — never legitimate in a report.
    if (DDE.test(f.formula)) {
      out.push(finding(view.sheet.name, at, 'external-link',
        `Công thức ${at} (=${f.formula}) là liên kết DDE gọi một chương trình khác: có thể là mã độc. Không bật nội dung khi Excel hỏi; hãy xóa công thức và nhập số liệu / a DDE link that starts another program`, f.formula,
        { severity: 'error' }));
      continue;
    }
    const books = externalWorkbooks(f.formula);
    if (books.length === 0) continue;
    const names = books.map(b => (/^\d+$/.test(b) ? `sổ tính liên kết số ${b}` : `"${b}"`)).join(', ');
    out.push(finding(view.sheet.name, at, 'external-link',
      `Công thức ${at} (=${f.formula}) lấy số liệu từ sổ tính khác (${names}): người nhận báo cáo không có tệp đó nên số liệu không cập nhật hoặc báo lỗi. `
      + 'Hãy chép số liệu vào sổ này (Dán giá trị) hoặc đưa bảng nguồn vào cùng sổ / the formula links to another workbook', f.formula,
      // A workbook linked on purpose is one fact about the file, however many cells read it.
      { group: `external-link:[${(books[0] ?? '').toLowerCase()}]` }));
  }
  return out;
}
