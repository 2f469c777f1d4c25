import type { ReadBudget } from './limits';
import { ownString } from './strings';
import { parsePart, XmlFormatError, type XmlHandler } from './xml';
import type { ZipEntry, Archive } from './zip';

/** The workbook part: its sheets in tab order, where their parts are, and the shared parts. */
export interface WorkbookParts {
  readonly sheets: readonly { readonly name: string; readonly hidden: boolean; readonly part: string }[];
  readonly sharedStrings: string | null;
  readonly styles: string | null;
  /** The custom XML parts the workbook relates to (where our projections are, see ../projection.ts). */
  readonly customXml: readonly string[];
  /** Dates count from 1904-01-01 (old Mac workbooks). */
  readonly date1904: boolean;
  /** The package relationships (_rels/.rels) were unreadable, so the workbook was found at its usual place. */
  readonly brokenRootRels: boolean;
}

export type Entries = ReadonlyMap<string, ZipEntry>;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

/** The relationship type without its namespace ("worksheet", "styles" …), for transitional and strict files alike. */
function relKind(type: string): string {
  if (type.startsWith(REL)) return type.slice(REL.length);
  if (type.startsWith(STRICT_REL)) return type.slice(STRICT_REL.length);
  return type.slice(type.lastIndexOf('/') + 1);
}

/** Resolves a relationship target against the folder of the part that holds the relationships. */
export function resolveTarget(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of target.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** Where a part's relationships are: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

interface Rel { readonly kind: string; readonly target: string }

function readRels(zip: Archive, entries: Entries, part: string, budget: ReadBudget): ReadonlyMap<string, Rel> {
  const e = entries.get(relsPath(part).toLowerCase());
  if (!e) return new Map();
  return zip.memo ? zip.memo.read('rels', part, zip, e, budget, () => parseRels(zip, e, part, budget)) : parseRels(zip, e, part, budget);
}

function parseRels(zip: Archive, e: ZipEntry, part: string, budget: ReadBudget): ReadonlyMap<string, Rel> {
  const rels = new Map<string, Rel>();
  const h: XmlHandler = {
    open(name, a) {
      if (name !== 'Relationship' || a['TargetMode'] === 'External') return;
      const id = a['Id'];
      const target = a['Target'];
      if (id !== undefined && target !== undefined) rels.set(id, { kind: relKind(a['Type'] ?? ''), target: resolveTarget(part, target) });
    },
    close() { /* attributes only */ },
    text() { /* attributes only */ },
  };
  parsePart(zip, e, budget, h);
  return rels;
}

/** The relationship id attribute of a <sheet>, whatever prefix the writer bound the namespace to ("r:id"). */
function relId(a: Readonly<Record<string, string>>): string | undefined {
  for (const k in a) if (k.endsWith(':id')) return a[k];
  return a['id'];
}

export class MissingPartError extends Error {
  override readonly name = 'MissingPartError';
}

/**
 * The workbook part named by the package relationships. When _rels/.rels is garbage (not XML) or names no workbook
 * that exists, the usual xl/workbook.xml is taken if it is there, as openpyxl does, and the caller is told.
 */
function findWorkbook(zip: Archive, entries: Entries, budget: ReadBudget): { path: string; entry: ZipEntry; broken: boolean } {
  let root: Rel | undefined;
  let broken = false;
  try {
    root = [...readRels(zip, entries, '', budget).values()].find(r => r.kind === 'officeDocument');
  } catch (e) {
    if (!(e instanceof XmlFormatError)) throw e;
    broken = true;
  }
  const named = root === undefined ? undefined : entries.get(root.target.toLowerCase());
  if (root !== undefined && named !== undefined) return { path: root.target, entry: named, broken: false };
  const usual = entries.get('xl/workbook.xml');
  if (usual === undefined) throw new MissingPartError(`no workbook part (${root?.target ?? 'xl/workbook.xml'})`);
  // A relationships part that names a missing workbook is as broken as one that does not parse.
  return { path: usual.name, entry: usual, broken: broken || root !== undefined };
}

interface DeclaredSheets {
  readonly declared: readonly { readonly name: string; readonly hidden: boolean; readonly rid: string | undefined }[];
  readonly date1904: boolean;
}

/** The workbook part's sheets, in tab order, with their relationship ids. */
function parseWorkbook(zip: Archive, wb: ZipEntry, budget: ReadBudget): DeclaredSheets {
  const declared: { name: string; hidden: boolean; rid: string | undefined }[] = [];
  let date1904 = false;
  // Inside <extLst>: extensions such as <x15:workbookPr> share local names with the main elements but are not them.
  let inExtensions = 0;
  const h: XmlHandler = {
    open(name, a) {
      if (name === 'extLst') inExtensions++;
      else if (inExtensions > 0) return;
      else if (name === 'sheet') declared.push({ name: ownString(a['name'] ?? ''), hidden: a['state'] === 'hidden' || a['state'] === 'veryHidden', rid: relId(a) });
      else if (name === 'workbookPr') date1904 = a['date1904'] === '1' || a['date1904'] === 'true';
    },
    close(name) { if (name === 'extLst' && inExtensions > 0) inExtensions--; },
    text() { /* attributes only */ },
  };
  parsePart(zip, wb, budget, h);
  return { declared, date1904 };
}

export function readWorkbookParts(zip: Archive, entries: Entries, budget: ReadBudget): WorkbookParts {
  const { path: wbPath, entry: wb, broken: brokenRootRels } = findWorkbook(zip, entries, budget);
  const rels = readRels(zip, entries, wbPath, budget);

  const { declared, date1904 } = zip.memo ? zip.memo.read('workbook', '', zip, wb, budget, () => parseWorkbook(zip, wb, budget)) : parseWorkbook(zip, wb, budget);

  const sheets: WorkbookParts['sheets'][number][] = [];
  for (const s of declared) {
    const rel = s.rid === undefined ? undefined : rels.get(s.rid);
    // Chart sheets, dialog sheets and macro sheets hold no cells.
    if (rel?.kind === 'worksheet') sheets.push({ name: s.name, hidden: s.hidden, part: rel.target });
  }
  const find = (kind: string, fallback: string): string | null => {
    const rel = [...rels.values()].find(r => r.kind === kind);
    if (rel && entries.has(rel.target.toLowerCase())) return rel.target;
    return entries.has(fallback) ? fallback : null;
  };
  const customXml = [...rels.values()].filter(r => r.kind === 'customXml' && entries.has(r.target.toLowerCase())).map(r => r.target);
  return { sheets, sharedStrings: find('sharedStrings', 'xl/sharedstrings.xml'), styles: find('styles', 'xl/styles.xml'), customXml, date1904, brokenRootRels };
}
