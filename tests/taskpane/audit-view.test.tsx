/** @jest-environment jsdom */
import './jsdom-setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { auditWorkbook, countByRule } from '../../src/core/audit/audit';
import { RULES } from '../../src/core/audit/finding';
import { AUDIT_SHEET, auditPlan } from '../../src/core/audit/plan';
import { checkWorkbook } from '../../src/core/check/check';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { AuditView } from '../../src/taskpane/audit/AuditView';
import { ruleTitle } from '../../src/taskpane/model/audit';
import { bookOf, sheetOf } from '../helpers/grid';
import { FakeHost } from './fake-host';
import { renderPane } from './render';
import { pulled } from '../helpers/plans';

jest.setTimeout(30000);

/** A results table with a #DIV/0! and a link to another workbook: findings of two rules. */
function audited(): WorkbookGrid {
  return bookOf(sheetOf('Số liệu', [
    ['TT', 'Chỉ tiêu', 'Tử số', 'Mẫu số', 'Tỷ lệ (%)'],
    ['1', 'Hồ sơ trực tuyến', 50, 100, { f: 'C2/D2*100', v: 50 }],
    ['2', 'Hồ sơ toàn trình', 40, 0, { f: 'C3/D3*100', v: { e: '#DIV/0!' } }],
    ['3', 'Hồ sơ thanh toán', 30, 60, { f: 'C4/D4*100', v: 50 }],
    ['4', 'Số liệu huyện', { f: '[1]Sheet1!C5', v: 12 }, 10, { f: 'C5/D5*100', v: 120 }],
  ]));
}

describe('AuditView', () => {
  it('groups the core findings by rule with their counts, and selects a finding\'s cell', async () => {
    const grid = audited();
    const expected = auditWorkbook(grid, { report: checkWorkbook(grid, { file: '' }) });
    expect(expected.length).toBeGreaterThan(0);
    const host = new FakeHost(grid);
    renderPane(<AuditView host={host} />);
    const groups = await screen.findByTestId('finding-groups');
    for (const { rule, count } of countByRule(expected)) {
      const header = within(groups).getByRole('button', { name: new RegExp(ruleTitle(rule, 'vi').replace(/[()]/g, '.')) });
      expect(within(header).getByText(String(count))).toBeTruthy();
    }
    expect(screen.getByText(`${expected.length} vấn đề`)).toBeTruthy();
    const first = expected[0]!;
    const header = within(groups).getByRole('button', { name: new RegExp(ruleTitle(first.rule, 'vi').replace(/[()]/g, '.')) });
    fireEvent.click(header);
    fireEvent.click(await screen.findByRole('button', { name: new RegExp(`^Đến ô ${first.sheet}!${first.cell}:`) }));
    await waitFor(() => expect(host.selected).toEqual([{ sheet: first.sheet, address: first.cell }]));
  });

  it('"Tạo báo cáo kiểm tra" writes the core audit sheet through the host', async () => {
    const grid = audited();
    const host = new FakeHost(grid);
    renderPane(<AuditView host={host} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Tạo báo cáo kiểm tra' }));
    await waitFor(() => expect(host.sheetsWritten).toHaveLength(1));
    expect(pulled(host.sheetsWritten[0] ?? [])).toEqual(pulled([auditPlan(auditWorkbook(grid, { report: checkWorkbook(grid, { file: '' }) }), grid)]));
    expect(await screen.findByText(`Đã tạo trang ${AUDIT_SHEET}.`)).toBeTruthy();
  });

  it('shows rule titles in English when switched', async () => {
    const grid = audited();
    const rule = countByRule(auditWorkbook(grid))[0]!.rule;
    renderPane(<AuditView host={new FakeHost(grid)} />, 'en');
    await screen.findByTestId('finding-groups');
    expect(screen.getByText(RULES[rule].title.split(' / ')[1]!)).toBeTruthy();
  });

  it('says so when nothing is found', async () => {
    renderPane(<AuditView host={new FakeHost(bookOf(sheetOf('A', [['TT', 'Chỉ tiêu'], ['1', 'x']])))} />);
    expect(await screen.findByText('Không phát hiện vấn đề nào.')).toBeTruthy();
  });
});
