/**
 * "Tạo báo cáo kiểm tra": the audit as a sheet. Counts per rule at the top, then one line per finding with the cell
 * as an internal hyperlink, the formula as plain text (never a live formula), the value the cell shows and the message.
 */
import { cellAt } from '../grid/access';
import { parseCellAddress } from '../grid/address';
import type { Scalar, WorkbookGrid } from '../grid/types';
import { rowsFromCells } from '../plan/rows';
import type { CellStyle, PlanValue, PlannedCell, SheetPlan } from '../plan/types';
import { STATUS } from '../status/vocabulary';
import { countByRule } from './audit';
import { RULES, type Finding, type Severity } from './finding';

export const AUDIT_SHEET = 'Kiểm tra công thức';
export const AUDIT_COLUMNS = ['STT', 'Loại', 'Mức độ', 'Trang tính', 'Ô', 'Công thức', 'Giá trị', 'Nội dung'] as const;

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' };

/** The status vocabulary's colours: errors read as "not met", warnings as "at risk", notes as the muted blue. */
const look = (s: keyof typeof STATUS): CellStyle => ({ fill: STATUS[s].fill, fontColor: STATUS[s].font });
const SEVERITY_STYLE: Readonly<Record<Severity, CellStyle>> = { error: look('not_met'), warning: look('at_risk'), info: look('not_applicable') };
const HEADER_STYLE: CellStyle = { bold: true, fill: 'D9E1F2', wrap: true, align: 'center' };
const TITLE_STYLE: CellStyle = { bold: true };

function text(s: string): PlanValue {
  return s === '' ? { t: 'empty' } : { t: 's', s };
}

/** What the cell shows, as a value (errors and booleans as their text). */
function valueOf(v: Scalar | undefined): PlanValue {
  if (!v) return { t: 'empty' };
  switch (v.t) {
    case 'n': return { t: 'n', n: v.n };
    case 's': return text(v.s);
    case 'b': return { t: 's', s: v.b ? 'TRUE' : 'FALSE' };
    case 'e': return { t: 's', s: v.e };
  }
}

export interface AuditPlanOptions {
  /** Shown under the title (the file name, or the workbook's name in the add-in). */
  readonly source?: string;
  /** Sheet name wanted; the adapter adds a suffix when it is taken. */
  readonly name?: string;
}

/** The audit report sheet for one workbook's findings. */
export function auditPlan(findings: readonly Finding[], book: WorkbookGrid, options: AuditPlanOptions = {}): SheetPlan {
  const cells: PlannedCell[] = [];
  const put = (row: number, col: number, value: PlanValue, style?: CellStyle): void => {
    cells.push(style ? { row, col, value, style } : { row, col, value });
  };
  put(1, 1, text('KIỂM TRA CÔNG THỨC VÀ SỐ LIỆU'), TITLE_STYLE);
  const cellCount = new Set(findings.map(f => `${f.sheet}!${f.cell}`)).size;
  const summary = findings.length === 0
    ? 'Không phát hiện vấn đề nào.'
    : `${findings.length} phát hiện trên ${cellCount} ô${options.source ? ` — ${options.source}` : ''}`;
  put(2, 1, text(summary));

  let row = 4;
  const counts = countByRule(findings);
  if (counts.length > 0) {
    ['Loại', 'Mức độ', 'Số lượng'].forEach((h, i) => put(row, i + 2, text(h), HEADER_STYLE));
    for (const { rule, count } of counts) {
      row++;
      const info = RULES[rule];
      put(row, 2, text(info.title));
      put(row, 3, text(SEVERITY_LABELS[info.severity]), SEVERITY_STYLE[info.severity]);
      put(row, 4, { t: 'n', n: count });
    }
    row += 2;
  }
  const headerRow = row;
  AUDIT_COLUMNS.forEach((h, i) => put(headerRow, i + 1, text(h), HEADER_STYLE));
  findings.forEach((f, i) => {
    const r = headerRow + 1 + i;
    const sheet = book.sheets.find(s => s.name === f.sheet);
    const p = parseCellAddress(f.cell);
    const shown = sheet && p ? cellAt(sheet, p.row, p.col)?.v : undefined;
    put(r, 1, { t: 'n', n: i + 1 });
    put(r, 2, text(RULES[f.rule].title), { wrap: true });
    put(r, 3, text(SEVERITY_LABELS[f.severity]), SEVERITY_STYLE[f.severity]);
    put(r, 4, text(f.sheet));
    put(r, 5, { t: 'link', text: f.cell, sheet: f.sheet, cell: f.cell });
    put(r, 6, text(f.formula ?? ''));
    put(r, 7, valueOf(shown));
    put(r, 8, text(f.message), { wrap: true });
  });
  return {
    name: options.name ?? AUDIT_SHEET,
    rows: rowsFromCells(cells),
    columnWidths: [5, 34, 10, 18, 7, 26, 12, 90],
    // Freezing the header helps on a long list, but not when the counts above it would fill the screen.
    ...(headerRow <= 12 ? { freezeRows: headerRow } : {}),
  };
}
