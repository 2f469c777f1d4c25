/**
 * "So với kỳ trước": per indicator the communes meeting it last month and now with the changes counted, then per
 * commune and indicator what changed (filterable: "Mới đạt", "Không còn đạt", "Ngừng báo cáo" …).
 */
import { columnLetter } from '../grid/address';
import type { CellStyle, PlannedRow, PlanValue, SheetPlan } from '../plan/types';
import { CHANGE_KINDS, type ChangeKind, type Comparison, type StatusValue } from './compare';
import { HEADER_STYLE, RowSink, TITLE_STYLE, formatStyle, headerRow, num, numberFormat, statusLabel, statusStyle, text } from './plan-cells';
import { printSetup, type PlanContext } from './plan-context';
import type { CountStatus, RollupModel } from './types';

export const COMPARE_SHEET = 'So với kỳ trước';
export const COMPARE_HEADER_ROW = 4;

export const CHANGE_LABELS: Readonly<Record<ChangeKind, string>> = {
  newly_met: 'Mới đạt', newly_not_met: 'Không còn đạt', improved: 'Tiến bộ', worsened: 'Giảm',
  unchanged: 'Không đổi', newly_reported: 'Mới báo cáo', stopped_reporting: 'Ngừng báo cáo',
};

/** The colour a change reads in: gains like "met", losses like "not met". */
const CHANGE_LOOK: Readonly<Record<ChangeKind, CountStatus>> = {
  newly_met: 'met', newly_not_met: 'not_met', improved: 'at_risk', worsened: 'invalid',
  unchanged: 'no_data', newly_reported: 'not_applicable', stopped_reporting: 'not_reported',
};

export const COMPARE_COLUMNS = ['STT', 'Chỉ tiêu', 'Xã đạt kỳ trước', 'Xã đạt kỳ này', 'Chênh lệch',
  ...CHANGE_KINDS.map(k => CHANGE_LABELS[k]), 'Mã chỉ tiêu'] as const;
export const CHANGE_COLUMNS = ['Xã, phường', 'Chỉ tiêu', 'Thay đổi', 'Kỳ trước', 'Giá trị kỳ trước', 'Kỳ này', 'Giá trị kỳ này', 'Mã chỉ tiêu'] as const;

const DIFF = { numFmt: '+0;-0;0' } as const;

/**
 * The cells one side of a change shows (its status, then its figure), made once per indicator for each distinct status
 * and figure: a national detail table has 60,000 rows and both sides of each, from a few thousand distinct ones
 * (compareMonths hands them over shared). Values and styles are immutable, so the rows share them.
 */
class Sides {
  private readonly of = new Map<StatusValue | null, { readonly label: PlanValue; readonly style: CellStyle; readonly value: PlanValue | null; readonly format: CellStyle | undefined }>();

  constructor(private readonly unit: string | null) {}

  put(s: RowSink, c: number, v: StatusValue | null): void {
    let side = this.of.get(v);
    if (side === undefined) {
      side = v === null
        ? { label: text(statusLabel('not_reported')), style: statusStyle('not_reported'), value: null, format: undefined }
        : {
          label: text(statusLabel(v.status)), style: statusStyle(v.status),
          value: v.value !== null ? num(v.value) : null, format: v.value !== null ? formatStyle(numberFormat(this.unit, v.value)) : undefined,
        };
      this.of.set(v, side);
    }
    s.put(c, side.label, side.style);
    if (side.value !== null) s.put(c + 1, side.value, side.format);
  }
}

/** Row of the detail table's header: below the per-indicator table and a title line. */
export function changesHeaderRow(comparison: Comparison): number {
  return COMPARE_HEADER_ROW + comparison.indicators.length + 3;
}

