import type { WorkbookGrid } from '../../src/core/grid/types';
import { bookOf, sheetOf } from '../helpers/grid';

/** A small commune report: one indicator table judged for 2026, one task table. */
export function sampleGrid(): WorkbookGrid {
  const indicators = sheetOf('PL mục tiêu', [
    ['BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2026'],
    ['UBND xã Phú Thịnh'],
    [],
    ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu năm 2026', 'Kết quả thực hiện năm 2026'],
    ['1', 'Tỷ lệ phủ sóng 5G', '%', '≥ 90%', '72,5'],
    ['2', 'Tỷ lệ hộ gia đình có cáp quang', '%', '100%', '100'],
    ['3', 'Tỷ lệ hồ sơ trực tuyến toàn trình', '%', '≥ 80%', ''],
    ['4', 'Số cuộc họp trực tuyến', 'Cuộc', '≥ 12', '140%'],
  ]);
  const tasks = sheetOf('PL nhiệm vụ', [
    ['DANH MỤC NHIỆM VỤ'],
    [],
    [],
    ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn', 'Kết quả'],
    ['1', 'Xây dựng kế hoạch chuyển đổi số', 'UBND xã', 'Năm 2026', 'Đã hoàn thành'],
    ['2', 'Tập huấn kỹ năng số cho cán bộ', 'Văn phòng', 'Năm 2026', 'Đang thực hiện'],
  ]);
  return bookOf(indicators, tasks);
}
