/** @jest-environment jsdom */
import './jsdom-setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { checkWorkbook } from '../../src/core/check/check';
import { planColours } from '../../src/core/plan/colour';
import { STATUS_COLOURS } from '../../src/core/plan/palette';
import { CheckView } from '../../src/taskpane/check/CheckView';
import { statusCounts } from '../../src/taskpane/model/summary';
import { FakeHost } from './fake-host';
import { renderPane } from './render';
import { bookOf, sheetOf } from '../helpers/grid';
import { sampleGrid } from './sample';

// Reads and writes real workbooks; a loaded two-core CI machine can take seconds.
jest.setTimeout(30000);

async function shown(host: FakeHost) {
  const utils = renderPane(<CheckView host={host} file="phu-thinh.xlsx" />);
  await screen.findByTestId('tables-list');
  return utils;
}

describe('CheckView', () => {
  it('shows the counts the core computes, coloured like the cells', async () => {
    const host = new FakeHost(sampleGrid());
    await shown(host);
    const expected = statusCounts(checkWorkbook(sampleGrid(), { file: 'phu-thinh.xlsx' }));
    for (const { status, count } of expected.indicators) {
      const tile = screen.getByTestId(`count-indicators-${status}`);
      expect(within(tile).getByText(String(count))).toBeTruthy();
      expect(tile.style.backgroundColor).toBe(hexToRgb(STATUS_COLOURS[status].fill));
    }
    for (const { status, count } of expected.tasks) {
      expect(within(screen.getByTestId(`count-tasks-${status}`)).getByText(String(count))).toBeTruthy();
    }
  });

  it('selects the cell of a row needing attention', async () => {
    const host = new FakeHost(sampleGrid());
    await shown(host);
    const button = screen.getByRole('button', { name: /PL mục tiêu!E5/ });
    fireEvent.click(button);
    await waitFor(() => expect(host.selected).toEqual([{ sheet: 'PL mục tiêu', address: 'E5' }]));
    expect(button.getAttribute('aria-current')).toBe('true');
  });

  it('colours through the host with the core colour plan, and clears', async () => {
    const host = new FakeHost(sampleGrid());
    await shown(host);
    fireEvent.click(screen.getByRole('button', { name: 'Tô màu theo trạng thái' }));
    await waitFor(() => expect(host.coloured).toHaveLength(1));
    expect(host.coloured[0]).toEqual(planColours(checkWorkbook(sampleGrid(), { file: 'phu-thinh.xlsx' })));
    await screen.findByText(/Đã tô màu 6 ô/);
    fireEvent.click(screen.getByRole('button', { name: 'Xóa màu' }));
    await waitFor(() => expect(host.clears).toBe(1));
  });

  it('asks before writing the status column and reports the skipped cells', async () => {
    const host = new FakeHost(sampleGrid());
    host.occupied.add('PL mục tiêu!F5');
    await shown(host);
    fireEvent.click(screen.getByRole('button', { name: 'Thêm cột trạng thái' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(host.cellsWritten).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Thêm cột' }));
    await waitFor(() => expect(host.cellsWritten).toHaveLength(2));
    expect(host.cellsWritten[0]?.cells[0]).toMatchObject({ address: 'F4', value: 'Trạng thái' });
    await screen.findByText(/Bỏ qua 1 ô đã có dữ liệu: PL mục tiêu!F5/);
    // The workbook is read again, so the next check sees the new column.
    await waitFor(() => expect(host.reads).toBe(2));
  });

  it('cancelling the dialog writes nothing', async () => {
    const host = new FakeHost(sampleGrid());
    await shown(host);
    fireEvent.click(screen.getByRole('button', { name: 'Thêm cột trạng thái' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Hủy' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(host.cellsWritten).toHaveLength(0);
  });

  it('shows a host failure as a message, not a crash', async () => {
    const host = new FakeHost(sampleGrid());
    await shown(host);
    host.failNext = 'Trang đang được bảo vệ';
    fireEvent.click(screen.getByRole('button', { name: 'Tô màu theo trạng thái' }));
    await screen.findByText('Trang đang được bảo vệ');
  });

  it('a column role correction is saved through the host and re-judges', async () => {
    const host = new FakeHost(sampleGrid());
    await shown(host);
    fireEvent.click(screen.getByRole('button', { name: /PL mục tiêu.*A4:E8/ }));
    const dropdown = await screen.findByRole('combobox', { name: 'Cột Kết quả thực hiện của bảng trang PL mục tiêu' });
    fireEvent.click(dropdown);
    fireEvent.click(await screen.findByRole('option', { name: '(không có)' }));
    await waitFor(() => expect(host.saves).toBe(1));
    expect(host.overrides).toEqual([{ sheet: 'PL mục tiêu', headerRow: 4, columns: { actual: null } }]);
    // Without a result column, nothing is judged not met any more.
    await waitFor(() => expect(screen.queryByTestId('count-indicators-not_met')).toBeNull());
  });

  it('a chosen period is passed to the core for tables whose headers name no year', async () => {
    const host = new FakeHost(bookOf(sheetOf('Chỉ tiêu', [
      ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu', 'Kết quả'],
      ['1', 'Tỷ lệ phủ sóng 5G', '%', '≥ 90%', '95'],
    ])));
    await shown(host);
    const input = screen.getByTestId('period-input') as HTMLInputElement;
    expect(screen.queryByText('năm 2027')).toBeNull();
    await act(async () => {
      fireEvent.change(input, { target: { value: '2027' } });
      fireEvent.blur(input);
    });
    expect(await screen.findByText('năm 2027')).toBeTruthy();
    expect(screen.getByText(/Áp dụng cho bảng/)).toBeTruthy();
    await act(async () => {
      fireEvent.change(input, { target: { value: '1990' } });
      fireEvent.blur(input);
    });
    expect(screen.getByText(/Nhập năm từ 2000 đến 2100/)).toBeTruthy();
  });

  it('another workbook starts from its own period again', async () => {
    const host = new FakeHost(sampleGrid());
    const { rerender } = renderPane(<CheckView host={host} file="a.xlsx" reloadKey={1} />);
    await screen.findByTestId('tables-list');
    const input = screen.getByTestId('period-input') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { value: '2030' } });
      fireEvent.blur(input);
    });
    expect(screen.getByRole('button', { name: 'Theo tiêu đề' })).toBeTruthy();
    rerender(<CheckView host={host} file="b.xlsx" reloadKey={2} />);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Theo tiêu đề' })).toBeNull());
    expect((screen.getByTestId('period-input') as HTMLInputElement).value).toBe('2026');
  });

  it('switches to English', async () => {
    const host = new FakeHost(sampleGrid());
    const { i18n } = await shown(host);
    await act(async () => { await i18n.changeLanguage('en'); });
    expect(screen.getByRole('button', { name: 'Colour by status' })).toBeTruthy();
    expect(within(screen.getByTestId('count-indicators-met')).getByText('Met')).toBeTruthy();
  });
});

function hexToRgb(hex: string): string {
  const n = parseInt(hex, 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
