import { defaultCatalog, findIndicator } from '../../../src/core/catalog/catalog';
import { indexMappings } from '../../../src/core/catalog/mappings';
import { matchIndicator } from '../../../src/core/catalog/match';
import { buildRollup } from '../../../src/core/rollup/build';
import { learnedCatalog, rematch } from '../../../src/core/rollup/learn';
import { file } from './build-report';

const catalog = defaultCatalog();
const ODD = 'Chỉ số phát triển hạ tầng viễn thông thế hệ mới tại các thôn bản';

describe('learning wordings from the batch', () => {
  it('adds confident and corrected wordings as aliases, never doubtful ones', () => {
    const learned = learnedCatalog(catalog, [
      { name: 'Phủ sóng 5G toàn xã', unit: '%', section: null, match: { id: '5g_coverage', confidence: 0.95 } },
      { name: ODD, unit: '%', section: null, match: { id: '6g_coverage', confidence: 1, manual: true } },
      { name: 'Chỉ tiêu mập mờ', unit: '%', section: null, match: { id: 'cashless_transactions', confidence: 0.6 } },
    ]);
    expect(findIndicator(learned, '5g_coverage')?.aliases).toContain('Phủ sóng 5G toàn xã');
    expect(findIndicator(learned, '6g_coverage')?.aliases).toContain(ODD);
    expect(findIndicator(learned, 'cashless_transactions')?.aliases).not.toContain('Chỉ tiêu mập mờ');
    expect(findIndicator(catalog, '5g_coverage')?.aliases).not.toContain('Phủ sóng 5G toàn xã');
  });

  it('keeps confident first matches and only replaces weaker ones', () => {
    const learned = learnedCatalog(catalog, [{ name: ODD, unit: '%', section: null, match: { id: '6g_coverage', confidence: 1, manual: true } }]);
    const sure = { id: 'cashless_transactions', confidence: 0.99 };
    expect(rematch({ name: ODD, unit: '%', section: null, match: sure }, learned)).toBe(sure);
    expect(rematch({ name: `${ODD} của xã`, unit: '%', section: null, match: null }, learned)?.id).toBe('6g_coverage');
  });

  it('carries a person’s correction in one commune over to a neighbour’s similar wording', () => {
    expect(matchIndicator({ name: `${ODD} của xã` }, catalog)).toBeNull();
    const model = buildRollup({ files: [
      file('a.xlsx', 'Xã A', [{ row: 6, name: ODD, status: 'met', actual: 50 }]),
      file('b.xlsx', 'Xã B', [{ row: 6, name: `${ODD} của xã`, status: 'not_met', actual: 20 }]),
    ] }, { mappings: indexMappings({ version: 1, mappings: [{ name: ODD, id: '6g_coverage' }] }) });
    expect(model.indicators.map(i => i.key)).toEqual(['6g_coverage']);
    expect(model.indicators[0]?.counts).toMatchObject({ met: 1, not_met: 1 });
  });
});
