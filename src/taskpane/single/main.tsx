/**
 * Entry of dist/phuluc57.html, the one-file web mode (webpack.single.config.js): no Office to wait for, the
 * in-browser workbook host straight away.
 */
import { createRoot } from 'react-dom/client';
import { App, viewFromUrl } from '../App';
import { createI18n, savedLang } from '../i18n';
import { WebWorkbookHost } from '../web/web-host';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(<App host={new WebWorkbookHost()} i18n={createI18n(savedLang())} initialView={viewFromUrl(window.location.search)} />);
}
