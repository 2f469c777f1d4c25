import path from 'node:path';
import { checkWorkbook } from '../../src/core/check/check';
import type { Cell, WorkbookGrid } from '../../src/core/grid/types';
import { fold, unicodeToTcvn3, unicodeToVni } from '../../src/core/text';
import { fixturePath, loadTruth, readFixture, type TruthWorkbook } from '../helpers/fixtures';

/** Rewrites every text cell as a commune PC with legacy fonts (or no Vietnamese keyboard) would have stored it. */
function reencode(grid: WorkbookGrid, encode: (s: string) => string, font?: string): WorkbookGrid {
  const cell = (c: Cell | undefined): Cell | undefined =>
    c && c.v.t === 's' ? { ...c, v: { t: 's', s: encode(c.v.s) }, ...(font ? { font } : {}) } : c;
  return { sheets: grid.sheets.map(s => ({ ...s, name: s.name, rows: s.rows.map(r => r?.map(cell)) })) };
}

const variants = [
  { name: 'TCVN3 (.VnTime)', encoding: 'tcvn3', encode: (s: string) => unicodeToTcvn3(s), font: '.VnTime' },
  { name: 'VNI (VNI-Times)', encoding: 'vni', encode: (s: string) => unicodeToVni(s), font: 'VNI-Times' },
  { name: 'TCVN3 without a font hint', encoding: 'tcvn3', encode: (s: string) => unicodeToTcvn3(s) },
  { name: 'VNI without a font hint', encoding: 'vni', encode: (s: string) => unicodeToVni(s) },
  { name: 'unaccented', encoding: 'ascii', encode: (s: string) => fold(s).replace(/\b\w/g, ch => ch.toUpperCase()) },
] as const;

describe('the same province judged from legacy-encoded and unaccented text', () => {
  let province: TruthWorkbook[] = [];
  beforeAll(async () => { province = (await loadTruth()).province; });

  it.each(variants)('$name: same rows, same statuses, encoding reported', async v => {
    const misses: string[] = [];
    for (const w of province) {
      const grid = reencode(await readFixture(fixturePath(w.file, true)), v.encode, 'font' in v ? v.font : undefined);
      const report = checkWorkbook(grid, { file: path.basename(w.file) });
      expect(report.encoding).toBe(v.encoding);
      const got = new Map(report.tables.flatMap(t => t.rows.map(r => [`${t.sheet}!${r.row}`, r.status] as const)));
      for (const sh of w.sheets) for (const t of sh.tables) for (const r of t.rows) {
        // Sheet names are not re-encoded (Excel stores them in Unicode).
        const g = got.get(`${sh.sheet}!${r.row}`);
        if (g !== r.status) misses.push(`${w.file} ${sh.sheet}!${r.row}: ${g} != ${r.status}`);
      }
      if (v.encoding !== 'ascii') expect(report.commune?.normalize('NFC')).toBe(w.commune);
      else expect(fold(report.commune ?? '')).toBe(fold(w.commune ?? ''));
    }
    expect(misses).toEqual([]);
  });
});
