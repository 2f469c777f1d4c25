/**
 * What the generated province sets are made of: the indicators of a Resolution 57 monthly report with the ways
 * communes word them, headers, targets, "nothing to report" phrasings, sheet names, commune names. Wordings follow
 * the kinds of variation seen in real province reports; the generator mixes them at random (seeded).
 */

export interface IndicatorSpec {
  readonly section: 0 | 1 | 2;
  readonly names: readonly string[];
  readonly unit: string;
  /** The target value in percent; the actual values scatter around it. */
  readonly target: number;
}

export const SECTIONS = ['Phát triển hạ tầng', 'Phát triển nguồn lực', 'Phát triển chuyển đổi số'] as const;

export const INDICATORS: readonly IndicatorSpec[] = [
  { section: 0, target: 100, unit: '%', names: ['Bảo đảm hạ tầng internet cáp quang đến các xóm', 'Tỷ lệ xóm có hạ tầng internet cáp quang'] },
  { section: 0, target: 90, unit: '%', names: ['Tỷ lệ phủ sóng 5G trên dân số', 'Phủ sóng 5G cho người dân', 'Tỷ lệ phủ sóng 5G trên địa bàn xã'] },
  { section: 0, target: 100, unit: '%', names: ['Người sử dụng có khả năng truy cập băng thông rộng cố định với tốc độ trên 1 Gb/s', 'Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps'] },
  { section: 0, target: 100, unit: '%', names: ['Cán bộ cấp xã có máy tính đáp ứng cấu hình tối thiểu và có chữ ký số cá nhân để giải quyết công việc trên môi trường điện tử.', 'Tỷ lệ cán bộ cấp xã có máy tính và chữ ký số cá nhân'] },
  { section: 1, target: 3, unit: '% tổng chi ngân sách', names: ['Tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số', 'Chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên tổng chi ngân sách'] },
  { section: 1, target: 80, unit: '%', names: ['Dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục, bảo hiểm, giao thông', 'Tỷ lệ dân số trưởng thành tiếp cận dịch vụ số'] },
  { section: 1, target: 100, unit: '%', names: ['Cán bộ, công chức xã được bồi dưỡng kỹ năng số căn bản', 'Tỷ lệ cán bộ, công chức xã được bồi dưỡng kỹ năng số căn bản.'] },
  { section: 1, target: 100, unit: '%', names: ['Cán bộ, công chức, viên chức làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành'] },
  { section: 2, target: 85, unit: '%', names: ['Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)', 'Người dân có tài khoản định danh điện tử VNeID'] },
  { section: 2, target: 98, unit: '%', names: ['Duy trì tỷ lệ hài lòng của người dân, doanh nghiệp khi sử dụng dịch vụ công trực tuyến', 'Tỷ lệ hài lòng khi sử dụng dịch vụ công trực tuyến'] },
  { section: 2, target: 100, unit: '%', names: ['Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử'] },
  { section: 2, target: 80, unit: '%', names: ['Giao dịch hành chính thuộc diện “phi tiếp xúc”', 'Tỷ lệ giao dịch hành chính thuộc diện "phi tiếp xúc"'] },
  { section: 2, target: 80, unit: '%', names: ['Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công'] },
  { section: 2, target: 100, unit: '%', names: ['Dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện', 'Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện'] },
  { section: 2, target: 80, unit: '%', names: ['Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu đã được số hóa trong giải quyết thủ tục hành chính, dịch vụ công'] },
  { section: 2, target: 100, unit: '%', names: ['Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', 'Hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa'] },
  { section: 2, target: 100, unit: '%', names: ['Thủ tục hành chính liên quan đến đào tạo, nghiên cứu, sản xuất, kinh doanh phải được thực hiện trực tuyến'] },
  { section: 2, target: 85, unit: '%', names: ['Tỷ lệ giao dịch không dùng tiền mặt', 'Giao dịch không dùng tiền mặt'] },
  { section: 2, target: 40, unit: '%', names: ['Tỷ lệ doanh nghiệp ứng dụng công nghệ số', 'Doanh nghiệp vừa và nhỏ địa phương ứng dụng công nghệ số'] },
  { section: 2, target: 100, unit: '%', names: ['Hồ sơ thủ tục hành chính xử lý trực tuyến', 'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến'] },
  { section: 2, target: 10, unit: '%', names: ['Tỷ lệ người dân sử dụng chữ ký số', 'Tỷ lệ người dân có chữ ký số'] },
];

