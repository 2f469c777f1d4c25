import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../core/catalog/catalog';
import { LOW_CONFIDENCE } from '../../core/catalog/match';
import type { ReviewEntry } from '../model/review';
import { IndicatorPicker } from './IndicatorPicker';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  top: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  written: { fontWeight: tokens.fontWeightSemibold },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

const PAGE = 25;
/** Communes named on a line; the rest are counted (the full list is in the tooltip). */
const NAMED = 3;

interface Props {
  readonly entries: readonly ReviewEntry[];
  readonly catalog: Catalog;
  readonly onCorrect: (name: string, id: string) => void;
}

function ConfidenceBadge({ entry }: { readonly entry: ReviewEntry }) {
  const { t } = useTranslation();
  if (entry.manual) return <Badge appearance="tint" color="success" size="small">{t('rollup.corrected')}</Badge>;
  if (entry.id === null) return <Badge appearance="filled" color="danger" size="small">{t('rollup.unmatched')}</Badge>;
  const value = Math.round(entry.confidence * 100);
  const color = entry.doubtful || entry.confidence < LOW_CONFIDENCE ? 'warning' : 'success';
  return <Badge appearance="tint" color={color} size="small">{t('rollup.confidence', { value })}</Badge>;
}

/** The matches of wordings to catalog indicators, weakest first; each can be corrected from the catalog. */
export function MatchReview({ entries, catalog, onCorrect }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  if (entries.length === 0) return <Text>{t('rollup.noMatches')}</Text>;
  return (
    <>
      <Text size={200}>{t('rollup.reviewHint')}</Text>
      <ul className={styles.list} data-testid="match-review">
        {entries.slice(0, shown).map(e => (
          <li key={e.key} className={styles.item} data-confidence={e.id === null ? 0 : e.confidence}>
            <span className={styles.top}>
              <ConfidenceBadge entry={e} />
              <span className={styles.written}>{e.name}</span>
            </span>
            <span className={styles.meta} title={e.communes.join(', ')}>
              {e.communes.length > NAMED ? t('rollup.communesMore', { names: e.communes.slice(0, NAMED).join(', '), count: e.communes.length - NAMED }) : e.communes.join(', ')}
              {e.communes.length === 1 ? ` · ${e.at.sheet}!${e.at.cell}` : ''}
            </span>
            <IndicatorPicker catalog={catalog} value={e.id}
              label={t('rollup.pickIndicator', { name: e.name, commune: e.communes[0] ?? '' })}
              onPick={id => onCorrect(e.name, id)} />
          </li>
        ))}
      </ul>
      {entries.length > shown && (
        <Button size="small" appearance="subtle" onClick={() => setShown(n => n + PAGE)}>
          {t('rollup.showMore')} ({t('rollup.showing', { shown, total: entries.length })})
        </Button>
      )}
    </>
  );
}
