/**
 * Generalisation: workbooks laid out in many ways with different problems planted, scored like the audit scorer
 * (distinct sheet!cell): every planted cell found, nothing else reported.
 */
import fc from 'fast-check';
import { auditWorkbook } from '../../../src/core/audit/audit';
import { bookOf } from '../../helpers/grid';
import { sheet } from './build';
import { plant, PROBLEMS, type Layout } from './plant';

const layout: fc.Arbitrary<Layout> = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  top: fc.integer({ min: 3, max: 8 }),
  left: fc.integer({ min: 1, max: 4 }),
  rows: fc.integer({ min: 12, max: 18 }),
  total: fc.boolean(),
  evaluation: fc.boolean(),
  across: fc.boolean(),
  problems: fc.shuffledSubarray([...PROBLEMS], { minLength: 0, maxLength: 6 }),
});

function score(l: Layout): { missed: string[]; extra: string[]; planted: string[] } {
  const p = plant(l);
  const findings = auditWorkbook(bookOf(sheet(p.grid, 'Phụ lục tính toán')), { file: 'x.xlsx' });
  const got = new Set(findings.map(f => f.cell));
  return {
    missed: p.expected.filter(c => !got.has(c)),
    extra: [...got].filter(c => !p.expected.includes(c)).map(c => `${c}: ${findings.find(f => f.cell === c)?.message ?? ''}`),
    planted: p.planted,
  };
}

describe('planted problems in varied layouts', () => {
  it('finds each planted problem and raises no false alarm', () => {
    fc.assert(fc.property(layout, l => {
      const s = score(l);
      expect({ missed: s.missed, extra: s.extra }).toEqual({ missed: [], extra: [] });
    }), { numRuns: 300 });
  });

  it('raises nothing on clean workbooks of every layout', () => {
    fc.assert(fc.property(layout, l => {
      expect(score({ ...l, problems: [] }).extra).toEqual([]);
    }), { numRuns: 100 });
  });

  it('finds every kind of problem, down and across', () => {
    for (const across of [false, true]) {
      // A typed total and a total over its header both spoil the same total cell: one of them is planted at a time.
      for (const without of ['total-header', 'typed-total'] as const) {
        const problems = PROBLEMS.filter(p => p !== without);
        const s = score({ seed: 42, top: 5, left: 2, rows: 30, total: true, evaluation: true, across, problems });
        expect(s.missed).toEqual([]);
        expect(s.extra).toEqual([]);
        expect(s.planted.sort()).toEqual(problems.filter(p => !(across && p === 'contradiction')).sort());
      }
    }
  });
});
