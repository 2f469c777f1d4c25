import { Button, Field, makeStyles, mergeClasses, ProgressBar, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../worker/queue';

const useStyles = makeStyles({
  scroll: {
    maxHeight: '320px', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  list: { listStyle: 'none', margin: 0, padding: tokens.spacingHorizontalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'grid', gridTemplateColumns: '1fr auto', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', minWidth: 0 },
  mark: { width: '1.2em', flexShrink: 0, textAlign: 'center', fontWeight: tokens.fontWeightBold },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  off: { color: tokens.colorNeutralForeground3 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  detail: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
});

const PENDING = new Set(['queued', 'reading', 'checking']);

interface Props {
  readonly items: readonly QueueItem[];
  readonly onCancel: (id: number) => void;
  readonly onRemove: (id: number) => void;
}

function Finished({ item, onRemove }: { readonly item: QueueItem; readonly onRemove: (id: number) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const mark = item.state === 'done' ? { text: '✓', className: styles.ok }
    : item.state === 'failed' ? { text: '!', className: styles.bad } : { text: '–', className: styles.off };
  const detail = item.state === 'done'
    ? [item.report?.commune, t('rollup.tablesFound', { count: item.report?.tables.length ?? 0 })].filter(Boolean).join(' · ')
    : t(`rollup.state.${item.state}`);
  return (
    <>
      <span className={styles.line}>
        <span className={mergeClasses(styles.mark, mark.className)} aria-hidden="true">{mark.text}</span>
        <span className={styles.name} title={item.name}>{item.name}</span>
        <span className={styles.detail}>{detail}</span>
      </span>
      <Button size="small" appearance="subtle" aria-label={t('rollup.remove', { name: item.name })} onClick={() => onRemove(item.id)}>×</Button>
    </>
  );
}

function Pending({ item, onCancel }: { readonly item: QueueItem; readonly onCancel: (id: number) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const state = t(`rollup.state.${item.state}`);
  return (
    <>
      <Field label={<span className={styles.name} title={item.name}>{item.name}</span>} size="small" validationMessage={state} validationState="none">
        <ProgressBar thickness="large" {...(item.progress === null ? {} : { value: item.progress })} />
      </Field>
      <Button size="small" appearance="secondary" aria-label={t('rollup.cancelFile', { name: item.name })} onClick={() => onCancel(item.id)}>{t('rollup.cancel')}</Button>
    </>
  );
}

/**
 * One progress bar per file being read, each with its own cancel; finished files shrink to one line (the reasons of
 * failed files are listed at the top of the view, FailedFiles).
 */
export function FileQueueList({ items, onCancel, onRemove }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={t('rollup.filesRegion')}>
      <ul className={styles.list} data-testid="file-queue">
        {items.map(item => (
          <li key={item.id} className={styles.item} data-state={item.state}>
            {PENDING.has(item.state) ? <Pending item={item} onCancel={onCancel} /> : <Finished item={item} onRemove={onRemove} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
