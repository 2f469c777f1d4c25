/** Realistic indicator sheets for the adapter tests, of any length. */
import type { FakeExcel, FakeSheet } from './fake-excel';

const NAMES = [
  'Tỷ lệ hộ gia đình có đường truyền Internet cáp quang băng rộng',
  'Tỷ lệ dân số trưởng thành có điện thoại thông minh',
  'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình',
  'Số doanh nghiệp công nghệ số trên địa bàn',
];

/**
 * A commune report sheet: caption rows, a header on row 5 (TT, Chỉ tiêu, ĐVT, Mục tiêu, Kết quả), then `rows`
 * indicator rows from row 6 with numbers, percent-formatted fractions, decimal-comma text, blanks and #DIV/0!.
 */
export function indicatorSheet(fake: FakeExcel, name: string, rows: number): FakeSheet {
  const s = fake.addSheet(name);
  s.put({ A1: 'UBND XÃ PHÚ THỊNH', A3: 'BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT 57-NQ/TW', A5: 'TT', B5: 'Chỉ tiêu', C5: 'ĐVT', D5: 'Mục tiêu', E5: 'Kết quả năm 2026' });
  s.merges.push({ top: 1, left: 1, bottom: 1, right: 5 }, { top: 3, left: 1, bottom: 3, right: 5 });
  for (let i = 0; i < rows; i++) {
    const r = 6 + i;
    // Row codes past 999 are written like "12.34", as long appendices number them.
    s.put({ [`A${r}`]: i < 999 ? i + 1 : `${Math.floor(i / 100)}.${(i % 100) + 1}`, [`B${r}`]: `${NAMES[i % NAMES.length]} (${i + 1})`, [`C${r}`]: '%', [`D${r}`]: '≥ 90' });
    switch (i % 5) {
      case 0: s.put({ [`E${r}`]: { value: 0.925, numberFormat: '0.0%' } }); break;
      case 1: s.put({ [`E${r}`]: '72,5' }); break;
      case 2: s.put({ [`E${r}`]: { error: '#DIV/0!', formula: `F${r}/G${r}` } }); break;
      case 3: break;
      default: s.put({ [`E${r}`]: { value: 95, formula: `SUM(F${r}:G${r})` } });
    }
  }
  return s;
}
