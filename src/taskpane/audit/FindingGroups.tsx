import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, makeStyles, mergeClasses, shorthands, Text, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, Severity } from '../../core/audit/finding';
import { currentLang } from '../i18n';
import { ruleTitle, type FindingGroup } from '../model/audit';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, textAlign: 'left' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    width: '100%', textAlign: 'left', cursor: 'pointer', display: 'flex', flexDirection: 'column', gap: '2px',
    backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1, fontFamily: 'inherit',
    ...shorthands.border('1px', 'solid', tokens.colorNeutralStroke2), borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, fontSize: tokens.fontSizeBase200,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  selected: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  where: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  formula: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

const BADGE: Readonly<Record<Severity, 'danger' | 'warning' | 'informative'>> = { error: 'danger', warning: 'warning', info: 'informative' };
const PAGE = 50;

interface Props {
  readonly groups: readonly FindingGroup[];
  readonly selected: string | null;
  readonly onSelect: (finding: Finding) => void;
}

function Group({ group, selected, onSelect }: { readonly group: FindingGroup } & Omit<Props, 'groups'>) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      <ul className={styles.list}>
        {group.findings.slice(0, shown).map(f => {
          const where = `${f.sheet}!${f.cell}`;
          return (
            <li key={where}>
              <button type="button" className={mergeClasses(styles.item, selected === where && styles.selected)}
                aria-current={selected === where ? 'true' : undefined}
                aria-label={t('audit.goto', { cell: where, message: f.message })} onClick={() => onSelect(f)}>
                <span className={styles.where}>{where}</span>
                {f.formula && <span className={styles.formula}>{f.formula}</span>}
                <span>{f.message}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {group.findings.length > shown && (
        <Button size="small" appearance="subtle" onClick={() => setShown(n => n + PAGE)}>
          {t('rollup.showMore')} ({t('rollup.showing', { shown, total: group.findings.length })})
        </Button>
      )}
    </>
  );
}

/** Findings grouped by cause, largest risk first, with the cells inside; every finding takes the person to its cell. */
export function FindingGroups({ groups, selected, onSelect }: Props) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  return (
    <Accordion collapsible multiple data-testid="finding-groups">
      {groups.map(g => (
        <AccordionItem key={g.id} value={g.id}>
          <AccordionHeader size="small">
            <span className={styles.header}>
              <Badge appearance="filled" color={BADGE[g.severity]} size="small">{g.findings.length}</Badge>
              <Text weight="semibold">{ruleTitle(g.rule, lang)}</Text>
              <Text size={200}>· {t(`audit.severity.${g.severity}`)}</Text>
            </span>
          </AccordionHeader>
          <AccordionPanel><Group group={g} selected={selected} onSelect={onSelect} /></AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
