/**
 * The grammar against the real fixture workbooks: every number truth.json states for a target or
 * a result is found by the parsers in that row, and captions and headers give the stated dates.
 */
import { cellAt } from '../../../src/core/grid/access';
import type { SheetGrid, WorkbookGrid } from '../../../src/core/grid/types';
import {
  parsePeriodHeader, parseReportDate, parseResultCell, parseTargetCell, parseTaskProgress,
} from '../../../src/core/grammar';
import { fold } from '../../../src/core/text/fold';
import { type Truth, type TruthWorkbook, fixturePath, loadTruth, readFixture } from '../../helpers/fixtures';

interface Loaded { readonly truth: TruthWorkbook; readonly grid: WorkbookGrid }

let loaded: Loaded[] = [];

beforeAll(async () => {
  const truth: Truth = await loadTruth();
  const all = [...truth.workbooks.map(w => ({ w, province: false })), ...truth.province.map(w => ({ w, province: true }))];
  loaded = await Promise.all(all.map(async ({ w, province }) => ({ truth: w, grid: await readFixture(fixturePath(w.file, province)) })));
}, 60_000);

function rowCells(sheet: SheetGrid, row: number) {
  const out = [];
  for (let c = 3; c <= sheet.colCount; c++) out.push(cellAt(sheet, row, c));
  return out;
}

function sheetOf(l: Loaded, name: string): SheetGrid {
  const s = l.grid.sheets.find(x => x.name === name);
  if (!s) throw new Error(`${l.truth.file}: no sheet ${name}`);
  return s;
}

/** Title and caption lines: column A of the first rows. */
function captions(sheet: SheetGrid): string[] {
  const out: string[] = [];
  for (let r = 1; r <= Math.min(4, sheet.rowCount); r++) {
    const cell = cellAt(sheet, r, 1);
    if (cell?.v.t === 's') out.push(cell.v.s);
  }
  return out;
}

test('every stated target is read from its row', () => {
  let checked = 0;
  const misses: string[] = [];
  for (const l of loaded) for (const s of l.truth.sheets) for (const t of s.tables) for (const r of t.rows) {
    if (!r.target) continue;
    checked++;
    const found = rowCells(sheetOf(l, s.sheet), r.row).map(parseTargetCell)
      .some(p => p.kind === 'numeric' && p.op === r.target?.op && p.value === r.target.value);
    if (!found) misses.push(`${l.truth.file} ${s.sheet}!${r.row}`);
  }
  expect(misses).toEqual([]);
  expect(checked).toBeGreaterThan(500);
});

test('every stated result is read from its row', () => {
  let checked = 0;
  const misses: string[] = [];
  for (const l of loaded) for (const s of l.truth.sheets) for (const t of s.tables) for (const r of t.rows) {
    if (r.actual === undefined) continue;
    checked++;
    const found = rowCells(sheetOf(l, s.sheet), r.row).map(parseResultCell)
      .some(p => p.kind === 'number' && Math.abs(p.value - (r.actual ?? NaN)) < 1e-9);
    if (!found) misses.push(`${l.truth.file} ${s.sheet}!${r.row} ${r.actual}`);
  }
  expect(misses).toEqual([]);
  expect(checked).toBeGreaterThan(400);
});

test('rows that did not arise say so in a result or evaluation cell', () => {
  let checked = 0;
  for (const l of loaded) for (const s of l.truth.sheets) for (const t of s.tables) for (const r of t.rows) {
    if (r.status !== 'not_applicable') continue;
    checked++;
    const kinds = rowCells(sheetOf(l, s.sheet), r.row).map(c => parseResultCell(c).kind);
    expect(kinds).toContain('not_applicable');
  }
  expect(checked).toBeGreaterThan(5);
});

test('task results agree with the stated task statuses', () => {
  let checked = 0;
  for (const l of loaded) for (const s of l.truth.sheets) for (const t of s.tables) {
    if (t.kind !== 'tasks') continue;
    const sheet = sheetOf(l, s.sheet);
    const header = sheet.rows[t.headerRow - 1] ?? [];
    const resultCol = header.findIndex(c => c?.v.t === 's' && fold(c.v.s).startsWith('ket qua')) + 1;
    if (resultCol === 0) continue; // a plan: no results to read
    for (const r of t.rows) {
      const cell = cellAt(sheet, r.row, resultCol);
      const text = cell?.v.t === 's' ? cell.v.s : '';
      checked++;
      expect([r.row, parseTaskProgress(text)]).toEqual([r.row, r.status]);
    }
  }
  expect(checked).toBeGreaterThan(5);
});

test('captions give the stated report dates', () => {
  for (const l of loaded) {
    const dates = l.grid.sheets.flatMap(captions).map(parseReportDate).filter(d => d !== null);
    if (l.truth.reportDate === null) expect([l.truth.file, dates]).toEqual([l.truth.file, []]);
    else expect([l.truth.file, dates[0]]).toEqual([l.truth.file, l.truth.reportDate]);
  }
});

test('a header of each judged table names the stated period', () => {
  for (const l of loaded) {
    if (l.truth.period === null) continue;
    const headers = l.truth.sheets.flatMap(s => s.tables.map(t => (sheetOf(l, s.sheet).rows[t.headerRow - 1] ?? [])
      .flatMap(c => (c?.v.t === 's' ? [c.v.s] : []))));
    const years = headers.flat().map(h => parsePeriodHeader(h).year);
    expect([l.truth.file, years]).toEqual([l.truth.file, expect.arrayContaining([l.truth.period])]);
  }
});
