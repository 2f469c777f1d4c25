/**
 * A file the pane could not open, said plainly: the reader's reasons are "Vietnamese (detail) / English"
 * (src/xlsx/messages.ts); anything else (an exception from a library, a crashed worker) is technical text that the
 * person cannot act on, so it goes behind "Chi tiết" under a plain sentence.
 */
import type { Lang } from '../i18n';

export interface Problem {
  /** What to tell the person, in their language. */
  readonly plain: string;
  /** The technical text, shown on request; null when there is nothing more to say. */
  readonly detail: string | null;
}

const GENERIC: Readonly<Record<Lang, string>> = {
  vi: 'Không đọc được tệp này. Hãy mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi thử lại.',
  en: 'This file could not be read. Open it in Excel, save it as .xlsx and try again.',
};

/** Splits a reader message or an error into a plain sentence and its technical detail. */
export function problemOf(error: string, lang: Lang): Problem {
  const bilingual = /^(.+?) \/ (.+)$/s.exec(error.trim());
  // The reader's own reasons start with these words; other "a / b" texts are not ours.
  if (bilingual && /^(tệp|không)/iu.test(bilingual[1] ?? '')) {
    const vi = bilingual[1] ?? '';
    const en = bilingual[2] ?? '';
    const inner = /^(.*?)\s*\((.+)\)$/s.exec(vi);
    const plainVi = inner ? inner[1] ?? vi : vi;
    return { plain: lang === 'vi' ? `${plainVi}.` : `${en[0]?.toUpperCase() ?? ''}${en.slice(1)}.`, detail: inner ? inner[2] ?? null : null };
  }
  return { plain: GENERIC[lang], detail: error.trim() === '' ? null : error.trim() };
}
