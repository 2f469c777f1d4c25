/**
 * Every fixture, laid out differently: each transformation alone, then random compositions (fast-check).
 * Whatever the layout, every row must be judged as in the original (status, target, result), no row may appear or
 * vanish, and the commune must stay named. Bounded for CI: a fixed number of runs over grids of a few hundred cells.
 */
import path from 'node:path';
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core/check/check';
import type { FileReport } from '../../src/core/check/report';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { fixturePath, loadTruth, readFixture } from '../helpers/fixtures';
import { reportDifferences } from './compare';
import { type Apply, type Context, TRANSFORMS } from './transforms';

interface Fixture { file: string; grid: WorkbookGrid; report: FileReport; ctx: Context }
const fixtures: Fixture[] = [];

beforeAll(async () => {
  const truth = await loadTruth();
  const all = [...truth.workbooks.map(w => ({ w, p: false })), ...truth.province.map(w => ({ w, p: true }))];
  for (const { w, p } of all) {
    const file = fixturePath(w.file, p);
    const grid = await readFixture(file);
    const report = checkWorkbook(grid, { file: path.basename(file) });
    fixtures.push({ file: w.file, grid, report, ctx: { commune: report.commune, reportDate: report.reportDate, period: report.period } });
  }
}, 60_000);

function differences(f: Fixture, applies: readonly Apply[]): string[] {
  let g = f.grid;
  for (const a of applies) g = a(g, f.ctx);
  return reportDifferences(f.report, checkWorkbook(g, { file: path.basename(f.file) }));
}

describe.each(TRANSFORMS.map(t => [t.name, t] as const))('%s, alone', (_name, t) => {
  it('leaves every row of every fixture judged as before', () => {
    const failures: string[] = [];
    fc.assert(fc.property(t.arb, apply => {
      for (const f of fixtures) {
        const d = differences(f, [apply]);
        if (d.length > 0) failures.push(`${f.file} after ${String(apply)}: ${d.slice(0, 4).join('; ')}`);
      }
    }), { numRuns: Number(process.env.TRANSFORM_SINGLE_RUNS ?? 3) });
    expect(failures).toEqual([]);
  });
});

it('random compositions leave every row judged as before', () => {
  const step = (arb: fc.Arbitrary<Apply>) => fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: arb });
  const pipeline = fc.tuple(...TRANSFORMS.map(t => step(t.arb)));
  fc.assert(fc.property(fc.nat({ max: 1000 }), pipeline, (i, steps) => {
    const f = fixtures[i % fixtures.length] as Fixture;
    const applies = steps.filter((s): s is Apply => s !== null);
    const names = applies.map(String);
    const d = differences(f, applies);
    if (d.length > 0) throw new Error(`${f.file} after [${names.join(', ')}]: ${d.slice(0, 5).join('; ')}`);
  }), { numRuns: Number(process.env.TRANSFORM_RUNS ?? 150) });
});
