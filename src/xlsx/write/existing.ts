/**
 * What adding sheets to an existing workbook needs to know of it, read without loading it (see append.ts): the parts
 * that list the sheets, relationships, content types, styles and shared strings, each as its text with what it holds.
 * A package shaped otherwise than expected here (another namespace, UTF-16, a list written as an empty element,
 * encrypted entries …) comes back as the reason, and the caller takes the general path (exceljs) instead of guessing.
 */
import { ReadBudget } from '../fast/limits';
import { XmlSyntaxError, XmlTokenizer } from '../fast/tokenizer';
import { relsPath, resolveTarget } from '../fast/workbook';
import { inflateWhole, readDirectory, ZipFormatError, type ZipEntry } from '../fast/zip';
import { PKG_REL, REL, SML_NS } from './parts';
import type { StyleBase } from './styles';

const TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';

export interface ExistingPart {
  /** The part's name as stored. */
  readonly name: string;
  readonly text: string;
  /** The prefix its root element is written with ("x:" from some writers, usually ""); entries added carry it too. */
  readonly prefix: string;
}

export interface ExistingPackage {
  readonly bytes: Uint8Array;
  /** Every entry, in the order stored. */
  readonly entries: readonly ZipEntry[];
  readonly contentTypes: ExistingPart & {
    readonly relsDefault: boolean;
    /** Part names with an Override, lower case, without the leading "/" (some name parts the zip no longer has). */
    readonly overrides: ReadonlySet<string>;
  };
  readonly workbook: ExistingPart & {
    /** Every sheet's name, worksheets and others (chart sheets take names too), in tab order. */
    readonly sheetNames: readonly string[];
    readonly maxSheetId: number;
    /** The prefix the root binds to the relationships namespace ("r"); null when it binds none. */
    readonly relPrefix: string | null;
    readonly definedNames: boolean;
  };
  readonly rels: ExistingPart & { readonly ids: ReadonlySet<string> };
  readonly styles: ExistingPart & { readonly base: StyleBase; readonly numFmts: boolean };
  /** Null when the workbook has no shared string table yet. */
  readonly sharedStrings: (ExistingPart & { readonly items: number; readonly closed: boolean }) | null;
}

export type Existing = { readonly ok: true; readonly pkg: ExistingPackage } | { readonly ok: false; readonly reason: string };

class Unsupported extends Error {}

/** An element of the part's own namespace by its local name; others (extensions, markup compatibility) by their whole one. */
interface Element { readonly name: string; readonly attrs: Readonly<Record<string, string>>; readonly parent: string | null; readonly depth: number }

/**
 * Every element of a part, the root required in namespace `ns` (Excel 2007's beta namespace, say, is Unsupported);
 * returns the root's prefix.
 */
function elements(part: string, text: string, ns: string, visit: (e: Element) => void): string {
  const stack: string[] = [];
  let prefix = '';
  const t = new XmlTokenizer({
    open(raw, attrs) {
      if (stack.length === 0) {
        const colon = raw.indexOf(':');
        prefix = colon < 0 ? '' : raw.slice(0, colon + 1);
        const declared = attrs[colon < 0 ? 'xmlns' : `xmlns:${raw.slice(0, colon)}`];
        if (declared !== ns) throw new Unsupported(`${part}: root ${raw} in namespace ${declared ?? 'none'}`);
      }
      const name = prefix === '' ? (raw.includes(':') ? `:${raw}` : raw) : raw.startsWith(prefix) ? raw.slice(prefix.length) : `:${raw}`;
      visit({ name, attrs, parent: stack[stack.length - 1] ?? null, depth: stack.length });
      stack.push(name);
    },
    close() { stack.pop(); },
    text() { /* structure only */ },
  });
  try {
    t.write(text);
    t.close();
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new Unsupported(`${part}: ${e.message}`);
    throw e;
  }
  return prefix;
}

/**
 * Where the first `local` element of a part is written: its start tag, and where its closing tag starts (null when it
 * is an empty element, `<definedNames/>`); null when there is none.
 */
