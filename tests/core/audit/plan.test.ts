import { STATUS } from '../../../src/core/status/vocabulary';
import { auditWorkbook } from '../../../src/core/audit/audit';
import { AUDIT_COLUMNS, auditPlan } from '../../../src/core/audit/plan';
import { planCells } from '../../../src/core/plan/rows';
import type { PlannedCell, SheetPlan } from '../../../src/core/plan/types';

const cellsOf = (p: SheetPlan): PlannedCell[] => [...planCells(p)];
import { bookOf } from '../../helpers/grid';
import { put, ratioTable, sheet } from './build';

function at(plan: SheetPlan, row: number, col: number): PlannedCell | undefined {
  return cellsOf(plan).find(c => c.row === row && c.col === col);
}

function spoiledBook() {
  const t = ratioTable({ rows: 8, total: true });
  put(t.grid, `${t.col.rate}${t.first + 1}`, 84);
  put(t.grid, `${t.col.rate}${t.first + 3}`, { f: `${t.col.num}${t.first + 3}/${t.col.den}${t.first + 3}*100`, v: { e: '#DIV/0!' } });
  put(t.grid, `${t.col.den}${t.first + 3}`, 0);
  put(t.grid, `${t.col.rate}${t.first + 5}`, { f: `${t.col.num}${t.first + 6}/${t.col.den}${t.first + 6}*100`, v: 50 });
  return bookOf(sheet(t.grid));
}

describe('auditPlan', () => {
  const book = spoiledBook();
  const findings = auditWorkbook(book, { report: null });
  const plan = auditPlan(findings, book, { source: 'xa-a.xlsx' });
  const headerRow = cellsOf(plan).find(c => c.col === 1 && c.value.t === 's' && c.value.s === 'STT')?.row ?? 0;

  it('puts the counts per rule at the top', () => {
    expect(findings.map(f => f.rule)).toEqual(['hard-coded', 'error-value', 'inconsistent-formula']);
    const counts = cellsOf(plan).filter(c => c.row < headerRow && c.col === 4 && c.value.t === 'n');
    expect(counts.map(c => c.value)).toEqual([{ t: 'n', n: 1 }, { t: 'n', n: 1 }, { t: 'n', n: 1 }]);
    expect(at(plan, 2, 1)?.value).toEqual({ t: 's', s: '3 phát hiện trên 3 ô — xa-a.xlsx' });
  });

  it('lists each finding with the cell as an internal link, the formula as text and the value shown', () => {
    expect(AUDIT_COLUMNS.map((_h, i) => at(plan, headerRow, i + 1)?.value)).toEqual(AUDIT_COLUMNS.map(h => ({ t: 's', s: h })));
    findings.forEach((f, i) => {
      const r = headerRow + 1 + i;
      expect(at(plan, r, 5)?.value).toEqual({ t: 'link', text: f.cell, sheet: 'Phụ lục', cell: f.cell });
      expect(at(plan, r, 8)?.value).toEqual({ t: 's', s: f.message });
      expect(at(plan, r, 6)?.value).toEqual(f.formula === null ? { t: 'empty' } : { t: 's', s: f.formula });
    });
    expect(at(plan, headerRow + 1, 7)?.value).toEqual({ t: 'n', n: 84 });
    expect(at(plan, headerRow + 2, 7)?.value).toEqual({ t: 's', s: '#DIV/0!' });
    expect(at(plan, headerRow + 2, 3)?.style?.fill).toBe(STATUS.not_met.fill);
  });

  it('never writes a live formula, and keeps one value per cell', () => {
    expect(cellsOf(plan).some(c => c.value.t === 'formula')).toBe(false);
    const keys = cellsOf(plan).map(c => `${c.row}:${c.col}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(plan.name).toBe('Kiểm tra công thức');
    expect(plan.freezeRows).toBe(headerRow);
  });

  it('says so when there is nothing to report', () => {
    const clean = auditPlan([], bookOf(sheet(ratioTable().grid)));
    expect(at(clean, 2, 1)?.value).toEqual({ t: 's', s: 'Không phát hiện vấn đề nào.' });
    expect(cellsOf(clean).filter(c => c.row > 4)).toEqual([]);
  });
});
