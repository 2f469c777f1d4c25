/** "Cần xem lại": the review list, most pressing first (files not read, two files, doubtful matches …). */
import { findIndicator, type Catalog } from '../catalog/catalog';
import type { MatchCandidate } from '../catalog/match';
import type { PlannedRow, SheetPlan } from '../plan/types';
import { RowSink, TITLE_STYLE, fitWidths, headerRow, num, percentText, sourceLink, statusStyle, text } from './plan-cells';
import { columnLetter } from '../grid/address';
import { printSetup, type PlanContext } from './plan-context';
import type { ReviewItem, ReviewKind, RollupModel } from './types';

export const REVIEW_SHEET = 'Cần xem lại';
export const REVIEW_HEADER_ROW = 3;
export const REVIEW_COLUMNS = ['STT', 'Loại', 'Xã, phường', 'Nội dung', 'Chi tiết', 'Tệp', 'Trang tính', 'Ô'] as const;

export const REVIEW_LABELS: Readonly<Record<ReviewKind, string>> = {
  unreadable: 'Tệp không đọc được',
  duplicate_commune: 'Xã gửi hai tệp',
  no_indicators: 'Không thấy bảng chỉ tiêu',
  low_confidence: 'Khớp chỉ tiêu chưa chắc chắn',
  unmatched: 'Chỉ tiêu chưa có trong danh mục',
  duplicate_row: 'Chỉ tiêu ghi hai lần',
  not_reported: 'Xã không báo cáo chỉ tiêu',
  invalid_value: 'Số liệu không hợp lệ, không tính',
};

const ORDER: readonly ReviewKind[] = ['unreadable', 'duplicate_commune', 'no_indicators', 'invalid_value', 'low_confidence', 'unmatched', 'duplicate_row', 'not_reported'];

const SAME_NAME_HINT = '. Các tệp ở các thư mục khác nhau: nếu là hai xã cùng tên ở hai tỉnh, hãy tổng hợp riêng từng tỉnh'
  + ' hoặc dùng --by-folder khi mỗi thư mục là một tỉnh / files in different folders: if these are two communes of one'
  + ' name, roll up each province apart, or use --by-folder when each folder is a province';

function candidate(c: MatchCandidate, catalog: Catalog): string {
  return `${findIndicator(catalog, c.id)?.name ?? c.id} (${percentText(c.confidence)})`;
}

interface Line { commune: string | null; file: string | null; sheet: string | null; cell: string | null; content: string; detail: string }

function lineOf(item: ReviewItem, catalog: Catalog, rel: (file: string) => string): Line {
  switch (item.kind) {
    case 'unreadable':
      return { commune: item.commune, file: item.file, sheet: null, cell: null, content: '', detail: item.reason };
    case 'duplicate_commune': {
      const files = item.files.map(rel);
      // Reports name no province: same-named communes of two provinces look like one commune sending twice.
      const folders = new Set(item.files.map(f => f.replace(/[^\\/]*$/, '')));
      return { commune: item.commune, file: item.kept, sheet: null, cell: null, content: '',
        detail: `Tính theo tệp ${rel(item.kept)}; các tệp nhận được: ${files.join('; ')}${folders.size > 1 ? SAME_NAME_HINT : ''}` };
    }
    case 'no_indicators':
      return { commune: item.commune, file: item.file, sheet: null, cell: null, content: '', detail: 'Tệp đọc được nhưng không có bảng chỉ tiêu nào được nhận ra' };
    case 'low_confidence':
      return { commune: item.commune, file: item.file, sheet: item.sheet, cell: item.cell, content: item.name,
        detail: `Đã xếp vào "${item.indicatorName}" (${percentText(item.confidence)})${item.runnerUp ? `; phương án khác: ${candidate(item.runnerUp, catalog)}` : ''}` };
    case 'unmatched':
      return { commune: item.commune, file: item.file, sheet: item.sheet, cell: item.cell, content: item.name,
        detail: `Nhóm ${item.group}${item.suggestions.length > 0 ? `; gần nhất: ${item.suggestions.map(c => candidate(c, catalog)).join('; ')}` : ''}` };
    case 'duplicate_row':
      return { commune: item.commune, file: item.file, sheet: item.sheet, cell: item.cells[0] ?? null, content: item.indicatorName,
        detail: `Ghi ở các ô ${item.cells.join(', ')}; chỉ tính ô đầu tiên` };
    case 'invalid_value':
      return { commune: item.commune, file: item.file, sheet: item.sheet, cell: item.cell, content: item.indicatorName,
        detail: `Ghi "${item.written}": ${item.reason}. Không tính vào số đếm đạt, tỷ lệ đạt, nhỏ nhất / trung vị / lớn nhất` };
    case 'not_reported':
      return { commune: item.commune, file: item.file, sheet: null, cell: null, content: item.indicatorName, detail: 'Phần lớn các xã có báo cáo chỉ tiêu này' };
  }
}

