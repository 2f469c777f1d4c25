/**
 * Golden: the audit fixture's nine planted problems, found with no false alarm (counted the way the scorer counts:
 * distinct sheet!cell), and the other fixtures, where only genuinely questionable cells may be reported.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { auditWorkbook } from '../../../src/core/audit/audit';
import type { Finding } from '../../../src/core/audit/finding';
import { cellAt } from '../../../src/core/grid/access';
import { parseCellAddress } from '../../../src/core/grid/address';
import { FIXTURES, readFixture } from '../../helpers/fixtures';

interface AuditTruth { file: string; findings: { sheet: string; cell: string; why: string }[] }

async function auditFile(file: string): Promise<Finding[]> {
  return auditWorkbook(await readFixture(file), { file: path.basename(file) });
}

describe('audit fixture (golden)', () => {
  it('finds all nine planted problems and nothing else', async () => {
    const truth = JSON.parse(await fs.readFile(path.join(FIXTURES, 'audit', 'audit-truth.json'), 'utf8')) as AuditTruth;
    const findings = await auditFile(path.join(FIXTURES, 'audit', truth.file));
    const got = new Set(findings.map(f => `${f.sheet}!${f.cell}`));
    const want = new Set(truth.findings.map(f => `${f.sheet}!${f.cell}`));
    expect([...got].sort()).toEqual([...want].sort());
    expect(findings.map(f => `${f.cell} ${f.rule}`)).toEqual([
      'G5 hard-coded', 'G7 inconsistent-formula', 'G9 percent-out-of-range', 'H11 evaluation-contradiction',
      'E13 text-number', 'G13 error-value', 'G15 error-value', 'G16 constant-in-formula', 'E17 total-range',
    ]);
    for (const f of findings) {
      expect(f.message.length).toBeGreaterThan(40);
      expect(f.formula === null || f.formula.startsWith('=')).toBe(true);
    }
  });
});

describe('other fixtures', () => {
  const files = async (): Promise<string[]> => {
    const top = (await fs.readdir(FIXTURES)).filter(f => f.endsWith('.xlsx')).map(f => path.join(FIXTURES, f));
    const prov = (await fs.readdir(path.join(FIXTURES, 'province-2026-04'))).filter(f => f.endsWith('.xlsx'))
      .map(f => path.join(FIXTURES, 'province-2026-04', f));
    return [...top, ...prov];
  };

  it('reports only circular totals, error values, text numbers, rates above 100% and contradicted evaluations', async () => {
    const seen = new Map<string, number>();
    for (const file of await files()) {
      const grid = await readFixture(file);
      for (const f of auditWorkbook(grid, { file: path.basename(file) })) {
        seen.set(f.rule, (seen.get(f.rule) ?? 0) + 1);
        const sheet = grid.sheets.find(s => s.name === f.sheet);
        const p = parseCellAddress(f.cell);
        const cell = sheet && p ? cellAt(sheet, p.row, p.col) : undefined;
        switch (f.rule) {
          case 'circular-reference':
            // The "Kinh phí" sheets total =C6+C7 in C6 itself.
            expect([f.sheet, f.cell, f.formula]).toEqual(['Kinh phí', 'C6', '=C6+C7']);
            expect(f.message).toContain('=SUM(C4:C5)');
            break;
          case 'error-value':
            expect(cell?.v.t).toBe('e');
            break;
          case 'text-number':
            expect(cell?.v.t).toBe('s');
            break;
          case 'percent-out-of-range':
            // Typed results above 100 in rows stated in "%" (115% of transactions "phi tiếp xúc", 121% of citizens).
            expect(cell?.v.t === 'n' && cell.v.n > 100).toBe(true);
            break;
          case 'evaluation-contradiction':
            expect(cell?.v.t === 's' && /đạt/i.test(cell.v.s)).toBe(true);
            break;
          default:
            throw new Error(`unexpected ${f.rule} at ${path.basename(file)} ${f.sheet}!${f.cell}: ${f.message}`);
        }
      }
    }
    expect(seen.get('circular-reference')).toBeGreaterThan(5);
  });
});
