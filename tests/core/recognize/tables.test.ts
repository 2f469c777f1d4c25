import { communeFromFileName, communeIn } from '../../../src/core/recognize/context';
import { recognizeSheet } from '../../../src/core/recognize/tables';
import { sheetOf } from '../../helpers/grid';

const header = ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu', 'Kết quả tháng 4/2026'];

describe('recognizeSheet', () => {
  it('finds an indicator table by its header, with title rows above as context', () => {
    const s = sheetOf('Bất kỳ', [
      ['Phụ lục. TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU'],
      ['(Kèm theo Báo cáo số /BC-UBND ngày 24/4/2026 của UBND xã Phú Thịnh)'],
      [],
      header,
      ['I', 'Phát triển hạ tầng'],
      ['1.', 'Tỷ lệ phủ sóng 5G', '%', '90', '72,5'],
      ['2.', 'Băng rộng 1 Gb/s', '%', '100', 100],
    ], ['B5:E5']);
    const [t, ...rest] = recognizeSheet(s);
    expect(rest).toEqual([]);
    expect(t?.kind).toBe('indicators');
    expect(t?.headerRow).toBe(4);
    expect(t?.columns).toMatchObject({ code: 1, name: 2, unit: 3, target: 4, actual: 5, actualYear: 2026 });
    expect(t?.rows.map(r => [r.row, r.code, r.section])).toEqual([[6, '1.', 'I. Phát triển hạ tầng'], [7, '2.', 'I. Phát triển hạ tầng']]);
  });

  it('reads a two-row header with a year merged over plan and result, starting at column C', () => {
    const s = sheetOf('S', [
      [null, null, 'STT', 'Nội dung chỉ tiêu', 'ĐVT', 'Năm 2026', null, 'Ghi chú'],
      [null, null, null, null, null, 'Kế hoạch', 'Thực hiện', null],
      [null, null, '1', 'Tỷ lệ A', '%', '≥ 80', 85],
    ], ['C1:C2', 'D1:D2', 'E1:E2', 'F1:G1', 'H1:H2']);
    const [t] = recognizeSheet(s);
    expect(t?.headerTop).toBe(1);
    expect(t?.headerRow).toBe(2);
    expect(t?.columns).toMatchObject({ code: 3, name: 4, unit: 5, target: 6, targetYear: 2026, actual: 7, actualYear: 2026, note: 8 });
    expect(t?.rows.map(r => r.row)).toEqual([3]);
  });

  it('skips a header repeated mid-table and a column-numbering row', () => {
    const s = sheetOf('S', [
      header,
      ['(1)', '(2)', '(3)', '(4)', '(5)'],
      ['1', 'A', '%', '90', 91],
      header,
      ['2', 'B', '%', '90', 80],
    ]);
    const tables = recognizeSheet(s);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.rows.map(r => r.row)).toEqual([3, 5]);
  });

  it('finds an indicator table and a task table on one sheet', () => {
    const s = sheetOf('S', [
      header,
      ['1', 'A', '%', '90', 91],
      [],
      ['STT', 'Tên nhiệm vụ', 'Thời hạn hoàn thành', 'Kết quả'],
      ['1', 'Nhiệm vụ X', '7/2025', 'Đã hoàn thành'],
    ]);
    expect(recognizeSheet(s).map(t => [t.kind, t.headerRow, t.rows.length])).toEqual([['indicators', 1, 1], ['tasks', 4, 1]]);
  });

  it('does not recognize a budget table or a staff list', () => {
    expect(recognizeSheet(sheetOf('Kinh phí', [
      ['TT', 'Nội dung', 'Số tiền (triệu đồng)', 'Ghi chú'],
      ['1', 'Kinh phí KHCN', 56],
      [null, 'Tổng cộng', { f: 'C2', v: 56 }],
    ]))).toEqual([]);
    expect(recognizeSheet(sheetOf('Cán bộ', [
      ['STT', 'Họ và tên', 'Chức vụ', 'Số điện thoại'],
      ['1', 'Nguyễn Văn A', 'Chủ tịch', '0912345678'],
    ]))).toEqual([]);
  });

  it('leaves out group rows, keeps indicators with a target even when they head a group', () => {
    const s = sheetOf('S', [
      ['TT', 'Chỉ tiêu', 'Đơn vị', 'Kết quả'],
      ['1', 'Chỉ tiêu về thủ tục hành chính'],
      ['1.1', 'Tỷ lệ A', '%', '> 80'],
      ['4', 'Hạ tầng số', null, 'Tiên tiến, hiện đại'],
      ['4.1', 'Tỷ lệ B', '%', '100'],
    ]);
    const [t] = recognizeSheet(s);
    expect(t?.columns.target).toBe(4);
    expect(t?.columns.actual).toBeUndefined();
    expect(t?.rows.map(r => r.code)).toEqual(['1.1', '4', '4.1']);
  });

  it('sets the horizon of rows from sections such as "Đến năm 2030"', () => {
    const s = sheetOf('S', [
      ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả'],
      ['I', 'Đến năm 2025'],
      ['-', 'Phát triển hạ tầng'],
      ['1.', 'A', '%', '≥ 62'],
      ['II', 'Mục tiêu đến hết năm 2035'],
      ['2.', 'B', '%', '50'],
    ]);
    const [t] = recognizeSheet(s);
    expect(t?.rows.map(r => [r.code, r.horizon, r.section])).toEqual([
      ['1.', 2025, 'I. Đến năm 2025 / Phát triển hạ tầng'],
      ['2.', 2035, 'II. Mục tiêu đến hết năm 2035'],
    ]);
  });

  it('reads unaccented headers', () => {
    const s = sheetOf('S', [
      ['STT', 'Chi tieu', 'Don vi tinh', 'Muc tieu', 'Ket qua thuc hien nam 2026', 'Danh gia'],
      ['1', 'Ty le phu song 5G', '%', '90', '95', 'Dat'],
    ]);
    const [t] = recognizeSheet(s);
    expect(t?.columns).toMatchObject({ unit: 3, target: 4, actual: 5, actualYear: 2026, evaluation: 6 });
  });

  it('reads milestone year columns and a lead agency column', () => {
    const s = sheetOf('S', [
      ['Stt', 'Chỉ tiêu / Mốc thời gian', 'Mức năm 2025 (Cơ sở)', '2026', '2027', 'Mức năm 2030 (Đích)', 'Đơn vị chủ trì', 'Cá nhân/Cơ quan thực hiện', 'Đơn vị phối hợp'],
      ['1', 'A', '≥ 60%', '70%', '80%', '100%', 'Phòng VH', 'Công chức', 'DN'],
    ]);
    const [t] = recognizeSheet(s);
    expect(t?.columns.milestones).toEqual([{ year: 2025, col: 3 }, { year: 2026, col: 4 }, { year: 2027, col: 5 }, { year: 2030, col: 6 }]);
    expect(t?.columns).toMatchObject({ lead: 7, executor: 8, partner: 9 });
  });
});

