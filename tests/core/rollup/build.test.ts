import fc from 'fast-check';
import { indexMappings } from '../../../src/core/catalog/mappings';
import type { CheckReport } from '../../../src/core/check/report';
import { buildRollup } from '../../../src/core/rollup/build';
import { COUNT_STATUSES } from '../../../src/core/rollup/types';
import { TASKS, file, unreadable } from './build-report';

const FIVE_G = 'Tỷ lệ phủ sóng 5G trên địa bàn xã';
const townA = file('a/xa-a.xlsx', 'Xã An Bình', [
  { row: 6, name: FIVE_G, status: 'met', actual: 95, target: { op: '>=', value: 90 } },
  { row: 7, name: 'Tỷ lệ người dân có chữ ký số', status: 'not_met', actual: 8, target: { op: '>=', value: 10 } },
  { row: 8, name: 'Kinh phí chuyển đổi số', status: 'no_target', actual: 500, unit: 'triệu đồng' },
]);
const withTasks: CheckReport = { files: [
  { ...townA, tables: [...townA.tables, TASKS] },
  file('b/xa-b.xlsx', 'Bình Minh', [
    { row: 6, name: 'Phủ sóng 5G cho người dân', status: 'not_met', actual: 70, target: { op: '>=', value: 90 } },
    { row: 7, name: 'Tỷ lệ người dân sử dụng chữ ký số', status: 'no_data', actual: 'Không phát sinh', target: { op: '>=', value: 10 } },
    { row: 9, name: 'Kinh phi chuyen doi so', status: 'no_target', actual: 300, unit: 'triệu đồng' },
  ]),
  file('c/xa-c.xlsx', 'Cẩm Lý', [
    { row: 6, name: 'ty le phu song 5g tren dan so', status: 'met', actual: 91, target: { op: '>=', value: 90 } },
  ]),
  unreadable('d/hong.xlsx', 'Tệp hỏng'),
] };

describe('buildRollup', () => {
  const model = buildRollup(withTasks);
  const ind = (key: string) => model.indicators.find(i => i.key === key);

  it('makes one column per readable commune, sorted by name, and lists every file', () => {
    expect(model.columns.map(c => c.commune)).toEqual(['Bình Minh', 'Cẩm Lý', 'Xã An Bình']);
    expect(model.communes.map(c => [c.name, c.error])).toEqual([['Xã An Bình', null], ['Bình Minh', null], ['Cẩm Lý', null], ['hong', 'Tệp hỏng']]);
  });

  it('puts differently worded rows of one indicator on one row with a value per commune', () => {
    const g = ind('5g_coverage');
    expect(g?.values.map(v => v.commune)).toEqual(['Xã An Bình', 'Bình Minh', 'Cẩm Lý']);
    expect(g?.byColumn.map(v => v?.actual?.value ?? null)).toEqual([70, 91, 95]);
    expect(g?.counts).toMatchObject({ met: 2, not_met: 1, not_reported: 0 });
    expect(g?.shareMet).toBeCloseTo(2 / 3);
    expect([g?.min, g?.median, g?.max]).toEqual([70, 91, 95]);
    expect(g?.sharedTarget).toMatchObject({ op: '>=', value: 90 });
  });

  it('counts communes that did not report an indicator and leaves them out of the share', () => {
    const sig = ind('citizen_digital_signature');
    expect(sig?.counts).toMatchObject({ not_met: 1, no_data: 1, not_reported: 1, met: 0 });
    expect(sig?.shareMet).toBe(0);
    expect(sig?.median).toBe(8);
    const total = COUNT_STATUSES.reduce((n, s) => n + (sig?.counts[s] ?? 0), 0);
    expect(total).toBe(model.columns.length);
  });

  it('groups rows that match nothing by wording instead of dropping them', () => {
    const groups = model.indicators.filter(i => i.kind === 'unmatched');
    expect(groups).toHaveLength(1);
    expect(groups[0]?.key).toMatch(/^unmatched:kinh_phi/);
    expect(groups[0]?.values.map(v => v.file)).toEqual(['a/xa-a.xlsx', 'b/xa-b.xlsx']);
    expect(model.review.filter(r => r.kind === 'unmatched')).toHaveLength(2);
  });

  it('rolls up indicator tables only, never tasks', () => {
    expect(model.indicators.flatMap(i => i.values).some(v => v.sheet === 'NV')).toBe(false);
  });

  it('keeps each value traceable to file, sheet, row and the result cell', () => {
    const v = ind('5g_coverage')?.values[0];
    expect(v).toMatchObject({ file: 'a/xa-a.xlsx', sheet: 'PL', row: 6, cell: 'E6', name: FIVE_G, code: '1' });
  });

  it('summarises each commune', () => {
    const a = model.summaries.find(s => s.commune === 'Xã An Bình');
    expect(a).toMatchObject({ reported: 3, counts: expect.objectContaining({ met: 1, not_met: 1, no_target: 1, not_reported: 0 }) });
    const c = model.summaries.find(s => s.commune === 'Cẩm Lý');
    expect(c?.counts.not_reported).toBe(1);
    expect(c?.shareMet).toBe(1);
  });

  it('lists unreadable files and indicators most communes report but one did not', () => {
    // An unreadable file's name is not taken for a commune's.
    expect(model.review).toContainEqual({ kind: 'unreadable', file: 'd/hong.xlsx', commune: null, reason: 'Tệp hỏng' });
    expect(model.review).toContainEqual(expect.objectContaining({ kind: 'not_reported', commune: 'Cẩm Lý', key: 'citizen_digital_signature' }));
  });
});

