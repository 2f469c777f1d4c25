import fc from 'fast-check';
import { defaultCatalog } from '../../../src/core/catalog/catalog';
import { LOW_CONFIDENCE, isDoubtful, matchIndicator, type IndicatorMatch } from '../../../src/core/catalog/match';
import { fold } from '../../../src/core/text/fold';
import rows from '../../fixtures/matching/province-names.json';

interface NamedRow { file: string; sheet: string; row: number; province: boolean; name: string; unit: string | null; section: string | null; key: string }
const fixture = rows as NamedRow[];
const catalog = defaultCatalog();
const match = (name: string, unit?: string | null, section?: string | null): IndicatorMatch | null =>
  matchIndicator({ name, unit: unit ?? null, section: section ?? null }, catalog);
const idOf = (name: string, unit?: string | null): string | null => match(name, unit)?.id ?? null;

/** Each truth key's ids, to check that a key never splits and two keys never share an id. */
function assignments(names: (r: NamedRow) => string): Map<string, Map<string, number>> {
  const byKey = new Map<string, Map<string, number>>();
  for (const r of fixture) {
    const id = match(names(r), r.unit, r.section)?.id ?? 'null';
    const ids = byKey.get(r.key) ?? new Map<string, number>();
    ids.set(id, (ids.get(id) ?? 0) + 1);
    byKey.set(r.key, ids);
  }
  return byKey;
}

function expectOneToOne(byKey: Map<string, Map<string, number>>): void {
  const owner = new Map<string, string>();
  for (const [key, ids] of byKey) {
    expect({ key, ids: [...ids.keys()] }).toEqual({ key, ids: [expect.not.stringMatching(/^null$/)] });
    const id = [...ids.keys()][0] ?? '';
    expect({ id, keys: [owner.get(id) ?? key] }).toEqual({ id, keys: [key] });
    owner.set(id, key);
  }
}

describe('matching the fixture rows (measured against the truth keys)', () => {
  it('puts every row of one key on one id and never two keys on one id', () => {
    const byKey = assignments(r => r.name);
    expect(byKey.size).toBeGreaterThanOrEqual(50);
    expectOneToOne(byKey);
  });

  it('matches the unaccented versions to the same ids', () => {
    const accented = assignments(r => r.name);
    const bare = assignments(r => fold(r.name));
    expect(bare).toEqual(accented);
  });

  it('matches upper-case and respaced versions to the same ids', () => {
    expect(assignments(r => `  ${r.name.toUpperCase().replace(/ /g, '   ')} `)).toEqual(assignments(r => r.name));
  });

  it('is tolerant of clause order', () => {
    const straight = assignments(r => r.name);
    expect(assignments(r => r.name.split(/,\s*/).reverse().join(', '))).toEqual(straight);
  });

  it('never picks a wrong indicator for shuffled words (it may give up)', () => {
    const expected = new Map([...assignments(r => r.name)].map(([k, ids]) => [k, [...ids.keys()][0]]));
    fc.assert(fc.property(fc.constantFrom(...fixture), fc.infiniteStream(fc.nat()), (r, rand) => {
      const words = r.name.split(/\s+/);
      const it = rand[Symbol.iterator]();
      for (let i = words.length - 1; i > 0; i--) {
        const j = (it.next().value as number) % (i + 1);
        [words[i], words[j]] = [words[j] as string, words[i] as string];
      }
      const m = match(words.join(' '), r.unit);
      if (m) expect(m.id).toBe(expected.get(r.key));
    }), { numRuns: 400 });
  });

  it('is confident on the fixture wordings', () => {
    for (const r of fixture) expect(match(r.name, r.unit, r.section)?.confidence ?? 0).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });
});

