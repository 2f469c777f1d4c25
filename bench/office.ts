/**
 * Office.js round trips, counted on the sync-counting fake Excel of the adapter tests (tests/excel/fake-excel.ts):
 * check + colour of a 70-row and a 5,000-row sheet, and writing the rollup sheets of a province. The targets: a
 * constant number of context.sync calls per action, whatever the rows and communes, and no request over 4 MB.
 */
import { promises as fs } from 'node:fs';
import { checkWorkbook } from '../src/core/check/check';
import type { FileReport } from '../src/core/check/report';
import { planColours } from '../src/core/plan/colour';
import { planCells } from '../src/core/plan/rows';
import { buildRollup, rollupPlans } from '../src/core/rollup';
import { OfficeWorkbookHost } from '../src/excel';
import { readWorkbook } from '../src/xlsx/read';
import { FakeExcel } from '../tests/excel/fake-excel';
import { indicatorSheet } from '../tests/excel/sheets';

export interface Trip {
  readonly syncs: number;
  /** Largest request and response of one sync, in bytes (the fake's estimate). */
  readonly maxRequest: number;
  readonly maxResponse: number;
  /** Requests or responses over Excel on the web's limits. */
  readonly violations: number;
}

function trip(fake: FakeExcel): Trip {
  return { syncs: fake.syncCount, maxRequest: fake.maxRequest, maxResponse: fake.maxResponse, violations: fake.violations.length };
}

/** Reading the workbook, then colouring what the check found, on a sheet of `rows` indicator rows. */
export async function checkAndColour(rows: number): Promise<{ read: Trip; colour: Trip; coloured: number }> {
  const fake = new FakeExcel();
  indicatorSheet(fake, 'PL mục tiêu', rows);
  const host = new OfficeWorkbookHost(fake.env());
  fake.resetStats();
  const { grid } = await host.readWorkbook();
  const read = trip(fake);
  const changes = planColours(checkWorkbook(grid, { file: 'bench.xlsx' }));
  fake.resetStats();
  const outcome = await host.colour(changes);
  return { read, colour: trip(fake), coloured: outcome.coloured };
}

/** Writing the rollup sheets of the communes in `files` into an open workbook. */
export async function rollupWrite(files: readonly string[]): Promise<Trip & { sheets: number; cells: number }> {
  const reports: FileReport[] = [];
  for (const file of files) {
    const r = await readWorkbook(new Uint8Array(await fs.readFile(file)));
    if (r.ok) reports.push(checkWorkbook(r.grid, { file }));
  }
  const plans = rollupPlans(buildRollup({ files: reports }));
  const fake = new FakeExcel();
  fake.addSheet('Sheet1');
  const host = new OfficeWorkbookHost(fake.env());
  fake.resetStats();
  await host.writeSheets(plans);
  return { ...trip(fake), sheets: plans.length, cells: plans.reduce((n, p) => n + [...planCells(p)].length, 0) };
}
