/**
 * The short notification after "Tô màu nhanh". Excel has no toast API for add-ins, so it is a small dialog
 * (commands.html?notice=…) that closes itself after a few seconds or when the person closes it.
 */
import { COMMAND_STRINGS, type CommandLanguage } from './strings';

/** The part of Office.UI used here. */
export interface DialogUi {
  displayDialogAsync(url: string, options: Office.DialogOptions, callback: (result: Office.AsyncResult<Office.Dialog>) => void): void;
}

export function noticeUrl(pageUrl: string, message: string, lang: CommandLanguage): string {
  const base = pageUrl.split(/[?#]/)[0] ?? pageUrl;
  return `${base}?notice=${encodeURIComponent(message)}&lang=${lang}`;
}

/** Shows the message for `ms` milliseconds; resolves when the dialog is gone, or at once if it cannot open. */
export function showNotice(ui: DialogUi | undefined, pageUrl: string, message: string, lang: CommandLanguage, ms = 6000): Promise<void> {
  return new Promise(resolve => {
    let done = false;
    const finish = (): void => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    if (!ui || typeof ui.displayDialogAsync !== 'function') return finish();
    // If Office never calls back, the command must still end.
    const guard = setTimeout(finish, ms + 5000);
    try {
      ui.displayDialogAsync(noticeUrl(pageUrl, message, lang), { height: 20, width: 30, displayInIframe: true }, result => {
        if (String(result.status).toLowerCase() === 'failed' || !result.value) {
          clearTimeout(guard);
          return finish();
        }
        const dialog = result.value;
        const close = (): void => {
          clearTimeout(guard);
          try {
            dialog.close();
          } catch {
            // already closed by the person
          }
          finish();
        };
        dialog.addEventHandler('dialogMessageReceived' as unknown as Office.EventType, close);
        dialog.addEventHandler('dialogEventReceived' as unknown as Office.EventType, () => { clearTimeout(guard); finish(); });
        setTimeout(close, ms);
      });
    } catch {
      clearTimeout(guard);
      finish();
    }
  });
}

/** The message when commands.html is opened as the notification dialog, else null. */
export function noticeFromSearch(search: string): { message: string; lang: CommandLanguage } | null {
  const params = new URLSearchParams(search);
  const message = params.get('notice');
  if (message === null) return null;
  return { message: message.slice(0, 1000), lang: params.get('lang') === 'en' ? 'en' : 'vi' };
}

/** Renders the notification page (text only: the message never becomes markup). */
export function renderNotice(doc: Document, notice: { message: string; lang: CommandLanguage }, onClose: () => void): void {
  const t = COMMAND_STRINGS[notice.lang];
  doc.documentElement.lang = notice.lang;
  doc.title = t.title;
  const main = doc.createElement('main');
  main.className = 'notice';
  const text = doc.createElement('p');
  text.setAttribute('role', 'status');
  text.textContent = notice.message;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = t.close;
  button.addEventListener('click', onClose);
  main.append(text, button);
  doc.body.replaceChildren(main);
  button.focus();
}
