import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { STATUS_LABELS } from '../../core/check/labels';
import type { RowStatus } from '../../core/check/report';
import en from './en.json';
import vi from './vi.json';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

const STORAGE_KEY = 'phuluc57.lang';

/** The language the person chose last time on this computer; Vietnamese otherwise. */
export function savedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function saveLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage can be disabled (private mode, locked-down PCs): the choice then lasts for the session only.
  }
}

/** A separate instance per pane (and per test), initialised synchronously from the bundled tables. */
export function createI18n(lng: Lang = 'vi'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'vi',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}

export function currentLang(i18n: I18n): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** Status names come from the core (one table for the CLI, the sheets and the pane), in the pane's language. */
export function useStatusLabel(): (status: RowStatus | 'not_reported') => string {
  const { i18n } = useTranslation();
  const lang = currentLang(i18n);
  return status => STATUS_LABELS[status][lang];
}
