import type { Cell } from '../../../src/core/grid/types';
import { type Result, isNotApplicableText, parseResultCell, parseResultText } from '../../../src/core/grammar/result';

const number = (value: number, percent: boolean, text: string): Result => ({ kind: 'number', value, percent, text });

describe('parseResultCell: numeric cells', () => {
  test.each<[Cell, Result]>([
    [{ v: { t: 'n', n: 100 } }, number(100, false, '100')],
    [{ v: { t: 'n', n: 72.5 }, fmt: '0.00' }, number(72.5, false, '72.5')],
    [{ v: { t: 'n', n: 0.725 }, fmt: '0.00%' }, number(72.5, true, '72.5%')],
    [{ v: { t: 'n', n: 1 }, fmt: '0%' }, number(100, true, '100%')],
    [{ v: { t: 'n', n: 0.8540000000000001 }, fmt: '0.00%' }, number(85.4, true, '85.4%')],
    [{ v: { t: 'n', n: 99.66666666666667 }, f: 'E8/F8*100', fmt: '0.00' }, number(99.66666666666667, false, '99.66666666666667')],
  ])('%j', (c, expected) => {
    expect(parseResultCell(c)).toEqual(expected);
  });

  test('errors, dates, booleans and missing cells', () => {
    expect(parseResultCell({ v: { t: 'e', e: '#DIV/0!' }, f: 'E15/F15*100' })).toEqual({ kind: 'error', code: '#DIV/0!', text: '#DIV/0!' });
    expect(parseResultCell({ v: { t: 'n', n: 46022 }, fmt: 'dd/mm/yyyy' })).toEqual({ kind: 'unreadable', text: '31/12/2025' });
    expect(parseResultCell({ v: { t: 'b', b: false } })).toEqual({ kind: 'unreadable', text: 'FALSE' });
    expect(parseResultCell({ v: { t: 'n', n: 1.7e308 }, fmt: '0%' }).kind).toBe('unreadable');
    expect(parseResultCell(undefined)).toEqual({ kind: 'empty' });
    expect(parseResultCell({ v: { t: 's', s: '  ' } })).toEqual({ kind: 'empty' });
  });
});

describe('parseResultText', () => {
  test.each<[string, Result]>([
    ['72,5', number(72.5, false, '72,5')],
    ['99,67', number(99.67, false, '99,67')],
    ['72,5%', number(72.5, true, '72,5%')],
    ['1.484', number(1484, false, '1.484')],
    [' 100 % ', number(100, true, '100 %')],
    ['Đạt 95%', number(95, true, 'Đạt 95%')],
    ['95% (ước)', number(95, true, '95% (ước)')],
    ['Ước đạt 88,5%', number(88.5, true, 'Ước đạt 88,5%')],
    ['95% dân số', number(95, true, '95% dân số')],
    ['Năm 2026 đạt 81%', number(81, true, 'Năm 2026 đạt 81%')],
    ['Không phát sinh thủ tục hành chính thuộc diện “phi tiếp xúc” trong kỳ báo cáo',
      { kind: 'not_applicable', text: 'Không phát sinh thủ tục hành chính thuộc diện “phi tiếp xúc” trong kỳ báo cáo' }],
    ['Không phát sinh', { kind: 'not_applicable', text: 'Không phát sinh' }],
    ['khong phat sinh ho so', { kind: 'not_applicable', text: 'khong phat sinh ho so' }],
    ['0 (không phát sinh hồ sơ)', { kind: 'not_applicable', text: '0 (không phát sinh hồ sơ)' }],
    ['Không áp dụng', { kind: 'not_applicable', text: 'Không áp dụng' }],
    ['N/A', { kind: 'not_applicable', text: 'N/A' }],
    ['Đạt', { kind: 'verdict', verdict: 'met', text: 'Đạt' }],
    ['Chưa đạt', { kind: 'verdict', verdict: 'not_met', text: 'Chưa đạt' }],
    ['Chưa đạt 80%', { kind: 'verdict', verdict: 'not_met', text: 'Chưa đạt 80%' }], // 80 is the target, not the result
    ['Chưa có số liệu', { kind: 'verdict', verdict: 'no_data', text: 'Chưa có số liệu' }],
    ['-', { kind: 'empty' }],
    ['–', { kind: 'empty' }],
    ['100% & 98%', { kind: 'unreadable', text: '100% & 98%' }],
    ['≥ 95', { kind: 'unreadable', text: '≥ 95' }],
    ['95% kế hoạch', { kind: 'unreadable', text: '95% kế hoạch' }],
    ['Đang sử dụng thống nhất', { kind: 'unreadable', text: 'Đang sử dụng thống nhất' }],
  ])('%j', (text, expected) => {
    expect(parseResultText(text)).toEqual(expected);
  });

  test('text cells go through the same grammar', () => {
    expect(parseResultCell({ v: { t: 's', s: '66,8%' } })).toEqual(number(66.8, true, '66,8%'));
  });
});

describe('isNotApplicableText', () => {
  test.each([
    ['Không phát sinh', true],
    ['KHÔNG CÓ PHÁT SINH', true],
    ['Chưa phát sinh trong kỳ', true],
    ['Đạt', false],
    ['Không đạt', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isNotApplicableText(text)).toBe(expected);
  });
});
