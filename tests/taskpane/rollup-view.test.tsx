/** @jest-environment jsdom */
import './jsdom-setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { buildRollup, rollupPlans } from '../../src/core/rollup';
import { addPlans } from '../../src/xlsx/plan-sheets';
import { checkWorkbook } from '../../src/core/check/check';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { RollupView } from '../../src/taskpane/rollup/RollupView';
import { bookOf, sheetOf } from '../helpers/grid';
import { FakeHost } from './fake-host';
import { renderPane } from './render';
import { pulled } from '../helpers/plans';

/** Workers the pane started; with mockHold set they answer only when released (to cancel a file mid-check). */
const mockWorkers: import('./worker/in-process').InProcessWorker[] = [];
let mockHold = false;
jest.mock('../../src/taskpane/worker/spawn', () => ({
  spawnCheckWorker: () => {
    const { InProcessWorker } = jest.requireActual('./worker/in-process') as typeof import('./worker/in-process');
    const w = new InProcessWorker();
    w.hold = mockHold;
    mockWorkers.push(w);
    return w;
  },
}));

function commune(name: string, wording: string, actual: string) {
  return sheetOf(name, [
    [`UBND xã ${name}`],
    ['BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2026'],
    [],
    ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu năm 2026', 'Kết quả thực hiện năm 2026'],
    ['1', wording, '%', '≥ 90%', actual],
    ['2', 'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình', '%', '≥ 80%', '85'],
    ['3', 'Số lượng tổ công nghệ số cộng đồng kỳ lạ chưa từng có', 'Tổ', '≥ 5', '6'],
  ]);
}

function province(): WorkbookGrid {
  return bookOf(
    commune('Phú Thịnh', 'Tỷ lệ phủ sóng 5G trên dân số', '72,5'),
    commune('Gia Phúc', 'Phủ sóng 5G cho người dân', '95'),
    commune('Quyết Thắng', 'Tỷ lệ người dân sử dụng sóng 5G', '91'),
  );
}

beforeEach(() => { localStorage.clear(); mockHold = false; mockWorkers.length = 0; });
jest.setTimeout(30000);

async function rolledUp(host: FakeHost) {
  renderPane(<RollupView host={host} />);
  fireEvent.click(screen.getByRole('button', { name: 'Dùng các trang của sổ tính đang mở' }));
  return screen.findByTestId('rollup-summary', undefined, { timeout: 5000 });
}

