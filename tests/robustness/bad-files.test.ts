/**
 * Files that are not readable workbooks: each is refused with a Vietnamese reason; check, rollup and audit name
 * the file, go on with the others, and exit 2.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import type { AuditJson } from '../../src/cli/commands/audit';
import { main } from '../../src/cli/main';
import { checkWorkbook } from '../../src/core/check/check';
import type { CheckReport } from '../../src/core/check/report';
import type { RollupJson } from '../../src/core/rollup/json';
import { REVIEW_SHEET } from '../../src/core/rollup/plan-review';
import { readWorkbook } from '../../src/xlsx/read';
import { captureIo } from '../helpers/io';
import { badCorpus, GOOD_FIXTURE, SAYS } from './corpus/bad-files';
import { buildCfb, encryptedXlsx, legacyXls, readCfb } from './corpus/cfb';
import { tempDir } from './corpus/tmp';
import { emptyWorkbook } from './corpus/workbooks';
import { centralDirectory, flipBytes } from './corpus/zip';

const corpus = badCorpus();
const ANY_REASON = new RegExp(Object.values(SAYS).map(r => r.source).join('|'));

/** A reason fit for a person: one line, not empty, no stack trace, bilingual like every other message. */
function expectPlainReason(error: string): void {
  expect(error.length).toBeGreaterThan(10);
  expect(error.length).toBeLessThan(300);
  expect(error).not.toMatch(/\n|\bat .+:\d+:\d+|TypeError|RangeError|undefined/);
  expect(error).toMatch(/ \/ /);
}

describe('the corpus generators', () => {
  it('write real compound files: the streams read back through the FAT chains', () => {
    const payload = new Uint8Array(9000).map((_x, i) => i % 251);
    const cfb = buildCfb([{ name: 'Workbook', data: payload }, { name: 'A', data: new Uint8Array([1, 2, 3]) }, { name: 'Dài hơn', data: payload.subarray(0, 5000) }]);
    expect(Array.from(cfb.subarray(0, 8))).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const back = readCfb(cfb);
    expect(back.map(s => s.name).sort()).toEqual(['A', 'Dài hơn', 'Workbook']);
    expect(back.find(s => s.name === 'Workbook')?.data).toEqual(payload);
    expect(back.find(s => s.name === 'Dài hơn')?.data).toEqual(payload.subarray(0, 5000));
    expect(readCfb(legacyXls()).map(s => s.name)).toEqual(['Workbook']);
    expect(readCfb(encryptedXlsx()).map(s => s.name).sort()).toEqual(['EncryptedPackage', 'EncryptionInfo']);
  });
});

