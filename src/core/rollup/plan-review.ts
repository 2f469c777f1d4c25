/** "Cần xem lại": the review list, most pressing first (files not read, two files, doubtful matches …). */
import { findIndicator, type Catalog } from '../catalog/catalog';
import type { MatchCandidate } from '../catalog/match';
import { rowsFromCells } from '../plan/rows';
import type { SheetPlan } from '../plan/types';
import { CellSink, TITLE_STYLE, fitWidths, num, percentText, sourceLink, statusStyle, text } from './plan-cells';
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

function candidate(c: MatchCandidate, catalog: Catalog): string {
  return `${findIndicator(catalog, c.id)?.name ?? c.id} (${percentText(c.confidence)})`;
}

interface Line { commune: string | null; file: string | null; sheet: string | null; cell: string | null; content: string; detail: string }

function lineOf(item: ReviewItem, catalog: Catalog, rel: (file: string) => string): Line {
  switch (item.kind) {
    case 'unreadable':
      return { commune: item.commune, file: item.file, sheet: null, cell: null, content: '', detail: item.reason };
    case 'duplicate_commune':
      return { commune: item.commune, file: item.kept, sheet: null, cell: null, content: '',
        detail: `Tính theo tệp ${rel(item.kept)}; các tệp nhận được: ${item.files.map(rel).join('; ')}` };
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

export function reviewPlan(model: RollupModel, catalog: Catalog, ctx: PlanContext): SheetPlan {
  const s = new CellSink();
  s.put(1, 1, text('CẦN XEM LẠI TRƯỚC KHI SỬ DỤNG SỐ LIỆU TỔNG HỢP'), TITLE_STYLE);
  s.header(REVIEW_HEADER_ROW, REVIEW_COLUMNS);
  const items = sortedReview(model.review);
  items.forEach((item, i) => {
    const r = REVIEW_HEADER_ROW + 1 + i;
    const line = lineOf(item, catalog, ctx.rel);
    s.put(r, 1, num(i + 1));
    s.put(r, 2, text(REVIEW_LABELS[item.kind]), item.kind === 'unreadable' ? statusStyle('invalid') : undefined);
    s.put(r, 3, text(line.commune));
    s.put(r, 4, text(line.content));
    s.put(r, 5, text(line.detail));
    const file = line.file !== null ? ctx.rel(line.file) : null;
    s.put(r, 6, text(file));
    s.put(r, 7, text(line.sheet));
    // The cell opens in the commune's file, like the values of "Tổng hợp".
    s.put(r, 8, file !== null && line.sheet !== null && line.cell !== null ? sourceLink(line.cell, file, line.sheet, line.cell) : text(line.cell));
  });
  if (items.length === 0) s.put(REVIEW_HEADER_ROW + 1, 2, text('Không có gì cần xem lại.'));
  return {
    name: REVIEW_SHEET, rows: rowsFromCells(s.cells), columnWidths: fitWidths(REVIEW_COLUMNS, [5, 32, 18, 60, 90, 40, 14, 6]),
    freezeRows: REVIEW_HEADER_ROW, freezeColumns: 3,
    autoFilter: `A${REVIEW_HEADER_ROW}:${columnLetter(REVIEW_COLUMNS.length)}${REVIEW_HEADER_ROW + Math.max(items.length, 1)}`,
    print: printSetup(ctx, REVIEW_SHEET, [1, REVIEW_HEADER_ROW], [1, 3]),
  };
}
