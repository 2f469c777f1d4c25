import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../core/check/report';
import { currentLang } from '../i18n';
import { PeriodField } from './PeriodField';

const useStyles = makeStyles({
  card: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground2,
  },
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  who: { display: 'flex', flexDirection: 'column' },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** "2026-04-24" as officials write dates in Vietnamese: 24/04/2026. */
function shownDate(iso: string, lang: 'vi' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

interface Props {
  readonly report: FileReport;
  readonly period: number | null;
  readonly onPeriod: (year: number | null) => void;
  readonly onReload: () => void;
  readonly loading: boolean;
}

/** Who the report is from and when, the judged year, and "check again". */
export function CheckHeader({ report, period, onPeriod, onReload, loading }: Props) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  return (
    <div className={styles.card}>
      <div className={styles.top}>
        <div className={styles.who}>
          <Text weight="semibold" size={400}>{report.commune ? t('check.commune', { name: report.commune }) : t('check.noCommune')}</Text>
          {report.reportDate && <Text size={200} className={styles.meta}>{t('check.reportDate', { date: shownDate(report.reportDate, lang) })}</Text>}
        </div>
        <Button size="small" appearance="secondary" onClick={onReload} disabled={loading}>{t('check.reload')}</Button>
      </div>
      <PeriodField value={period} effective={report.period} onChange={onPeriod} />
    </div>
  );
}
