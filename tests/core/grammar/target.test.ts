import fc from 'fast-check';
import type { Cell } from '../../../src/core/grid/types';
import { type Target, parseTarget, parseTargetCell } from '../../../src/core/grammar/target';

const num = (op: '>=' | '>' | '<=' | '<', value: number, percent: boolean, upper?: number): Target =>
  upper === undefined ? { kind: 'numeric', op, value, percent } : { kind: 'numeric', op, value, percent, upper };

describe('parseTarget: numeric', () => {
  test.each<[string, Target]>([
    ['≥ 80', num('>=', 80, false)],
    ['>= 80', num('>=', 80, false)],
    ['≥80%', num('>=', 80, true)],
    ['=> 80', num('>=', 80, false)],
    ['80', num('>=', 80, false)],
    ['80%', num('>=', 80, true)],
    ['100%', num('>=', 100, true)],
    ['> 80', num('>', 80, false)],
    ['>40', num('>', 40, false)],
    ['Trên 80%', num('>', 80, true)],
    ['Trên 90%', num('>', 90, true)],
    ['≤ 5', num('<=', 5, false)],
    ['<= 5%', num('<=', 5, true)],
    ['< 5', num('<', 5, false)],
    ['Tối đa 5%', num('<=', 5, true)],
    ['Không quá 5%', num('<=', 5, true)],
    ['Không vượt quá 2', num('<=', 2, false)],
    ['Dưới 5%', num('<', 5, true)],
    ['Phấn đấu đạt 3%', num('>=', 3, true)],
    ['Đạt 3%', num('>=', 3, true)],
    ['Đạt 100%', num('>=', 100, true)],
    ['Đạt trên 3%', num('>', 3, true)],
    ['phấn đấu ít nhất 3%', num('>=', 3, true)],
    ['Tối thiểu 100%', num('>=', 100, true)],
    ['Ít nhất 80%', num('>=', 80, true)],
    ['Không thấp hơn 80%', num('>=', 80, true)],
    ['Không dưới 80%', num('>=', 80, true)],
    ['Từ 80% trở lên', num('>=', 80, true)],
    ['5% trở xuống', num('<=', 5, true)],
    ['Duy trì 100%', num('>=', 100, true)],
    ['(3%)', num('>=', 3, true)],
    ['Duy trì (3%)', num('>=', 3, true)],
    ['≥ 95,0%', num('>=', 95, true)],
    ['≥ 62,5', num('>=', 62.5, false)],
    ['Đạt ≥ 90%', num('>=', 90, true)],
    ['Phấn đấu đạt 10%', num('>=', 10, true)],
    ['Hoàn thành 100%', num('>=', 100, true)],
    ['≥ 90% dân số', num('>=', 90, true)],
    ['100% số xã', num('>=', 100, true)],
    ['Đến năm 2030 đạt 100%', num('>=', 100, true)],
    ['Trên 1 Gb/s', num('>', 1, false)],
    ['80-90%', num('>=', 80, true, 90)],
    ['80 - 90 %', num('>=', 80, true, 90)],
    ['80–90%', num('>=', 80, true, 90)],
    ['80% - 90%', num('>=', 80, true, 90)],
    ['Từ 80% đến 90%', num('>=', 80, true, 90)],
    // spacing, case, missing diacritics, NBSP, NFD
    ['  PHẤN   ĐẤU  ĐẠT  3 %  ', num('>=', 3, true)],
    ['phan dau dat 3%', num('>=', 3, true)],
    ['dat tren 3%', num('>', 3, true)],
    ['TOI THIEU 80%', num('>=', 80, true)],
    ['≥\u00a090%', num('>=', 90, true)],
    ['Trên 85%'.normalize('NFD'), num('>', 85, true)],
  ])('%j', (text, expected) => {
    expect(parseTarget(text)).toEqual(expected);
  });
});

