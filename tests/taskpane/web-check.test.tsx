/** @jest-environment jsdom */
import './jsdom-setup';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { App } from '../../src/taskpane/App';
import { SelectedCell } from '../../src/taskpane/components/SelectedCell';
import { createI18n } from '../../src/taskpane/i18n';
import { WebWorkbookHost } from '../../src/taskpane/web/web-host';
import { FIXTURES } from '../helpers/fixtures';
import { bookOf, sheetOf } from '../helpers/grid';
import { renderPane } from './render';

jest.setTimeout(30000);
jest.mock('../../src/taskpane/worker/spawn', () => ({ spawnCheckWorker: () => { throw new Error('not used'); } }));

const NAME = 'phu-thinh-bao-cao-thang-4-2026.xlsx';

async function pick(container: HTMLElement, file: File) {
  const input = container.querySelector('input[type=file]') as HTMLInputElement;
  await act(async () => { fireEvent.change(input, { target: { files: [file] } }); });
  await waitFor(() => expect(screen.queryByText(/Đang mở tệp/)).toBeNull(), { timeout: 10000 });
}

async function fixture(): Promise<File> {
  return new File([await fs.readFile(path.join(FIXTURES, NAME))], NAME);
}

describe('web mode check view', () => {
  it('names the tabs by what the person gets', () => {
    render(<App host={new WebWorkbookHost()} i18n={createI18n('vi')} />);
    const named = ['Đánh giá', 'Tổng hợp', 'Lỗi công thức'].map(name => screen.getByRole('tab', { name }));
    expect(screen.getAllByRole('tab')).toEqual(named);
  });

  it('lets the picker offer .xls and .csv, so their users get the advice to save as .xlsx', async () => {
    const { container } = render(<App host={new WebWorkbookHost()} i18n={createI18n('vi')} />);
    const accept = (container.querySelector('input[type=file]') as HTMLInputElement).accept.split(',');
    expect(accept).toEqual(expect.arrayContaining(['.xlsx', '.xls', '.csv']));
    // An old .xls (an OLE compound file) gets the plain advice.
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await pick(container, new File([ole], 'bao-cao-cu.xls'));
    const problem = await screen.findByTestId('file-problem');
    expect(problem.textContent).toMatch(/bao-cao-cu\.xls/);
    expect(problem.textContent).toMatch(/hãy mở bằng Excel và lưu lại dưới dạng \.xlsx/);
    expect(problem.textContent).not.toMatch(/legacy/);
  });

  it('a bad file: a plain Vietnamese message, the technical detail behind "Chi tiết", the previous results gone', async () => {
    const { container } = render(<App host={new WebWorkbookHost()} i18n={createI18n('vi')} />);
    await pick(container, await fixture());
    await screen.findByTestId('attention-list', undefined, { timeout: 10000 });
    // A zip that is cut short: the reader says it is corrupt, with the zip library's words as the detail.
    const good = new Uint8Array(await fs.readFile(path.join(FIXTURES, NAME)));
    await pick(container, new File([good.slice(0, 2000)], 'xa-hong.xlsx'));
    const problem = await screen.findByTestId('file-problem');
    expect(within(problem).getByText('xa-hong.xlsx')).toBeTruthy();
    expect(problem.textContent).toMatch(/^xa-hong\.xlsxTệp \.xlsx bị hỏng, không đọc được\./);
    expect(screen.queryByTestId('attention-list')).toBeNull();
    expect(screen.queryByTestId('tables-list')).toBeNull();
    expect(screen.queryByTestId('problem-detail')).toBeNull();
    fireEvent.click(within(problem).getByRole('button', { name: 'Chi tiết' }));
    expect(screen.getByTestId('problem-detail').textContent).not.toBe('');
    expect(within(problem).getByRole('button', { name: 'Ẩn chi tiết' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('clears the last action\'s message when another file is opened', async () => {
    const { container } = render(<App host={new WebWorkbookHost()} i18n={createI18n('vi')} />);
    await pick(container, await fixture());
    await screen.findByTestId('attention-list', undefined, { timeout: 10000 });
    fireEvent.click(screen.getByRole('button', { name: 'Tô màu theo trạng thái' }));
    await screen.findByText(/Đã tô màu/, undefined, { timeout: 10000 });
    await pick(container, await fixture());
    await screen.findByTestId('attention-list', undefined, { timeout: 10000 });
    expect(screen.queryByTestId('action-message')).toBeNull();
  });

  it('shows the selected cell as the sheet displays it', () => {
    const grid = bookOf(sheetOf('PL', [[{ n: 0.725, fmt: '0.0%' }, { n: 46136, fmt: 'dd/mm/yyyy' }]]));
    renderPane(<><SelectedCell sheet="PL" address="A1" grid={grid} /><SelectedCell sheet="PL" address="B1" grid={grid} /></>);
    expect(screen.getAllByTestId('selected-cell').map(e => e.textContent)).toEqual(['Ô đang chọn:PL!A1= 72,5%', 'Ô đang chọn:PL!B1= 24/04/2026']);
  });
});