export function sortedReview(items: readonly ReviewItem[]): ReviewItem[] {
  const rank = (k: ReviewKind): number => ORDER.indexOf(k);
  return items.map((item, i) => ({ item, i }))
    .sort((a, b) => rank(a.item.kind) - rank(b.item.kind)
      || (a.item.kind === 'low_confidence' && b.item.kind === 'low_confidence' ? a.item.confidence - b.item.confidence : 0)
      || a.i - b.i)
    .map(x => x.item);
}

/**
 * Rows made as the writer asks for them, like "Dữ liệu": a national review list has tens of thousands of rows, and
 * cell values built ahead and kept for a whole sheet also made V8 allocate every later sheet's values straight in
 * the old generation (allocation-site pretenuring: ~140 MB of garbage promoted while writing 3,321 communes).
 */
function* reviewRows(items: readonly ReviewItem[], catalog: Catalog, ctx: PlanContext): Generator<PlannedRow> {
  const s = new RowSink();
  s.start(1).put(1, text('CẦN XEM LẠI TRƯỚC KHI SỬ DỤNG SỐ LIỆU TỔNG HỢP'), TITLE_STYLE);
  yield s.take();
  headerRow(s.start(REVIEW_HEADER_ROW), REVIEW_COLUMNS);
  yield s.take();
  if (items.length === 0) {
    s.start(REVIEW_HEADER_ROW + 1).put(2, text('Không có gì cần xem lại.'));
    yield s.take();
  }
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as ReviewItem;
    const line = lineOf(item, catalog, ctx.rel);
    s.start(REVIEW_HEADER_ROW + 1 + i);
    s.put(1, num(i + 1));
    s.put(2, text(REVIEW_LABELS[item.kind]), item.kind === 'unreadable' ? statusStyle('invalid') : undefined);
    s.put(3, text(line.commune));
    s.put(4, text(line.content));
    s.put(5, text(line.detail));
    const file = line.file !== null ? ctx.rel(line.file) : null;
    s.put(6, text(file));
    s.put(7, text(line.sheet));
    // The cell opens in the commune's file, like the values of "Tổng hợp".
    s.put(8, file !== null && line.sheet !== null && line.cell !== null ? sourceLink(line.cell, file, line.sheet, line.cell) : text(line.cell));
    yield s.take();
  }
}

export function reviewPlan(model: RollupModel, catalog: Catalog, ctx: PlanContext): SheetPlan {
  const items = sortedReview(model.review);
  return {
    name: REVIEW_SHEET, rows: () => reviewRows(items, catalog, ctx), columnWidths: fitWidths(REVIEW_COLUMNS, [5, 32, 18, 60, 90, 40, 14, 6]),
    freezeRows: REVIEW_HEADER_ROW, freezeColumns: 3,
    autoFilter: `A${REVIEW_HEADER_ROW}:${columnLetter(REVIEW_COLUMNS.length)}${REVIEW_HEADER_ROW + Math.max(items.length, 1)}`,
    print: printSetup(ctx, REVIEW_SHEET, [1, REVIEW_HEADER_ROW], [1, 3]),
  };
}