describe('recognizeSheet on other ways communes lay out their reports', () => {
  it.each([
    [['TT', 'Tên chỉ tiêu', 'ĐVT', 'Chỉ tiêu năm 2026', 'Thực hiện 4 tháng', 'Tỷ lệ % so KH', 'Đánh giá'], { unit: 3, target: 4, targetYear: 2026, actual: 5, evaluation: 7 }],
    [['STT', 'Nội dung', 'Đơn vị tính', 'Mục tiêu giao', 'Kết quả thực hiện', 'Ghi chú'], { unit: 3, target: 4, actual: 5, note: 6 }],
    [['Số TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', 'Ước thực hiện năm 2026'], { target: 4, actual: 5, actualYear: 2026 }],
    [['TT', 'Chỉ tiêu', 'Đơn vị', 'Chỉ tiêu', 'Kết quả'], { unit: 3, target: 4, actual: 5 }],
    [['STT', 'Chỉ tiêu', 'Mục tiêu đến năm 2030', 'Kết quả đạt được', 'Tự đánh giá'], { target: 3, targetYear: 2030, actual: 4, evaluation: 5 }],
  ])('%j', (header, roles) => {
    const [t] = recognizeSheet(sheetOf('S', [header, ['1', 'Tỷ lệ A', '%', '90', '91', 'x', 'Đạt']]));
    expect(t?.kind).toBe('indicators');
    expect(t?.columns).toMatchObject(roles);
  });

  it('reads task tables whatever their result column is called', () => {
    const [t] = recognizeSheet(sheetOf('S', [
      ['STT', 'Nội dung, nhiệm vụ', 'Đơn vị thực hiện', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Tình hình thực hiện'],
      ['1.', 'Nhiệm vụ', 'UBND', 'Công an', 'Quý II/2026', 'Đang thực hiện'],
    ]));
    expect(t?.kind).toBe('tasks');
    expect(t?.columns).toMatchObject({ executor: 3, partner: 4, deadline: 5, actual: 6 });
  });
});

describe('total lines', () => {
  it('skips a total line but keeps indicators whose names start like one', () => {
    const [t] = recognizeSheet(sheetOf('S', [
      ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu', 'Kết quả'],
      ['1', 'Tổng chi ngân sách cho khoa học, công nghệ', '%', '3', '2'],
      ['2', 'Cộng đồng số hoạt động hiệu quả', '%', '100', '100'],
      [null, 'Tổng cộng', null, null, 102],
    ]));
    expect(t?.rows.map(r => r.row)).toEqual([2, 3]);
  });
});

describe('scale', () => {
  it('reads 10,000 number-and-title rows in linear time', () => {
    const rows = [['STT', 'Tên nhiệm vụ', 'Thời hạn hoàn thành'], ...Array.from({ length: 10000 }, (_, i) => [`${Math.floor(i / 20) + 1}.${(i % 20) + 1}`, `Nhiệm vụ ${i + 1}`])];
    const [t] = recognizeSheet(sheetOf('S', rows));
    expect(t?.rows).toHaveLength(10000);
  });
});

describe('communeFromFileName', () => {
  it.each([
    ['bao-cao-t4-2026-phu_thinh.xlsx', 'Phu Thinh'],
    ['bao-cao-t4-2026-ha_giang_2.xlsx', 'Ha Giang 2'],
    ['bc_thang_4_2026_ha_giang_1.xlsx', 'Ha Giang 1'],
    ['phu-thinh-2.xlsx', 'Phu Thinh'],
  ])('%s → %s', (file, name) => {
    expect(communeFromFileName(file)).toBe(name);
  });
});

describe('communeIn', () => {
  it.each([
    ['(Kèm theo Báo cáo số /BC-UBND ngày 24/4/2026 của UBND xã Phú Thịnh)', 'Phú Thịnh'],
    ['ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG', 'Thành Đông'],
    ['ĐẢNG ỦY XÃ QUYẾT THẮNG', 'Quyết Thắng'],
    ['của Ủy ban nhân dân xã Nam Hòa, tỉnh Thái Nguyên', 'Nam Hòa'],
    ['UBND thi tran Dai Tu ngay 2/5/2026', 'Dai Tu'],
    ['(Kèm theo Báo cáo số /BC-UBND ngày 24/4/2026 của UBND đặc khu Phú Quốc)', 'Phú Quốc'],
    ['ỦY BAN NHÂN DÂN ĐẶC KHU CÔN ĐẢO', 'Côn Đảo'],
    // Names of units since 2025-07-01 that the name grammar once cut or missed: numbers, apostrophes, "Vệ" (not "về").
    ['(Kèm theo Báo cáo số /BC-UBND ngày 24/4/2026 của UBND phường Hà Giang 2)', 'Hà Giang 2'],
    ['ỦY BAN NHÂN DÂN PHƯỜNG 2 BẢO LỘC', '2 Bảo Lộc'],
    ['(Kèm theo Kế hoạch của UBND xã Ea H\'Leo năm 2026)', "Ea H'Leo"],
    ['của UBND xã M’Drắk, tỉnh Đắk Lắk', 'M’Drắk'],
    ['ỦY BAN NHÂN DÂN XÃ LƯU VỆ', 'Lưu Vệ'],
    ['Báo cáo của UBND xã Lưu Vệ về kết quả thực hiện', 'Lưu Vệ'],
    ['Báo cáo của UBND xã Phú Thịnh về kết quả thực hiện', 'Phú Thịnh'],
    ['BÁO CÁO CỦA UBND XÃ PHÚ THỊNH VỀ KẾT QUẢ THỰC HIỆN', 'Phú Thịnh'],
    ['của UBND xã Phú Thịnh tháng 4 năm 2026', 'Phú Thịnh'],
    ['(Kèm theo Báo cáo số /BC-UBND ngày 24/4/2026 của UBND phường Văn Miếu - Quốc Tử Giám)', 'Văn Miếu - Quốc Tử Giám'],
    ['ỦY BAN NHÂN DÂN PHƯỜNG LÂM VIÊN - ĐÀ LẠT', 'Lâm Viên - Đà Lạt'],
    ['của UBND xã Phú Thịnh - tỉnh Thái Nguyên', 'Phú Thịnh'],
    ['ỦY BAN NHÂN DÂN XÃ PHÚ THỊNH - HUYỆN ĐẠI TỪ', 'Phú Thịnh'],
    ['(Kèm theo của UBND xã Phú Thịnh - Báo cáo tháng 4)', 'Phú Thịnh'],
    ['của UBND xã Phú Thịnh – tháng 4/2026', 'Phú Thịnh'],
    ['của UBND xã Phú Thịnh - 12/2026', 'Phú Thịnh'],
    ['(Kèm theo Kế hoạch số /KH-UBND ngày /11/2025 của UBND xã)', null],
  ])('%s → %s', (text, name) => {
    expect(communeIn(text)).toBe(name);
  });
});
