/** Entry of the task pane (and of the web mode: the same page opened outside Office). */
import { createRoot } from 'react-dom/client';
import { App, viewFromUrl } from './App';
import { chooseHost } from './bootstrap';
import { createI18n, savedLang } from './i18n';
import { MODERN_FLAG } from '../legacy/text';

// First thing: tells src/legacy/pane-boot.ts (ES5) that this webview runs the pane, so it shows no old-webview notice.
(globalThis as unknown as Record<string, unknown>)[`${MODERN_FLAG}Pane`] = true;

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const office = (globalThis as { Office?: { onReady(): Promise<{ host: unknown }> } }).Office;
  const { host, officeError } = await chooseHost(office);
  const i18n = createI18n(savedLang());
  createRoot(root).render(<App host={host} i18n={i18n} initialView={viewFromUrl(window.location.search)} officeError={officeError} />);
}

void start();
