import { type Deadline, parseDeadline } from '../../../src/core/grammar/deadline';

const due = (iso: string): Deadline => ({ kind: 'date', due: iso });
const every = (e: 'year' | 'month' | 'quarter' | 'continuous'): Deadline => ({ kind: 'recurring', every: e });

describe('parseDeadline', () => {
  test.each<[string, Deadline]>([
    ['7/2025', due('2025-07-31')],
    ['02/2026', due('2026-02-28')],
    ['2/2024', due('2024-02-29')],
    ['Tháng 12/2025', due('2025-12-31')],
    ['tháng 6 năm 2026', due('2026-06-30')],
    ['2025', due('2025-12-31')],
    ['Năm 2026', due('2026-12-31')],
    ['Quý II/2026', due('2026-06-30')],
    ['Quý 4/2025', due('2025-12-31')],
    ['Trong Quý IV/2025.', due('2025-12-31')],
    ['Quý I năm 2030', due('2030-03-31')],
    ['quy iii/2028', due('2028-09-30')],
    ['31/12/2025', due('2025-12-31')],
    ['trước 30/6/2026', due('2026-06-30')],
    ['Trước ngày 15.3.2026', due('2026-03-15')],
    ['ngày 30 tháng 6 năm 2026', due('2026-06-30')],
    ['2026-03-15', due('2026-03-15')],
    ['6 tháng đầu năm 2026', due('2026-06-30')],
    ['6 tháng cuối năm 2025', due('2025-12-31')],
    ['2025-2030', due('2030-12-31')],
    ['Giai đoạn 2026 - 2030', due('2030-12-31')],
    ['Từ 7/2025 đến 12/2026', due('2026-12-31')],
    ['Hàng năm', every('year')],
    ['Hằng năm', every('year')],
    ['hang nam', every('year')],
    ['Quý IV hằng năm', every('year')],
    ['Hàng tháng', every('month')],
    ['Hàng quý', every('quarter')],
    ['Thường xuyên', every('continuous')],
    ['Thường xuyên trong 6 tháng cuối năm', every('continuous')],
    ['Liên tục', every('continuous')],
    ['', { kind: 'none' }],
    ['-', { kind: 'none' }],
    ['Theo lộ trình tại Phụ lục I', { kind: 'unreadable' }],
    ['Tháng 12', { kind: 'unreadable' }],
    ['31/2/2026', { kind: 'unreadable' }],
    ['13/2026', { kind: 'unreadable' }],
    ['1990', { kind: 'unreadable' }],
  ])('%j', (text, expected) => {
    expect(parseDeadline(text)).toEqual(expected);
  });

  test('a date cell gives its day; a bare year number its last day', () => {
    expect(parseDeadline('', { v: { t: 'n', n: 46022 }, fmt: 'dd/mm/yyyy' })).toEqual(due('2025-12-31'));
    expect(parseDeadline('', { v: { t: 'n', n: 45839.75 }, fmt: 'm/d/yy h:mm' })).toEqual(due('2025-07-01'));
    expect(parseDeadline('2026', { v: { t: 'n', n: 2026 } })).toEqual(due('2026-12-31'));
    expect(parseDeadline('12.5', { v: { t: 'n', n: 12.5 } })).toEqual({ kind: 'unreadable' });
  });

  test('a text cell is read from its text', () => {
    expect(parseDeadline('Hàng năm', { v: { t: 's', s: 'Hàng năm' } })).toEqual(every('year'));
  });
});
