/** Real phrases from the seed documents and the fixture workbooks, as test material for the text layer. */
export const PHRASES: readonly string[] = [
  'Tỷ lệ phủ sóng 5G trên địa bàn xã',
  'Bảo đảm hạ tầng internet cáp quang đến các xóm',
  'Người sử dụng có khả năng truy cập băng thông rộng cố định với tốc độ trên 1 Gb/s',
  'Tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
  'Dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục, bảo hiểm, giao thông',
  'Cán bộ, công chức xã được bồi dưỡng kỹ năng số căn bản',
  'Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)',
  'Duy trì tỷ lệ hài lòng của người dân, doanh nghiệp khi sử dụng dịch vụ công trực tuyến',
  'Giao dịch hành chính thuộc diện “phi tiếp xúc”',
  'Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công',
  'Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'Tỷ lệ giao dịch không dùng tiền mặt',
  'Tỷ lệ doanh nghiệp ứng dụng công nghệ số',
  'Hồ sơ thủ tục hành chính xử lý trực tuyến',
  'Tỷ lệ người dân sử dụng chữ ký số',
  'Phụ lục. TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU',
  '(Kèm theo Báo cáo số      /BC-UBND ngày 24/4/2026 của UBND xã Bình Thành)',
  '(Kèm theo Kế hoạch số:         /KH-UBND ngày      /7/2025 của Ủy ban nhân dân xã Quyết Thắng)',
  'ỦY BAN NHÂN DÂN XÃ BÌNH YÊN',
  'Tên chỉ tiêu',
  'Thực hiện đến tháng 4/2026',
  'Không phát sinh trong kỳ báo cáo',
  'Kết quả thực hiện năm 2026',
  'Đánh giá hiện tại 2025',
  'Mục tiêu đến hết năm 2045',
  'Phát triển hạ tầng',
  'Ủy ban nhân dân xã Phú Thịnh báo cáo tiến độ triển khai các nội dung, nhiệm vụ được giao',
  'Nghị quyết số 57-NQ/TW, Nghị quyết số 03-NQ/CP và các chương trình, kế hoạch cấp trên về chuyển đổi số',
];

/** Toned capitals (Ủ, Ấ …) lowered, others kept: what TCVN3 can carry without a capitals font. */
export function lowerTonedCapitals(s: string): string {
  return s.replace(/[\u0080-\uffff]/g, ch => {
    const lower = ch.toLowerCase();
    return 'ĂÂÊÔƠƯĐ'.includes(ch) ? ch : lower;
  });
}

/** The phrase with its diacritics removed but its case kept: Vietnamese as typed without an input method. */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
