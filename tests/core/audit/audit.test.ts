import fc from 'fast-check';
import { auditWorkbook, countByRule } from '../../../src/core/audit/audit';
import { RULE_IDS } from '../../../src/core/audit/finding';
import { parseCellAddress } from '../../../src/core/grid/address';
import type { Cell, SheetGrid } from '../../../src/core/grid/types';
import { bookOf } from '../../helpers/grid';
import { audit, put, ratioTable } from './build';

const formulaPiece = fc.constantFrom(
  'A1', 'B2', 'C3:C9', '$D$4', 'E5', 'SUM(', 'AVERAGE(', 'IF(', ')', '+', '-', '*', '/', '100', '0', ',', '"Đạt"', '#REF!',
  "'Kinh phí'!C6", '[1]X!A1', 'A1:A1', 'Z99', ' ',
);
const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -1000, max: 100000 }).map(n => ({ v: { t: 'n' as const, n } })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(n => ({ v: { t: 'n' as const, n }, fmt: '0.00%' })),
  fc.constantFrom('42', '1.247', '72,5', 'Tổng cộng', 'Đạt', 'Chưa đạt', '%', 'TT', '2026', '0912345678', '', 'Tỷ lệ hộ')
    .map(s => ({ v: { t: 's' as const, s } })),
  fc.constantFrom('#DIV/0!', '#VALUE!', '#N/A').map(e => ({ v: { t: 'e' as const, e } })),
  fc.tuple(fc.array(formulaPiece, { maxLength: 8 }), fc.oneof(fc.integer(), fc.constant(null)))
    .map(([p, n]) => ({ v: n === null ? { t: 'e' as const, e: '#DIV/0!' } : { t: 'n' as const, n }, f: p.join('') })),
);
const sheetArb: fc.Arbitrary<SheetGrid> = fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 14 }).map(rows => ({
  name: 'Kinh phí',
  rowCount: rows.length,
  colCount: Math.max(0, ...rows.map(r => r.length)),
  rows,
  merges: [],
}));

describe('auditWorkbook', () => {
  it('never throws on any grid, and gives one well-formed finding per cell and rule', () => {
    fc.assert(fc.property(sheetArb, sheet => {
      const findings = auditWorkbook(bookOf(sheet));
      const keys = findings.map(f => `${f.sheet}!${f.cell}!${f.rule}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const f of findings) {
        expect(RULE_IDS).toContain(f.rule);
        expect(['error', 'warning', 'info']).toContain(f.severity);
        expect(f.group.startsWith(`${f.rule}:`)).toBe(true);
        expect(parseCellAddress(f.cell)).not.toBeNull();
        expect(f.message).toMatch(/ \/ [a-z]/);
      }
    }), { numRuns: 400 });
  });

  it('lists findings by sheet, row, column, then rule order, and counts them per rule', () => {
    const t = ratioTable({ rows: 10, total: true });
    put(t.grid, `${t.col.rate}${t.first + 4}`, 84);
    put(t.grid, `${t.col.num}${t.first + 1}`, '1.247');
    put(t.grid, `${t.col.rate}${t.first + 6}`, { f: `${t.col.num}${t.first + 7}/${t.col.den}${t.first + 7}*100`, v: 50 });
    const f = audit(t.grid);
    const order = f.map(x => parseCellAddress(x.cell)).map(p => (p ? p.row * 100 + p.col : 0));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(countByRule(f)).toEqual([
      { rule: 'hard-coded', count: 1 }, { rule: 'inconsistent-formula', count: 1 },
      { rule: 'text-number', count: 1 }, { rule: 'text-number-used', count: 1 },
    ]);
  });

  it('keeps distinct rules on one cell but drops those a more specific rule explains', () => {
    const grid = [
      ['TT', 'Nội dung', 'Số tiền'],
      ['1', 'A', 56], ['2', 'B', 500],
      ['', 'Tổng cộng', { f: 'C4+C5', v: 556 }],
    ];
    expect(audit(grid).map(x => x.rule)).toEqual(['circular-reference']);
  });
});
