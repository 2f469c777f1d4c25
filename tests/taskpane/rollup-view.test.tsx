/** @jest-environment jsdom */
import './jsdom-setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { buildRollup, rollupPlans } from '../../src/core/rollup';
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
    await waitFor(() => expect(within(screen.getByTestId('match-review')).getAllByText('Đã sửa').length).toBeGreaterThan(0));
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
    const item = await screen.findByText(/CSV/, undefined, { timeout: 5000 });
    expect(item.closest('li')?.getAttribute('data-state')).toBe('failed');
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
