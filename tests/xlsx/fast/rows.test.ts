import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Cell } from '../../../src/core/grid/types';
import { readWorkbook } from '../../../src/xlsx/read';

/** Rows handed over as they are read (`onRow`, used for a national `--previous`) are the rows the grid would hold. */

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const files = readdirSync(FIXTURES).filter(f => f.endsWith('.xlsx')).map(f => path.join(FIXTURES, f));

describe('onRow', () => {
  it.each(files.map(f => [path.basename(f), f]))('hands over the rows of %s, and only of the sheets asked for', async (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const whole = await readWorkbook(bytes);
    if (!whole.ok) throw new Error(whole.error);
    const first = whole.grid.sheets[0]?.name ?? '';
    const seen: { sheet: string; row: number; cells: readonly (Cell | undefined)[] }[] = [];
    const streamed = await readWorkbook(bytes, { sheets: n => n === first, onRow: (sheet, row, cells) => { seen.push({ sheet, row, cells }); } });
    if (!streamed.ok) throw new Error(streamed.error);
    expect(streamed.grid.sheets.map(s => s.name)).toEqual([first]);
    expect(streamed.grid.sheets[0]?.rows).toEqual([]);
    const expected = (whole.grid.sheets[0]?.rows ?? []).flatMap((cells, i) => cells ? [{ sheet: first, row: i + 1, cells }] : []);
    expect(seen).toEqual(expected);
    expect(seen.length).toBeGreaterThan(0);
  });
});