describe('the reader refuses each bad file with its reason', () => {
  it.each(corpus.map(c => [c.file, c] as const))('%s', async (_name, c) => {
    const r = await readWorkbook(c.bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(c.says);
    expectPlainReason(r.error);
  });
});

describe('phuluc check over a folder of bad files', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    dir = await tempDir();
    const good = await fs.readFile(GOOD_FIXTURE);
    // Good files first and last: a bad file in between must not stop the ones after it.
    await dir.write('hop-thu/00-tot.xlsx', good);
    for (const c of corpus) await dir.write(`hop-thu/${c.file}`, c.bytes);
    await dir.write('hop-thu/zz-tot.xlsx', good);
  });
  afterAll(() => dir.cleanup());

  it('reports every bad file with its reason, processes the good ones and exits 2 (JSON)', async () => {
    const io = captureIo();
    await main(['check', path.join(dir.dir, 'hop-thu'), '--json'], io);
    expect(io.code()).toBe(2);
    const report = JSON.parse(io.stdout()) as CheckReport;
    expect(report.files).toHaveLength(corpus.length + 2);
    for (const c of corpus) {
      const f = report.files.find(x => path.basename(x.file) === c.file);
      expect(f?.error).toMatch(c.says);
      expect(f?.tables).toEqual([]);
    }
    for (const name of ['00-tot.xlsx', 'zz-tot.xlsx']) {
      const f = report.files.find(x => path.basename(x.file) === name);
      expect(f?.error).toBeNull();
      expect(f?.commune).toBe('Phú Thịnh');
      expect(f?.tables.map(t => t.kind)).toEqual(['indicators', 'tasks']);
    }
  });

  it('names each bad file above its reason in the readable summary', async () => {
    const io = captureIo();
    await main(['check', path.join(dir.dir, 'hop-thu')], io);
    expect(io.code()).toBe(2);
    const out = io.stdout();
    // Each bad file is reported on stderr (issue 14), the readable summary of the others on stdout.
    const err = io.stderr();
    for (const c of corpus) {
      const at = err.indexOf(`■ ${path.join(dir.dir, 'hop-thu', c.file)}\n`);
      expect(at).toBeGreaterThanOrEqual(0);
      const reason = err.slice(at).split('\n')[1] ?? '';
      expect(reason).toMatch(/^ {2}✗ /);
      expect(reason).toMatch(c.says);
    }
    expect(out).toContain(`Đã đọc 2/${corpus.length + 2} tệp.`);
  });

  it('phuluc rollup lists every bad file with its reason, rolls up the good ones and exits 2', async () => {
    const io = captureIo();
    const out = path.join(dir.dir, 'tong-hop.xlsx');
    await main(['rollup', path.join(dir.dir, 'hop-thu'), '--json', '-o', out], io);
    expect(io.code()).toBe(2);
    const json = JSON.parse(io.stdout()) as RollupJson;
    for (const c of corpus) {
      expect(json.communes.find(x => path.basename(x.file) === c.file)?.error).toMatch(c.says);
    }
    const good = json.communes.filter(c => c.error === null);
    expect(good.map(c => path.basename(c.file)).sort()).toEqual(['00-tot.xlsx', 'zz-tot.xlsx']);
    expect(json.indicators.some(i => i.values.length > 0)).toBe(true);
    // The review sheet of the written workbook names each unreadable file.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await fs.readFile(out) as unknown as ArrayBuffer);
    const review = wb.getWorksheet(REVIEW_SHEET);
    const texts: string[] = [];
    review?.eachRow(row => row.eachCell(cell => { if (typeof cell.value === 'string') texts.push(cell.value); }));
    for (const c of corpus) expect(texts.some(t => t.includes(c.file))).toBe(true);
  }, 30_000);

  it('phuluc audit reports every bad file with its reason, audits the good ones and exits 2', async () => {
    const io = captureIo();
    await main(['audit', path.join(dir.dir, 'hop-thu'), '--json'], io);
    expect(io.code()).toBe(2);
    const json = JSON.parse(io.stdout()) as AuditJson;
    expect(json.files).toHaveLength(corpus.length + 2);
    for (const c of corpus) expect(json.files.find(f => path.basename(f.file) === c.file)?.error).toMatch(c.says);
    expect(json.files.filter(f => f.error === null).map(f => path.basename(f.file)).sort()).toEqual(['00-tot.xlsx', 'zz-tot.xlsx']);
  });

  it('reports a path that does not exist and still checks the rest', async () => {
    const io = captureIo();
    const missing = path.join(dir.dir, 'khong-co.xlsx');
    await main(['check', missing, GOOD_FIXTURE, '--json'], io);
    expect(io.code()).toBe(2);
    const report = JSON.parse(io.stdout()) as CheckReport;
    expect(report.files.find(f => f.file === missing)?.error).toMatch(/Không tìm thấy tệp/);
    expect(report.files.find(f => f.file === GOOD_FIXTURE)?.tables.length).toBe(2);
  });
});

describe('an empty workbook', () => {
  it('is read and explained: no table found, said in Vietnamese, nothing judged', async () => {
    const r = await readWorkbook(await emptyWorkbook());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const report = checkWorkbook(r.grid, { file: 'trong.xlsx' });
    expect(report.error).toBeNull();
    expect(report.tables).toEqual([]);
    const notice = report.notices.find(n => n.code === 'no-tables');
    expect(notice?.message).toMatch(/Không tìm thấy bảng chỉ tiêu hay nhiệm vụ/);
  });

  it('is named with its notice by the CLI', async () => {
    const dir = await tempDir();
    try {
      const file = await dir.write('trong.xlsx', await emptyWorkbook());
      const io = captureIo();
      await main(['check', file], io);
      const block = io.stdout().split('\n\n').find(b => b.startsWith(`■ ${file}\n`));
      expect(block).toMatch(/\n {2}! Không tìm thấy bảng chỉ tiêu hay nhiệm vụ/);
    } finally {
      await dir.cleanup();
    }
  });
});

describe('random damage never crashes the reader', () => {
  const good = new Uint8Array(readFileSync(GOOD_FIXTURE));
  const cd = centralDirectory(good);

  it('flipped bytes in the central directory: a grid or a reason, never an exception', async () => {
    const offsets = fc.array(fc.integer({ min: cd.offset, max: good.length - 1 }), { minLength: 1, maxLength: 6 });
    await fc.assert(fc.asyncProperty(offsets, async at => {
      const r = await readWorkbook(flipBytes(good, at));
      if (r.ok) expect(Array.isArray(r.grid.sheets)).toBe(true);
      else expect(r.error).toMatch(ANY_REASON);
    }), { numRuns: 40 });
  });

  it('a file cut anywhere is refused as corrupt', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 3, max: good.length - 1 }), async n => {
      const r = await readWorkbook(good.subarray(0, n));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(SAYS.corrupt);
    }), { numRuns: 40 });
  });
});