export function listAt(part: ExistingPart, local: string): { readonly start: number; readonly tag: string; readonly close: number | null } | null {
  const m = new RegExp(`<${part.prefix}${local}(?=[\\s/>])[^>]*>`).exec(part.text);
  if (!m) return null;
  if (m[0].endsWith('/>')) return { start: m.index, tag: m[0], close: null };
  const close = part.text.indexOf(`</${part.prefix}${local}>`, m.index);
  return close < 0 ? null : { start: m.index, tag: m[0], close };
}

/** The element must be there for entries to be added to it. */
function need(part: ExistingPart, local: string): void {
  if (!listAt(part, local)) throw new Unsupported(`${part.name}: no ${part.prefix}${local}`);
}

export function readExisting(bytes: Uint8Array): Existing {
  try {
    return { ok: true, pkg: existingPackage(bytes) };
  } catch (e) {
    if (e instanceof Unsupported || e instanceof ZipFormatError) return { ok: false, reason: e.message };
    throw e;
  }
}

function existingPackage(bytes: Uint8Array): ExistingPackage {
  const byName = readDirectory(bytes);
  const entries = [...byName.values()].sort((a, b) => a.localOffset - b.localOffset);
  for (const e of entries) {
    if (e.flags & 1) throw new Unsupported(`encrypted entry ${e.name}`);
    if (e.method !== 0 && e.method !== 8) throw new Unsupported(`compression ${e.method} in ${e.name}`);
  }
  // Room for a national rollup's shared strings several times over; nothing here is kept past the write.
  const budget = new ReadBudget(1024 * 1024 * 1024);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const part = (name: string): ExistingPart | null => {
    const e = byName.get(name.toLowerCase());
    if (!e) return null;
    const raw = inflateWhole({ bytes }, e, budget);
    if ((raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff)) throw new Unsupported(`${e.name} is UTF-16`);
    let text: string;
    try {
      text = decoder.decode(raw);
    } catch {
      throw new Unsupported(`${e.name} is not UTF-8`);
    }
    return { name: e.name, text, prefix: '' };
  };
  const required = (name: string): ExistingPart => {
    const p = part(name);
    if (!p) throw new Unsupported(`no part ${name}`);
    return p;
  };

  // The workbook part the package relationships name.
  let workbookPath = null as string | null;
  elements('_rels/.rels', required('_rels/.rels').text, PKG_REL, e => {
    if (e.name === 'Relationship' && e.attrs['Type'] === `${REL}/officeDocument` && e.attrs['TargetMode'] !== 'External') {
      workbookPath = resolveTarget('', e.attrs['Target'] ?? '');
    }
  });
  if (workbookPath === null) throw new Unsupported('no transitional officeDocument relationship');
  const wbPath: string = workbookPath;

  const typesRead = required('[Content_Types].xml');
  let relsDefault = false as boolean;
  const overrides = new Set<string>();
  const contentTypes = { ...typesRead, prefix: elements(typesRead.name, typesRead.text, TYPES, e => {
    if (e.name === 'Default' && e.attrs['Extension']?.toLowerCase() === 'rels') relsDefault = true;
    if (e.name === 'Override' && e.attrs['PartName'] !== undefined) overrides.add(e.attrs['PartName'].replace(/^\//, '').toLowerCase());
  }) };
  need(contentTypes, 'Types');

  const workbookRead = required(wbPath);
  const sheetNames: string[] = [];
  let maxSheetId = 0;
  let relPrefix = null as string | null;
  let definedNames = false as boolean;
  const workbook = { ...workbookRead, prefix: elements(workbookRead.name, workbookRead.text, SML_NS, e => {
    if (e.depth === 0) {
      for (const [k, v] of Object.entries(e.attrs)) if (k.startsWith('xmlns:') && v === REL) relPrefix = k.slice(6);
      // None bound on the root (the sheets declare it themselves): ours declare "r" too, unless "r" means something else.
      if (relPrefix === null && e.attrs['xmlns:r'] !== undefined) throw new Unsupported(`${workbookRead.name}: prefix r bound to ${e.attrs['xmlns:r']}`);
    }
    if (e.name === 'sheet' && e.parent === 'sheets') {
      sheetNames.push(e.attrs['name'] ?? '');
      maxSheetId = Math.max(maxSheetId, Number(e.attrs['sheetId']) || 0);
    }
    if (e.name === 'definedNames' && e.depth === 1) definedNames = true;
  }) };
  need(workbook, 'sheets');
  if (definedNames) need(workbook, 'definedNames');

  const relsRead = required(relsPath(wbPath));
  const ids = new Set<string>();
  let stylesPath = null as string | null;
  let stringsPath = null as string | null;
  const rels = { ...relsRead, prefix: elements(relsRead.name, relsRead.text, PKG_REL, e => {
    if (e.name !== 'Relationship') return;
    if (e.attrs['Id'] !== undefined) ids.add(e.attrs['Id']);
    const target = e.attrs['TargetMode'] === 'External' ? null : resolveTarget(wbPath, e.attrs['Target'] ?? '');
    if (e.attrs['Type'] === `${REL}/styles`) stylesPath = target;
    if (e.attrs['Type'] === `${REL}/sharedStrings`) stringsPath = target;
  }) };
  need(rels, 'Relationships');
  if (stylesPath === null) throw new Unsupported('no styles part');

  const stylesRead = required(stylesPath);
  const count = { font: 0, fill: 0, xf: 0, border: 0, styleXf: 0 };
  let maxFormat = 163;
  let numFmts = false as boolean;
  const styles = { ...stylesRead, prefix: elements(stylesRead.name, stylesRead.text, SML_NS, e => {
    if (e.depth === 1 && e.name === 'numFmts') numFmts = true;
    // An mc:AlternateContent in a list is one entry, whichever of its choices a reader takes.
    const alternate = e.name.endsWith(':AlternateContent');
    if (e.parent === 'fonts' && (e.name === 'font' || alternate)) count.font++;
    else if (e.parent === 'fills' && (e.name === 'fill' || alternate)) count.fill++;
    else if (e.parent === 'cellXfs' && (e.name === 'xf' || alternate)) count.xf++;
    else if (e.parent === 'borders' && (e.name === 'border' || alternate)) count.border++;
    else if (e.parent === 'cellStyleXfs' && (e.name === 'xf' || alternate)) count.styleXf++;
    else if (e.parent === 'numFmts' && e.name === 'numFmt') maxFormat = Math.max(maxFormat, Number(e.attrs['numFmtId']) || 0);
  }) };
  // Our formats use the first font, fills 0–1, border 0 and cell style 0: a part without them is not Excel's shape.
  if (count.font < 1 || count.fill < 2 || count.xf < 1 || count.border < 1 || count.styleXf < 1) throw new Unsupported(`${styles.name}: default styles missing`);
  for (const list of ['fonts', 'fills', 'cellXfs', ...(numFmts ? ['numFmts'] : [])]) need(styles, list);

  let sharedStrings: ExistingPackage['sharedStrings'] = null;
  const sst = stringsPath === null ? null : part(stringsPath);
  if (sst) {
    let items = 0;
    const prefix = elements(sst.name, sst.text, SML_NS, e => { if (e.parent === 'sst' && (e.name === 'si' || e.name.endsWith(':AlternateContent'))) items++; });
    const closed = sst.text.includes(`</${prefix}sst>`);
    // An empty table may be written as <sst …/>; one with items always has its closing tag.
    if (!closed && items > 0) throw new Unsupported(`${sst.name}: no </${prefix}sst>`);
    sharedStrings = { ...sst, prefix, items, closed };
  } else if (stringsPath !== null) throw new Unsupported(`missing part ${stringsPath}`);

  return {
    bytes,
    entries,
    contentTypes: { ...contentTypes, relsDefault, overrides },
    workbook: { ...workbook, sheetNames, maxSheetId, relPrefix, definedNames },
    rels: { ...rels, ids },
    styles: { ...styles, base: { fonts: count.font, fills: count.fill, xfs: count.xf, nextFormatId: maxFormat + 1 }, numFmts },
    sharedStrings,
  };
}
