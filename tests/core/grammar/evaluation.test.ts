import fc from 'fast-check';
import { type Verdict, parseVerdict } from '../../../src/core/grammar/evaluation';

describe('parseVerdict', () => {
  test.each<[string, Verdict | null]>([
    ['Đạt', 'met'],
    ['đạt', 'met'],
    ['DAT', 'met'],
    ['Đạt (vượt 5%)', 'met'],
    ['Hoàn thành', 'met'],
    ['Đã đạt', 'met'],
    ['Đã hoàn thành', 'met'],
    ['Vượt chỉ tiêu', 'met'],
    ['Chưa đạt', 'not_met'],
    ['chua dat', 'not_met'],
    ['CHƯA ĐẠT', 'not_met'],
    ['Không đạt', 'not_met'],
    ['Chưa hoàn thành', 'not_met'],
    ['Chưa đạt do thiếu kinh phí', 'not_met'],
    ['Đạt một phần', 'not_met'],
    ['Khó đạt', 'at_risk'],
    ['Có nguy cơ không đạt', 'at_risk'],
    ['Nguy cơ không hoàn thành', 'at_risk'],
    ['Chưa đánh giá', 'no_data'],
    ['Chưa có số liệu', 'no_data'],
    ['Không phát sinh', null],
    ['Đặt', null],
    ['Đất', null],
    ['', null],
    ['-', null],
    ['95%', null],
    ['Ghi chú', null],
  ])('%j → %s', (text, expected) => {
    expect(parseVerdict(text)).toBe(expected);
  });

  test('NFD, NBSP and extra spaces do not matter', () => {
    expect(parseVerdict('  Chưa\u00a0\u00a0đạt '.normalize('NFD'))).toBe('not_met');
    expect(parseVerdict('Khó   đạt'.normalize('NFD'))).toBe('at_risk');
  });

  test('a negated verdict is never read as met', () => {
    fc.assert(fc.property(fc.constantFrom('Chưa', 'Không', 'chua', 'KHONG'), fc.constantFrom('đạt', 'dat', 'hoàn thành'), fc.string(), (neg, verb, rest) => {
      expect(parseVerdict(`${neg} ${verb} ${rest}`)).not.toBe('met');
    }));
  });
});
