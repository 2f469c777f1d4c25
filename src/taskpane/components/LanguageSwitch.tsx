import { makeStyles, Select } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang, LANGS, saveLang, type Lang } from '../i18n';

const useStyles = makeStyles({ select: { width: '112px' } });

const NAMES: Readonly<Record<Lang, string>> = { vi: 'Tiếng Việt', en: 'English' };

/** Vietnamese first, English on request; the choice is remembered on this computer. */
export function LanguageSwitch() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  useEffect(() => { document.documentElement.lang = lang; }, [lang]);
  return (
    <Select className={styles.select} size="small" aria-label={t('app.language')} value={lang}
      onChange={(_, d) => {
        const next: Lang = d.value === 'en' ? 'en' : 'vi';
        saveLang(next);
        void i18n.changeLanguage(next);
      }}>
      {LANGS.map(l => <option key={l} value={l}>{NAMES[l]}</option>)}
    </Select>
  );
}
