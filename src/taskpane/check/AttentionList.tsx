import { makeStyles, mergeClasses, shorthands, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { StatusChip } from '../components/StatusChip';
import type { AttentionItem } from '../model/summary';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    width: '100%', textAlign: 'left', cursor: 'pointer', display: 'flex', flexDirection: 'column', gap: '2px',
    backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1,
    ...shorthands.border('1px', 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontFamily: 'inherit', fontSize: tokens.fontSizeBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  selected: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  name: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' },
  reason: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  flag: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  readonly items: readonly AttentionItem[];
  readonly selected: string | null;
  readonly onSelect: (item: AttentionItem) => void;
}

/** Rows needing a look; each is a button that takes the person to its cell. */
export function AttentionList({ items, selected, onSelect }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (items.length === 0) return <Text>{t('attention.none')}</Text>;
  return (
    <ul className={styles.list} aria-label={t('attention.title')} data-testid="attention-list">
      {items.map(item => {
        const where = `${item.sheet}!${item.cell}`;
        const isSelected = selected === where;
        return (
          <li key={item.key}>
            <button type="button" className={mergeClasses(styles.item, isSelected && styles.selected)}
              aria-current={isSelected ? 'true' : undefined}
              aria-label={t('attention.goto', { cell: where, name: item.name })}
              onClick={() => onSelect(item)}>
              <span className={styles.top}>
                <StatusChip status={item.status} />
                {item.contradiction && <span className={styles.flag}>{t('attention.contradiction')}</span>}
                <span className={styles.cell}>{where}</span>
              </span>
              <span className={styles.name}>{item.code ? `${item.code}. ` : ''}{item.name}</span>
              <span className={styles.reason}>{item.reason}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
