import type { FileKind } from './sniff';

/** Why a file could not be read, in Vietnamese with the English after a slash, as the CLI and the pane show it. */
export function unreadableMessage(kind: FileKind | 'corrupt' | 'too-large', detail?: string): string {
  switch (kind) {
    case 'xls': return 'Tệp Excel cũ (.xls) — hãy mở bằng Excel và lưu lại dưới dạng .xlsx / legacy .xls file: save it as .xlsx';
    case 'encrypted': return 'Tệp được đặt mật khẩu — hãy gỡ mật khẩu rồi gửi lại / password-protected workbook';
    case 'csv': return 'Tệp là văn bản CSV được đổi tên thành .xlsx, không phải sổ tính Excel / a CSV file renamed .xlsx';
    case 'html': return 'Tệp là trang HTML được đổi tên thành .xlsx, không phải sổ tính Excel / an HTML file renamed .xlsx';
    case 'empty': return 'Tệp rỗng (0 byte) / empty file';
    case 'unknown': return 'Không nhận ra định dạng tệp, không phải .xlsx / not an .xlsx file';
    case 'too-large': return `Tệp quá lớn hoặc giải nén vượt giới hạn an toàn${detail ? ` (${detail})` : ''} / file exceeds the safe size limit`;
    case 'corrupt': return `Tệp .xlsx bị hỏng, không đọc được${detail ? ` (${detail})` : ''} / corrupt .xlsx file`;
    case 'xlsx': return 'Không đọc được tệp / could not read the file';
  }
}