describe('communes that sent two files', () => {
  const twice: CheckReport = { files: [
    file('old.xlsx', 'Xã Phú Thịnh', [{ row: 6, name: FIVE_G, status: 'not_met', actual: 60 }], { reportDate: '2026-03-20' }),
    file('new.xlsx', 'Phú Thịnh', [{ row: 6, name: FIVE_G, status: 'met', actual: 95 }], { reportDate: '2026-04-24' }),
    file('other.xlsx', 'Phú Lạc', [{ row: 6, name: FIVE_G, status: 'met', actual: 99 }]),
  ] };
  const model = buildRollup(twice);

  it('counts the newer file and keeps the older one traceable', () => {
    expect(model.columns.map(c => c.file)).toEqual(['other.xlsx', 'new.xlsx']);
    const g = model.indicators[0];
    expect(g?.counts.met).toBe(2);
    expect(g?.values.map(v => [v.file, v.counted])).toEqual([['old.xlsx', false], ['new.xlsx', true], ['other.xlsx', true]]);
    expect(model.communes.find(c => c.file === 'old.xlsx')?.supersededBy).toBe('new.xlsx');
    expect(model.review).toContainEqual({ kind: 'duplicate_commune', commune: 'Phú Thịnh', files: ['old.xlsx', 'new.xlsx'], kept: 'new.xlsx' });
  });
});

describe('an indicator written twice in one file', () => {
  const model = buildRollup({ files: [file('x.xlsx', 'Xã X', [
    { row: 6, name: 'Tỷ lệ phủ sóng 5G trên địa bàn xã', status: 'met', actual: 62 },
    { row: 20, name: 'Tỷ lệ phủ sóng 5G trên địa bàn', status: 'no_data' },
  ])] });

  it('counts the first row and lists the repetition', () => {
    expect(model.indicators[0]?.byColumn[0]?.row).toBe(6);
    expect(model.review).toContainEqual(expect.objectContaining({ kind: 'duplicate_row', key: '5g_coverage', cells: ['E6', 'B20'] }));
  });
});

