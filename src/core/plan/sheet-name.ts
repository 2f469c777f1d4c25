/** Sheet names for new sheets: valid for Excel and never one the workbook already has. */

const MAX_SHEET_NAME = 31;
const BAD_NAME_CHARS = /[\\/?*[\]:]/g;

/** Excel refuses a name that is blank or starts or ends with an apostrophe. */
const tidy = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();

/** The wanted name made acceptable to Excel (forbidden characters, length, apostrophes at the ends). */
export function sanitizeSheetName(wanted: string): string {
  return tidy(tidy(wanted.replace(BAD_NAME_CHARS, ' ')).slice(0, MAX_SHEET_NAME)) || 'Sheet';
}

/** The wanted name, or with " (2)", " (3)"… when taken; Excel compares sheet names case-insensitively. */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const base = sanitizeSheetName(wanted);
  const lower = new Set([...taken].map(n => n.toLocaleLowerCase()));
  if (!lower.has(base.toLocaleLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = (tidy(base.slice(0, MAX_SHEET_NAME - suffix.length)) || 'Sheet') + suffix;
    if (!lower.has(name.toLocaleLowerCase())) return name;
  }
}
