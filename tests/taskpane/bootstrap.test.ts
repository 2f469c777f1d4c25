/** @jest-environment jsdom */
import { chooseHost, OFFICE_UNRESPONSIVE, openedByOffice } from '../../src/taskpane/bootstrap';
import { WebWorkbookHost } from '../../src/taskpane/web/web-host';
import type { WorkbookHost } from '../../src/host/workbook-host';

const never = { onReady: () => new Promise<{ host: unknown }>(() => undefined) };
const fast = { outside: 20, inside: 60 };

describe('choosing the host when Office is slow', () => {
  it('knows the pane was opened by Office from the manifest\'s office=1 or Office\'s _host_Info', () => {
    expect(openedByOffice('?office=1')).toBe(true);
    expect(openedByOffice('?view=rollup&office=1')).toBe(true);
    expect(openedByOffice('?_host_Info=Excel$Win32$16.01$vi-VN$$$$0')).toBe(true);
    expect(openedByOffice('')).toBe(false);
    expect(openedByOffice('?view=audit')).toBe(false);
  });

  it('inside Excel, a slow Office.onReady is waited for, and the Office host used once it answers', async () => {
    let answer: (v: { host: unknown }) => void = () => undefined;
    const slow = { onReady: () => new Promise<{ host: unknown }>(resolve => { answer = resolve; }) };
    const office = {} as WorkbookHost;
    const choosing = chooseHost(slow, async () => office, '?office=1', fast);
    setTimeout(() => answer({ host: 'Excel' }), 35); // slower than the web page's wait, within the pane's
    const chosen = await choosing;
    expect(chosen.host).toBe(office);
    expect(chosen.officeError).toBeNull();
  });

  it('inside Excel, an Office that never answers gives web mode with a message, never silently', async () => {
    const chosen = await chooseHost(never, async () => ({} as WorkbookHost), '?office=1', fast);
    expect(chosen.host).toBeInstanceOf(WebWorkbookHost);
    expect(chosen.officeError).toBe(OFFICE_UNRESPONSIVE);
    expect(OFFICE_UNRESPONSIVE).toContain('Excel chưa sẵn sàng');
  });

  it('opened as the web page, no answer means web mode without a message', async () => {
    const chosen = await chooseHost(never, async () => ({} as WorkbookHost), '', fast);
    expect(chosen.host).toBeInstanceOf(WebWorkbookHost);
    expect(chosen.officeError).toBeNull();
  });
});
