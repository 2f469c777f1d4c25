import fc from 'fast-check';
import { CATALOG_SECTIONS, SECTION_LABELS, defaultCatalog, findIndicator, parseCatalog } from '../../../src/core/catalog/catalog';
import { nameTokens } from '../../../src/core/catalog/normalize';

describe('bundled catalog', () => {
  const catalog = defaultCatalog();

  it('has unique snake_case ids, a name, a known section and aliases for every indicator', () => {
    const ids = catalog.indicators.map(i => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ind of catalog.indicators) {
      expect(ind.id).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
      expect(ind.name.trim()).not.toBe('');
      expect(CATALOG_SECTIONS).toContain(ind.section);
      expect(ind.aliases.length).toBeGreaterThan(0);
    }
  });

  it('never gives one wording to two indicators', () => {
    const owner = new Map<string, string>();
    for (const ind of catalog.indicators) {
      for (const text of [ind.name, ...ind.aliases]) {
        const key = nameTokens(text).join(' ');
        const prev = owner.get(key);
        if (prev !== undefined) expect(prev).toBe(ind.id);
        owner.set(key, ind.id);
      }
    }
  });

  it('covers every section and labels it in Vietnamese', () => {
    for (const s of CATALOG_SECTIONS) {
      expect(catalog.indicators.some(i => i.section === s)).toBe(true);
      expect(SECTION_LABELS[s]).toMatch(/\p{L}/u);
    }
  });

  it('keeps distinct indicators that differ in substance apart', () => {
    for (const id of ['5g_coverage', '6g_coverage', 'general_school_dx_level2', 'preschool_dx_level2',
      'citizen_digital_signature', 'staff_computer_and_signature', 'school_digital_signing', 'leaders_digital_certificates']) {
      expect(findIndicator(catalog, id)).toBeDefined();
    }
  });

  it('is parsed once and shared', () => {
    expect(defaultCatalog()).toBe(catalog);
  });
});

describe('parseCatalog', () => {
  it('lists problems instead of throwing', () => {
    const bad = parseCatalog({ indicators: [{ id: 'Bad Id', name: '', section: 'nowhere', aliases: [1] }, { id: 'x', name: 'X', unit: 3, section: 'resources', aliases: [] }, { id: 'x', name: 'X', unit: null, section: 'resources', aliases: ['a'] }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.join('\n')).toMatch(/snake_case/);
      expect(bad.errors.join('\n')).toMatch(/duplicate id x/);
      expect(bad.errors.join('\n')).toMatch(/unit/);
    }
    expect(parseCatalog(null).ok).toBe(false);
    expect(parseCatalog({ indicators: 'no' }).ok).toBe(false);
  });

  it('accepts a minimal valid catalog', () => {
    const ok = parseCatalog({ version: 2, indicators: [{ id: 'a_b', name: 'A', unit: null, section: 'innovation', aliases: ['B'] }] });
    expect(ok).toEqual({ ok: true, catalog: { version: 2, indicators: [{ id: 'a_b', name: 'A', unit: null, section: 'innovation', aliases: ['B'] }] } });
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), v => { parseCatalog(v); }));
    fc.assert(fc.property(fc.array(fc.dictionary(fc.constantFrom('id', 'name', 'unit', 'section', 'aliases'), fc.jsonValue())), items => {
      const r = parseCatalog({ indicators: items });
      expect(typeof r.ok).toBe('boolean');
    }));
  });
});
