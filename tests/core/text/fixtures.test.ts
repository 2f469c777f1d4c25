/**
 * The real fixture workbooks: they are Unicode and must come through untouched; re-typed in TCVN3 or VNI
 * (every text cell encoded, as a workbook made with the old fonts would be) they must come back.
 */
import type { Cell, WorkbookGrid } from '../../../src/core/grid/types';
import { normalizeWorkbookText, unicodeToTcvn3, unicodeToVni } from '../../../src/core/text';
import { fixturePath, loadTruth, readFixture, type Truth } from '../../helpers/fixtures';
import { lowerTonedCapitals } from './phrases';

let truth: Truth;
const grids = new Map<string, WorkbookGrid>();

beforeAll(async () => {
  truth = await loadTruth();
  for (const w of truth.workbooks) grids.set(w.file, await readFixture(fixturePath(w.file, false)));
  for (const w of truth.province.slice(0, 8)) grids.set(w.file, await readFixture(fixturePath(w.file, true)));
});

/** Every text cell rewritten by `encode`, with `font` set on it. */
function retype(grid: WorkbookGrid, encode: (s: string) => string, font: string | undefined): WorkbookGrid {
  return {
    sheets: grid.sheets.map(sheet => ({
      ...sheet,
      rows: sheet.rows.map(row => row?.map((cell): Cell | undefined => {
        if (cell === undefined || cell.v.t !== 's') return cell;
        const { font: _font, ...rest } = cell;
        return { ...rest, v: { t: 's', s: encode(cell.v.s) }, ...(font === undefined ? {} : { font }) };
      })),
    })),
  };
}

function texts(grid: WorkbookGrid): string[] {
  const out: string[] = [];
  for (const sheet of grid.sheets) for (const row of sheet.rows) for (const cell of row ?? []) {
    if (cell?.v.t === 's') out.push(cell.v.s);
  }
  return out;
}

describe('fixture workbooks', () => {
  it('are Unicode, as truth.json says, and come back as the same grid', () => {
    for (const [file, grid] of grids) {
      const result = normalizeWorkbookText(grid);
      const expected = [...truth.workbooks, ...truth.province].find(w => w.file === file) as { encoding?: string } | undefined;
      expect([file, result.encoding]).toEqual([file, expected?.encoding ?? 'unicode']);
      expect([file, result.converted]).toEqual([file, 0]);
      expect(texts(result.grid)).toEqual(texts(grid).map(s => s.normalize('NFC')));
    }
  });

  it('re-typed in TCVN3 (.VnTime) come back, toned capitals aside', () => {
    for (const [file, grid] of grids) {
      for (const font of ['.VnTime', undefined]) {
        const result = normalizeWorkbookText(retype(grid, unicodeToTcvn3, font));
        expect([file, font, result.encoding]).toEqual([file, font, 'tcvn3']);
        const got = texts(result.grid).map(lowerTonedCapitals);
        const want = texts(grid).map(s => lowerTonedCapitals(s.normalize('NFC')));
        expect(got).toEqual(want);
      }
    }
  });

  it('re-typed in VNI come back exactly', () => {
    for (const [file, grid] of grids) {
      for (const font of ['VNI-Times', undefined]) {
        const result = normalizeWorkbookText(retype(grid, unicodeToVni, font));
        expect([file, font, result.encoding]).toEqual([file, font, 'vni']);
        expect(texts(result.grid)).toEqual(texts(grid).map(s => s.normalize('NFC')));
      }
    }
  });
});
