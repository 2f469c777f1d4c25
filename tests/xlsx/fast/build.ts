import { strToU8, zipSync, type Zippable } from 'fflate';

/** Hand-written .xlsx packages for reader tests: only the parts a reader needs, XML given verbatim. */

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  readonly name: string;
  /** The worksheet's children (sheetData, mergeCells …), or a whole document when it starts with "<?xml". */
  readonly xml: string;
  readonly state?: 'hidden' | 'veryHidden';
}

export interface BookSpec {
  readonly sheets: readonly SheetSpec[];
  /** <si> elements, or whole documents when starting with "<?xml". */
  readonly sharedStrings?: string;
  readonly styles?: string;
  readonly workbookPr?: string;
  /** Written after <sheets> in the workbook part (an <extLst> …). */
  readonly workbookTail?: string;
  /** Extra parts, by path, added as they are (bytes or text). */
  readonly extra?: Readonly<Record<string, string | Uint8Array>>;
  /** Extra <sheet> + relationship pairs, e.g. a chart sheet. */
  readonly extraSheets?: readonly { name: string; type: string; target: string }[];
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function doc(body: string, root: string): string {
  return body.startsWith('<?xml') ? body : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${root} ${NS}>${body}</${root}>`;
}

export function buildXlsx(spec: BookSpec, level: 0 | 1 | 6 = 6): Uint8Array {
  const rels: string[] = [];
  const sheets: string[] = [];
  const files: Zippable = {};
  spec.sheets.forEach((s, i) => {
    rels.push(`<Relationship Id="rIdS${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    sheets.push(`<sheet name="${attr(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rIdS${i + 1}"/>`);
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(doc(s.xml, 'worksheet'));
  });
  (spec.extraSheets ?? []).forEach((s, i) => {
    rels.push(`<Relationship Id="rIdX${i + 1}" Type="${REL}/${s.type}" Target="${s.target}"/>`);
    sheets.push(`<sheet name="${s.name}" sheetId="${100 + i}" r:id="rIdX${i + 1}"/>`);
  });
  if (spec.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdSst" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    files['xl/sharedStrings.xml'] = strToU8(doc(spec.sharedStrings, 'sst'));
  }
  if (spec.styles !== undefined) {
    rels.push(`<Relationship Id="rIdSty" Type="${REL}/styles" Target="styles.xml"/>`);
    files['xl/styles.xml'] = strToU8(doc(spec.styles, 'styleSheet'));
  }
  files['[Content_Types].xml'] = strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>');
  files['_rels/.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  files['xl/workbook.xml'] = strToU8(doc(`${spec.workbookPr ?? ''}<sheets>${sheets.join('')}</sheets>${spec.workbookTail ?? ''}`, 'workbook'));
  files['xl/_rels/workbook.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  for (const [path, content] of Object.entries(spec.extra ?? {})) files[path] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files, { level });
}

/** A styles part: fonts by name, custom formats, and cellXfs as [numFmtId, fontId] pairs. */
export function stylesXml(fonts: readonly string[], numFmts: Readonly<Record<number, string>>, xfs: readonly (readonly [number, number])[]): string {
  const fmt = Object.entries(numFmts).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${attr(code)}"/>`).join('');
  return `<numFmts count="${Object.keys(numFmts).length}">${fmt}</numFmts>`
    + `<fonts count="${fonts.length}">${fonts.map(f => `<font><sz val="11"/><name val="${f}"/></font>`).join('')}</fonts>`
    + '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0"/></cellStyleXfs>'
    + `<cellXfs count="${xfs.length}">${xfs.map(([n, f]) => `<xf numFmtId="${n}" fontId="${f}" xfId="0"/>`).join('')}</cellXfs>`
    + '<dxfs count="1"><dxf><font><name val="Ignored Dxf Font"/></font><numFmt numFmtId="200" formatCode="0.000"/></dxf></dxfs>';
}

export interface RawEntry {
  readonly name: string;
  /** The stored bytes: raw deflate data when method is 8. */
  readonly data: Uint8Array;
  readonly method: 0 | 8;
  /** The uncompressed size the directory declares (free to lie). */
  readonly size: number;
}

/** A zip written by hand, so tests can declare any sizes (CRCs are left at 0: the readers under test ignore them). */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const central: number[] = [];
  const u16 = (a: number[], v: number) => { a.push(v & 0xff, (v >>> 8) & 0xff); };
  const u32 = (a: number[], v: number) => { u16(a, v & 0xffff); u16(a, (v >>> 16) & 0xffff); };
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const h: number[] = [];
    u32(h, 0x04034b50); u16(h, 20); u16(h, 0); u16(h, e.method); u32(h, 0); u32(h, 0);
    u32(h, e.data.length); u32(h, e.size); u16(h, name.length); u16(h, 0);
    u32(central, 0x02014b50); u16(central, 20); u16(central, 20); u16(central, 0); u16(central, e.method); u32(central, 0);
    u32(central, 0); u32(central, e.data.length); u32(central, e.size); u16(central, name.length); u16(central, 0); u16(central, 0);
    u16(central, 0); u16(central, 0); u32(central, 0); u32(central, offset);
    central.push(...name);
    chunks.push(new Uint8Array(h), name, e.data);
    offset += h.length + name.length + e.data.length;
  }
  const eocd: number[] = [];
  u32(eocd, 0x06054b50); u16(eocd, 0); u16(eocd, 0); u16(eocd, entries.length); u16(eocd, entries.length);
  u32(eocd, central.length); u32(eocd, offset); u16(eocd, 0);
  chunks.push(new Uint8Array(central), new Uint8Array(eocd));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) { out.set(c, p); p += c.length; }
  return out;
}

/**
 * A raw deflate stream that inflates to `prefix`, then `bytes` copies of the prefix's last byte, then `suffix`:
 * fixed-Huffman matches of 258 bytes at distance 1 cost 13 bits each, so hundreds of megabytes take a megabyte or two.
 */
export function deflateBomb(prefix: string, bytes: number, suffix: string): Uint8Array {
  const matches = Math.ceil(bytes / 258);
  const out = new Uint8Array(Math.ceil((3 + 9 * (prefix.length + suffix.length) + 13 * matches + 7) / 8) + 4);
  let pos = 0;
  let bit = 0;
  const bits = (v: number, n: number) => {
    for (let i = 0; i < n; i++) {
      if ((v >> i) & 1) out[pos] = (out[pos] ?? 0) | (1 << bit);
      if (++bit === 8) { bit = 0; pos++; }
    }
  };
  const code = (c: number, n: number) => { for (let i = n - 1; i >= 0; i--) bits((c >> i) & 1, 1); };
  const literal = (ch: number) => (ch < 144 ? code(0x30 + ch, 8) : code(0x190 + ch - 144, 9));
  bits(1, 1);
  bits(1, 2);
  for (const ch of strToU8(prefix)) literal(ch);
  for (let m = 0; m < matches; m++) { code(0xc5, 8); code(0, 5); }
  for (const ch of strToU8(suffix)) literal(ch);
  code(0, 7);
  return out.subarray(0, pos + 1);
}
