import { strToU8, zipSync } from 'fflate';
import { ReadBudget } from '../../../src/xlsx/fast/limits';
import { inflateEntry, readDirectory } from '../../../src/xlsx/fast/zip';

/** How the reader's transient buffers are sized: found on SheetJS's large_strings.xlsx, which peaked at 336 MB. */

/** Below glibc's default mmap threshold (128 KB): larger transient buffers are what left the process bloated. */
const SMALL_CHUNK = 128 * 1024;

describe('streamed parts', () => {
  it('inflate in chunks well under the mmap threshold, even when a part compresses 500 to 1', () => {
    // 6 MB of one repeated row: streamed (over the one-shot size), compressed several hundred times.
    const row = '<row><c t="s"><v>0</v></c></row>';
    const xml = `<sheetData>${row.repeat(Math.ceil(6 * 1024 * 1024 / row.length))}</sheetData>`;
    const zip = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(xml) }, { level: 9 });
    const entry = readDirectory(zip).get('xl/worksheets/sheet1.xml');
    if (!entry) throw new Error('entry missing');
    expect(entry.size / entry.compressedSize).toBeGreaterThan(100);
    const sizes: number[] = [];
    let total = 0;
    inflateEntry({ bytes: zip }, entry, new ReadBudget(Infinity), c => { sizes.push(c.length); total += c.length; });
    expect(total).toBe(xml.length);
    expect(Math.max(...sizes)).toBeLessThan(SMALL_CHUNK);
  });
});
