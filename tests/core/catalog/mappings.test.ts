import fc from 'fast-check';
import { defaultCatalog } from '../../../src/core/catalog/catalog';
import { applyMappings, indexMappings, mappingKey, parseMappings, serializeMappings, withMapping, type MappingFile } from '../../../src/core/catalog/mappings';
import { matchIndicator } from '../../../src/core/catalog/match';

const catalog = defaultCatalog();

describe('mapping files', () => {
  it('reads valid entries and lists the bad ones', () => {
    const { file, problems } = parseMappings({ version: 1, mappings: [
      { name: 'Kinh phí chuyển đổi số', id: 'stc_budget_share' },
      { name: 'x', id: 'no_such_id' },
      { name: 3, id: 'a' },
      'junk',
    ] }, catalog);
    expect(file.mappings).toEqual([{ name: 'Kinh phí chuyển đổi số', id: 'stc_budget_share' }]);
    expect(problems).toHaveLength(3);
    expect(parseMappings('nope').problems).toHaveLength(1);
    expect(parseMappings({ version: 7, mappings: [] }).problems[0]).toMatch(/version/);
  });

  it('overrides the matcher, matching the wording by folded name', () => {
    const map = indexMappings({ version: 1, mappings: [{ name: 'Phủ sóng di động thế hệ mới', id: '5g_coverage' }] });
    const name = 'PHU SONG DI DONG THE HE MOI.';
    const auto = matchIndicator({ name }, catalog);
    const fixed = applyMappings({ name }, auto, map);
    expect(fixed).toMatchObject({ id: '5g_coverage', confidence: 1, manual: true });
    const untouched = { id: 'cashless_transactions', confidence: 0.9 };
    expect(applyMappings({ name: 'Tỷ lệ giao dịch không dùng tiền mặt' }, untouched, map)).toBe(untouched);
  });

  it('keeps the matcher proposal as runner-up when a person disagrees', () => {
    const map = indexMappings({ version: 1, mappings: [{ name: 'Tỷ lệ người dân có chữ ký số', id: 'staff_computer_and_signature' }] });
    const auto = matchIndicator({ name: 'Tỷ lệ người dân có chữ ký số' }, catalog);
    expect(applyMappings({ name: 'Tỷ lệ người dân có chữ ký số' }, auto, map)).toEqual(
      { id: 'staff_computer_and_signature', confidence: 1, manual: true, runnerUp: { id: 'citizen_digital_signature', confidence: auto?.confidence } });
  });

  it('replaces a correction for the same wording and round-trips through JSON', () => {
    let file = withMapping({ version: 1, mappings: [] }, 'Tên A', 'a_b');
    file = withMapping(file, 'ten a', 'c_d');
    file = withMapping(file, 'Tên B', 'e_f');
    expect(file.mappings).toEqual([{ name: 'ten a', id: 'c_d' }, { name: 'Tên B', id: 'e_f' }]);
    expect(parseMappings(JSON.parse(serializeMappings(file))).file).toEqual(file);
  });

  it('round-trips any corrections and never throws on any document', () => {
    fc.assert(fc.property(fc.array(fc.record({ name: fc.string({ minLength: 1 }).filter(s => mappingKey(s) !== ''), id: fc.stringMatching(/^[a-z]+(_[a-z0-9]+)*$/) })), ms => {
      const empty: MappingFile = { version: 1, mappings: [] };
      const file = ms.reduce((f, m) => withMapping(f, m.name, m.id), empty);
      expect(parseMappings(JSON.parse(serializeMappings(file))).file).toEqual(file);
      const idx = indexMappings(file);
      for (const m of file.mappings) expect(idx.get(mappingKey(m.name))).toBe(m.id);
    }));
    fc.assert(fc.property(fc.jsonValue(), v => { parseMappings(v, catalog); }));
  });
});