function* compareRows(comparison: Comparison, model: RollupModel, ctx: PlanContext): Generator<PlannedRow> {
  const s = new RowSink();
  const names = new Map(comparison.indicators.map(i => [i.indicator, i.name] as const));
  const units = new Map<string, string | null>();
  for (const ind of model.indicators) { names.set(ind.key, ind.name); units.set(ind.key, ind.unit); }
  const totals = new Map<ChangeKind, number>();
  for (const c of comparison.changes) totals.set(c.change, (totals.get(c.change) ?? 0) + 1);
  s.start(1).put(1, text('SO VỚI KỲ TRƯỚC / COMPARED WITH LAST MONTH'), TITLE_STYLE);
  yield s.take();
  s.start(2).put(1, text(`${ctx.heading} · ${CHANGE_KINDS.filter(k => k !== 'unchanged').map(k => `${CHANGE_LABELS[k]}: ${totals.get(k) ?? 0}`).join(' · ')}`));
  yield s.take();
  s.start(COMPARE_HEADER_ROW);
  COMPARE_COLUMNS.forEach((label, i) => {
    const kind = CHANGE_KINDS[i - 5];
    s.put(i + 1, text(label), kind ? statusStyle(CHANGE_LOOK[kind], HEADER_STYLE) : HEADER_STYLE);
  });
  yield s.take();
  for (const [i, ind] of comparison.indicators.entries()) {
    s.start(COMPARE_HEADER_ROW + 1 + i);
    s.put(1, num(i + 1));
    s.put(2, text(names.get(ind.indicator) ?? ind.name));
    s.put(3, num(ind.metBefore));
    s.put(4, num(ind.metAfter));
    s.put(5, num(ind.metAfter - ind.metBefore), DIFF);
    CHANGE_KINDS.forEach((k, j) => s.put(6 + j, num(ind.changes[k])));
    s.put(COMPARE_COLUMNS.length, text(ind.indicator));
    yield s.take();
  }
  const header = changesHeaderRow(comparison);
  s.start(header - 1).put(1, text('CHI TIẾT THEO XÃ, PHƯỜNG / PER COMMUNE'), TITLE_STYLE);
  yield s.take();
  headerRow(s.start(header), CHANGE_COLUMNS);
  yield s.take();
  // What repeats down the table made once: each commune's and indicator's texts, each change's label and look.
  const communes = new Map<string, PlanValue>();
  const ofIndicator = new Map<string, { readonly name: PlanValue; readonly id: PlanValue; readonly sides: Sides }>();
  const kinds = new Map(CHANGE_KINDS.map(k => [k, { label: text(CHANGE_LABELS[k]), style: statusStyle(CHANGE_LOOK[k]) }] as const));
  let r = header;
  for (const c of comparison.changes) {
    let commune = communes.get(c.commune);
    if (commune === undefined) { commune = text(c.commune); communes.set(c.commune, commune); }
    let ind = ofIndicator.get(c.indicator);
    if (ind === undefined) {
      ind = { name: text(names.get(c.indicator) ?? c.indicator), id: text(c.indicator), sides: new Sides(units.get(c.indicator) ?? null) };
      ofIndicator.set(c.indicator, ind);
    }
    const kind = kinds.get(c.change) as { label: PlanValue; style: CellStyle };
    s.start(++r);
    s.put(1, commune);
    s.put(2, ind.name);
    s.put(3, kind.label, kind.style);
    ind.sides.put(s, 4, c.before);
    ind.sides.put(s, 6, c.after);
    s.put(8, ind.id);
    yield s.take();
  }
}

export function comparePlan(comparison: Comparison, model: RollupModel, ctx: PlanContext): SheetPlan {
  const header = changesHeaderRow(comparison);
  return {
    name: COMPARE_SHEET,
    rows: () => compareRows(comparison, model, ctx),
    columnWidths: [22, 60, 16, 15, 16, 14, 15, 10, 8, 11, 14, 15, 24],
    freezeRows: COMPARE_HEADER_ROW,
    freezeColumns: 2,
    // The filter sits on the per-commune table, the long one.
    autoFilter: `A${header}:${columnLetter(CHANGE_COLUMNS.length)}${header + Math.max(comparison.changes.length, 1)}`,
    print: printSetup(ctx, COMPARE_SHEET, [1, COMPARE_HEADER_ROW], [1, 2]),
  };
}
