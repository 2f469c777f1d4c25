import { buildRollup } from '../../../src/core/rollup/build';
import { rollupJson } from '../../../src/core/rollup/json';
import { file, unreadable } from './build-report';

const model = buildRollup({ files: [
  file('dir/an.xlsx', 'An Bình', [
    { row: 6, name: 'Tỷ lệ phủ sóng 5G trên địa bàn xã', status: 'met', actual: 95, target: { op: '>=', value: 90 } },
    { row: 7, name: 'Kinh phí chuyển đổi số', status: 'no_target', actual: 500, unit: 'triệu đồng' },
  ]),
  file('dir/binh.xlsx', 'Bình Minh', [
    { row: 9, name: 'Phủ sóng 5G cho người dân', status: 'no_data', actual: 'Không phát sinh', target: { op: '>=', value: 90 } },
  ]),
  unreadable('dir/hong.xlsx', 'Tệp CSV đổi đuôi .xlsx'),
] });
const json = rollupJson(model);

describe('rollup --json contract', () => {
  it('has exactly communes, indicators and unmatched', () => {
    expect(Object.keys(json)).toEqual(['communes', 'indicators', 'unmatched']);
  });

  it('lists every file with name, file, encoding and error', () => {
    expect(json.communes).toEqual([
      { name: 'An Bình', file: 'dir/an.xlsx', encoding: 'unicode', error: null },
      { name: 'Bình Minh', file: 'dir/binh.xlsx', encoding: 'unicode', error: null },
      { name: 'hong', file: 'dir/hong.xlsx', encoding: 'unicode', error: 'Tệp CSV đổi đuôi .xlsx' },
    ]);
  });

  it('gives each indicator key, name, unit, values with their cells and counts', () => {
    const g = json.indicators.find(i => i.key === '5g_coverage');
    expect(Object.keys(g ?? {})).toEqual(['key', 'name', 'unit', 'values', 'counts']);
    expect(g?.values).toEqual([
      { commune: 'An Bình', file: 'dir/an.xlsx', sheet: 'PL', cell: 'E6', row: 6, target: { text: '>= 90', op: '>=', value: 90, year: 2026, kind: 'numeric' }, actual: 95, status: 'met' },
      { commune: 'Bình Minh', file: 'dir/binh.xlsx', sheet: 'PL', cell: 'E9', row: 9, target: { text: '>= 90', op: '>=', value: 90, year: 2026, kind: 'numeric' }, actual: null, status: 'no_data' },
    ]);
    expect(g?.counts).toEqual({ met: 1, not_met: 0, at_risk: 0, no_data: 1, not_applicable: 0, manual: 0, no_target: 0, invalid: 0, not_reported: 0 });
  });

  it('keeps unmatched rows as their own group and lists them with suggestions', () => {
    const group = json.indicators.find(i => i.key.startsWith('unmatched:'));
    expect(group?.values.map(v => v.cell)).toEqual(['E7']);
    expect(group?.counts.not_reported).toBe(1);
    expect(json.unmatched).toHaveLength(1);
    expect(json.unmatched[0]).toMatchObject({ commune: 'An Bình', file: 'dir/an.xlsx', sheet: 'PL', cell: 'E7', row: 7, name: 'Kinh phí chuyển đổi số', unit: 'triệu đồng', group: group?.key });
    expect(Array.isArray(json.unmatched[0]?.suggestions)).toBe(true);
  });

  it('is plain JSON (round-trips unchanged)', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
