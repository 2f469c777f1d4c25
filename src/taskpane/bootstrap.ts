import type { WorkbookHost } from './host';
import { WebWorkbookHost } from './web/web-host';

/** How long to wait for Office.onReady before deciding we are a plain web page. */
const OFFICE_READY_TIMEOUT_MS = 5000;
/** How long to wait when the page was opened by Office: a slow Excel must not turn the pane into web mode. */
const OFFICE_READY_INSIDE_TIMEOUT_MS = 60_000;

interface OfficeGlobal {
  onReady(): Promise<{ host: unknown }>;
}

/**
 * Signs that Office opened this page as the add-in's pane: our manifest's `office=1`, or the `_host_Info` query
 * parameter Office appends to add-in pages (office-js-docs #615, https://github.com/OfficeDev/office-js-docs/pull/615).
 * Opened in a browser as the web page, neither is there.
 */
export function openedByOffice(search: string): boolean {
  const p = new URLSearchParams(search);
  return p.has('_host_Info') || p.get('office') === '1';
}

export type OfficeReadiness = 'office' | 'web' | 'unresponsive';

/** Whether Office answered with a host (Excel), answered without one (a browser), or never answered in time. */
export async function officeReadiness(office: OfficeGlobal | undefined, timeoutMs: number): Promise<'office' | 'web' | 'timeout'> {
  if (!office || typeof office.onReady !== 'function') return 'web';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>(resolve => { timer = setTimeout(() => resolve(null), timeoutMs); });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    if (info === null) return 'timeout';
    return info.host !== null && info.host !== undefined ? 'office' : 'web';
  } catch {
    return 'web';
  } finally {
    clearTimeout(timer);
  }
}

/** True when office.js loaded and reports a host (Excel); a plain browser gets host null or no Office at all. */
export async function officeHostPresent(office: OfficeGlobal | undefined, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<boolean> {
  return (await officeReadiness(office, timeoutMs)) === 'office';
}

/** Said in the pane when Office opened it but never became ready: web mode then, but never silently. */
export const OFFICE_UNRESPONSIVE =
  'Excel chưa sẵn sàng sau 60 giây nên ngăn đang chạy như trang web (chỉ đọc tệp kéo thả). Hãy đóng ngăn rồi mở lại. / '
  + 'Excel was not ready after 60 seconds, so the pane runs as the web page (dropped files only). Close and reopen the pane.';

/** The host for this page: Excel's when inside Office, the in-browser workbook otherwise. */
export async function chooseHost(
  office: OfficeGlobal | undefined,
  loadOffice: () => Promise<WorkbookHost> = async () => new (await import('../excel')).OfficeWorkbookHost(),
  search: string = typeof location === 'undefined' ? '' : location.search,
  timeouts: { readonly outside: number; readonly inside: number } = { outside: OFFICE_READY_TIMEOUT_MS, inside: OFFICE_READY_INSIDE_TIMEOUT_MS },
): Promise<{ host: WorkbookHost; officeError: string | null }> {
  const inside = openedByOffice(search);
  const ready = await officeReadiness(office, inside ? timeouts.inside : timeouts.outside);
  if (ready === 'office') {
    try {
      return { host: await loadOffice(), officeError: null };
    } catch (e) {
      // Falling back keeps the pane usable (on dropped files) and says why Excel could not be reached.
      return { host: new WebWorkbookHost(), officeError: e instanceof Error ? e.message : String(e) };
    }
  }
  if (ready === 'timeout' && inside) return { host: new WebWorkbookHost(), officeError: OFFICE_UNRESPONSIVE };
  return { host: new WebWorkbookHost(), officeError: null };
}
