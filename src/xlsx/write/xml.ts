/**
 * Text for SpreadsheetML: the five XML escapes, and the control characters XML 1.0 cannot carry dropped, as exceljs
 * drops them (so both writers give the same text).
 */

// Characters that need work: markup, quotes, C0 controls other than tab / line feed / carriage return, DEL.
/* eslint-disable no-control-regex -- matching the control characters is the point */
const SPECIAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const SPECIAL_ALL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/* eslint-enable no-control-regex */

function escapeChar(ch: string): string {
  switch (ch) {
    case '&': return '&amp;';
    case '<': return '&lt;';
    case '>': return '&gt;';
    case '"': return '&quot;';
    case "'": return '&apos;';
    default: return '';
  }
}

/** Escaped for element text and attribute values alike. */
export function esc(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, escapeChar) : text;
}

/** "_x0041_" typed in a cell reads back as "A" unless its underscore is escaped itself (ECMA-376 Part 1, 22.9.2.19). */
const ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/g;

/** Text kept as written: leading or trailing white space needs xml:space="preserve". */
export function textElement(text: string): string {
  const e = esc(text.includes('_x') ? text.replace(ESCAPE_LIKE, '_x005F_$1') : text);
  return /^\s|\s$/.test(e) ? `<t xml:space="preserve">${e}</t>` : `<t>${e}</t>`;
}

/** An XML declaration every part starts with. */
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
