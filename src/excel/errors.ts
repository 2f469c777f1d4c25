/**
 * What went wrong in Excel, in the person's language. Office.js errors carry a stable `code` (Excel.ErrorCodes,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.errorcodes) and a message localized by Office, often
 * in English on a Vietnamese machine or the other way round; the code decides the text shown.
 */
export type OfficeErrorKind = 'cell-edit' | 'protected' | 'too-large' | 'not-found' | 'timeout' | 'unsupported' | 'other';

export function officeErrorCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : null;
}

export function officeErrorKind(e: unknown): OfficeErrorKind {
  switch (officeErrorCode(e)) {
    case 'InvalidOperationInCellEditMode': return 'cell-edit';
    case 'AccessDenied': return 'protected';
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'PayloadSizeLimitExceeded':
    case 'RangeExceedsLimit':
    case 'OperationCellsExceedLimit':
      return 'too-large';
    case 'ItemNotFound': return 'not-found';
    case 'Timeout': return 'timeout';
    case 'ApiNotFound':
    case 'NotImplemented':
    case 'UnsupportedFeature':
      return 'unsupported';
    default: return 'other';
  }
}

export type MessageLanguage = 'vi' | 'en';

const TEXT: Record<MessageLanguage, Record<OfficeErrorKind, string>> = {
  vi: {
    'cell-edit': 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để rời ô đang sửa rồi bấm lại.',
    protected: 'Excel không cho thay đổi: trang hoặc sổ làm việc đang được bảo vệ. Hãy bỏ bảo vệ (Review › Unprotect Sheet) rồi bấm lại.',
    'too-large': 'Sổ làm việc quá lớn để Excel gửi trong một lần. Hãy dùng trang web Phụ lục 57 hoặc lệnh phuluc (CLI) với tệp .xlsx.',
    'not-found': 'Không tìm thấy trang hoặc ô cần dùng: có thể trang vừa bị đổi tên hay xóa. Hãy kiểm tra lại rồi bấm lại.',
    timeout: 'Excel không trả lời kịp. Hãy thử lại; nếu vẫn vậy, dùng trang web Phụ lục 57 hoặc lệnh phuluc (CLI).',
    unsupported: 'Phiên bản Excel này không hỗ trợ thao tác này. Hãy cập nhật Office, hoặc dùng trang web Phụ lục 57 hay lệnh phuluc (CLI).',
    other: 'Excel báo lỗi khi thực hiện thao tác. Hãy thử lại; nếu vẫn lỗi, dùng trang web Phụ lục 57 hoặc lệnh phuluc (CLI).',
  },
  en: {
    'cell-edit': 'Excel is editing a cell. Press Enter or Esc to leave the cell, then try again.',
    protected: 'Excel refused the change: the sheet or workbook is protected. Unprotect it (Review › Unprotect Sheet) and try again.',
    'too-large': 'The workbook is too large for Excel to send at once. Use the Phụ lục 57 web page or the phuluc command (CLI) on the .xlsx file.',
    'not-found': 'A sheet or cell it needs was not found: it may just have been renamed or deleted. Check and try again.',
    timeout: 'Excel did not answer in time. Try again; if it persists, use the Phụ lục 57 web page or the phuluc command (CLI).',
    unsupported: 'This version of Excel does not support this action. Update Office, or use the Phụ lục 57 web page or the phuluc command (CLI).',
    other: 'Excel reported an error. Try again; if it persists, use the Phụ lục 57 web page or the phuluc command (CLI).',
  },
};

/** The message for an error from Excel, with its code for support (the localized message is not shown). */
export function describeOfficeError(e: unknown, lang: MessageLanguage): string {
  const code = officeErrorCode(e);
  const text = TEXT[lang][officeErrorKind(e)];
  return code && officeErrorKind(e) === 'other' ? `${text} (${code})` : text;
}
