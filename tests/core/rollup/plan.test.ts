import fc from 'fast-check';
import { buildRollup } from '../../../src/core/rollup/build';
import { rollupPlans } from '../../../src/core/rollup/plan';
import { COMMUNE_COLUMNS } from '../../../src/core/rollup/plan-communes';
import { DATA_COLUMNS } from '../../../src/core/rollup/plan-data';
import { REVIEW_LABELS, sortedReview } from '../../../src/core/rollup/plan-review';
import { SUMMARY_COLUMNS, SUMMARY_HEADER_ROW } from '../../../src/core/rollup/plan-summary';
import { STATUS_COLOURS } from '../../../src/core/plan/palette';
import { planCells } from '../../../src/core/plan/rows';
import type { PlannedCell, SheetPlan } from '../../../src/core/plan/types';
import { file, unreadable } from './build-report';

const FIVE_G = 'Tỷ lệ phủ sóng 5G trên địa bàn xã';
const INJECTIONS = ['=HYPERLINK("http://x.example","bấm")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A2)'];

const model = buildRollup({ files: [
  file('an.xlsx', 'An Bình', [
    { row: 6, name: FIVE_G, status: 'met', actual: 95, target: { op: '>=', value: 90, text: '≥ 90%' } },
    { row: 7, name: 'Tỷ lệ người dân có chữ ký số', status: 'not_met', actual: 8, target: { op: '>=', value: 10 } },
  ]),
  file('binh.xlsx', 'Bình Minh', [
    { row: 6, name: 'Phủ sóng 5G cho người dân', status: 'not_met', actual: 70, target: { op: '>=', value: 90, text: '≥ 90%' } },
    { row: 7, name: INJECTIONS[0] as string, status: 'no_data', actual: INJECTIONS[1] as string },
  ]),
  file('cam.xlsx', INJECTIONS[2] as string, [
    { row: 6, name: FIVE_G, status: 'at_risk', actual: 88, target: { op: '>=', value: 90, text: '≥ 90%' } },
    { row: 8, name: 'Tỷ lệ người dân có chữ ký số', status: 'met', actual: INJECTIONS[3] as string },
  ]),
  unreadable('hong.xlsx', 'Không phải tệp Excel'),
] });
const plans = rollupPlans(model);
const cellsOf = (p: SheetPlan): PlannedCell[] => [...planCells(p)];
const sheet = (name: string): SheetPlan => plans.find(p => p.name === name) as SheetPlan;
const at = (p: SheetPlan, row: number, col: number): PlannedCell | undefined => cellsOf(p).find(c => c.row === row && c.col === col);
const valueAt = (p: SheetPlan, row: number, col: number): unknown => {
  const v = at(p, row, col)?.value;
  return v?.t === 's' ? v.s : v?.t === 'n' ? v.n : v?.t === 'link' ? v.text : null;
};
const rowOf = (p: SheetPlan, col: number, value: string): number | undefined => cellsOf(p).find(c => c.col === col && c.value.t === 's' && c.value.s === value)?.row;

