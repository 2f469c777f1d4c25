/** The general rules that hold recognition on layouts nobody planned (issue 11), one small grid each. */
import { checkWorkbook } from '../../../src/core/check/check';
import type { IndicatorTableJson } from '../../../src/core/check/report';
import { parseReportDate, parseResultText } from '../../../src/core/grammar';
import { communeIn, communeMentionIn } from '../../../src/core/recognize/context';
import { recognizeSheet } from '../../../src/core/recognize/tables';
import { isTableEndText } from '../../../src/core/recognize/table-end';
import { bookOf, sheetOf, type Raw } from '../../helpers/grid';

const roadmap = (years: Raw[], result = 'Kết quả thực hiện năm 2026') => sheetOf('S', [
  ['STT', 'Chỉ tiêu', 'ĐVT', 'Lộ trình thực hiện', null, null, result],
  [null, null, null, ...years, null],
  ['1', 'Tỷ lệ phủ sóng 5G', '%', '60%', '70%', '100%', 75],
], ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1', 'G1:G2']);

const indicators = (t: unknown) => t as IndicatorTableJson;

describe('group labels over milestone years', () => {
  it('reads years under "Lộ trình thực hiện" as milestones, typed as numbers or text, and the result by its own header', () => {
    for (const years of [[2025, 2026, 2030], ['Mức năm 2025 (Cơ sở)', 'Năm 2026', 'Mức năm 2030 (Đích)']]) {
      const [t] = recognizeSheet(roadmap(years));
      expect(t?.columns.milestones).toEqual([{ year: 2025, col: 4 }, { year: 2026, col: 5 }, { year: 2030, col: 6 }]);
      expect(t?.columns.actual).toBe(7);
      const r = checkWorkbook(bookOf(roadmap(years)), { file: 'x.xlsx' });
      expect(indicators(r.tables[0]).rows[0]).toMatchObject({ status: 'met', target: { op: '>=', value: 70 } });
    }
  });

  it('gives "Kế hoạch | Thực hiện" under "Năm 2026" that year', () => {
    const s = sheetOf('S', [
      ['TT', 'Tên chỉ tiêu', 'Đơn vị tính', 'Năm 2026', null, null],
      [null, null, null, 'Kế hoạch', 'Thực hiện', 'Tỷ lệ %'],
      ['1', 'Tỷ lệ phủ sóng 5G', '%', '90', 72.5, 80.6],
    ], ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1']);
    const [t] = recognizeSheet(s);
    expect(t?.columns).toMatchObject({ target: 4, targetYear: 2026, actual: 5, actualYear: 2026 });
    expect(t?.headerRow).toBe(2);
  });
});

describe('which year is judged', () => {
  it('lets --period win over the header year, and says when the year has no milestone column', () => {
    const r = checkWorkbook(bookOf(roadmap([2025, 2026, 2030])), { file: 'x.xlsx', period: 2027 });
    expect(r.tables[0]?.period).toBe(2027);
    expect(indicators(r.tables[0]).rows[0]?.target?.value).toBe(100);
    expect(r.notices.map(n => n.code)).toContain('period-without-milestone');
  });

  it('does not take a plan\'s issue date or a cited document\'s date for the report', () => {
    expect(parseReportDate('UBND xã A đã ban hành Kế hoạch số 39/KH-UBND ngày 30/01/2026 về việc …')).toBeNull();
    expect(parseReportDate('(Kèm theo Báo cáo số 120/BC-UBND ngày 05/12/2026 của UBND xã A)')).toBe('2026-12-05');
    const s = roadmap([2025, 2026, 2030], 'Kết quả thực hiện');
    const withCaption = sheetOf('S', [['(Ban hành kèm theo Kế hoạch số 30/KH-UBND ngày 24 tháng 11 năm 2025)'], [],
      ...s.rows.map(r => (r ?? []).map(c => (c?.v.t === 's' ? c.v.s : c?.v.t === 'n' ? c.v.n : null)))],
    ['A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4']);
    const r = checkWorkbook(bookOf(withCaption), { file: 'x.xlsx' });
    expect(r.tables[0]?.period).toBeNull();
    expect(r.notices.map(n => n.code)).toContain('period-unknown');
  });
});

describe('where a table goes on and where it ends', () => {
  it('continues the table after a partial repeat of its header, with the first header\'s columns', () => {
    const s = sheetOf('S', [
      ['TT', 'Chỉ tiêu', 'Đơn vị', 'Mục tiêu', 'Kết quả năm 2026'],
      ['1', 'A', '%', '90', 95],
      ['TT', 'Chỉ tiêu', 'Đơn vị', 'Mục tiêu'],
      ['2', 'B', '%', '90', 80],
    ]);
    const tables = recognizeSheet(s);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.rows.map(r => r.row)).toEqual([2, 4]);
  });

  it('ends at notes, place-date lines and signature blocks', () => {
    for (const t of ['Nơi nhận:', 'Ghi chú: số liệu ước', '(*) Tính trên tổng số', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'NGƯỜI LẬP BIỂU', 'Phú Thịnh, ngày 24 tháng 4 năm 2026']) {
      expect(isTableEndText(t)).toBe(true);
    }
    for (const t of ['UBND', 'Chủ tịch UBND xã', 'Tỷ lệ hồ sơ (*)', 'Văn phòng HĐND&UBND']) expect(isTableEndText(t)).toBe(false);
    const s = sheetOf('S', [
      ['TT', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả'], ['1', 'Tỷ lệ phủ sóng 5G', '90', 95], [], [null, 'NGƯỜI LẬP BIỂU', 'KT. CHỦ TỊCH'], [null, 'Nguyễn Văn A', 'Trần Văn B'],
    ]);
    expect(recognizeSheet(s)[0]?.rows.map(r => r.row)).toEqual([2]);
  });

  it('applies a unit merged over a block of rows to every row of it', () => {
    const s = sheetOf('S', [['TT', 'Chỉ tiêu', 'ĐVT', 'Mục tiêu', 'Kết quả'], ['1', 'A', '%', '90', 95], ['2', 'B', null, '90', 112]], ['C2:C3']);
    const r = checkWorkbook(bookOf(s), { file: 'x.xlsx' });
    expect(indicators(r.tables[0]).rows.map(x => x.status)).toEqual(['met', 'invalid']);
  });

  it('does not take a meeting schedule for a task table', () => {
    const s = sheetOf('S', [['STT', 'Thời gian', 'Nội dung', 'Chủ trì', 'Thành phần'], ['1', '08/12/2026', 'Họp Ban chỉ đạo', 'Chủ tịch UBND xã', 'Thành viên']]);
    expect(recognizeSheet(s)).toEqual([]);
  });
});

describe('typed forms', () => {
  it('names the commune by the capitalised run in running text', () => {
    expect(communeIn('UBND xã Phượng Tiến đã ban hành kế hoạch số 39/KH-UBND')).toBe('Phượng Tiến');
    expect(communeIn('ỦY BAN NHÂN DÂN XÃ PHÚ THỊNH')).toBe('Phú Thịnh');
  });

  it('reads a count out of a total as a rate where the indicator is a percentage', () => {
    expect(parseResultText('19/20 thôn')).toMatchObject({ kind: 'number', value: 19, of: 20 });
    expect(parseResultText('4/2026')).toMatchObject({ kind: 'unreadable' });
    const s = sheetOf('S', [['TT', 'Chỉ tiêu', 'ĐVT', 'Mục tiêu', 'Kết quả'], ['1', 'A', '%', '100', '19/20 thôn'], ['2', 'B', '%', '80', '1.247/1.484'], ['3', 'C', 'thôn', '20', '19/20']]);
    const rows = indicators(checkWorkbook(bookOf(s), { file: 'x.xlsx' }).tables[0]).rows;
    expect(rows.map(r => [r.status, r.actual?.value])).toEqual([['not_met', 95], ['met', 84.03], ['not_met', 19]]);
  });

  it('judges a binary target against "Chưa triển khai" as not met', () => {
    const s = sheetOf('S', [['TT', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả'], ['1', 'A', 'Hoàn thành', 'Chưa triển khai'], ['2', 'B', 'Hoàn thành', 'Chưa thực hiện'], ['3', 'C', 'Đạt', 'Đã hoàn thành']]);
    const rows = indicators(checkWorkbook(bookOf(s), { file: 'x.xlsx' }).tables[0]).rows;
    expect(rows.map(r => r.status)).toEqual(['not_met', 'not_met', 'met']);
  });
});


describe('weaker mentions of the commune', () => {
  it('reads the agency line of the national header block and "trên địa bàn xã …"', () => {
    expect(communeMentionIn('XÃ HÒA BÌNH')).toBe('Hòa Bình');
    expect(communeMentionIn('ĐẶC KHU VÂN ĐỒN')).toBe('Vân Đồn');
    expect(communeMentionIn('XÃ CHÂN MÂY - LĂNG CÔ')).toBe('Chân Mây - Lăng Cô');
    expect(communeMentionIn('Kết quả trên địa bàn phường Cam Ly - Đà Lạt tháng 4/2026')).toBe('Cam Ly - Đà Lạt');
    expect(communeMentionIn('… trên địa bàn đặc khu Lý Sơn năm 2026')).toBe('Lý Sơn');
    expect(communeMentionIn('Tiến độ triển khai … trên địa bàn xã Phú Thịnh tháng 4/2026')).toBe('Phú Thịnh');
    expect(communeMentionIn('Kết quả thực hiện của phường Thành Đông năm 2026')).toBe('Thành Đông');
    expect(communeMentionIn('Xã hội số')).toBeNull();
  });
});

it('takes a task\'s due date from "Kết thúc" under "Thời gian thực hiện", not from "Bắt đầu"', () => {
  const s = sheetOf('S', [
    ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện', null, 'Kết quả'],
    [null, null, null, 'Bắt đầu', 'Kết thúc', null],
    ['1', 'Xây dựng kho dữ liệu dùng chung', 'Văn phòng', '6/2026', '12/2026', 'Chưa triển khai'],
  ], ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:F2']);
  expect(recognizeSheet(s)[0]?.columns.deadline).toBe(5);
});

it('takes the latest result column as the period\'s and the target of that year', () => {
  const [t] = recognizeSheet(sheetOf('S', [
    ['TT', 'Chỉ tiêu', 'ĐVT', 'Kết quả năm 2025', 'Mục tiêu đến năm 2030', 'Kế hoạch năm 2026', 'Kết quả thực hiện năm 2026'],
    ['1', 'Tỷ lệ phủ sóng 5G', '%', 60, '100%', '70%', 75],
  ]));
  expect(t?.columns).toMatchObject({ actual: 7, actualYear: 2026, target: 6, targetYear: 2026 });
});

it('does not end a table at a note written in an item row\'s note column', () => {
  const s = sheetOf('S', [
    ['TT', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Ghi chú'],
    ['1', 'Tỷ lệ phủ sóng 5G', '90', 95, 'Ghi chú: số liệu ước'],
    ['2', 'Tỷ lệ hộ có Internet cáp quang', '90', 80, null],
    [null, '(*) Số liệu ước tính'],
    ['3', 'Không thuộc bảng', '90', 80],
  ]);
  expect(recognizeSheet(s)[0]?.rows.map(r => r.row)).toEqual([2, 3]);
});
