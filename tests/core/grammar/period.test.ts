import { parsePeriodHeader, parseReportDate, yearsIn } from '../../../src/core/grammar/period';

describe('yearsIn', () => {
  test.each<[string, number[]]>([
    ['Mức năm 2025 (Cơ sở)', [2025]],
    ['Đến năm 2030, tầm nhìn 2045', [2030, 2045]],
    ['2026 và 2026', [2026]],
    ['Thông tư số 02/2025/TT-BGDĐT', [2025]],
    ['12025 1999 2101 20255', []],
    ['', []],
  ])('%j → %j', (text, years) => {
    expect(yearsIn(text)).toEqual(years);
  });
});

describe('parsePeriodHeader', () => {
  test.each<[string, number | null, number | null]>([
    ['Kết quả tháng 4/2026', 2026, 4],
    ['Thực hiện đến tháng 4/2026', 2026, 4],
    ['KẾT QUẢ THANG 12 NĂM 2025', 2025, 12],
    ['Kết quả thực hiện năm 2026', 2026, null],
    ['Đánh giá hiện tại 2025', 2025, null],
    ['Ước thực hiện 6 tháng đầu năm 2026', 2026, 6],
    ['Kết quả 6 tháng cuối năm 2025', 2025, 12],
    ['Kết quả 9 tháng năm 2026', 2026, 9],
    ['Kết quả Quý II/2026', 2026, 6],
    ['Lũy kế đến 30/4/2026', 2026, 4],
    ['Kết quả 4/2026', 2026, 4],
    ['Chỉ tiêu năm 2026', 2026, null],
    ['Kết quả thực hiện', null, null],
    ['Kết quả', null, null],
  ])('%j → year %s, month %s', (text, year, month) => {
    expect(parsePeriodHeader(text)).toEqual({ year, month });
  });
});

describe('parseReportDate', () => {
  test.each<[string, string | null]>([
    ['(Kèm theo Báo cáo số      /BC-UBND ngày 24/4/2026 của UBND xã Phú Thịnh)', '2026-04-24'],
    ['Phú Thịnh, ngày 24 tháng 4 năm 2026', '2026-04-24'],
    ['Võ Nhai, ngày 14 tháng 11 năm 2025', '2025-11-14'],
    ['ngay 24-04-2026', '2026-04-24'],
    ['24/4/2026', '2026-04-24'],
    ['(Ban hành kèm theo Kế hoạch số      /KH-UBND ngày       /11/2025 của UBND xã Gia Phúc)', null],
    ['(Ban hành kèm theo Kế hoạch số      /KH-UBND ngày      tháng 11 năm 2025 của UBND phường Thành Đông)', null],
    ['(Kèm theo Kế hoạch số _____ /KH-UBND ngày ____/11/2025 của UBND xã)', null],
    ['ngày 31/2/2026', null],
    ['', null],
  ])('%j → %s', (text, iso) => {
    expect(parseReportDate(text)).toBe(iso);
  });
});
