/** A set of plans that uses every feature of the sheet plan contract, with awkward text. */
import { rowsFromCells } from '../../../src/core/plan/rows';
import type { PlannedCell, SheetPlan } from '../../../src/core/plan/types';

const ODD = ['  spaces kept  ', 'a & b < c > d "q" \'s\'', '=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", 'line\nbreak\ttab', 'ctl\u0001\u0007\u001fdel\u007f', 'Tỷ lệ phủ sóng 5G — ≥ 90%'];

export function everything(): SheetPlan[] {
  const c: PlannedCell[] = [];
  const put = (row: number, col: number, value: PlannedCell['value'], style?: PlannedCell['style']) => c.push(style ? { row, col, value, style } : { row, col, value });
  put(1, 1, { t: 's', s: 'TIÊU ĐỀ' }, { bold: true });
  ODD.forEach((s, i) => put(2 + i, 1, { t: 's', s }, i % 2 ? { wrap: true } : undefined));
  [0, -1.5, 1e-7, 123456789.125, 0.52, 2 ** 40].forEach((n, i) => put(2 + i, 2, { t: 'n', n }, { numFmt: i === 4 ? '0%' : i === 5 ? '#,##0' : '0.00' }));
  put(2, 3, { t: 'link', text: 'Xem', sheet: 'Dữ liệu', cell: 'B3' }, { fontColor: '0563C1' });
  put(3, 3, { t: 'link', text: 'Tệp xã', sheet: 'PL 1', cell: 'C7', file: 'xa/Bình Minh & Co.xlsx' });
  put(4, 3, { t: 'formula', f: 'B2*2', cached: 0 });
  put(5, 3, { t: 'formula', f: 'A2&"x"', cached: 'ax' });
  put(6, 3, { t: 'formula', f: 'SUM(B2:B7)', cached: null });
  put(7, 3, { t: 'empty' }, { fill: 'FFC7CE', fontColor: '9C0006', bold: true, align: 'center', wrap: true, numFmt: '0.0' });
  put(8, 4, { t: 's', s: 'gộp' }, { align: 'right' });
  // Links carrying numbers (a rollup's commune values): the cells stay numbers under their links, zero included.
  put(8, 3, { t: 'link', text: '94,7', n: 94.7042253521, sheet: 'PL 1', cell: 'E9', file: 'xa/Bình Minh & Co.xlsx' }, { numFmt: '0.0', fill: 'C6EFCE' });
  put(9, 3, { t: 'link', text: '0', n: 0, sheet: 'Dữ liệu', cell: 'B3' }, { numFmt: '#,##0' });
  return [
    {
      name: 'Tổng hợp', rows: rowsFromCells(c), columnWidths: [30, 12, 16, 8], hiddenColumns: [4], freezeRows: 1, freezeColumns: 1,
      autoFilter: 'A1:D9', merges: ['D8:E9'],
      print: { landscape: true, fitToWidth: true, titleRows: [1, 1], titleColumns: [1, 2], header: 'Tỉnh A & kỳ 6/2026' },
    },
    { name: 'Dữ liệu', rows: rowsFromCells([{ row: 3, col: 2, value: { t: 'n', n: 7 } }]), freezeRows: 2, projection: [2] },
    // The same name twice: the second one gets a suffix in both writers.
    { name: 'Dữ liệu', rows: rowsFromCells([{ row: 1, col: 1, value: { t: 'link', text: 'về', sheet: 'Tổng hợp', cell: 'A1' } }]) },
  ];
}