describe('RollupView', () => {
  it('checks each sheet of the open workbook, shows one finished bar per commune and the summary', async () => {
    const host = new FakeHost(province());
    const summary = await rolledUp(host);
    const queue = screen.getByTestId('file-queue');
    expect(within(queue).getAllByRole('listitem')).toHaveLength(3);
    expect(within(queue).getAllByRole('listitem').every(li => li.getAttribute('data-state') === 'done')).toBe(true);
    expect(summary.textContent).toMatch(/^3 xã/);
  });

  it('lists matches weakest first, and a correction re-matches every commune using that wording', async () => {
    const host = new FakeHost(province());
    await rolledUp(host);
    const review = screen.getByTestId('match-review');
    const confidences = within(review).getAllByRole('listitem').map(li => Number(li.getAttribute('data-confidence')));
    const firstCorrected = confidences.findIndex(c => c === 1);
    const ranked = firstCorrected < 0 ? confidences : confidences.slice(0, firstCorrected);
    // Unmatched (0) first, then ascending confidence among those not yet corrected by a person.
    expect(ranked[0]).toBe(0);
    const picker = screen.getByRole('combobox', { name: /kỳ lạ chưa từng có/ });
    fireEvent.change(picker, { target: { value: 'phu song 5g' } });
    fireEvent.click(picker);
    const option = (await screen.findAllByRole('option'))[0]!;
    const pickedName = option.textContent ?? '';
    fireEvent.click(option);
    // The corrected wording leaves the cards for the short list of reviewed matches.
    await waitFor(() => expect(within(screen.getByTestId('match-reviewed')).getByText(/kỳ lạ chưa từng có/)).toBeTruthy());
    expect(within(screen.getByTestId('match-review')).queryByText(/kỳ lạ chưa từng có/)).toBeNull();
    const saved = JSON.parse(localStorage.getItem('phuluc57.mappings') ?? '{}') as { mappings: { name: string; id: string }[] };
    expect(saved.mappings).toHaveLength(1);
    expect(saved.mappings[0]?.name).toBe('Số lượng tổ công nghệ số cộng đồng kỳ lạ chưa từng có');
    expect(pickedName).toMatch(/5G/);
  });

  it('writes the core rollup plans through the host', async () => {
    const host = new FakeHost(province());
    await rolledUp(host);
    fireEvent.click(screen.getByRole('button', { name: 'Ghi các trang tổng hợp' }));
    await waitFor(() => expect(host.sheetsWritten).toHaveLength(1));
    const files = province().sheets.map(s => checkWorkbook({ sheets: [s] }, { file: s.name }));
    expect(pulled(host.sheetsWritten[0] ?? [])).toEqual(pulled(rollupPlans(buildRollup({ files }))));
    await screen.findByText(/Đã ghi các trang: Tổng hợp, Theo xã, Dữ liệu, Cần xem lại/);
  });

  it('a dropped file that is not a workbook fails with its reason, without blocking the others', async () => {
    const host = new FakeHost(province());
    const { container } = renderPane(<RollupView host={host} />);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    const bad = new File(['a;b;c\n1;2;3\n'], 'xa-a.xlsx');
    fireEvent.change(input, { target: { files: [bad] } });
    const failed = await screen.findByTestId('failed-files', undefined, { timeout: 5000 });
    expect(failed.textContent).toMatch(/xa-a\.xlsx: Tệp là văn bản CSV được đổi tên thành \.xlsx, không phải sổ tính Excel\./);
    expect(screen.getByText('xa-a.xlsx', { selector: '[title]' }).closest('li')?.getAttribute('data-state')).toBe('failed');
  });

  it('counts failed files apart and lists them first, with their reasons; they are not "done"', async () => {
    const host = new FakeHost(province());
    const { container } = renderPane(<RollupView host={host} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dùng các trang của sổ tính đang mở' }));
    await screen.findByTestId('rollup-summary', undefined, { timeout: 5000 });
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['PK\u0003\u0004 truncated'], 'xa-hong.xlsx')] } });
    const failed = await screen.findByTestId('failed-files', undefined, { timeout: 5000 });
    await waitFor(() => expect(screen.getByRole('heading', { name: /Tệp đã đọc/ }).textContent).toMatch(/\(3\/4\)/));
    expect(failed.textContent).toMatch(/1 tệp không đọc được/);
    expect(within(failed).getAllByTestId('failed-file').map(li => li.textContent?.split(':')[0])).toEqual(['xa-hong.xlsx']);
    // First thing in the view, above the intro and the drop zone.
    expect(failed.parentElement?.firstElementChild).toBe(failed);
    expect(failed.parentElement?.contains(container.querySelector('[data-testid=file-drop]'))).toBe(true);
    // The rollup still goes ahead with the three readable communes.
    await waitFor(() => expect(screen.getByTestId('rollup-status').textContent).toBe('Sẵn sàng: 3 xã'));
  });

  it('keeps the main action in a sticky bar, waiting (disabled) while files are read', async () => {
    mockHold = true;
    const host = new FakeHost(province());
    renderPane(<RollupView host={host} />);
    expect(screen.queryByTestId('rollup-main-action')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Dùng các trang của sổ tính đang mở' }));
    const bar = await screen.findByTestId('rollup-main-action');
    expect(getComputedStyle(bar).position).toBe('sticky');
    expect(getComputedStyle(bar).bottom).toBe('0px');
    const write = within(bar).getByRole('button', { name: 'Ghi các trang tổng hợp' });
    expect((write as HTMLButtonElement).disabled).toBe(true);
    expect(within(bar).getByTestId('rollup-status').textContent).toMatch(/^Đang đọc: \d\/3 tệp xong$/);
    for (const w of mockWorkers) w.hold = false;
    await waitFor(() => {
      for (const w of mockWorkers) w.release();
      expect(screen.queryByTestId('rollup-summary')).toBeTruthy();
    }, { timeout: 5000 });
    await waitFor(() => expect((within(bar).getByRole('button', { name: 'Ghi các trang tổng hợp' }) as HTMLButtonElement).disabled).toBe(false), { timeout: 5000 });
    // The bar is the view's last element: sticky to the bottom, it is on screen wherever the review is scrolled.
    expect(bar.parentElement?.lastElementChild).toBe(bar);
  });

  it('collapses reviewed matches into a short list, and a reviewed one can be opened again', async () => {
    const host = new FakeHost(province());
    await rolledUp(host);
    const cards = () => within(screen.getByTestId('match-review')).queryAllByRole('listitem');
    const before = cards().length;
    const accept = screen.getAllByRole('button', { name: /^Ghép đúng: / })[0]!;
    const name = accept.getAttribute('aria-label')!.replace('Ghép đúng: ', '');
    fireEvent.click(accept);
    expect(cards()).toHaveLength(before - 1);
    const short = screen.getByTestId('match-reviewed');
    expect(within(short).getByText(new RegExp(name.slice(0, 20)))).toBeTruthy();
    expect(screen.getByText('Đã rà soát (1)')).toBeTruthy();
    fireEvent.click(within(short).getByRole('button', { name: `Sửa lại: ${name}` }));
    expect(cards()).toHaveLength(before);
    fireEvent.click(screen.getByRole('button', { name: 'Tất cả đang hiện là đúng' }));
    // Only unmatched wordings (no indicator to accept) stay as cards.
    const left = screen.queryByTestId('match-review') ? cards() : [];
    expect(left.every(li => li.getAttribute('data-confidence') === '0')).toBe(true);
    expect(screen.getByTestId('to-review').textContent).toBe(left.length > 0 ? `Cần rà soát: ${left.length}` : 'Đã rà soát hết các dòng ghép.');
  });

  it('a file being checked shows a progress bar with its own cancel button, which stops its worker', async () => {
    mockHold = true;
    const host = new FakeHost(province());
    renderPane(<RollupView host={host} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dùng các trang của sổ tính đang mở' }));
    const cancel = await screen.findByRole('button', { name: 'Hủy đọc Phú Thịnh' });
    const row = cancel.closest('li')!;
    expect(within(row).getByRole('progressbar')).toBeTruthy();
    expect(within(row).getByText('Đang kiểm tra')).toBeTruthy();
    fireEvent.click(cancel);
    await waitFor(() => expect(screen.getByText('Phú Thịnh').closest('li')?.getAttribute('data-state')).toBe('cancelled'));
    expect(mockWorkers[0]?.terminated).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Hủy tất cả' }));
    await waitFor(() => expect(screen.getAllByRole('listitem').every(li => li.getAttribute('data-state') === 'cancelled')).toBe(true));
    expect(screen.queryByTestId('rollup-summary')).toBeNull();
  });
});

