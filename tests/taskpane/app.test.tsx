/** @jest-environment jsdom */
import './jsdom-setup';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { App, viewFromUrl } from '../../src/taskpane/App';
import { chooseHost, officeHostPresent } from '../../src/taskpane/bootstrap';
import { createI18n } from '../../src/taskpane/i18n';
import { WebWorkbookHost } from '../../src/taskpane/web/web-host';
import { FIXTURES } from '../helpers/fixtures';
import { FakeHost } from './fake-host';
import { sampleGrid } from './sample';

jest.setTimeout(30000);

jest.mock('../../src/taskpane/worker/spawn', () => ({
  spawnCheckWorker: () => {
    const { InProcessWorker } = jest.requireActual('./worker/in-process') as typeof import('./worker/in-process');
    return new InProcessWorker();
  },
}));

describe('viewFromUrl', () => {
  it('opens the view the ribbon asks for, the check otherwise', () => {
    expect(viewFromUrl('?view=rollup')).toBe('rollup');
    expect(viewFromUrl('?view=audit&x=1')).toBe('audit');
    expect(viewFromUrl('')).toBe('check');
    expect(viewFromUrl('?view=<script>')).toBe('check');
  });
});

describe('App', () => {
  it('shows the three views as keyboard tabs and keeps a visited view mounted', async () => {
    render(<App host={new FakeHost(sampleGrid())} i18n={createI18n('vi')} />);
    const tabs = ['Đánh giá', 'Tổng hợp', 'Lỗi công thức'].map(name => screen.getByRole('tab', { name }));
    expect(screen.getAllByRole('tab')).toEqual(tabs);
    await screen.findByTestId('tables-list');
    fireEvent.click(tabs[2]!);
    await screen.findByText(/Tìm các công thức/, undefined, { timeout: 10000 });
    expect(screen.getByTestId('tables-list')).toBeTruthy();
    expect(document.getElementById('panel-check')?.hidden).toBe(true);
    fireEvent.click(tabs[0]!);
    expect(document.getElementById('panel-check')?.hidden).toBe(false);
  });

  it('says when Excel could not be reached inside Office', () => {
    render(<App host={new WebWorkbookHost()} i18n={createI18n('vi')} officeError="ExcelApi 1.1 missing" />);
    expect(screen.getByText(/Không kết nối được với Excel \(ExcelApi 1.1 missing\)/)).toBeTruthy();
  });

  it('opens on the rollup view when asked', async () => {
    render(<App host={new FakeHost(sampleGrid())} i18n={createI18n('vi')} initialView="rollup" />);
    expect(await screen.findByText(/Kéo thả báo cáo của các xã/)).toBeTruthy();
    expect(screen.getByRole('tab', { selected: true })).toBe(screen.getByRole('tab', { name: 'Tổng hợp' }));
  });

  it('switches the language from the header and remembers it', async () => {
    render(<App host={new FakeHost(sampleGrid())} i18n={createI18n('vi')} />);
    await screen.findByTestId('tables-list');
    fireEvent.change(screen.getByRole('combobox', { name: 'Ngôn ngữ' }), { target: { value: 'en' } });
    expect(await screen.findByRole('tab', { name: 'Rollup' })).toBeTruthy();
    expect(localStorage.getItem('phuluc57.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('web mode: a picked workbook is checked and a selected row shows its cell in the pane', async () => {
    const { container } = render(<App host={new WebWorkbookHost()} i18n={createI18n('vi')} />);
    expect(screen.getByText('Kéo thả sổ tính .xlsx vào đây')).toBeTruthy();
    const name = 'phu-thinh-bao-cao-thang-4-2026.xlsx';
    const file = new File([await fs.readFile(path.join(FIXTURES, name))], name);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    await act(async () => { fireEvent.change(input, { target: { files: [file] } }); });
    await waitFor(() => expect(screen.queryByText(/Đang mở tệp/)).toBeNull(), { timeout: 10000 });
    expect(screen.queryByText(/arrayBuffer|không đọc được/i)).toBeNull();
    const list = await screen.findByTestId('attention-list', undefined, { timeout: 10000 });
    expect(screen.getByText(name)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tải bản tô màu' })).toBeTruthy();
    fireEvent.click(within(list).getAllByRole('button')[0]!);
    const bar = await screen.findByTestId('selected-cell');
    expect(bar.textContent).toMatch(/PL mục tiêu!E\d+/);
  });
});

describe('bootstrap', () => {
  it('is web mode without office.js, or when Office reports no host', async () => {
    expect(await officeHostPresent(undefined)).toBe(false);
    expect(await officeHostPresent({ onReady: async () => ({ host: null }) })).toBe(false);
    expect(await officeHostPresent({ onReady: () => new Promise(() => undefined) }, 20)).toBe(false);
    expect(await officeHostPresent({ onReady: async () => ({ host: 'Excel' }) })).toBe(true);
  });

  it('uses the Office host inside Excel and falls back to the web host, saying why, if it cannot load', async () => {
    const office = { onReady: async () => ({ host: 'Excel' }) };
    const fake = new FakeHost(sampleGrid());
    expect((await chooseHost(office, async () => fake)).host).toBe(fake);
    const failed = await chooseHost(office, async () => { throw new Error('no Excel API'); });
    expect(failed.host).toBeInstanceOf(WebWorkbookHost);
    expect(failed.officeError).toBe('no Excel API');
    expect((await chooseHost(undefined)).host).toBeInstanceOf(WebWorkbookHost);
  });
});

afterEach(() => localStorage.clear());