describe('one path named by two reports', () => {
  // The pane names a file by its name alone, so two uploads of "bao-cao.xlsx" from two folders share it.
  const model = buildRollup({ files: [
    file('bao-cao.xlsx', 'Xã An Bình', [{ row: 6, name: FIVE_G, status: 'met', actual: 95 }]),
    file('bao-cao.xlsx', 'Xã Phú Lạc', [{ row: 6, name: FIVE_G, status: 'not_met', actual: 40 }]),
    file('khac.xlsx', 'Xã Tân Phú', [{ row: 6, name: FIVE_G, status: 'met', actual: 99 }]),
  ] });

  it('counts the path once per indicator, and every column of that path shows its first row', () => {
    const g = model.indicators[0];
    expect(g?.values.map(v => [v.commune, v.counted])).toEqual([['Xã An Bình', true], ['Xã Phú Lạc', false], ['Xã Tân Phú', true]]);
    expect(model.columns.map(c => c.commune)).toEqual(['Xã An Bình', 'Xã Phú Lạc', 'Xã Tân Phú']);
    expect(g?.byColumn.map(v => v?.actual?.value)).toEqual([95, 95, 99]);
  });
});

describe('each column of an indicator', () => {
  it('shows the counted value of its own file, or nothing', () => {
    const names = ['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx'];
    const spec = fc.array(fc.record({ file: fc.constantFrom(...names), commune: fc.constantFrom('Xã An Bình', 'Xã Phú Lạc', 'Xã Tân Phú'),
      rows: fc.array(fc.constantFrom(6, 7, 8), { maxLength: 3 }), date: fc.constantFrom('2026-04-20', '2026-04-24') }), { maxLength: 8 });
    fc.assert(fc.property(spec, files => {
      const model = buildRollup({ files: files.map(f => file(f.file, f.commune, f.rows.map(r => ({ row: r, name: FIVE_G, status: 'met' as const, actual: r })), { reportDate: f.date })) });
      for (const ind of model.indicators) {
        ind.byColumn.forEach((v, col) => {
          const column = model.columns[col];
          const counted = ind.values.find(x => x.file === column?.file && x.counted);
          expect(v).toBe(counted ?? null);
        });
        // A file's value is counted at most once per indicator.
        const files = ind.values.filter(x => x.counted).map(x => x.file);
        expect(new Set(files).size).toBe(files.length);
      }
    }), { numRuns: 300 });
  });
});

describe('people’s corrections', () => {
  it('override the matcher', () => {
    const model = buildRollup({ files: [file('x.xlsx', 'Xã X', [{ row: 6, name: 'Kinh phí chuyển đổi số', status: 'no_target', actual: 5, unit: 'triệu đồng' }])] },
      { mappings: indexMappings({ version: 1, mappings: [{ name: 'kinh phi chuyen doi so', id: 'stc_budget_share' }] }) });
    expect(model.indicators.map(i => i.key)).toEqual(['stc_budget_share']);
    expect(model.indicators[0]?.values[0]?.match).toMatchObject({ manual: true, confidence: 1, doubtful: false });
    expect(model.review.some(r => r.kind === 'unmatched' || r.kind === 'low_confidence')).toBe(false);
  });
});

describe('robustness', () => {
  it('handles an empty report', () => {
    expect(buildRollup({ files: [] })).toEqual({ communes: [], columns: [], indicators: [], summaries: [], review: [] });
  });

  it('never throws, and every counted value sits in its commune column', () => {
    const status = fc.constantFrom('met', 'not_met', 'at_risk', 'no_data', 'not_applicable', 'manual', 'no_target', 'invalid' as const);
    const rowSpec = fc.record({ row: fc.integer({ min: 1, max: 200 }), name: fc.oneof(fc.string(), fc.constantFrom(FIVE_G, 'Tỷ lệ người dân có chữ ký số', 'Kinh phí')), status, actual: fc.option(fc.oneof(fc.double({ noNaN: true }), fc.string())) });
    fc.assert(fc.property(fc.array(fc.tuple(fc.option(fc.constantFrom('A', 'B', 'Xã A', 'C')), fc.array(rowSpec, { maxLength: 6 }), fc.boolean()), { maxLength: 6 }), specs => {
      const files = specs.map(([commune, rows, broken], i) => broken ? unreadable(`f${i}.xlsx`, 'hỏng') : file(`f${i}.xlsx`, commune, rows));
      const model = buildRollup({ files });
      for (const ind of model.indicators) {
        expect(ind.byColumn).toHaveLength(model.columns.length);
        ind.byColumn.forEach((v, col) => { if (v) expect(v.file).toBe(model.columns[col]?.file); });
        const total = COUNT_STATUSES.reduce((n, s) => n + ind.counts[s], 0);
        expect(total).toBe(model.columns.length);
      }
    }), { numRuns: 150 });
  });
});

