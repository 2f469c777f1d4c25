import type { WorkbookHost } from './host';
import { WebWorkbookHost } from './web/web-host';

/** How long to wait for Office.onReady before deciding we are a plain web page. */
const OFFICE_READY_TIMEOUT_MS = 5000;

interface OfficeGlobal {
  onReady(): Promise<{ host: unknown }>;
}

/** True when office.js loaded and reports a host (Excel); a plain browser gets host null or no Office at all. */
export async function officeHostPresent(office: OfficeGlobal | undefined, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<boolean> {
  if (!office || typeof office.onReady !== 'function') return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>(resolve => { timer = setTimeout(() => resolve(null), timeoutMs); });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    return info !== null && info.host !== null && info.host !== undefined;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The host for this page: Excel's when inside Office, the in-browser workbook otherwise. */
export async function chooseHost(
  office: OfficeGlobal | undefined,
  loadOffice: () => Promise<WorkbookHost> = async () => new (await import('../excel')).OfficeWorkbookHost(),
): Promise<{ host: WorkbookHost; officeError: string | null }> {
  if (await officeHostPresent(office)) {
    try {
      return { host: await loadOffice(), officeError: null };
    } catch (e) {
      // Falling back keeps the pane usable (on dropped files) and says why Excel could not be reached.
      return { host: new WebWorkbookHost(), officeError: e instanceof Error ? e.message : String(e) };
    }
  }
  return { host: new WebWorkbookHost(), officeError: null };
}
