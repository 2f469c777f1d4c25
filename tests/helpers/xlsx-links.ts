/**
 * The hyperlinks of a written workbook, read from its XML: exceljs's reader keeps only links with a relationship and
 * drops their `location`, so it cannot check links the way Excel writes them (location only, or file + location).
 */
import { strFromU8, unzipSync } from 'fflate';

export interface Link { readonly file: string | null; readonly location: string }

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m?.[1]?.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
};

/** Sheet name → cell address → where its link goes. An exceljs "#…" target is a place in this workbook. */
export function workbookLinks(bytes: Uint8Array): Map<string, Map<string, Link>> {
  const zip = unzipSync(bytes);
  const text = (name: string): string => (zip[name] ? strFromU8(zip[name] as Uint8Array) : '');
  const rels = (xml: string): Map<string, string> => new Map([...xml.matchAll(/<Relationship\b[^>]*>/g)].map(m => [attr(m[0], 'Id') ?? '', attr(m[0], 'Target') ?? '']));
  const bookRels = rels(text('xl/_rels/workbook.xml.rels'));
  const out = new Map<string, Map<string, Link>>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name') ?? '';
    const target = (bookRels.get(attr(m[0], 'r:id') ?? '') ?? '').replace(/^\/?(xl\/)?/, '');
    const part = `xl/${target}`;
    const sheetRels = rels(text(part.replace(/worksheets\/([^/]+)$/, 'worksheets/_rels/$1.rels')));
    const links = new Map<string, Link>();
    for (const h of text(part).matchAll(/<hyperlink\b[^>]*>/g)) {
      const ref = attr(h[0], 'ref') ?? '';
      const rid = attr(h[0], 'r:id');
      const location = attr(h[0], 'location');
      const relTarget = rid ? sheetRels.get(rid) ?? '' : '';
      if (relTarget.startsWith('#')) links.set(ref, { file: null, location: relTarget.slice(1) });
      else if (relTarget) {
        const [file = '', fragment] = relTarget.split('#');
        links.set(ref, { file: decodeURI(file), location: location && !location.includes('#') ? location : fragment ?? '' });
      } else links.set(ref, { file: null, location: location ?? '' });
    }
    out.set(name, links);
  }
  return out;
}