/** How a target of n percent is written. */
export const TARGET_FORMS: readonly ((n: number) => string)[] = [
  n => `≥ ${n}`, n => `≥${n}`, n => `>= ${n}`, n => `${n}`, n => `${n}%`, n => `Đạt ${n}%`, n => `Phấn đấu đạt ${n}%`,
  n => `Tối thiểu ${n}%`, n => `Trên ${n}%`, n => `> ${n}`, n => `≥ ${n}%`,
];

export const NOTHING_TO_REPORT = ['Không phát sinh', 'Không phát sinh trong kỳ báo cáo', 'Không phát sinh hồ sơ'];

export type Role = 'code' | 'name' | 'unit' | 'target' | 'actual' | 'note' | 'evaluation';

export const HEADERS: Readonly<Record<Role, readonly string[]>> = {
  code: ['STT', 'TT', 'Số TT'],
  name: ['Tên chỉ tiêu', 'Chỉ tiêu', 'Nội dung chỉ tiêu', 'Nội dung'],
  unit: ['ĐVT', 'Đơn vị tính', 'Đơn vị'],
  target: ['Chỉ tiêu năm 2026', 'Mục tiêu', 'Kế hoạch năm 2026', 'Mục tiêu năm 2026'],
  actual: ['Thực hiện đến tháng 4/2026', 'Kết quả tháng 4/2026', 'Kết quả thực hiện', 'Kết quả thực hiện 4 tháng đầu năm 2026'],
  note: ['Ghi chú'],
  evaluation: ['Tự đánh giá', 'Đánh giá'],
};

export const SHEET_NAMES = ['PL mục tiêu', 'Biểu 01', 'Phụ lục', 'Phụ lục 1'];

const FIRST = [
  'An', 'Bình', 'Cẩm', 'Chi', 'Đại', 'Đồng', 'Đông', 'Đức', 'Gia', 'Hà', 'Hải', 'Hòa', 'Hoàng', 'Hợp', 'Hưng', 'Kim',
  'Khánh', 'La', 'Lam', 'Lạc', 'Long', 'Minh', 'Nam', 'Nghĩa', 'Ngọc', 'Nhân', 'Phú', 'Phúc', 'Phượng', 'Quang',
  'Quảng', 'Quyết', 'Sơn', 'Tân', 'Thái', 'Thanh', 'Thành', 'Thạch', 'Thịnh', 'Thuận', 'Tiên', 'Trung', 'Trường',
  'Tràng', 'Vạn', 'Văn', 'Vĩnh', 'Võ', 'Xuân', 'Yên', 'Điềm', 'Định', 'Kha', 'Cao', 'Bảo', 'Liên', 'Mỹ', 'Ninh', 'Tam', 'Vũ',
];
const SECOND = [
  'An', 'Bình', 'Cường', 'Châu', 'Dương', 'Điền', 'Đông', 'Giang', 'Hà', 'Hải', 'Hiến', 'Hòa', 'Hội', 'Hưng', 'Khánh',
  'Lạc', 'Lâm', 'Lang', 'Lợi', 'Long', 'Lương', 'Minh', 'Nhai', 'Phong', 'Phú', 'Phúc', 'Phương', 'Quang', 'Sơn',
  'Tài', 'Tân', 'Thái', 'Thắng', 'Thành', 'Thịnh', 'Thọ', 'Thủy', 'Tiến', 'Trạch', 'Trung', 'Tú', 'Tuấn', 'Văn',
  'Vinh', 'Vy', 'Xá', 'Xuyên', 'Yên', 'Hanh', 'Lộc', 'Mỹ', 'Nghĩa', 'Ninh', 'Quý', 'Sinh', 'Tâm', 'Toàn', 'Uyên', 'Vượng', 'Định',
];

/** Distinct commune names, as many as FIRST × SECOND allows (3,600). */
export function communeNames(): string[] {
  const out: string[] = [];
  for (const a of FIRST) for (const b of SECOND) if (a !== b) out.push(`${a} ${b}`);
  return out;
}