describe('wording variants and abbreviations', () => {
  it.each([
    ['Tỷ lệ hồ sơ TTHC xử lý trực tuyến', 'online_dossiers'],
    ['Tỷ lệ DVCTT toàn trình trên tổng số TTHC đủ điều kiện', 'full_online_services'],
    ['CBCC xã được bồi dưỡng kỹ năng số cơ bản', 'staff_basic_digital_skills'],
    ['Tỷ lệ CBCCVC làm chủ kỹ năng số', 'staff_digital_mastery'],
    ['Tỉ lệ chi NSNN cho KHCN, ĐMST và CĐS', 'stc_budget_share'],
    ['Tỷ lệ người dân có tài khoản VNeID', 'vneid_accounts'],
    ['Tỷ lệ DN vừa và nhỏ ứng dụng công nghệ số', 'sme_digital_adoption'],
    ['Tỷ lệ DN, HTX có hoạt động đổi mới sáng tạo', 'enterprise_innovation'],
    ['Tỷ lệ hồ sơ, kết quả giải quyết TTHC được số hoá', 'dossier_digitization'],
    ['Cơ sở GDPT triển khai giáo dục STEM', 'stem_education'],
    ['Tỷ lệ truy nhập băng rộng cố định trên 1 Gbps', 'fixed_broadband_1gbps'],
    ['Người sử dụng có khả năng truy cập băng thông rộng cố định với tốc độ trên 01 Gbps/s', 'fixed_broadband_1gbps'],
    ['Tỉ lệ người sử dụng có khả năng truy nhập băng rộng cố định tốc độ trên IGb/s', 'fixed_broadband_1gbps'],
    ['Cán bộ, công chức xã được bồi dưỡng kỹ năng số cơ bản', 'staff_basic_digital_skills'],
    ['Tỷ lệ phủ sóng 5 G trên địa bàn phường', '5g_coverage'],
    ['Số hóa di tích cấp tỉnh', 'heritage_site_digitization'],
    ['Tỷ lệ thanh toán trực tuyến trong giải quyết TTHC, DVC', 'online_payment'],
    ['Tỷ lệ cơ sở giáo dục ký số học bạ, sổ điểm', 'school_digital_signing'],
  ])('%s → %s', (name, id) => {
    expect(idOf(name)).toBe(id);
    expect(idOf(fold(name))).toBe(id);
  });

  it('forgives glued words', () => {
    expect(idOf('Tỷ lệ phủsóng 5G trên địa bàn')).toBe('5g_coverage');
    expect(idOf('PHỦ SÓNG5G CHO NGƯỜI DÂN')).toBe('5g_coverage');
    expect(idOf('Duy trì tỷ lệ hàilòng của người dân khi sử dụng dịch vụ công trực tuyến')).toBe('online_service_satisfaction');
  });

  it('forgives a mistyped letter', () => {
    expect(idOf('Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chín, dịch vụ công')).toBe('online_payment');
    expect(idOf('Ty le giao dich khong dung tien mặt')).toBe('cashless_transactions');
    expect(idOf('Tỷ lệ người dân có tài khoản định danh điện tủ (VNeID)')).toBe('vneid_accounts');
  });
});

describe('indicators that differ in substance stay apart', () => {
  it.each([
    ['Tỷ lệ phủ sóng 5G trên địa bàn xã', '5g_coverage'],
    ['Tỷ lệ phủ sóng 6G trên địa bàn xã', '6g_coverage'],
    ['Tỷ lệ cơ sở giáo dục phổ thông đạt mức 2 trở lên về chuyển đổi số', 'general_school_dx_level2'],
    ['Tỷ lệ cơ sở giáo dục mầm non đạt mức 2 trở lên về chuyển đổi số', 'preschool_dx_level2'],
    ['Tỷ lệ người dân có chữ ký số', 'citizen_digital_signature'],
    ['Cán bộ có máy tính và chữ ký số cá nhân', 'staff_computer_and_signature'],
    ['Cơ sở giáo dục triển khai ký số sổ sách', 'school_digital_signing'],
    ['Tỷ lệ doanh nghiệp ứng dụng công nghệ số', 'sme_digital_adoption'],
    ['Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo', 'enterprise_innovation'],
    ['Tỷ lệ hài lòng của người dân khi sử dụng dịch vụ công trực tuyến', 'online_service_satisfaction'],
    ['Tỷ lệ người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến', 'online_service_usage'],
    ['Tỷ lệ giao dịch không dùng tiền mặt', 'cashless_transactions'],
    ['Tỷ lệ giao dịch hành chính phi tiếp xúc', 'contactless_transactions'],
    ['Tỷ lệ dân số trưởng thành tiếp cận dịch vụ số', 'adult_digital_service_access'],
    ['Tỷ lệ dân số trưởng thành thường xuyên sử dụng dịch vụ số', 'adult_regular_digital_use'],
    ['Tỷ lệ hồ sơ trực tuyến toàn trình', 'online_dossiers_full_process'],
    ['Tỷ lệ hồ sơ TTHC được xử lý trực tuyến', 'online_dossiers'],
    ['Tỷ lệ DVCTT toàn trình', 'full_online_services'],
    ['Tỷ lệ hồ sơ, kết quả giải quyết TTHC được số hóa', 'dossier_digitization'],
    ['Số hóa tài liệu lưu trữ 3 năm gần đây', 'archive_digitization'],
    ['Tỷ lệ văn bản gửi nhận trên môi trường điện tử có ký số', 'signed_e_documents'],
    ['Tỷ lệ xóm được phủ sóng di động', 'hamlet_power_mobile'],
  ])('%s → %s', (name, id) => {
    expect(idOf(name)).toBe(id);
  });

  it('does not let a different generation pass as the same coverage', () => {
    const m = match('Tỷ lệ phủ sóng 4G trên địa bàn');
    expect(m === null || m.confidence < LOW_CONFIDENCE).toBe(true);
  });
});

