/**
 * The web mode in real Chromium: the production build served from 127.0.0.1, a fixture picked as a user would,
 * the counts on screen compared with the fixture's truth, the coloured copy downloaded and its fills read back.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { STATUS_COLOURS } from '../../src/core/plan/palette';
import { ALL_LEGEND, LEGEND_SHEET, LEGEND_TITLE } from '../../src/core/status/legend';
import { STATUS } from '../../src/core/status/vocabulary';
import { COMMUNE_COLUMNS, COMMUNES_HEADER_ROW } from '../../src/core/rollup/plan-communes';
import { FIXTURES, loadTruth, type TruthWorkbook } from '../helpers/fixtures';
import { ensureBuild, OUT, ROOT } from './build';
import { serveFolder, type StaticServer } from './static-server';

const CHROMIUM = '/usr/bin/chromium';
const FIXTURE = 'phu-thinh-bao-cao-thang-4-2026.xlsx';
// The README's screenshots are refreshed only when asked (UPDATE_SCREENSHOTS=1); other runs write to a temp dir.
const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.join(ROOT, 'docs') : mkdtempSync(path.join(os.tmpdir(), 'phuluc-shots-'));
const SCREENSHOT = path.join(SHOTS, 'taskpane.png');

let server: StaticServer;
let context: BrowserContext;
let profile: string;
const consoleErrors: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install -y chromium (the CI script does)`);
  ensureBuild();
  server = await serveFolder(OUT);
  profile = mkdtempSync(path.join(os.tmpdir(), 'phuluc-e2e-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 420, height: 1000 },
    deviceScaleFactor: 2,
    locale: 'vi-VN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  // Outside Office: office.js from the CDN is unreachable here, as on an offline commune PC.
  await context.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith(server.origin)) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function openPane(query = ''): Promise<Page> {
  const page = await context.newPage();
  page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', e => consoleErrors.push(String(e)));
  await page.goto(`${server.origin}/taskpane.html${query}`);
  await page.getByRole('tab', { name: 'Đánh giá', exact: true }).waitFor();
  return page;
}

function truthCounts(w: TruthWorkbook): { indicators: Map<string, number>; tasks: Map<string, number> } {
  const out = { indicators: new Map<string, number>(), tasks: new Map<string, number>() };
  for (const s of w.sheets) for (const t of s.tables) for (const r of t.rows) out[t.kind].set(r.status, (out[t.kind].get(r.status) ?? 0) + 1);
  return out;
}

function fillOf(cell: ExcelJS.Cell): string | null {
  const f = cell.fill;
  return f && f.type === 'pattern' && f.fgColor?.argb ? f.fgColor.argb.slice(-6).toUpperCase() : null;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('web mode in Chromium', () => {
  it('checks a picked workbook, shows the true counts, and downloads a copy coloured by status', async () => {
    const truth = (await loadTruth()).workbooks.find(w => w.file === FIXTURE);
    if (!truth) throw new Error('fixture missing from truth.json');
    const page = await openPane();
    expect(await page.getByText('Chế độ web: kiểm tra tệp trên máy này').isVisible()).toBe(true);

    await page.locator('input[type=file]').first().setInputFiles(path.join(FIXTURES, FIXTURE));
    await page.getByTestId('attention-list').waitFor({ timeout: 60_000 });

    const expected = truthCounts(truth);
    for (const kind of ['indicators', 'tasks'] as const) {
      const shown = await page.locator(`[data-testid^="count-${kind}-"]`).evaluateAll(els =>
        els.map(e => [e.getAttribute('data-testid') ?? '', Number(e.firstElementChild?.textContent ?? 'NaN')] as const));
      const onScreen = new Map(shown.map(([id, n]) => [id.replace(`count-${kind}-`, ''), n]));
      expect(onScreen).toEqual(expected[kind]);
    }

    // A row needing attention shows its cell in the pane (web mode has no grid to jump to).
    await page.getByTestId('attention-list').getByRole('button').first().click();
    await expect(page.getByTestId('selected-cell').textContent()).resolves.toMatch(/PL mục tiêu!/);

    await page.getByRole('button', { name: 'Tô màu theo trạng thái' }).click();
    await page.getByTestId('action-message').getByText(/Đã tô màu/).waitFor();
    await page.getByRole('button', { name: 'Chú giải màu' }).click();
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải bản tô màu' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('phu-thinh-bao-cao-thang-4-2026-to-mau.xlsx');
    const saved = path.join(profile, download.suggestedFilename());
    await download.saveAs(saved);

    const original = await load(path.join(FIXTURES, FIXTURE));
    const coloured = await load(saved);
    let checked = 0;
    for (const s of truth.sheets) {
      const before = original.getWorksheet(s.sheet);
      const after = coloured.getWorksheet(s.sheet);
      if (!before || !after) throw new Error(`sheet ${s.sheet} missing`);
      for (const t of s.tables) {
        for (const r of t.rows) {
          // Exactly one cell of each judged row changed its fill, to the colour of the row's true status.
          const changed: string[] = [];
          after.getRow(r.row).eachCell({ includeEmpty: true }, (cell, col) => {
            const was = fillOf(before.getRow(r.row).getCell(col));
            const now = fillOf(cell);
            if (now !== was && now !== null) changed.push(now);
          });
          expect({ row: `${s.sheet}!${r.row}`, fills: changed })
            .toEqual({ row: `${s.sheet}!${r.row}`, fills: [STATUS_COLOURS[r.status as keyof typeof STATUS_COLOURS].fill] });
          checked++;
        }
      }
    }
    expect(checked).toBe([...expected.indicators.values(), ...expected.tasks.values()].reduce((a, b) => a + b, 0));
    // The colours say what they mean wherever the copy goes: it carries the legend, every status with its fill.
    const legend = coloured.getWorksheet(LEGEND_SHEET);
    expect(legend?.getCell('A1').value).toBe(LEGEND_TITLE);
    ALL_LEGEND.forEach((st, i) => expect(fillOf(legend!.getCell(2 + i, 1))).toBe(STATUS[st].fill));
    await page.close();
  });

  it('rolls up the province files in a Web Worker and downloads the rollup workbook', async () => {
    const truth = await loadTruth();
    const dir = path.join(FIXTURES, 'province-2026-04');
    const files = truth.province.map(w => path.join(dir, w.file));
    const page = await openPane('?view=rollup');
    const workers: string[] = [];
    page.on('worker', w => workers.push(w.url()));
    await page.getByText('Kéo thả báo cáo của các xã (.xlsx)').waitFor();
    await page.locator('input[type=file][multiple]').setInputFiles(files);
    const summary = page.getByTestId('rollup-summary');
    await summary.waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-testid=file-queue] li[data-state=done]').count()).toBe(files.length);
    // Parsing ran off the UI thread, in workers served from this origin.
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every(u => u.startsWith(server.origin))).toBe(true);
    expect(await summary.textContent()).toMatch(new RegExp(`^${files.length} xã`));
    expect(await page.getByTestId('match-review').getByRole('listitem').count()).toBeGreaterThan(0);
    await page.setViewportSize({ width: 420, height: 1400 });
    await page.screenshot({ path: path.join(SHOTS, 'taskpane-rollup.png') });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tạo và tải sổ tổng hợp' }).click(),
    ]);
    const saved = path.join(profile, download.suggestedFilename());
    await download.saveAs(saved);
    const wb = await load(saved);
    expect(wb.worksheets.map(w => w.name)).toEqual(expect.arrayContaining(['Tổng hợp', 'Theo xã', 'Dữ liệu', 'Cần xem lại']));
    // Its legend is under Tổng hợp: no second one as a sheet. Commune figures are numbers under their links.
    expect(wb.worksheets.map(w => w.name)).not.toContain(LEGEND_SHEET);
    let figures = 0;
    wb.getWorksheet('Tổng hợp')!.eachRow(row => row.eachCell(c => {
      const v = c.value as ExcelJS.CellHyperlinkValue | null;
      if (v && typeof v === 'object' && 'hyperlink' in v && typeof (v.text as unknown) === 'number') figures++;
    }));
    expect(figures).toBeGreaterThan(400);
    const listed = new Set<string>();
    // The file column found by the core's own header (the sheet's layout is the rollup plan's business).
    const fileCol = COMMUNE_COLUMNS.indexOf('Tệp') + 1;
    wb.getWorksheet('Theo xã')!.eachRow((row, n) => { if (n > COMMUNES_HEADER_ROW) listed.add(row.getCell(fileCol).text); });
    expect(listed).toEqual(new Set(truth.province.map(w => w.file)));
    await page.close();
  });

  it('kept to its Content-Security-Policy: no errors, nothing fetched but office.js outside 127.0.0.1', () => {
    expect(consoleErrors.filter(e => !/appsforoffice|ERR_FAILED|net::/i.test(e))).toEqual([]);
    expect(foreignRequests.every(u => u.startsWith('https://appsforoffice.microsoft.com/'))).toBe(true);
    expect(server.requests.some(p => /\.js$/.test(p))).toBe(true);
  });
});
