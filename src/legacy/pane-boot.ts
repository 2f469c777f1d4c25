/**
 * The task pane's first script, written for old webviews: it parses and runs as ECMAScript 5. Once every deferred
 * script has run it checks that the pane's bundle ran (it sets MODERN_FLAG first thing); where the webview could
 * not parse it (Internet Explorer 11 or EdgeHTML in Office 2016/2019 without WebView2,
 * https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins) it replaces
 * the loading line with a notice pointing to the web page and the CLI. Only ES5 runtime features.
 */
import { MODERN_FLAG, OLD_OFFICE_EN, OLD_OFFICE_VI } from './text';

function showOldWebviewNotice(): void {
  const w = window as unknown as Record<string, unknown>;
  if (w[MODERN_FLAG + 'Pane']) return;
  const root = document.getElementById('root');
  if (!root) return;
  while (root.firstChild) root.removeChild(root.firstChild);
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.style.cssText = 'font-family:Segoe UI,sans-serif;font-size:14px;padding:16px;color:#323130';
  const vi = document.createElement('p');
  vi.appendChild(document.createTextNode(OLD_OFFICE_VI));
  const en = document.createElement('p');
  en.style.color = '#605e5c';
  en.appendChild(document.createTextNode(OLD_OFFICE_EN));
  const link = document.createElement('p');
  const page = String(window.location.href).split('?')[0] || '';
  link.appendChild(document.createTextNode('Trang web / Web page: ' + page));
  const cli = document.createElement('p');
  cli.appendChild(document.createTextNode('CLI: phuluc check <thư mục báo cáo> · phuluc rollup · phuluc audit'));
  box.appendChild(vi);
  box.appendChild(en);
  box.appendChild(link);
  box.appendChild(cli);
  root.appendChild(box);
}

if (document.readyState === 'complete') showOldWebviewNotice();
else window.addEventListener('load', showOldWebviewNotice);