describe('rollup sheet plans', () => {
  it('are the four sheets of the issue, in order', () => {
    expect(plans.map(p => p.name)).toEqual(['Tổng hợp', 'Theo xã', 'Dữ liệu', 'Cần xem lại']);
    for (const p of plans) expect(p.freezeRows).toBeGreaterThan(0);
  });

  it('Tổng hợp: counts, share met, min / median / max, the shared target and one coloured column per commune', () => {
    const s = sheet('Tổng hợp');
    const keyCol = SUMMARY_COLUMNS.length + model.columns.length + 1;
    expect(valueAt(s, SUMMARY_HEADER_ROW, keyCol)).toBe('Mã chỉ tiêu');
    expect(s.hiddenColumns).toEqual([keyCol]);
    const r = rowOf(s, keyCol, '5g_coverage') as number;
    const col = (label: string) => SUMMARY_COLUMNS.indexOf(label as never) + 1;
    expect(valueAt(s, r, col('Mục tiêu chung'))).toBe('≥ 90%');
    expect(valueAt(s, r, col('Đạt'))).toBe(1);
    expect(valueAt(s, r, col('Chưa đạt'))).toBe(1);
    expect(valueAt(s, r, col('Có nguy cơ'))).toBe(1);
    expect(valueAt(s, r, col('Không báo cáo'))).toBe(0);
    expect(valueAt(s, r, col('Tỷ lệ đạt'))).toBeCloseTo(1 / 3);
    expect(at(s, r, col('Tỷ lệ đạt'))?.style?.numFmt).toBe('0.0%');
    // Figures in % keep every digit and show one decimal.
    expect(at(s, r, col('Lớn nhất'))?.style?.numFmt).toBe('0.0');
    expect([valueAt(s, r, col('Nhỏ nhất')), valueAt(s, r, col('Trung vị')), valueAt(s, r, col('Lớn nhất'))]).toEqual([70, 88, 95]);
    const first = SUMMARY_COLUMNS.length + 1;
    const communes = model.columns.map((_, i) => valueAt(s, SUMMARY_HEADER_ROW, first + i));
    expect(communes).toEqual(model.columns.map(c => c.commune));
    const an = communes.indexOf('An Bình');
    // The value links to its source cell in the commune's file and stays a number, shown with one decimal.
    expect(at(s, r, first + an)?.value).toEqual({ t: 'link', text: '95,0', n: 95, file: 'an.xlsx', sheet: 'PL', cell: 'E6' });
    expect(at(s, r, first + an)?.style).toMatchObject({ fill: STATUS_COLOURS.met.fill, fontColor: STATUS_COLOURS.met.font, numFmt: '0.0' });
  });

  it('Tổng hợp: a commune that did not report shows a dash in the not-reported colour', () => {
    const s = sheet('Tổng hợp');
    const keyCol = SUMMARY_COLUMNS.length + model.columns.length + 1;
    const groupRow = cellsOf(s).find(c => c.col === keyCol && c.value.t === 's' && c.value.s.startsWith('unmatched:'))?.row as number;
    const first = SUMMARY_COLUMNS.length + 1;
    const an = model.columns.findIndex(c => c.commune === 'An Bình');
    expect(valueAt(s, groupRow, first + an)).toBe('—');
    expect(at(s, groupRow, first + an)?.style?.fill).toBe(STATUS_COLOURS.not_reported.fill);
  });

  it('Theo xã: one row per readable file with counts and encoding; unreadable files are not communes', () => {
    const s = sheet('Theo xã');
    expect(COMMUNE_COLUMNS).toContain('Bảng mã');
    const an = rowOf(s, 2, 'An Bình') as number;
    const col = (label: string) => COMMUNE_COLUMNS.indexOf(label as never) + 1;
    expect(valueAt(s, an, col('Đạt'))).toBe(1);
    expect(valueAt(s, an, col('Chưa đạt'))).toBe(1);
    expect(valueAt(s, an, col('Bảng mã'))).toBe('Unicode');
    expect(valueAt(s, an, col('Tỷ lệ đạt'))).toBe(0.5);
    expect(rowOf(s, col('Tệp'), 'hong.xlsx')).toBeUndefined();
    expect(cellsOf(s).some(c => c.value.t === 's' && c.value.s.includes('hong'))).toBe(false);
    expect(String(valueAt(s, 2, 1))).toContain('1 tệp không đọc được');
    const review = sheet('Cần xem lại');
    const line = rowOf(review, 6, 'hong.xlsx') as number;
    expect(String(valueAt(review, line, 5))).toContain('Không phải tệp Excel');
    expect(valueAt(review, line, 3)).toBeNull();
  });

  it('Dữ liệu: the long table has its header on row 1 and every value with its source cell', () => {
    const s = sheet('Dữ liệu');
    expect(DATA_COLUMNS.map((_, i) => valueAt(s, 1, i + 1))).toEqual([...DATA_COLUMNS]);
    const rows = new Set(cellsOf(s).filter(c => c.row > 1).map(c => c.row));
    expect(rows.size).toBe(model.indicators.reduce((n, i) => n + i.values.length, 0));
    const col = (label: string) => DATA_COLUMNS.indexOf(label as never) + 1;
    const r = rowOf(s, col('Tên chỉ tiêu (như ghi)'), 'Phủ sóng 5G cho người dân') as number;
    expect(['Xã, phường', 'Tệp', 'Trang tính', 'Ô', 'Mã chỉ tiêu', 'Giá trị kết quả', 'Mã trạng thái'].map(l => valueAt(s, r, col(l))))
      .toEqual(['Bình Minh', 'binh.xlsx', 'PL', 'E6', '5g_coverage', 70, 'not_met']);
    // Every row links to its source cell; internal codes are the last columns.
    expect(at(s, r, col('Ô'))?.value).toEqual({ t: 'link', text: 'E6', file: 'binh.xlsx', sheet: 'PL', cell: 'E6' });
    expect(DATA_COLUMNS.slice(-2)).toEqual(['Mã chỉ tiêu', 'Mã trạng thái']);
    expect(s.autoFilter).toBe(`A1:S${rows.size + 1}`);
  });

  it('Cần xem lại: unreadable files first, then doubtful and unmatched rows', () => {
    const s = sheet('Cần xem lại');
    const kinds = cellsOf(s).filter(c => c.col === 2 && c.row > 3 && c.value.t === 's').map(c => (c.value as { s: string }).s);
    expect(kinds[0]).toBe(REVIEW_LABELS.unreadable);
    expect(kinds).toContain(REVIEW_LABELS.unmatched);
    const order = sortedReview(model.review).map(r => r.kind);
    expect(order.indexOf('unreadable')).toBeLessThan(order.indexOf('unmatched'));
  });

  it('Cần xem lại: a commune name sent from two folders may be two communes of two provinces', () => {
    const twice = (a: string, b: string) => {
      const m = buildRollup({ files: [file(a, 'Ba Đình', [{ row: 6, name: FIVE_G, status: 'met', actual: 95 }]),
        file(b, 'Ba Đình', [{ row: 6, name: FIVE_G, status: 'met', actual: 91 }])] });
      const review = rollupPlans(m).find(p => p.name === 'Cần xem lại') as SheetPlan;
      return cellsOf(review).map(c => (c.value.t === 's' ? c.value.s : '')).find(t => t.startsWith('Tính theo tệp')) ?? '';
    };
    expect(twice('ha-noi/ba-dinh.xlsx', 'thanh-hoa/ba-dinh.xlsx')).toMatch(/thư mục khác nhau.*--by-folder when each folder is a province$/);
    expect(twice('thang-4/ba-dinh.xlsx', 'thang-4/ba-dinh (1).xlsx')).not.toMatch(/thư mục/);
  });

  it('writes text from commune files as plain strings, never as formulas', () => {
    const all = plans.flatMap(p => cellsOf(p));
    expect(all.some(c => c.value.t === 'formula')).toBe(false);
    for (const inj of INJECTIONS) {
      const hits = all.filter(c => c.value.t === 's' && c.value.s === inj);
      expect({ inj, found: hits.length > 0 }).toEqual({ inj, found: true });
    }
  });

  it('stays formula-free and well-formed for any commune text', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.string(), fc.string(), fc.string()), { minLength: 1, maxLength: 5 }), specs => {
      const m = buildRollup({ files: specs.map(([commune, name, actual], i) => file(`f${i}.xlsx`, commune, [{ row: 6, name, status: 'no_data', actual }])) });
      const problems: string[] = [];
      for (const p of rollupPlans(m)) {
        const seen = new Set<string>();
        for (const c of cellsOf(p)) {
          const key = `${c.row}:${c.col}`;
          if (c.value.t === 'formula') problems.push(`${p.name}!${key} formula`);
          if (c.row < 1 || c.col < 1) problems.push(`${p.name}!${key} outside the sheet`);
          if (seen.has(key)) problems.push(`${p.name}!${key} written twice`);
          seen.add(key);
        }
        // The row contract: rows ascending, each row's cells on that row with ascending columns, same on a second pull.
        let last = 0;
        const pulls = [[...p.rows()], [...p.rows()]];
        for (const row of pulls[0] ?? []) {
          const r = row[0]?.row ?? 0;
          if (r <= last) problems.push(`${p.name}: row ${r} after ${last}`);
          last = r;
          row.forEach((c, i) => {
            if (c.row !== r) problems.push(`${p.name}!${c.row}:${c.col} in row ${r}`);
            if (i > 0 && c.col <= (row[i - 1]?.col ?? 0)) problems.push(`${p.name}!${r}:${c.col} columns not ascending`);
          });
        }
        if (JSON.stringify(pulls[0]) !== JSON.stringify(pulls[1])) problems.push(`${p.name}: a second pull differs`);
      }
      expect(problems).toEqual([]);
    }), { numRuns: 100 });
  });
});
