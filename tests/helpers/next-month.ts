/**
 * Makes "May" from the public April province (tests/fixtures/province-2026-04), for the month-over-month tests:
 * one commune stops reporting, a new one starts, one commune rewords an indicator (to another wording the catalog
 * knows), one raises a result past its target and one lets a met result drop below it. Everything else is copied as
 * is. Written with exceljs into a temporary folder; nothing is committed.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { defaultCatalog, findIndicator } from '../../src/core/catalog/catalog';
import { matchIndicator } from '../../src/core/catalog/match';
import { fold } from '../../src/core/text/fold';
import { checkWorkbook } from '../../src/core/check/check';
import type { FileReport, IndicatorRowJson } from '../../src/core/check/report';
import { FIXTURES, readFixture } from './fixtures';

export const APRIL = path.join(FIXTURES, 'province-2026-04');

export interface RowRef { readonly commune: string; readonly indicator: string; readonly file: string }

export interface NextMonth {
  readonly dir: string;
  readonly stopped: string;
  readonly started: string;
  readonly renamed: RowRef & { readonly from: string; readonly to: string };
  readonly raised: RowRef;
  readonly lowered: RowRef;
}

function numericTarget(r: IndicatorRowJson): number | null {
  return r.target && r.target.op === '>=' && typeof r.target.value === 'number' && r.cells.actual ? r.target.value : null;
}

/** April's dates made May's: "ngày 24/4/2026" → "ngày 25/5/2026", "tháng 4/2026" → "tháng 5/2026" (digits only, so TCVN3 text too). */
function toMay(wb: ExcelJS.Workbook): void {
  wb.eachSheet(ws => ws.eachRow(row => row.eachCell(cell => {
    if (typeof cell.value !== 'string') return;
    const v = cell.value.replace(/\b24\/0?4\/2026\b/g, '25/5/2026').replace(/(^|[^/\d])0?4\/2026\b/g, '$15/2026');
    if (v !== cell.value) cell.value = v;
  })));
}

async function edit(src: string, dst: string, change: (ws: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  toMay(wb);
  change(wb);
  await wb.xlsx.writeFile(dst);
}

export async function writeNextMonth(dir: string): Promise<NextMonth> {
  const catalog = defaultCatalog();
  const names = (await fs.readdir(APRIL)).filter(f => f.endsWith('.xlsx')).sort();
  const reports: FileReport[] = [];
  for (const f of names) reports.push(checkWorkbook(await readFixture(path.join(APRIL, f)), { file: f }));
  const unicode = reports.filter(r => r.encoding === 'unicode' && r.commune && r.tables.some(t => t.kind === 'indicators'));
  const [stop, template, reword, raise, lower] = unicode;
  if (!stop || !template || !reword || !raise || !lower) throw new Error('the April fixtures changed: not enough Unicode communes');
  const rows = (r: FileReport) => r.tables.flatMap(t => t.kind === 'indicators' ? t.rows.map(row => ({ sheet: t.sheet, row })) : []);
  const idOf = (row: IndicatorRowJson) => matchIndicator({ name: row.name, unit: row.unit, section: row.section }, catalog)?.id ?? null;

  await fs.mkdir(dir, { recursive: true });
  for (const f of names) if (f !== stop.file) await edit(path.join(APRIL, f), path.join(dir, f.replace('t4', 't5')), () => undefined);

  // A new commune: the template's layout under another commune's name.
  const started = 'Tân Hòa Mới';
  const templateName = template.commune as string;
  await edit(path.join(APRIL, template.file), path.join(dir, 'bao-cao-t5-2026-tan_hoa_moi.xlsx'), wb => {
    const forms = [templateName, templateName.toLocaleUpperCase('vi')];
    wb.eachSheet(ws => ws.eachRow(row => row.eachCell(cell => {
      if (typeof cell.value !== 'string') return;
      let v = cell.value;
      for (const f of forms) v = v.split(f).join(f === templateName ? started : started.toLocaleUpperCase('vi'));
      if (v !== cell.value) cell.value = v;
    })));
  });

  // A reworded indicator: another alias of the same catalog indicator, one the matcher places there too.
  let renamed: NextMonth['renamed'] | null = null;
  for (const { sheet, row } of rows(reword)) {
    const id = idOf(row);
    const ind = id ? findIndicator(catalog, id) : undefined;
    const differs = (a: string) => !fold(a).includes(fold(row.name).replace(/[.\s]+$/, '')) && !fold(row.name).includes(fold(a));
    const to = ind?.aliases.find(a => differs(a) && a.length > 12 && matchIndicator({ name: a, unit: row.unit, section: row.section }, catalog)?.id === id);
    if (!ind || !to) continue;
    await edit(path.join(APRIL, reword.file), path.join(dir, reword.file.replace('t4', 't5')), wb => {
      const ws = wb.getWorksheet(sheet);
      if (ws) ws.getCell(row.cells.name).value = to;
    });
    renamed = { commune: reword.commune as string, indicator: ind.id, file: reword.file, from: row.name, to };
    break;
  }
  if (!renamed) throw new Error('no indicator to reword');

  const setActual = async (r: FileReport, want: 'not_met' | 'met', value: (target: number) => number): Promise<RowRef> => {
    for (const { sheet, row } of rows(r)) {
      const target = numericTarget(row);
      const id = idOf(row);
      if (row.status !== want || target === null || !id || (want === 'not_met' && target > 99)) continue;
      await edit(path.join(APRIL, r.file), path.join(dir, r.file.replace('t4', 't5')), wb => {
        const ws = wb.getWorksheet(sheet);
        if (!ws || !row.cells.actual) return;
        const cell = ws.getCell(row.cells.actual);
        // A cell formatted as a percentage holds the fraction.
        cell.value = /%/.test(cell.numFmt ?? '') ? value(target) / 100 : value(target);
      });
      return { commune: r.commune as string, indicator: id, file: r.file };
    }
    throw new Error(`no ${want} row with a numeric target in ${r.file}`);
  };
  const raised = await setActual(raise, 'not_met', t => Math.min(100, t + 1));
  const lowered = await setActual(lower, 'met', t => Math.max(0, t - 5));
  return { dir, stopped: stop.commune as string, started, renamed, raised, lowered };
}
