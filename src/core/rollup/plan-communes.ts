/** "Theo xã": one row per file received — the commune, its results in counts, the file and how it was read. */
import type { Encoding } from '../check/report';
import { rowsFromCells } from '../plan/rows';
import type { SheetPlan } from '../plan/types';
import { CellSink, PERCENT_FORMAT, fitWidths, TITLE_STYLE, num, statusStyle, text } from './plan-cells';
import { columnLetter } from '../grid/address';
import { printSetup, type PlanContext } from './plan-context';
import type { RollupModel } from './types';

export const COMMUNES_SHEET = 'Theo xã';
export const COMMUNES_HEADER_ROW = 3;

export const COMMUNE_COLUMNS = [
  'STT', 'Xã, phường', 'Số chỉ tiêu báo cáo', 'Đạt', 'Chưa đạt', 'Có nguy cơ', 'Chưa có số liệu',
  'Khác', 'Không báo cáo', 'Tỷ lệ đạt', 'Tình trạng tệp', 'Bảng mã', 'Tệp',
] as const;

export const ENCODING_LABELS: Readonly<Record<Encoding, string>> = {
  unicode: 'Unicode',
  tcvn3: 'TCVN3 (ABC, .VnTime) — đã chuyển',
  vni: 'VNI — đã chuyển',
  ascii: 'Không dấu',
};

export function communesPlan(model: RollupModel, ctx: PlanContext): SheetPlan {
  const s = new CellSink();
  s.put(1, 1, text('KẾT QUẢ THEO XÃ, PHƯỜNG'), TITLE_STYLE);
  s.header(COMMUNES_HEADER_ROW, COMMUNE_COLUMNS);
  const summaryOf = new Map(model.summaries.map(x => [x.file, x] as const));
  // Unreadable files are not communes: they are listed in "Cần xem lại" only.
  const readable = model.communes.filter(c => c.error === null);
  const unreadable = model.communes.length - readable.length;
  if (unreadable > 0) s.put(2, 1, text(`${unreadable} tệp không đọc được: xem "Cần xem lại" / ${unreadable} unreadable file(s): see "Cần xem lại"`));
  readable.forEach((c, i) => {
    const r = COMMUNES_HEADER_ROW + 1 + i;
    s.put(r, 1, num(i + 1));
    s.put(r, 2, text(c.name));
    s.put(r, 12, text(ENCODING_LABELS[c.encoding]));
    s.put(r, 13, text(ctx.rel(c.file)));
    const sum = summaryOf.get(c.file);
    if (!sum) {
      s.put(r, 11, text(`Không tính: đã có tệp mới hơn (${c.supersededBy ? ctx.rel(c.supersededBy) : ''})`), statusStyle('no_data'));
      return;
    }
    const other = sum.counts.not_applicable + sum.counts.manual + sum.counts.no_target + sum.counts.invalid;
    s.put(r, 3, num(sum.reported));
    s.put(r, 4, num(sum.counts.met), statusStyle('met'));
    s.put(r, 5, num(sum.counts.not_met), statusStyle('not_met'));
    s.put(r, 6, num(sum.counts.at_risk), statusStyle('at_risk'));
    s.put(r, 7, num(sum.counts.no_data), statusStyle('no_data'));
    s.put(r, 8, num(other));
    s.put(r, 9, num(sum.counts.not_reported), statusStyle('not_reported'));
    s.put(r, 10, num(sum.shareMet), { numFmt: PERCENT_FORMAT });
    s.put(r, 11, text(c.indicatorRows > 0 ? 'Đã đọc' : 'Đã đọc, không thấy bảng chỉ tiêu'));
  });
  const bottom = COMMUNES_HEADER_ROW + readable.length;
  return {
    name: COMMUNES_SHEET,
    rows: rowsFromCells(s.cells),
    columnWidths: fitWidths(COMMUNE_COLUMNS, [5, 22, 10, 8, 8, 8, 10, 8, 10, 9, 30, 16, 40]),
    freezeRows: COMMUNES_HEADER_ROW,
    freezeColumns: 2,
    autoFilter: `A${COMMUNES_HEADER_ROW}:${columnLetter(COMMUNE_COLUMNS.length)}${bottom}`,
    print: printSetup(ctx, COMMUNES_SHEET, [1, COMMUNES_HEADER_ROW], [1, 2]),
  };
}
