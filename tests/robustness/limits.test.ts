/**
 * Size limits: a zip bomb is refused before it exhausts memory, and a sheet with a million rows or 16,384 columns
 * is read and checked in bounded time and memory. Time bounds here are generous guards against hangs on a busy
 * machine; the real numbers belong to the benchmark.
 * Memory is measured in a child process (corpus/isolated.ts) so that the test runner's own heap does not count.
 */
import { crc32 } from 'node:zlib';
import { inflateSync, unzipSync } from 'fflate';
import { DEFAULT_LIMITS } from '../../src/xlsx/fast';
import { readWorkbook } from '../../src/xlsx/read';
import { SAYS } from './corpus/bad-files';
import { isolatedRunner, type IsolatedRead } from './corpus/isolated';
import { tallSheetXlsx, wideSheetXlsx } from './corpus/sheets';
import { tempDir } from './corpus/tmp';
import { centralEntries, deflateRepeat, deflateSpaces, withDeclaredSize, zipBombXlsx } from './corpus/zip';

const GIB = 1024 ** 3;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
/** Peak resident memory of the whole child process (Node itself included) while reading and checking. */
const MAX_RSS_MB = 500;
const GUARD_MS = 20_000;

let runner: Awaited<ReturnType<typeof isolatedRunner>>;
let dir: Awaited<ReturnType<typeof tempDir>>;
let bomb: Uint8Array;
beforeAll(async () => {
  [runner, dir] = await Promise.all([isolatedRunner(), tempDir()]);
  bomb = zipBombXlsx({ inflatedBytes: GIB });
}, 60_000);
afterAll(() => Promise.all([runner.cleanup(), dir.cleanup()]));

function header(zip: Uint8Array, name: string, field: number): number {
  const entry = centralEntries(zip).find(e => e.name === name);
  return new DataView(zip.buffer, zip.byteOffset).getUint32((entry?.at ?? 0) + field, true);
}

describe('the zip bomb generator', () => {
  it('writes valid DEFLATE that inflates to exactly the text asked for', () => {
    const small = deflateSpaces('<t>', 100_003, '</t>');
    expect(new TextDecoder().decode(inflateSync(small))).toBe(`<t>${' '.repeat(100_003)}</t>`);
    // Repeated units of every distance class used: 2, 15 (a cell), 17 (a shared string), 258 bytes.
    for (const unit of ['ab', '<c><v>1</v></c>', '<si><t>a</t></si>', 'x'.repeat(257) + 'y']) {
      const bytes = deflateRepeat('<h>', unit, unit.length * 1001, '</h>');
      expect(new TextDecoder().decode(inflateSync(bytes))).toBe(`<h>${unit.repeat(1001)}</h>`);
    }
  });

  it('packs 1 GiB of valid shared-strings XML into a few MB, with true size and CRC', () => {
    const small = zipBombXlsx({ inflatedBytes: 1 << 20 });
    const ss = unzipSync(small)[SHARED_STRINGS] ?? new Uint8Array(0);
    expect(ss.length).toBe(1 << 20);
    expect(crc32(ss)).toBe(header(small, SHARED_STRINGS, 16));
    expect(new TextDecoder().decode(ss.subarray(ss.length - 15))).toBe('</t></si></sst>');
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    expect(header(bomb, SHARED_STRINGS, 24)).toBe(GIB);
  });
});

