import path from 'node:path';
import { checkWorkbook } from '../../src/core/check/check';
import { fixturePath, loadTruth, readFixture, type TruthWorkbook } from '../helpers/fixtures';
import { compare } from './compare';

describe('check on the fixture workbooks matches their truth', () => {
  const cases: { w: TruthWorkbook; province: boolean }[] = [];
  beforeAll(async () => {
    const truth = await loadTruth();
    cases.push(...truth.workbooks.map(w => ({ w, province: false })), ...truth.province.map(w => ({ w, province: true })));
  });

  it('has every fixture in the truth', async () => {
    const truth = await loadTruth();
    expect(truth.workbooks.length).toBeGreaterThanOrEqual(6);
    expect(truth.province.length).toBe(30);
  });

  it('judges every row of every workbook as the truth says', async () => {
    const all: string[] = [];
    for (const { w, province } of cases) {
      const file = fixturePath(w.file, province);
      const grid = await readFixture(file);
      const report = checkWorkbook(grid, { file: path.basename(file) });
      all.push(...compare(w, report).map(m => `${w.file} ${m}`));
    }
    expect(all).toEqual([]);
  });
});
