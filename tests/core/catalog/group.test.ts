import fc from 'fast-check';
import { groupUnmatched } from '../../../src/core/catalog/group';

describe('groupUnmatched', () => {
  const rows = [
    { name: 'Kinh phí chuyển đổi số', unit: 'triệu đồng' },
    { name: 'Kinh phí KHCN, ĐMST', unit: null },
    { name: 'Kinh phi chuyen doi so' },
    { name: 'Số lượng tổ công nghệ số cộng đồng', unit: 'tổ' },
    { name: 'Kinh phí dành cho chuyển đổi số' },
    { name: 'Số tổ công nghệ số cộng đồng được thành lập' },
    { name: 'Tỷ lệ hộ nghèo' },
  ];
  const groups = groupUnmatched(rows);
  const groupOf = (i: number) => groups.find(g => g.members.includes(i));

  it('puts rows worded alike together and keeps different ones apart', () => {
    expect(groupOf(0)).toBe(groupOf(2));
    expect(groupOf(0)).toBe(groupOf(4));
    expect(groupOf(3)).toBe(groupOf(5));
    expect(groupOf(0)).not.toBe(groupOf(3));
    expect(groupOf(6)).not.toBe(groupOf(0));
    expect(groupOf(6)?.members).toEqual([6]);
  });

  it('names a group by its most frequent wording, keeps a unit and a stable unmatched: key', () => {
    const g = groupOf(0);
    expect(g?.key).toMatch(/^unmatched:kinh_phi_chuyen_doi_so/);
    expect(g?.unit).toBe('triệu đồng');
    expect(['Kinh phí chuyển đổi số', 'Kinh phi chuyen doi so', 'Kinh phí dành cho chuyển đổi số']).toContain(g?.name);
    expect(groupUnmatched(rows)).toEqual(groups);
  });

  it('partitions any rows: every index exactly once, unique keys, never throws', () => {
    fc.assert(fc.property(fc.array(fc.record({ name: fc.string(), unit: fc.option(fc.string()) }), { maxLength: 40 }), rs => {
      const gs = groupUnmatched(rs);
      const seen = gs.flatMap(g => g.members).sort((a, b) => a - b);
      expect(seen).toEqual(rs.map((_, i) => i));
      expect(new Set(gs.map(g => g.key)).size).toBe(gs.length);
      for (const g of gs) expect(g.key.startsWith('unmatched:')).toBe(true);
    }));
  });

  it('groups thousands of rows quickly', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ name: ['Kinh phí chuyển đổi số', 'Tổng cộng', 'Kinh phí KHCN, ĐMST'][i % 3] + (i % 7 === 0 ? '.' : '') }));
    const start = Date.now();
    const gs = groupUnmatched(many);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(gs.length).toBeLessThanOrEqual(3);
  });
});