describe('RollupView against last month', () => {
  /** Last month's rollup workbook as this tool writes it, from the same province with other figures. */
  async function lastMonthFile(actual5g: string): Promise<File> {
    const grid = bookOf(
      commune('Phú Thịnh', 'Tỷ lệ phủ sóng 5G trên dân số', actual5g),
      commune('Gia Phúc', 'Phủ sóng 5G cho người dân', '95'),
      commune('Quyết Thắng', 'Tỷ lệ người dân sử dụng sóng 5G', '91'),
    );
    const files = grid.sheets.map(s => checkWorkbook({ sheets: [s] }, { file: s.name }));
    const wb = new ExcelJS.Workbook();
    addPlans(wb, rollupPlans(buildRollup({ files })));
    return new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'tong-hop-2026-03.xlsx');
  }

  it('reads last month\'s rollup, says what changed, and writes the comparison sheet too', async () => {
    const host = new FakeHost(province());
    await rolledUp(host);
    const input = screen.getByTestId('previous-input') as HTMLInputElement;
    // Phú Thịnh met the 5G target last month (95) and reports 72,5 now.
    fireEvent.change(input, { target: { files: [await lastMonthFile('95')] } });
    expect((await screen.findByTestId('previous-file', undefined, { timeout: 10000 })).textContent).toBe('Kỳ trước: tong-hop-2026-03.xlsx (3 xã)');
    const counts = screen.getByTestId('comparison-counts');
    expect(within(counts).getByText('Không còn đạt:').closest('li')?.textContent).toBe('Không còn đạt: 1');
    fireEvent.click(screen.getByRole('button', { name: 'Ghi các trang tổng hợp' }));
    await waitFor(() => expect(host.sheetsWritten).toHaveLength(1));
    expect(host.sheetsWritten[0]!.map(p => p.name)).toContain('So với kỳ trước');
  });

  it('a workbook that is not a rollup is refused in plain words', async () => {
    const host = new FakeHost(province());
    await rolledUp(host);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'x';
    const file = new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'khac.xlsx');
    fireEvent.change(screen.getByTestId('previous-input'), { target: { files: [file] } });
    const problem = await screen.findByTestId('file-problem', undefined, { timeout: 10000 });
    expect(problem.textContent).toMatch(/^khac\.xlsxKhông dùng được làm kỳ trước: không có trang "Dữ liệu"/);
    expect(screen.queryByTestId('comparison-counts')).toBeNull();
  });
});
