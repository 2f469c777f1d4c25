/**
 * The indicator catalog: the Resolution 57 commune indicators with stable ids, a canonical Vietnamese name,
 * unit, section and the ways communes word them. The data lives in indicators.json; this module types and
 * validates it once.
 */
import raw from './indicators.json';

export type CatalogSection =
  | 'infrastructure' | 'resources' | 'education' | 'science_technology' | 'innovation' | 'digital_transformation';

export const CATALOG_SECTIONS: readonly CatalogSection[] =
  ['infrastructure', 'resources', 'education', 'science_technology', 'innovation', 'digital_transformation'];

/** Vietnamese labels of the sections, as the appendices head them. */
export const SECTION_LABELS: Readonly<Record<CatalogSection, string>> = {
  infrastructure: 'Phát triển hạ tầng số',
  resources: 'Phát triển nguồn lực',
  education: 'Giáo dục và đào tạo',
  science_technology: 'Phát triển khoa học, công nghệ',
  innovation: 'Phát triển hệ sinh thái đổi mới sáng tạo',
  digital_transformation: 'Phát triển chuyển đổi số',
};

export interface CatalogIndicator {
  /** Stable snake_case English id, kept across releases. */
  readonly id: string;
  /** Canonical Vietnamese name. */
  readonly name: string;
  readonly unit: string | null;
  readonly section: CatalogSection;
  /** Wordings seen in commune documents (the canonical name is matched too). */
  readonly aliases: readonly string[];
}

export interface Catalog {
  readonly version: number;
  readonly indicators: readonly CatalogIndicator[];
}

export type CatalogParse =
  | { readonly ok: true; readonly catalog: Catalog }
  | { readonly ok: false; readonly errors: readonly string[] };

const ID = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the shape of a catalog document; problems are listed, never thrown. */
export function parseCatalog(doc: unknown): CatalogParse {
  const errors: string[] = [];
  if (!isRecord(doc) || !Array.isArray(doc['indicators'])) return { ok: false, errors: ['catalog: "indicators" must be an array'] };
  const version = typeof doc['version'] === 'number' ? doc['version'] : 1;
  const seen = new Set<string>();
  const indicators: CatalogIndicator[] = [];
  doc['indicators'].forEach((item: unknown, i: number) => {
    const where = `indicators[${i}]`;
    if (!isRecord(item)) { errors.push(`${where}: not an object`); return; }
    const { id, name, unit, section, aliases } = item;
    if (typeof id !== 'string' || !ID.test(id)) { errors.push(`${where}: id must be snake_case`); return; }
    if (seen.has(id)) errors.push(`${where}: duplicate id ${id}`);
    seen.add(id);
    if (typeof name !== 'string' || name.trim() === '') errors.push(`${id}: name missing`);
    if (unit !== null && typeof unit !== 'string') errors.push(`${id}: unit must be a string or null`);
    if (typeof section !== 'string' || !(CATALOG_SECTIONS as readonly string[]).includes(section)) errors.push(`${id}: unknown section`);
    if (!Array.isArray(aliases) || aliases.some(a => typeof a !== 'string' || a.trim() === '')) errors.push(`${id}: aliases must be non-empty strings`);
    if (typeof name === 'string' && Array.isArray(aliases)) {
      indicators.push({ id, name, unit: typeof unit === 'string' ? unit : null, section: section as CatalogSection,
        aliases: aliases.filter((a): a is string => typeof a === 'string') });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, catalog: { version, indicators } };
}

let bundled: Catalog | null = null;

/** The catalog shipped with the product. A malformed bundled file is a build defect, so it throws. */
export function defaultCatalog(): Catalog {
  if (bundled) return bundled;
  const parsed = parseCatalog(raw);
  if (!parsed.ok) throw new Error(`bundled indicator catalog is invalid: ${parsed.errors.join('; ')}`);
  bundled = parsed.catalog;
  return bundled;
}

/** Each catalog's indicators by id, built on first use (catalogs are immutable values; last month's rows ask twice each). */
const byId = new WeakMap<Catalog, ReadonlyMap<string, CatalogIndicator>>();

export function findIndicator(catalog: Catalog, id: string): CatalogIndicator | undefined {
  let index = byId.get(catalog);
  if (!index) {
    const m = new Map<string, CatalogIndicator>();
    // The first of an id wins, as a search from the front would find it.
    for (const ind of catalog.indicators) if (!m.has(ind.id)) m.set(ind.id, ind);
    byId.set(catalog, m);
    index = m;
  }
  return index.get(id);
}
