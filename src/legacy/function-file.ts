/**
 * The function file's first script, written for old webviews: it must parse and run as ECMAScript 5 (Office 2016
 * and 2019 without WebView2 use Internet Explorer 11 or EdgeHTML, which cannot parse the main bundle's `?.` and
 * `??`). It owns the global `quickColour` that Office 2016/2019 look up in the function file, hands the event to the
 * modern bundle when that bundle ran, and otherwise shows a notice pointing to the web page and the CLI; either way
 * the event is completed (https://learn.microsoft.com/en-us/office/dev/add-ins/develop/create-addin-commands#step-5-add-the-functionfile-element).
 * Only ES5 runtime features: no Promise, no Object.assign, no String.prototype.includes.
 */
import { MODERN_FLAG, OLD_OFFICE_EN, OLD_OFFICE_VI } from './text';

interface LegacyEvent { completed(): void }
interface ModernHooks { quickColour?: (event: LegacyEvent) => void }
interface LegacyOffice {
  onReady?: (callback: () => void) => unknown;
  actions?: { associate(name: string, handler: (event: LegacyEvent) => void): void };
  context?: {
    displayLanguage?: string;
    ui?: { displayDialogAsync(url: string, options: object, callback: (result: { status: unknown; value?: { close(): void } }) => void): void };
  };
}

const w = window as unknown as Record<string, unknown>;

function modern(): ModernHooks | null {
  const hooks = w[MODERN_FLAG] as ModernHooks | undefined;
  return hooks && typeof hooks.quickColour === 'function' ? hooks : null;
}

function office(): LegacyOffice | null {
  return (w.Office as LegacyOffice | undefined) || null;
}

function english(): boolean {
  const o = office();
  const lang = (o && o.context && o.context.displayLanguage) || '';
  return lang.toLowerCase().indexOf('en') === 0;
}

function noticeText(): string {
  return english() ? OLD_OFFICE_EN : OLD_OFFICE_VI;
}

/** Shows the notice in a small dialog (commands.html?notice=…), closing it after a few seconds. */
function showNotice(done: () => void): void {
  const o = office();
  const ui = o && o.context && o.context.ui;
  if (!ui) { done(); return; }
  const url = String(window.location.href).split('?')[0] + '?notice=' + encodeURIComponent(noticeText()) + '&legacy=1';
  let finished = false;
  const finish = (): void => { if (!finished) { finished = true; done(); } };
  const guard = window.setTimeout(finish, 15000);
  try {
    ui.displayDialogAsync(url, { height: 30, width: 40, displayInIframe: true }, result => {
      const dialog = result && result.value;
      if (String(result && result.status).toLowerCase() === 'failed' || !dialog) { window.clearTimeout(guard); finish(); return; }
      window.setTimeout(() => {
        try { dialog.close(); } catch { /* already closed by the person */ }
        window.clearTimeout(guard);
        finish();
      }, 10000);
    });
  } catch {
    window.clearTimeout(guard);
    finish();
  }
}

function quickColour(event: LegacyEvent): void {
  const hooks = modern();
  if (hooks && hooks.quickColour) {
    hooks.quickColour(event);
    return;
  }
  showNotice(() => {
    try { event.completed(); } catch { /* Office already gave up on the event */ }
  });
}

/** commands.html opened as the notification dialog on an old webview: the text only, never as markup. */
function renderNoticePage(): void {
  if (modern()) return;
  const m = /[?&]notice=([^&#]*)/.exec(String(window.location.search));
  if (!m) return;
  let text = '';
  try { text = decodeURIComponent((m[1] || '').replace(/\+/g, ' ')); } catch { text = noticeText(); }
  const p = document.createElement('p');
  p.setAttribute('role', 'status');
  p.style.cssText = 'font-family:Segoe UI,sans-serif;font-size:14px;margin:12px';
  p.appendChild(document.createTextNode(text.slice(0, 1000)));
  document.body.appendChild(p);
}

w.quickColour = quickColour;
const o = office();
if (o && typeof o.onReady === 'function') {
  o.onReady(() => {
    // The modern bundle associates its own handler in its onReady; this one covers webviews that could not run it.
    const again = office();
    if (!modern() && again && again.actions) again.actions.associate('quickColour', quickColour);
  });
}
// After every deferred script ran: the modern bundle, when the webview could parse it, has set its flag by then.
if (document.readyState === 'complete') renderNoticePage();
else window.addEventListener('load', renderNoticePage);
