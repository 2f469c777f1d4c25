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
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, minWidth: 0,
  },
  top: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  written: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  pick: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', minWidth: 0 },
  short: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  line: {
    display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', alignItems: 'center', columnGap: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, paddingBlock: '2px',
  },
  lineText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: tokens.fontSizeBase200 },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const PAGE = 25;
/** Communes named on a line; the rest are counted (the full list is in the tooltip). */
const NAMED = 3;

interface Props {
  readonly entries: readonly ReviewEntry[];
  readonly catalog: Catalog;
  readonly onCorrect: (name: string, id: string) => void;
  /** Keys of entries the person accepted as they are (corrections count as reviewed too). */
  readonly reviewed: ReadonlySet<string>;
  readonly onReviewed: (keys: readonly string[], reviewed: boolean) => void;
}

function ConfidenceBadge({ entry }: { readonly entry: ReviewEntry }) {
  const { t } = useTranslation();
  if (entry.manual) return <Badge appearance="tint" color="success" size="small">{t('rollup.corrected')}</Badge>;
  if (entry.id === null) return <Badge appearance="filled" color="danger" size="small">{t('rollup.unmatched')}</Badge>;
  const value = Math.round(entry.confidence * 100);
  const color = entry.doubtful || entry.confidence < LOW_CONFIDENCE ? 'warning' : 'success';
  return <Badge appearance="tint" color={color} size="small">{t('rollup.confidence', { value })}</Badge>;
}

/** Is the entry settled: corrected by a person, or accepted as matched. */
export function isReviewed(e: ReviewEntry, reviewed: ReadonlySet<string>): boolean {
  return e.manual || reviewed.has(e.key);
}

function Card({ e, catalog, onCorrect, onAccept }: { readonly e: ReviewEntry; readonly catalog: Catalog; readonly onCorrect: Props['onCorrect']; readonly onAccept: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <li className={styles.item} data-confidence={e.id === null ? 0 : e.confidence}>
      <span className={styles.top}>
        <ConfidenceBadge entry={e} />
        <span className={styles.written}>{e.name}</span>
      </span>
      <span className={styles.meta} title={e.communes.join(', ')}>
        {e.communes.length > NAMED ? t('rollup.communesMore', { names: e.communes.slice(0, NAMED).join(', '), count: e.communes.length - NAMED }) : e.communes.join(', ')}
        {e.communes.length === 1 ? ` · ${e.at.sheet}!${e.at.cell}` : ''}
      </span>
      <span className={styles.pick}>
        <IndicatorPicker catalog={catalog} value={e.id}
          label={t('rollup.pickIndicator', { name: e.name, commune: e.communes[0] ?? '' })}
          onPick={id => onCorrect(e.name, id)} />
        {e.id !== null && (
          <Button size="small" aria-label={t('rollup.acceptFor', { name: e.name })} onClick={onAccept}>{t('rollup.accept')}</Button>
        )}
      </span>
    </li>
  );
}

/**
 * The matches of wordings to catalog indicators, weakest first, as cards to correct or accept; once reviewed a
 * match shrinks to one line of a short list (and can be opened again), so what is left to review stays on top.
 */
export function MatchReview({ entries, catalog, onCorrect, reviewed, onReviewed }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  // Corrected entries a person opened again to change once more.
  const [reopened, setReopened] = useState<ReadonlySet<string>>(new Set());
  if (entries.length === 0) return <Text>{t('rollup.noMatches')}</Text>;
  const settled = (e: ReviewEntry) => isReviewed(e, reviewed) && !reopened.has(e.key);
  const open = entries.filter(e => !settled(e));
  const done = entries.filter(settled);
  const visible = open.slice(0, shown);
  const accept = (keys: readonly string[]) => {
    onReviewed(keys, true);
    setReopened(s => new Set([...s].filter(k => !keys.includes(k))));
  };
  const reopen = (e: ReviewEntry) => {
    onReviewed([e.key], false);
    if (e.manual) setReopened(s => new Set([...s, e.key]));
  };
  return (
    <>
      <div className={styles.head}>
        <Text weight="semibold" data-testid="to-review">{open.length > 0 ? t('rollup.toReview', { count: open.length }) : t('rollup.allReviewed')}</Text>
        {visible.some(e => e.id !== null) && (
          <Button size="small" onClick={() => accept(visible.filter(e => e.id !== null).map(e => e.key))}>{t('rollup.acceptShown')}</Button>
        )}
      </div>
      {open.length > 0 && <Text size={200}>{t('rollup.reviewHint')}</Text>}
      {open.length > 0 && (
        <ul className={styles.list} data-testid="match-review">
          {visible.map(e => (
            <Card key={e.key} e={e} catalog={catalog} onAccept={() => accept([e.key])}
              onCorrect={(name, id) => { onCorrect(name, id); accept([e.key]); }} />
          ))}
        </ul>
      )}
      {open.length > shown && (
        <Button size="small" appearance="subtle" onClick={() => setShown(n => n + PAGE)}>
          {t('rollup.showMore')} ({t('rollup.showing', { shown, total: open.length })})
        </Button>
      )}
      {done.length > 0 && (
        <details data-testid="match-reviewed-box">
          <summary><Text size={200} weight="semibold">{t('rollup.reviewed', { count: done.length })}</Text></summary>
          <ul className={styles.short} data-testid="match-reviewed">
            {done.map(e => (
              <li key={e.key} className={styles.line}>
                <span className={styles.lineText} title={`${e.name} → ${e.indicatorName}`}>{e.name} → {e.indicatorName}</span>
                <Button size="small" appearance="subtle" aria-label={t('rollup.reopenFor', { name: e.name })} onClick={() => reopen(e)}>{t('rollup.reopen')}</Button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
