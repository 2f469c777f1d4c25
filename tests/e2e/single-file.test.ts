/**
 * The one-file web mode (dist/phuluc57.html) as a commune gets it: opened from disk (file://) in real Chromium with
 * every network request refused. A workbook is checked and its coloured copy downloaded, a province folder holding a
 * corrupt file is rolled up and the rollup workbook downloaded (then compared with itself as last month's), the
 * formula audit runs; the layout is measured at
 * 350 px (no sideways scroll, no clipped tab, the rollup's main action on screen) and screenshots taken at 350 and
 * 1280 px (written to docs/ with UPDATE_SCREENSHOTS=1).
 */
import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { STATUS_COLOURS } from '../../src/core/plan/palette';
import { COMMUNE_COLUMNS, COMMUNES_HEADER_ROW } from '../../src/core/rollup/plan-communes';
import { FIXTURES, loadTruth } from '../helpers/fixtures';
import { ensureSingleBuild, ROOT, SINGLE_PAGE } from './build';

const CHROMIUM = '/usr/bin/chromium';
const FIXTURE = 'phu-thinh-bao-cao-thang-4-2026.xlsx';
const CORRUPT = 'xa-bi-hong.xlsx';
const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.join(ROOT, 'docs') : mkdtempSync(path.join(os.tmpdir(), 'phuluc-single-shots-'));

