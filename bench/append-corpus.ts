/**
 * Adding sheets to real workbooks (public test suites): `npm run bench:append -- <folder…>`. Not a test. For every
 * .xlsx/.xlsm under the folders that our reader reads, the rollup plans of a small province are added by copying
 * the file's parts (src/xlsx/write/append.ts); the result is read back and must hold the file's own sheets with the
 * same cells as before, then the new sheets, whose cells must equal those of a new workbook of the same plans, and
 * last month read through the added Dữ liệu's projection must equal last month read from that sheet.
 * Prints how many files were appended and checked, left to the general path (by reason), or failed the check.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkWorkbook } from '../src/core/check/check';
import { defaultCatalog } from '../src/core/catalog/catalog';
import { isDataSheetName, PreviousRows } from '../src/core/rollup/previous';
import { readXlsxFast } from '../src/xlsx/fast';
import { readProjected } from '../src/xlsx/fast/projection';
import type { SheetGrid } from '../src/core/grid/types';
import { buildRollup } from '../src/core/rollup/build';
import { rollupPlans } from '../src/core/rollup/plan';
import { readWorkbook } from '../src/xlsx/read';
import { workbookBytes } from '../src/xlsx/write';
import { appendWorkbook } from '../src/xlsx/write/append';
import { readExisting } from '../src/xlsx/write/existing';
import { listWorkbooks } from './workbooks';

const cellsOf = (s: SheetGrid): string => JSON.stringify(s.rows);
/**
 * The new sheets' cells without font names: a cell we leave unstyled takes the workbook's own default font (its
 * Normal style, as a sheet added in Excel does), which is Arial in some files and Calibri in a new workbook of ours.
 */
const newCellsOf = (s: SheetGrid): string => JSON.stringify(s.rows, (k, v: unknown) => (k === 'font' ? undefined : v));

/**
 * Last month read back from the added Dữ liệu through its projection (src/xlsx/projection.ts) and from the sheet
 * itself: null when they agree, else what is wrong.
 */
function projectionProblem(bytes: Uint8Array): string | null {
  const catalog = defaultCatalog();
  const viaProjection = new PreviousRows(catalog);
  const read = readProjected(bytes, isDataSheetName, (_s, row, cells) => { viaProjection.row(row, cells); });
  if (read === null) return 'no projection';
  const bySheet = new Map<string, PreviousRows>();
  readXlsxFast(bytes, undefined, {
    sheets: isDataSheetName,
    onRow: (sheet, row, cells) => {
      const p = bySheet.get(sheet) ?? new PreviousRows(catalog);
      bySheet.set(sheet, p);
      p.row(row, cells);
    },
  });
  const viaSheet = bySheet.get(read.sheet);
  if (!viaSheet) return `projection of ${read.sheet}, no such sheet`;
  return JSON.stringify(viaProjection.result(read.sheet)) === JSON.stringify(viaSheet.result(read.sheet)) ? null : 'projection differs from the sheet';
}

async function main(): Promise<void> {
  const folders = process.argv.slice(2);
  const province = path.join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'province-2026-04');
  const communes = (await fs.readdir(province)).filter(f => f.endsWith('.xlsx')).sort().slice(0, 5);
  const reports = [];
  for (const f of communes) {
    const r = await readWorkbook(new Uint8Array(await fs.readFile(path.join(province, f))));
    if (r.ok) reports.push(checkWorkbook(r.grid, { file: f }));
  }
  const plans = rollupPlans(buildRollup({ files: reports }), undefined, undefined, { relativeFile: f => f });
  const fresh = await readWorkbook(workbookBytes(plans).bytes);
  if (!fresh.ok) throw new Error(fresh.error);
  const expected = fresh.grid.sheets.map(newCellsOf);

  let files = 0, unreadable = 0, appended = 0, failed = 0;
  const general = new Map<string, number>();
  const failures: string[] = [];
  for (const folder of folders) {
    for (const file of await listWorkbooks(folder)) {
      files++;
      const bytes = new Uint8Array(await fs.readFile(file));
      const before = await readWorkbook(bytes);
      if (!before.ok) { unreadable++; continue; }
      const existing = readExisting(bytes);
      if (!existing.ok) {
        const reason = existing.reason.replace(/^[^:]*: /, '').replace(/\d+/g, 'N');
        general.set(reason, (general.get(reason) ?? 0) + 1);
        continue;
      }
      const chunks: Uint8Array[] = [];
      let why: string | null = null;
      try {
        const names = appendWorkbook(existing.pkg, plans, c => { chunks.push(c); });
        const after = await readWorkbook(Buffer.concat(chunks));
        if (!after.ok) why = `unreadable after: ${after.error}`;
        else {
          const own = before.grid.sheets;
          const got = after.grid.sheets;
          if (got.length !== own.length + names.length) why = `sheets ${own.length} + ${names.length} → ${got.length}`;
          else if (own.some((s, i) => got[i]?.name !== s.name || cellsOf(got[i] as SheetGrid) !== cellsOf(s))) why = 'own sheet changed';
          else if (names.some((n, i) => got[own.length + i]?.name !== n || newCellsOf(got[own.length + i] as SheetGrid) !== expected[i])) why = 'new sheet differs';
          else why = projectionProblem(Buffer.concat(chunks));
        }
      } catch (e) {
        why = `threw: ${(e as Error).message}`;
      }
      if (why === null) appended++;
      else { failed++; failures.push(`${path.relative(folder, file)}: ${why}`); }
    }
  }
  console.log(`files ${files}: appended and checked ${appended}, general path ${[...general.values()].reduce((a, b) => a + b, 0)}, check failed ${failed}, unreadable by the reader ${unreadable}`);
  for (const [reason, n] of [...general].sort((a, b) => b[1] - a[1])) console.log(`  general path ${n}: ${reason}`);
  for (const f of failures.slice(0, 20)) console.log(`  FAILED ${f}`);
}

void main();