describe('parseTarget: other kinds', () => {
  test.each<[string, Target['kind']]>([
    ['100% & 97% CB', 'compound'],
    ['Duy trì 100% & 98% VB', 'compound'],
    ['≥ 95 đối với cơ sở giáo dục phổ thông; ≥ 95 đối với cơ sở giáo dục mầm non', 'compound'],
    ['90% và 95%', 'compound'],
    ['', 'none'],
    ['   ', 'none'],
    ['-', 'none'],
    ['–', 'none'],
    ['…', 'none'],
    ['(Chưa có chỉ tiêu 2025)', 'none'],
    ['Chưa có chỉ tiêu', 'none'],
    ['Không áp dụng', 'none'],
    ['Đạt', 'binary'],
    ['đạt.', 'binary'],
    ['Hoàn thành', 'binary'],
    ['Có', 'binary'],
    ['Đạt chuẩn', 'binary'],
    ['Báo cáo', 'report'],
    ['Báo cáo kết quả', 'report'],
    ['Tăng cường ứng dụng', 'descriptive'],
    ['Tiên tiến, hiện đại, dung lượng siêu lớn, băng thông siêu rộng', 'descriptive'],
    ['Duy trì', 'descriptive'],
    ['Kịp thời sử dụng', 'descriptive'],
    ['(Đã đạt)', 'descriptive'],
    ['Đặt', 'descriptive'], // "place", not "Đạt"
    ['Tăng 10%', 'descriptive'], // relative, not a level
    ['10% so với năm 2025', 'descriptive'],
    ['Phủ sóng 5G đạt 100%', 'descriptive'],
    ['31/12/2025', 'descriptive'],
    ['1.2.3', 'descriptive'],
  ])('%j → %s', (text, kind) => {
    expect(parseTarget(text).kind).toBe(kind);
  });
});

describe('parseTargetCell', () => {
  const cell = (c: Cell) => parseTargetCell(c);

  test('a number is "at least"', () => {
    expect(cell({ v: { t: 'n', n: 80 } })).toEqual({ kind: 'numeric', op: '>=', value: 80, percent: false, text: '80' });
  });

  test('a percent-formatted fraction is a percentage', () => {
    expect(cell({ v: { t: 'n', n: 0.8 }, fmt: '0%' })).toEqual({ kind: 'numeric', op: '>=', value: 80, percent: true, text: '80%' });
    expect(cell({ v: { t: 'n', n: 0.8540000000000001 }, fmt: '0.00%' })).toMatchObject({ value: 85.4 });
  });

  test('a date is descriptive and shows the date', () => {
    expect(cell({ v: { t: 'n', n: 46022 }, fmt: 'dd/mm/yyyy' })).toEqual({ kind: 'descriptive', text: '31/12/2025' });
    expect(cell({ v: { t: 'n', n: 46022 }, fmt: 'm/d/yy' })).toEqual({ kind: 'descriptive', text: '31/12/2025' });
  });

  test('text is parsed and cleaned', () => {
    expect(cell({ v: { t: 's', s: ' ≥\u00a090% ' } })).toEqual({ kind: 'numeric', op: '>=', value: 90, percent: true, text: '≥ 90%' });
  });

  test('empty, error and boolean cells', () => {
    expect(parseTargetCell(undefined)).toEqual({ kind: 'none', text: '' });
    expect(cell({ v: { t: 'e', e: '#REF!' } })).toEqual({ kind: 'descriptive', text: '#REF!' });
    expect(cell({ v: { t: 'b', b: true } })).toEqual({ kind: 'binary', text: 'TRUE' });
    // A fraction too large to show as a percentage overflows: not a number to compare.
    expect(cell({ v: { t: 'n', n: -1.7e307 }, fmt: '0.00%' }).kind).toBe('descriptive');
  });
});

describe('parseTarget round-trips', () => {
  const value = fc.integer({ min: 0, max: 100_000 }).chain(n =>
    fc.integer({ min: 0, max: 2 }).map(d => ({ x: n / 10 ** d, d })));
  const written = ({ x, d }: { x: number; d: number }) => x.toFixed(d);
  const comma = ({ x, d }: { x: number; d: number }) => x.toFixed(d).replace('.', ',');

  test('"≥ x" gives back x', () => {
    fc.assert(fc.property(value, v => {
      expect(parseTarget(`≥ ${written(v)}`)).toEqual(num('>=', v.x, false));
      expect(parseTarget(`≥ ${comma(v)}`)).toEqual(num('>=', v.x, false));
    }));
  });

  test('"x%" gives back x percent', () => {
    fc.assert(fc.property(value, v => {
      expect(parseTarget(`${comma(v)}%`)).toEqual(num('>=', v.x, true));
    }));
  });

  test('comparator words give the right op whatever the case', () => {
    const forms: Array<[string, '>=' | '>' | '<=' | '<']> = [
      ['Trên', '>'], ['Dưới', '<'], ['Tối đa', '<='], ['Tối thiểu', '>='], ['Phấn đấu đạt', '>='], ['>', '>'], ['≤', '<='],
    ];
    fc.assert(fc.property(fc.constantFrom(...forms), value, fc.boolean(), ([word, op], v, upper) => {
      const w = upper ? word.toUpperCase() : word;
      expect(parseTarget(`${w} ${comma(v)}%`)).toEqual(num(op, v.x, true));
    }));
  });
});