describe('rows that are not catalog indicators', () => {
  it.each([
    ['Kinh phí chuyển đổi số', null],
    ['Kinh phí KHCN, ĐMST', null],
    ['Tổng cộng', null],
    ['Kinh phí chi cho khoa học, công nghệ, đổi mới sáng tạo', 'triệu đồng'],
    ['Tỷ lệ hộ nghèo', '%'],
    ['Số lớp học được xây mới', 'lớp'],
  ])('%s gives no confident match', (name, unit) => {
    const m = match(name, unit);
    expect(m === null || m.confidence < LOW_CONFIDENCE).toBe(true);
  });

  it('tells money from look-alike words that fold the same ("số tiền" / "số tiên tiến", "đồng" / "động")', () => {
    expect(idOf('Hạ tầng số tiên tiến, hiện đại, dung lượng siêu lớn, băng thông siêu rộng')).toBe('digital_infrastructure');
    expect(idOf('Cơ sở giáo dục trung học có câu lạc bộ khởi nghiệp hoạt động thường xuyên')).toBe('startup_clubs');
    for (const [name, unit] of [['Số tiền chi cho chuyển đổi số', null], ['kinh phi chuyen doi so', null], ['Chi cho chuyển đổi số', 'triệu đồng']] as const) {
      const m = match(name, unit);
      expect({ name, weak: m === null || m.confidence < LOW_CONFIDENCE }).toEqual({ name, weak: true });
    }
  });

  it('returns null for empty and punctuation-only names', () => {
    expect(match('')).toBeNull();
    expect(match(' - , . ')).toBeNull();
    expect(match('1.2')).toBeNull();
  });
});

describe('evidence, confidence and robustness', () => {
  it('reports a runner-up no better than the winner', () => {
    const m = match('Tỷ lệ cơ sở giáo dục đạt mức 2 trở lên');
    expect(m).not.toBeNull();
    if (m?.runnerUp) expect(m.runnerUp.confidence).toBeLessThanOrEqual(m.confidence);
  });

  it('lets a section heading lean but not decide', () => {
    expect(idOf('Tỷ lệ phủ sóng 5G')).toBe('5g_coverage');
    expect(match('Tỷ lệ phủ sóng 5G', '%', 'Phát triển chuyển đổi số')?.id).toBe('5g_coverage');
  });

  it('flags weak or close matches as doubtful', () => {
    expect(isDoubtful({ id: 'a', confidence: 0.6 })).toBe(true);
    expect(isDoubtful({ id: 'a', confidence: 0.9, runnerUp: { id: 'b', confidence: 0.88 } })).toBe(true);
    expect(isDoubtful({ id: 'a', confidence: 0.9, runnerUp: { id: 'b', confidence: 0.5 } })).toBe(false);
    expect(isDoubtful({ id: 'a', confidence: 0.4, manual: true })).toBe(false);
  });

  it('never throws and keeps confidences in 0..1 on any input', () => {
    fc.assert(fc.property(fc.string(), fc.option(fc.string()), fc.option(fc.string()), (name, unit, section) => {
      const m = matchIndicator({ name, unit, section }, catalog);
      if (m) {
        expect(m.confidence).toBeGreaterThanOrEqual(0);
        expect(m.confidence).toBeLessThanOrEqual(1);
        expect(catalog.indicators.some(i => i.id === m.id)).toBe(true);
      }
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), name => { matchIndicator({ name }, catalog); }), { numRuns: 300 });
  });

  it('matches 3,321 communes × 20 rows well under a second', () => {
    // Realistic variety: each commune words its rows one of the fixture ways, some unaccented, some in capitals.
    const variants = fixture.filter(r => r.province).flatMap(r => [r.name, fold(r.name), r.name.toUpperCase()]);
    const fresh = defaultCatalog();
    const start = Date.now();
    let matched = 0;
    for (let c = 0; c < 3321; c++) {
      for (let i = 0; i < 20; i++) {
        const name = variants[(c * 7 + i * 13) % variants.length] as string;
        if (matchIndicator({ name, unit: '%' }, fresh)) matched++;
      }
    }
    const elapsed = Date.now() - start;
    expect(matched).toBe(3321 * 20);
    expect(elapsed).toBeLessThan(1000);
  });

  it('answers the same wording the same way', () => {
    const a = match('Tỷ lệ người dân có chữ ký số');
    expect(match('Tỷ lệ người dân có chữ ký số')).toEqual(a);
  });
});

describe('key terms weigh more than shared words', () => {
  const catalog = defaultCatalog();
  it.each([
    ['Tỷ lệ hồ sơ giải quyết TTHC trực tuyến', 'dossier_digitization'],
    ['Tỷ lệ hồ sơ giải quyết TTHC được số hóa', 'online_dossiers'],
    ['Tỷ lệ phủ sóng 6G trên địa bàn', '5g_coverage'],
  ])('%s is not matched to %s', (name, wrong) => {
    expect(matchIndicator({ name, unit: '%' }, catalog)?.id).not.toBe(wrong);
  });

  it('leaves a weak match lacking a term the row insists on unmatched, for review', () => {
    // "số hóa" and "trực tuyến" together name no single catalog indicator.
    expect(matchIndicator({ name: 'Tỷ lệ số hóa hồ sơ giải quyết thủ tục hành chính trực tuyến', unit: '%' }, catalog)).toBeNull();
  });
});
