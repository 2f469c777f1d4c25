import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { INDICATOR_STATUSES, TASK_STATUSES, type RowStatus } from '../../core/check/report';
import { STATUS } from '../../core/status/vocabulary';
import { currentLang, useStatusLabel } from '../i18n';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  swatch: {
    width: '28px', height: '16px', flexShrink: 0, borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke1}`, fontSize: '10px', lineHeight: '14px', textAlign: 'center',
  },
});

// Tasks share colours with the verdicts; listing them separately tells people which task state each colour means.
const ORDER: readonly RowStatus[] = [...INDICATOR_STATUSES, ...TASK_STATUSES.filter(s => s !== 'no_data')];

/** What each cell colour means, collapsed by default to keep the pane short. */
export function Legend() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const label = useStatusLabel();
  return (
    <Accordion collapsible>
      <AccordionItem value="legend">
        <AccordionHeader size="small">{t('legend.title')}</AccordionHeader>
        <AccordionPanel>
          <ul className={styles.list} aria-label={t('legend.title')}>
            {ORDER.map(s => {
              const c = STATUS[s];
              return (
                <li key={s} className={styles.item} title={c.meaning[lang]}>
                  <span className={styles.swatch} style={{ backgroundColor: `#${c.fill}`, color: `#${c.font}` }} aria-hidden="true">Aa</span>
                  {label(s)}
                </li>
              );
            })}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
