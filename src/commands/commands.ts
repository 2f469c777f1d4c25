/**
 * The function file behind the ribbon: "Tô màu nhanh" runs here without the task pane.
 * The same page doubles as the notification dialog when opened with ?notice=….
 */
import { checkWorkbook } from '../core/check';
import { officeEnv } from '../excel/env';
import { OfficeWorkbookHost } from '../excel/office-host';
import { MODERN_FLAG } from '../legacy/text';
import { noticeFromSearch, renderNotice, showNotice } from './notice';
import { runQuickColour, type CommandEvent } from './quick-colour';
import { commandLanguage } from './strings';

function fileName(url: string | undefined): string {
  const last = (url ?? '').split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(last) || 'Workbook';
  } catch {
    return last || 'Workbook';
  }
}

function onQuickColour(event: CommandEvent): void {
  const lang = commandLanguage(Office.context?.displayLanguage);
  let host: OfficeWorkbookHost;
  try {
    host = new OfficeWorkbookHost(officeEnv());
  } catch {
    event.completed();
    return;
  }
  void runQuickColour(event, { host, check: checkWorkbook, file: fileName(Office.context?.document?.url) }, {
    lang,
    notify: message => showNotice(Office.context?.ui, window.location.href, message, lang),
  });
}

Office.onReady(() => {
  const notice = noticeFromSearch(window.location.search);
  if (notice) {
    renderNotice(document, notice, () => Office.context.ui.messageParent('close'));
    return;
  }
  Office.actions?.associate('quickColour', onQuickColour);
});

// Office 2016/2019 look the function up on the function file's global object: src/legacy/function-file.ts (ES5) owns that global
// and hands the event here; its absence there means this bundle could not run and the notice is shown instead.
(globalThis as unknown as Record<string, unknown>)[MODERN_FLAG] = { quickColour: onQuickColour };
