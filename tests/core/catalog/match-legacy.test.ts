import { defaultCatalog } from '../../../src/core/catalog/catalog';
import { matchIndicator } from '../../../src/core/catalog/match';
import { decodeText, detectEncoding } from '../../../src/core/text/encoding';
import { unicodeToTcvn3 } from '../../../src/core/text/tcvn3';
import { unicodeToVni } from '../../../src/core/text/vni';
import rows from '../../fixtures/matching/province-names.json';

// Legacy-font files are converted by the check pipeline before matching; this is that path end to end.
const catalog = defaultCatalog();
const names = [...new Set((rows as { name: string }[]).map(r => r.name))];
const idOf = (name: string): string | null => matchIndicator({ name }, catalog)?.id ?? null;

describe.each([
  ['tcvn3', unicodeToTcvn3],
  ['vni', unicodeToVni],
] as const)('names typed in %s', (encoding, encode) => {
  const legacy = names.map(encode);

  it('are detected as such', () => {
    expect(detectEncoding(legacy, [])).toBe(encoding);
  });

  it('match the same indicators once converted', () => {
    const converted = legacy.map(s => decodeText(s, encoding));
    expect(converted.map(idOf)).toEqual(names.map(idOf));
  });

  it('never throw while still unconverted, and any match stays a catalog id', () => {
    const ids = new Set(catalog.indicators.map(i => i.id));
    for (const s of legacy) {
      const m = matchIndicator({ name: s }, catalog);
      if (m) expect(ids.has(m.id)).toBe(true);
    }
  });
});