describe('communes whose names differ only by their marks', () => {
  const FIVE_G = 'Tỷ lệ phủ sóng 5G';
  const files = [
    file('tx1.xlsx', 'Thành Xuyên', [{ row: 6, name: FIVE_G, status: 'met', actual: 95 }]),
    file('tx2.xlsx', 'Thanh Xuyên', [{ row: 6, name: FIVE_G, status: 'not_met', actual: 50 }]),
    file('dh1.xlsx', 'Xã Đồng Hà', [{ row: 6, name: FIVE_G, status: 'met', actual: 91 }]),
    file('dh2.xlsx', 'Đông Hà', [{ row: 6, name: FIVE_G, status: 'met', actual: 92 }]),
    // One commune twice: the tone mark placed the old way, the council's name before it.
    file('ha-old.xlsx', 'UBND xã Hoà An', [{ row: 6, name: FIVE_G, status: 'not_met', actual: 40 }], { reportDate: '2026-04-01' }),
    file('ha-new.xlsx', 'HÒA AN', [{ row: 6, name: FIVE_G, status: 'met', actual: 96 }], { reportDate: '2026-04-24' }),
  ];
  const model = buildRollup({ files });

  it('are distinct communes, each with its column', () => {
    expect(model.columns.map(c => c.file).sort()).toEqual(['dh1.xlsx', 'dh2.xlsx', 'ha-new.xlsx', 'tx1.xlsx', 'tx2.xlsx']);
    expect(model.indicators[0]?.counts.met).toBe(4);
  });

  it('while one commune written with its marks placed otherwise is one commune that sent two files', () => {
    expect(model.communes.find(c => c.file === 'ha-old.xlsx')?.supersededBy).toBe('ha-new.xlsx');
    expect(model.review.filter(r => r.kind === 'duplicate_commune')).toEqual([
      { kind: 'duplicate_commune', commune: 'HÒA AN', files: ['ha-old.xlsx', 'ha-new.xlsx'], kept: 'ha-new.xlsx' },
    ]);
  });
});

describe('communes of one name in two provinces, when the caller knows each file\'s province', () => {
  const FIVE_G = 'Tỷ lệ phủ sóng 5G';
  const files = [
    file('hn/ba-dinh.xlsx', 'Phường Ba Đình', [{ row: 6, name: FIVE_G, status: 'met', actual: 95 }]),
    file('th/ba-dinh.xlsx', 'Xã Ba Đình', [{ row: 6, name: FIVE_G, status: 'not_met', actual: 50 }], { reportDate: '2026-04-01' }),
    file('th/ba-dinh-moi.xlsx', 'Ba Đình', [{ row: 6, name: FIVE_G, status: 'met', actual: 91 }], { reportDate: '2026-04-24' }),
    file('hn/tay-ho.xlsx', 'Tây Hồ', [{ row: 6, name: FIVE_G, status: 'met', actual: 93 }]),
  ];
  const provinceOf = (f: string) => f.split('/')[0];

  it('are two communes, shown with their province; a commune sending twice within one is still one', () => {
    const model = buildRollup({ files }, { provinceOf });
    expect(model.columns.map(c => [c.commune, c.file])).toEqual([
      ['Ba Đình (th)', 'th/ba-dinh-moi.xlsx'], ['Phường Ba Đình (hn)', 'hn/ba-dinh.xlsx'], ['Tây Hồ', 'hn/tay-ho.xlsx'],
    ]);
    expect(model.communes.find(c => c.file === 'th/ba-dinh.xlsx')?.supersededBy).toBe('th/ba-dinh-moi.xlsx');
  });

  it('are one commune sending three files without it', () => {
    const model = buildRollup({ files });
    expect(model.columns.map(c => c.file)).toEqual(['th/ba-dinh-moi.xlsx', 'hn/tay-ho.xlsx']);
  });
});