let browser: Browser;
let context: BrowserContext;
let work: string;
let pageUrl: string;
/** Every request that was not for the file itself (or a blob: / data: URL the page made). */
const network: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install -y chromium (the CI script does)`);
  ensureSingleBuild();
  work = mkdtempSync(path.join(os.tmpdir(), 'phuluc-single-'));
  // The page as a commune has it: one file copied into some folder, nothing beside it.
  const copy = path.join(work, 'page', 'phuluc57.html');
  mkdirSync(path.dirname(copy), { recursive: true });
  copyFileSync(SINGLE_PAGE, copy);
  pageUrl = pathToFileURL(copy).href;
  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN', viewport: { width: 350, height: 800 }, deviceScaleFactor: 2 });
  // The network is blocked: anything that is not the file itself is refused and recorded.
  await context.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    network.push(url);
    return route.abort();
  });
  context.on('request', r => { if (!/^(file|blob|data):/.test(r.url())) network.push(r.url()); });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function openPage(query = '', width = 350): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 800 });
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', e => errors.push(String(e)));
  // Each page starts in Vietnamese, whatever an earlier page chose.
  await page.addInitScript(() => localStorage.removeItem('phuluc57.lang'));
  await page.goto(`${pageUrl}${query}`);
  await page.getByRole('tab', { name: 'Đánh giá' }).waitFor();
  return page;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Sideways overflow of the page, and the tabs whose text does not fit (clipped) or that stick out of the window. */
async function layout(page: Page): Promise<{ overflow: number; clippedTabs: string[] }> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    // A tab's label (Fluent's public fui-Tab__content part) must fit inside the tab, and the tab inside the window.
    // (The tab's own scrollWidth is not used: the selection bar's animation overflows it for a moment.)
    const clippedTabs = [...document.querySelectorAll('[role=tab]')].filter(tab => {
      const r = tab.getBoundingClientRect();
      const label = tab.querySelector('.fui-Tab__content');
      const l = label?.getBoundingClientRect();
      const labelOut = !label || !l || label.scrollWidth > label.clientWidth + 1 || l.right > r.right + 0.5 || l.left < r.left - 0.5;
      return labelOut || r.right > window.innerWidth + 0.5 || r.left < -0.5;
    }).map(tab => tab.querySelector('.fui-Tab__content')?.textContent ?? tab.textContent ?? '');
    return { overflow: doc.scrollWidth - doc.clientWidth, clippedTabs };
  });
}

describe('dist/phuluc57.html opened from disk, network blocked', () => {
  it('is one file: no script, style or worker file beside it', () => {
    const html = readFileSync(SINGLE_PAGE, 'utf8');
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/<link[^>]*\bhref=/i);
    expect(html).toMatch(/connect-src 'none'/);
  });

  it('checks a workbook, shows its statuses, and downloads the coloured copy; fits 350 px', async () => {
    const page = await openPage();
    await page.locator('input[type=file]').first().setInputFiles(path.join(FIXTURES, FIXTURE));
    await page.getByTestId('attention-list').waitFor({ timeout: 60_000 });
    expect(await layout(page)).toEqual({ overflow: 0, clippedTabs: [] });

    await page.getByRole('button', { name: 'Tô màu theo trạng thái' }).click();
    await page.getByTestId('action-message').getByText(/Đã tô màu/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải bản tô màu' }).click()]);
    const saved = path.join(work, download.suggestedFilename());
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe('phu-thinh-bao-cao-thang-4-2026-to-mau.xlsx');
    // Every judged row of the truth got exactly its status colour somewhere in its row.
    const truth = (await loadTruth()).workbooks.find(w => w.file === FIXTURE)!;
    const coloured = await load(saved);
    let rows = 0;
    for (const s of truth.sheets) {
      const ws = coloured.getWorksheet(s.sheet)!;
      for (const t of s.tables) for (const r of t.rows) {
        const fills = new Set<string>();
        ws.getRow(r.row).eachCell(c => { const f = c.fill; if (f?.type === 'pattern' && f.fgColor?.argb) fills.add(f.fgColor.argb.slice(-6).toUpperCase()); });
        expect({ row: r.row, has: fills.has(STATUS_COLOURS[r.status as keyof typeof STATUS_COLOURS].fill) }).toEqual({ row: r.row, has: true });
        rows++;
      }
    }
    expect(rows).toBeGreaterThan(0);

    // Opening another file clears the last action's message. The list from the first file is still on screen while
    // the second is read, so waiting for the list proves nothing: the message must go (failing after the timeout if
    // it stays). Counting it right after the list raced the read on a slow machine (CI, 2026-12-02).
    await page.locator('input[type=file]').first().setInputFiles(path.join(FIXTURES, FIXTURE));
    await page.getByTestId('action-message').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('attention-list').waitFor();
    expect(await page.getByTestId('action-message').count()).toBe(0);

    // The formula audit runs on the same file.
    await page.getByRole('tab', { name: 'Lỗi công thức' }).click();
    await page.getByRole('heading', { name: /vấn đề/ }).waitFor({ timeout: 60_000 });
    expect(await layout(page)).toEqual({ overflow: 0, clippedTabs: [] });

    await page.getByRole('tab', { name: 'Đánh giá' }).click();
    // The English tab names fit too.
    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
    await page.getByRole('tab', { name: 'Formula issues' }).waitFor();
    expect(await layout(page)).toEqual({ overflow: 0, clippedTabs: [] });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('vi');
    await page.getByRole('tab', { name: 'Đánh giá' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, 'web-1280.png') });
    await page.close();
  });

  it('rolls up a province folder holding a corrupt file, lists it first, and downloads the rollup workbook', async () => {
    const truth = await loadTruth();
    const folder = path.join(work, 'province');
    mkdirSync(folder, { recursive: true });
    for (const w of truth.province) copyFileSync(path.join(FIXTURES, 'province-2026-04', w.file), path.join(folder, w.file));
    // A report cut short in transit: a zip's first bytes only.
    writeFileSync(path.join(folder, CORRUPT), readFileSync(path.join(FIXTURES, FIXTURE)).subarray(0, 3000));
    const files = [...truth.province.map(w => path.join(folder, w.file)), path.join(folder, CORRUPT)];

    const page = await openPage('?view=rollup');
    const workers: string[] = [];
    page.on('worker', w => workers.push(w.url()));
    await page.locator('input[type=file][multiple]').setInputFiles(files);
    await page.getByTestId('rollup-summary').waitFor({ timeout: 180_000 });
    // Parsing ran in workers started from Blob URLs (a file:// page may not start them from files).
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every(u => u.startsWith('blob:'))).toBe(true);

    expect(await page.locator('[data-testid=file-queue] li[data-state=done]').count()).toBe(truth.province.length);
    expect(await page.getByRole('heading', { name: /Tệp đã đọc/ }).textContent()).toContain(`(${truth.province.length}/${files.length})`);
    const failed = page.getByTestId('failed-files');
    expect(await failed.getByTestId('failed-file').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^${CORRUPT}: Tệp \\.xlsx bị hỏng`))]);
    expect(await page.getByTestId('rollup-summary').textContent()).toMatch(new RegExp(`^${truth.province.length} xã`));

    // At 350 px, scrolled to the top, the main action is on screen; no sideways scroll.
    await page.evaluate(() => window.scrollTo(0, 0));
    const button = page.getByRole('button', { name: 'Tạo và tải sổ tổng hợp' });
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(await layout(page)).toEqual({ overflow: 0, clippedTabs: [] });
    await page.screenshot({ path: path.join(SHOTS, 'web-350-rollup.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const saved = path.join(work, download.suggestedFilename());
    await download.saveAs(saved);
    const wb = await load(saved);
    expect(wb.worksheets.map(w => w.name)).toEqual(expect.arrayContaining(['Tổng hợp', 'Theo xã', 'Dữ liệu', 'Cần xem lại']));
    const listed = new Set<string>();
    // The file column found by the core's own header (the sheet's layout is the rollup plan's business).
    const fileCol = COMMUNE_COLUMNS.indexOf('Tệp') + 1;
    wb.getWorksheet('Theo xã')!.eachRow((row, n) => { if (n > COMMUNES_HEADER_ROW) listed.add(row.getCell(fileCol).text); });
    for (const w of truth.province) expect(listed.has(w.file)).toBe(true);
    // The corrupt file is named in "Cần xem lại".
    const review: string[] = [];
    wb.getWorksheet('Cần xem lại')!.eachRow(row => row.eachCell(c => review.push(String(c.value))));
    expect(review.some(v => v.includes(CORRUPT))).toBe(true);

    // Month over month: the workbook just made, picked as last month's, gives the comparison sheet.
    await page.getByTestId('previous-input').setInputFiles(saved);
    await page.getByTestId('previous-file').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('previous-file').textContent()).toMatch(new RegExp(`\\(${truth.province.length} xã\\)$`));
    expect(await page.getByTestId('comparison-counts').textContent()).toMatch(/Không đổi: \d+/);
    const [again] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const second = path.join(work, `2-${again.suggestedFilename()}`);
    await again.saveAs(second);
    expect((await load(second)).worksheets.map(w => w.name)).toContain('So với kỳ trước');

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'web-1280-rollup.png') });
    await page.close();
  });

  it('the check view at 350 px, for the README', async () => {
    const page = await openPage();
    await page.locator('input[type=file]').first().setInputFiles(path.join(FIXTURES, FIXTURE));
    await page.getByTestId('attention-list').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(SHOTS, 'web-350.png') });
    await page.close();
  });

  it('made no network request and logged no error', () => {
    expect(network).toEqual([]);
    expect(errors).toEqual([]);
  });
});
