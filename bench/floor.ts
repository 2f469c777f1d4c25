/** The floor, in a module of its own: its child process loads fflate and saxes and nothing of the product. */
import { unzipSync } from 'fflate';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';

export async function workbooks(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter(f => f.endsWith('.xlsx')).sort().map(f => path.join(dir, f));
}

/** The parts any reader of the grid must open: the workbook, its relationships, strings, styles, worksheets. */
const GRID_PART = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/;

/** The floor: unzip the grid's parts and run a SAX scan over them, building nothing. Returns the tag count. */
// Files are read synchronously, as the CLI reads them: the cheapest way to get the bytes.
export async function floor(files: readonly string[]): Promise<number> {
  let tags = 0;
  const decoder = new TextDecoder();
  for (const f of files) {
    const parts = unzipSync(new Uint8Array(readFileSync(f)), { filter: e => GRID_PART.test(e.name) });
    for (const data of Object.values(parts)) {
      const p = new SaxesParser({ position: false });
      p.on('opentag', () => { tags++; });
      p.write(decoder.decode(data)).close();
    }
  }
  return tags;
}
