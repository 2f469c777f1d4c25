/** "Theo xã": one row per file received — the commune, its results in counts, the file and how it was read. */
import type { Encoding } from '../check/report';
import type { PlannedRow, SheetPlan } from '../plan/types';
import { PERCENT_FORMAT, RowSink, fitWidths, headerRow, TITLE_STYLE, num, statusStyle, text } from './plan-cells';
import { columnLetter } from '../grid/address';
import { printSetup, type PlanContext } from './plan-context';
import type { RollupCommune, RollupModel } from './types';

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

/** Rows made as the writer asks for them (see reviewRows in plan-review.ts for why nothing is built ahead). */
function* communeRows(model: RollupModel, ctx: PlanContext, readable: readonly RollupCommune[]): Generator<PlannedRow> {
  const s = new RowSink();
  s.start(1).put(1, text('KẾT QUẢ THEO XÃ, PHƯỜNG'), TITLE_STYLE);
  yield s.take();
  // Unreadable files are not communes: they are listed in "Cần xem lại" only.
  const unreadable = model.communes.length - readable.length;
  if (unreadable > 0) {
    s.start(2).put(1, text(`${unreadable} tệp không đọc được: xem "Cần xem lại" / ${unreadable} unreadable file(s): see "Cần xem lại"`));
    yield s.take();
  }
  headerRow(s.start(COMMUNES_HEADER_ROW), COMMUNE_COLUMNS);
  yield s.take();
  const summaryOf = new Map(model.summaries.map(x => [x.file, x] as const));
  for (let i = 0; i < readable.length; i++) {
    const c = readable[i] as RollupCommune;
    s.start(COMMUNES_HEADER_ROW + 1 + i);
    s.put(1, num(i + 1));
    s.put(2, text(c.name));
    const sum = summaryOf.get(c.file);
    if (!sum) {
      s.put(11, text(`Không tính: đã có tệp mới hơn (${c.supersededBy ? ctx.rel(c.supersededBy) : ''})`), statusStyle('no_data'));
    } else {
      const other = sum.counts.not_applicable + sum.counts.manual + sum.counts.no_target + sum.counts.invalid;
      s.put(3, num(sum.reported));
      s.put(4, num(sum.counts.met), statusStyle('met'));
      s.put(5, num(sum.counts.not_met), statusStyle('not_met'));
      s.put(6, num(sum.counts.at_risk), statusStyle('at_risk'));
      s.put(7, num(sum.counts.no_data), statusStyle('no_data'));
      s.put(8, num(other));
      s.put(9, num(sum.counts.not_reported), statusStyle('not_reported'));
      s.put(10, num(sum.shareMet), PERCENT);
      s.put(11, text(c.indicatorRows > 0 ? 'Đã đọc' : 'Đã đọc, không thấy bảng chỉ tiêu'));
    }
    s.put(12, text(ENCODING_LABELS[c.encoding]));
    s.put(13, text(ctx.rel(c.file)));
    yield s.take();
  }
}

const PERCENT = { numFmt: PERCENT_FORMAT } as const;

export function communesPlan(model: RollupModel, ctx: PlanContext): SheetPlan {
  const readable = model.communes.filter(c => c.error === null);
  const bottom = COMMUNES_HEADER_ROW + readable.length;
  return {
    name: COMMUNES_SHEET,
    rows: () => communeRows(model, ctx, readable),
    columnWidths: fitWidths(COMMUNE_COLUMNS, [5, 22, 10, 8, 8, 8, 10, 8, 10, 9, 30, 16, 40]),
    freezeRows: COMMUNES_HEADER_ROW,
    freezeColumns: 2,
    autoFilter: `A${COMMUNES_HEADER_ROW}:${columnLetter(COMMUNE_COLUMNS.length)}${bottom}`,
    print: printSetup(ctx, COMMUNES_SHEET, [1, COMMUNES_HEADER_ROW], [1, 2]),
  };
}
