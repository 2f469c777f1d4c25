/**
 * Commander's own words in Vietnamese with English: the help headings and the parse errors. Commander has no
 * translation hook (https://github.com/tj/commander.js#custom-help), so its output is rewritten line by line.
 */

const HELP_HEADINGS: readonly (readonly [RegExp, string])[] = [
  [/^Usage:/m, 'Cách dùng / Usage:'],
  [/^Options:$/m, 'Tùy chọn / Options:'],
  [/^Commands:$/m, 'Lệnh / Commands:'],
  [/^Arguments:$/m, 'Đối số / Arguments:'],
];

export function translateHelp(text: string): string {
  let out = text;
  for (const [re, vi] of HELP_HEADINGS) out = out.replace(re, vi);
  return out
    .replace(/(?<!\/ )display help for command/g, 'trợ giúp về lệnh / display help for command');
}

const ERRORS: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [/^error: missing required argument '([^']+)'/, m => `thiếu đối số bắt buộc '${m[1] ?? ''}' (tệp hoặc thư mục)`],
  [/^error: unknown option '([^']+)'/, m => `không có tùy chọn '${m[1] ?? ''}'`],
  [/^error: unknown command '([^']+)'/, m => `không có lệnh '${m[1] ?? ''}' (dùng check, rollup hoặc audit)`],
  [/^error: too many arguments/, () => 'thừa đối số'],
  [/^error: option '([^']+)' argument missing/, m => `tùy chọn '${m[1] ?? ''}' cần một giá trị`],
  [/^error: option '([^']+)' argument '([^']*)' is invalid\.?\s*(.*)$/s, m => `giá trị '${m[2] ?? ''}' của tùy chọn '${m[1] ?? ''}' không hợp lệ${m[3] ? `: ${m[3].trim()}` : ''}`],
  [/^error: required option '([^']+)' not specified/, m => `thiếu tùy chọn bắt buộc '${m[1] ?? ''}'`],
];

/** "lỗi: … / error: …": the Vietnamese reading first, commander's English after it. */
export function translateError(text: string): string {
  const line = text.trim();
  for (const [re, vi] of ERRORS) {
    const m = re.exec(line);
    if (m) return `lỗi: ${vi(m)}\n${line}\n`;
  }
  return text;
}
