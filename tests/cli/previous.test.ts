/**
 * `phuluc rollup --previous`: May (made from the public April province by tests/helpers/next-month.ts) against April,
 * read back from April's rollup workbook and, alternatively, from April's folder.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { communeKey } from '../../src/core/rollup/communes';
import type { RollupJson } from '../../src/core/rollup/json';
import { captureIo } from '../helpers/io';
import { APRIL, writeNextMonth, type NextMonth } from '../helpers/next-month';

jest.setTimeout(180_000);

async function rollup(args: string[]): Promise<{ json: RollupJson; code: number; stderr: string }> {
  const io = captureIo();
  await main(['rollup', ...args, '--json'], io);
  return { json: JSON.parse(io.stdout()) as RollupJson, code: io.code(), stderr: io.stderr() };
}

let tmp: string;
let may: NextMonth;
let april: RollupJson;
let fromWorkbook: RollupJson;
let mayOut: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-previous-'));
  may = await writeNextMonth(path.join(tmp, 'thang-5'));
  const aprilOut = path.join(tmp, 'tong-hop-thang-4.xlsx');
  april = (await rollup([APRIL, '-o', aprilOut])).json;
  mayOut = path.join(tmp, 'tong-hop-thang-5.xlsx');
  const r = await rollup([may.dir, '--previous', aprilOut, '-o', mayOut]);
  expect(r.code).toBe(0);
  fromWorkbook = r.json;
});

const changesOf = (j: RollupJson, commune: string) => (j.changes ?? []).filter(c => communeKey(c.commune) === communeKey(commune));

describe('rollup --previous', () => {
  it('gives changes[] in the contract shape', () => {
    const changes = fromWorkbook.changes ?? [];
    expect(changes.length).toBeGreaterThan(400);
    for (const c of changes) {
      expect(Object.keys(c).sort()).toEqual(['after', 'before', 'change', 'commune', 'indicator']);
      for (const side of [c.before, c.after]) if (side) expect(Object.keys(side).sort()).toEqual(['status', 'value']);
      expect(['newly_met', 'newly_not_met', 'improved', 'worsened', 'unchanged', 'newly_reported', 'stopped_reporting']).toContain(c.change);
    }
  });

  it('a commune that stopped reporting: all its indicators "stopped_reporting"', () => {
    const mine = changesOf(fromWorkbook, may.stopped);
    expect(mine.length).toBeGreaterThan(5);
    for (const c of mine) { expect(c.change).toBe('stopped_reporting'); expect(c.after).toBeNull(); expect(c.before).not.toBeNull(); }
  });

  it('a commune that started reporting: all its indicators "newly_reported"', () => {
    const mine = changesOf(fromWorkbook, may.started);
    expect(mine.length).toBeGreaterThan(5);
    for (const c of mine) { expect(c.change).toBe('newly_reported'); expect(c.before).toBeNull(); }
  });

  it('a reworded indicator is still compared with itself', () => {
    const c = changesOf(fromWorkbook, may.renamed.commune).filter(x => x.indicator === may.renamed.indicator);
    expect(c).toHaveLength(1);
    expect(c[0]?.change).toBe('unchanged');
    expect(c[0]?.before).toEqual(c[0]?.after);
    // Nothing else of that commune changed either: it is one commune across both months.
    expect(changesOf(fromWorkbook, may.renamed.commune).every(x => x.change === 'unchanged')).toBe(true);
  });

  it('a result raised past its target is "newly_met", one dropped below is "newly_not_met"', () => {
    const up = changesOf(fromWorkbook, may.raised.commune).find(x => x.indicator === may.raised.indicator);
    expect(up).toMatchObject({ change: 'newly_met', before: { status: 'not_met' }, after: { status: 'met' } });
    const down = changesOf(fromWorkbook, may.lowered.commune).find(x => x.indicator === may.lowered.indicator);
    expect(down).toMatchObject({ change: 'newly_not_met', before: { status: 'met' }, after: { status: 'not_met' } });
    const edited = new Set([may.raised, may.lowered].map(r => `${communeKey(r.commune)}|${r.indicator}`));
    const others = (fromWorkbook.changes ?? []).filter(c => !edited.has(`${communeKey(c.commune)}|${c.indicator}`)
      && ![may.stopped, may.started].some(x => communeKey(x) === communeKey(c.commune)));
    expect(others.every(c => c.change === 'unchanged')).toBe(true);
  });

  it('counts per indicator the communes meeting it then and now', () => {
    const metIn = (j: RollupJson, key: string) => {
      const ind = j.indicators.find(i => i.key === key);
      return ind ? ind.counts.met : 0;
    };
    const mayPlain = fromWorkbook;
    for (const ind of fromWorkbook.changesByIndicator ?? []) {
      if (ind.indicator.startsWith('unmatched:')) continue;
      expect(ind.metBefore).toBe(metIn(april, ind.indicator));
      expect(ind.metAfter).toBe(metIn(mayPlain, ind.indicator));
    }
    const raised = fromWorkbook.changesByIndicator?.find(i => i.indicator === may.raised.indicator);
    expect(raised?.changes.newly_met).toBeGreaterThanOrEqual(1);
  });

  it('reads last month from a folder of commune workbooks the same way', async () => {
    const r = await rollup([may.dir, '--previous', APRIL]);
    const key = (c: { indicator: string; commune: string; change: string }) => `${c.indicator}|${communeKey(c.commune)}|${c.change}`;
    const a = new Set((r.json.changes ?? []).filter(c => !c.indicator.startsWith('unmatched:')).map(key));
    const b = new Set((fromWorkbook.changes ?? []).filter(c => !c.indicator.startsWith('unmatched:')).map(key));
    expect([...a].sort()).toEqual([...b].sort());
  });

  it('gives the same comparison whether April is read from its projection or from its Dữ liệu sheet', async () => {
    const aprilOut = path.join(tmp, 'tong-hop-thang-4.xlsx');
    const files = unzipSync(new Uint8Array(await fs.readFile(aprilOut)));
    // The projection is there and names the sheet; without its part the sheet itself is read.
    expect(Object.keys(files)).toContain('customXml/item1.xml');
    delete files['customXml/item1.xml'];
    const sheetOnly = path.join(tmp, 'tong-hop-thang-4-sheet-only.xlsx');
    await fs.writeFile(sheetOnly, zipSync(files));
    const r = await rollup([may.dir, '--previous', sheetOnly]);
    expect(r.json.changes).toEqual(fromWorkbook.changes);
    expect(r.json.changesByIndicator).toEqual(fromWorkbook.changesByIndicator);
  });

  it('writes the sheet "So với kỳ trước" after "Tổng hợp"', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(mayOut);
    expect(wb.worksheets.map(w => w.name).slice(0, 2)).toEqual(['Tổng hợp', 'So với kỳ trước']);
  });

  it('never reads last month\'s rollup as a commune when it sits in this month\'s folder', async () => {
    const inside = path.join(may.dir, 'tong-hop-thang-4.xlsx');
    await fs.copyFile(path.join(tmp, 'tong-hop-thang-4.xlsx'), inside);
    try {
      const r = await rollup([may.dir, '--previous', inside]);
      expect(r.json.communes.map(c => path.basename(c.file))).not.toContain('tong-hop-thang-4.xlsx');
      expect(r.json.changes).toEqual(fromWorkbook.changes);
    } finally {
      await fs.rm(inside);
    }
  });

  it('refuses a --previous that is not a rollup, with exit 1 and nothing written', async () => {
    const out = path.join(tmp, 'khong-ghi.xlsx');
    const io = captureIo();
    await main(['rollup', may.dir, '--previous', path.join(APRIL, 'bao-cao-t4-2026-dai_tu.xlsx'), '-o', out], io);
    expect(io.code()).toBe(1);
    expect(io.stderr()).toContain('Dữ liệu');
    await expect(fs.stat(out)).rejects.toThrow();
  });
});
