/**
 * The notice for an Office whose embedded browser cannot run the add-in (Internet Explorer 11 or EdgeHTML in
 * Office 2016/2019 without WebView2: https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 * Built at ECMAScript 5 (webpack.config.js: everything in src/legacy) because the old-webview scripts import it; the modern bundles import it too, which ES5 code never harms.
 */
export const OLD_OFFICE_VI = 'Phiên bản Office này dùng trình duyệt nhúng cũ (Internet Explorer hoặc Edge cũ) nên không chạy được Phụ lục 57 trong Excel. '
  + 'Hãy dùng trang web Phụ lục 57 (mở taskpane.html bằng Edge hoặc Chrome) hoặc lệnh phuluc (CLI), hoặc cập nhật Office.';
export const OLD_OFFICE_EN = 'This Office uses an old embedded browser (Internet Explorer or old Edge) that cannot run Phụ lục 57 inside Excel. '
  + 'Use the Phụ lục 57 web page (open taskpane.html in Edge or Chrome) or the phuluc command (CLI), or update Office.';

/** The global the modern bundles set when they ran; its absence means the webview could not parse them. */
export const MODERN_FLAG = '__phuluc57';
