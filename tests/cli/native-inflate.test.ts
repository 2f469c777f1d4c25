import { deflateSync, strToU8 } from 'fflate';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { nodeInflate } from '../../src/cli/load';
import { readWorkbook } from '../../src/xlsx/read';
import { deflateBomb, rawZip } from '../xlsx/fast/build';

/** The CLI reads parts with Node's zlib; the web page and the pane with fflate. Both must give the same grids. */

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function xlsxUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(d => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? xlsxUnder(p) : d.name.endsWith('.xlsx') ? [p] : [];
  });
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet workbook whose sheet part is `sheet` (raw deflate) declaring `size` bytes. */
function withSheet(sheet: Uint8Array, size: number): Uint8Array {
  const text = (name: string, s: string) => ({ name, data: strToU8(s), method: 0 as const, size: strToU8(s).length });
  return rawZip([
    text('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    text('xl/workbook.xml', `${HEAD}<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="s1"/></sheets></workbook>`),
    text('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    { name: 'xl/worksheets/sheet1.xml', data: sheet, method: 8, size },
  ]);
}

/** A one-sheet workbook whose cells show `strings` through a shared-string part (raw deflate) declaring `size` bytes. */
function withSharedStrings(strings: readonly string[], size?: number): Uint8Array {
  const text = (name: string, s: string) => ({ name, data: strToU8(s), method: 0 as const, size: strToU8(s).length });
  const sst = strToU8(`${HEAD}<sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings.map(t => `<si><t>${t}</t></si>`).join('')}</sst>`);
  const rows = strings.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join('');
  return rawZip([
    text('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    text('xl/workbook.xml', `${HEAD}<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="s1"/></sheets></workbook>`),
    text('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="s2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    text('xl/worksheets/sheet1.xml', `${HEAD}<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`),
    { name: 'xl/sharedStrings.xml', data: deflateSync(sst), method: 8, size: size ?? sst.length },
  ]);
}

/** Texts that compress poorly: a shared-string part of them is past the 64 KB a part may take to be inflated in one go. */
function noise(n: number): string[] {
  let x = 12345;
  const next = (): number => { x = (x * 48271) % 2147483647; return x; };
  return Array.from({ length: n }, () => Array.from({ length: 12 }, () => 'aăâbcdđeêghiklmnoôơpqrstuưvxy'.charAt(next() % 29)).join(''));
}

describe("Node's inflate in the reader", () => {
  const files = xlsxUnder(FIXTURES);

  it.each(files.map(f => [path.relative(FIXTURES, f), f]))('reads %s as fflate does', async (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const [native, js] = await Promise.all([readWorkbook(bytes, { inflateRaw: nodeInflate }), readWorkbook(bytes)]);
    expect(native.ok).toBe(true);
    expect(native).toEqual(js);
  });

  it('streams a part that is longer than its directory says, as fflate does', async () => {
    const xml = `${HEAD}<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>42</v></c></row><row r="2"><c r="A2"><v>7</v></c></row></sheetData></worksheet>`;
    const bytes = withSheet(deflateSync(strToU8(xml)), 20);
    const native = await readWorkbook(bytes, { inflateRaw: nodeInflate });
    expect(native).toEqual(await readWorkbook(bytes));
    expect(native.ok && native.grid.sheets[0]?.rows[1]?.[0]?.v).toEqual({ t: 'n', n: 7 });
  });

  it('reads a shared-string part too large to be inflated in one go by fflate as fflate does, whole', async () => {
    const strings = noise(20_000);
    expect(deflateSync(strToU8(strings.join(''))).length).toBeGreaterThan(64 * 1024);
    const bytes = withSharedStrings(strings);
    const native = await readWorkbook(bytes, { inflateRaw: nodeInflate });
    expect(native).toEqual(await readWorkbook(bytes));
    expect(native.ok && native.grid.sheets[0]?.rows[19_999]?.[0]?.v).toEqual({ t: 's', s: strings[19_999] });
  });

  it('streams a shared-string part longer than its directory says, as fflate does', async () => {
    const bytes = withSharedStrings(noise(20_000), 1000);
    const native = await readWorkbook(bytes, { inflateRaw: nodeInflate });
    expect(native).toEqual(await readWorkbook(bytes));
  });

  it('refuses a bomb declaring a few bytes under the same budget', async () => {
    const bomb = deflateBomb(`${HEAD}<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>A`, 300 * 1024 * 1024, '</t></is></c></row></sheetData></worksheet>');
    const native = await readWorkbook(withSheet(bomb, 40), { inflateRaw: nodeInflate });
    expect(native.ok).toBe(false);
    expect(native).toEqual(await readWorkbook(withSheet(bomb, 40)));
  });

  it('gives corrupt deflate data the same answer', async () => {
    const broken = deflateSync(strToU8(`${HEAD}<worksheet ${NS}><sheetData/></worksheet>`)).slice();
    broken.fill(0xff, 2, 12);
    const native = await readWorkbook(withSheet(broken, 200), { inflateRaw: nodeInflate });
    expect(native.ok).toBe(false);
    expect(native.ok).toBe((await readWorkbook(withSheet(broken, 200))).ok);
  });
});
