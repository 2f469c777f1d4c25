import * as fs from 'fs';
import * as path from 'path';
import { type TaskProgress, parseTaskProgress } from '../../../src/core/grammar/task-result';

describe('parseTaskProgress', () => {
  test.each<[string, TaskProgress | null]>([
    ['Đã hoàn thành', 'done'],
    ['Hoàn thành', 'done'],
    ['hoan thanh', 'done'],
    ['Đã hoàn thành việc lắp đặt 12 camera', 'done'],
    ['Hoàn thành 100%', 'done'],
    ['Đã triển khai xong', 'done'],
    ['Đã thực hiện', 'done'],
    ['Đã ban hành Kế hoạch số 12/KH-UBND', 'done'],
    ['Hoàn thành 80%', 'in_progress'],
    ['Hoàn thành một phần', 'in_progress'],
    ['Đang triển khai', 'in_progress'],
    ['Đang triển khai thực hiện', 'in_progress'],
    ['Đang thực hiện', 'in_progress'],
    ['dang thuc hien', 'in_progress'],
    ['Chưa hoàn thành', 'in_progress'],
    ['Đã khảo sát, đang lập dự toán', 'in_progress'],
    ['Tiếp tục triển khai', 'in_progress'],
    ['Chưa thực hiện', 'not_started'],
    ['Chưa triển khai', 'not_started'],
    ['Chưa thực hiện, đang chờ kinh phí', 'not_started'],
    ['Do thiếu kinh phí nên chưa triển khai', 'not_started'],
    ['Không thực hiện', 'not_started'],
    ['Có ảnh hưởng đáng kể', null], // "đáng" is not "đang"
    ['Không phát sinh', null],
    ['', null],
    ['-', null],
    ['Nhiệm vụ tỉnh giao', null],
  ])('%j → %s', (text, expected) => {
    expect(parseTaskProgress(text)).toBe(expected);
  });

  // Real task results of the Phú Thịnh report (PL nhiệm vụ, column C), judged against truth.json.
  const phuThinh: ReadonlyArray<[number, string]> = [
    [5, 'Đã hoàn thành'],
    [6, 'Chưa thực hiện'],
    [7, 'Hiện nay, hệ thống phòng họp không giấy đã được triển khai phục vụ các cuộc họp của khối Đảng tại địa phương; '
      + 'đối với UBND xã đang từng bước nghiên cứu, xem xét điều kiện triển khai trong thời gian tới.'],
    [8, 'Đã hoàn thành'],
    [9, 'Đã hoàn thành'],
    [10, 'Đã hoàn thành'],
    [11, 'Chưa thực hiện'],
    [12, 'Chưa thực hiện'],
    [13, 'Đã hoàn thành'],
    [14, 'Đã hoàn thành'],
    [15, 'Đang triển khai thực hiện'],
  ];

  interface TruthRow { readonly row: number; readonly status: string }
  interface Truth {
    readonly workbooks: ReadonlyArray<{ readonly file: string; readonly sheets: ReadonlyArray<{ readonly sheet: string; readonly tables: ReadonlyArray<{ readonly kind: string; readonly rows: readonly TruthRow[] }> }> }>;
  }
  const truth = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/truth.json'), 'utf8')) as Truth;
  const tasks = truth.workbooks.find(w => w.file.startsWith('phu-thinh'))?.sheets
    .flatMap(s => s.tables).find(t => t.kind === 'tasks')?.rows ?? [];

  test('the truth file lists the Phú Thịnh task rows', () => {
    expect(tasks.map(t => t.row)).toEqual(phuThinh.map(([row]) => row));
  });

  test.each(phuThinh)('Phú Thịnh row %d agrees with truth.json', (row, text) => {
    const expected = tasks.find(t => t.row === row)?.status;
    expect(parseTaskProgress(text)).toBe(expected);
  });
});