describe('zip bombs', () => {
  it('refuses a shared-strings part declaring 1 GiB, at once and with a clear reason', async () => {
    const t0 = Date.now();
    const r = await readWorkbook(bomb);
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(SAYS.tooLarge);
    expect(r.error).toContain(`${DEFAULT_LIMITS.maxInflatedBytes / 1024 / 1024} MB`);
  });

  it('refuses a bomb whose directory lies about its size, by watching what really inflates', async () => {
    // Declares 4 KB: a reader trusting the directory would inflate the whole gigabyte and hold it as one string.
    const lying = withDeclaredSize(bomb, SHARED_STRINGS, 4096);
    const limits = { ...DEFAULT_LIMITS, maxInflatedBytes: 16 * 1024 * 1024 };
    const t0 = Date.now();
    const r = await readWorkbook(lying, { limits });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(SAYS.tooLarge);
  });

  it.each([
    ['millions of tiny shared strings', 'strings', 'xl/sharedStrings.xml'],
    ['one sheet row of millions of cells', 'cells', 'xl/worksheets/sheet1.xml'],
  ] as const)('refuses a tag-dense lying bomb: %s', async (_label, kind, part) => {
    // Every few bytes an element: the parse budget (then, for a sheet, the inflate budget while skipping the rest)
    // must stop it, not a text-run limit. Small budgets keep the test fast; the defaults are the same mechanisms
    // at 32 MB parsed and 200 MB inflated.
    const dense = withDeclaredSize(zipBombXlsx({ inflatedBytes: 256 * 1024 * 1024, kind }), part, 4096);
    const limits = { ...DEFAULT_LIMITS, maxInflatedBytes: 16 * 1024 * 1024, maxParsedBytes: 2 * 1024 * 1024 };
    const t0 = Date.now();
    const r = await readWorkbook(dense, { limits });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(SAYS.tooLarge);
  });

  it.each([
    ['declaring its 1 GiB', () => bomb],
    ['lying about its size, with the default limits', () => withDeclaredSize(bomb, SHARED_STRINGS, 4096)],
  ])('stays far under 500 MB of memory while refusing the 1 GiB bomb %s (child process)', async (_label, bytes) => {
    const r = await runner.check(await dir.write('bom.xlsx', bytes()));
    expect(r.crash).toBeUndefined();
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(SAYS.tooLarge);
    expect(r.readMs).toBeLessThan(GUARD_MS);
    expect(r.maxRssMb).toBeLessThan(MAX_RSS_MB);
  }, 60_000);
});

describe('huge sheets', () => {
  let tall: IsolatedRead;
  let wide: IsolatedRead;
  beforeAll(async () => {
    const tallFile = await dir.write('trieu-dong.xlsx', tallSheetXlsx(1_000_000));
    const wideFile = await dir.write('rat-rong.xlsx', wideSheetXlsx(16_384, 10));
    [tall, wide] = await Promise.all([runner.check(tallFile), runner.check(wideFile)]);
  }, 90_000);

  it('reads a 1,000,000-row sheet in bounded time and memory, keeping the top rows and saying so', () => {
    expect(tall.crash).toBeUndefined();
    expect(tall.ok).toBe(true);
    expect(tall.readMs + tall.checkMs).toBeLessThan(GUARD_MS);
    expect(tall.maxRssMb).toBeLessThan(MAX_RSS_MB);
    expect(tall.sheets[0]?.rowCount).toBeLessThanOrEqual(DEFAULT_LIMITS.maxRows);
    expect(tall.truncated).toEqual([expect.objectContaining({ sheet: 'Rất dài', keptRows: DEFAULT_LIMITS.maxRows })]);
    expect(tall.truncated[0]?.lastRow).toBeGreaterThan(DEFAULT_LIMITS.maxRows);
  });

  it('still finds and judges the table at the top of the million-row sheet, within the rows read', () => {
    expect(tall.tables).toHaveLength(1);
    const [t] = tall.tables;
    expect(t?.range).toMatch(/^A3:E\d+$/);
    expect(t?.rows).toBeGreaterThan(1000);
    expect(t?.lastRow).toBeLessThanOrEqual(tall.sheets[0]?.rowCount ?? 0);
  });

  it('reads a sheet 16,384 columns wide in bounded time and memory, keeping the left columns', () => {
    expect(wide.crash).toBeUndefined();
    expect(wide.ok).toBe(true);
    expect(wide.readMs + wide.checkMs).toBeLessThan(GUARD_MS);
    expect(wide.maxRssMb).toBeLessThan(MAX_RSS_MB);
    expect(wide.sheets[0]?.colCount).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCols);
    expect(wide.truncated).toEqual([expect.objectContaining({ sheet: 'Rất rộng', lastCol: 16_384 })]);
    expect(wide.tables).toEqual([expect.objectContaining({ range: 'A3:E13', rows: 10 })]);
  });
});
